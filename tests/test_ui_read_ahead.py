"""The first screenful of the ledger, the entities and the overview is read ahead while the
desk is idle (`ui/screens/ahead.py`): the first open shows it without reading at the key, it
is the whole table's first rows (in Korean and in English), and a store changed by another
process before the first open is read again, not shown as it was."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.screens import ahead
from tripdesk.ui.screens import overview as overview_screen
from tripdesk.ui.screens.entities import EntitiesScreen
from tripdesk.ui.screens.ledger import LedgerScreen
from tripdesk.ui.screens.overview import OverviewScreen, TimeAxis, axis_state

from .test_ui_across import data_store, db  # noqa: F401 - the bundled trips' store
from .test_ui_first_frame import hold, until_shown
from .test_ui_support import async_test, press, screen_text, settle


def count_calls(monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> list[int]:
    """Count the calls of a classmethod from now on."""
    calls: list[int] = []
    original = getattr(owner, name)

    def counted(cls, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, classmethod(counted))
    return calls


@pytest.mark.parametrize("lang", ["ko", "en"])
@async_test
async def test_the_first_rows_read_ahead_are_the_whole_tables_first_rows_and_no_key_reads_them(
        db: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    app = TripdeskApp(db_path=db, language=lang)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 12)) as pilot:
        await settle(pilot)
        kept = ahead.AHEAD.get(app.data)
        assert kept is not None and {name for name, _lang in kept} == {"LedgerScreen", "EntitiesScreen", "OverviewScreen"}
        assert all(future.done() for future in kept.values())
        # What the screens will show: the first rows of the whole table, in its first order.
        for screen_class in (LedgerScreen, EntitiesScreen):
            screen = screen_class()
            whole = screen.table_data(screen.read(app.data), lang)
            in_order = [whole.rows[i] for i in whole.order(screen.DEFAULT_SORT, False)]
            read, items = kept[(screen_class.__name__, lang)].result()
            assert read == 12
            assert [row for row, _text, _keys in screen.rows_of(items, lang)] == in_order[:12]
        release = hold(monkeypatch, LedgerScreen, "read")
        release_entities = hold(monkeypatch, EntitiesScreen, "read")
        # The keys: no read of the first rows (nor of the axis) at the key.
        first_reads = count_calls(monkeypatch, LedgerScreen, "read_first")
        first_reads += count_calls(monkeypatch, EntitiesScreen, "read_first")
        axis_reads: list[int] = []
        monkeypatch.setattr(overview_screen, "first_axis", lambda *a: axis_reads.append(1))
        release_overview = hold(monkeypatch, overview_screen, "read_overview")
        await pilot.press("a")
        await until_shown(pilot, "나머지를 읽는 중…" if lang == "ko" else "Reading the rest…")
        ledger = app.screen
        assert isinstance(ledger, LedgerScreen) and not ledger.loaded
        assert "KSEA" in screen_text(app)  # the oldest agreement, first by date
        release.set()
        await settle(pilot)
        assert ledger.loaded
        await press(pilot, "escape")
        await pilot.press("o")
        await until_shown(pilot, "나머지를 읽는 중…" if lang == "ko" else "Reading the rest…")
        release_entities.set()
        await settle(pilot)
        await press(pilot, "escape")
        await pilot.press("w")
        deadline = time.monotonic() + 10
        while not (isinstance(app.screen, OverviewScreen) and app.screen.query_one(TimeAxis).state.trips):
            assert time.monotonic() < deadline, "no bars"
            await pilot.pause(0.02)
        axis = app.screen.query_one(TimeAxis)
        trips = app.data.all_trips()
        assert axis.state.rows == axis_state(trips, lang).rows and len(axis.state.trips) == 4
        release_overview.set()
        await settle(pilot)
        assert first_reads == [] and axis_reads == []
        assert not ahead.AHEAD.get(app.data)  # each handed out once


@async_test
async def test_a_store_changed_before_the_first_open_is_read_again(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read ahead, then another process imports a trip with a new agreement: the desk forgets
    what it read ahead when it sees the change, and the first open reads the store as it is."""
    from tripdesk.cli import main as cli

    from .conftest import SAMPLE

    release = hold(monkeypatch, LedgerScreen, "read")
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert ("LedgerScreen", "en") in ahead.AHEAD[app.data]
        assert cli(["--db", str(db), "import", str(SAMPLE)]) == 0  # another connection writes
        deadline = time.monotonic() + 10
        while ahead.AHEAD.get(app.data):  # the store watch polls every second
            assert time.monotonic() < deadline, "the change was never seen"
            await pilot.pause(0.05)
        await settle(pilot)
        await pilot.press("a")
        await until_shown(pilot, "Reading the rest…")  # the first rows, the whole read held
        assert "Library cooperation MOU" in screen_text(app)
        assert len(app.screen.rows) == 7  # type: ignore[attr-defined]
        release.set()
        await settle(pilot)
        assert "7 · sorted by date" in screen_text(app)


@async_test
async def test_after_l_the_first_rows_are_read_ahead_in_the_new_language(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 12)) as pilot:
        await settle(pilot)
        await press(pilot, "L")
        lang = app.language
        assert lang != "en"
        kept = ahead.AHEAD.get(app.data)
        assert kept is not None and {name for name, read_in in kept if read_in == lang} == {
            "LedgerScreen", "EntitiesScreen", "OverviewScreen"}
        screen = EntitiesScreen()
        whole = screen.table_data(screen.read(app.data), lang)
        in_order = [whole.rows[i] for i in whole.order(screen.DEFAULT_SORT, False)]
        first_reads = count_calls(monkeypatch, EntitiesScreen, "read_first")
        release = hold(monkeypatch, EntitiesScreen, "read")
        await pilot.press("o")
        await until_shown(pilot, "나머지를 읽는 중…" if lang == "ko" else "Reading the rest…")
        opened = app.screen
        assert [opened.rows[i] for i in opened.table.order] == in_order[:12]  # type: ignore[attr-defined]
        release.set()
        await settle(pilot)
        assert first_reads == []
