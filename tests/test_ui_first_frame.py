"""The first open of the screens across trips shows real content before everything is read:
the ledger's and the entities' first screenful (in the order the whole table will have), the
overview's bars from the trips' dates; the rest follows. The whole read is held back here (a
large store takes a second or more), and the desk is checked on what it shows meanwhile."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.data import DeskData
from tripdesk.ui.screens.entities import EntitiesScreen
from tripdesk.ui.screens.ledger import LedgerScreen
from tripdesk.ui.screens import ahead
from tripdesk.ui.screens import overview as overview_screen
from tripdesk.ui.screens import table as table_screen
from tripdesk.ui.screens.overview import OverviewScreen, TimeAxis, axis_state

from .test_ui_across import data_store, db, row_of  # noqa: F401 - the bundled trips' store
from .test_ui_support import async_test, press, screen_lines, screen_text, settle


@pytest.mark.parametrize("lang", ["ko", "en", "both"])
@pytest.mark.parametrize("screen_class", [LedgerScreen, EntitiesScreen])
def test_the_first_rows_are_the_first_of_the_whole_table(db: Path, screen_class: type, lang: str) -> None:
    data = DeskData(db)
    try:
        screen = screen_class()
        whole = screen.table_data(screen.read(data), lang)
        in_order = [whole.rows[i] for i in whole.order(screen.DEFAULT_SORT, False)]
        for count in (1, 4, 40):
            first = [row for row, _text, _keys in screen.rows_of(screen.read_first(data, lang, count), lang)]
            assert first == in_order[:count]
    finally:
        data.close()


def test_the_first_entities_are_the_first_of_the_whole_list_among_names_that_tie(db: Path) -> None:
    """Names that tie in one language (case aside, or one language missing) and bare names:
    the first screenful is the whole list's first rows, in each language and at every count,
    so no row moves when the rest comes."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.executemany("INSERT INTO organisations (id, name_ko, name_en, name_plain, kind) VALUES (?, ?, ?, ?, ?)", [
            ("tie-a", "가나", "Acme", None, None), ("tie-b", "가나", "acme", None, None),
            ("tie-c", "다라", "ACME", None, None), ("ko-only", "가나", None, None, None),
            ("en-only", None, "가나", None, None), ("bare", None, None, "Acme", None),
            ("bare-ko", None, None, "가나", None), ("same", "Acme", "Acme", None, None)])
        conn.executemany("INSERT INTO people (id, name_ko, name_en, name_plain) VALUES (?, ?, ?, ?)", [
            ("tie-a", "가나", "Acme", None), ("p-bare", None, None, "acme")])
    data = DeskData(db)
    try:
        screen = EntitiesScreen()
        for lang in ("ko", "en", "both"):
            whole = screen.table_data(screen.read(data), lang)
            in_order = [whole.rows[i] for i in whole.order(screen.DEFAULT_SORT, False)]
            assert len(in_order) == 53 + 10
            for count in range(1, len(in_order) + 1):
                first = [row for row, _text, _keys in screen.rows_of(screen.read_first(data, lang, count), lang)]
                assert first == in_order[:count], (lang, count)
    finally:
        data.close()


def test_the_axis_from_the_dates_alone_is_the_axis_of_the_trips(db: Path) -> None:
    from tripdesk.store import queries

    data = DeskData(db)
    try:
        trips, spans, cities = data.read(lambda s: (queries.all_trips(s), queries.trip_spans(s), queries.home_cities(s)))
        for lang in ("ko", "en", "both"):
            whole, first = axis_state(trips, lang), axis_state(spans, lang, {c.id: c.name for c in cities})
            assert first.rows == whole.rows and first.row_of == whole.row_of and first.spans
            assert [(t.id, t.start, t.end) for t in first.trips] == [(t.id, t.start, t.end) for t in whole.trips]
    finally:
        data.close()


