"""A trip as an iCalendar file (RFC 5545), written with the `icalendar` library.

- one all-day event for every calendar day of the trip: the summary names the places and the
  main events, the description lists the day's events with their sources;
- one timed event for every event whose time is known. The data gives local times without a
  timezone, so these are *floating* times (the clock time wherever the reader is), and
  the description says so; they have no end, as the sources give none.

UIDs are `<trip-id>/day/<date>@tripdesk` and `<trip-id>/event/<event-id>@tripdesk`: ids cannot
contain '/', so no day and no event (of this trip or another) can share one, whatever their ids
(an event id "2024-10-13", or trip `a-b` + event `c` against trip `a` + event `b-c`). DTSTAMP is
the latest publication date among the sources (else the trip's last day), so the same trip
always gives the same file.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, vText
from icalendar import Event as CalendarEvent

from ..model import Day, DisplayLang, Event, Stop, Trip
from . import labels as L

PRODID = "-//tripdesk//tripdesk export//EN"
LOCAL_TIME_NOTE = "Times are local times at the place (the sources give no timezone)."
MAX_TITLES = 3


def _stamp(trip: Trip) -> dt.datetime:
    dates = [s.published for s in trip.sources if s.published is not None]
    day = max(dates) if dates else trip.end
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def _time(value: str | None) -> dt.time | None:
    try:
        return dt.time.fromisoformat(value) if value else None
    except ValueError:
        return None


class _Calendar:
    def __init__(self, trip: Trip, lang: DisplayLang) -> None:
        self.trip = trip
        self.lang = lang
        self.stamp = _stamp(trip)
        self.home = L.name(trip.home_city.name, lang) or trip.home_city.id

    def new_event(self, uid: str) -> CalendarEvent:
        event = CalendarEvent()
        event.add("uid", f"{uid}@tripdesk")
        event.add("dtstamp", self.stamp)
        return event

    def render(self) -> str:
        cal = Calendar()
        cal.add("prodid", PRODID)
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        # A plain str is written unescaped (a line break in a title broke the file): vText escapes.
        cal.add("x-wr-calname", vText(L.title(self.trip.title, self.lang) or self.trip.id))
        for number, date, day in self.trip.calendar():
            cal.add_component(self.day_event(number, date, day))
        for day in self.trip.days:
            for event in day.events:
                if _time(event.time) is not None:
                    cal.add_component(self.timed_event(day, event))
        for number, stop in enumerate(self.trip.stops):
            cal.add_component(self.stop_event(number, stop))
        return cal.to_ical().decode("utf-8")

    def stop_event(self, number: int, stop: Stop) -> CalendarEvent:
        """A stop without a day: an all-day event over the span it falls in (the whole trip
        for one "during the trip"), its summary saying that no day is given."""
        start, end = (stop.start, stop.end) if stop.start and stop.end else (self.trip.start, self.trip.end)
        places = "; ".join(L.place(p, self.lang) for p in stop.places)
        event = self.new_event(f"{self.trip.id}/stop/{number}")
        event.add("summary", " · ".join(x for x in (self.home, places, "no day given") if x))
        event.add("dtstart", start)
        event.add("dtend", end + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        if places:
            event.add("location", places)
        out = [f"{L.title(self.trip.title, self.lang)}, {stop.when()}; the sources give no day."]
        out += L.inferred_notes(stop.inferred)
        out += [text for text, _ in L.versions(stop.notes, self.lang)]
        for item in stop.events:
            out += ["", *self.event_lines(item)]
        out += self.source_lines(list(dict.fromkeys(s for e in stop.events for s in e.sources)))
        event.add("description", "\n".join(out))
        return event

    def places(self, day: Day | None) -> str:
        return "; ".join(L.place(p, self.lang) for p in day.places) if day else ""

    def day_event(self, number: int, date: dt.date, day: Day | None) -> CalendarEvent:
        places = self.places(day)
        titles = [L.title(e.title, self.lang) for e in day.events] if day else []
        shown = "; ".join(titles[:MAX_TITLES]) + (f" (+{len(titles) - MAX_TITLES} more)"
                                                 if len(titles) > MAX_TITLES else "")
        summary = " · ".join(x for x in (self.home, f"Day {number}", places, shown) if x)
        if not places and not titles:
            summary += " · nothing recorded"
        event = self.new_event(f"{self.trip.id}/day/{date.isoformat()}")
        event.add("summary", summary)
        event.add("dtstart", date)
        event.add("dtend", date + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        if places:
            event.add("location", places)
        event.add("description", self.day_description(number, date, day))
        return event

    def day_description(self, number: int, date: dt.date, day: Day | None) -> str:
        trip = self.trip
        out = [f"{L.title(trip.title, self.lang)}, day {number} of {trip.day_count}, {L.long_date(date)}"]
        if day is None or not (day.events or day.places or day.notes):
            out.append("Nothing recorded.")
            return "\n".join(out)
        if day.places:
            out.append(f"Places: {self.places(day)}")
        out += L.inferred_notes(day.inferred)
        out += [text for text, _ in L.versions(day.notes, self.lang)]
        cited: list[str] = []
        for event in day.events:
            out.append("")
            out += self.event_lines(event)
            cited += [s for s in event.sources if s not in cited]
        out += self.source_lines(cited)
        if any(_time(e.time) for e in day.events):
            out += ["", LOCAL_TIME_NOTE]
        return "\n".join(out)

    def event_lines(self, event: Event) -> list[str]:
        head = [event.time] if event.time else []
        head += [event.kind, L.title(event.title, self.lang)]
        mark = f" {L.INFERRED_MARK}" if event.inferred else ""
        out = [" · ".join(head) + mark + f" [{', '.join(event.sources)}]"]
        out += [f"  {text}" + (f" ({note})" if note else "")
                for text, note in L.versions(event.description, self.lang)]
        if event.place is not None:
            out.append(f"  Place: {L.place(event.place, self.lang)}")
        met = [", ".join(L.organisation(self.trip, o, self.lang) for o in event.organisations),
               ", ".join(L.person(self.trip, p, self.lang) for p in event.people)]
        if any(met):
            out.append(f"  With: {'; '.join(m for m in met if m)}")
        out += [f"  {note}" for note in L.inferred_notes(event.inferred)]
        return out

    def source_lines(self, source_ids: list[str]) -> list[str]:
        found = [(sid, self.trip.source(sid)) for sid in source_ids]
        lines = [f"[{sid}] {L.source_line(s, self.lang)}" for sid, s in found if s is not None]
        return ["", "Sources:", *lines] if lines else []

    def timed_event(self, day: Day, event: Event) -> CalendarEvent:
        start = dt.datetime.combine(day.date, _time(event.time))  # type: ignore[arg-type]
        cal_event = self.new_event(f"{self.trip.id}/event/{event.id}")
        cal_event.add("summary", f"{self.home} · {L.title(event.title, self.lang)}")
        cal_event.add("dtstart", start)  # floating: no tzinfo
        place = L.place(event.place, self.lang) if event.place else self.places(day)
        if place:
            cal_event.add("location", place)
        cal_event.add("categories", [event.kind])
        description = self.event_lines(event) + self.source_lines(list(dict.fromkeys(event.sources)))
        cal_event.add("description", "\n".join([*description, "", LOCAL_TIME_NOTE]))
        return cal_event


def render_ics(trip: Trip, lang: DisplayLang = "both") -> str:
    return _Calendar(trip, lang).render()


__all__ = ["render_ics"]
