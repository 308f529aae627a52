"""A scrolling document drawn a line at a time (Textual's line API).

The detail pane shows documents of a few hundred lines (a whole trip with its quotes and
sources, a 5,000-character quote). A `Static` would render every line again whenever the pane
is restyled (a focus change is enough); `DocView` keeps the document wrapped to its width
as `Content` lines and renders only the lines on screen, caching them by line, width and style.

Wrapping a long document takes longer than drawing a frame (a whole trip: 8-13 ms), so a new
document is wrapped only as far as the screen shows before the frame is drawn, and the rest
just after it (docs/performance.md).
"""

from __future__ import annotations

from typing import Iterator

from rich.segment import Segment
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.events import Resize
from textual.geometry import Size
from textual.strip import Strip

from .linegeometry import FrameGeometry
from .linestyles import StyledScrollView
from .render import Doc

PAD = 1  # cells left and right of the text


def _wrap_width(view_width: int) -> int:
    """The width the document is wrapped to in a view this wide."""
    return max(view_width - 2 * PAD, 0)


class DocView(FrameGeometry, StyledScrollView, can_focus=True, inherit_bindings=False):
    """Shows a `Doc`, wrapped to the view's width with hanging indents."""

    # Its own keys only (`inherit_bindings=False`): a document wrapped to its width never
    # scrolls sideways, so ScrollView's sideways keys are left out. Each has an id.
    BINDINGS = [
        Binding("up", "scroll_up", "Up", show=False, id="doc.up"),
        Binding("down", "scroll_down", "Down", show=False, id="doc.down"),
        Binding("home", "scroll_home", "Top", show=False, id="doc.first"),
        Binding("end", "scroll_end", "Bottom", show=False, id="doc.last"),
        Binding("pageup", "page_up", "Page up", show=False, id="doc.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="doc.page_down"),
    ]

    def __init__(self, doc: Doc | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._doc = doc or Doc()
        self._lines: list[Content] = []
        self._unwrapped: Iterator[Content] | None = None  # the lines not wrapped yet
        self._wrapped_for = -1
        self._cache: LRUCache[tuple[int, int, object], Strip] = LRUCache(1024)

    @property
    def doc(self) -> Doc:
        return self._doc

    @property
    def lines(self) -> list[Content]:
        """The document as wrapped for the current width."""
        self._wrap_rest()
        return self._lines

    def update(self, doc: Doc, scroll_home: bool = True) -> None:
        """Show another document."""
        self._doc = doc
        self._wrapped_for = -1
        self._rewrap()
        if scroll_home and (self.scroll_offset.x or self.scroll_offset.y):
            self.scroll_to(0, 0, animate=False)

    def _text_width(self) -> int:
        return _wrap_width(self.scrollable_content_region.width)

    def _rewrap(self) -> None:
        width = self._text_width()
        if width <= 0 or width == self._wrapped_for:
            return
        self._wrapped_for = width
        self._lines, self._unwrapped = self._doc.start_wrapped(width)
        self._cache.clear()
        self._wrap_to(self.scroll_offset.y + self.scrollable_content_region.height)
        if self._unwrapped is not None:
            self.call_after_refresh(self._wrap_rest)
        else:  # wrapped ahead to its end (`_wrap_to` had nothing to do)
            self._set_virtual_size(Size(self.scrollable_content_region.width, len(self._lines)))
        self.refresh()

    def _wrap_to(self, count: int) -> None:
        """Wrap lines until there are `count` of them (or the document ends)."""
        pending = self._unwrapped
        if pending is None:
            return
        lines = self._lines
        if len(lines) < count:  # (lines wrapped ahead may be enough already: `Doc.wrap_ahead`)
            for line in pending:
                lines.append(line)
                if len(lines) >= count:
                    break
            else:
                self._unwrapped = None
        # Until the whole document is wrapped, the scroll range reaches one line past what is.
        more = 0 if self._unwrapped is None else 1
        self._set_virtual_size(Size(self.scrollable_content_region.width, len(self._lines) + more))

    def _wrap_rest(self) -> None:
        if self._unwrapped is not None:
            self._wrap_to(1 << 62)

    def on_resize(self, event: Resize) -> None:
        self._rewrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width, full, top, style = self._geometry()
        if self._wrapped_for != _wrap_width(width):
            self._rewrap()
        index = top + y
        if index >= len(self._lines):
            self._wrap_to(index + 1)
        if index >= len(self._lines):
            return Strip.blank(width, style.rich_style)
        # The strip spans the whole widget (`full`), the cell under the scrollbar too: it is
        # drawn once, not extended again for the widget's width (paint.fast_render_lines).
        key = (index, width, full, style)
        strip = self._cache.get(key)
        if strip is None:
            rich_style = style.rich_style
            segments = [Segment(" " * PAD, rich_style)]
            segments.extend(Segment(text, part.rich_style) for text, part in
                            self._lines[index].render(style, end="", parse_style=self._parse_style))
            strip = Strip(segments).extend_cell_length(full, rich_style)
            self._cache[key] = strip
        return strip
