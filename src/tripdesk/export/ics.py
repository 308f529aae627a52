"""A trip as an iCalendar file (RFC 5545), written with the `icalendar` library.

One VEVENT per event of the itinerary, and nothing for the days with no event:

- an event without a known time is an all-day event on its day;
- an event with a time starts at that local time in the place's time zone (TZID, with the
  zone's VTIMEZONE in the file), the zone looked up from the place (`places`); when the
  place does not tell its zone, the time is floating (the clock time wherever the reader is)
  and the description says so. Timed events have no end, as the sources give none;
- LOCATION is the event's place, else the places of its day; the description holds the
  event's text, who was met, the inference notes and the sources (outlet, date, URL).

GEO is the coordinates of the place's city from the gazetteer (GeoNames: the city's centre,
not the venue), when the event has one place the gazetteer knows.

UIDs are `<trip-id>/event/<event-id>@tripdesk`: ids cannot contain '/', so no two events (of
this trip or another) can share one, whatever their ids (trip `a-b` + event `c` against trip
`a` + event `b-c`). DTSTAMP is the latest publication date among the sources (else the trip's
last day), so the same trip always gives the same file.

A stop without a day (a city visited "during the trip") is one all-day event over the span it
falls in, its summary saying no day is given, its events in the description; its UID is
`<trip-id>/stop/<n>@tripdesk`.

Agreements say where they stand (signed, agreed in principle, planned, pledged, cancelled,
unknown): an agreement's calendar entry is the event it belongs to (its signing), whose
summary ends with the status in brackets and whose description gives the agreement, its
status with its date and evidence. An agreement of no event has an entry of its own
(`<trip-id>/agreement/<id>@tripdesk`), all-day on its date, or over the whole trip, its summary
saying no day is given, when the sources give no date. STATUS says it to calendar programs
where the words match: CONFIRMED for signed, TENTATIVE for planned, CANCELLED for cancelled;
an event carrying agreements of different standing gets none.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from icalendar import Calendar, vText
from icalendar import Event as CalendarEvent

from ..i18n import N_, translator
from ..model import Agreement, Day, DisplayLang, Event, Stop, Trip
from . import labels as L

PRODID = "-//tripdesk//tripdesk export//EN"
# An agreement's status as iCalendar's STATUS of its entry, for the statuses that mean the same.
CALENDAR_STATUS = {"signed": "CONFIRMED", "planned": "TENTATIVE", "cancelled": "CANCELLED"}
FLOATING_TIME_NOTE = N_("The time is the local time at the place; the place does not tell its "
                        "time zone, so calendars show it as the same clock time everywhere.")


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
        self._ = translator(lang)  # the words: `--lang`'s (`both`: the locale's), as the other exports
        self.stamp = _stamp(trip)
        self.home = L.name(trip.home_city.name, lang) or trip.home_city.id

    def render(self) -> str:
        cal = Calendar()
        cal.add("prodid", PRODID)
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        # A plain str is written unescaped (a line break in a title broke the file): vText escapes.
        cal.add("x-wr-calname", vText(L.title(self.trip.title, self.lang) or self.trip.id))
        for day in self.trip.days:
            for event in day.events:
                cal.add_component(self.event(day, event))
        for number, stop in enumerate(self.trip.stops):
            cal.add_component(self.stop_event(number, stop))
        event_ids = {event.id for _, event in self.trip.events()}
        for agreement in self.trip.agreements:
            if agreement.event not in event_ids:
                cal.add_component(self.agreement_event(agreement))
        # A VTIMEZONE for every TZID used, with the rules of the trip's year only (the default
        # spans 1970-2038: a hundred lines of transitions per zone).
        year = self.trip.start.year
        cal.add_missing_timezones(dt.date(year - 1, 1, 1), dt.date(self.trip.end.year + 1, 12, 31))
        return cal.to_ical().decode("utf-8")

    def new_event(self, uid: str) -> CalendarEvent:
        event = CalendarEvent()
        event.add("uid", f"{uid}@tripdesk")
        event.add("dtstamp", self.stamp)
        return event

    def stop_event(self, number: int, stop: Stop) -> CalendarEvent:
        """A stop without a day: an all-day event over the span it falls in (the whole trip
        for one "during the trip"), its summary saying that no day is given."""
        start, end = (stop.start, stop.end) if stop.start and stop.end else (self.trip.start, self.trip.end)
        places = "; ".join(L.place(p, self.lang) for p in stop.places)
        event = self.new_event(f"{self.trip.id}/stop/{number}")
        _ = self._
        event.add("summary", " · ".join(x for x in (self.home, places, _("no day given")) if x))
        event.add("dtstart", start)
        event.add("dtend", end + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        if places:
            event.add("location", places)
        out = [_("{title}, {when}; the sources give no day.").format(
            title=L.title(self.trip.title, self.lang), when=_(stop.when()))]
        out += L.inferred_notes(stop.inferred, self.lang)
        out += [text for text, _ in L.versions(stop.notes, self.lang)]
        for item in stop.events:
            out += ["", *self.event_lines(item)]
        out += self.source_lines(s for e in stop.events for s in e.sources)
        event.add("description", "\n".join(out))
        return event

    def agreement_event(self, agreement: Agreement) -> CalendarEvent:
        """An agreement that belongs to no event: all-day on its date, else over the trip."""
        event = self.new_event(f"{self.trip.id}/agreement/{agreement.id}")
        summary = f"{self.home} · {L.title(agreement.title, self.lang)}"
        if agreement.date is None:
            summary += " · " + self._("no day given")
        event.add("summary", f"{summary} ({agreement.status.label(self.lang)})")
        start, end = (agreement.date, agreement.date) if agreement.date else (self.trip.start, self.trip.end)
        event.add("dtstart", start)
        event.add("dtend", end + dt.timedelta(days=1))
        if agreement.date is None:
            event.add("transp", "TRANSPARENT")
        if agreement.place is not None:
            event.add("location", L.place(agreement.place, self.lang))
        self.add_status(event, [agreement])
        sources = [*agreement.sources, *(e.source for e in agreement.status.evidence)]
        event.add("description", "\n".join([*self.agreement_lines(agreement), *self.source_lines(sources)]))
        return event

    def add_status(self, entry: CalendarEvent, agreements: list[Agreement]) -> None:
        statuses = {CALENDAR_STATUS.get(a.status.value) for a in agreements}
        if len(statuses) == 1 and (status := statuses.pop()) is not None:
            entry.add("status", status)

    def agreement_lines(self, agreement: Agreement) -> list[str]:
        """`Agreement (MOU): its title`, `Status: signed, 2013-02-16`, the evidence, the parties."""
        _ = self._
        status = agreement.status
        line = _("Status: {status}").format(status=status.label(self.lang))
        if status.date:
            line += f", {status.date.isoformat()}" + (f" {L.INFERRED_MARK}" if "date" in status.inferred else "")
        out = [_("Agreement ({kind}): {title}").format(kind=_(agreement.kind), title=L.title(agreement.title, self.lang)),
               line]
        out += [f"“{e.text}” [{e.source}]" for e in status.evidence]
        out += L.inferred_notes({f"status {k}": v for k, v in status.inferred.items()}, self.lang)
        parties = ", ".join(self.trip.party_names(agreement, self.lang))
        if parties:
            out.append(_("Parties: {parties}").format(parties=parties))
        return out

    def event(self, day: Day, event: Event) -> CalendarEvent:
        out = self.new_event(f"{self.trip.id}/event/{event.id}")
        agreements = [a for a in self.trip.agreements if a.event == event.id]
        statuses = " / ".join(dict.fromkeys(a.status.label(self.lang) for a in agreements))
        out.add("summary", f"{self.home} · {L.title(event.title, self.lang)}" + (f" ({statuses})" if statuses else ""))
        self.add_status(out, agreements)
        places = [event.place] if event.place is not None else list(day.places)
        notes: list[str] = []
        time = _time(event.time)
        if time is None:
            out.add("dtstart", day.date)
            out.add("dtend", day.date + dt.timedelta(days=1))
        else:
            zone = _zone(places)
            out.add("dtstart", dt.datetime.combine(day.date, time, tzinfo=zone))
            if zone is None:
                notes.append(self._(FLOATING_TIME_NOTE))
        if places:
            out.add("location", "; ".join(L.place(p, self.lang) for p in places))
        if len(places) == 1:
            from .places import coordinates

            found = coordinates(places[0])
            if found is not None:
                out.add("geo", found)
        out.add("categories", [event.kind])
        agreed = [line for a in agreements for line in ["", *self.agreement_lines(a)]]
        sources = [*event.sources, *(e.source for a in agreements for e in a.status.evidence)]
        out.add("description", "\n".join([*self.day_line(day), *self.event_lines(event), *agreed,
                                          *self.source_lines(sources), *(["", *notes] if notes else [])]))
        return out

    def day_line(self, day: Day) -> list[str]:
        number = (day.date - self.trip.start).days + 1
        # The day's inferred fields (its places, which may be the LOCATION) with their reasons.
        return [self._("{title}, day {n} of {days}, {date}").format(
                    title=L.title(self.trip.title, self.lang), n=number, days=self.trip.day_count,
                    date=L.long_date(day.date, self.lang)),
                *L.inferred_notes(day.inferred, self.lang), ""]

    def event_lines(self, event: Event) -> list[str]:
        head = [event.time] if event.time else []
        head += [self._(event.kind), L.title(event.title, self.lang)]
        mark = f" {L.INFERRED_MARK}" if event.inferred else ""
        out = [" · ".join(head) + mark]
        out += [text + (f" ({note})" if note else "") for text, note in L.versions(event.description, self.lang)]
        met = [", ".join(L.organisation(self.trip, o, self.lang) for o in event.organisations),
               ", ".join(L.person(self.trip, p, self.lang) for p in event.people)]
        if any(met):
            out.append(self._("With: {names}").format(names="; ".join(m for m in met if m)))
        out += L.inferred_notes(event.inferred, self.lang)
        return out

    def source_lines(self, source_ids: Iterable[str]) -> list[str]:
        found = [(sid, self.trip.source(sid)) for sid in dict.fromkeys(source_ids)]
        lines = [f"[{sid}] {L.source_line(s, self.lang)}" for sid, s in found if s is not None]
        return ["", self._("Sources:"), *lines] if lines else []


def _zone(places: list) -> dt.tzinfo | None:
    """The one time zone of the event's places (None if they have none or several)."""
    from .places import zone

    zones = {zone(p) for p in places}
    return zones.pop() if len(zones) == 1 else None


def render_ics(trip: Trip, lang: DisplayLang = "both") -> str:
    return _Calendar(trip, lang).render()


__all__ = ["render_ics"]
