"""A base for the desk's line-API widgets: span styles given as theme strings, parsed once.

`DocView` and `RowList` draw their lines themselves (`render_line`) and colour spans with
styles such as "$accent bold"; resolving one takes a trip through the theme, so each is
parsed once and kept until the widget's styles change (a theme switch, a focus restyle).
Both fill their pane whatever they hold, so new content only sets new scroll limits.
"""

from __future__ import annotations

from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from .paint import CachedScrollbars, fast_render_lines


class StyledScrollView(CachedScrollbars, ScrollView):
    """A ScrollView with a cache of parsed span styles, painted by `fast_render_lines`, with a
    `CachedScrollBar` (paint.py)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        self._parsed: dict[str, Style] = {}  # before Widget.__init__, which may restyle
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def _parse_style(self, style: str | Style) -> Style:
        """A span's style, with theme variables resolved (kept until the styles change)."""
        if not isinstance(style, str):
            return style
        parsed = self._parsed.get(style)
        if parsed is None:
            parsed = self._parsed[style] = self._get_style(style)
        return parsed

    def notify_style_update(self) -> None:
        self._parsed.clear()
        super().notify_style_update()

    def render_lines(self, crop: Region) -> list[Strip]:
        return fast_render_lines(self, crop, self.render_line, super().render_lines)

    def _set_virtual_size(self, size: Size) -> None:
        # The view fills its pane whatever it holds (its own size never depends on its
        # content), so new content only needs new scroll limits, not a layout of the whole
        # screen (which assigning `virtual_size` would ask for).
        if size == self.virtual_size:
            return
        self.set_reactive(Widget.virtual_size, size)
        self._scroll_update(size)
        self._scrolled()
