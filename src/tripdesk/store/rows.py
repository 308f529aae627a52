"""A trip as the rows of the store's tables and its search index."""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from ..text import Text
from .schema import SCHEMA
from .textindex import index_text

if TYPE_CHECKING:
    from ..articles import SourceArticle
    from ..model import Agreement, Evidence, Quote, Trip


_COLUMNS = {spec.name: spec.column_names for spec in SCHEMA}


@functools.lru_cache(maxsize=None)
def _upsert(table: str, width: int) -> str:
    """Insert a row of an entity table shared by trips, or overwrite the one with its id.

    Not `INSERT OR REPLACE`: that deletes the old row first, and with foreign keys on SQLite
    then looks for rows that refer to it in every referring table, one of them without an
    index on the column (agreement_signatories.person_id), so that writing a trip cost ~20 ms
    in a store of 10,000 trips against ~3 in a new one (see docs/performance.md). The row
    ends up the same; only its internal rowid, which nothing reads, is kept.
    """
    columns = _COLUMNS[table]
    assert len(columns) == width
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
    return (f"INSERT INTO {table} VALUES ({','.join('?' * width)}) "
            f"ON CONFLICT(id) DO UPDATE SET {updates}")


_SEARCH_INSERT = ("INSERT INTO search (rowid, body, kind, trip_id, date, ref, label_ko, label_en) "
                  "VALUES (?,?,?,?,?,?,?,?)")


@dataclass
class TripRows:
    """Every row of one trip, ready to insert: its home city and `trips` rows, (statement,
    rows) for each further table in an order that respects the foreign keys, and the search
    rows (`search_rows()`).

    Building them is pure computation, so an import of many files does it in the worker
    processes that read the files and sends only these tuples of strings to the process that
    writes (see docs/performance.md).
    """

    trip_id: str
    home_city: tuple[Any, ...]
    trip: tuple[Any, ...]  # the `trips` row but its last column, the file's path
    tables: list[tuple[str, list[tuple[Any, ...]]]]
    search: list[tuple[Any, ...]]


