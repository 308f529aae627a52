"""The iCalendar export, read back with icalendar.Calendar.from_ical."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from icalendar import Calendar

from tripdesk.export import render
from tripdesk.model import Trip

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
def test_one_all_day_event_per_day(trips: dict[str, Trip], trip_id: str, lang: str) -> None:
    trip = trips[trip_id]
    evs = events(render(trip, "ics", lang))
    days = all_day(evs)
    timed_events = [e for _, e in trip.events() if e.time]
    assert len(evs) == trip.day_count + len(timed_events)
    assert [e.decoded("DTSTART") for e in days] == [date for _, date, _ in trip.calendar()]
    assert all(e.decoded("DTEND") == e.decoded("DTSTART") + dt.timedelta(days=1) for e in days)
    for (number, date, day), e in zip(trip.calendar(), days):
        summary = str(e["SUMMARY"])
        assert f"Day {number}" in summary
        assert str(e["UID"]) == f"{trip.id}/day/{date.isoformat()}@tripdesk"
        description = str(e["DESCRIPTION"])
        if day is None or not day.events:
            continue
        for event in day.events:
            assert event.title.get(lang if lang != "both" else "ko") in summary + description
            for source in event.sources:
                assert f"[{source}]" in description
        assert "Sources:" in description
    uids = [str(e["UID"]) for e in evs]
    assert len(set(uids)) == len(uids)
    assert len({e.decoded("DTSTAMP") for e in evs}) == 1


def test_summary_names_places_and_events(trips: dict[str, Trip]) -> None:
    days = all_day(events(render(trips["gumi-2024-us"], "ics", "en")))
    assert str(days[3]["SUMMARY"]) == ("Gumi · Day 4 · Huntsville, AL, US · Meeting with the Huntsville "
                                       "Chamber of Commerce on defence-industry cooperation; Tour of "
                                       "Cummings Research Park")
    assert str(days[3]["LOCATION"]) == "Huntsville, AL, US"
    assert str(days[0]["SUMMARY"]) == "Gumi · Day 1 · nothing recorded"
    assert "Nothing recorded." in str(days[0]["DESCRIPTION"])
    # the newest source is of 10 October 2024
    assert days[0].decoded("DTSTAMP") == dt.datetime(2024, 10, 10, tzinfo=dt.timezone.utc)


def test_a_known_time_makes_a_floating_timed_event() -> None:
    trip = sample_trip()
    evs = events(render(trip, "ics", "en"))
    (event,) = timed(evs)
    start = event.decoded("DTSTART")
    assert start == dt.datetime(2024, 10, 13, 14, 30) and start.tzinfo is None  # floating local time
    assert "DTEND" not in event and "DURATION" not in event  # the sources give no end
    assert str(event["UID"]) == "sample-2024-us/event/library-mou@tripdesk"
    assert str(event["SUMMARY"]) == "Sample City · Signing with the Seattle Public Library"
    assert "local times" in str(event["DESCRIPTION"])
    assert "[src-a] Sample News" in str(event["DESCRIPTION"])
    assert len(all_day(evs)) == 3


def test_the_same_trip_gives_the_same_file() -> None:
    trip = rich_sample()
    assert render(trip, "ics") == render(trip, "ics")


def test_hostile_text_survives_the_round_trip() -> None:
    hostile, plain, used = hostile_and_plain(rich_sample())
    evs, plain_evs = events(render(hostile, "ics", "both")), events(render(plain, "ics", "both"))
    assert len(evs) == len(plain_evs) == 4
    text = "\n".join(str(e[k]) for e in evs for k in ("SUMMARY", "DESCRIPTION", "LOCATION") if k in e)
    # The day's texts: the event title, description, place, and the day's inferred reasons.
    day = hostile.days[0]
    for value in (*day.events[0].title.all_strings(), *day.events[0].description.all_strings(),
                  *day.places[0].city.all_strings(), *day.inferred.values()):
        assert " ".join(value.split()) in " ".join(text.split()), value


def with_event_id(trip: Trip, trip_id: str, event_id: str) -> Trip:
    """The sample trip under another id, its timed event under another event id."""
    day = trip.days[0]
    event = dataclasses.replace(day.events[0], id=event_id)
    return dataclasses.replace(trip, id=trip_id, days=(dataclasses.replace(day, events=(event,)),))


def test_uids_never_collide_whatever_the_ids() -> None:
    trip = sample_trip()
    date_like = with_event_id(trip, trip.id, trip.days[0].date.isoformat())  # "2024-10-13"
    uids = [str(e["UID"]) for e in events(render(date_like, "ics"))]
    assert len(uids) == len(set(uids)) == 4, uids
    assert f"{trip.id}/event/2024-10-13@tripdesk" in uids and f"{trip.id}/day/2024-10-13@tripdesk" in uids
    # Trip a-b with event c, trip a with event b-c: two calendars imported side by side.
    first = {str(e["UID"]) for e in timed(events(render(with_event_id(trip, "a-b", "c"), "ics")))}
    second = {str(e["UID"]) for e in timed(events(render(with_event_id(trip, "a", "b-c"), "ics")))}
    assert first and second and not first & second, (first, second)
