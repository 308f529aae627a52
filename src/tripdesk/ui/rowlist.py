"""A list of selectable rows drawn a line at a time (Textual's line API).

Like `OptionList`, with its method names (`set_options`, `highlighted`, `get_option_index`,
...), but made for the timeline's "within a frame" budget: rows do not wrap (each line is cut
to the width with an ellipsis, Korean counting two cells) unless a row asks to (`Row.hang`:
its one line wraps under the text after its first `hang` cells, as an event's title wraps
under the title), only the lines on screen are rendered (and cached by line, width and
style), and a new list changes the scroll limits without asking for a layout of the whole
screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style

from .linegeometry import FrameGeometry
from .linestyles import StyledScrollView
from .render import fit


MIN_WRAP = 12  # a row wraps only when its text keeps at least this many cells a line
NARROW_HANG = 4  # a hanging row too narrow for its text beside its head: the text's indent beneath it


@dataclass
class Row:
    """One entry: an id, and a prompt of one or more lines.

    `hang`: a one-line row that does not fit wraps, its first `hang` cells (a time, a mark, a
    kind) kept on the first line and the rest wrapped beneath them, indented by `hang`; in a
    list too narrow to keep `MIN_WRAP` cells beside them, the head has a line of its own and
    the rest is wrapped beneath it, indented by `NARROW_HANG`.
    `wraps`: every line of the row that does not fit wraps, indented by `hang` (a trip's title
    in both languages: neither is cut off)."""

    prompt: Content
    id: str | None = None
    disabled: bool = False
    lines: list[Content] = field(default_factory=list)
    hang: int = 0
    wraps: bool = False
    _wrapped: tuple[int, list[Content]] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.lines = self.prompt.split("\n") if "\n" in self.prompt.plain else [self.prompt]

    def lines_for(self, width: int) -> list[Content]:
        """The lines drawn at `width` cells (wrapped once per width, then kept)."""
        if self.wraps:
            return self._all_wrapped(width)
        if (not self.hang or len(self.lines) != 1 or width - NARROW_HANG < MIN_WRAP
                or self.prompt.cell_length <= width):
            return self.lines
        if self._wrapped is None or self._wrapped[0] != width:
            # The head is the characters within the first `hang` cells (a Korean kind is two
            # cells a letter; one that would stick out by half starts the text instead), padded
            # to `hang`: the first line is never wider than the others.
            cut = _index_within_cells(self.prompt.plain, self.hang)
            head, text = self.prompt[:cut], self.prompt[cut:]
            if width - self.hang >= MIN_WRAP:
                head = head.pad_right(self.hang - head.cell_length)
                pieces = text.wrap(width - self.hang)
                indent = Content(" " * self.hang)
                self._wrapped = (width, [head + pieces[0], *(indent + piece for piece in pieces[1:])])
            else:  # the head alone (cut with a mark if need be), the text whole beneath it
                indent = Content(" " * NARROW_HANG)
                self._wrapped = (width, [head.rstrip(), *(indent + piece for piece in text.wrap(width - NARROW_HANG))])
        return self._wrapped[1]

    def _all_wrapped(self, width: int) -> list[Content]:
        if width - self.hang < MIN_WRAP or all(line.cell_length <= width for line in self.lines):
            return self.lines
        if self._wrapped is None or self._wrapped[0] != width:
            self._wrapped = (width, _wrap_lines(self.lines, width, self.hang))
        return self._wrapped[1]


def _wrap_lines(lines: list[Content], width: int, hang: int) -> list[Content]:
    out: list[Content] = []
    indent = Content(" " * hang)
    for line in lines:
        if line.cell_length <= width:
            out.append(line)
            continue
        pieces = line.wrap(width - hang)
        out.extend([pieces[0], *(indent + piece for piece in pieces[1:])])
    return out


def _index_within_cells(text: str, cells: int) -> int:
    """The index of the first character of `text` that does not end within its first `cells`
    cells."""
    from rich.cells import cell_len

    width = 0
    for index, char in enumerate(text):
        width += cell_len(char)
        if width > cells:
            return index
    return len(text)


class RowList(FrameGeometry, StyledScrollView, can_focus=True, inherit_bindings=False):
    """Selectable rows; posts `RowList.Highlighted` and `RowList.Selected`."""

    COMPONENT_CLASSES = {"rowlist--highlight", "rowlist--disabled"}

    # Its own keys only (`inherit_bindings=False`): ScrollView's sideways keys do nothing in a
    # list whose rows never wrap nor scroll sideways. Each has an id, so it can be remapped.
    BINDINGS = [
        Binding("up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("home", "first", "First", show=False, id="list.first"),
        Binding("end", "last", "Last", show=False, id="list.last"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("enter", "select", "Select", show=False, id="list.select"),
    ]

    highlighted: reactive[int | None] = reactive(None, repaint=False, init=False)

    @dataclass
    class Highlighted(Message):
        row_list: "RowList"
        option: Row
        option_index: int

    @dataclass
    class Selected(Message):
        row_list: "RowList"
        option: Row
        option_index: int

    def __init__(self, *rows: Row, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[Row] = []
        self._ids: dict[str, int] = {}
        self._line_map: list[tuple[int, int]] = []  # line -> (row index, line in row)
        self._first_line: list[int] = []  # row index -> its first line
        self._cache: LRUCache[tuple, tuple[Row, Strip]] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._lines: list[list[Content]] = []  # row index -> its lines at `_laid_out_for`
        self._laid_out_for = 0
        if rows:
            self.set_options(rows)

    # -- the OptionList-like API --------------------------------------------------------------

    @property
    def option_count(self) -> int:
        return len(self._rows)

    @property
    def options(self) -> list[Row]:
        return list(self._rows)

    @property
    def highlighted_option(self) -> Row | None:
        index = self.highlighted
        return self._rows[index] if index is not None and index < len(self._rows) else None

    def get_option_at_index(self, index: int) -> Row:
        return self._rows[index]

    def row_lines(self, index: int) -> list[Content]:
        """The lines row `index` is drawn in at the list's width (a wrapped row's several)."""
        return self._lines[index]

    def get_option_index(self, option_id: str) -> int:
        """The index of the row with this id (KeyError if none)."""
        return self._ids[option_id]

    def set_options(self, rows) -> "RowList":  # noqa: ANN001 - an iterable of Row
        """Replace every row; the highlight goes to the first row that can take it."""
        self._rows = list(rows)
        self._ids = {row.id: i for i, row in enumerate(self._rows) if row.id is not None}
        self._lay_out(self.scrollable_content_region.width)
        self.set_reactive(RowList.highlighted, None)
        self.refresh()
        return self

    def _lay_out(self, width: int) -> None:
        """Map the lines of the view to rows, the rows that wrap wrapped for `width`."""
        self._laid_out_for = width
        self._lines = [row.lines_for(width) if width > 0 else row.lines for row in self._rows]
        self._line_map, self._first_line = [], []
        for index, lines in enumerate(self._lines):
            self._first_line.append(len(self._line_map))
            self._line_map.extend((index, sub) for sub in range(len(lines)))
        self._set_virtual_size(Size(width, len(self._line_map)))

    # -- drawing ------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        if width != self._laid_out_for and any(row.hang for row in self._rows):
            self._lay_out(width)  # rows wrap differently: the highlight stays in view
            self.refresh()
            self.call_after_refresh(self.scroll_to_highlight)
            return
        self._laid_out_for = width
        self._cache.clear()
        self._set_virtual_size(Size(width, len(self._line_map)))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self.refresh()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = (self.visual_style if name == "base"
                                          else self.visual_style + self.get_visual_style(name))
        return style

    def render_line(self, y: int) -> Strip:
        width, full, top, _ = self._geometry()
        line_number = top + y
        if line_number >= len(self._line_map):
            return Strip.blank(width, self._style("base").rich_style)
        index, sub = self._line_map[line_number]
        row = self._rows[index]
        name = ("rowlist--disabled" if row.disabled
                else "rowlist--highlight" if index == self.highlighted else "base")
        style = self._style(name)
        # The strip spans the whole widget (`full`), the cell under the scrollbar too: it is
        # drawn once, not extended again for the widget's width (paint.fast_render_lines).
        # A row's line is drawn once for its look: a new list of the same rows (a fold, the
        # search's hits of another kind) takes the lines drawn for them, wherever they are now.
        # (The row itself is kept with its strip, so that its id is not another row's.)
        key = (id(row), sub, self._laid_out_for, width, full, name, style)
        kept = self._cache.get(key)
        strip = kept[1] if kept is not None else None
        if strip is None:
            line = fit(self._lines[index][sub], width)
            segments = [Segment(text, part.rich_style)
                        for text, part in line.render(style, end="", parse_style=self._parse_style)]
            # No `apply_meta({"row": ...})` for clicks: it builds a new style per segment
            # (~0.1 ms a line, every line of a newly opened trip); `_on_click` finds the row
            # from the click's position instead.
            strip = Strip(segments).extend_cell_length(full, style.rich_style)
            self._cache[key] = (row, strip)
        return strip

    def _refresh_row(self, index: int | None) -> None:
        if index is None or index >= len(self._rows):
            return
        first = self._first_line[index]
        self.refresh(Region(0, first - self.scroll_offset.y, self.size.width,
                            len(self._lines[index])))

    # -- the highlight ------------------------------------------------------------------------

    def validate_highlighted(self, value: int | None) -> int | None:
        if value is None or not self._rows:
            return None
        return max(0, min(value, len(self._rows) - 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        if new is None:
            return
        self.scroll_to_highlight()
        row = self._rows[new]
        if not row.disabled:
            self.post_message(self.Highlighted(self, row, new))

    def scroll_to_highlight(self, top: bool = False) -> None:
        index = self.highlighted
        if index is None or index >= len(self._rows):
            return
        first = self._first_line[index]
        height = len(self._lines[index])
        self.scroll_to_region(Region(0, first, self.scrollable_content_region.width, height),
                              animate=False, force=True, top=top, immediate=True)

    def _step(self, start: int, delta: int) -> int | None:
        index = start
        while 0 <= index + delta < len(self._rows):
            index += delta
            if not self._rows[index].disabled:
                return index
        return None

    def action_cursor_down(self) -> None:
        start = -1 if self.highlighted is None else self.highlighted
        target = self._step(start, +1)
        if target is not None:
            self.highlighted = target

    def action_cursor_up(self) -> None:
        start = len(self._rows) if self.highlighted is None else self.highlighted
        target = self._step(start, -1)
        if target is not None:
            self.highlighted = target

    def action_first(self) -> None:
        target = self._step(-1, +1)
        if target is not None:
            self.highlighted = target

    def action_last(self) -> None:
        target = self._step(len(self._rows), -1)
        if target is not None:
            self.highlighted = target

    def _page(self, delta: int) -> None:
        if not self._rows:
            return
        start = self.highlighted if self.highlighted is not None else 0
        line = self._first_line[start] + delta * max(self.scrollable_content_region.height - 1, 1)
        line = max(0, min(line, len(self._line_map) - 1))
        target = self._line_map[line][0]
        if self._rows[target].disabled:
            target = self._step(target, 1 if delta > 0 else -1) or target
        self.highlighted = target

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_select(self) -> None:
        row = self.highlighted_option
        if row is not None and not row.disabled:
            self.post_message(self.Selected(self, row, self.highlighted))  # type: ignore[arg-type]

    def row_at(self, y: int) -> int | None:
        """The index of the row drawn on line `y` of the view, if any."""
        line = self.scroll_offset.y + y
        return self._line_map[line][0] if 0 <= line < len(self._line_map) else None

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        index = None if offset is None else self.row_at(offset.y)
        if index is None or self._rows[index].disabled:
            return
        self.highlighted = index
        self.action_select()