def trip_rows(trip: Trip, articles: "Iterable[SourceArticle]" = ()) -> TripRows:
    """The rows `Store.write_trip` inserts for a trip (all but its `files` row), with the
    article files import looked for (`articles.SourceArticle`)."""
    import json

    from ..files.document import trip_to_document

    tid = trip.id
    hc = trip.home_city
    span = trip.span_reported
    tables: list[tuple[str, list[tuple[Any, ...]]]] = [
        ("INSERT INTO trip_documents VALUES (?,?)",
         [(tid, json.dumps(trip_to_document(trip), ensure_ascii=False))]),
        (_upsert("organisations", 6),
         [(o.id, *_text_cols(o.name), o.kind, json.dumps(list(o.aliases), ensure_ascii=False))
          for o in trip.organisations]),
        ("INSERT INTO trip_organisations VALUES (?,?)", [(tid, o.id) for o in trip.organisations]),
        (_upsert("people", 8),
         [(p.id, *_text_cols(p.name), json.dumps(list(p.aliases), ensure_ascii=False),
           *_lang_cols(p.role), p.organisation) for p in trip.people]),
        ("INSERT INTO trip_people VALUES (?,?)", [(tid, p.id) for p in trip.people]),
        ("INSERT INTO sources VALUES (?,?,?,?,?,?,?,?,?)",
         [(tid, s.id, s.outlet.get("both"), s.headline.ko or s.headline.plain,
           s.headline.en or s.headline.plain, s.published.isoformat() if s.published else None,
           s.file, s.url, s.language) for s in trip.sources]),
    ]
    days: list[tuple[Any, ...]] = []
    destinations: list[tuple[Any, ...]] = []
    day_places: list[tuple[Any, ...]] = []
    events: list[tuple[Any, ...]] = []
    event_links: dict[str, list[tuple[Any, ...]]] = {
        "event_organisations": [], "event_people": [], "event_sources": []}
    recorded = {day.date for day in trip.days}
    for number, date, day in trip.calendar():
        if date not in recorded or day is None:
            continue
        d = date.isoformat()
        days.append((tid, d, number))
        for pos, place in enumerate(day.places):
            destinations.append((place.key, *_text_cols(place.city), place.state, place.country))
            day_places.append((tid, d, pos, place.key))
        for pos, e in enumerate(day.events):
            events.append((tid, e.id, d, pos, e.time, e.kind, *_text_cols(e.title),
                           *_lang_cols(e.description), None))
    stops: list[tuple[Any, ...]] = []
    stop_places: list[tuple[Any, ...]] = []
    for number, stop in enumerate(trip.stops):
        stops.append((tid, number, stop.start.isoformat() if stop.start else None,
                      stop.end.isoformat() if stop.end else None))
        for pos, place in enumerate(stop.places):
            destinations.append((place.key, *_text_cols(place.city), place.state, place.country))
            stop_places.append((tid, number, pos, place.key))
        for pos, e in enumerate(stop.events):
            events.append((tid, e.id, None, pos, e.time, e.kind, *_text_cols(e.title),
                           *_lang_cols(e.description), number))
    for _held, e in trip.all_events():
        event_links["event_organisations"] += _links(tid, e.id, e.organisations)
        event_links["event_people"] += _links(tid, e.id, e.people)
        event_links["event_sources"] += _links(tid, e.id, e.sources)
    tables += [
        ("INSERT INTO days VALUES (?,?,?)", days),
        ("INSERT INTO stops VALUES (?,?,?,?)", stops),
        ("INSERT OR IGNORE INTO destinations VALUES (?,?,?,?,?,?)", destinations),
        ("INSERT INTO day_places VALUES (?,?,?,?)", day_places),
        ("INSERT INTO stop_places VALUES (?,?,?,?)", stop_places),
        ("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", events),
        *((f"INSERT INTO {table} VALUES (?,?,?)", links) for table, links in event_links.items()),
        ("INSERT INTO agreements VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
         [(tid, a.id, a.kind, *_text_cols(a.title), a.date.isoformat() if a.date else None,
           *_lang_cols(a.scope), a.event, a.status.value,
           a.status.date.isoformat() if a.status.date else None, _unnamed_parties(a))
          for a in trip.agreements]),
        ("INSERT INTO agreement_parties VALUES (?,?,?)",
         [row for a in trip.agreements for row in _links(tid, a.id, a.parties)]),
        ("INSERT INTO agreement_signatories VALUES (?,?,?)",
         [row for a in trip.agreements for row in _links(tid, a.id, a.signatories)]),
        ("INSERT INTO agreement_sources VALUES (?,?,?)",
         [row for a in trip.agreements for row in _links(tid, a.id, a.sources)]),
        ("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
         [(tid, q.id, q.speaker, q.date.isoformat() if q.date else None, q.event,
           q.original.lang, q.original.text, *_translation_cols(q), *_lang_cols(q.role),
           q.organisation) for q in trip.quotes]),
        ("INSERT INTO quote_sources VALUES (?,?,?)",
         [row for q in trip.quotes for row in _links(tid, q.id, q.sources)]),
        ("INSERT INTO evidence VALUES (?,?,?,?,?)",
         [(tid, ref, position, e.source, e.text)
          for ref, items in evidence_of(trip) for position, e in enumerate(items)]),
        ("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?)",
         [(tid, a.source_id, a.file, a.found, a.text, a.encoding,
           json.dumps(list(a.looked_in), ensure_ascii=False), a.size, a.mtime_ns) for a in articles]),
    ]
    return TripRows(
        trip_id=tid,
        home_city=(hc.id, *_text_cols(hc.name), *_lang_cols(hc.province), hc.country, hc.kind),
        trip=(tid, hc.id, *_text_cols(trip.title), trip.start.isoformat(), trip.end.isoformat(),
              trip.year, trip.day_count, trip.status, span.days if span else None,
              span.nights if span else None, span.text if span else None, trip.leader.person),
        tables=[(sql, rows) for sql, rows in tables if rows],
        search=list(search_rows(trip)),
    )


def evidence_of(trip: Trip) -> Iterator[tuple[str, "tuple[Evidence, ...]"]]:
    """(ref, excerpts) of every record of the trip that has excerpts; `ref` as in the index."""
    if trip.evidence:
        yield "trip", trip.evidence
    for day in trip.days:
        if day.evidence:
            yield f"day:{day.date.isoformat()}", day.evidence
        for e in day.events:
            if e.evidence:
                yield f"event:{e.id}", e.evidence
    for number, stop in enumerate(trip.stops):
        if stop.evidence:
            yield f"stop:{number}", stop.evidence
        for e in stop.events:
            if e.evidence:
                yield f"event:{e.id}", e.evidence
    for a in trip.agreements:
        if a.evidence:
            yield f"agreement:{a.id}", a.evidence
        if a.status.evidence:
            yield f"agreement:{a.id}{STATUS_REF}", a.status.evidence
    for q in trip.quotes:
        if q.evidence:
            yield f"quote:{q.id}", q.evidence


