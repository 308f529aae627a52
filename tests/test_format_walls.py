"""What real articles say and the format once could not hold (issue 16, item 3): each wall is
read, validated, stored, exported and read back."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from tripdesk.store import queries
from tripdesk.cli import main
from tripdesk.export import render, write_export
from tripdesk.files.loader import load_file, load_paths
from tripdesk.store import Store
from tripdesk.text import Text

from .conftest import SAMPLE_TEXT, mutate, problems_for
from tripdesk.ui.panes.detail import DetailPane

from .test_ui_support import async_test, build_store, press, screen_text, settle

ONTARIO = """      - city: {ko: 토론토, en: Toronto}
        state: ON
        country: CA
      - city: {ko: 오슬로, en: Oslo}
        country: NO
"""
SEATTLE = """      - city: {ko: 시애틀, en: Seattle}
        state: WA
        country: US
"""


def test_yaml_1_1_booleans_are_the_codes_they_spell(tmp_path: Path) -> None:
    """`ON` (Ontario) and `NO` (Norway) are text, not true and false; only true/false are."""
    path, _ = mutate(tmp_path, SEATTLE, ONTARIO)
    result = load_paths([path])
    assert [str(p) for p in result.problems] == []
    places = result.trips[0].trip.days[0].places
    assert [(p.state, p.country) for p in places] == [("ON", "CA"), (None, "NO")]


def test_other_yaml_1_1_booleans_are_text_where_text_is_expected(tmp_path: Path) -> None:
    path, _ = mutate(tmp_path, "outlet: Sample News", "outlet: Yes")
    result = load_paths([path])
    assert result.problems == []
    assert result.trips[0].trip.sources[0].outlet.plain == "Yes"


def test_true_is_still_a_boolean_and_refused_as_a_country(tmp_path: Path) -> None:
    path, text = mutate(tmp_path, "country: US", "country: true")
    assert any("'True' is not a country code" in p for p in problems_for(path)), problems_for(path)


def test_json_trip_files_keep_their_codes_too(tmp_path: Path) -> None:
    """A JSON trip file (the JSON export's format) with Norway and Ontario reads back as written."""
    path, _ = mutate(tmp_path, SEATTLE, ONTARIO)
    doc = load_paths([path]).trips[0].trip
    from tripdesk.files.document import trip_to_document

    json_path = tmp_path / "trip.json"
    json_path.write_text(json.dumps(trip_to_document(doc), ensure_ascii=False), encoding="utf-8")
    path.unlink()
    result = load_paths([json_path])
    assert result.problems == []
    assert result.trips[0].trip == doc


# -- the walls of real reports (tests/fixtures/walls) ------------------------------------------

WALLS = Path(__file__).resolve().parent / "fixtures" / "walls"
GYEONGBUK = WALLS / "gyeongbuk-2025-canada.yaml"
GYEONGBUK_TEXT = GYEONGBUK.read_text(encoding="utf-8")


def walls_trip():  # noqa: ANN201 - model.Trip
    loaded, problems = load_file(GYEONGBUK)
    assert problems == [] and loaded is not None
    return loaded.trip


def changed(tmp_path: Path, old: str, new: str) -> Path:
    assert old in GYEONGBUK_TEXT, old
    path = tmp_path / GYEONGBUK.name
    path.write_text(GYEONGBUK_TEXT.replace(old, new, 1), encoding="utf-8")
    return path


def test_the_walls_validate_and_read_as_written() -> None:
    trip = walls_trip()
    assert (trip.home_city.kind, trip.home_city.province) == ("province", Text())
    assert trip.leader.role.en == "Governor"
    assert not trip.sources[0].headline
    economic, friendship = trip.agreements
    assert (economic.kind, friendship.kind) == ("economic agreement", "friendship city")
    assert [(u.description.ko, u.kind, u.count) for u in economic.unnamed_parties] == [("현지 배터리 기업", "company", 1)]
    assert trip.party_names(economic, "ko") == ["경상북도청", "온타리오주 정부", "현지 배터리 기업 (1)"]
    quote = trip.quotes[0]
    assert (quote.speaker, quote.organisation) == (None, "gyeongbuk-gov")
    assert trip.speaker_name(quote, "ko") == "도 관계자"


def test_a_national_body_has_no_province(tmp_path: Path) -> None:
    """A chamber of commerce mission: a national body leads it, from no province."""
    path = changed(tmp_path, "    kind: province\n", "    kind: national\n")
    assert problems_for(path) == []


def test_a_city_must_still_name_its_province(tmp_path: Path) -> None:
    path = changed(tmp_path, "    kind: province\n", "    kind: city\n")
    found = problems_for(path)
    assert len(found) == 1 and "trip.home_city: missing field 'province': a city lies in a province" in found[0]
    path = changed(tmp_path, "    kind: province\n", "")  # a city unless it says otherwise
    assert any("missing field 'province'" in p for p in problems_for(path))


def test_an_unknown_home_kind_is_refused_with_the_kinds(tmp_path: Path) -> None:
    path = changed(tmp_path, "kind: province", "kind: provence")
    assert any("'provence' is not allowed (did you mean 'province'?)" in p for p in problems_for(path))


def test_a_quote_needs_a_speaker_or_their_role(tmp_path: Path) -> None:
    path = changed(tmp_path, "    role: {ko: 도 관계자, en: a provincial official, translated: en, translated_by: editors}\n", "")
    found = problems_for(path)
    assert len(found) == 1 and "quotes[0]: a quote needs its 'speaker'" in found[0], found


def test_a_quote_speaks_for_an_organisation_that_is_defined(tmp_path: Path) -> None:
    path = changed(tmp_path, "    organisation: gyeongbuk-gov\n", "    organisation: nowhere-gov\n")
    assert any("quotes[0].organisation: organisation 'nowhere-gov' is not defined" in p
               for p in problems_for(path))


def test_an_unnamed_party_needs_its_description(tmp_path: Path) -> None:
    path = changed(tmp_path, "      - description: {ko: 현지 배터리 기업, en: a local battery company, translated: en, translated_by: editors}\n        kind: company",
                   "      - kind: company")
    assert any("agreements[0].unnamed_parties[0]: missing required field 'description'" in p
               for p in problems_for(path))


def test_an_agreement_kind_not_in_the_list_says_which_are(tmp_path: Path) -> None:
    path = changed(tmp_path, "kind: economic agreement", "kind: economic pact")
    assert any("(did you mean 'economic agreement'?)" in p for p in problems_for(path))


def test_the_walls_survive_the_store(tmp_path: Path) -> None:
    trip = walls_trip()
    db = tmp_path / "walls.db"
    assert main(["import", str(WALLS), "--db", str(db)]) == 0
    with Store.open(db) as store:
        assert queries.load_trip(store, trip.id) == trip
        kind, province = store.conn.execute(
            "SELECT kind, province_ko FROM home_cities WHERE id = 'gyeongbuk-province'").fetchone()
        assert (kind, province) == ("province", None)
        speaker, role, org = store.conn.execute(
            "SELECT speaker_id, speaker_role_ko, organisation_id FROM quotes").fetchone()
        assert (speaker, role, org) == (None, "도 관계자", "gyeongbuk-gov")
        rows = {a.id: a for a in queries.agreements(store)}
        assert rows["ontario-economic"].parties[-1][0] is None
        assert rows["ontario-economic"].parties[-1][1].ko == "현지 배터리 기업"
        hits = {h.ref for h in queries.search(store, "관계자")}
        assert "quote:official-1" in hits
        assert "agreement:ontario-economic" in {h.ref for h in queries.search(store, "배터리")}
        assert "agreement:stavanger-friendship" in {h.ref for h in queries.search(store, "우호도시")}
    assert main(["doctor", "--db", str(db)]) == 0


def test_the_walls_survive_the_json_export(tmp_path: Path) -> None:
    trip = walls_trip()
    path = write_export(tmp_path / "out" / f"{trip.id}.json", render(trip, "json"))
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert "headline" not in doc["sources"][0] and "speaker" not in doc["quotes"][0]
    assert "province" not in doc["trip"]["home_city"]
    assert "stops" not in doc and [d.get("date") for d in doc["days"]] == ["2025-06-03", "2025-06-05", None, None]
    loaded, problems = load_file(path)
    assert problems == [] and loaded is not None and loaded.trip == trip


def test_the_markdown_export_says_what_the_walls_hold() -> None:
    text = render(walls_trip(), "md", "en", full=True)
    assert "North Gyeongsang Province, KR (province)" in text
    assert "a local battery company (1)" in text
    assert "a provincial official (not named)" in text
    assert "friendship city" in text


def walls_desk(tmp_path: Path):  # noqa: ANN201 - a TripdeskApp
    """The desk on a store holding the walls trip alone."""
    from tripdesk.ui.app import TripdeskApp

    return TripdeskApp(db_path=build_store(tmp_path / "walls.db", WALLS), language="en")


async def open_walls_trip(pilot) -> None:  # noqa: ANN001
    await settle(pilot)
    pilot.app.jump_to_trip("gyeongbuk-2025-canada")
    await settle(pilot)


@async_test
async def test_the_desk_shows_the_walls(tmp_path: Path) -> None:
    """The trip's detail in the desk: the province as the home, the source without a headline,
    the unnamed company among the parties, the new kinds, the unnamed speaker."""
    app = walls_desk(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_walls_trip(pilot)
        detail = app.query_one(DetailPane).text
        assert "from: North Gyeongsang Province, KR (province)" in detail
        assert "Gyeongbuk press release, no headline, 2025-06-07" in detail
        assert "kind: economic agreement" in detail and "kind: friendship city" in detail
        assert ("parties: North Gyeongsang Provincial Government, Government of Ontario, "
                "a local battery company (1)") in detail
        assert "a provincial official (not named), North Gyeongsang Provincial Government" in detail
        assert "Toronto, ON, CA" in screen_text(app) or "Toronto, ON, CA" in detail


# -- stops without a day ------------------------------------------------------------------------
# The walls file gives them as entries of `days` without a date, after the dated days (the form
# tripdesk writes); tests/fixtures/walls-stops/ holds the same trip with the older top-level
# `stops` list, which is still read, into the same model.

OSLO_RANGE = "  - start: 2025-06-04\n    end: 2025-06-05\n"
OLD_WALLS = WALLS.parent / "walls-stops" / GYEONGBUK.name
OLD_TEXT = OLD_WALLS.read_text(encoding="utf-8")


def old_changed(tmp_path: Path, old: str, new: str) -> Path:
    """The older spelling of the walls trip with its first `old` made `new`."""
    assert old in OLD_TEXT, old
    path = tmp_path / "old" / GYEONGBUK.name
    path.parent.mkdir(exist_ok=True)
    path.write_text(OLD_TEXT.replace(old, new, 1), encoding="utf-8")
    return path


def at(path: Path, problem: str) -> tuple[int, str]:
    """(line, the rest) of a problem `path:line:col: rest` said of the file `path`."""
    where, rest = problem.removeprefix(f"{path}:").split(": ", 1)
    return int(where.split(":")[0]), rest


def test_stops_without_a_day_read_as_written() -> None:
    trip = walls_trip()
    assert [day.date for day in trip.days] == [dt.date(2025, 6, 3), dt.date(2025, 6, 5)]
    ottawa, oslo = trip.stops
    assert (ottawa.start, ottawa.end, ottawa.when()) == (None, None, "during the trip")
    assert [p.city.en for p in ottawa.places] == ["Ottawa"] and ottawa.events[0].id == "ottawa-embassy"
    assert oslo.when() == "2025-06-04 – 2025-06-05"
    assert trip.event("ottawa-embassy") == (ottawa, ottawa.events[0])
    assert [p.city.en for p in trip.destinations()] == ["Toronto", "Stavanger", "Ottawa", "Oslo"]


def test_the_older_stops_list_reads_as_the_same_trip(tmp_path: Path) -> None:
    """A file written before (a top-level `stops` list) is the same trip as the walls file,
    and is written back in the new form, its stops as entries of `days` without a date."""
    from tripdesk.files.document import trip_to_document
    from tripdesk.files.loader import article_finder

    assert "\nstops:\n" in OLD_TEXT and "\nstops:" not in GYEONGBUK_TEXT
    loaded, problems = load_file(OLD_WALLS, article_finder([OLD_WALLS], [WALLS]))
    assert problems == [] and loaded is not None and loaded.excerpts_checked == 3 and loaded.excerpts_unchecked == 0
    trip = walls_trip()
    assert loaded.trip == trip
    doc = trip_to_document(loaded.trip)
    assert "stops" not in doc
    assert [(d.get("date"), d.get("start"), d["places"][0]["city"]["en"]) for d in doc["days"]] == [
        ("2025-06-03", None, "Toronto"), ("2025-06-05", None, "Stavanger"), (None, None, "Ottawa"),
        (None, "2025-06-04", "Oslo")]
    # Both spellings in one file: the entries of `days` without a date come first, then `stops`.
    mixed = old_changed(tmp_path, "stops:\n", "")
    mixed.write_text(mixed.read_text(encoding="utf-8").replace(OSLO_RANGE, "stops:\n" + OSLO_RANGE, 1),
                     encoding="utf-8")
    result = load_paths([mixed])
    assert result.problems == [] and result.trips[0].trip == trip


def test_a_stop_entry_that_says_nothing_in_the_older_list_is_nothing(tmp_path: Path) -> None:
    """`stops: [{}]` said nothing before and still does (no stop, no problem); an entry of
    `days` with no date and nothing else is a mistake, said at its line."""
    path = old_changed(tmp_path, "stops:\n", "stops:\n  - {}\n")
    result = load_paths([path])
    assert result.problems == [] and len(result.trips[0].trip.stops) == 2
    path = changed(tmp_path, OSLO_RANGE, "  - inferred: {places: A city with no name.}\n" + OSLO_RANGE)
    (problem,) = problems_for(path)
    text = path.read_text(encoding="utf-8")
    assert at(path, problem) == (text.count("\n", 0, text.index("  - inferred: {places")) + 1,
                                 "days[3]: has no 'date' and nothing else: give the day's 'date', or, for a place or "
                                 "an event with no day, its 'places' or 'events'")


def test_a_day_with_a_date_has_no_span(tmp_path: Path) -> None:
    path = changed(tmp_path, "  - date: 2025-06-05\n", "  - date: 2025-06-05\n    start: 2025-06-04\n    end: 2025-06-05\n")
    found = problems_for(path)
    line = GYEONGBUK_TEXT.count("\n", 0, GYEONGBUK_TEXT.index("  - date: 2025-06-05")) + 2
    assert [at(path, p) for p in found] == [
        (line, "days[1].start: a day with a 'date' has no 'start': 'start' and 'end' are for an entry without a date "
               "(a stop some day between the two); remove the one or the other"),
        (line + 1, "days[1].end: a day with a 'date' has no 'end': 'start' and 'end' are for an entry without a date "
                   "(a stop some day between the two); remove the one or the other")]


def test_no_day_twice_is_said_of_dated_days_only(tmp_path: Path) -> None:
    """Two entries without a date for one city are two stops (as two `stops` entries were);
    two entries of one date are a day listed twice."""
    twice = "  - places:\n      - {city: {ko: 오타와, en: Ottawa}, state: ON, country: CA}\n"
    path = changed(tmp_path, OSLO_RANGE, twice + twice + OSLO_RANGE)
    result = load_paths([path])
    assert result.problems == [] and len(result.trips[0].trip.stops) == 4
    path = changed(tmp_path, OSLO_RANGE, "  - date: 2025-06-03\n" + OSLO_RANGE)
    assert [p.split(": ", 1)[1] for p in problems_for(path)] == [
        "days[3].date: 2025-06-03 is listed twice (also days[0]); merge the two entries"]


@pytest.mark.parametrize("spelling", ["days", "stops"])
def test_a_stop_gives_both_ends_of_its_span_or_neither(tmp_path: Path, spelling: str) -> None:
    edit = changed if spelling == "days" else old_changed
    path = edit(tmp_path, OSLO_RANGE, "  - start: 2025-06-04\n")
    (problem,) = problems_for(path)
    text = path.read_text(encoding="utf-8")
    where = "days[3]" if spelling == "days" else "stops[1]"
    assert at(path, problem) == (text.count("\n", 0, text.index("  - start: 2025-06-04")) + 1,
                                 f"{where}: gives 'start' without 'end': give both (the days it falls between) or "
                                 "neither (somewhere during the trip)")


@pytest.mark.parametrize("spelling", ["days", "stops"])
def test_a_stops_span_is_inside_the_trip_and_in_order(tmp_path: Path, spelling: str) -> None:
    edit = changed if spelling == "days" else old_changed
    where = "days[3]" if spelling == "days" else "stops[1]"
    path = edit(tmp_path, OSLO_RANGE, "  - start: 2025-06-05\n    end: 2025-06-09\n")
    text = path.read_text(encoding="utf-8")
    assert [at(path, p) for p in problems_for(path)] == [
        (text.count("\n", 0, text.index("    end: 2025-06-09")) + 1,
         f"{where}.end: the stop's end 2025-06-09 is outside the trip (2025-06-02..2025-06-06)")]
    path = edit(tmp_path, OSLO_RANGE, "  - start: 2025-06-05\n    end: 2025-06-04\n")
    assert any(f"{where}.end: the stop ends (2025-06-04) before it starts (2025-06-05)" in p
               for p in problems_for(path))


def test_event_ids_are_unique_across_days_and_stops(tmp_path: Path) -> None:
    path = changed(tmp_path, "      - id: oslo-hydrogen", "      - id: ontario-signing")
    assert any("days[3].events[0].id: event id 'ontario-signing' is used twice (first at "
               "days[0].events[0].id)" in p for p in problems_for(path))
    path = old_changed(tmp_path, "      - id: oslo-hydrogen", "      - id: ontario-signing")
    assert any("stops[1].events[0].id: event id 'ontario-signing' is used twice (first at "
               "days[0].events[0].id)" in p for p in problems_for(path))


def test_an_agreement_may_be_signed_at_a_stops_event(tmp_path: Path) -> None:
    path = changed(tmp_path, "    date: 2025-06-05\n    sources: [src-a]", "    event: oslo-hydrogen\n    sources: [src-a]")
    assert problems_for(path) == []
    path = changed(tmp_path, "    date: 2025-06-05\n    sources: [src-a]", "    event: oslo-nowhere\n    sources: [src-a]")
    assert any("event 'oslo-nowhere' is not defined; add it to 'days[].events or stops[].events'" in p
               for p in problems_for(path))


def test_stops_are_stored_searched_and_count_as_destinations(tmp_path: Path) -> None:
    db = tmp_path / "walls.db"
    assert main(["import", str(WALLS), "--db", str(db)]) == 0
    with Store.open(db) as store:
        assert store.conn.execute("SELECT position, start, \"end\" FROM stops ORDER BY position").fetchall() == [
            (0, None, None), (1, "2025-06-04", "2025-06-05")]
        assert store.conn.execute("SELECT id, date, stop FROM events WHERE stop IS NOT NULL ORDER BY id").fetchall() == [
            ("oslo-hydrogen", None, 1), ("ottawa-embassy", None, 0)]
        keys = {d.key for d in queries.destinations(store)}
        assert {"ca/on/ottawa", "no//oslo", "ca/on/toronto", "no//stavanger"} <= keys
        assert [t.id for t in queries.trips_to(store, "ca/on/ottawa")] == ["gyeongbuk-2025-canada"]
        # A place: the trip that went there, the stop and its event, each once.
        hits = [(h.kind, h.ref, h.matched) for h in queries.search(store, "오타와")]
        assert hits == [("trip", "trip", "went to Ottawa, ON, CA"),
                        ("event", "event:ottawa-embassy", "in Ottawa, ON, CA, no day given"),
                        ("stop", "stop:0", "place (no day given): Ottawa, ON, CA")]
        assert ("stop", "stop:1") in {(h.kind, h.ref) for h in queries.search(store, "Norway")}
        assert "event:oslo-hydrogen" in {h.ref for h in queries.search(store, "수소")}
        store.delete_trip("gyeongbuk-2025-canada")
        store.drop_orphans()
        assert store.conn.execute("SELECT count(*) FROM stop_places").fetchone()[0] == 0
        assert store.conn.execute("SELECT count(*) FROM destinations").fetchone()[0] == 0
    assert main(["doctor", "--db", str(db)]) == 0


def test_a_store_reads_the_stops_of_either_spelling(tmp_path: Path) -> None:
    """Import keeps the document in the form tripdesk writes; a store of an earlier tripdesk
    keeps `stops`, and reads back the same (the trip, and which destinations rest on inference)."""
    path = old_changed(tmp_path, "        country: CA\n    notes: {ko: 방문 기간",
                       "        country: CA\n    inferred: {places: The article names no province.}\n"
                       "    notes: {ko: 방문 기간")
    db = tmp_path / "old.db"
    assert main(["import", str(path), "--db", str(db), "--articles", str(WALLS)]) == 0
    with Store.open(db) as store:
        trip = queries.load_trip(store, "gyeongbuk-2025-canada")
        assert trip is not None and trip.stops[0].inferred and trip == load_paths([path]).trips[0].trip
        (stored,) = store.conn.execute("SELECT document FROM trip_documents").fetchone()
        doc = json.loads(stored)
        assert "stops" not in doc and doc["days"][2]["inferred"] == {"places": "The article names no province."}
        keys = {"ca/on/ottawa", "no//oslo", "ca/on/toronto"}
        assert queries.inferred_destinations(store, keys) == {"ca/on/ottawa"}
        doc["stops"] = [d for d in doc["days"] if "date" not in d]
        doc["days"] = [d for d in doc["days"] if "date" in d]
        store.conn.execute("UPDATE trip_documents SET document = ?", (json.dumps(doc, ensure_ascii=False),))
        assert queries.load_trip(store, "gyeongbuk-2025-canada") == trip
        assert queries.inferred_destinations(store, keys) == {"ca/on/ottawa"}


def test_the_exports_give_stops_their_span_and_no_day() -> None:
    trip = walls_trip()
    markdown = render(trip, "md", "en", full=True)
    assert "### No day given · during the trip · Ottawa, ON, CA" in markdown
    assert "### No day given · 4 – 5 Jun 2025 · Oslo, NO" in markdown
    from icalendar import Calendar

    calendar = Calendar.from_ical(render(trip, "ics", "en"))
    stops = {str(e["uid"]): e for e in calendar.walk("VEVENT") if "/stop/" in str(e["uid"])}
    ottawa, oslo = stops["gyeongbuk-2025-canada/stop/0@tripdesk"], stops["gyeongbuk-2025-canada/stop/1@tripdesk"]
    assert (ottawa.decoded("dtstart"), ottawa.decoded("dtend")) == (dt.date(2025, 6, 2), dt.date(2025, 6, 7))
    assert (oslo.decoded("dtstart"), oslo.decoded("dtend")) == (dt.date(2025, 6, 4), dt.date(2025, 6, 6))
    assert "no day given" in str(oslo["summary"]) and "Visit to hydrogen companies in Oslo" in str(oslo["description"])


@async_test
async def test_the_timeline_shows_stops_in_their_span_and_under_the_whole_trip(tmp_path: Path) -> None:
    """A stop between two dates follows the first of them; one during the trip is in the
    "Whole trip" section; each with its events, and the detail says no day is given."""
    app = walls_desk(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_walls_trip(pilot)
        timeline = app.main.timeline
        ids = [row.id for row in timeline.list.options]
        assert ids == ["trip", "day:2025-06-02", "day:2025-06-03", "event:ontario-signing", "day:2025-06-04",
                       "stop:1", "event:oslo-hydrogen", "day:2025-06-05", "day:2025-06-06", None,
                       "stop:0", "event:ottawa-embassy", "quote:official-1"]
        timeline.list.focus()
        await press(pilot, "g")
        for _ in range(ids.index("stop:1")):
            await press(pilot, "j")
        assert timeline.ref == "stop:1"
        assert app.query_one(DetailPane).text.startswith("Between 2025-06-04 and 2025-06-05 · no day given")
        screen = screen_text(app)
        assert "Between 06-04 and 06-05  Oslo, NO" in screen and "no day given" in screen
        await press(pilot, "G", "j", "j")  # the last day, then down into the whole trip
        assert timeline.ref == "event:ottawa-embassy"
        detail = app.query_one(DetailPane).text
        assert "when: during the trip (no day given)" in detail and "place: Ottawa, ON, CA" in detail
        assert "During the trip  Ottawa, ON, CA" in screen_text(app)
        screen = screen_text(app)  # the whole trip's quote, its speaker not named, cut at the pane's edge
        assert re.search(r"06-07 +quote +a provincial offic", screen) and "None" not in screen
