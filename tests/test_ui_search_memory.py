"""Search you can work with (issue 18, item 3): the dialog opens again on the last search,
↑ recalls earlier queries, a `kind:` prefix keeps one kind of hit, `OR` finds either side."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripdesk import queries
from tripdesk.store import Store
from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.search_screen import SearchInput, SearchScreen

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
