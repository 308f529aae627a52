"""The overview's drawn lines kept between frames and between opens (`overview.Drawn`,
`AxisState.lines`): what is painted from them must be what drawing anew paints, after a
move of either cursor (only the lines that change are drawn again), a resize, a reopen, and a
reopen after another process changed the store (a new reading: nothing drawn of the old one
may be shown). Each check compares the screen, colours included, with the same screen drawn
with every kept line thrown away, or with a new desk's."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.collector import CollectionHold
from tripdesk.ui.screens.overview import OVERVIEW_KEPT, PlaceMap, TimeAxis

from .test_ui_support import DATA, async_test, build_store, copy_store, press, screen_lines, screen_text, settle


@pytest.fixture(scope="session")
def data_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("overview-drawn-store") / "trips.db", DATA)


@pytest.fixture
def db(data_store: Path, tmp_path: Path) -> Path:
    return copy_store(data_store, tmp_path)


async def drawn_anew(pilot) -> str:  # noqa: ANN001
    """The screen with colours after the overview's kept lines are thrown away and every
    line of its axis and map is drawn again."""
    app = pilot.app
    axis, place_map = app.screen.query_one(TimeAxis), app.screen.query_one(PlaceMap)
    axis.state.lines.clear()
    place_map._drawn.lines.clear()
    place_map._drawn.rasters.clear()
    axis.refresh()
    place_map.refresh()
    await settle(pilot)
    return screen_text(app, styles=True)


@async_test
async def test_the_axis_after_arrows_is_drawn_as_anew(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "w")
        axis = app.screen.query_one(TimeAxis)
        first = screen_text(app, styles=True)
        assert first == await drawn_anew(pilot)
        # Gumi's next trip (the same row), then Daejeon's (another row), then back.
        await press(pilot, "right")
        assert "2017-02-12..02-20 Gumi" in screen_text(app)
        moved = screen_text(app, styles=True)
        assert moved != first and moved == await drawn_anew(pilot)
        await press(pilot, "up")
        assert "Daejeon" in screen_text(app).split("│ ", 1)[1]
        assert screen_text(app, styles=True) == await drawn_anew(pilot)
        await press(pilot, "down", "left", "left")  # Gumi's 2024 trip (nearest in time), 2017, 2013
        assert axis.cursor == 0 and "2013-02-15..02-23 Gumi" in screen_text(app)
        assert screen_text(app, styles=True) == first
        # A zoom draws every line at the new scale (no line of the old one kept).
        await press(pilot, "plus", "plus")
        assert screen_text(app, styles=True) == await drawn_anew(pilot)


@async_test
async def test_the_map_after_arrows_is_drawn_as_anew(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "w", "tab")
        place_map = app.screen.query_one(PlaceMap)
        first = screen_text(app, styles=True)
        for _ in range(3):
            await press(pilot, "right")
            assert screen_text(app, styles=True) == await drawn_anew(pilot)
        assert place_map.cursor == 3 and screen_text(app).count("◉") == 1
        await press(pilot, "left", "left", "left")
        assert screen_text(app, styles=True) == first


@async_test
async def test_a_resized_overview_draws_its_map_as_a_new_desk_at_that_size_does(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "w", "escape", "w")  # the reading kept, drawn at 120x40
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        resized = app.screen.query_one(PlaceMap)
        region = resized.region
        lines = [line[region.x:region.right] for line in screen_lines(app)[region.y:region.bottom]]
        assert screen_text(app, styles=True) == await drawn_anew(pilot)
    fresh = TripdeskApp(db_path=db, language="en")
    async with fresh.run_test(size=(100, 30)) as pilot:
        await press(pilot, "w")
        place_map = fresh.screen.query_one(PlaceMap)
        assert place_map.region == region
        assert [line[region.x:region.right] for line in screen_lines(fresh)[region.y:region.bottom]] == lines
        assert "●" in "".join(lines)


@async_test
async def test_the_overview_reopened_after_another_import_draws_the_new_trip(db: Path) -> None:
    """A reopen paints the kept lines first; once the store is read again (another process
    imported a trip of a new home city), it paints what a new desk paints, the old lines gone."""
    from tripdesk.cli import main as cli

    from .conftest import SAMPLE

    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "w")
        old = OVERVIEW_KEPT[app.data][1]
        assert [row[1] for row in app.screen.query_one(TimeAxis).state.rows] == ["Daejeon", "Gumi"]
        await press(pilot, "escape")
        assert cli(["--db", str(db), "import", str(SAMPLE)]) == 0  # another connection writes
        await press(pilot, "w")
        axis = app.screen.query_one(TimeAxis)
        assert app.screen.data is not old and OVERVIEW_KEPT[app.data][1] is not old
        assert [row[1] for row in axis.state.rows] == ["Daejeon", "Gumi", "Sample City"]
        assert any(line.lstrip("│ ").startswith("Sample Ci") and "█" in line for line in screen_lines(app))
        reopened = screen_text(app, styles=True)
        assert reopened == await drawn_anew(pilot)
    fresh = TripdeskApp(db_path=db, language="en")
    async with fresh.run_test(size=(120, 40)) as pilot:
        await press(pilot, "w")
        assert screen_text(fresh, styles=True) == reopened


@async_test
async def test_a_reopen_holds_the_collector_until_its_first_frame(db: Path) -> None:
    """No collection between `w` and the frame on a reopen; the collector is on again after."""
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "w")
        assert app.screen._hold is None  # the first open: nothing kept, nothing held
        await press(pilot, "escape")
        assert gc.isenabled()
        await pilot.press("w")
        screen = app.screen
        assert screen.id == "overview" and screen._hold is not None  # type: ignore[attr-defined]
        await settle(pilot)
        assert not screen._hold.held and gc.isenabled()  # type: ignore[attr-defined]
        # Closed before its first frame, a screen lets the collector go too.
        await press(pilot, "escape")
        hold = CollectionHold()
        assert hold.held and not gc.isenabled()
        hold.release()
        hold.release()
        assert gc.isenabled()


@async_test
async def test_a_closed_overview_keeps_no_drawn_lines_in_its_widgets(db: Path) -> None:
    """Closed, the overview's widgets leave no lines in Textual's styles caches (which outlive
    them, walked by every full collection); the lines kept with the reading stay for the next
    open."""
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "w")
        overview = app.screen
        widgets = [overview, *overview.walk_children()]
        assert all(w._styles_cache._cache for w in widgets if isinstance(w, (TimeAxis, PlaceMap)))
        await press(pilot, "escape")
        assert app.screen is not overview
        assert not [w for w in widgets if w._styles_cache._cache]
        assert len(OVERVIEW_KEPT[app.data][1].axes["en"].lines) > 0
