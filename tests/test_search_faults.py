"""Search cannot hang (issue 21, item 5): a query longer than a search takes is refused at
once with a message, in `tripdesk search` and in the desk's dialog; a search that is no longer
wanted is stopped inside SQLite and never holds up the lists and trips the user opens; and
the desk stays usable after 10 KB are pasted into its search box.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from tripdesk.store import queries, textindex
from tripdesk.cli import main
from tripdesk.store import Store, guarded
from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.data import DeskData, SearchStopped

from .test_ui_support import DATA, async_test, build_store, press, screen_text, settle

# 10 KB of distinct words, as a paragraph pasted by mistake would be: 1,700 words, which took
# FTS5 about ten seconds, and the desk's store connection with it.
PASTED = " ".join(f"word{i}" for i in range(1700))[:10_240]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("search-faults") / "trips.db", DATA)


# -- the bound ------------------------------------------------------------------------------


def test_a_query_longer_than_a_search_takes_is_refused_before_the_store_is_asked(store_path: Path) -> None:
    store = Store.open(store_path, create=False, readonly=True)
    asked: list[str] = []
    store.conn.set_trace_callback(asked.append)
    try:
        with pytest.raises(queries.QueryTooLong, match="at most 256 characters and 16 words"):
            queries.search(store, PASTED)
        words = " ".join(f"w{i}" for i in range(textindex.MAX_QUERY_WORDS + 1))
        with pytest.raises(queries.QueryTooLong, match="17 words; a search takes at most 16"):
            queries.search(store, words)
        assert asked == []
        # At the bound, and a word repeated any number of times (it counts once), it searches.
        assert queries.search(store, " ".join(f"w{i}" for i in range(16))) == []
        assert queries.search(store, " ".join(["Blizzard"] * 25))
    finally:
        store.close()


def test_the_cli_refuses_a_pasted_paragraph_with_a_message(store_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", str(store_path), "search", PASTED])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and "Traceback" not in err
    assert "the query is 10,240 characters long; a search takes at most 256 characters" in err


# -- a stale search --------------------------------------------------------------------------


@pytest.fixture
def slow_queries(monkeypatch: pytest.MonkeyPatch) -> str:
    """A search that runs in SQLite until it is stopped (a query over a large store, or one
    its author never thought of): counting to a billion, on the connection it is given."""

    def slow_search(store: Store, query: str, limit: int = 200) -> list[queries.SearchHit]:
        if query != "slow":
            return real_search(store, query, limit=limit)
        store.conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                           "WHERE i < 1000000000) SELECT count(*) FROM n").fetchone()
        raise AssertionError("the slow search was not stopped")

    real_search = queries.search
    monkeypatch.setattr(queries, "search", guarded(slow_search))
    return "slow"


def _search_in_thread(data: DeskData, query: str) -> tuple[threading.Thread, list[BaseException]]:
    raised: list[BaseException] = []

    def run() -> None:
        try:
            data.search(query)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            raised.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, raised


def test_a_long_search_never_holds_up_the_trips_and_a_newer_one_stops_it(store_path: Path,
                                                                         slow_queries: str) -> None:
    data = DeskData(store_path)
    try:
        thread, raised = _search_in_thread(data, slow_queries)
        while data._search_store is None or not data._search_lock.locked():  # noqa: SLF001
            thread.join(0.01)  # until the search is running
        # The trips of a city are read while the search still runs (with one connection for
        # both, they waited for it).
        assert [t.id for t in data.trips_from("gumi")][:1] == ["gumi-2013-san-diego"]
        assert thread.is_alive()
        # A newer search stops it, and gets its own hits.
        assert {h.trip_id for h in data.search("Blizzard")} == {"gumi-2024-us"}
        thread.join(30)
        assert not thread.is_alive() and len(raised) == 1 and isinstance(raised[0], SearchStopped)
    finally:
        data.close()


def test_closing_the_desk_data_stops_a_search(store_path: Path, slow_queries: str) -> None:
    data = DeskData(store_path)
    thread, raised = _search_in_thread(data, slow_queries)
    while data._search_store is None or not data._search_lock.locked():  # noqa: SLF001
        thread.join(0.01)
    data.close()
    thread.join(30)
    assert not thread.is_alive() and isinstance(raised[0], SearchStopped)


# -- the desk --------------------------------------------------------------------------------


@async_test
async def test_ten_kilobytes_pasted_into_the_search_leave_the_desk_usable(store_path: Path, tmp_path: Path) -> None:
    app = TripdeskApp(db_path=store_path, language="en")

    async def use_the_desk() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await press(pilot, "slash")
            search_input = app.screen.query_one(Input)
            search_input.post_message(events.Paste(PASTED))
            await settle(pilot)
            await pilot.pause(0.3)  # the dialog's debounce
            await settle(pilot)
            assert search_input.value == PASTED
            text = screen_text(app)
            assert "the query is 10,240 characters long; a search takes at most 256" in text
            # Back to the desk: a city opens and its trips appear.
            await press(pilot, "escape")
            assert app.screen is app.main
            await press(pilot, "enter")
            text = screen_text(app)
            assert "loading" not in text.lower()
            assert "└─ 2025 Daejeon Vice May" in text  # the first city opened, its trip listed
            await pilot.press("q")

    # Bounded so that a desk that hangs fails here instead of holding the test run.
    await asyncio.wait_for(use_the_desk(), timeout=120)