def hold(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> threading.Event:
    """Make `owner.name` wait until the event returned is set (at most 20 s)."""
    release = threading.Event()
    original = getattr(owner, name)

    def held(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        release.wait(20)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, held)
    return release


async def until_shown(pilot, text: str, timeout: float = 10.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while text not in screen_text(pilot.app):
        assert time.monotonic() < deadline, f"{text!r} not shown: {screen_text(pilot.app)}"
        await pilot.pause(0.02)


@async_test
async def test_the_ledger_shows_its_first_rows_while_the_rest_is_read(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = hold(monkeypatch, LedgerScreen, "read")
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await until_shown(pilot, "Reading the rest…")
        screen = app.screen
        assert isinstance(screen, LedgerScreen) and not screen.loaded
        assert "signed" in row_of(app, "Gumi City–KSEA SC and SD chapters")
        await pilot.press("down")  # the cursor moves in the first rows
        assert screen.table.current.id == "gumi-2013-san-diego/san-diego-exchange-agreement"
        await pilot.press(*"pledg")  # typed meanwhile: applied when every row is read
        release.set()
        await settle(pilot)
        assert screen.loaded and "1 of 6 · sorted by date" in screen_text(app)
        assert "Mayor Nam's pledge" in screen_text(app)


@async_test
async def test_the_entities_show_their_first_rows_in_the_reader_s_order(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = hold(monkeypatch, EntitiesScreen, "read")
    app = TripdeskApp(db_path=db, language="ko")
    async with app.run_test(size=(120, 12)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await until_shown(pilot, "나머지를 읽는 중…")
        screen = app.screen
        shown = [screen.rows[i].cells[0] for i in screen.table.order]  # type: ignore[attr-defined]
        assert len(shown) == 12 and shown == sorted(shown, key=str.casefold)  # 12 lines, by the Korean names
        release.set()
        await settle(pilot)
        assert screen.loaded and "53 · 이름 순" in screen_text(app)  # type: ignore[attr-defined]
        assert [screen.rows[i].cells[0] for i in screen.table.order][:12] == shown  # type: ignore[attr-defined]


@async_test
async def test_a_slow_first_read_draws_the_screen_and_then_its_rows(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first screenful slower than the first frame waits for (a busy disk), and not read
    ahead (the key pressed before the desk was idle): the screen is drawn without it, and the
    rows come when it does, before the rest."""
    release = hold(monkeypatch, LedgerScreen, "read")
    first = LedgerScreen.read_first

    def slow_first(cls, data, lang, count):  # noqa: ANN001, ANN202
        time.sleep(table_screen.FIRST_ROWS_WAIT + 0.3)
        return first(data, lang, count)

    monkeypatch.setattr(LedgerScreen, "read_first", classmethod(slow_first))
    monkeypatch.setattr(ahead, "read_ahead", lambda data, lang, count: None)
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await until_shown(pilot, "Reading…")
        assert "KSEA" not in screen_text(app)
        await until_shown(pilot, "Reading the rest…")
        assert "signed" in row_of(app, "Gumi City–KSEA SC and SD chapters")
        release.set()
        await settle(pilot)
        assert "6 · sorted by date" in screen_text(app)


@async_test
async def test_the_overview_shows_its_bars_before_the_places_and_the_map(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = hold(monkeypatch, overview_screen, "read_overview")
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await until_shown(pilot, "Counting the destinations and placing them on the map…")
        screen = app.screen
        assert isinstance(screen, OverviewScreen) and screen.data is None
        axis = screen.query_one(TimeAxis)
        assert [row[1] for row in axis.state.rows] == ["Daejeon", "Gumi"] and len(axis.state.trips) == 4
        lines = screen_lines(app)
        assert any(line.startswith("│Daejeon") and "█" in line for line in lines)
        assert any(line.startswith("│Gumi") and "█" in line for line in lines)
        assert "2013-02-15..02-23 Gumi" in screen_text(app)  # the cursor's trip, its title to come
        await press(pilot, "right")  # the axis answers meanwhile
        assert "2017-02-12..02-20 Gumi" in screen_text(app)
        release.set()
        await settle(pilot)
        text = screen_text(app)
        assert "Cities visited" in text and "12 places on the map of the US" in text
        # The same trip under the cursor, now with its title.
        assert "2017-02-12..02-20 Gumi · Gumi City economic mission to the Americas" in text


@async_test
async def test_the_overview_s_rankings_come_before_its_map(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tripdesk import gazetteer
    from tripdesk.ui.screens.overview import PlaceMap

    release = hold(monkeypatch, gazetteer, "locate_all")
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await until_shown(pilot, "Placing the destinations on the map…")
        text = screen_text(app)
        assert "Cities visited" in text and "Irvine, CA" in text and "Agreements by status" in text
        assert app.screen.data is None and not app.screen.query_one(PlaceMap).places  # type: ignore[attr-defined]
        release.set()
        await settle(pilot)
        assert "12 places on the map of the US" in screen_text(app)


@async_test
async def test_the_overview_s_scale_is_that_of_the_bars_drawn_while_the_rest_is_read(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The axis fits its zoom once it has a width: the status line says that zoom ('1 cell =
    61 days') from then on, not the widest one it had before (730 days, while the bars and the
    years under them were drawn at 61)."""
    release = hold(monkeypatch, overview_screen, "read_overview")
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await until_shown(pilot, "Counting the destinations and placing them on the map…")
        axis = app.screen.query_one(TimeAxis)
        scale = axis.days_per_cell
        assert scale < 730  # fitted to the width: every trip in view
        text = screen_text(app)
        assert f"1 cell = {scale} days │ 2013-02-15..02-23 Gumi" in text, text
        assert "1 cell = 730 days" not in text
        release.set()
        await settle(pilot)
        assert f"1 cell = {axis.days_per_cell} days │" in screen_text(app)


@async_test
async def test_a_ledger_closed_before_its_rows_are_read_takes_none_and_the_next_open_shows_them(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = hold(monkeypatch, LedgerScreen, "read")
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await until_shown(pilot, "Reading the rest…")
        closed = app.screen
        await press(pilot, "escape")
        assert app.screen is app.main
        release.set()
        deadline = time.monotonic() + 10
        while not table_screen.ROWS_KEPT.get(app.data):
            assert time.monotonic() < deadline, "the rows were never kept"
            await pilot.pause(0.05)
        await settle(pilot)
        assert not closed.rows and not closed.loaded  # type: ignore[attr-defined]
        await press(pilot, "a")
        assert app.screen is not closed and "6 · sorted by date" in screen_text(app)
        assert "Reading" not in screen_text(app)  # the rows kept: not read again


@async_test
async def test_an_overview_closed_before_it_is_read_keeps_the_reading_for_the_next_open(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = hold(monkeypatch, overview_screen, "read_overview")
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await until_shown(pilot, "Counting the destinations and placing them on the map…")
        closed = app.screen
        await press(pilot, "escape")
        assert app.screen is app.main
        release.set()
        deadline = time.monotonic() + 10
        while app.data not in overview_screen.OVERVIEW_KEPT:
            assert time.monotonic() < deadline, "the reading was never kept"
            await pilot.pause(0.05)
        await settle(pilot)
        assert closed.data is None  # type: ignore[attr-defined]
        await press(pilot, "w")
        text = screen_text(app)
        assert app.screen is not closed and "Cities visited" in text and "12 places on the map of the US" in text
