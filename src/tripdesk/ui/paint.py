"""Cheaper painting of the desk's panes: fewer lines drawn again for the same look.

Textual draws each line of a widget through its `StylesCache` (borders, padding, tint, a new
`Strip`, the app's line filters) whenever the widget is marked dirty, and a widget is marked
dirty far more often than it changes: a focus change restyles every widget of the two panes
involved (and their scrollbars), a new document refreshes its scrollbar even when the thumb
stays where it was. At 120x40 that is a few hundred lines per key (docs/performance.md).

- `fast_render_lines`: for the line-API widgets (timeline, detail, city tree), whose lines
  are kept in their own caches, skips the `StylesCache` when it would add nothing (no border,
  padding, outline, tint, opacity or hatch): the same strips, fitted and filtered as it
  would, and the app's filters are cached on each strip.
- `CachedScrollBar`: a scrollbar that keeps the lines it drew, keyed by everything they are
  drawn from (size, thumb, colours, filters), so a refresh with nothing changed costs nothing.
  `CachedScrollbars` installs it as a widget's vertical scrollbar.
- `BorderedPane`: a container whose own lines are its border and blank lines between (its
  children are drawn over them); it draws its top, one inner and its bottom line, not all.
- `CachedScreenLines`: a screen of a solid colour keeps its own lines (a full repaint, as
  after closing a dialog, then reuses their cut pieces).
- `FocusBorder` / `show_focus_within`: the focused pane's border, set by the screen as the
  focus moves, instead of a `:focus-within` rule that restyles all the pane holds.

All of them keep the screen as Textual would draw it (tests/test_ui_paint.py).
"""

from __future__ import annotations

from math import ceil
from typing import TYPE_CHECKING, Callable

from textual.cache import LRUCache
from textual.geometry import Region, Spacing
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.app import App

_NO_SPACING = Spacing(0, 0, 0, 0)


def _plain(widget: Widget) -> bool:
    """Whether the StylesCache would only fit and filter the widget's content lines."""
    styles = widget.styles
    if styles.gutter != _NO_SPACING or styles.tint.a or styles.opacity != 1.0 \
            or styles.text_opacity != 1.0:
        return False
    if any(edge for edge, _ in styles.outline):
        return False
    if styles.has_rule("hatch") and styles.hatch != "none":
        return False
    if widget.auto_links:
        meta = widget.hover_style.meta if widget.hover_style._meta else None
        if meta and "@click" in meta:  # link hover styles: left to Textual
            return False
    return True


def fast_render_lines(widget: Widget, crop: Region, render_line: Callable[[int], Strip],
                      fallback: Callable[[Region], list[Strip]]) -> list[Strip]:
    """`Widget.render_lines` for a widget drawn by `render_line` alone (see module doc).

    Each line is the content line fitted to the widget's width on its background (what
    `StylesCache.render_line` does for a widget without gutter, tint or opacity), then passed
    through the app's line filters; fitting and filtering are cached on the strip, and a
    line not marked dirty is not asked of the widget again.
    """
    if not _plain(widget):
        return fallback(crop)
    width = widget.size.width
    base_background, background = widget.background_colors
    inner = Style(background=base_background + background).rich_style
    filters = widget.get_line_filters()
    # The lines not marked dirty since they were drawn are taken as they were, as
    # StylesCache.render does (the same cache and dirty marks: Widget.refresh sets them).
    cache = widget._styles_cache
    if width != cache._width:
        cache.clear()
        cache._width = width
    lines, dirty = cache._cache, cache._dirty_lines
    strips: list[Strip] = []
    for y in crop.line_range:
        strip = lines.get(y)
        if strip is None or y in dirty:
            strip = lines[y] = render_line(y).adjust_cell_length(width, inner)
        for line_filter in filters:
            strip = strip.apply_filter(line_filter, background)
        strips.append(strip)
    dirty.difference_update(crop.line_range)
    return _columns(strips, crop, width)


def _columns(strips: list[Strip], crop: Region, width: int) -> list[Strip]:
    """Full-width lines cut to the columns of `crop` (as they are when it spans all `width`)."""
    if crop.column_span == (0, width):
        return strips
    x1, x2 = crop.column_span
    return [strip.crop(x1, x2) for strip in strips]


