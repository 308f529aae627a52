"""Turn a Trip back into the document of docs/data-format.md.

This is the inverse of `loader.build_trip`: `build_trip(trip_to_document(t)) == t`. The JSON
export writes this document, and the store keeps it so that a trip reads back exactly as it was
imported. Keys keep the order of the format, and empty optional values are left out. A stop
without a day is written as an entry of `days` without a `date`, after the dated days
(`stop_entries` reads both that and the older top-level `stops` list).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..text import as_text
from ..model import (FORMAT_VERSION, UNKNOWN_STATUS, AgreementStatus, Event, Evidence, Place, Quote, QuoteText,
                    Text, Trip)


def _text(value: Text | None) -> Any:
    return None if value is None else value.to_document()


def _inferred(inferred: dict[str, Text]) -> dict[str, Any]:
    """Each reason as the file gives it: a sentence, or `{ko, en}`."""
    return {key: as_text(reason).to_document() for key, reason in inferred.items()}


def _place(value: Place | None) -> Any:
    return None if value is None else value.to_document()


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _compact(doc: dict[str, Any]) -> dict[str, Any]:
    """Drop keys whose value is None or an empty collection."""
    return {k: v for k, v in doc.items() if v is not None and v != [] and v != {}}


def _evidence(items: tuple[Evidence, ...]) -> list[dict[str, str]]:
    return [{"source": e.source, "text": e.text} for e in items]


def _status(status: AgreementStatus) -> dict[str, Any] | None:
    """An agreement's status, or None for one the file did not give (unknown, resting on
    nothing): a file without a status reads back without one."""
    if status == UNKNOWN_STATUS:
        return None
    return _compact({"value": status.value, "date": _date(status.date),
                     "evidence": _evidence(status.evidence), "inferred": _inferred(status.inferred)})


def _quote_text(value: QuoteText | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return _compact({"lang": value.lang, "text": value.text, "by": value.by})


def _event(e: Event) -> dict[str, Any]:
    return _compact({
        "id": e.id,
        "time": e.time,
        "kind": e.kind,
        "title": _text(e.title),
        "description": _text(e.description),
        "place": _place(e.place),
        "organisations": list(e.organisations),
        "people": list(e.people),
        "sources": list(e.sources),
        "evidence": _evidence(e.evidence),
        "inferred": _inferred(e.inferred),
    })


def _quote(q: Quote) -> dict[str, Any]:
    return _compact({
        "id": q.id,
        "speaker": q.speaker,
        "role": _text(q.role),
        "organisation": q.organisation,
        "original": _quote_text(q.original),
        "translation": _quote_text(q.translation),
        "context": _text(q.context),
        "date": _date(q.date),
        "event": q.event,
        "sources": list(q.sources),
        "evidence": _evidence(q.evidence),
        "inferred": _inferred(q.inferred),
    })


# What makes an entry of `days` without a `date` a stop rather than an empty entry: one of
# these, given. (`inferred` alone says nothing: it gives reasons for values.)
STOP_FIELDS = ("start", "end", "places", "events", "notes", "evidence")


def says_something(entry: dict[str, Any]) -> bool:
    """Whether a stop's entry gives a span, a place, an event, a note or an excerpt."""
    return any(entry.get(key) not in (None, "", [], {}) for key in STOP_FIELDS)


