"""The iCalendar export, read back with icalendar.Calendar.from_ical."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tripdesk.export import labels as L
from tripdesk.i18n import translator
from tripdesk.export import render
from tripdesk.export.places import coordinates, zone_name
from tripdesk.model import AGREEMENT_STATUSES, AgreementStatus, Evidence, Place, Text, Trip

from .test_export_markdown import REAL_IDS, hostile_and_plain, real_trips, rich_sample, sample_trip


def events(text: str) -> list:
    cal = Calendar.from_ical(text)
    assert str(cal["VERSION"]) == "2.0" and "tripdesk" in str(cal["PRODID"])
    return list(cal.walk("VEVENT"))


def all_day(evs: list) -> list:
    return [e for e in evs if type(e.decoded("DTSTART")) is dt.date]


def timed(evs: list) -> list:
    return [e for e in evs if isinstance(e.decoded("DTSTART"), dt.datetime)]


@pytest.fixture(scope="module")
def trips() -> dict[str, Trip]:
    return real_trips()


@pytest.mark.parametrize("lang", ("ko", "en", "both"))
@pytest.mark.parametrize("trip_id", REAL_IDS)
def test_one_event_per_event_and_none_for_empty_days(trips: dict[str, Trip], trip_id: str, lang: str) -> None:
    trip = trips[trip_id]
    # An agreement of no event has an entry of its own (test_agreement_status_in_its_entry).
    evs = [e for e in events(render(trip, "ics", lang)) if "/agreement/" not in str(e["UID"])]
    recorded = trip.events()
    assert len(evs) == len(recorded)
    assert {e.decoded("DTSTART") for e in evs} == {day.date for day, _ in recorded}  # no empty day
    by_uid = {str(e["UID"]): e for e in evs}
    assert len(by_uid) == len(evs)
    for day, event in recorded:
        e = by_uid[f"{trip.id}/event/{event.id}@tripdesk"]
        assert e.decoded("DTSTART") == day.date and e.decoded("DTEND") == day.date + dt.timedelta(days=1)
        assert event.title.get(lang if lang != "both" else "ko") in str(e["SUMMARY"])
        description = str(e["DESCRIPTION"])
        assert translator(lang)("Sources:") in description  # ("출처:" in ko)
        for source in event.sources:
            assert f"[{source}]" in description
        places = [event.place] if event.place else list(day.places)
        if places:
            assert str(e["LOCATION"]) == "; ".join(L.place(p, lang) for p in places)  # type: ignore[arg-type]
        geo = coordinates(places[0]) if len(places) == 1 else None
        if geo is None:
            assert "GEO" not in e
        else:
            assert tuple(e.decoded("GEO")) == geo
    assert len({e.decoded("DTSTAMP") for e in evs}) == 1


def test_the_2024_trip_has_one_entry_per_event(trips: dict[str, Trip]) -> None:
    evs = events(render(trips["gumi-2024-us"], "ics", "en"))
    oct15 = sorted(str(e["SUMMARY"]) for e in evs if e.decoded("DTSTART") == dt.date(2024, 10, 15))
    assert oct15 == ["Gumi · Meeting with the Huntsville Chamber of Commerce on defence-industry cooperation",
                     "Gumi · Tour of Cummings Research Park"]
    # The trip starts on 12 October with nothing recorded until the 14th: no entry for them.
    assert min(e.decoded("DTSTART") for e in evs) == dt.date(2024, 10, 14)
    first = next(e for e in evs if e.decoded("DTSTART") == dt.date(2024, 10, 15))
    assert str(first["LOCATION"]) == "Huntsville, AL, US"
    geo = first.decoded("GEO")  # Huntsville, Alabama's centre (GeoNames), not Huntsville, Ontario
    assert (round(geo[0], 2), round(geo[1], 2)) == (34.73, -86.59)
    # the newest source is of 10 October 2024
    assert first.decoded("DTSTAMP") == dt.datetime(2024, 10, 10, tzinfo=dt.timezone.utc)


def test_a_known_time_is_in_the_place_s_time_zone() -> None:
    trip = sample_trip()
    text = render(trip, "ics", "en")
    (event,) = timed(events(text))
    start = event.decoded("DTSTART")
    assert start == dt.datetime(2024, 10, 13, 14, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert str(start.tzinfo) == "America/Los_Angeles"  # Seattle, WA
    assert "DTSTART;TZID=America/Los_Angeles:20241013T143000" in text
    assert [str(tz["TZID"]) for tz in Calendar.from_ical(text).walk("VTIMEZONE")] == ["America/Los_Angeles"]
    assert "DTEND" not in event and "DURATION" not in event  # the sources give no end
    assert str(event["UID"]) == "sample-2024-us/event/library-mou@tripdesk"
    assert str(event["SUMMARY"]) == "Sample City · Signing with the Seattle Public Library (unknown)"
    assert "[src-a] Sample News" in str(event["DESCRIPTION"])
    assert "time zone" not in str(event["DESCRIPTION"])


def test_a_place_without_a_known_zone_gives_a_floating_time_that_says_so() -> None:
    trip = sample_trip()
    day = trip.days[0]
    nowhere = dataclasses.replace(day.events[0].place or day.places[0], city=Text(en="Nowhere"), state=None)
    event = dataclasses.replace(day.events[0], place=nowhere)
    trip = dataclasses.replace(trip, days=(dataclasses.replace(day, events=(event,)),))
    text = render(trip, "ics", "en")
    (e,) = timed(events(text))
    assert e.decoded("DTSTART") == dt.datetime(2024, 10, 13, 14, 30) and e.decoded("DTSTART").tzinfo is None
    assert "does not tell its time zone" in " ".join(str(e["DESCRIPTION"]).split())
    assert "VTIMEZONE" not in text


@pytest.mark.parametrize(("city", "state", "country", "zone"), [
    ("Huntsville", "AL", "US", "America/Chicago"),  # not Huntsville, Ontario nor Texas
    ("Huntsville", "TX", "US", "America/Chicago"),
    ("San Diego", "CA", "US", "America/Los_Angeles"),  # not San Diego, Colombia
    ("Atlanta", "GA", "US", "America/New_York"),
    ("Seoul", None, "KR", "Asia/Seoul"),
    ("A village not in the list", None, "KR", "Asia/Seoul"),  # the country has one zone
    ("A village not in the list", "CA", "US", "America/Los_Angeles"),  # so has the state
    ("A village not in the list", None, "US", None),  # the country has many
    ("A village not in the list", "AL", "US", None),  # so has Alabama (Phenix City is Eastern)
])
def test_time_zones_of_places(city: str, state: str | None, country: str, zone: str | None) -> None:
    assert zone_name(Place(city=Text(en=city), country=country, state=state)) == zone


CALCURSE = shutil.which("calcurse")


@pytest.mark.skipif(CALCURSE is None, reason="calcurse is not installed (apt-get install calcurse; .ci/run does)")
def test_calcurse_imports_the_calendar(trips: dict[str, Trip], tmp_path: Path) -> None:
    """A second calendar program reads the file as we mean it: one appointment per event
    with a time (at the right instant: 14:30 in Seattle is 21:30 UTC), one all-day event per
    event without one, on its day, and nothing skipped."""
    env = {**os.environ, "TZ": "UTC"}
    for trip, label in ((sample_trip(), "sample"), (trips["gumi-2024-us"], "gumi")):
        folder = tmp_path / label
        folder.mkdir()
        ics = tmp_path / f"{label}.ics"
        ics.write_text(render(trip, "ics", "en"), encoding="utf-8")
        report = subprocess.run([CALCURSE, "-D", str(folder), "-i", str(ics)], env=env,
                                capture_output=True, text=True, timeout=60, check=True).stdout
        timed_count = sum(1 for _, e in trip.events() if e.time)
        untimed = len(trip.events()) - timed_count
        assert f"{timed_count} app" in report and f"{untimed} event" in report and "0 skipped" in report, report
        listed = subprocess.run(
            [CALCURSE, "-D", str(folder), "--input-datefmt", "4", "-Q", "--from", trip.start.isoformat(),
             "--days", str(trip.day_count), "--format-apt", "%(start:%Y-%m-%d %H:%M)|%m\n",
             "--format-event", "%m\n"],
            env=env, capture_output=True, text=True, timeout=60, check=True).stdout
        for day, event in trip.events():
            assert f"{L.title(event.title, 'en')}" in listed
        if label == "sample":
            assert "2024-10-13 21:30|Sample City · Signing with the Seattle Public Library" in listed, listed
        else:
            assert listed.count("Gumi · ") == len(trip.events())


def test_the_same_trip_gives_the_same_file() -> None:
    trip = rich_sample()
    assert render(trip, "ics") == render(trip, "ics")


def test_hostile_text_survives_the_round_trip() -> None:
    hostile, plain, used = hostile_and_plain(rich_sample())
    evs, plain_evs = events(render(hostile, "ics", "both")), events(render(plain, "ics", "both"))
    assert len(evs) == len(plain_evs) == len(hostile.events()) == 1
    text = "\n".join(str(e[k]) for e in evs for k in ("SUMMARY", "DESCRIPTION", "LOCATION") if k in e)
    # The event title, description, its place, and the day's inferred reasons.
    day = hostile.days[0]
    for value in (*day.events[0].title.all_strings(), *day.events[0].description.all_strings(),
                  *day.events[0].place.city.all_strings(), *day.inferred.values()):
        assert " ".join(value.split()) in " ".join(text.split()), value


def with_event_id(trip: Trip, trip_id: str, event_id: str) -> Trip:
    """The sample trip under another id, its timed event under another event id."""
    day = trip.days[0]
    event = dataclasses.replace(day.events[0], id=event_id)
    # Its agreement stays with it (an agreement of no event would have an entry of its own).
    agreements = tuple(dataclasses.replace(a, event=event_id) for a in trip.agreements)
    return dataclasses.replace(trip, id=trip_id, days=(dataclasses.replace(day, events=(event,)),),
                               agreements=agreements)


def test_uids_never_collide_whatever_the_ids() -> None:
    trip = sample_trip()
    date_like = with_event_id(trip, trip.id, trip.days[0].date.isoformat())  # "2024-10-13"
    uids = [str(e["UID"]) for e in events(render(date_like, "ics"))]
    assert uids == [f"{trip.id}/event/2024-10-13@tripdesk"], uids
    # Trip a-b with event c, trip a with event b-c: two calendars imported side by side.
    first = {str(e["UID"]) for e in timed(events(render(with_event_id(trip, "a-b", "c"), "ics")))}
    second = {str(e["UID"]) for e in timed(events(render(with_event_id(trip, "a", "b-c"), "ics")))}
    assert first and second and not first & second, (first, second)


EXPECTED_STATUS = {  # the six bundled agreements: (status, STATUS of the entry or None)
    "ksea-mou": ("signed", "CONFIRMED"),
    "san-diego-exchange-agreement": ("agreed in principle", None),
    "world-korean-business-convention-pledge": ("pledged", None),
    "redmond-exchange-agreement": ("agreed in principle", None),
    "seattle-public-library-mou": ("planned", "TENTATIVE"),
    "ai-metaverse-business-agreement": ("planned", "TENTATIVE"),
}


def agreement_entry(evs: list, trip: Trip, agreement_id: str):
    """The calendar entry of an agreement: its event's, else its own."""
    agreement = next(a for a in trip.agreements if a.id == agreement_id)
    uid = (f"{trip.id}/event/{agreement.event}@tripdesk" if agreement.event
           else f"{trip.id}/agreement/{agreement.id}@tripdesk")
    (entry,) = [e for e in evs if str(e["UID"]) == uid]
    return entry


