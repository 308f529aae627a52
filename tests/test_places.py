"""Places you can ask about (issue 18, item 2): a state or country name in either language, a
city, or a two-letter code finds the trips, days and events there by their place fields (not
words in prose), each hit saying why; `state: Texas` and `state: TX` are one state."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripdesk import regions
from tripdesk.store import queries
from tripdesk.store import Store
from tripdesk.ui.app import TripdeskApp

from .conftest import SAMPLE_TEXT
from .test_ui import data_store, db  # noqa: F401 - the fixtures: a copy of the bundled store
from .test_ui_support import async_test, press, screen_text, settle, type_search

CALIFORNIA = {"gumi-2013-san-diego", "gumi-2017-americas", "gumi-2024-us"}


@pytest.fixture
def store(db: Path):  # noqa: ANN201, F811
    with Store.open(db, create=False) as opened:
        yield opened


def trips_found(store: Store, query: str) -> set[str]:
    return {hit.trip_id for hit in queries.search(store, query) if hit.kind == "trip"}


@pytest.mark.parametrize("query", ["California", "캘리포니아", "캘리포니아주", "CA"])
def test_a_state_in_either_language_or_its_code_finds_every_trip_that_went_there(
        store: Store, query: str) -> None:
    hits = queries.search(store, query)
    assert {hit.trip_id for hit in hits if hit.kind == "trip"} == CALIFORNIA
    # The trips, days and events by their place fields: the days in CA and their events.
    placed = [hit for hit in hits if hit.kind in ("trip", "day", "event")]
    days = {hit.ref for hit in placed if hit.kind == "day"}
    assert "day:2024-10-17" in days and "day:2024-10-15" not in days  # Newport Beach, not Huntsville
    assert all(hit.matched and ", CA, US" in hit.matched for hit in placed)  # each says why
    assert "event:travel-to-california" in {hit.ref for hit in placed}  # Day 6's, in Irvine
    if query == "CA":  # a code is only a code: nothing found by its letters in words
        assert placed == hits


def test_a_two_letter_code_matches_only_as_a_code(store: Store) -> None:
    # Today's search for CA found 26 hits inside English words ("local", "Cal...", "cancer"...).
    hits = queries.search(store, "CA")
    assert all("CA" in (hit.matched or "") for hit in hits)
    assert queries.search(store, "ca")  # lower case is a word, searched as before


def test_seattle_finds_only_the_trip_that_went_there(store: Store) -> None:
    # Daejeon 2025's purpose mentions its Seattle trade office: it did not go there.
    assert trips_found(store, "Seattle") == {"gumi-2017-americas"}
    hits = queries.search(store, "Seattle")
    assert {hit.trip_id for hit in hits if hit.kind in ("trip", "day", "event")} == {"gumi-2017-americas"}
    # What names Seattle still comes after, found by its words: the library MOU, the office.
    assert "agreement:seattle-public-library-mou" in {hit.ref for hit in hits}
    assert trips_found(store, "Washington State") == {"gumi-2017-americas"}
    # In quotes, the word is searched in the texts, as before.
    assert "daejeon-2025-us" in {hit.trip_id for hit in queries.search(store, '"Seattle"')}


def test_a_country_finds_every_trip_with_a_day_there(store: Store) -> None:
    everything = {"gumi-2013-san-diego", "gumi-2017-americas", "gumi-2024-us", "daejeon-2025-us"}
    assert trips_found(store, "미국") == everything
    assert trips_found(store, "United States") == everything
    assert trips_found(store, "US") == everything
    assert trips_found(store, "Japan") == set()


def test_the_regions_table_reads_every_spelling_of_a_state() -> None:
    assert {regions.normal_state("US", v) for v in ("Texas", "TX", "tx", "텍사스", "텍사스주")} == {"TX"}
    assert regions.normal_state("KR", "경북") == regions.normal_state("KR", "경상북도") == "North Gyeongsang Province"
    assert regions.normal_state("US", "Ontario") == "Ontario"  # not a US state: kept as written
    assert len([r for r in regions._states()[1] if r[0] == "US"]) == 51  # 50 states and D.C.


def test_texas_and_tx_are_one_destination(tmp_path: Path) -> None:
    from tripdesk.store.importer import import_paths

    for name, state in (("a.yaml", "Texas"), ("b.yaml", "TX")):
        text = SAMPLE_TEXT.replace("sample-2024-us", f"sample-2024-{name[0]}")
        text = text.replace("      - city: {ko: 시애틀, en: Seattle}\n        state: WA",
                            f"      - city: {{ko: 오스틴, en: Austin}}\n        state: {state}")
        assert f"state: {state}" in text
        (tmp_path / name).write_text(text, encoding="utf-8")
    with Store.open(tmp_path / "t.db") as store:
        import_paths(store, [tmp_path])
        austin = [row for row in queries.destinations(store) if row.city.en == "Austin"]
        assert [(row.state, row.trip_count) for row in austin] == [("TX", 2)]


@async_test
async def test_the_desk_search_for_california_lists_the_three_trips_and_why(db: Path) -> None:  # noqa: F811
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_search(pilot, *"California")
        text = screen_text(app)
        for title in ("Gumi economic mission to San Diego", "Gumi City economic mission to the Americas",
                      "Gumi City delegation visit to the United States"):
            assert title in text
        assert "went to Irvine, CA, US" in text


@async_test
async def test_the_korean_desk_says_why_a_place_hit_matched_in_korean(db: Path) -> None:  # noqa: F811
    # The reasons were English in every language ("went to Irvine, CA, US", "on a day in ...").
    app = TripdeskApp(db_path=db, language="ko")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_search(pilot, *"캘리포니아")
        text = screen_text(app)
        assert "캘리포니아 / California (CA, US): 방문지: 어바인, CA, US" in text  # a trip
        assert "캘리포니아 / California (CA, US): 그날의 장소: 칼스배드, CA, US" in text  # an event
        for english in ("went to", "on a day in", "place:", "in California"):
            assert english not in text


def test_the_cli_says_why_in_the_display_language(store: Store) -> None:
    hit = next(h for h in queries.search(store, "Irvine") if h.kind == "trip")
    assert hit.matched == "went to Irvine, CA, US"  # the English kept for --json
    assert queries.reason_text(hit.reason, "ko") == "방문지: 어바인, CA, US"
    assert queries.reason_text(hit.reason, "en") == "went to Irvine, CA, US"
    day = next(h for h in queries.search(store, "캘리포니아") if h.ref == "day:2024-10-17")
    assert queries.reason_text(day.reason, "ko") == ("캘리포니아 / California (CA, US): 장소: 어바인, CA, US / 뉴포트비치, CA, US")


def test_a_place_no_trip_went_to_is_searched_as_words(store: Store) -> None:
    # The trips went abroad: 한국 names no place of a day, so its words are looked for (the
    # search found nothing at all, hiding every record that says 한국).
    assert queries.place_hits(store, "한국") == []  # a country, but no day of these trips is there
    hits = queries.search(store, "한국")
    words = queries.search(store, '"한국"')
    assert "event:kdia-choi-meeting" in {h.ref for h in hits}  # `한국 중소기업관을 총괄하는 ...`
    assert {h.ref for h in hits} == {h.ref for h in words}
    assert not any(h.matched and ", KR" in h.matched for h in hits)  # no place reason
    # a place a trip went to is still found by its place fields only
    assert trips_found(store, "Seattle") == {"gumi-2017-americas"}