class CachedScrollBar(ScrollBar):
    """A `ScrollBar` that draws each look once (its rendering and mouse handling unchanged).

    A bar's lines are drawn by Textual's own pipeline (the bar's renderable through the
    widget's styles and the app's filters). Each line is one of a few kinds (track above the
    thumb, thumb, the thumb's ends, track below: a glyph and a style, with the mouse action in
    its meta), and the same kind always ends up as the same strip: after the first drawing
    in a set of colours, a bar with the thumb elsewhere is put together from the strips of
    the kinds its lines are, as `ScrollBarRender.render_bar` lists them.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._looks: LRUCache[tuple, list[Strip]] = LRUCache(32)
        self._kinds: LRUCache[tuple, dict[tuple, Strip]] = LRUCache(8)

    def _paint(self) -> tuple:
        """Everything a line's look is drawn from but the thumb (see `ScrollBar.render`)."""
        parent = self.parent
        assert isinstance(parent, Widget)
        styles = parent.styles
        return (
            self.outer_size, self.thickness, self.vertical, bool(self.grabbed), self.mouse_over,
            styles.scrollbar_background, styles.scrollbar_color,
            styles.scrollbar_background_hover, styles.scrollbar_color_hover,
            styles.scrollbar_background_active, styles.scrollbar_color_active,
            parent.background_colors, self.background_colors, self.visual_style,
            tuple(self.get_line_filters()), self.app.ansi_theme,
        )

    def _bar(self) -> tuple[int, int, float]:
        """The thumb: what `ScrollBar._render_bar` gives the renderer."""
        window_size = self.window_size if self.window_size < self.window_virtual_size else 0
        return ceil(self.window_virtual_size), ceil(window_size), self.position

    def _line_kinds(self, bar: tuple[int, int, float]) -> list[tuple] | None:
        """The (glyph, style) of each line, as the renderer draws them (None: not one a line)."""
        if not self.vertical or self.screen.styles.scrollbar_color.a == 0:
            return None
        parent = self.parent
        assert isinstance(parent, Widget)
        styles = parent.styles
        if self.grabbed:
            background, color = styles.scrollbar_background_active, styles.scrollbar_color_active
        elif self.mouse_over:
            background, color = styles.scrollbar_background_hover, styles.scrollbar_color_hover
        else:
            background, color = styles.scrollbar_background, styles.scrollbar_color
        if background.a < 1:
            base_background, _ = parent.background_colors
            background = base_background + background
        color = background + color
        virtual_size, window_size, position = bar
        width, height = self.outer_size
        segments = self.renderer.render_bar(
            size=height, virtual_size=virtual_size, window_size=window_size, position=position,
            thickness=width, vertical=True, back_color=background.rich_color,
            bar_color=color.rich_color).segments
        if len(segments) != height:
            return None
        return [(segment.text, segment.style) for segment in segments]

    def render_lines(self, crop: Region) -> list[Strip]:
        size = self.outer_size
        if not size or self.parent is None:
            return super().render_lines(crop)
        paint, bar = self._paint(), self._bar()
        lines = self._looks.get((paint, bar))
        if lines is None:
            kinds = self._line_kinds(bar)
            if kinds is None:
                self._styles_cache.clear()
                lines = super().render_lines(size.region)
            else:
                strips = self._kinds.get(paint)
                if strips is None:
                    strips = self._kinds[paint] = {}
                # Textual draws one line of each kind not seen yet in these colours: a bar is
                # a few kinds over 35 lines, and drawing all of them was a fifth of the first
                # frame's rendering (three bars; docs/performance.md, first paint).
                first_of_kind: dict[tuple, int] = {}
                for y, kind in enumerate(kinds):
                    if kind not in strips:
                        first_of_kind.setdefault(kind, y)
                if first_of_kind:
                    self._styles_cache.clear()
                    for kind, y in first_of_kind.items():
                        strips[kind] = super().render_lines(Region(0, y, size.width, 1))[0]
                lines = [strips[kind] for kind in kinds]
            self._looks[(paint, bar)] = lines
        return _columns(lines[crop.y:crop.bottom], crop, size.width)


class CachedScrollbars:
    """Mixin (first among a widget's bases): its vertical scrollbar is a `CachedScrollBar`.

    Textual creates a widget's scrollbar in the `vertical_scrollbar` property; this is that
    property with the other class. (Not a Widget subclass: Textual takes a widget's default
    CSS from its first Widget base, which must stay the widget's own.)
    """

    _vertical_scrollbar: ScrollBar | None
    scrollbar_size_vertical: int
    app: "App[object]"

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        if self._vertical_scrollbar is not None:
            return self._vertical_scrollbar
        self._vertical_scrollbar = scroll_bar = CachedScrollBar(
            vertical=True, name="vertical", thickness=self.scrollbar_size_vertical)
        scroll_bar.display = False
        self.app._start_widget(self, scroll_bar)  # type: ignore[arg-type]
        return scroll_bar


