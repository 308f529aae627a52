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

The modules, read top to bottom:

- `schema`: the tables, declared once, and comparing a store with them;
- `storefiles`: the database's files on disk (its `-wal` and `-shm` companions);
- `connection`: opening the file, the write transaction, the store's errors and their fixes;
- `textindex`: the bigram full-text index that finds Korean words of two syllables;
- `rows`: a trip as the rows of the tables and of the search index;
- `database`: `Store`, an open store, read and written;
- `importer`: trip files into the store, all or nothing, incremental;
- `queries`: the reads the CLI, the exports and the desk make;
- `duplicates`: entities that are probably one under two ids;
- `doctor`: the store's health check (`tripdesk doctor`).

This package's `__init__` names only the first four's; the others are imported by name
(`from tripdesk.store import queries`).
"""

from __future__ import annotations

from .connection import (
                         BUSY_TIMEOUT_MS,
                         REBUILD_HINT,
                         UPDATE_HINT,
                         WRITE_HINT,
                         CannotWrite,
                         DiskFull,
                         StoreChanged,
                         UnreadableWal,
                         UnusableStore,
                         _database_error,
                         _Transaction,
                         cannot_write,
                         connect,
                         connect_readonly,
                         default_db_path,
                         disk_full,
                         disk_trouble,
                         file_digest,
                         guarded,
                         set_aside,
                         sqlite_utils_db,
)
from .database import Store
from .rows import TableIndexer, TripRows, evidence_of, search_body, search_rows, trip_rows
from .schema import SCHEMA, SCHEMA_VERSION, TABLES, VIRTUAL_SCHEMA, create_schema, schema_differences

__all__ = [
    "BUSY_TIMEOUT_MS", "REBUILD_HINT", "SCHEMA", "SCHEMA_VERSION", "TABLES", "UPDATE_HINT",
    "VIRTUAL_SCHEMA", "WRITE_HINT", "CannotWrite", "DiskFull", "Store", "StoreChanged", "TripRows",
    "TableIndexer", "UnreadableWal", "UnusableStore", "cannot_write", "connect", "connect_readonly",
    "create_schema", "default_db_path", "disk_full", "disk_trouble", "evidence_of", "file_digest",
    "guarded", "schema_differences", "search_body", "search_rows", "set_aside", "sqlite_utils_db",
    "trip_rows",
]