@pytest.mark.parametrize("lang", ("ko", "en", "both"))
def test_agreement_status_in_its_entry(trips: dict[str, Trip], lang: str) -> None:
    """Every bundled agreement's calendar entry says where it stands, in the summary and the
    description (with its date), and to calendar programs in STATUS where the words match."""
    seen = set()
    names = {"signed": ("체결", "signed"), "agreed in principle": ("원칙 합의", "agreed in principle"),
             "planned": ("체결 예정", "planned"), "pledged": ("약속", "pledged")}
    for trip in trips.values():
        evs = events(render(trip, "ics", lang))
        for agreement in trip.agreements:
            status, calendar_status = EXPECTED_STATUS[agreement.id]
            assert agreement.status.value == status
            ko, en = names[status]
            label = ko if lang == "ko" else en if lang == "en" else f"{ko} · {en}"
            entry = agreement_entry(evs, trip, agreement.id)
            assert str(entry["SUMMARY"]).endswith(f"({label})"), str(entry["SUMMARY"])
            description = str(entry["DESCRIPTION"])
            said = translator(lang)("Status: {status}").format(status=label)  # "상태: 체결" in ko
            assert said in description
            assert L.title(agreement.title, lang) in description
            if agreement.status.date:
                assert f"{said}, {agreement.status.date.isoformat()}" in description
            for evidence in agreement.status.evidence:
                assert evidence.text in description and f"[{evidence.source}]" in description
            assert (str(entry["STATUS"]) if "STATUS" in entry else None) == calendar_status
            seen.add(agreement.id)
    assert seen == set(EXPECTED_STATUS)
    # The MOU with the Seattle Public Library has no date nor event: over the whole trip.
    trip = trips["gumi-2017-americas"]
    own = agreement_entry(events(render(trip, "ics", lang)), trip, "seattle-public-library-mou")
    assert own.decoded("DTSTART") == trip.start and own.decoded("DTEND") == trip.end + dt.timedelta(days=1)
    assert translator(lang)("no day given") in str(own["SUMMARY"]) and str(own["TRANSP"]) == "TRANSPARENT"


