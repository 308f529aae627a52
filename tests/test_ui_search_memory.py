"""Search you can work with (issue 18, item 3): the dialog opens again on the last search,
↑ recalls earlier queries, a `kind:` prefix keeps one kind of hit, `OR` finds either side."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripdesk.store import queries
from tripdesk.store import Store
from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.screens.search import SearchInput, SearchScreen

from .test_ui import data_store, db  # noqa: F401 - the fixtures: a copy of the bundled store
from .test_ui_support import async_test, press, screen_text, settle, type_search


@async_test
async def test_the_search_opens_again_on_the_last_query_its_hits_and_the_cursor(db: Path) -> None:  # noqa: F811
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_search(pilot, *"협약")
        dialog = app.screen
        assert isinstance(dialog, SearchScreen)
        hits = list(dialog._hits)
        assert len(hits) >= 3
        await press(pilot, "down", "down", "down")  # into the list, then two hits down
        assert dialog.results.highlighted == 2
        await press(pilot, "enter")
        assert app.screen is app.main  # jumped to the third hit
        assert app.main.trip.id == hits[2].trip_id
        await press(pilot, "slash")
        again = app.screen
        assert isinstance(again, SearchScreen) and again is not dialog
        assert again.query_one(SearchInput).value == "협약"
        assert again._hits == hits and again.results.highlighted == 2
        await press(pilot, "enter")  # Enter in the box: the hit the cursor is on
        assert app.main.trip.id == hits[2].trip_id


@async_test
async def test_up_recalls_the_queries_searched_before(db: Path) -> None:  # noqa: F811
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for query in ("Blizzard", "Huntsville"):
            await press(pilot, "slash", "ctrl+u")
            await type_search(pilot, *query)
            await press(pilot, "escape")
        await press(pilot, "slash")
        box = app.screen.query_one(SearchInput)
        assert box.value == "Huntsville"  # the last search
        await press(pilot, "up")
        assert box.value == "Blizzard"
        await settle(pilot)
        await pilot.pause(0.2)
        await settle(pilot)
        assert "Visit to Blizzard" in screen_text(app)  # and it is searched
        await press(pilot, "up")  # nothing earlier: it stays
        assert box.value == "Blizzard"


@async_test
async def test_a_kind_prefix_in_the_search_box_keeps_that_kind(db: Path) -> None:  # noqa: F811
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_search(pilot, *"quote: 미국")
        hits = app.screen._hits
        assert hits and {hit.kind for hit in hits} == {"quote"}


@pytest.fixture
def store(db: Path):  # noqa: ANN201, F811
    with Store.open(db, create=False) as opened:
        yield opened


def test_kind_prefixes_and_or(store: Store) -> None:
    everything = queries.search(store, "미국")
    quotes = queries.search(store, "quote: 미국")
    assert quotes == [hit for hit in everything if hit.kind == "quote"][:len(quotes)] and quotes
    assert {hit.kind for hit in queries.search(store, "org: Seattle")} == {"organisation"}
    blizzard = {(h.trip_id, h.ref) for h in queries.search(store, "Blizzard")}
    huntsville = {(h.trip_id, h.ref) for h in queries.search(store, "Huntsville")}
    both = {(h.trip_id, h.ref) for h in queries.search(store, "Blizzard OR Huntsville")}
    assert both == blizzard | huntsville and blizzard and huntsville
    # Without OR, both words must match (Blizzard is not in Huntsville): today's AND.
    assert len(queries.search(store, "Blizzard Huntsville")) < len(both)
    # "or" in lower case is a word, not the operator.
    assert queries.split_or("Blizzard or Huntsville") == ["Blizzard or Huntsville"]


@async_test
async def test_tab_shows_the_hits_of_one_kind_with_the_count_of_each(db: Path) -> None:  # noqa: F811
    # Only the `kind:` prefix filtered hits: nothing said how many of each kind there were.
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_search(pilot, *"Seattle")
        dialog = app.screen
        assert isinstance(dialog, SearchScreen)
        every = list(dialog._hits)
        counts = {kind: sum(1 for hit in every if hit.kind == kind) for kind in ("trip", "event", "organisation")}
        text = screen_text(app)
        assert f"all {len(every)} · trip {counts['trip']} · day " in text
        assert f"event {counts['event']} · " in text and f"organisation {counts['organisation']} · " in text
        assert "tab Kind" in screen_text(app).splitlines()[-1]  # the key, in the footer
        await press(pilot, "tab", "tab", "tab")  # all -> trip -> day -> event
        shown = list(dialog._hits)
        assert shown and {hit.kind for hit in shown} == {"event"} and len(shown) == counts["event"]
        assert "Visit to Siemens" in screen_text(app) and "Seattle Public Library" not in screen_text(app)
        await press(pilot, "down", "enter")  # the list holds only events: Enter goes to one
        assert app.main.trip.id == shown[0].trip_id
        await press(pilot, "slash")  # opened again: on the same kind
        again = app.screen
        assert isinstance(again, SearchScreen) and again._hits == shown
        await press(pilot, "shift+tab", "shift+tab", "shift+tab")
        assert again._hits == every


@async_test
async def test_the_kinds_are_counted_in_korean(db: Path) -> None:  # noqa: F811
    app = TripdeskApp(db_path=db, language="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_search(pilot, *"Seattle")
        text = screen_text(app)
        assert "전체 10  출장 1  날 1  행사 5  협약 1  발언 0  기관 2  인물 0 ⇥" in text  # 80 columns
        await press(pilot, "tab")
        assert {hit.kind for hit in app.screen._hits} == {"trip"}
        assert "tab 종류" in screen_text(app).splitlines()[-1]


@async_test
async def test_a_kind_searched_alone_is_searched_once_per_query(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """When a search of every kind stops at its limit, Tab searches the kind shown alone; Tab
    back to it shows those hits again without searching (docs/performance.md), and a new
    query's are its own. (The limit is made 3 here: the bundled store has no 200 hits.)"""
    from tripdesk.ui.screens import search

    monkeypatch.setattr(search, "SEARCH_LIMIT", 3)
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        asked: list[str] = []
        real = app.data.search
        monkeypatch.setattr(app.data, "search", lambda query, *args, **kw: asked.append(query) or real(query, *args, **kw))
        await press(pilot, "slash")
        await type_search(pilot, *"Seattle")
        dialog = app.screen
        assert isinstance(dialog, SearchScreen) and len(dialog._all[0]) >= 3
        assert asked[-1] == "Seattle"
        asked.clear()  # (a slow machine may have searched "Seatt" too, while it was typed)
        await press(pilot, "tab", "tab", "tab")  # all -> trip -> day -> event
        events = list(dialog._hits)
        assert events and {hit.kind for hit in events} == {"event"}
        assert asked == ["trip: Seattle", "day: Seattle", "event: Seattle"]
        assert "Visit to Siemens" in screen_text(app)
        for _ in search.KIND_FILTERS:  # once around: the kinds searched before are not searched again
            await press(pilot, "tab")
        assert dialog._hits == events and "Visit to Siemens" in screen_text(app)
        assert asked == ["trip: Seattle", "day: Seattle", "event: Seattle", "agreement: Seattle",
                         "quote: Seattle", "organisation: Seattle", "person: Seattle"]
        box = dialog.query_one(SearchInput)
        box.value = ""
        await type_search(pilot, *"Huntsville")
        assert asked[-2:] == ["Huntsville", "event: Huntsville"]  # the kind shown, for the new query
        asked.clear()
        assert dialog._hits and {hit.kind for hit in dialog._hits} == {"event"}
        assert all("Huntsville" in hit.trip_title.en or hit.trip_id == "gumi-2024-us" for hit in dialog._hits)
        assert "Visit to Siemens" not in screen_text(app)
        await press(pilot, "tab", "tab")  # -> agreement -> quote: searched again, for this query
        assert asked == ["agreement: Huntsville", "quote: Huntsville"]
        assert all(hit.kind == "quote" for hit in dialog._hits)
