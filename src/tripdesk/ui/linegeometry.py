"""What every line of one frame of a line-API view is drawn from, looked up once per frame.

`DocView.render_line` and `RowList.render_line` need the view's text width, its full width,
its first line shown and its base style. Each is a chain of Textual properties (regions,
scrollbar gutter, reactives); looked up for every line, they were ~10 % of drawing the ~70
new lines of a newly opened trip. `render_lines` (all the lines a frame asks of the view)
looks them up once.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget


class FrameGeometry:
    """Mixin (before the view's ScrollView base): `_geometry()` for `render_line`."""

    _frame: tuple[int, int, int, Style] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame = None
        self._frame = self._geometry()
        try:
            return super().render_lines(crop)  # type: ignore[misc]
        finally:
            self._frame = None

    def _geometry(self) -> tuple[int, int, int, Style]:
        """(text width, widget width, first line shown, base style): as now, or as when this
        frame's `render_lines` started (until `_scrolled`)."""
        frame = self._frame
        if frame is None:
            assert isinstance(self, Widget)
            width = self.scrollable_content_region.width
            frame = (width, max(self.size.width, width), self.scroll_offset.y, self.visual_style)
        return frame

    def _scrolled(self) -> None:
        """The scroll range has changed (a line drawn grew the document): look up again."""
        self._frame = None
