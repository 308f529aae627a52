"""Read queries over the store: what the CLI, the exporters and the desk ask of it.

Every function takes an open `Store` and returns plain dataclasses (or model objects), so the
callers never see SQL. All of them are cheap at 10,000 trips: they use the indexes of
`store/`, and a whole trip is read back from its stored document in one row.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import TYPE_CHECKING, NamedTuple

from ..i18n import N_, translator
from ..problems import TripdeskError
from ..text import Text
from . import Store, guarded
from .textindex import match_query, matched_lines, query_parts, query_problem

if TYPE_CHECKING:
    from typing import Iterable

    from ..model import Trip
    from ..regions import Region


# The rows below are NamedTuples, not frozen dataclasses: as read-only as those, but made in
# ~0.15 ms instead of ~1 ms each when the module is imported, which the desk does before its
# first frame (docs/performance.md, first paint).


class StoreSummary(NamedTuple):
    """How many trips and home cities the store holds, and the years they span."""

    trips: int
    cities: int
    first_year: int | None
    last_year: int | None

    def label(self, lang: str = "en") -> str:
        """`4 trips · 2 cities · 2013-2025`, in the words of `lang`."""
        _ = translator(lang)
        years = ""
        if self.first_year is not None:
            years = (f" · {self.first_year}" if self.first_year == self.last_year
                     else f" · {self.first_year}-{self.last_year}")
        return (_.ngettext("{n} trip", "{n} trips", self.trips).format(n=self.trips) + " · "
                + _.ngettext("{n} city", "{n} cities", self.cities).format(n=self.cities) + years)


class CityRow(NamedTuple):
    """A delegation's home city and how many trips it made."""

    id: str
    name: Text
    country: str
    trip_count: int


class DestinationRow(NamedTuple):
    """A city visited, and by how many trips."""

    key: str
    city: Text
    state: str | None
    country: str
    trip_count: int

    def label(self, lang: str) -> str:
        return ", ".join(x for x in (self.city.get(lang), self.state, self.country) if x)  # type: ignore[arg-type]


class TripRow(NamedTuple):
    """A trip as lists show it: its title, home city and dates (not the whole trip)."""

    id: str
    title: Text
    home_city_id: str
    home_city: Text
    start: dt.date
    end: dt.date
    day_count: int
    status: str
    span_text: str | None

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def span_label(self) -> str:
        return f"{self.start:%m-%d}..{self.end:%m-%d}"


class PlaceReason(NamedTuple):
    """Why a place query found a hit: a msgid of PLACE_REASONS with `{places}` (the places
    there, each as a Text), and the region the query named (its label), if it named one."""

    message: str
    places: tuple[Text, ...]
    region: Text | None = None


# The reasons of place hits, shown beside them (`reason_text`).
WENT_TO = N_("went to {places}")
ON_A_DAY_IN = N_("on a day in {places}")
PLACE_OF_DAY = N_("place: {places}")
PLACE_NO_DAY = N_("place (no day given): {places}")
IN_NO_DAY = N_("in {places}, no day given")
IN_REGION = N_("in {region}: {reason}")


def reason_text(reason: PlaceReason, lang: str) -> str:
    """A place hit's reason in the words of `lang` (`both`: the places in both languages)."""
    _ = translator(lang)
    places = " / ".join(dict.fromkeys(p.get(_.labels) for p in reason.places))
    text = _(reason.message).format(places=places)
    if reason.region is None:
        return text
    return _(IN_REGION).format(region=reason.region.get(_.labels), reason=text)


class SearchHit(NamedTuple):
    """One search result: what matched (`kind`, `label`) in which trip, and where it leads."""

    kind: str  # trip | day | event | agreement | quote | organisation | person
    trip_id: str
    trip_title: Text
    date: dt.date | None
    ref: str
    label: Text
    # The text the query's words were found in (one line of it, the one holding most of them):
    # a title, a description, a name, a quote... shown beside the label so the reader sees why
    # an item matched. None when no text holds any word as the reader would (a word the index
    # found through its tokenizer's folding alone, say).
    matched: str | None = None
    # Why a place query found it (`place_hits`), to be said in the reader's language
    # (`reason_text`); `matched` holds the same in English, for `--json` and the tests.
    reason: "PlaceReason | None" = None

    @property
    def target(self) -> tuple[str, str]:
        """(what, id) the hit leads to: ("trip", ""), ("day", "2024-10-15"), ("event", id)..."""
        what, _, ident = self.ref.partition(":")
        return what, ident


class Article(NamedTuple):
    """A source's article as import read it from its file."""

    source_id: str
    file: str | None  # the article file's name, as the source gives it
    text: str  # the whole article text, decoded, as read at import


def _text(ko: str | None, en: str | None, plain: str | None = None) -> Text:
    return Text(plain=plain) if plain is not None else Text(ko=ko, en=en)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@guarded
def summary(store: Store) -> StoreSummary:
    # One statement (one snapshot) of separate subqueries, so that each uses an index: the
    # count and the first start read the `start` index, not the table (the first frame waits
    # for this; on 10,000 trips 3.5 ms instead of 6). ISO dates: the year is the first four.
    trips, first, last, cities = store.conn.execute(
        "SELECT (SELECT count(*) FROM trips), (SELECT min(start) FROM trips), "
        "(SELECT max(\"end\") FROM trips), (SELECT count(*) FROM home_cities)").fetchone()
    return StoreSummary(trips, cities, int(first[:4]) if first else None,
                        int(last[:4]) if last else None)


@guarded
def home_cities(store: Store) -> list[CityRow]:
    # count(*), not count(t.id): the trips are then counted in the home-city index alone,
    # without reading each trip's row (10,000 trips: 1.4 ms instead of 4.7).
    rows = store.conn.execute(
        "SELECT h.id, h.name_ko, h.name_en, h.name_plain, h.country, count(*) FROM home_cities h "
        "JOIN trips t ON t.home_city_id = h.id GROUP BY h.id "
        "ORDER BY coalesce(h.name_en, h.name_plain, h.name_ko), h.id")
    return [CityRow(r[0], _text(r[1], r[2], r[3]), r[4], r[5]) for r in rows]


