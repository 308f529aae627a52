"""Where a place of the itinerary is, for the calendar: its coordinates and its time zone.

Both come from the gazetteer (GeoNames' cities, `tripdesk.gazetteer`), which finds the city by
country, US state and name, the most populous of that name. A city it lacks still gets a time
zone when every listed city of its state (or country) shares one (Korea, California); never
coordinates. Nothing is found for a place the gazetteer cannot tell, and the calendar then
writes no GEO and a floating time with a note.

The gazetteer is read on the first lookup only (about 0.5 s), in an export with events.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .. import gazetteer
from ..model import Place


def _located(place: Place) -> gazetteer.Located | None:
    for name in (place.city.en, place.city.plain):
        if name:
            found = gazetteer.locate(place.key, name, place.state, place.country)
            if found is not None:
                return found
    return None


def zone_name(place: Place) -> str | None:
    """`America/Chicago` for Huntsville, AL, US; None when the place does not tell."""
    found = _located(place)
    if found is not None and found.timezone:
        return found.timezone
    return gazetteer.region_zone(place.state, place.country)


def zone(place: Place) -> ZoneInfo | None:
    """The place's zone as a tzinfo, or None (unknown, or missing from this system's tzdata)."""
    name = zone_name(place)
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def coordinates(place: Place) -> tuple[float, float] | None:
    """(latitude, longitude) of the place's city, or None when the gazetteer lacks it."""
    found = _located(place)
    return (found.latitude, found.longitude) if found is not None else None


__all__ = ["coordinates", "zone", "zone_name"]
