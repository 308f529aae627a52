"""The SQLite store: schema, opening with checks, and writing trips in one transaction.

Tables are normalised (cities, trips, days, places, events, organisations, people,
agreements, quotes, sources and link tables) with foreign keys and indexes, so that the desk
can ask "which trips went to Seattle?" or "what did this organisation sign?" in SQL. Each trip
also keeps its whole document (`trip_documents`), which is what it reads back as and what
the JSON export writes. `search` is an FTS5 index over every searchable text, in the bigram
form of `textindex`. The schema version lives in `PRAGMA user_version` and is checked on open.
The tables are declared once (`SCHEMA`): sqlite-utils creates them, and `tripdesk doctor`
compares a store with them through sqlite-utils' introspection. Reads and the bulk writes of
an import are plain SQL (`executemany`), on the hot paths, without sqlite-utils.

Writes happen inside one `BEGIN IMMEDIATE` transaction: a failed or killed import leaves the
database exactly as it was (SQLite's journal rolls it back), and a second import running at
the same time waits for the lock (2 s at most, then is told so), then checks that nothing was
committed since it read the store (`PRAGMA data_version`), else plans again under the lock.
A new store's tables are created under the lock too, so two first launches build it once.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, NamedTuple, TypeVar

from .paths import user_path
from .problems import TripdeskError, display_path
from .storefiles import (clear_stale_companions, companion, file_stamp, remove_new_store, wal_pending,
                         writable_here)
from .text import Text
from .textindex import index_text

if TYPE_CHECKING:
    import sqlite_utils

    from .articles import SourceArticle
    from .model import Agreement, Evidence, Quote, Trip

# The model (and the document it is stored as) is imported where trips are written, not here:
# the desk opens the store before its first frame, which needs none of it (see `text`).

# 2: the evidence and articles tables, and the excerpts in the search index.
# 3: agreements.status and status_date (an agreement's status, its excerpts in `evidence`).
# 4: what real articles say (issue 16): home_cities.kind (a province or a national body as the
#    home, without a province), quotes by an unnamed speaker (speaker_id NULL, speaker_role_*,
#    organisation_id), agreements.unnamed_parties; stops without a day (stops, stop_places,
#    and events.stop with a NULL events.date for their events).
SCHEMA_VERSION = 4
BUSY_TIMEOUT_MS = 2000
REBUILD_HINT = "run `tripdesk import --rebuild` to build a new store from the data files"
# tripdesk is installed from a clone of its repository (README), not from a package index.
UPDATE_HINT = "update tripdesk (git pull in your checkout, then pip install -e . again)"
# How long opening a store that has no tables yet waits for another process creating them
# (a first launch builds the store from the bundled data while it holds the lock).
FIRST_BUILD_TIMEOUT_MS = 30_000


class UnusableStore(TripdeskError):
    """The file is not a store this tripdesk can use (not SQLite, damaged, another schema).

    `tripdesk import --rebuild` sets such a file aside (see `set_aside`) and builds a new one.
    """


class CannotWrite(TripdeskError):
    """The database (or the folder it is in) cannot be written; it may still be read."""


class DiskFull(CannotWrite):
    """The disk holding the database is full: nothing was written; it may still be read."""


WRITE_HINT = "make the folder writable, or choose another place with --db PATH or TRIPDESK_DB"


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
        return user_path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("tripdesk", appauthor=False)) / "tripdesk.db"


# -- schema ---------------------------------------------------------------------------------
#
# The tables, declared once: sqlite-utils creates them from these declarations (`create_schema`)
# and `tripdesk doctor` compares a store with them through sqlite-utils' introspection. A
# column is `name`, `name:int` (INTEGER; TEXT otherwise), with `!` for NOT NULL. The
# declarations are NamedTuples rather than frozen dataclasses: as read-only, and their classes
# are made several times faster when this module is imported, before the desk's first frame.


class Ref(NamedTuple):
    """A foreign key: `columns` refer to `other_columns` of `table`."""

    columns: tuple[str, ...]
    table: str
    other_columns: tuple[str, ...]
    on_delete: str = "NO ACTION"


class Index(NamedTuple):
    name: str
    columns: tuple[str, ...]
    unique: bool = False


class TableSpec(NamedTuple):
    name: str
    columns: tuple[tuple[str, type], ...]  # (name, str or int), in order
    pk: tuple[str, ...]
    not_null: frozenset[str]
    refs: tuple[Ref, ...] = ()
    indexes: tuple[Index, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(name for name, _type in self.columns)


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(","))


def _ref(columns: str, table: str, other_columns: str = "id", *, cascade: bool = False) -> Ref:
    return Ref(_names(columns), table, _names(other_columns), "CASCADE" if cascade else "NO ACTION")


def _table(name: str, columns: str, pk: str, *, refs: tuple[Ref, ...] = (),
           indexes: tuple[tuple[str, str], ...] = (), unique: tuple[tuple[str, str], ...] = ()) -> TableSpec:
    cols: list[tuple[str, type]] = []
    not_null = set()
    for column in _names(columns):
        if column.endswith("!"):
            column = column[:-1]
            not_null.add(column.split(":")[0])
        column, _, kind = column.partition(":")
        cols.append((column, int if kind == "int" else str))
    return TableSpec(name, tuple(cols), _names(pk), frozenset(not_null), refs,
                     tuple(Index(n, _names(c)) for n, c in indexes)
                     + tuple(Index(n, _names(c), unique=True) for n, c in unique))


_TRIP = _ref("trip_id", "trips", cascade=True)

SCHEMA: tuple[TableSpec, ...] = (
    _table("home_cities", "id, name_ko, name_en, name_plain, province_ko, province_en, country!, kind!", "id"),
    # A file's trip id is unique: a unique index (the store's first schema had it as a UNIQUE
    # column constraint, which enforces the same; doctor accepts either).
    _table("files", "path, trip_id!, sha256!, size:int!, mtime_ns:int!", "path",
           unique=(("files_trip_id", "trip_id"),)),
    _table("trips", "id, home_city_id!, title_ko, title_en, title_plain, start!, end!, year:int!, "
           "day_count:int!, status!, span_days:int, span_nights:int, span_text, leader_id, file_path!",
           "id", refs=(_ref("home_city_id", "home_cities"),),
           indexes=(("trips_home_city", "home_city_id, start"), ("trips_start", "start"))),
    _table("trip_documents", "trip_id, document!", "trip_id", refs=(_TRIP,)),
    _table("organisations", "id, name_ko, name_en, name_plain, kind, aliases", "id"),
    _table("people", "id, name_ko, name_en, name_plain, aliases, role_ko, role_en, organisation_id", "id"),
    _table("trip_organisations", "trip_id!, organisation_id!", "trip_id, organisation_id",
           refs=(_TRIP, _ref("organisation_id", "organisations")),
           indexes=(("trip_organisations_org", "organisation_id"),)),
    _table("trip_people", "trip_id!, person_id!", "trip_id, person_id",
           refs=(_TRIP, _ref("person_id", "people")), indexes=(("trip_people_person", "person_id"),)),
    _table("sources", "trip_id!, id!, outlet, headline_ko, headline_en, published, file, url, language",
           "trip_id, id", refs=(_TRIP,)),
    _table("destinations", "key, city_ko, city_en, city_plain, state, country", "key"),
    _table("days", "trip_id!, date!, day_number:int!", "trip_id, date", refs=(_TRIP,)),
    _table("day_places", "trip_id!, date!, position:int!, destination_key!", "trip_id, date, position",
           refs=(_ref("destination_key", "destinations", "key"),
                 _ref("trip_id, date", "days", "trip_id, date", cascade=True)),
           indexes=(("day_places_destination", "destination_key, trip_id"),)),
    # Schema version 4: where the sources give no day, a stop (its position in the file's
    # `stops`, from 0) over `start`..`end`, or with neither ("during the trip").
    _table("stops", "trip_id!, position:int!, start, end", "trip_id, position", refs=(_TRIP,)),
    _table("stop_places", "trip_id!, stop:int!, position:int!, destination_key!", "trip_id, stop, position",
           refs=(_ref("destination_key", "destinations", "key"),
                 _ref("trip_id, stop", "stops", "trip_id, position", cascade=True)),
           indexes=(("stop_places_destination", "destination_key, trip_id"),)),
    # An event of a day has its date; one of a stop without a day, its stop (and no date).
    _table("events", "trip_id!, id!, date, position:int!, time, kind!, title_ko, title_en, title_plain, "
           "description_ko, description_en, stop:int", "trip_id, id",
           refs=(_ref("trip_id, date", "days", "trip_id, date", cascade=True),
                 _ref("trip_id, stop", "stops", "trip_id, position", cascade=True)),
           indexes=(("events_day", "trip_id, date, position"),)),
    _table("event_organisations", "trip_id!, event_id!, organisation_id!",
           "trip_id, event_id, organisation_id",
           refs=(_ref("organisation_id", "organisations"),
                 _ref("trip_id, event_id", "events", "trip_id, id", cascade=True)),
           indexes=(("event_organisations_org", "organisation_id"),)),
    _table("event_people", "trip_id!, event_id!, person_id!", "trip_id, event_id, person_id",
           refs=(_ref("person_id", "people"), _ref("trip_id, event_id", "events", "trip_id, id", cascade=True)),
           indexes=(("event_people_person", "person_id"),)),
    _table("event_sources", "trip_id!, event_id!, source_id!", "trip_id, event_id, source_id",
           refs=(_ref("trip_id, event_id", "events", "trip_id, id", cascade=True),
                 _ref("trip_id, source_id", "sources", "trip_id, id", cascade=True))),
    # Schema version 3: status (one of model.AGREEMENT_STATUSES, 'unknown' when the file
    # gives none) and the date the agreement reached it; its excerpts are in `evidence`.
    _table("agreements", "trip_id!, id!, kind!, title_ko, title_en, title_plain, date, scope_ko, scope_en, "
           "event_id, status!, status_date, unnamed_parties", "trip_id, id", refs=(_TRIP,),
           indexes=(("agreements_kind", "kind"), ("agreements_date", "date"))),
    _table("agreement_parties", "trip_id!, agreement_id!, organisation_id!",
           "trip_id, agreement_id, organisation_id",
           refs=(_ref("organisation_id", "organisations"),
                 _ref("trip_id, agreement_id", "agreements", "trip_id, id", cascade=True)),
           indexes=(("agreement_parties_org", "organisation_id"),)),
    _table("agreement_signatories", "trip_id!, agreement_id!, person_id!", "trip_id, agreement_id, person_id",
           refs=(_ref("person_id", "people"),
                 _ref("trip_id, agreement_id", "agreements", "trip_id, id", cascade=True))),
    _table("agreement_sources", "trip_id!, agreement_id!, source_id!", "trip_id, agreement_id, source_id",
           refs=(_ref("trip_id, agreement_id", "agreements", "trip_id, id", cascade=True),
                 _ref("trip_id, source_id", "sources", "trip_id, id", cascade=True))),
    # speaker_id is NULL for a speaker the sources do not name; speaker_role_* say who they
    # are (the quote's role) and organisation_id for whom they spoke.
    _table("quotes", "trip_id!, id!, speaker_id, date, event_id, original_lang!, original_text!, "
           "translation_lang, translation_text, translation_by, speaker_role_ko, speaker_role_en, "
           "organisation_id", "trip_id, id",
           refs=(_TRIP, _ref("speaker_id", "people"), _ref("organisation_id", "organisations")),
           indexes=(("quotes_speaker", "speaker_id"),)),
    _table("quote_sources", "trip_id!, quote_id!, source_id!", "trip_id, quote_id, source_id",
           refs=(_ref("trip_id, quote_id", "quotes", "trip_id, id", cascade=True),
                 _ref("trip_id, source_id", "sources", "trip_id, id", cascade=True))),
    # Schema version 2. The excerpts each record rests on, in the file's order: `ref` names
    # the record as the search index does (trip, day:<date>, event:<id>, agreement:<id>,
    # quote:<id>), so SQL can ask which facts rest on a source.
    _table("evidence", "trip_id!, ref!, position:int!, source_id!, text!", "trip_id, ref, position",
           refs=(_ref("trip_id, source_id", "sources", "trip_id, id", cascade=True),),
           indexes=(("evidence_source", "trip_id, source_id"),)),
    # Each source's article file as import found it: its text (NULL when the file was not
    # found), where it was found and the folders it was looked for in, so that the desk shows
    # the article, or says where it looked, without the file; the found file's size and
    # time, so that a re-import sees it changed (or one found where none was) and reads the
    # trip again.
    _table("articles", "trip_id!, source_id!, file!, found, text, encoding, looked_in!, size:int, mtime_ns:int",
           "trip_id, source_id", refs=(_ref("trip_id, source_id", "sources", "trip_id, id", cascade=True),)),
)

# What sqlite-utils does not create: the FTS5 index (a virtual table with its own tokenizer
# and unindexed columns) and a WITHOUT ROWID table.
VIRTUAL_SCHEMA = {
    "search": """CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    body, kind UNINDEXED, trip_id UNINDEXED, date UNINDEXED, ref UNINDEXED,
    label_ko UNINDEXED, label_en UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
)""",
    # FTS5 cannot index its UNINDEXED columns, so deleting a trip's rows by trip_id would scan
    # the whole index: this map lets a re-import delete them by rowid instead.
    "search_rows": """CREATE TABLE IF NOT EXISTS search_rows (
    trip_id TEXT NOT NULL, row INTEGER NOT NULL, PRIMARY KEY (trip_id, row)
) WITHOUT ROWID""",
}

TABLES = (*(spec.name for spec in SCHEMA), *VIRTUAL_SCHEMA)


def create_schema(db: "sqlite_utils.Database") -> None:
    """Create every table and index that is not there yet (inside the caller's transaction)."""
    from sqlite_utils.db import ForeignKey

    for spec in SCHEMA:
        table = db.table(spec.name)
        table.create(
            dict(spec.columns), pk=spec.pk[0] if len(spec.pk) == 1 else spec.pk,
            not_null=spec.not_null, if_not_exists=True,
            foreign_keys=[ForeignKey(spec.name, ref.columns[0] if len(ref.columns) == 1 else None,
                                     ref.table,
                                     ref.other_columns[0] if len(ref.columns) == 1 else None,
                                     columns=ref.columns, other_columns=ref.other_columns,
                                     is_compound=len(ref.columns) > 1, on_delete=ref.on_delete)
                          for ref in spec.refs])
        for index in spec.indexes:
            table.create_index(index.columns, index_name=index.name, unique=index.unique,
                               if_not_exists=True)
    for sql in VIRTUAL_SCHEMA.values():
        db.execute(sql)


def schema_differences(db: "sqlite_utils.Database") -> list[str]:
    """How the store's tables differ from those this tripdesk creates (`SCHEMA`): each
    column's type, NOT NULL and primary key, the foreign keys and the indexes, as sqlite-utils
    reads them from SQLite. Quoting and the order of constraints do not matter, nor whether a
    unique index was declared as one or as a UNIQUE constraint (the first stores had that)."""
    out: list[str] = []
    for spec in SCHEMA:
        table = db.table(spec.name)
        if not table.exists():
            out.append(f"the table {spec.name} is missing")
            continue
        found = {c.name: c for c in table.columns}
        for column, kind in spec.columns:
            c = found.pop(column, None)
            want = ("INTEGER" if kind is int else "TEXT", column in spec.not_null,
                    spec.pk.index(column) + 1 if column in spec.pk else 0)
            if c is None:
                out.append(f"the table {spec.name} lacks the column {column}")
            elif (c.type.upper(), bool(c.notnull), c.is_pk) != want:
                out.append(f"the column {spec.name}.{column} is {_describe(c.type, c.notnull, c.is_pk)}, "
                           f"not {_describe(*want)}")
        out += [f"the table {spec.name} has a column {column} this tripdesk does not make"
                for column in found]
        keys = {(tuple(fk.columns), fk.other_table, tuple(fk.other_columns), fk.on_delete.upper())
                for fk in table.foreign_keys}
        for ref in spec.refs:
            if (ref.columns, ref.table, ref.other_columns, ref.on_delete) not in keys:
                out.append(f"the table {spec.name} lacks the foreign key ({', '.join(ref.columns)}) "
                           f"-> {ref.table}({', '.join(ref.other_columns)})"
                           + (f" ON DELETE {ref.on_delete}" if ref.on_delete != "NO ACTION" else ""))
        if len(keys) > len(spec.refs):
            out.append(f"the table {spec.name} has foreign keys this tripdesk does not make")
        indexes = {(tuple(ix.columns), bool(ix.unique)) for ix in table.indexes}
        for index in spec.indexes:
            if (index.columns, index.unique) not in indexes:
                out.append(f"the table {spec.name} lacks the {'unique ' if index.unique else ''}"
                           f"index {index.name} on ({', '.join(index.columns)})")
    if db.table("search").exists() and db.table("search").virtual_table_using != "FTS5":
        out.append("the table search is not an FTS5 index")
    return out


def _describe(kind: str, not_null: object, pk: int) -> str:
    return " ".join([kind.upper() or "untyped", *(["NOT NULL"] if not_null else []),
                     *([f"part {pk} of the primary key"] if pk else [])])


# -- opening --------------------------------------------------------------------------------


class Store:
    """An open tripdesk database. Use `Store.open()`."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        # Whether this process created the store's tables (and, with `Store.open(fill=...)`,
        # filled it) when it opened it.
        self.created = False
        # The next rowid of the index while `transaction` is open (0 until first needed);
        # None outside it.
        self._next_search_rowid: int | None = None
        # How many `with store.transaction:` blocks are open: an inner one is part of the
        # outer one, which alone begins and commits.
        self._depth = 0
        # Of a store read as immutable (see `connect`): its file's stamp when it was opened,
        # and how many times it was opened again since because the file changed.
        self._immutable_stamp: tuple[int, int, int] | None = None
        self._reopened = 0

    @functools.cached_property
    def db(self) -> "sqlite_utils.Database":
        """sqlite-utils over the same connection, imported on first use: importing it (with
        click, pluggy and dateutil) took ~70 ms of every start of the desk, which never needs
        it. It creates the schema (`create_schema`) and `tripdesk doctor` reads the schema
        through it; the reads of the desk and the writes of an import are plain SQL, because
        they run thousands to hundreds of thousands of times."""
        return sqlite_utils_db(self.conn)

    @classmethod
    def open(cls, path: Path, *, create: bool = True, readonly: bool = False,
             fill: Callable[["Store"], object] | None = None) -> "Store":
        """Open (and with `create`, create) a store, checking that it is one we can use.

        A store is created when the file is missing or holds no tables yet (a zero-byte file,
        or one whose first build failed). `fill(store)` then runs in the same transaction as
        the creation of the tables: another process opening the file meanwhile waits for it
        and finds the store complete, never new and empty.
        """
        name = display_path(path)
        try:
            existed = path.exists()
        except OSError as exc:  # in a folder this user cannot search
            raise TripdeskError(f"{name}: cannot reach the database: {exc.strerror}",
                                "choose another place with --db PATH or TRIPDESK_DB") from None
        if not existed:
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
        elif not readonly:
            if not os.access(path, os.W_OK):  # before SQLite, which would open it read-only
                raise CannotWrite(f"{name}: cannot write the database here (the file is read-only)",
                                  WRITE_HINT)
            clear_stale_companions(path)
        stamp = file_stamp(path)  # before it is opened: a change after it is seen (reopen_if_changed)
        immutable = False
        try:
            if readonly:
                conn, version, tables, immutable = connect_readonly(path)
            else:
                conn, version, tables = connect(path)
        except sqlite3.DatabaseError as exc:
            if readonly and wal_pending(path) and not writable_here(path):
                raise UnreadableWal(name) from None
            raise _database_error(name, exc, path) from None
        store = cls(path, conn)
        if immutable:
            store._immutable_stamp = stamp
        if version == 0 and not tables:
            if readonly:
                conn.close()
                raise TripdeskError(f"{name}: the database is empty", "run `tripdesk import`")
            try:
                version, tables = store._create_schema(fill)
            except BaseException:
                conn.close()
                if not existed:  # the first build failed: no empty store is left behind
                    remove_new_store(path)
                raise
        if version > SCHEMA_VERSION:
            conn.close()
            raise UnusableStore(
                f"{name}: the database has schema version {version}, newer than this tripdesk "
                f"understands ({SCHEMA_VERSION})",
                f"{UPDATE_HINT}, or use another database with --db PATH, or {REBUILD_HINT}")
        if 0 < version < SCHEMA_VERSION and "trips" in tables:
            conn.close()
            raise UnusableStore(f"{name}: the database was made by an older tripdesk (schema "
                                f"version {version}; this one uses {SCHEMA_VERSION}) and must be "
                                "built again from the data files", REBUILD_HINT)
        if version != SCHEMA_VERSION or "trips" not in tables:
            conn.close()
            raise UnusableStore(f"{name}: this is not a tripdesk database (schema version "
                                f"{version})", REBUILD_HINT)
        if missing := [t for t in TABLES if t not in tables]:
            conn.close()
            raise UnusableStore(f"{name}: the database lacks the table{'s' if len(missing) > 1 else ''} "
                                f"{', '.join(missing)}; it is damaged or was changed by another "
                                "program", REBUILD_HINT)
        return store

    def _create_schema(self, fill: Callable[["Store"], object] | None) -> tuple[int, set[str]]:
        """Create the tables under the write lock, unless another process did first; fill
        them in the same transaction. The schema version and tables found, as `connect`."""
        # Another launch building the store holds the lock while it reads the bundled data:
        # wait for that (a few seconds at most) rather than give up after the usual timeout.
        self.conn.execute(f"PRAGMA busy_timeout = {FIRST_BUILD_TIMEOUT_MS}")
        try:
            self._use_wal()
            with self.transaction:
                version, tables = _version_and_tables(self.conn)
                if version == 0 and not tables:
                    create_schema(self.db)
                    self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                    self.created = True
                    if fill is not None:
                        fill(self)
                    version, tables = _version_and_tables(self.conn)
        except sqlite3.DatabaseError as exc:
            self.created = False
            raise _database_error(display_path(self.path), exc, self.path) from None
        except BaseException:
            self.created = False
            raise
        finally:
            try:
                self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            except sqlite3.DatabaseError:
                pass  # the error that got here is the one to report
        return version, tables

    def _use_wal(self) -> None:
        """Switch a new database to WAL (not possible inside a transaction), retrying while
        another process switches it at the same moment.

        Two first launches that both read the new file and then ask for the lock to change
        its journal mode would deadlock, so SQLite answers one of them SQLITE_BUSY at once,
        without waiting for the busy timeout: that one tries again.
        """
        deadline = time.monotonic() + FIRST_BUILD_TIMEOUT_MS / 1000
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise _database_error(display_path(self.path), exc, self.path) from None
                time.sleep(0.02)
            except sqlite3.DatabaseError as exc:
                raise _database_error(display_path(self.path), exc, self.path) from None

    def close(self) -> None:
        self.conn.close()

    def check_integrity(self) -> None:
        """Raise UnusableStore when SQLite or the full-text index finds the file damaged, or
        its tables are not those this tripdesk makes (a missing index, a changed column).

        `tripdesk import --rebuild` runs it first: such a file is set aside, not reused.
        """
        name = display_path(self.path)
        try:
            rows = [" ".join(r[0].replace("*** in database main ***", "").split())
                    for r in self.conn.execute("PRAGMA quick_check(3)")]
            if rows != ["ok"]:
                raise UnusableStore(f"{name}: the database is damaged ({'; '.join(rows)})",
                                    REBUILD_HINT)
            if differences := schema_differences(self.db):  # a rebuild would keep them
                raise UnusableStore(f"{name}: the database's tables are not those this tripdesk "
                                    f"makes ({'; '.join(differences[:3])})", REBUILD_HINT)
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
            raise _database_error(display_path(self.path), exc, self.path) from None

    def article_states(self) -> dict[str, list[tuple[str, str | None, int | None, int | None]]]:
        """trip file path -> (file as named, path found or None, size, mtime_ns) of each article
        file its import looked for."""
        out: dict[str, list[tuple[str, str | None, int | None, int | None]]] = {}
        for path, *state in self.conn.execute(
                "SELECT f.path, a.file, a.found, a.size, a.mtime_ns FROM articles a "
                "JOIN files f ON f.trip_id = a.trip_id"):
            out.setdefault(path, []).append(tuple(state))  # type: ignore[arg-type]
        return out

    def trip_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM trips").fetchone()[0]

    # -- writing ----------------------------------------------------------------------------

    @property
    def transaction(self) -> "_Transaction":
        return _Transaction(self)

    def transaction_since(self, version: int | None) -> "_Transaction":
        """`transaction`, raising StoreChanged (having written nothing) when another process
        committed since `data_version()` returned `version` (None: no check)."""
        return _Transaction(self, since=version)

    @property
    def in_transaction(self) -> bool:
        """Whether a `with store.transaction:` block is open (and holds the write lock)."""
        return self._depth > 0

    def data_version(self) -> int:
        """SQLite's `PRAGMA data_version`: it changes when another connection commits (and,
        for a store read as immutable, when its file changed and it was opened again)."""
        self.reopen_if_changed()
        return self.conn.execute("PRAGMA data_version").fetchone()[0] + (self._reopened << 40)

    def reopen_if_changed(self) -> None:
        """Open a store read as immutable again once its file changed (its owner imported into
        it): SQLite takes no lock for an immutable read and keeps no track of changes, so the
        old connection would read pages of both versions. Nothing to do for other stores."""
        if self._immutable_stamp is None or file_stamp(self.path) == self._immutable_stamp:
            return
        stamp = file_stamp(self.path)
        try:
            conn, _version, _tables, immutable = connect_readonly(self.path)
        except sqlite3.DatabaseError as exc:
            if wal_pending(self.path) and not writable_here(self.path):
                raise UnreadableWal(display_path(self.path)) from None
            raise _database_error(display_path(self.path), exc, self.path) from None
        old, self.conn = self.conn, conn
        old.close()
        self.__dict__.pop("db", None)  # sqlite-utils over the old connection
        self._immutable_stamp = stamp if immutable else None
        self._reopened += 1

    def delete_trip(self, trip_id: str) -> None:
        c = self.conn
        rows = [r[0] for r in c.execute("SELECT row FROM search_rows WHERE trip_id = ?", (trip_id,))]
        c.executemany("DELETE FROM search WHERE rowid = ?", ((r,) for r in rows))
        c.execute("DELETE FROM search_rows WHERE trip_id = ?", (trip_id,))
        # Children first: composite foreign keys cascade, but explicit deletes are clearer
        # and do not depend on PRAGMA foreign_keys being on.
        for table in ("evidence", "articles", "event_organisations", "event_people", "event_sources",
                      "agreement_parties", "agreement_signatories", "agreement_sources", "quote_sources",
                      "day_places", "stop_places",
                      "events", "agreements", "quotes", "days", "stops", "sources", "trip_organisations",
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
        c.execute("DELETE FROM destinations WHERE key NOT IN (SELECT destination_key FROM day_places) "
                  "AND key NOT IN (SELECT destination_key FROM stop_places)")

    def write_trip(self, trip: Trip | TripRows, path: str, sha256: str, size: int,
                   mtime_ns: int) -> None:
        """Insert one trip (its old rows must have been deleted) and its search rows.

        `trip` may also be the rows `trip_rows()` made of it beforehand (import builds them
        in its worker processes): then only SQLite's part of the work is left here.
        """
        rows = trip if isinstance(trip, TripRows) else trip_rows(trip)
        c = self.conn
        c.execute(_upsert("home_cities", 8), rows.home_city)
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

    from .document import trip_to_document

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
    from .model import AGREEMENT_KIND_NAMES, AGREEMENT_STATUS_NAMES

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
                    AGREEMENT_STATUS_NAMES.get(a.status.value, ()),
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

        from .model import AGREEMENT_STATUS_NAMES

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
                                 strings(scope_ko, scope_en, kind, *AGREEMENT_STATUS_NAMES.get(status, ()))
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


class StoreChanged(Exception):
    """Another process committed to the store after this one read what it plans from."""


class _Transaction:
    """`with store.transaction:` — BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error.

    Inside another `with store.transaction:` of the same store it is part of that one (the
    outer block alone commits or rolls back). `store.transaction_since(version)` also checks,
    once the write lock is held, that nobody committed since `data_version()` was `version`.
    """

    def __init__(self, store: Store, since: int | None = None) -> None:
        self.store = store
        self.since = since

    def __enter__(self) -> Store:
        store = self.store
        if store._depth:
            store._depth += 1
            return store
        try:
            store.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _database_error(display_path(store.path), exc, store.path) from None
        store._depth = 1
        store._next_search_rowid = 0
        if self.since is not None and store.data_version() != self.since:
            self.__exit__(StoreChanged, None, None)
            raise StoreChanged
        return store

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        store = self.store
        store._depth -= 1
        if store._depth:
            return  # the outer block commits, or rolls back on the error passing through it
        store._next_search_rowid = None
        if exc_type is None:
            try:
                store.conn.execute("COMMIT")
                return
            except sqlite3.DatabaseError as error:
                self._rollback()
                raise _database_error(display_path(store.path), error, store.path) from None
        self._rollback()
        if isinstance(exc, sqlite3.DatabaseError):  # a damaged file found while writing
            raise _database_error(display_path(store.path), exc, store.path) from None

    def _rollback(self) -> None:
        if self.store.conn.in_transaction:
            try:
                self.store.conn.execute("ROLLBACK")
            except sqlite3.DatabaseError:
                pass  # SQLite rolls a failed transaction back by itself


def sqlite_utils_db(conn: sqlite3.Connection) -> "sqlite_utils.Database":
    """sqlite-utils over a connection (imported here, on first use: see `Store.db`). Nothing
    more is run on the connection: no plugins, no PRAGMA recursive_triggers."""
    import sqlite_utils

    return sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)


def connect(path: Path, *, readonly: bool = False, create: bool = True,
            isolation_level: str | None = "") -> tuple[sqlite3.Connection, int, set[str]]:
    """A connection with our settings, the schema version and the table names.

    `readonly` opens it read-only, writing nothing beside it that this user could not: where
    this user cannot write the store and its folder (a shared copy, a file made read-only),
    or SQLite cannot create the `-shm` file of the WAL there (a full disk), the store is read
    as immutable, needing no `-shm`, unless its WAL holds transactions the database file does
    not have yet (see `storefiles`). Without `create`, a missing file is an error rather than
    a new database. Raises sqlite3.DatabaseError.
    """
    if not readonly:
        return _connect(path, "rwc" if create else "rw", isolation_level)
    return connect_readonly(path, isolation_level)[:3]


def connect_readonly(path: Path, isolation_level: str | None = "") -> tuple[sqlite3.Connection, int, set[str], bool]:
    """`connect(path, readonly=True)`, and whether the store is read as immutable."""
    if writable_here(path) or companion(path, "-shm").exists():
        try:
            return (*_connect(path, "ro", isolation_level), False)
        except sqlite3.DatabaseError as exc:
            if not (cannot_write(exc) or disk_trouble(exc)) or not path.is_file() or wal_pending(path):
                raise
    elif wal_pending(path):
        # The WAL must be read: SQLite says if it cannot.
        return (*_connect(path, "ro", isolation_level), False)
    return (*_connect(path, "ro", isolation_level, immutable=True), True)


def cannot_write(exc: sqlite3.DatabaseError) -> bool:
    """Whether an error says the database cannot be written where it is (it may be read)."""
    text = str(exc)
    return "readonly" in text or "read-only" in text or "unable to open" in text


def disk_trouble(exc: sqlite3.DatabaseError) -> bool:
    """Whether an error is the disk's (full, or failing to read or write), not the store's."""
    text = str(exc)
    return "disk I/O error" in text or "full" in text


def disk_full(path: Path) -> bool:
    """Whether the file system holding `path` has (almost) no space left for this user."""
    try:
        stats = os.statvfs(path.parent)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < 1024 * 1024


class UnreadableWal(TripdeskError):
    """A store whose WAL holds transactions, in a place where they cannot be read without
    writing a -shm file beside it."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name}: the store's latest changes are still in its -wal file, which "
                         "cannot be read here without writing a -shm file beside it",
                         "run any tripdesk command as a user who can write the folder (it moves the "
                         "changes into the database), or copy the database with its -wal file to a "
                         "folder you can write")