@guarded
def destinations(store: Store) -> list[DestinationRow]:
    rows = store.conn.execute(
        "SELECT d.key, d.city_ko, d.city_en, d.city_plain, d.state, d.country, "
        "count(DISTINCT p.trip_id) FROM destinations d JOIN (SELECT trip_id, destination_key FROM day_places "
        "UNION ALL SELECT trip_id, destination_key FROM stop_places) p ON p.destination_key = d.key "
        "JOIN trips t ON t.id = p.trip_id JOIN home_cities h ON h.id = t.home_city_id "
        "WHERE d.country != h.country GROUP BY d.key "
        "ORDER BY coalesce(d.city_en, d.city_plain, d.city_ko), d.key")
    return [DestinationRow(r[0], _text(r[1], r[2], r[3]), r[4], r[5], r[6]) for r in rows]


class DestinationGroups(NamedTuple):
    """The destinations as the city pane groups them: country, then state, then city, with
    the trips that went to each country and state (a trip to two cities of a state counts
    once). Which cities rest on inferred places alone is `inferred_destinations`' to say (it
    reads trip documents, so the pane asks for it after the list is shown)."""

    rows: list[DestinationRow]
    countries: dict[str, int]  # country code -> trips
    states: dict[tuple[str, str], int]  # (country, state) -> trips
    names: dict[str, Text]  # "US" and "US/CA" -> the country's, the state's name in each language


@guarded
def destination_groups(store: Store) -> DestinationGroups:
    """One pass over the (destination, trip) pairs of the day and stop places, counted here:
    three grouped queries over the places took ~3 s on 10,000 trips, this ~0.2 s."""
    conn = store.conn
    home = dict(conn.execute("SELECT t.id, h.country FROM trips t JOIN home_cities h ON h.id = t.home_city_id"))
    places = {row[0]: row for row in conn.execute(
        "SELECT key, city_ko, city_en, city_plain, state, country FROM destinations")}
    trips: dict[str, set[str]] = {}
    for key, trip_id in conn.execute("SELECT destination_key, trip_id FROM day_places "
                                     "UNION SELECT destination_key, trip_id FROM stop_places"):
        place = places.get(key)
        if place is not None and place[5] != home.get(trip_id):  # abroad only, as `destinations`
            trips.setdefault(key, set()).add(trip_id)
    countries: dict[str, set[str]] = {}
    states: dict[tuple[str, str], set[str]] = {}
    rows = []
    for key, visitors in trips.items():
        _key, ko, en, plain, state, country = places[key]
        rows.append(DestinationRow(key, _text(ko, en, plain), state, country, len(visitors)))
        countries.setdefault(country, set()).update(visitors)
        if state is not None:
            states.setdefault((country, state), set()).update(visitors)
    rows.sort(key=lambda r: ((r.city.en or r.city.plain or r.city.ko or ""), r.key))
    from ..regions import country_names, state_names

    names = {code: Text(en=en, ko=ko) for code in countries for en, ko in [country_names(code)]}
    names.update({f"{country}/{state}": Text(en=en, ko=ko)
                  for country, state in states for en, ko in [state_names(country, state)]})
    return DestinationGroups(rows, {c: len(t) for c, t in countries.items()},
                             {s: len(t) for s, t in states.items()}, names)


@guarded
def inferred_destinations(store: Store, keys: set[str]) -> frozenset[str]:
    """The destinations among `keys` that every trip placed there by inference: each day and
    stop that names it has its places inferred (`inferred: places`), as Los Angeles in 2013.

    The store keeps a day's places, not whether they were inferred: that is in the trip's
    document. A destination is decided at its first visit that was not inferred, so most
    read one document (each trip's is read once); only those that rest on inference read
    the documents of all their visits."""
    import json

    from ..files.document import dated_entries, stop_entries

    visits = store.conn.execute(
        "SELECT destination_key, trip_id, date, NULL FROM day_places UNION ALL "
        "SELECT destination_key, trip_id, NULL, stop FROM stop_places ORDER BY 1, 2")
    told: dict[str, tuple[set[str], set[int]]] = {}  # trip -> (inferred dates, inferred stops)

    def inferred_places(trip_id: str) -> tuple[set[str], set[int]]:
        found = told.get(trip_id)
        if found is None:
            row = store.conn.execute("SELECT document FROM trip_documents WHERE trip_id = ?",
                                     (trip_id,)).fetchone()
            doc = json.loads(row[0]) if row else {}
            found = told[trip_id] = (
                {str(day.get("date")) for _i, day in dated_entries(doc) if "places" in (day.get("inferred") or {})},
                # A store of an earlier tripdesk keeps them in `stops`: stop_entries reads both.
                {i for i, (_path, stop) in enumerate(stop_entries(doc)) if "places" in (stop.get("inferred") or {})})
        return found

    out: set[str] = set()
    decided: set[str] = set()
    for key, trip_id, date, stop in visits.fetchall():
        if key not in keys or key in decided:
            continue
        dates, stops = inferred_places(trip_id)
        if (date in dates) if date is not None else (stop in stops):
            out.add(key)
        else:  # stated on this visit: not a destination resting on inference
            decided.add(key)
            out.discard(key)
    return frozenset(out)


_TRIP_COLUMNS = (
    "t.id, t.title_ko, t.title_en, t.title_plain, t.home_city_id, h.name_ko, h.name_en, "
    "h.name_plain, t.start, t.\"end\", t.day_count, t.status, t.span_text"
)


def _trip_row(r: sqlite3.Row | tuple) -> TripRow:
    return TripRow(r[0], _text(r[1], r[2], r[3]), r[4], _text(r[5], r[6], r[7]),
                   dt.date.fromisoformat(r[8]), dt.date.fromisoformat(r[9]), r[10], r[11], r[12])


@guarded
def all_trips(store: Store) -> list[TripRow]:
    rows = store.conn.execute(
        f"SELECT {_TRIP_COLUMNS} FROM trips t JOIN home_cities h ON h.id = t.home_city_id "
        "ORDER BY t.start, t.id")
    return [_trip_row(r) for r in rows]


