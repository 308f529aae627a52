"""A table of one-line rows drawn a line at a time (Textual's line API), for long lists.

The agreements ledger and the entities list hold tens of thousands of rows on a large store:
`TableView` keeps them as tuples of strings and formats only the lines on screen (cut to
their column's width, Korean counting two cells), so that a new filter or sort costs a list of
indices, not a widget or a `Content` per row. Columns have a fixed width, or share what is
left (`flex`). The cursor is a row of the current order; the view posts `Highlighted` and
`Selected` (Enter, or a click).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Sequence

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.style import Style

from ..i18n import HEADING_CONTEXT, translator
from .linegeometry import FrameGeometry
from .linestyles import StyledScrollView
from .render import fit_str


class Column(NamedTuple):
    """A column: its heading (a msgid of the catalog in the context `heading`, extracted
    from the `Column(...)` call by i18n_extract), its width in cells (with `flex`, the least
    it gets, sharing the width left by the fixed columns), numbers aligned right."""

    key: str
    title: str
    width: int
    flex: int = 0
    numeric: bool = False

    def heading(self, lang: str) -> str:
        """The heading in the display language's words."""
        return translator(lang).pgettext(HEADING_CONTEXT, self.title) if self.title else ""


class TableRow(NamedTuple):
    """One row: the strings of its cells, an id for whoever reads the selection, and the style
    of its line ('' for the table's own)."""

    id: str
    cells: tuple[str, ...]
    style: str = ""


GAP = 1  # cells between two columns


def widths(columns: Sequence[Column], total: int) -> list[int]:
    """Each column's width in `total` cells: the fixed ones as declared (cut down, last first,
    when the terminal is too narrow), the flexible ones sharing what is left by their weight."""
    out = [c.width for c in columns]
    room = total - GAP * (len(columns) - 1)
    flex = [i for i, c in enumerate(columns) if c.flex]
    left = room - sum(out)
    if left > 0 and flex:
        weight = sum(columns[i].flex for i in flex)
        for i in flex:
            out[i] += left * columns[i].flex // weight
        out[flex[-1]] += room - sum(out)
    while sum(out) > room and any(out):  # too narrow: shrink the widest first
        widest = max(range(len(out)), key=lambda i: out[i])
        out[widest] -= 1
    return out


def line_parts(cells: Sequence[str], columns: Sequence[Column], sizes: Sequence[int]) -> list[str]:
    """The cells cut and padded to their widths, each with the gap after it (but the last)."""
    parts = []
    for cell, column, size in zip(cells, columns, sizes):
        if size <= 0:
            continue
        text = fit_str(cell.replace("\n", " "), size)
        pad = " " * (size - cell_len(text))
        parts.append((pad + text if column.numeric else text + pad) + " " * GAP)
    if parts:
        parts[-1] = parts[-1][:-GAP] if GAP else parts[-1]
    return parts


def line_text(cells: Sequence[str], columns: Sequence[Column], sizes: Sequence[int]) -> str:
    """The cells cut and padded to their widths, in one line."""
    return "".join(line_parts(cells, columns, sizes))


