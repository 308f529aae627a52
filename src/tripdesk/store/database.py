"""`Store`: an open tripdesk database, read and written through plain SQL."""

from __future__ import annotations

import functools
import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..i18n import messages
from ..problems import TripdeskError, display_path
from .connection import (
    BUSY_TIMEOUT_MS,
    FIRST_BUILD_TIMEOUT_MS,
    REBUILD_HINT,
    WRITE_HINT,
    CannotWrite,
    UnreadableWal,
    UnusableStore,
    _database_error,
    _Transaction,
    _version_and_tables,
    connect,
    connect_readonly,
    sqlite_utils_db,
)
from .rows import _SEARCH_INSERT, TripRows, _upsert, trip_rows
from .schema import SCHEMA_VERSION, TABLES, create_schema, schema_differences
from .storefiles import clear_stale_companions, file_stamp, remove_new_store, wal_pending, writable_here

if TYPE_CHECKING:
    import sqlite_utils

    from ..model import Trip


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
        _ = messages()
        try:
            existed = path.exists()
        except OSError as exc:  # in a folder this user cannot search
            raise TripdeskError(_("{name}: cannot reach the database: {reason}").format(
                name=name, reason=exc.strerror), _("choose another place with --db PATH or TRIPDESK_DB")) from None
        if not existed:
            if not create:
                raise TripdeskError(_("{name}: no tripdesk database here").format(name=name),
                                    _("run `tripdesk import` to build it from the data files"))
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                # A file where a folder should be is the usual cause: name it.
                blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
                why = (_("{name} is a file, not a folder").format(name=display_path(blocker)) if blocker
                       else exc.strerror)
                raise TripdeskError(_("{name}: cannot create the folder for the database: {reason}").format(
                    name=name, reason=why), _("choose another place with --db PATH or TRIPDESK_DB")) from None
        elif not readonly:
            if not os.access(path, os.W_OK):  # before SQLite, which would open it read-only
                raise CannotWrite(_("{name}: cannot write the database here (the file is read-only)").format(
                    name=name), _(WRITE_HINT))
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
                raise TripdeskError(_("{name}: the database is empty").format(name=name), _("run `tripdesk import`"))
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
                _("{name}: the database has schema version {version}, newer than this tripdesk "
                  "understands ({ours})").format(name=name, version=version, ours=SCHEMA_VERSION),
                _("update tripdesk (git pull in your checkout, then pip install -e . again), or use "
                  "another database with --db PATH, or run `tripdesk import --rebuild` to build a new "
                  "store from the data files"))
        if 0 < version < SCHEMA_VERSION and "trips" in tables:
            conn.close()
            raise UnusableStore(_("{name}: the database was made by an older tripdesk (schema "
                                  "version {version}; this one uses {ours}) and must be built again "
                                  "from the data files").format(name=name, version=version, ours=SCHEMA_VERSION),
                                _(REBUILD_HINT))
        if version != SCHEMA_VERSION or "trips" not in tables:
            conn.close()
            raise UnusableStore(_("{name}: this is not a tripdesk database (schema version "
                                  "{version})").format(name=name, version=version), _(REBUILD_HINT))
        if missing := [t for t in TABLES if t not in tables]:
            conn.close()
            raise UnusableStore(_.ngettext(
                "{name}: the database lacks the table {tables}; it is damaged or was changed by "
                "another program",
                "{name}: the database lacks the tables {tables}; it is damaged or was changed by "
                "another program", len(missing)).format(name=name, tables=", ".join(missing)),
                _(REBUILD_HINT))
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
            _ = messages()
            if rows != ["ok"]:
                raise UnusableStore(_("{name}: the database is damaged ({problems})").format(
                    name=name, problems="; ".join(rows)), _(REBUILD_HINT))
            if differences := schema_differences(self.db):  # a rebuild would keep them
                raise UnusableStore(_("{name}: the database's tables are not those this tripdesk "
                                      "makes ({differences})").format(
                    name=name, differences="; ".join(differences[:3])), _(REBUILD_HINT))
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