class TripSpan(NamedTuple):
    """A trip's dates and home city alone: what the overview's time axis draws first."""

    id: str
    home_city_id: str
    start: dt.date
    end: dt.date


@guarded
def trip_spans(store: Store) -> list[TripSpan]:
    """Every trip's dates, as `all_trips` orders them, read from the trips table alone
    (10,000 trips: a few hundredths of a second, a quarter of `all_trips`)."""
    date = dt.date.fromisoformat
    return [TripSpan(i, city, date(start), date(end)) for i, city, start, end in store.conn.execute(
        'SELECT id, home_city_id, start, "end" FROM trips ORDER BY start, id')]


@guarded
def trips_from(store: Store, city_id: str) -> list[TripRow]:
    """The trips a home city made, oldest first."""
    rows = store.conn.execute(
        f"SELECT {_TRIP_COLUMNS} FROM trips t JOIN home_cities h ON h.id = t.home_city_id "
        "WHERE t.home_city_id = ? ORDER BY t.start, t.id", (city_id,))
    return [_trip_row(r) for r in rows]


@guarded
def trips_to(store: Store, destination_key: str) -> list[TripRow]:
    """The trips that visited a destination, oldest first."""
    rows = store.conn.execute(
        f"SELECT {_TRIP_COLUMNS} FROM trips t JOIN home_cities h ON h.id = t.home_city_id "
        "WHERE t.id IN (SELECT trip_id FROM day_places WHERE destination_key = ?1 "
        "UNION SELECT trip_id FROM stop_places WHERE destination_key = ?1) "
        "ORDER BY t.start, t.id", (destination_key,))
    return [_trip_row(r) for r in rows]


