"""Pilot tests of the screens across trips: the agreements ledger (`a`), organisations and
people (`o`), and the overview (`w`), each reached from the main screen, driven by keys and
checked on what the screen shows and where Enter lands."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.panes.detail import DetailPane
from tripdesk.ui.screens.main import MainScreen
from tripdesk.ui.tableview import TableView

from .test_ui_support import DATA, async_test, build_store, copy_store, press, screen_lines, screen_text, settle


@pytest.fixture(scope="session")
def data_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("across-store") / "trips.db", DATA)


@pytest.fixture
def db(data_store: Path, tmp_path: Path) -> Path:
    return copy_store(data_store, tmp_path)


async def type_text(pilot, text: str) -> None:  # noqa: ANN001
    for char in text:
        await pilot.press(char)
    await settle(pilot)


def row_of(app: TripdeskApp, needle: str) -> str:
    """The screen line holding `needle` (the first one)."""
    return next(line for line in screen_lines(app) if needle in line)


# -- the agreements ledger --------------------------------------------------------------------


@async_test
async def test_the_ledger_lists_the_six_agreements_with_their_status(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        assert app.screen.id == "ledger"
        text = screen_text(app)
        assert "6 · sorted by date" in text
        for title, status in (("Gumi City–KSEA SC and SD chapters", "signed"),
                              ("Agreement in principle with San Diego", "in principle"),
                              ("Mayor Nam's pledge to host", "pledged"),
                              ("Gumi City–Seattle Public Library", "planned"),
                              ("Gumi–Redmond agreement in principle", "in principle"),
                              ("Business agreement to support AI", "planned")):
            assert status in row_of(app, title), title
        lines = [line.lstrip() for line in screen_lines(app) if line.lstrip().startswith(("20", "— "))]
        assert [line[:10] for line in lines] == [
            "2013-02-16", "2013-02-19", "2013-02-21", "—         ", "2017-02-17", "2024-10-17"]


@async_test
async def test_the_ledger_filters_as_you_type_in_either_language(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        await type_text(pilot, "체결")  # the Korean name of "signed" (and titles holding it)
        text = screen_text(app)
        assert "KSEA" in text and "Mayor Nam's pledge" not in text
        await press(pilot, "escape")  # clears the filter
        assert "6 · sorted by date" in screen_text(app)
        await type_text(pilot, "pledged")
        assert "1 of 6" in screen_text(app) and "Mayor Nam's pledge" in screen_text(app)
        await press(pilot, "escape")
        await type_text(pilot, "zzzz")
        assert "Nothing matches “zzzz”" in screen_text(app)
        for _ in range(4):  # deleting the letters brings the rows back
            await press(pilot, "backspace")
        assert "6 · sorted by date" in screen_text(app)
        await type_text(pilot, "gumi red")  # two words, typed on one letter at a time
        assert "1 of 6" in screen_text(app) and "Gumi–Redmond" in screen_text(app)


@async_test
async def test_the_ledger_sorts_by_any_column(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        screen = app.screen
        for _ in range(5):  # date → city → kind → agreement → parties → status
            await press(pilot, "tab")
        assert "sorted by status" in screen_text(app)
        statuses = [screen.rows[i].cells[5] for i in screen.table.order]  # type: ignore[attr-defined]
        assert statuses == ["signed", "in principle", "in principle", "planned", "planned", "pledged"]
        await press(pilot, "ctrl+r")
        assert "sorted by status (reversed)" in screen_text(app)
        assert [screen.rows[i].cells[5] for i in screen.table.order][0] == "pledged"  # type: ignore[attr-defined]
        await press(pilot, "shift+tab")
        assert "sorted by parties" in screen_text(app)


@async_test
async def test_enter_in_the_ledger_opens_the_agreement_in_its_trip(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        await type_text(pilot, "Redmond")
        await press(pilot, "enter")
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert main.trip is not None and main.trip.id == "gumi-2017-americas"
        assert main.timeline.ref == "event:redmond-city-hall-visit"
        detail = app.query_one(DetailPane).text
        assert "Gumi–Redmond agreement in principle" in detail
        assert "status: agreed in principle · *2017-02-17" in detail


@async_test
async def test_the_ledger_in_korean_at_80x24(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        text = screen_text(app)
        assert "협약 — 저장된 모든 협약" in text
        assert "체결" in row_of(app, "2013-02-16") and "약속" in row_of(app, "2013-02-21")
        # Every line fits the terminal: nothing spills or wraps.
        assert all(len(line) <= 80 for line in screen_lines(app))
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)


# -- organisations and people -----------------------------------------------------------------


@async_test
async def test_an_alias_or_the_korean_name_finds_the_organisation(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "o")
        assert app.screen.id == "entities"
        for query in ("블리자드", "blizzard", "Blizzard Ent"):
            await type_text(pilot, query)
            rows = [app.screen.rows[i].cells[0] for i in app.screen.table.order]  # type: ignore[attr-defined]
            assert rows == ["Blizzard Entertainment"], query
            app.screen.filter_box.value = ""  # type: ignore[attr-defined]
            await settle(pilot)


@async_test
async def test_gumi_citys_page_lists_its_three_trips_and_each_line_jumps(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "o")
        await type_text(pilot, "구미시청")  # an alias of Gumi City
        assert "government" in row_of(app, "Gumi City")
        await press(pilot, "enter")
        assert app.screen.id == "entity"
        text = screen_text(app)
        assert "Gumi City (also 구미시청, Gumi City government) — 3 trips" in text
        trips = [line.lstrip() for line in screen_lines(app) if " trip " in line]
        assert [line[:10] for line in trips] == ["2013-02-15", "2017-02-12", "2024-10-12"]
        assert "2013 · Gumi · Gumi economic mission to San Diego" in trips[0]
        # Down to the KSEA MOU, then Enter: the agreement in its trip.
        await type_text(pilot, "KSEA SC")
        await press(pilot, "down")
        assert app.screen.table.current.id == "gumi-2013-san-diego/agreement/ksea-mou"  # type: ignore[attr-defined]
        await press(pilot, "enter")
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert main.trip is not None and main.trip.id == "gumi-2013-san-diego"
        assert main.timeline.ref == "event:ksea-mou-signing"
        assert "status: signed · *2013-02-16" in app.query_one(DetailPane).text


@async_test
async def test_the_entities_sort_by_count_most_first(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "o")
        await press(pilot, "tab", "tab")  # name → kind → trips
        screen = app.screen
        first = screen.rows[screen.table.order[0]]  # type: ignore[attr-defined]
        assert first.cells[0] == "구미시" and first.cells[2] == "3"
        assert screen.table.cursor == 0 and "구미시" in row_of(app, "구미시")  # type: ignore[attr-defined]
        # Ties keep their order by name whichever way the column goes.
        ones = [screen.rows[i].id for i in screen.table.order if screen.rows[i].cells[2] == "1"]  # type: ignore[attr-defined]
        assert len(ones) > 10 and ones == [r.id for r in screen.rows if r.cells[2] == "1"]  # type: ignore[attr-defined]
        assert "53 · 출장 순 · Enter 열기" in screen_text(app)  # the most first is a count's order
        await press(pilot, "ctrl+r")
        assert "53 · 출장 순 (거꾸로)" in screen_text(app)
        assert all(len(line) <= 80 for line in screen_lines(app))


# -- the overview --------------------------------------------------------------------------------


async def open_overview(pilot) -> None:  # noqa: ANN001
    await settle(pilot)
    await press(pilot, "w")
    await settle(pilot)
    assert pilot.app.screen.id == "overview"
    assert pilot.app.screen.data is not None


@async_test
async def test_the_overview_shows_four_bars_on_two_rows_and_twelve_places(db: Path) -> None:
    from tripdesk.ui.screens.overview import BAR, PlaceMap, TimeAxis

    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_overview(pilot)
        axis = app.screen.query_one(TimeAxis)
        assert [name for _id, name, _trips in axis.state.rows] == ["Daejeon", "Gumi"]
        assert [len(trips) for _id, _name, trips in axis.state.rows] == [1, 3]
        lines = screen_lines(app)
        daejeon = next(line for line in lines if line.lstrip("│ ").startswith("Daejeon"))
        gumi = next(line for line in lines if line.lstrip("│ ").startswith("Gumi"))
        runs = lambda line: len([run for run in line.split(" ") if BAR in run])  # noqa: E731
        assert (runs(daejeon), runs(gumi)) == (1, 3)
        assert "2013-02-15..02-23 Gumi · Gumi economic mission" in screen_text(app)
        place_map = app.screen.query_one(PlaceMap)
        assert len(place_map.places) == 12 and app.screen.data.missing == []
        text = screen_text(app)
        assert "12 places on the map of the US" in text and "◉" in text
        # The other places, one mark a cell (Irvine and Newport Beach share one at this size).
        width, height = place_map.size
        cells = {place_map._cell(p.longitude, p.latitude, width, height) for p, _row in place_map.places}
        assert 1 < len(cells) < 12 and text.count("●") == len(cells) - 1
        assert "Irvine, CA, US" in text and "Agreements by status" in text
        # Opened again: what the first open read is shown at once, at the same scale.
        zoom = axis.zoom
        await press(pilot, "escape", "w")
        axis = app.screen.query_one(TimeAxis)
        assert axis.zoom == zoom and len(axis.state.trips) == 4
        assert "2013-02-15..02-23 Gumi" in screen_text(app)


@async_test
async def test_a_bar_opens_its_trip_and_zoom_goes_down_to_days(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_overview(pilot)
        await press(pilot, "right")  # Gumi's next trip: 2017
        assert "2017-02-12..02-20 Gumi" in screen_text(app)
        for _ in range(12):
            await press(pilot, "plus")
        assert "1 cell = 1 day" in screen_text(app)
        # At a day a cell the 2017 trip is nine cells long.
        gumi = next(line for line in screen_lines(app) if line.lstrip("│ ").startswith("Gumi"))
        assert "█" * 9 in gumi
        await press(pilot, "up")  # Daejeon's trip
        assert "2025-01-05..01-12 Daejeon" in screen_text(app)
        await press(pilot, "enter")
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert main.trip is not None and main.trip.id == "daejeon-2025-us"


@async_test
async def test_a_place_on_the_map_lists_the_trips_that_went_there(db: Path) -> None:
    from tripdesk.ui.screens.overview import PlaceMap

    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        await press(pilot, "tab")
        place_map = app.screen.query_one(PlaceMap)
        assert app.screen.focused is place_map
        for _ in range(len(place_map.places)):
            if place_map.current.key == "us/ca/irvine":
                break
            await press(pilot, "right")
        assert "Irvine, CA, US · 2 trips" in screen_text(app)
        await press(pilot, "enter")
        assert app.screen.id == "place-trips"
        text = screen_text(app)
        assert "Trips to Irvine, CA, US" in text and "2 ·" in text
        assert "2017-02-12" in text and "2024-10-12" in text
        await press(pilot, "down", "enter")
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert main.trip is not None and main.trip.id == "gumi-2024-us"


@async_test
async def test_the_overview_in_korean_at_80x24(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        text = screen_text(app)
        assert "한눈에" in text and "구미" in text and "대전" in text and "방문 도시" in text
        assert "미국 지도에 12곳" in text
        assert all(len(line) <= 80 for line in screen_lines(app))
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)


@async_test
async def test_the_ledger_reopened_after_another_import_shows_the_new_agreement(db: Path) -> None:
    """The rows are kept between opens only while the store does not change."""
    from tripdesk.cli import main as cli

    from .conftest import SAMPLE

    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        assert "6 · sorted by date" in screen_text(app)
        await press(pilot, "escape")
        assert cli(["--db", str(db), "import", str(SAMPLE)]) == 0  # another connection writes
        await press(pilot, "a")
        assert "7 · sorted by date" in screen_text(app)
        assert "Library cooperation MOU" in screen_text(app)


@async_test
async def test_a_closed_ledger_keeps_no_drawn_lines_nor_rows(db: Path) -> None:
    """A closed ledger leaves no drawn lines in Textual's styles caches (which outlive it,
    walked by every full collection: issue 19), nor its rows in its view."""
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        ledger = app.screen
        await type_text(pilot, "pledged")
        assert ledger.shown_query == "pledged"  # type: ignore[attr-defined]
        shown = [ledger.rows[i].cells[3] for i in ledger.table.order]  # type: ignore[attr-defined]
        assert len(shown) == 1 and shown[0].startswith("Mayor Nam's pledge")
        await settle(pilot)
        widgets = [ledger, *ledger.walk_children()]
        assert any(w._styles_cache._cache for w in widgets)  # drawn while open
        await press(pilot, "escape", "escape")
        assert app.screen is not ledger
        assert not [w for w in widgets if w._styles_cache._cache]
        table = next(w for w in widgets if isinstance(w, TableView))
        assert not table.rows and not table._cache  # nor its rows


@async_test
async def test_a_letter_redraws_exactly_the_lines_whose_row_changed(db: Path) -> None:
    """The table redraws only the lines showing another row (or the cursor coming or going):
    what is on screen is what a table drawn whole shows, letter by letter and back."""
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        whole = screen_lines(app)
        for query in ("s", "si", "sig", "x", ""):
            app.screen.filter_box.value = query  # type: ignore[attr-defined]
            await settle(pilot)
            shown = screen_lines(app)
            app.screen.table.refresh()  # type: ignore[attr-defined]  # every line drawn again
            await settle(pilot)
            assert shown == screen_lines(app), query
        assert screen_lines(app)[3:] == whole[3:]  # (the filter box's line aside)
        await press(pilot, "down", "down")
        app.screen.filter_box.value = "e"  # type: ignore[attr-defined]
        await settle(pilot)
        shown = screen_lines(app)
        app.screen.table.refresh()  # type: ignore[attr-defined]
        await settle(pilot)
        assert shown == screen_lines(app)