# The suffix of the `evidence` ref of an agreement's status: agreement:<id>:status (an id has no
# colon). The search index holds those excerpts in the agreement's row.
STATUS_REF = ":status"


def _unnamed_parties(agreement: "Agreement") -> str | None:
    """The parties an agreement describes without naming, as a JSON list of
    {description_ko, description_en, kind, count} (None when it has none)."""
    import json

    if not agreement.unnamed_parties:
        return None
    return json.dumps([{"description_ko": ko, "description_en": en, "kind": u.kind, "count": u.count}
                       for u in agreement.unnamed_parties for ko, en in [_lang_cols(u.description)]],
                      ensure_ascii=False)


def _excerpts(items: "tuple[Evidence, ...]") -> list[str]:
    return [e.text for e in items]


def _links(trip_id: str, owner_id: str, targets: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """Rows of a link table (trip, owner, target), each target once."""
    return [(trip_id, owner_id, target) for target in dict.fromkeys(targets)]


def _lang_cols(text: Text | None) -> tuple[str | None, str | None]:
    """(Korean, English) columns of a text that may be missing or language-neutral."""
    text = text or _NO_TEXT
    return text.ko or text.plain, text.en or text.plain


_NO_TEXT = Text()


def _translation_cols(q: Quote) -> tuple[str | None, str | None, str | None]:
    """(language, text, by) of a quote's translation, or three None."""
    t = q.translation
    return (t.lang, t.text, t.by) if t else (None, None, None)


def _text_cols(text: Text) -> tuple[str | None, str | None, str | None]:
    return text.ko, text.en, text.plain


def _labels(text: Text) -> tuple[str, str]:
    return text.get("ko"), text.get("en")


def search_body(*parts: object) -> str:
    """The indexed form of an index row's text: every string of the parts (texts, lists of
    strings, strings), one a line, through `index_text`.

    Each string goes through `index_text` on its own, which gives the same as the lines
    joined first (it rewrites runs of Korean characters, and a line break ends a run) but
    lets it reuse what it made of the names that come back in many rows."""
    strings: list[str] = []
    for part in parts:
        if isinstance(part, Text):
            strings.extend(part.all_strings())
        elif isinstance(part, (list, tuple)):
            strings.extend(str(x) for x in part)
        elif part:
            strings.append(str(part))
    return "\n".join([index_text(s) for s in strings])


def _quote_labels(original: str, translation: str | None) -> tuple[str, str]:
    return original, translation if translation is not None else original


def search_rows(trip: Trip) -> Iterator[tuple[str, str, str, str | None, str, str, str]]:
    """(body, kind, trip id, date, ref, Korean label, English label) for every searchable item.

    `ref` says where a hit leads: `trip`, `day:<date>`, `event:<id>`, `agreement:<id>`,
    `quote:<id>`, `organisation:<id>`, `person:<id>`.

    `TableIndexer` says what the tables hold of these rows (`tripdesk doctor` checks
    the index against it): a text added here should be added there too if a table holds it.
    """
    from ..model import AGREEMENT_KIND_NAMES, agreement_status_names

    body = search_body
    tid = trip.id
    yield (body(trip.title, trip.home_city.name, trip.purpose, *trip.themes,
                trip.delegation.description, _excerpts(trip.evidence)), "trip", tid, trip.start.isoformat(), "trip",
           *_labels(trip.title))
    for day in trip.days:
        places = [p.city for p in day.places]
        if places or day.notes:
            label = ", ".join(p.city.get("ko") for p in day.places)
            label_en = ", ".join(p.city.get("en") for p in day.places)
            yield (body(*places, day.notes, _excerpts(day.evidence)), "day", tid, day.date.isoformat(),
                   f"day:{day.date.isoformat()}", label, label_en)
        for e in day.events:
            yield (body(e.title, e.description, e.place.city if e.place else None,
                        e.place.venue if e.place else None, _excerpts(e.evidence)),
                   "event", tid, day.date.isoformat(), f"event:{e.id}", *_labels(e.title))
    for number, stop in enumerate(trip.stops):
        places = [p.city for p in stop.places]
        start = stop.start.isoformat() if stop.start else None
        if places or stop.notes:
            yield (body(*places, stop.notes, _excerpts(stop.evidence)), "stop", tid, start,
                   f"stop:{number}", ", ".join(p.city.get("ko") for p in stop.places),
                   ", ".join(p.city.get("en") for p in stop.places))
        for e in stop.events:
            yield (body(e.title, e.description, e.place.city if e.place else None,
                        e.place.venue if e.place else None, _excerpts(e.evidence)),
                   "event", tid, start, f"event:{e.id}", *_labels(e.title))
    for a in trip.agreements:
        parties = [o.name for o in trip.organisations if o.id in a.parties]
        parties += [u.description for u in a.unnamed_parties]
        yield (body(a.title, a.scope, a.kind, AGREEMENT_KIND_NAMES.get(a.kind, ()), *parties,
                    agreement_status_names(a.status.value),
                    _excerpts(a.evidence), _excerpts(a.status.evidence)),
               "agreement", tid,
               a.date.isoformat() if a.date else None, f"agreement:{a.id}", *_labels(a.title))
    for q in trip.quotes:
        speaker = trip.person(q.speaker) if q.speaker else None
        translation = q.translation.text if q.translation else None
        yield (body(q.original.text, translation, q.context, speaker.name if speaker else q.role,
                    _excerpts(q.evidence)),
               "quote", tid, q.date.isoformat() if q.date else None, f"quote:{q.id}",
               *_quote_labels(q.original.text, translation))
    for o in trip.organisations:
        yield (body(o.name, list(o.aliases)), "organisation", tid, None, f"organisation:{o.id}",
               *_labels(o.name))
    for p in trip.people:
        yield (body(p.name, list(p.aliases), p.role), "person", tid, None, f"person:{p.id}",
               *_labels(p.name))


# What the tables hold of one row of the index: its labels (None where the tables cannot say:
# a day's places are shared destinations, named by the first trip that went there), the
# strings its body must hold besides its labels' (the labels are made of the same text as the
# body: a title, a quote), each in its indexed form (`search_body`), and whether the row must
# exist (a day without places has one only if the trip file gave it notes).
IndexedItem = tuple[tuple[str, str] | None, list[str], bool]


class TableIndexer:
    """What the tables say each index row holds, for the rows `search_rows` makes of stored
    trips, as far as the tables keep the texts: titles, descriptions, names, agreements and
    quotes; not what only the trip documents keep (a trip's purpose, a day's notes, an event's
    venue, a quote's context, aliases and roles, which may differ between the trips that share
    an organisation or person). Each text is made indexable by the same code as in
    `search_rows` (`search_body`, `_labels`), from the columns `trip_rows` wrote.

    `items(trip_ids)` reads a few trips at a time, so that checking a large store holds little
    in memory; names and places, which come back in many rows, are indexed once.
    """

    _CACHE_MAX = 50_000

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._indexed: dict[str, str] = {}
        self._labelled: dict[tuple[str | None, str | None, str | None], tuple[str, str]] = {}

    def _strings(self, *values: str | None) -> list[str]:
        cache = self._indexed
        out = []
        for value in values:
            if value:
                form = cache.get(value)
                if form is None:
                    if len(cache) >= self._CACHE_MAX:
                        cache.clear()
                    form = cache[value] = search_body(value)
                out.append(form)
        return out

    def _name(self, ko: str | None, en: str | None, plain: str | None) -> list[str]:
        return self._strings(*Text(ko=ko, en=en, plain=plain).all_strings())

    def _labels(self, key: tuple[str | None, str | None, str | None]) -> tuple[str, str]:
        """`_labels` of the text of (ko, en, plain) columns (cached: names recur in many rows)."""
        found = self._labelled.get(key)
        if found is None:
            if len(self._labelled) >= self._CACHE_MAX:
                self._labelled.clear()
            ko, en, plain = key
            found = self._labelled[key] = _labels(Text(ko=ko, en=en, plain=plain))
        return found

    def items(self, trip_ids: list[str]) -> dict[tuple[str, str], IndexedItem]:
        """(trip id, ref) -> IndexedItem for every row of the index of these trips."""
        import json

        from ..model import agreement_status_names

        items: dict[tuple[str, str], IndexedItem] = {}
        ids = (json.dumps(trip_ids),)
        these = "IN (SELECT value FROM json_each(?))"
        q = self.conn.execute
        strings, name, labels = self._strings, self._name, self._labels
        no_texts: list[str] = []
        excerpts: dict[tuple[str, str], list[str]] = {}
        for tid, ref, text in q(f"SELECT trip_id, ref, text FROM evidence WHERE trip_id {these} "
                                "ORDER BY trip_id, ref, position", ids):
            excerpts.setdefault((tid, ref.removesuffix(STATUS_REF)), []).extend(strings(text))
        for tid, ref, ko, en, plain, city_ko, city_en, city_plain in q(
                "SELECT t.id, 'trip', t.title_ko, t.title_en, t.title_plain, h.name_ko, h.name_en, "
                f"h.name_plain FROM trips t LEFT JOIN home_cities h ON h.id = t.home_city_id WHERE t.id {these}",
                ids):
            key = (ko, en, plain)
            items[(tid, ref)] = (labels(key), name(city_ko, city_en, city_plain), True)
        places: dict[tuple[str, str], list[str]] = {}
        for tid, ref, ko, en, plain in q(
                "SELECT p.trip_id, 'day:' || p.date, d.city_ko, d.city_en, d.city_plain FROM day_places p "
                f"LEFT JOIN destinations d ON d.key = p.destination_key WHERE p.trip_id {these}", ids):
            places.setdefault((tid, ref), []).extend(name(ko, en, plain))
        for tid, ref, ko, en, plain in q(
                "SELECT p.trip_id, 'stop:' || p.stop, d.city_ko, d.city_en, d.city_plain FROM stop_places p "
                f"LEFT JOIN destinations d ON d.key = p.destination_key WHERE p.trip_id {these}", ids):
            places.setdefault((tid, ref), []).extend(name(ko, en, plain))
        for tid, ref in q(f"SELECT trip_id, 'day:' || date FROM days WHERE trip_id {these} UNION ALL "
                          f"SELECT trip_id, 'stop:' || position FROM stops WHERE trip_id {these}", ids * 2):
            texts = places.get((tid, ref))
            items[(tid, ref)] = (None, no_texts, False) if texts is None else (None, texts, True)
        for tid, ref, ko, en, plain, desc_ko, desc_en in q(
                "SELECT trip_id, 'event:' || id, title_ko, title_en, title_plain, description_ko, "
                f"description_en FROM events WHERE trip_id {these}", ids):
            key = (ko, en, plain)
            items[(tid, ref)] = (labels(key),
                                 strings(desc_ko, desc_en) if desc_ko or desc_en else no_texts, True)
        parties: dict[tuple[str, str], list[str]] = {}
        for tid, ref, ko, en, plain in q(
                "SELECT p.trip_id, 'agreement:' || p.agreement_id, o.name_ko, o.name_en, o.name_plain "
                "FROM agreement_parties p JOIN organisations o ON o.id = p.organisation_id "
                f"WHERE p.trip_id {these}", ids):
            parties.setdefault((tid, ref), []).extend(name(ko, en, plain))
        for tid, ref, kind, ko, en, plain, scope_ko, scope_en, status, unnamed in q(
                "SELECT trip_id, 'agreement:' || id, kind, title_ko, title_en, title_plain, scope_ko, "
                f"scope_en, status, unnamed_parties FROM agreements WHERE trip_id {these}", ids):
            key = (ko, en, plain)
            described = [text for u in json.loads(unnamed or "[]")
                         for text in strings(u["description_ko"], u["description_en"])]
            items[(tid, ref)] = (labels(key),
                                 strings(scope_ko, scope_en, kind, *agreement_status_names(status))
                                 + parties.get((tid, ref), no_texts) + described, True)
        for tid, ref, original, translation, ko, en, plain, role_ko, role_en in q(
                "SELECT q.trip_id, 'quote:' || q.id, q.original_text, q.translation_text, p.name_ko, "
                "p.name_en, p.name_plain, q.speaker_role_ko, q.speaker_role_en FROM quotes q "
                f"LEFT JOIN people p ON p.id = q.speaker_id WHERE q.trip_id {these}", ids):
            speaker = name(ko, en, plain) if (ko or en or plain) else strings(role_ko, role_en)
            items[(tid, ref)] = (_quote_labels(original, translation), speaker, True)
        for sql in ("SELECT t.trip_id, 'organisation:' || o.id, o.name_ko, o.name_en, o.name_plain "
                    "FROM trip_organisations t JOIN organisations o ON o.id = t.organisation_id "
                    f"WHERE t.trip_id {these}",
                    "SELECT t.trip_id, 'person:' || p.id, p.name_ko, p.name_en, p.name_plain "
                    f"FROM trip_people t JOIN people p ON p.id = t.person_id WHERE t.trip_id {these}"):
            for tid, ref, ko, en, plain in q(sql, ids):
                key = (ko, en, plain)
                items[(tid, ref)] = (labels(key), no_texts, True)
        for key, texts in excerpts.items():  # what the index holds besides the tables' texts
            if key in items:
                found_labels, found_texts, required = items[key]
                items[key] = (found_labels, found_texts + texts, required)
        return items