class BorderedPane:
    """Mixin (first among the bases of a bordered container without padding or content of
    its own).

    Its lines between the top and bottom borders are all alike (a border cell, blank, a
    border cell) and hidden behind its children but for the border cells; Textual draws each
    again whenever the pane is restyled (a focus change). Here one is drawn and repeated.
    """

    def render_lines(self, crop: Region) -> list[Strip]:
        assert isinstance(self, Widget)
        height = self.outer_size.height  # with its borders (`size` is inside them)
        if (height < 4 or crop.height < 3 or self.styles.padding != _NO_SPACING
                or not self.is_container or self.styles.keyline[0] != "none"
                or self.styles.has_rule("hatch")):
            return super().render_lines(crop)
        cache = self._styles_cache
        if not cache._dirty_lines and len(cache._cache) >= height:
            return super().render_lines(crop)  # nothing to draw: all lines as they were
        x, width = crop.x, crop.width
        top = crop.y
        bottom = crop.bottom - 1
        strips: list[Strip] = []
        inner_start = max(top, 1)
        inner_end = min(bottom, height - 2)
        if top == 0:
            strips.extend(super().render_lines(Region(x, 0, width, 1)))
        if inner_start <= inner_end:
            middle = super().render_lines(Region(x, inner_start, width, 1))[0]
            strips.extend([middle] * (inner_end - inner_start + 1))
            # the other inner lines are this one (as drawn, before the app's filters)
            drawn = cache._cache.get(inner_start)
            if drawn is not None:
                inner = range(1, height - 1)
                cache._cache.update(dict.fromkeys(inner, drawn))
                cache._dirty_lines.difference_update(inner)
        if bottom == height - 1:
            strips.extend(super().render_lines(Region(x, height - 1, width, 1)))
        return strips


class CachedScreenLines:
    """Mixin (first among a screen's bases) for a screen of a solid colour: its own lines
    are drawn once per look.

    Textual refreshes the whole screen when it comes back from a modal (`ScreenResume`), and
    a fresh line of the screen's background is then cut into a piece for every widget edge
    across the screen (`Strip.divide`, a new Strip per piece, ~400 per frame at 120x40),
    though the widgets cover all of it. The same strips, kept, reuse their cut pieces.
    """

    _screen_look: tuple | None = None
    _screen_lines: list[Strip] = []

    def render_lines(self, crop: Region) -> list[Strip]:
        assert isinstance(self, Widget)
        styles = self.styles
        background = styles.background
        if (background.a < 1 or styles.gutter != _NO_SPACING or styles.keyline[0] != "none"
                or (styles.has_rule("hatch") and styles.hatch != "none")):
            return super().render_lines(crop)  # type: ignore[misc]
        size = self.outer_size
        look = (size, background, self.background_colors, self.visual_style, styles.tint,
                styles.opacity, tuple(self.get_line_filters()), self.app.ansi_theme)
        if look != self._screen_look:
            self._screen_lines = super().render_lines(size.region)  # type: ignore[misc]
            self._screen_look = look
        return _columns(self._screen_lines[crop.y:crop.bottom], crop, size.width)


_FOCUS_RULES = ("border_top", "border_right", "border_bottom", "border_left",
                "border_title_color", "border_title_style")


class FocusBorder:
    """Mixin (first among a pane's bases): the pane's border shows whether the focus is in it.

    A `:focus-within` rule would do it, but Textual then restyles the pane and everything in
    it (its list, its scrollbar, their component styles) each time the focus comes or goes,
    and every descendant is repainted. Here the screen tells the pane (`show_focus_within`),
    and the pane takes the border rules of its `pane--focused` component style (see
    tripdesk.tcss) as inline rules, or drops them: only its own lines are drawn again.

    The pane class lists "pane--focused" in its COMPONENT_CLASSES (as `pane.DeskPane` does).
    """

    _focus_shown = False

    def show_focus(self, focused: bool) -> None:
        assert isinstance(self, Widget)
        self._focus_shown = focused
        inline = self.styles.inline
        if focused:
            try:
                look = self.get_component_styles("pane--focused").base
            except KeyError:  # not styled yet (just mounted): once it is
                self.call_after_refresh(lambda: self._focus_shown and self.show_focus(True))
                return
            for name in _FOCUS_RULES:
                value = look.get_rule(name)
                if value is None:
                    inline.clear_rule(name)
                else:
                    inline.set_rule(name, value)  # type: ignore[arg-type]
        else:
            for name in _FOCUS_RULES:
                inline.clear_rule(name)
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()  # type: ignore[misc]
        if self._focus_shown:
            # a new theme: take its colours (the component styles are updated after this)
            assert isinstance(self, Widget)
            self.call_later(lambda: self.show_focus(self._focus_shown))


def _pane_of(widget: Widget | None) -> FocusBorder | None:
    node = widget
    while node is not None:
        if isinstance(node, FocusBorder):
            return node
        node = node.parent  # type: ignore[assignment]
    return None


def show_focus_within(blurred: Widget | None, focused: Widget | None) -> None:
    """The focus has moved from `blurred` to `focused`: show it on their panes' borders."""
    before, after = _pane_of(blurred), _pane_of(focused)
    if before is after:
        return
    if before is not None:
        before.show_focus(False)
    if after is not None:
        after.show_focus(True)