@guarded
def trip_ids(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT id FROM trips ORDER BY start, id")]


@guarded
def load_trip(store: Store, trip_id: str) -> Trip | None:
    # Imported here, not at the top: the loader brings PyYAML, which a launch does not need
    # before the first trip is opened (docs/performance.md, first paint); json likewise.
    import json

    from ..files.loader import build_trip

    row = store.conn.execute("SELECT document FROM trip_documents WHERE trip_id = ?", (trip_id,)).fetchone()
    return build_trip(json.loads(row[0])) if row else None


@guarded
def article(store: Store, trip_id: str, source_id: str) -> Article | None:
    """The text of a source's article, as import read it; None when no file was found then."""
    row = store.conn.execute(
        "SELECT source_id, file, text FROM articles WHERE trip_id = ? AND source_id = ? "
        "AND text IS NOT NULL", (trip_id, source_id)).fetchone()
    return Article(*row) if row else None


@guarded
def article_folders(store: Store, trip_id: str, source_id: str) -> list[str]:
    """The folders import looked for a source's article file in, in order (absolute paths;
    empty when the source names no file)."""
    import json

    row = store.conn.execute("SELECT looked_in FROM articles WHERE trip_id = ? AND source_id = ?",
                             (trip_id, source_id)).fetchone()
    return list(json.loads(row[0])) if row else []


@guarded
def closest_trip_ids(store: Store, trip_id: str, n: int = 3) -> list[str]:
    import difflib  # only for a trip id not found: not imported at every launch

    ids = trip_ids(store)
    wanted = trip_id.lower()
    # An id the user began to type first ("gumi-2017" is gumi-2017-americas, not gumi-2024-us,
    # which is nearer by edit distance), then ids holding it, then ids spelt alike.
    prefixed = [i for i in ids if i.lower().startswith(wanted)]
    holding = [i for i in ids if wanted in i.lower()]
    close = difflib.get_close_matches(trip_id, ids, n=n, cutoff=0.4)
    return list(dict.fromkeys(prefixed + holding + close))[:n]


# Words with more matches than this are ranked among their first RANK_WINDOW matches (in
# index order) only; every rarer query is ranked exactly. See docs/performance.md.
RANK_WINDOW = 2000

_KIND_ORDER = "CASE kind WHEN 'trip' THEN 0 WHEN 'agreement' THEN 1 WHEN 'event' THEN 2 " \
    "WHEN 'quote' THEN 3 WHEN 'day' THEN 4 WHEN 'stop' THEN 4 ELSE 5 END"


class QueryTooLong(TripdeskError):
    """A query longer than a search takes (`textindex.MAX_QUERY_WORDS`, `MAX_QUERY_CHARS`)."""


# A query may begin with the kind of hit it wants: `quote: 미국`, `org: Seattle`.
KIND_PREFIXES = {"trip": "trip", "trips": "trip", "day": "day", "days": "day", "event": "event",
                 "events": "event", "agreement": "agreement", "agreements": "agreement",
                 "mou": "agreement", "quote": "quote", "quotes": "quote",
                 "organisation": "organisation", "organisations": "organisation",
                 "organization": "organisation", "org": "organisation", "person": "person",
                 "people": "person"}


def split_kind(query: str) -> tuple[str | None, str]:
    """(the kind a `kind:` prefix asks for, the rest of the query); (None, query) without one."""
    head, colon, rest = query.lstrip().partition(":")
    kind = KIND_PREFIXES.get(head.strip().casefold()) if colon else None
    return (kind, rest.strip()) if kind is not None else (None, query)


def split_or(query: str) -> list[str]:
    """The alternatives of a query joined by a capital `OR` ("Blizzard OR 블리자드"); one
    element when there is none. An OR inside a quoted phrase is a word of the phrase."""
    import re

    parts, current = [], ""
    for index, piece in enumerate(query.strip().split('"')):
        if index % 2 == 1:  # inside quotes
            current += '"' + piece + ('"' if index < query.count('"') else "")
            continue
        pieces = re.split(r"(?:^|\s+)OR(?:\s+|$)", piece)
        current += pieces[0]
        for more in pieces[1:]:
            parts.append(current)
            current = more
    parts.append(current)
    parts = [part.strip() for part in parts if part.strip()]
    return parts or [query]


# What a query may hold that the search does not read as the user may mean it: said where the
# hits are shown (the desk's status line, `tripdesk search`), so that fewer hits are never a
# silent surprise.
NOTE_LOWER_OR = N_("“or” in small letters is searched as a word: write OR in capitals to find "
                   "the hits of either side.")
NOTE_NOT = N_("NOT and a leading - do not leave words out: the word after them is searched like "
              "the others.")
NOTE_PHRASE_EMPTY = N_("Quoted words are found only together and in that order; without the "
                       "quotes, each is looked for anywhere in a hit.")
NOTE_OPEN_QUOTE = N_("A quote is not closed: the words after it are searched as one phrase.")


def query_notes(query: str) -> list[str]:
    """The notes (msgids, to translate) that a query calls for: `or` in small letters, `NOT` or
    `-word` (no exclusion), a quote left open."""
    import re

    free = " ".join(part for part, quoted in query_parts(query) if not quoted)
    notes = []
    if re.search(r"(?:^|\s)or(?:\s|$)", free) and len(free.split()) > 1:
        notes.append(NOTE_LOWER_OR)
    if re.search(r"(?:^|\s)(?:NOT\s|-\w)", free):
        notes.append(NOTE_NOT)
    if query.count('"') % 2 == 1:
        notes.append(NOTE_OPEN_QUOTE)
    return notes


@guarded
def search(store: Store, query: str, limit: int = 200) -> list[SearchHit]:
    """`search_words` of a query, with what it may add: a `kind:` prefix keeps the hits of
    that kind (`quote: 미국`), and `OR` between words finds the hits of either side
    (`Blizzard OR 블리자드`); without OR every word must match."""
    kind, rest = split_kind(query)
    problem = query_problem(query)
    if problem is not None:
        raise QueryTooLong(problem)
    alternatives = split_or(rest)
    wanted = limit if kind is None else max(limit, RANK_WINDOW)
    if len(alternatives) == 1:
        hits = search_words(store, alternatives[0], wanted)
    else:
        seen: set[tuple[str, str]] = set()
        hits = []
        for alternative in alternatives:
            for hit in search_words(store, alternative, wanted):
                if (hit.trip_id, hit.ref) not in seen:
                    seen.add((hit.trip_id, hit.ref))
                    hits.append(hit)
        hits.sort(key=lambda hit: KIND_ORDER.index(hit.kind) if hit.kind in KIND_ORDER else len(KIND_ORDER))
    if kind is not None:
        hits = [hit for hit in hits if hit.kind == kind]
    return hits[:limit]


@guarded
def search_words(store: Store, query: str, limit: int = 200, *, places: bool = True) -> list[SearchHit]:
    """Everything that matches every word of the query, best first (Korean and English); a
    query naming a place finds the trips, days and events there by their place fields
    (`place_hits`) unless `places` is False (the words alone, as the Datasette search does)
    or no trip went there (then its words are searched like any others).

    "Best" is exact unless the query matches more than RANK_WINDOW items; then the hits are
    the best of its first RANK_WINDOW matches. A query of more words or characters than a
    search takes raises QueryTooLong before the store is asked anything."""
    problem = query_problem(query)
    if problem is not None:
        raise QueryTooLong(problem)
    found_places = place_hits(store, query, limit) if places else None
    if found_places == [] and not places_only(query):
        # A place no trip went to (`한국`, `서울` for trips abroad): its words are what the reader
        # is looking for (`한국 도서관 협약`), so the query is searched as words.
        found_places = None
    if found_places is not None and (places_only(query) or len(found_places) >= limit):
        return found_places
    expression = match_query(query)
    if expression is None:
        return []
    # Only rowids and ranks are sorted (the stored columns are read for the hits kept), and
    # the best `limit` are picked among the first RANK_WINDOW matches: ranking (bm25) costs
    # ~2 µs a match, and a word found 30,000-80,000 times in 10,000 trips took 60-170 ms.
    rows = store.conn.execute(
        "SELECT s.kind, s.trip_id, s.date, s.ref, s.label_ko, s.label_en, "
        "t.title_ko, t.title_en, t.title_plain, s.body FROM ("
        "  SELECT m.rowid AS id, m.rank AS rank FROM ("
        "    SELECT rowid, rank FROM search WHERE search MATCH ? LIMIT ?"
        "  ) m ORDER BY m.rank LIMIT ?"
        ") r JOIN search s ON s.rowid = r.id JOIN trips t ON t.id = s.trip_id "
        f"ORDER BY {_KIND_ORDER.replace('kind', 's.kind')}, r.rank, s.trip_id",
        (expression, RANK_WINDOW, limit))
    kept = rows.fetchall()
    if found_places is not None:
        # A place: its trips, days and events are the place's (by their place fields, not a
        # word of their prose); the agreements, quotes, organisations and people that name it
        # follow, found by their words.
        kept = [r for r in kept if r[0] not in PLACE_KINDS]
    matched = matched_lines(query, [r[9] for r in kept])
    found = [SearchHit(r[0], r[1], _text(r[6], r[7], r[8]), _date(r[2]), r[3],
                       Text(ko=r[4], en=r[5]), m) for r, m in zip(kept, matched)]
    if found_places is None:
        return found
    return sorted(found_places + found, key=lambda hit: KIND_ORDER.index(hit.kind))[:limit]


# -- places -----------------------------------------------------------------------------------


def _place_condition(store: Store, query: str) -> tuple[str, tuple[str, ...], Text | None] | None:
    """(SQL condition on the `destinations` row `d`, its values, the region the query names
    in each language, None for a city) when the whole query names a place: a destination city of the store, a state or province, a
    country (regions.named). None: the query is searched as words."""
    text = query.strip()
    if not text or text.startswith('"'):
        return None  # a quoted word is a word: "Seattle" in quotes searches the texts
    from ..regions import compared, named

    region = named(text)
    if region is not None and region.kind == "state":
        return "d.country = ? AND d.state = ?", (region.country, region.code), _region_text(region)
    if region is not None:
        return "d.country = ?", (region.code,), _region_text(region)
    key = compared(text)
    if len(key) < 2:
        return None
    cities = [row for row in store.conn.execute(
        "SELECT key, city_ko, city_en, city_plain, state, country FROM destinations")
        if key in {compared(name) for name in row[1:4] if name}]
    if not cities:
        return None
    marks = ",".join("?" * len(cities))
    return f"d.key IN ({marks})", tuple(row[0] for row in cities), None


def _region_text(region: "Region") -> Text:
    return Text(ko=region.label("ko"), en=region.label("en"))


PLACE_KINDS = ("trip", "day", "stop", "event")  # what a place query finds by the place fields
# As _KIND_ORDER; a stop without a day ranks with the days.
KIND_ORDER = ("trip", "agreement", "event", "quote", "day", "stop", "organisation", "person")


def places_only(query: str) -> bool:
    """Whether a place query is a code ("CA", "US"), which matches only as a code: its
    letters are not looked for inside words."""
    import re

    return re.fullmatch(r"[A-Z]{2}", query.strip()) is not None


def _place_label(ko: str | None, en: str | None, plain: str | None, state: str | None,
                 country: str) -> str:
    return ", ".join(x for x in (en or plain or ko, state, country) if x)


def _place_text(ko: str | None, en: str | None, plain: str | None, state: str | None,
                country: str) -> Text:
    """A place as a reason names it, in each language (`San Diego, CA, US`, `샌디에이고, CA, US`)."""
    return Text(ko=", ".join(x for x in (ko or plain or en, state, country) if x),
                en=_place_label(ko, en, plain, state, country))


def _reason(message: str, places: list[Text], region: Text | None) -> tuple[str, PlaceReason]:
    """(the reason in English, as `SearchHit.matched` keeps it; the reason to translate)."""
    reason = PlaceReason(message, tuple(dict.fromkeys(places)), region)
    return reason_text(reason, "en"), reason


@guarded
def place_hits(store: Store, query: str, limit: int = 200) -> list[SearchHit] | None:
    """The trips, days and events in the place a whole query names, by their place fields
    (a day's places; an event, by the day it is on), each saying which place it is there
    for; None when the query names no place (then it is searched as words).

    "Seattle" finds the trip that went to Seattle, not a trip whose purpose mentions a
    Seattle office; "California" every trip with a day in CA; "CA" only the state code.
    """
    condition = _place_condition(store, query)
    if condition is None:
        return None
    where, values, region = condition
    days = store.conn.execute(
        "SELECT p.trip_id, p.date, d.city_ko, d.city_en, d.city_plain, d.state, d.country, "
        "t.title_ko, t.title_en, t.title_plain, t.start FROM day_places p "
        "JOIN destinations d ON d.key = p.destination_key JOIN trips t ON t.id = p.trip_id "
        f"WHERE {where} ORDER BY t.start, p.trip_id, p.date, p.position", values).fetchall()
    trips: dict[str, list] = {}
    day_places: dict[tuple[str, str], list[Text]] = {}
    day_names: dict[tuple[str, str], list[tuple[str | None, str | None]]] = {}
    for trip_id, date, ko, en, plain, state, country, *_rest in days:
        trips.setdefault(trip_id, [_rest, []])
        label = _place_text(ko, en, plain, state, country)
        if label not in trips[trip_id][1]:
            trips[trip_id][1].append(label)
        day_places.setdefault((trip_id, date), []).append(label)
        day_names.setdefault((trip_id, date), []).append((ko or plain, en or plain))
    hits: list[SearchHit] = []
    for trip_id, ((title_ko, title_en, title_plain, _start), places) in trips.items():
        title = _text(title_ko, title_en, title_plain)
        hits.append(SearchHit("trip", trip_id, title, None, "trip", title, *_reason(WENT_TO, places, region)))
    titles = {trip_id: _text(*row[0][:3]) for trip_id, row in trips.items()}
    if day_places:
        events = store.conn.execute(
            "SELECT e.trip_id, e.date, e.id, e.title_ko, e.title_en, e.title_plain FROM events e "
            "JOIN (SELECT DISTINCT p.trip_id, p.date FROM day_places p JOIN destinations d "
            f"ON d.key = p.destination_key WHERE {where}) w ON w.trip_id = e.trip_id AND w.date = e.date "
            "ORDER BY e.trip_id, e.date, e.position", values).fetchall()
        for trip_id, date, event_id, ko, en, plain in events:
            hits.append(SearchHit("event", trip_id, titles[trip_id], _date(date), f"event:{event_id}",
                                  _text(ko, en, plain),
                                  *_reason(ON_A_DAY_IN, day_places[(trip_id, date)], region)))
    for (trip_id, date), places in day_places.items():
        names = day_names[(trip_id, date)]
        label = Text(ko=", ".join(k or "" for k, _ in names), en=", ".join(e or "" for _, e in names))
        hits.append(SearchHit("day", trip_id, titles[trip_id], _date(date), f"day:{date}", label,
                              *_reason(PLACE_OF_DAY, places, region)))
    return (hits + _stop_place_hits(store, where, values, region, trips))[:limit]


def _stop_place_hits(store: Store, where: str, values: tuple[str, ...], region: Text | None,
                     trips: dict[str, list]) -> list[SearchHit]:
    """`place_hits` of the stops without a day in the place (their trip, when no day of it
    is there), and of their events."""
    rows = store.conn.execute(
        "SELECT p.trip_id, p.stop, d.city_ko, d.city_en, d.city_plain, d.state, d.country, "
        "t.title_ko, t.title_en, t.title_plain FROM stop_places p "
        "JOIN destinations d ON d.key = p.destination_key JOIN trips t ON t.id = p.trip_id "
        f"WHERE {where} ORDER BY t.start, p.trip_id, p.stop, p.position", values).fetchall()
    stops: dict[tuple[str, int], tuple[Text, list[Text], list[tuple[str | None, str | None]]]] = {}
    for trip_id, stop, ko, en, plain, state, country, *title in rows:
        found = stops.setdefault((trip_id, stop), (_text(*title), [], []))
        found[1].append(_place_text(ko, en, plain, state, country))
        found[2].append((ko or plain, en or plain))
    hits: list[SearchHit] = []
    for trip_id in dict.fromkeys(t for t, _ in stops):
        if trip_id not in trips:
            places = [label for (t, _), found in stops.items() if t == trip_id for label in found[1]]
            title = next(found[0] for (t, _), found in stops.items() if t == trip_id)
            hits.append(SearchHit("trip", trip_id, title, None, "trip", title, *_reason(WENT_TO, places, region)))
    for (trip_id, stop), (title, places, names) in stops.items():
        label = Text(ko=", ".join(k or "" for k, _ in names), en=", ".join(e or "" for _, e in names))
        hits.append(SearchHit("stop", trip_id, title, None, f"stop:{stop}", label,
                              *_reason(PLACE_NO_DAY, places, region)))
        for event_id, ko, en, plain in store.conn.execute(
                "SELECT id, title_ko, title_en, title_plain FROM events WHERE trip_id = ? AND stop = ? "
                "ORDER BY position", (trip_id, stop)):
            hits.append(SearchHit("event", trip_id, title, None, f"event:{event_id}", _text(ko, en, plain),
                                  *_reason(IN_NO_DAY, places, region)))
    return hits


class KnownEntity(NamedTuple):
    """An organisation, person or home city of the store, by the names it is known by (what
    `tripdesk draft` matches an article's names against, to reuse the store's ids)."""

    id: str
    ko: str | None
    en: str | None
    aliases: tuple[str, ...] = ()
    kind: str | None = None  # an organisation's kind
    role_ko: str | None = None  # a person's role


class KnownEntities(NamedTuple):
    organisations: tuple[KnownEntity, ...] = ()
    people: tuple[KnownEntity, ...] = ()
    home_cities: tuple[KnownEntity, ...] = ()
    trips: frozenset[str] = frozenset()  # the stored trips' ids: a draft's id may already be one


@guarded
def known_entities(store: Store) -> KnownEntities:
    import json

    conn = store.conn
    orgs = tuple(KnownEntity(i, ko, en or plain, tuple(json.loads(a or "[]")), kind=k) for i, ko, en, plain, a, k in
                 conn.execute("SELECT id, name_ko, name_en, name_plain, aliases, kind FROM organisations"))
    people = tuple(KnownEntity(i, ko, en or plain, tuple(json.loads(a or "[]")), role_ko=r) for i, ko, en, plain, a, r in
                   conn.execute("SELECT id, name_ko, name_en, name_plain, aliases, role_ko FROM people"))
    cities = tuple(KnownEntity(i, ko, en or plain) for i, ko, en, plain in
                   conn.execute("SELECT id, name_ko, name_en, name_plain FROM home_cities"))
    trips = frozenset(i for (i,) in conn.execute("SELECT id FROM trips"))
    return KnownEntities(orgs, people, cities, trips)


# -- across trips: the agreements ledger, the entities, the rankings ----------------------------


class AgreementRow(NamedTuple):
    """One agreement as the ledger lists it: when, whose, what, with whom, where it stands."""

    trip_id: str
    id: str
    date: dt.date | None
    home_city_id: str
    home_city: Text
    kind: str
    title: Text
    # (organisation id, name), in id order, then the parties the sources do not name (id None).
    parties: tuple[tuple[str | None, Text], ...]
    status: str
    status_date: dt.date | None
    trip_start: dt.date

    @property
    def sort_date(self) -> dt.date:
        """Its date, or its trip's start for an undated one (a planned MOU)."""
        return self.date or self.trip_start


@guarded
def agreements(store: Store, city: str | None = None, kind: str | None = None,
               since: dt.date | None = None, limit: int | None = None) -> list[AgreementRow]:
    """Every agreement of the store, oldest first (an undated one at its trip's start), with
    its parties' names; `city` (a home-city id), `kind` and `since` (dated on or after) filter,
    `limit` keeps the first ones (the ledger's first screenful, before the rest is read).

    Two statements, not a correlated subquery per agreement: the parties of every agreement
    kept are read in one pass of `agreement_parties` joined to `organisations`."""
    rows = store.conn.execute(
        "SELECT a.trip_id, a.id, a.date, t.home_city_id, h.name_ko, h.name_en, h.name_plain, a.kind, "
        "a.title_ko, a.title_en, a.title_plain, a.status, a.status_date, t.start, a.unnamed_parties "
        "FROM agreements a JOIN trips t ON t.id = a.trip_id JOIN home_cities h ON h.id = t.home_city_id "
        "WHERE (:city IS NULL OR t.home_city_id = :city) AND (:kind IS NULL OR a.kind = :kind) "
        "AND (:since IS NULL OR coalesce(a.date, t.start) >= :since) "
        "ORDER BY coalesce(a.date, t.start), a.trip_id, a.id LIMIT :limit",
        {"city": city, "kind": kind, "since": since.isoformat() if since else None,
         "limit": -1 if limit is None else limit}).fetchall()
    parties: dict[tuple[str, str], list[tuple[str, Text]]] = {}
    if rows:
        filtered = city is not None or kind is not None or since is not None or limit is not None
        sql = ("SELECT p.trip_id, p.agreement_id, o.id, o.name_ko, o.name_en, o.name_plain "
               "FROM agreement_parties p JOIN organisations o ON o.id = p.organisation_id")
        if filtered:  # only the trips kept (one indexed look-up each)
            import json

            sql += " WHERE p.trip_id IN (SELECT value FROM json_each(?))"
            found = store.conn.execute(sql, (json.dumps(sorted({r[0] for r in rows})),))
        else:
            found = store.conn.execute(sql)
        for tid, aid, oid, ko, en, plain in found:
            parties.setdefault((tid, aid), []).append((oid, _text(ko, en, plain)))
    return [AgreementRow(r[0], r[1], _date(r[2]), r[3], _text(r[4], r[5], r[6]), r[7],
                         _text(r[8], r[9], r[10]),
                         (*sorted(parties.get((r[0], r[1]), ())), *_unnamed_parties(r[14])),
                         r[11], _date(r[12]), dt.date.fromisoformat(r[13])) for r in rows]


def _unnamed_parties(column: str | None) -> list[tuple[None, Text]]:
    """(None, description) of each party an agreement describes without naming it
    (`agreements.unnamed_parties`, a JSON list)."""
    if not column:
        return []
    import json

    return [(None, _text(u["description_ko"], u["description_en"], None)) for u in json.loads(column)]


class EntityRow(NamedTuple):
    """An organisation or a person, and how many trips, events, agreements and quotes name
    them (for an organisation, the quotes of its people)."""

    kind: str  # organisation | person
    id: str
    name: Text
    aliases: tuple[str, ...]
    detail: str | None  # an organisation's kind; a person's role (Korean, else English)
    trips: int
    events: int
    agreements: int
    quotes: int


def _counts(store: Store, sql: str, ids: str | None) -> dict[str, int]:
    return dict(store.conn.execute(sql, (ids,)).fetchall())


class EntityName(NamedTuple):
    """An organisation or a person by name alone (`first_entity_names`)."""

    kind: str  # organisation | person
    id: str
    name: Text


def _entity_order(e: "EntityName | EntityRow") -> tuple[str, str, str]:
    return ((e.name.en or e.name.plain or e.name.ko or "").casefold(), e.kind, e.id)


def _shown_name(ko: str | None, en: str | None, plain: str | None, lang: str) -> str:
    """`_text(ko, en, plain).get(lang)` without making the `Text` (`first_entity_names`)."""
    if plain is not None:
        return plain
    if lang == "both":
        return f"{ko} · {en}" if ko and en and ko != en else ko or en or ""
    return (en or ko or "") if lang == "en" else (ko or en or "")


@guarded
def first_entity_names(store: Store, lang: str, count: int) -> list[EntityName]:
    """The first `count` organisations and people of the entities screen's first order: by
    their name in the display language `lang` (case folded), those of the same name in the
    order `entities` reads them in (`_entity_order`). Only the names chosen are made (`Text`), and no list is sorted:
    on the 10,000-trip store making and sorting the 7,628 names was most of the screen's
    first read (30-50 ms of 60-90 on a busy machine)."""
    import heapq

    def key(row: tuple[str, str, str | None, str | None, str | None]) -> tuple[str, str, str, str]:
        kind, ident, ko, en, plain = row
        if plain is not None:  # (a `Text` of a bare string has neither language)
            ko = en = None
        return (_shown_name(ko, en, plain, lang).casefold(), (en or plain or ko or "").casefold(), kind, ident)

    rows = [("organisation", *r) for r in store.conn.execute("SELECT id, name_ko, name_en, name_plain FROM organisations")]
    rows += [("person", *r) for r in store.conn.execute("SELECT id, name_ko, name_en, name_plain FROM people")]
    return [EntityName(kind, ident, _text(ko, en, plain))
            for kind, ident, ko, en, plain in heapq.nsmallest(count, rows, key=key)]


@guarded
def entities(store: Store, only: "Iterable[tuple[str, str]] | None" = None) -> list[EntityRow]:
    """Every organisation and person of the store with their counts, by name; `only`: those
    of these (kind, id) alone (the entities screen's first screenful, before the rest).

    Each count is one grouped pass over a link table (its index on the entity's id where
    there is one), not a subquery per entity."""
    import json

    wanted: dict[str, str | None] = {"organisation": None, "person": None}
    if only is not None:
        chosen: dict[str, list[str]] = {"organisation": [], "person": []}
        for kind, entity_id in only:
            chosen[kind].append(entity_id)
        wanted = {kind: json.dumps(ids) for kind, ids in chosen.items()}
    # Every entity, or the chosen ones: an index look-up each (not `? IS NULL OR ...`, which
    # SQLite answers by reading the whole table).
    among = "1 = 1 OR ?1" if only is None else "{} IN (SELECT value FROM json_each(?1))"
    org_counts = [_counts(store, sql, wanted["organisation"]) for sql in (
        f"SELECT organisation_id, count(*) FROM trip_organisations WHERE {among.format('organisation_id')} "
        "GROUP BY organisation_id",
        f"SELECT organisation_id, count(*) FROM event_organisations WHERE {among.format('organisation_id')} "
        "GROUP BY organisation_id",
        "SELECT organisation_id, count(DISTINCT trip_id || '/' || agreement_id) FROM agreement_parties "
        f"WHERE {among.format('organisation_id')} GROUP BY organisation_id",
        "SELECT p.organisation_id, count(*) FROM quotes q JOIN people p ON p.id = q.speaker_id "
        f"WHERE p.organisation_id IS NOT NULL AND {among.format('p.organisation_id')} GROUP BY p.organisation_id")]
    person_counts = [_counts(store, sql, wanted["person"]) for sql in (
        f"SELECT person_id, count(*) FROM trip_people WHERE {among.format('person_id')} GROUP BY person_id",
        f"SELECT person_id, count(*) FROM event_people WHERE {among.format('person_id')} GROUP BY person_id",
        f"SELECT person_id, count(*) FROM agreement_signatories WHERE {among.format('person_id')} "
        "GROUP BY person_id",
        f"SELECT speaker_id, count(*) FROM quotes WHERE {among.format('speaker_id')} GROUP BY speaker_id")]
    out = [EntityRow("organisation", i, _text(ko, en, plain), tuple(json.loads(aliases or "[]")), kind,
                     *(c.get(i, 0) for c in org_counts))
           for i, ko, en, plain, aliases, kind in store.conn.execute(
               "SELECT id, name_ko, name_en, name_plain, aliases, kind FROM organisations "
               f"WHERE {among.format('id')}", (wanted["organisation"],))]
    out += [EntityRow("person", i, _text(ko, en, plain), tuple(json.loads(aliases or "[]")), role_ko or role_en,
                      *(c.get(i, 0) for c in person_counts))
            for i, ko, en, plain, aliases, role_ko, role_en in store.conn.execute(
                "SELECT id, name_ko, name_en, name_plain, aliases, role_ko, role_en FROM people "
                f"WHERE {among.format('id')}", (wanted["person"],))]
    out.sort(key=_entity_order)
    return out


class Mention(NamedTuple):
    """A record that names an entity: the trip, what it is (trip, event, agreement, quote),
    its id in the trip (empty for the trip itself), its date and its label."""

    trip_id: str
    trip_title: Text
    trip_start: dt.date
    home_city: Text
    what: str
    ident: str
    date: dt.date | None
    label: Text


_MENTION_ORDER = {"trip": 0, "event": 1, "agreement": 2, "quote": 3}


@guarded
def mentions(store: Store, kind: str, entity_id: str) -> list[Mention]:
    """Everything that names an organisation (`kind` "organisation") or a person, trip by
    trip (oldest first), each trip's records by date: the trips that list it, the events it
    takes part in, the agreements it is a party to (a person: signs), the quotes (of an
    organisation: of its people)."""
    if kind == "organisation":
        links = (
            ("trip", "SELECT trip_id, '', NULL, NULL, NULL, NULL FROM trip_organisations WHERE organisation_id = :id"),
            ("event", "SELECT e.trip_id, e.id, e.date, e.title_ko, e.title_en, e.title_plain FROM event_organisations x "
                      "JOIN events e ON e.trip_id = x.trip_id AND e.id = x.event_id WHERE x.organisation_id = :id"),
            ("agreement", "SELECT a.trip_id, a.id, a.date, a.title_ko, a.title_en, a.title_plain FROM agreement_parties x "
                          "JOIN agreements a ON a.trip_id = x.trip_id AND a.id = x.agreement_id "
                          "WHERE x.organisation_id = :id"),
            ("quote", "SELECT q.trip_id, q.id, q.date, NULL, NULL, q.original_text FROM quotes q "
                      "JOIN people p ON p.id = q.speaker_id WHERE p.organisation_id = :id"),
        )
    else:
        links = (
            ("trip", "SELECT trip_id, '', NULL, NULL, NULL, NULL FROM trip_people WHERE person_id = :id"),
            ("event", "SELECT e.trip_id, e.id, e.date, e.title_ko, e.title_en, e.title_plain FROM event_people x "
                      "JOIN events e ON e.trip_id = x.trip_id AND e.id = x.event_id WHERE x.person_id = :id"),
            ("agreement", "SELECT a.trip_id, a.id, a.date, a.title_ko, a.title_en, a.title_plain "
                          "FROM agreement_signatories x JOIN agreements a ON a.trip_id = x.trip_id "
                          "AND a.id = x.agreement_id WHERE x.person_id = :id"),
            ("quote", "SELECT trip_id, id, date, NULL, NULL, original_text FROM quotes WHERE speaker_id = :id"),
        )
    found: list[tuple[str, str, str, str | None, Text]] = []
    for what, sql in links:
        for tid, ident, date, ko, en, plain in store.conn.execute(sql, {"id": entity_id}):
            found.append((tid, what, ident, date, _text(ko, en, plain)))
    trips = {r[0]: r for r in store.conn.execute(
        "SELECT t.id, t.title_ko, t.title_en, t.title_plain, t.start, h.name_ko, h.name_en, h.name_plain "
        "FROM trips t JOIN home_cities h ON h.id = t.home_city_id WHERE t.id IN "
        "(SELECT value FROM json_each(?))", (_json_list(sorted({f[0] for f in found})),))}
    out = []
    for tid, what, ident, date, label in found:
        t = trips.get(tid)
        if t is None:
            continue
        title = _text(t[1], t[2], t[3])
        out.append(Mention(tid, title, dt.date.fromisoformat(t[4]), _text(t[5], t[6], t[7]), what, ident,
                           _date(date), title if what == "trip" else label))
    out.sort(key=lambda m: (m.trip_start, m.trip_id, _MENTION_ORDER[m.what] if m.what == "trip" else 1,
                            m.date or m.trip_start, _MENTION_ORDER[m.what], m.ident))
    return out


def _json_list(values: list[str]) -> str:
    import json

    return json.dumps(values)


class Ranked(NamedTuple):
    """One line of a ranking: what (a destination key, a state, a country code, a kind) and
    how many trips (or agreements) count it, with its label in each language."""

    key: str
    label: Text
    count: int


class Rankings(NamedTuple):
    """What the overview and `tripdesk stats` rank: the destinations by the trips that went
    there (cities, states, countries) and the agreements by kind and by status."""

    cities: list[Ranked]
    states: list[Ranked]
    countries: list[Ranked]
    agreement_kinds: list[Ranked]
    agreement_statuses: list[Ranked]


# Trips abroad only: a day in the home country is not a destination (as `destinations`).
_ABROAD = ("FROM day_places p JOIN destinations d ON d.key = p.destination_key "
           "JOIN trips t ON t.id = p.trip_id JOIN home_cities h ON h.id = t.home_city_id "
           "WHERE d.country != h.country")


@guarded
def rankings(store: Store, read: "list[DestinationRow] | None" = None) -> Rankings:
    """Each ranking most first, ties by name; `read`: the `destinations` already read (on a
    large store the one read of this that takes a while)."""
    from ..i18n import translator
    from ..model import agreement_status_names

    def ranked(rows: list[Ranked]) -> list[Ranked]:
        return sorted(rows, key=lambda r: (-r.count, r.label.get("en").casefold(), r.key))

    cities = ranked([Ranked(d.key, Text(ko=f"{d.city.get('ko')}, {d.state or d.country}" if d.state else d.city.get("ko"),
                                        en=d.label("en")), d.trip_count)
                     for d in (destinations(store) if read is None else read)])
    conn = store.conn
    states = ranked([Ranked(f"{country}/{state}", Text(plain=f"{state}, {country}"), n) for country, state, n in conn.execute(
        f"SELECT d.country, d.state, count(DISTINCT p.trip_id) {_ABROAD} AND d.state IS NOT NULL "
        "GROUP BY d.country, d.state")])
    countries = ranked([Ranked(country, Text(plain=country), n) for country, n in conn.execute(
        f"SELECT d.country, count(DISTINCT p.trip_id) {_ABROAD} GROUP BY d.country")])
    kinds = ranked([Ranked(kind, Text(ko=translator("ko")(kind), en=translator("en")(kind)), n)
                    for kind, n in conn.execute("SELECT kind, count(*) FROM agreements GROUP BY kind")])
    statuses = ranked([Ranked(status, Text(*agreement_status_names(status)), n)
                       for status, n in conn.execute("SELECT status, count(*) FROM agreements GROUP BY status")])
    return Rankings(cities, states, countries, kinds, statuses)