class TableView(FrameGeometry, StyledScrollView, can_focus=False):
    """Rows in the order given (`show`), drawn only where they are on screen."""

    COMPONENT_CLASSES = {"tableview--cursor"}

    @dataclass
    class Highlighted(Message):
        table: "TableView"
        row: TableRow

    @dataclass
    class Selected(Message):
        table: "TableView"
        row: TableRow

    def __init__(self, columns: Sequence[Column], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = list(columns)
        self.rows: list[TableRow] = []
        self.order: list[int] = []  # indices into `rows`, as shown
        self.cursor = 0  # a position in `order`
        self._cache: LRUCache[tuple, Strip] = LRUCache(512)
        self._styles: dict[str, Style] = {}

    # -- content --------------------------------------------------------------------------

    def show(self, rows: list[TableRow], order: list[int], cursor_id: str | None = None,
             *, cursor_row: int | None = None) -> None:
        """Show `rows` in `order`, the cursor on the row `cursor_row` (its number in `rows`)
        or else `cursor_id` if it is shown, else on the first row."""
        before = self._shown_lines()
        same_rows = rows is self.rows
        self.rows, self.order = rows, order
        if not same_rows:  # (lines are kept by row number: still right in another order)
            self._cache.clear()
        self.cursor = 0
        if cursor_row is None and cursor_id is not None:
            cursor_row = next((i for i, row in enumerate(rows) if row.id == cursor_id), None)
        if cursor_row is not None:
            try:  # (a C loop over the order: a filter letter on 17,000 rows costs no Python loop)
                self.cursor = order.index(cursor_row)
            except ValueError:
                self.cursor = 0
        self._set_virtual_size(Size(self.scrollable_content_region.width, len(order)))
        self.scroll_to(y=0, animate=False, immediate=True)
        self._scroll_to_cursor()
        after = self._shown_lines()
        if not same_rows or before[0] != after[0] or len(before[1]) != len(after[1]):
            self.refresh()
        else:
            # Only the lines showing another row (or the cursor coming or going): a letter
            # typed in the filter often keeps most of the rows on screen where they were.
            width = self.size.width
            changed = [Region(0, y, width, 1) for y, (old, new) in enumerate(zip(before[1], after[1]))
                       if old != new]
            if changed:  # (refresh() with no region would draw every line)
                self.refresh(*changed)
        self._announce()

    def _shown_lines(self) -> tuple[tuple[int, int, int], list[tuple[int, bool] | None]]:
        """(first line shown, widget width, text width) and, for each line on screen, the row
        it shows and whether the cursor is on it (None: a blank line)."""
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        order, cursor = self.order, self.cursor
        lines: list[tuple[int, bool] | None] = [
            (order[p], p == cursor) if p < len(order) else None for p in range(top, top + height)]
        return (top, self.size.width, self.scrollable_content_region.width), lines

    @property
    def current(self) -> TableRow | None:
        return self.rows[self.order[self.cursor]] if 0 <= self.cursor < len(self.order) else None

    def sizes(self) -> list[int]:
        return widths(self.columns, self.scrollable_content_region.width)

    def heading(self, lang: str, sort_key: str | None = None, descending: bool = False) -> Content:
        """The line of column headings for the view's width, the sort column marked."""
        sizes = self.sizes()
        cells = [c.heading(lang) + ((" ↓" if descending else " ↑") if c.key == sort_key else "")
                 for c in self.columns]
        return Content(line_text(cells, self.columns, sizes))

    # -- drawing --------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self._set_virtual_size(Size(self.scrollable_content_region.width, len(self.order)))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()
        self.refresh()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            if name == "base":
                style = self.visual_style
            elif name == "cursor":
                style = self.visual_style + self.get_visual_style("tableview--cursor")
            else:
                style = self.visual_style + self._parse_style(name)
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        width, full, top, _ = self._geometry()
        position = top + y
        if position >= len(self.order):
            return Strip.blank(full, self._style("base").rich_style)
        row = self.rows[self.order[position]]
        name = "cursor" if position == self.cursor else (row.style or "base")
        style = self._style(name)
        key = (self.order[position], width, full, name)
        strip = self._cache.get(key)
        if strip is None:
            # A segment per cell: each column then starts at its own cell in every rendering
            # (an SVG screenshot places segments by their cells, not the glyphs' widths).
            rich_style = style.rich_style
            parts = line_parts(row.cells, self.columns, widths(self.columns, width))
            strip = Strip([Segment(part, rich_style) for part in parts]).extend_cell_length(full, rich_style)
            self._cache[key] = strip
        return strip

    # -- the cursor -----------------------------------------------------------------------

    def move(self, delta: int) -> None:
        """Move the cursor `delta` rows (clamped to the list)."""
        self.move_to(self.cursor + delta)

    def move_to(self, position: int) -> None:
        if not self.order:
            return
        position = max(0, min(position, len(self.order) - 1))
        if position == self.cursor:
            return
        old, self.cursor = self.cursor, position
        self._refresh_line(old)
        self._refresh_line(position)
        self._scroll_to_cursor()
        self._announce()

    def page(self, delta: int) -> None:
        self.move(delta * max(self.scrollable_content_region.height - 1, 1))

    def select(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Selected(self, row))

    def _refresh_line(self, position: int) -> None:
        self.refresh(Region(0, position - self.scroll_offset.y, self.size.width, 1))

    def _scroll_to_cursor(self) -> None:
        if self.order:
            self.scroll_to_region(Region(0, self.cursor, self.scrollable_content_region.width, 1),
                                  animate=False, force=True, immediate=True)

    def _announce(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Highlighted(self, row))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        position = self.scroll_offset.y + offset.y
        if 0 <= position < len(self.order):
            self.move_to(position)
            self.select()
