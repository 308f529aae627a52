"""The SQLite store: schema, opening with checks, and writing trips in one transaction.

Tables are normalised (cities, trips, days, places, events, organisations, people,
agreements, quotes, sources and link tables) with foreign keys and indexes, so that the desk
can ask "which trips went to Seattle?" or "what did this organisation sign?" in SQL. Each trip
also keeps its whole document (`trip_documents`), which is what it reads back as and what
the JSON export writes. `search` is an FTS5 index over every searchable text, in the bigram
form of `textindex`. The schema version lives in `PRAGMA user_version` and is checked on open.

Writes happen inside one `BEGIN IMMEDIATE` transaction: a failed or killed import leaves the
database exactly as it was (SQLite's journal rolls it back), and a second import running at
the same time is told so instead of waiting forever.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, TypeVar

if TYPE_CHECKING:
    import sqlite_utils

from .document import trip_to_document
from .model import AGREEMENT_KIND_NAMES, Quote, Text, Trip
from .problems import TripdeskError, display_path
from .textindex import index_text

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 2000
REBUILD_HINT = "run `tripdesk import --rebuild` to build a new store from the data files"


class UnusableStore(TripdeskError):
    """The file is not a store this tripdesk can use (not SQLite, damaged, another schema).

    `tripdesk import --rebuild` sets such a file aside (see `set_aside`) and builds a new one.
    """


class CannotWrite(TripdeskError):
    """The database (or the folder it is in) cannot be written; it may still be read."""


def set_aside(path: Path) -> Path:
    """Rename an unusable database (and its -wal, -shm, -journal) to `<name>.broken-<time>`.

    Nothing is deleted: the file stays there for whoever wants to look into it.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    try:
        os.replace(path, target)
        for suffix in ("-wal", "-shm", "-journal"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                os.replace(companion, target.with_name(target.name + suffix))
    except OSError as exc:
        raise TripdeskError(f"{display_path(path)}: cannot move the unusable database aside: "
                            f"{exc.strerror}", "move or delete it yourself, then run the "
                            "command again") from None
    return target


def default_db_path() -> Path:
    """`TRIPDESK_DB` if set, else tripdesk.db in the platform's user data directory."""
    env = os.environ.get("TRIPDESK_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("tripdesk", appauthor=False)) / "tripdesk.db"


# -- schema ---------------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE home_cities (
    id TEXT PRIMARY KEY, name_ko TEXT, name_en TEXT, name_plain TEXT, province_ko TEXT,
    province_en TEXT, country TEXT NOT NULL
);
CREATE TABLE files (
    path TEXT PRIMARY KEY, trip_id TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL
);
CREATE TABLE trips (
    id TEXT PRIMARY KEY,
    home_city_id TEXT NOT NULL REFERENCES home_cities(id),
    title_ko TEXT, title_en TEXT, title_plain TEXT,
    start TEXT NOT NULL, "end" TEXT NOT NULL, year INTEGER NOT NULL, day_count INTEGER NOT NULL,
    status TEXT NOT NULL, span_days INTEGER, span_nights INTEGER, span_text TEXT,
    leader_id TEXT, file_path TEXT NOT NULL
);
CREATE INDEX trips_home_city ON trips(home_city_id, start);
CREATE INDEX trips_start ON trips(start);
CREATE TABLE trip_documents (
    trip_id TEXT PRIMARY KEY REFERENCES trips(id) ON DELETE CASCADE, document TEXT NOT NULL
);
CREATE TABLE organisations (
    id TEXT PRIMARY KEY, name_ko TEXT, name_en TEXT, name_plain TEXT, kind TEXT, aliases TEXT
);
CREATE TABLE people (
    id TEXT PRIMARY KEY, name_ko TEXT, name_en TEXT, name_plain TEXT, aliases TEXT,
    role_ko TEXT, role_en TEXT, organisation_id TEXT
);
CREATE TABLE trip_organisations (
    trip_id TEXT NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (trip_id, organisation_id)
);
CREATE INDEX trip_organisations_org ON trip_organisations(organisation_id);
CREATE TABLE trip_people (
    trip_id TEXT NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people(id),
    PRIMARY KEY (trip_id, person_id)
);
CREATE INDEX trip_people_person ON trip_people(person_id);
CREATE TABLE sources (
    trip_id TEXT NOT NULL REFERENCES trips(id) ON DELETE CASCADE, id TEXT NOT NULL,
    outlet TEXT, headline_ko TEXT, headline_en TEXT, published TEXT, file TEXT, url TEXT,
    language TEXT, PRIMARY KEY (trip_id, id)
);
CREATE TABLE destinations (
    key TEXT PRIMARY KEY, city_ko TEXT, city_en TEXT, city_plain TEXT, state TEXT, country TEXT
);
CREATE TABLE days (
    trip_id TEXT NOT NULL REFERENCES trips(id) ON DELETE CASCADE, date TEXT NOT NULL,
    day_number INTEGER NOT NULL, PRIMARY KEY (trip_id, date)
);
CREATE TABLE day_places (
    trip_id TEXT NOT NULL, date TEXT NOT NULL, position INTEGER NOT NULL,
    destination_key TEXT NOT NULL REFERENCES destinations(key),
    PRIMARY KEY (trip_id, date, position),
    FOREIGN KEY (trip_id, date) REFERENCES days(trip_id, date) ON DELETE CASCADE
);
CREATE INDEX day_places_destination ON day_places(destination_key, trip_id);
CREATE TABLE events (
    trip_id TEXT NOT NULL, id TEXT NOT NULL, date TEXT NOT NULL, position INTEGER NOT NULL,
    time TEXT, kind TEXT NOT NULL, title_ko TEXT, title_en TEXT, title_plain TEXT,
    description_ko TEXT, description_en TEXT,
    PRIMARY KEY (trip_id, id),
    FOREIGN KEY (trip_id, date) REFERENCES days(trip_id, date) ON DELETE CASCADE
);
CREATE INDEX events_day ON events(trip_id, date, position);
CREATE TABLE event_organisations (
    trip_id TEXT NOT NULL, event_id TEXT NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (trip_id, event_id, organisation_id),
    FOREIGN KEY (trip_id, event_id) REFERENCES events(trip_id, id) ON DELETE CASCADE
);
CREATE INDEX event_organisations_org ON event_organisations(organisation_id);
CREATE TABLE event_people (
    trip_id TEXT NOT NULL, event_id TEXT NOT NULL, person_id TEXT NOT NULL REFERENCES people(id),
    PRIMARY KEY (trip_id, event_id, person_id),
    FOREIGN KEY (trip_id, event_id) REFERENCES events(trip_id, id) ON DELETE CASCADE
);
CREATE INDEX event_people_person ON event_people(person_id);
CREATE TABLE event_sources (
    trip_id TEXT NOT NULL, event_id TEXT NOT NULL, source_id TEXT NOT NULL,
    PRIMARY KEY (trip_id, event_id, source_id),
    FOREIGN KEY (trip_id, event_id) REFERENCES events(trip_id, id) ON DELETE CASCADE,
    FOREIGN KEY (trip_id, source_id) REFERENCES sources(trip_id, id) ON DELETE CASCADE
);
CREATE TABLE agreements (
    trip_id TEXT NOT NULL REFERENCES trips(id) ON DELETE CASCADE, id TEXT NOT NULL,
    kind TEXT NOT NULL, title_ko TEXT, title_en TEXT, title_plain TEXT, date TEXT,
    scope_ko TEXT, scope_en TEXT, event_id TEXT, PRIMARY KEY (trip_id, id)
);
CREATE INDEX agreements_kind ON agreements(kind);
CREATE TABLE agreement_parties (
    trip_id TEXT NOT NULL, agreement_id TEXT NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (trip_id, agreement_id, organisation_id),
    FOREIGN KEY (trip_id, agreement_id) REFERENCES agreements(trip_id, id) ON DELETE CASCADE
);
CREATE INDEX agreement_parties_org ON agreement_parties(organisation_id);
CREATE TABLE agreement_signatories (
    trip_id TEXT NOT NULL, agreement_id TEXT NOT NULL, person_id TEXT NOT NULL REFERENCES people(id),
    PRIMARY KEY (trip_id, agreement_id, person_id),
    FOREIGN KEY (trip_id, agreement_id) REFERENCES agreements(trip_id, id) ON DELETE CASCADE
);
CREATE TABLE agreement_sources (
    trip_id TEXT NOT NULL, agreement_id TEXT NOT NULL, source_id TEXT NOT NULL,
    PRIMARY KEY (trip_id, agreement_id, source_id),
    FOREIGN KEY (trip_id, agreement_id) REFERENCES agreements(trip_id, id) ON DELETE CASCADE,
    FOREIGN KEY (trip_id, source_id) REFERENCES sources(trip_id, id) ON DELETE CASCADE
);
CREATE TABLE quotes (
    trip_id TEXT NOT NULL REFERENCES trips(id) ON DELETE CASCADE, id TEXT NOT NULL,
    speaker_id TEXT NOT NULL REFERENCES people(id), date TEXT, event_id TEXT,
    original_lang TEXT NOT NULL, original_text TEXT NOT NULL,
    translation_lang TEXT, translation_text TEXT, translation_by TEXT,
    PRIMARY KEY (trip_id, id)
);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE TABLE quote_sources (
    trip_id TEXT NOT NULL, quote_id TEXT NOT NULL, source_id TEXT NOT NULL,
    PRIMARY KEY (trip_id, quote_id, source_id),
    FOREIGN KEY (trip_id, quote_id) REFERENCES quotes(trip_id, id) ON DELETE CASCADE,
    FOREIGN KEY (trip_id, source_id) REFERENCES sources(trip_id, id) ON DELETE CASCADE
);
CREATE VIRTUAL TABLE search USING fts5(
    body, kind UNINDEXED, trip_id UNINDEXED, date UNINDEXED, ref UNINDEXED,
    label_ko UNINDEXED, label_en UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
);
-- FTS5 cannot index its UNINDEXED columns, so deleting a trip's rows by trip_id would scan
-- the whole index: this map lets a re-import delete them by rowid instead.
CREATE TABLE search_rows (
    trip_id TEXT NOT NULL, row INTEGER NOT NULL, PRIMARY KEY (trip_id, row)
) WITHOUT ROWID;
"""

TABLES = (
    "home_cities", "files", "trips", "trip_documents", "organisations", "people",
    "trip_organisations", "trip_people", "sources", "destinations", "days", "day_places",
    "events", "event_organisations", "event_people", "event_sources", "agreements",
    "agreement_parties", "agreement_signatories", "agreement_sources", "quotes",
    "quote_sources", "search", "search_rows",
)


# -- opening --------------------------------------------------------------------------------


class Store:
    """An open tripdesk database. Use `Store.open()`."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        # The next rowid of the index while `transaction` is open (0 until first needed);
        # None outside it.
        self._next_search_rowid: int | None = None
        # sqlite-utils serves the reading side (queries, doctor, introspection); the writes
        # of an import are plain executes, because they run hundreds of thousands of times.

    @functools.cached_property
    def db(self) -> "sqlite_utils.Database":
        """sqlite-utils over the same connection, imported on first use: importing it (with
        click, pluggy and dateutil) took ~70 ms of every start of the desk."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @classmethod
    def open(cls, path: Path, *, create: bool = True, readonly: bool = False) -> "Store":
        """Open (and with `create`, create) a store, checking that it is one we can use."""
        name = display_path(path)
        if not path.exists():
            if not create:
                raise TripdeskError(f"{name}: no tripdesk database here",
                                    "run `tripdesk import` to build it from the data files")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                # A file where a folder should be is the usual cause: name it.
                blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
                why = f"{display_path(blocker)} is a file, not a folder" if blocker else exc.strerror
                raise TripdeskError(f"{name}: cannot create the folder for the database: {why}",
                                    "choose another place with --db PATH or TRIPDESK_DB") from None
        try:
            conn, version, tables = _connect(path, readonly)
        except sqlite3.DatabaseError as exc:
            if not (readonly and "unable to open" in str(exc) and path.is_file()):
                raise _database_error(name, exc) from None
            # A WAL database is read through a `-shm` file beside it, which SQLite cannot
            # create in a folder we may not write to (a shared, read-only copy of a store).
            # Nothing can write there either, so the file is read as immutable.
            try:
                conn, version, tables = _connect(path, readonly, immutable=True)
            except sqlite3.DatabaseError as exc2:
                raise _database_error(name, exc2) from None
        store = cls(path, conn)
        if version == 0 and not tables:
            if readonly:
                raise TripdeskError(f"{name}: the database is empty", "run `tripdesk import`")
            store._create_schema(name)
        elif version > SCHEMA_VERSION:
            conn.close()
            raise UnusableStore(
                f"{name}: the database has schema version {version}, newer than this tripdesk "
                f"understands ({SCHEMA_VERSION})",
                "upgrade tripdesk (pip install -U tripdesk), or use another database with --db "
                f"PATH, or {REBUILD_HINT}")
        elif version != SCHEMA_VERSION or "trips" not in tables:
            conn.close()
            raise UnusableStore(f"{name}: this is not a tripdesk database (schema version "
                                f"{version})", REBUILD_HINT)
        elif missing := [t for t in TABLES if t not in tables]:
            conn.close()
            raise UnusableStore(f"{name}: the database lacks the table{'s' if len(missing) > 1 else ''} "
                                f"{', '.join(missing)}; it is damaged or was changed by another "
                                "program", REBUILD_HINT)
        return store

    def _create_schema(self, name: str) -> None:
        try:
            with self.conn:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.executescript("BEGIN;" + _SCHEMA + f"PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
        except sqlite3.OperationalError as exc:
            raise _database_error(name, exc) from None

    def close(self) -> None:
        self.conn.close()

    def check_integrity(self) -> None:
        """Raise UnusableStore when SQLite or the full-text index finds the file damaged.

        `tripdesk import --rebuild` runs it first: a damaged file is set aside, not reused.
        """
        name = display_path(self.path)
        try:
            rows = [" ".join(r[0].replace("*** in database main ***", "").split())
                    for r in self.conn.execute("PRAGMA quick_check(3)")]
            if rows != ["ok"]:
                raise UnusableStore(f"{name}: the database is damaged ({'; '.join(rows)})",
                                    REBUILD_HINT)
            try:  # a command of FTS5, run as an INSERT: it needs the write lock, writes nothing
                self.conn.execute("INSERT INTO search(search) VALUES ('integrity-check')")
            finally:
                self.conn.rollback()
        except sqlite3.DatabaseError as exc:
            raise _database_error(name, exc) from None

    def clear(self) -> None:
        """Delete every row of every table, stray ones included (within a transaction)."""
        self.conn.execute("PRAGMA defer_foreign_keys = ON")
        for table in reversed(TABLES):  # children before the rows they refer to
            self.conn.execute(f"DELETE FROM {table}")

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading what import needs ------------------------------------------------------------

    def file_states(self) -> dict[str, tuple[str, str, int, int]]:
        """path -> (trip id, sha256, size, mtime_ns) of every imported file."""
        try:
            return {r[0]: (r[1], r[2], r[3], r[4]) for r in
                    self.conn.execute("SELECT path, trip_id, sha256, size, mtime_ns FROM files")}
        except sqlite3.DatabaseError as exc:
            raise _database_error(display_path(self.path), exc) from None

    def trip_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM trips").fetchone()[0]

    # -- writing ----------------------------------------------------------------------------

    @property
    def transaction(self) -> "_Transaction":
        return _Transaction(self)

    def delete_trip(self, trip_id: str) -> None:
        c = self.conn
        rows = [r[0] for r in c.execute("SELECT row FROM search_rows WHERE trip_id = ?", (trip_id,))]
        c.executemany("DELETE FROM search WHERE rowid = ?", ((r,) for r in rows))
        c.execute("DELETE FROM search_rows WHERE trip_id = ?", (trip_id,))
        # Children first: composite foreign keys cascade, but explicit deletes are clearer
        # and do not depend on PRAGMA foreign_keys being on.
        for table in ("event_organisations", "event_people", "event_sources", "agreement_parties",
                      "agreement_signatories", "agreement_sources", "quote_sources", "day_places",
                      "events", "agreements", "quotes", "days", "sources", "trip_organisations",
                      "trip_people", "trip_documents"):
            c.execute(f"DELETE FROM {table} WHERE trip_id = ?", (trip_id,))
        c.execute("DELETE FROM files WHERE trip_id = ?", (trip_id,))
        c.execute("DELETE FROM trips WHERE id = ?", (trip_id,))

    def drop_orphans(self) -> None:
        """Remove entities, cities and destinations no trip refers to any more."""
        c = self.conn
        c.execute("DELETE FROM organisations WHERE id NOT IN (SELECT organisation_id FROM trip_organisations)")
        c.execute("DELETE FROM people WHERE id NOT IN (SELECT person_id FROM trip_people)")
        c.execute("DELETE FROM home_cities WHERE id NOT IN (SELECT home_city_id FROM trips)")
        c.execute("DELETE FROM destinations WHERE key NOT IN (SELECT destination_key FROM day_places)")

    def write_trip(self, trip: Trip | TripRows, path: str, sha256: str, size: int,
                   mtime_ns: int) -> None:
        """Insert one trip (its old rows must have been deleted) and its search rows.

        `trip` may also be the rows `trip_rows()` made of it beforehand (import builds them
        in its worker processes): then only SQLite's part of the work is left here.
        """
        rows = trip if isinstance(trip, TripRows) else trip_rows(trip)
        c = self.conn
        c.execute(_upsert("home_cities", 7), rows.home_city)
        c.execute("INSERT INTO trips VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (*rows.trip, path))
        c.execute("INSERT INTO files VALUES (?,?,?,?,?)", (path, rows.trip_id, sha256, size, mtime_ns))
        # One executemany per table and trip instead of one execute per row: the same rows,
        # in an order that inserts every row after the rows it refers to.
        for sql, table_rows in rows.tables:
            c.executemany(sql, table_rows)
        # Explicit rowids let the index rows and their map go in with one executemany each.
        first = self._next_search_row()
        numbered = range(first, first + len(rows.search))
        c.executemany(_SEARCH_INSERT, [(n, *row) for n, row in zip(numbered, rows.search)])
        c.executemany("INSERT INTO search_rows VALUES (?,?)", [(rows.trip_id, n) for n in numbered])
        if self._next_search_rowid is not None:  # counted within the transaction
            self._next_search_rowid = numbered.stop

    def _next_search_row(self) -> int:
        """The rowid SQLite would give the next row of the index (the largest one plus 1).

        Asked once per transaction and then counted here: any read of an FTS5 table makes it
        write out the terms it was gathering in memory, and doing that for every trip made
        each write cost five times more in a store of 10,000 trips (see docs/performance.md).
        """
        if self._next_search_rowid:
            return self._next_search_rowid
        last = self.conn.execute("SELECT max(rowid) FROM search").fetchone()[0]
        first = (last or 0) + 1
        if self._next_search_rowid is not None:
            self._next_search_rowid = first
        return first


_COLUMNS = {
    "home_cities": ("id", "name_ko", "name_en", "name_plain", "province_ko", "province_en", "country"),
    "organisations": ("id", "name_ko", "name_en", "name_plain", "kind", "aliases"),
    "people": ("id", "name_ko", "name_en", "name_plain", "aliases", "role_ko", "role_en",
               "organisation_id"),
}


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


def trip_rows(trip: Trip) -> TripRows:
    """The rows `Store.write_trip` inserts for a trip (all but its `files` row)."""
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
                           *_lang_cols(e.description)))
            event_links["event_organisations"] += _links(tid, e.id, e.organisations)
            event_links["event_people"] += _links(tid, e.id, e.people)
            event_links["event_sources"] += _links(tid, e.id, e.sources)
    tables += [
        ("INSERT INTO days VALUES (?,?,?)", days),
        ("INSERT OR IGNORE INTO destinations VALUES (?,?,?,?,?,?)", destinations),
        ("INSERT INTO day_places VALUES (?,?,?,?)", day_places),
        ("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?)", events),
        *((f"INSERT INTO {table} VALUES (?,?,?)", links) for table, links in event_links.items()),
        ("INSERT INTO agreements VALUES (?,?,?,?,?,?,?,?,?,?)",
         [(tid, a.id, a.kind, *_text_cols(a.title), a.date.isoformat() if a.date else None,
           *_lang_cols(a.scope), a.event) for a in trip.agreements]),
        ("INSERT INTO agreement_parties VALUES (?,?,?)",
         [row for a in trip.agreements for row in _links(tid, a.id, a.parties)]),
        ("INSERT INTO agreement_signatories VALUES (?,?,?)",
         [row for a in trip.agreements for row in _links(tid, a.id, a.signatories)]),
        ("INSERT INTO agreement_sources VALUES (?,?,?)",
         [row for a in trip.agreements for row in _links(tid, a.id, a.sources)]),
        ("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?)",
         [(tid, q.id, q.speaker, q.date.isoformat() if q.date else None, q.event,
           q.original.lang, q.original.text, *_translation_cols(q)) for q in trip.quotes]),
        ("INSERT INTO quote_sources VALUES (?,?,?)",
         [row for q in trip.quotes for row in _links(tid, q.id, q.sources)]),
    ]
    return TripRows(
        trip_id=tid,
        home_city=(hc.id, *_text_cols(hc.name), hc.province.get("ko"), hc.province.get("en"),
                   hc.country),
        trip=(tid, hc.id, *_text_cols(trip.title), trip.start.isoformat(), trip.end.isoformat(),
              trip.year, trip.day_count, trip.status, span.days if span else None,
              span.nights if span else None, span.text if span else None, trip.leader.person),
        tables=[(sql, rows) for sql, rows in tables if rows],
        search=list(search_rows(trip)),
    )


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


def search_rows(trip: Trip) -> Iterator[tuple[str, str, str, str | None, str, str, str]]:
    """(body, kind, trip id, date, ref, Korean label, English label) for every searchable item.

    `ref` says where a hit leads: `trip`, `day:<date>`, `event:<id>`, `agreement:<id>`,
    `quote:<id>`, `organisation:<id>`, `person:<id>`.
    """

    def body(*parts: object) -> str:
        strings: list[str] = []
        for part in parts:
            if isinstance(part, Text):
                strings.extend(part.all_strings())
            elif isinstance(part, (list, tuple)):
                strings.extend(str(x) for x in part)
            elif part:
                strings.append(str(part))
        return index_text("\n".join(strings))

    tid = trip.id
    yield (body(trip.title, trip.home_city.name, trip.purpose, *trip.themes,
                trip.delegation.description), "trip", tid, trip.start.isoformat(), "trip",
           *_labels(trip.title))
    for day in trip.days:
        places = [p.city for p in day.places]
        if places or day.notes:
            label = ", ".join(p.city.get("ko") for p in day.places)
            label_en = ", ".join(p.city.get("en") for p in day.places)
            yield (body(*places, day.notes), "day", tid, day.date.isoformat(),
                   f"day:{day.date.isoformat()}", label, label_en)
        for e in day.events:
            yield (body(e.title, e.description, e.place.city if e.place else None,
                        e.place.venue if e.place else None),
                   "event", tid, day.date.isoformat(), f"event:{e.id}", *_labels(e.title))
    for a in trip.agreements:
        parties = [o.name for o in trip.organisations if o.id in a.parties]
        yield (body(a.title, a.scope, a.kind, AGREEMENT_KIND_NAMES.get(a.kind, ()), *parties),
               "agreement", tid,
               a.date.isoformat() if a.date else None, f"agreement:{a.id}", *_labels(a.title))
    for q in trip.quotes:
        speaker = trip.person(q.speaker)
        yield (body(q.original.text, q.translation.text if q.translation else None, q.context,
                    speaker.name if speaker else None), "quote", tid,
               q.date.isoformat() if q.date else None, f"quote:{q.id}",
               q.original.text, q.translation.text if q.translation else q.original.text)
    for o in trip.organisations:
        yield (body(o.name, list(o.aliases)), "organisation", tid, None, f"organisation:{o.id}",
               *_labels(o.name))
    for p in trip.people:
        yield (body(p.name, list(p.aliases), p.role), "person", tid, None, f"person:{p.id}",
               *_labels(p.name))


class _Transaction:
    """`with store.transaction:` — BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> Store:
        try:
            self.store.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _database_error(display_path(self.store.path), exc) from None
        self.store._next_search_rowid = 0
        return self.store

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.store._next_search_rowid = None
        if exc_type is None:
            try:
                self.store.conn.execute("COMMIT")
                return
            except sqlite3.DatabaseError as error:
                self._rollback()
                raise _database_error(display_path(self.store.path), error) from None
        self._rollback()
        if isinstance(exc, sqlite3.DatabaseError):  # a damaged file found while writing
            raise _database_error(display_path(self.store.path), exc) from None

    def _rollback(self) -> None:
        if self.store.conn.in_transaction:
            try:
                self.store.conn.execute("ROLLBACK")
            except sqlite3.DatabaseError:
                pass  # SQLite rolls a failed transaction back by itself


def _connect(path: Path, readonly: bool, immutable: bool = False) -> tuple[sqlite3.Connection, int, set[str]]:
    """A connection with our settings, the schema version and the table names."""
    if readonly:
        flags = "?mode=ro&immutable=1" if immutable else "?mode=ro"
        conn = sqlite3.connect(path.absolute().as_uri() + flags, uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn, version, tables


def _database_error(name: str, exc: sqlite3.DatabaseError) -> TripdeskError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return TripdeskError(f"{name}: the database is busy: another tripdesk import is running",
                             "wait for it to finish, then run the command again")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return CannotWrite(f"{name}: cannot write the database here ({text})",
                             "make the folder writable, or choose another place with --db PATH "
                             "or TRIPDESK_DB")
    if "full" in text:  # SQLITE_FULL: the transaction was rolled back, nothing was written
        return TripdeskError(f"{name}: the disk is full; nothing was written ({text})",
                             "free some space, then run the command again")
    if "not a database" in text or "malformed" in text or "disk image" in text:
        return UnusableStore(f"{name}: the file is not a usable tripdesk database ({text})",
                             REBUILD_HINT)
    return TripdeskError(f"{name}: database error: {text}", REBUILD_HINT)


_F = TypeVar("_F", bound=Callable[..., Any])


def guarded(func: _F) -> _F:
    """Report an SQLite error of a function that takes the store first as a TripdeskError.

    A damaged page can go unnoticed until a query reads it; the user then gets the message
    and its fix (`tripdesk import --rebuild`) instead of a traceback.
    """

    @functools.wraps(func)
    def wrapper(store: "Store", *args: Any, **kwargs: Any) -> Any:
        try:
            return func(store, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise _database_error(display_path(store.path), exc) from None

    return wrapper  # type: ignore[return-value]


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