def with_status(trip: Trip, status: AgreementStatus, event: str | None = "library-mou") -> Trip:
    (agreement,) = trip.agreements
    return dataclasses.replace(trip, agreements=(dataclasses.replace(agreement, status=status, event=event),))


@pytest.mark.parametrize(("value", "calendar_status"), [
    ("signed", "CONFIRMED"), ("planned", "TENTATIVE"), ("cancelled", "CANCELLED"),
    ("agreed in principle", None), ("pledged", None), ("unknown", None)])
@pytest.mark.parametrize("event", ["library-mou", None])
def test_every_status_maps_to_the_entry(value: str, calendar_status: str | None, event: str | None) -> None:
    assert value in AGREEMENT_STATUSES
    trip = with_status(sample_trip(), AgreementStatus(value, dt.date(2024, 10, 13)), event)
    evs = events(render(trip, "ics", "en"))
    entry = agreement_entry(evs, trip, trip.agreements[0].id)
    assert str(entry["SUMMARY"]).endswith(f"({value})")
    assert "Status: " + value + ", 2024-10-13" in str(entry["DESCRIPTION"])
    assert (str(entry["STATUS"]) if "STATUS" in entry else None) == calendar_status
    if event is None:  # its own entry, all-day on its date, beside the event's
        assert entry.decoded("DTSTART") == dt.date(2024, 10, 13) and len(evs) == 2
        assert "TRANSP" not in entry


def test_an_event_carrying_agreements_of_different_standing_gets_no_status() -> None:
    trip = sample_trip()
    (agreement,) = trip.agreements
    signed = dataclasses.replace(agreement, status=AgreementStatus("signed"))
    cancelled = dataclasses.replace(agreement, id="second", status=AgreementStatus(
        "cancelled", evidence=(Evidence(source="src-a", text="the second was called off"),)))
    trip = dataclasses.replace(trip, agreements=(signed, cancelled))
    (entry,) = events(render(trip, "ics", "en"))
    assert str(entry["SUMMARY"]).endswith("(signed / cancelled)")
    assert "STATUS" not in entry
    description = str(entry["DESCRIPTION"])
    assert "Status: signed" in description and "Status: cancelled" in description
    assert "“the second was called off” [src-a]" in description
