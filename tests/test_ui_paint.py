"""The desk's cheaper painting (ui/paint.py) shows what Textual's own painting would.

The focused pane's border is given by the screen, not by a `:focus-within` rule; the
scrollbars, lists and panes keep lines they drew. These tests drive the real app and
compare what is drawn with what Textual draws without the shortcuts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.widget import Widget

from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.panes.city import CityPane, CityTree
from tripdesk.ui.panes.detail import DetailPane, DetailScroll
from tripdesk.ui.paint import CachedScrollBar
from tripdesk.ui.panes.timeline import TimelineList, TimelinePane

from .test_ui_support import DATA, async_test, build_store, copy_store, open_gumi_2024, press, settle


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("paint-store") / "trips.db", DATA)


def make_app(store: Path, tmp_path: Path) -> TripdeskApp:
    return TripdeskApp(db_path=copy_store(store, tmp_path), language="en", theme="textual-dark")


def border_color(widget: Widget) -> Color:
    return widget.styles.border_top[1]


def theme_color(app: TripdeskApp, name: str) -> Color:
    return Color.parse(app.theme_variables[name])


@async_test
async def test_the_pane_with_the_focus_has_the_focused_border(store: Path, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        cities, timeline, detail = (app.query_one(CityPane), app.query_one(TimelinePane),
                                    app.query_one(DetailPane))
        focused, blurred = theme_color(app, "border"), border_color(timeline)
        assert focused != blurred
        assert border_color(cities) == focused and border_color(detail) == blurred
        assert cities.styles.border_title_style.bold and not timeline.styles.border_title_style.bold
        await press(pilot, "tab")
        assert border_color(timeline) == focused and border_color(cities) == blurred
        assert timeline.styles.border_title_color == theme_color(app, "accent")
        assert timeline.styles.border_title_style.bold and not cities.styles.border_title_style.bold
        await press(pilot, "tab")
        assert border_color(detail) == focused
        assert border_color(timeline) == blurred and border_color(cities) == blurred


@async_test
async def test_the_focused_border_follows_a_new_theme(store: Path, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "tab")
        timeline = app.query_one(TimelinePane)
        dark = border_color(timeline)
        app.theme = "textual-light"
        await settle(pilot)
        await pilot.pause(0.1)
        await settle(pilot)
        assert border_color(timeline) == theme_color(app, "border") != dark
        assert border_color(app.query_one(CityPane)) != border_color(timeline)


def plain_bar_lines(bar: CachedScrollBar) -> tuple[list, list]:
    """The bar's lines as Textual's own ScrollBar draws them (no cache): texts and styles."""
    bar._styles_cache.clear()
    size = bar.outer_size
    strips = ScrollBar.render_lines(bar, Region(0, 0, size.width, size.height))
    return [strip.text for strip in strips], [[segment.style for segment in strip] for strip in strips]


@async_test
async def test_cached_scrollbars_draw_as_textual_does_at_every_thumb_position(store: Path,
                                                                              tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=(120, 24)) as pilot:
        await open_gumi_2024(pilot)
        await settle(pilot)
        view = app.query_one(DetailScroll)
        view.lines  # the whole document wrapped: the scroll range is final
        await settle(pilot)
        bar = view.vertical_scrollbar
        assert isinstance(bar, CachedScrollBar)
        assert view.max_scroll_y > 10
        seen = set()
        for y in list(range(0, int(view.max_scroll_y) + 1, 3)) + [int(view.max_scroll_y)]:
            view.scroll_to(0, y, animate=False, immediate=True)
            await settle(pilot)
            size = bar.outer_size
            cached = bar.render_lines(Region(0, 0, size.width, size.height))
            texts, styles = plain_bar_lines(bar)
            assert [strip.text for strip in cached] == texts
            assert [[segment.style for segment in strip] for strip in cached] == styles
            seen.add(tuple(texts))
        assert len(seen) > 3  # the thumb was drawn in several places
        assert isinstance(app.query_one(TimelineList).vertical_scrollbar, CachedScrollBar)


def segments(strips: list) -> list:
    return [[(segment.text, segment.style) for segment in strip] for strip in strips]


def tree_lines_both_ways(tree: CityTree) -> tuple[list, list]:
    """The city tree's lines as the desk paints them (its caches), and as Textual would
    paint them from scratch (StylesCache, a cleared line cache)."""
    size = tree.outer_size
    region = Region(0, 0, size.width, size.height)
    kept = segments(tree.render_lines(region))
    tree._line_cache.clear()
    tree._styles_cache.clear()
    tree._pseudo_class_state = tree.get_pseudo_class_state()
    fresh = segments(Widget.render_lines(tree, region))
    return kept, fresh


@async_test
async def test_the_city_tree_keeps_lines_per_look_and_draws_them_as_textual_does(
        store: Path, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        await settle(pilot)
        tree = app.query_one(CityTree)
        looks = []
        for step in ("tab", "tab", "tab", "down", "tab", "tab", "tab"):
            await press(pilot, step)
            kept, fresh = tree_lines_both_ways(tree)
            assert kept == fresh
            looks.append(kept)
        assert looks[0] != looks[2]  # blurred, then focused again: the cursor line differs
        app.theme = "textual-light"
        await settle(pilot)
        kept, fresh = tree_lines_both_ways(tree)
        assert kept == fresh and kept != looks[-1]