def _connect(path: Path, mode: str, isolation_level: str | None,
             immutable: bool = False) -> tuple[sqlite3.Connection, int, set[str]]:
    if mode == "rwc":
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=isolation_level)
    else:
        flags = f"?mode={mode}" + ("&immutable=1" if immutable else "")
        conn = sqlite3.connect(path.absolute().as_uri() + flags, uri=True, check_same_thread=False,
                               isolation_level=isolation_level)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        version, tables = _version_and_tables(conn)
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn, version, tables


def _version_and_tables(conn: sqlite3.Connection) -> tuple[int, set[str]]:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return version, {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _database_error(name: str, exc: sqlite3.DatabaseError, path: Path | None = None) -> TripdeskError:
    """The error to show for an SQLite error. Only damage found in the file is met with the
    advice to rebuild the store: a full disk, a read-only place or a failing disk is not
    damage, and a rebuild would not help (nor would it keep the trips of other folders)."""
    text = str(exc)
    if isinstance(exc, sqlite3.IntegrityError):
        # Only an import writes, inside one transaction that is now rolled back. It checks
        # that nobody committed since it read the store, so this is not expected; if it comes
        # back, the store's tables disagree with each other, which doctor finds and explains.
        return TripdeskError(f"{name}: the store changed during this import; nothing was "
                             f"written ({text})", "run the import again; if it fails the same "
                             "way, run `tripdesk doctor` to see what is wrong")
    if "locked" in text or "busy" in text:
        return TripdeskError(f"{name}: the database is busy: another tripdesk import is running",
                             "wait for it to finish, then run the command again")
    if cannot_write(exc):
        return CannotWrite(f"{name}: cannot write the database here ({text})", WRITE_HINT)
    # SQLITE_FULL, or an I/O error on a full disk (making the -shm file): the transaction was
    # rolled back, nothing was written.
    if "full" in text or "disk I/O error" in text and path is not None and disk_full(path):
        return DiskFull(f"{name}: the disk is full; nothing was written ({text})",
                        "free some space, then run the command again")
    if "disk I/O error" in text:
        return TripdeskError(f"{name}: the disk could not be read or written ({text}); nothing "
                             "was written", "check the disk (space, permissions, errors in the "
                             "system log), then run the command again; `tripdesk doctor` says "
                             "whether the store itself is damaged")
    if "not a database" in text or "malformed" in text or "disk image" in text:
        return UnusableStore(f"{name}: the file is not a usable tripdesk database ({text})",
                             REBUILD_HINT)
    return TripdeskError(f"{name}: database error: {text}",
                         "run `tripdesk doctor` to see whether the store is damaged and what to do")


_F = TypeVar("_F", bound=Callable[..., Any])


def guarded(func: _F) -> _F:
    """Report an SQLite error of a function that takes the store first as a TripdeskError.

    A damaged page can go unnoticed until a query reads it; the user then gets the message
    and its fix (`tripdesk import --rebuild`) instead of a traceback.
    """

    @functools.wraps(func)
    def wrapper(store: "Store", *args: Any, **kwargs: Any) -> Any:
        try:
            store.reopen_if_changed()  # a stat, for a store read as immutable; else nothing
            return func(store, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise _database_error(display_path(store.path), exc, store.path) from None

    return wrapper  # type: ignore[return-value]


def file_digest(data: bytes) -> str:
    """The sha256 of a file's content, as the `files` table keeps it."""
    import hashlib  # here: ~4 ms of the desk's start-up, which never hashes a file

    return hashlib.sha256(data).hexdigest()