def stop_entries(doc: dict[str, Any]) -> list[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """The stops without a day of a checked trip document, each with its path in the
    document, in the order of `Trip.stops`: the entries of `days` without a `date` (the form
    tripdesk writes), then those of the top-level `stops` list (the older spelling, still
    read), leaving out an entry of `stops` that says nothing (it never did: `- {}`).
    docs/data-format.md, "A stop without a day"."""
    found: list[tuple[tuple[str | int, ...], dict[str, Any]]] = [
        (("days", i), entry) for i, entry in enumerate(doc.get("days") or ())
        if isinstance(entry, dict) and entry.get("date") is None]
    found += [(("stops", i), entry) for i, entry in enumerate(doc.get("stops") or ())
              if isinstance(entry, dict) and says_something(entry)]
    return found


def dated_entries(doc: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """The entries of `days` with a `date`, with their index in the list."""
    return [(i, entry) for i, entry in enumerate(doc.get("days") or ())
            if isinstance(entry, dict) and entry.get("date") is not None]


def trip_to_document(trip: Trip) -> dict[str, Any]:
    """The whole trip as a JSON-ready document, in the file format's key order."""
    d = trip.delegation
    trip_doc = _compact({
        "id": trip.id,
        "home_city": trip.home_city.to_document(),
        "title": _text(trip.title),
        "leader": {"person": trip.leader.person, "role": _text(trip.leader.role)},
        "delegation": _compact({
            "officials": list(d.officials),
            "companies": list(d.companies),
            "institutions": list(d.institutions),
            "head_count": d.head_count,
            "description": _text(d.description),
        }),
        "start": _date(trip.start),
        "end": _date(trip.end),
        "span_reported": _compact({
            "days": trip.span_reported.days,
            "nights": trip.span_reported.nights,
            "text": trip.span_reported.text,
        }) if trip.span_reported else None,
        "status": trip.status,
        "purpose": _text(trip.purpose),
        "themes": [t.to_document() for t in trip.themes],
        "sources": list(trip.trip_sources),
        "evidence": _evidence(trip.evidence),
        "inferred": _inferred(trip.inferred),
    })
    return _compact({
        "tripdesk": FORMAT_VERSION,
        "trip": trip_doc,
        "sources": [
            _compact({
                "id": s.id,
                "outlet": _text(s.outlet),
                "headline": _text(s.headline),
                "published": _date(s.published),
                "file": s.file,
                "url": s.url,
                "language": s.language,
                "notes": as_text(s.notes).to_document() if s.notes else None,
                "inferred": _inferred(s.inferred),
            })
            for s in trip.sources
        ],
        "organisations": [
            _compact({
                "id": o.id,
                "name": _text(o.name),
                "aliases": list(o.aliases),
                "kind": o.kind,
                "city": _text(o.city),
            })
            for o in trip.organisations
        ],
        "people": [
            _compact({
                "id": p.id,
                "name": _text(p.name),
                "aliases": list(p.aliases),
                "role": _text(p.role),
                "organisation": p.organisation,
            })
            for p in trip.people
        ],
        # The dated days, then the stops without a day as entries without a date, in order
        # (`stop_entries` reads them back in that order).
        "days": [
            *(_compact({
                "date": _date(day.date),
                "places": [_place(p) for p in day.places],
                "notes": _text(day.notes),
                "evidence": _evidence(day.evidence),
                "inferred": _inferred(day.inferred),
                "events": [_event(e) for e in day.events],
            })
              for day in trip.days),
            *(_compact({
                "start": _date(stop.start),
                "end": _date(stop.end),
                "places": [_place(p) for p in stop.places],
                "notes": _text(stop.notes),
                "evidence": _evidence(stop.evidence),
                "inferred": _inferred(stop.inferred),
                "events": [_event(e) for e in stop.events],
            })
              for stop in trip.stops),
        ],
        "agreements": [
            _compact({
                "id": a.id,
                "title": _text(a.title),
                "kind": a.kind,
                "parties": list(a.parties),
                "unnamed_parties": [
                    _compact({"description": _text(u.description), "kind": u.kind, "count": u.count})
                    for u in a.unnamed_parties
                ],
                "signatories": list(a.signatories),
                "date": _date(a.date),
                "place": _place(a.place),
                "scope": _text(a.scope),
                "event": a.event,
                "sources": list(a.sources),
                "evidence": _evidence(a.evidence),
                "inferred": _inferred(a.inferred),
                "status": _status(a.status),
            })
            for a in trip.agreements
        ],
        "quotes": [_quote(q) for q in trip.quotes],
    })
