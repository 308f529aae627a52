"""`tripdesk doctor`: check that the store is sound, and say what to do about each problem.

The checks, in order (a check that cannot run on a file that failed an earlier one is left out):

- the file: there, and an SQLite database;
- the schema: the version this tripdesk reads (`PRAGMA user_version`), with all its tables,
  and every column, foreign key and index of `store.SCHEMA` as sqlite-utils reads them;
- SQLite's own `PRAGMA integrity_check` and `PRAGMA foreign_key_check`;
- the full-text index: FTS5's `integrity-check` command, and `search` in step with
  `search_rows` (the map import uses to delete a trip's rows), with the trips, and with what
  their tables would index now (`store.TableIndexer`: an edited title or name is found);
- the trips: each has its stored document (which it reads back as) and its file record.

Nothing is written: the FTS5 check runs as an INSERT command inside a transaction that is
rolled back. A store that cannot be written where it is (a read-only folder) is read as the
desk reads it, and the FTS5 check, which needs the write lock, is reported as skipped. Every
check gives a message and, when it fails, the fix.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .problems import display_path
from .store import (
    REBUILD_HINT, SCHEMA_VERSION, TABLES, UPDATE_HINT, WRITE_HINT, UnreadableWal, cannot_write, connect,
    disk_full, disk_trouble, TableIndexer, schema_differences, sqlite_utils_db,
)
from .storefiles import wal_pending, writable_here

SQLITE_HEADER = b"SQLite format 3\x00"
SET_ASIDE = " (an unusable file is moved aside to <db>.broken-<time>, never deleted)"


@dataclass(frozen=True)
class Finding:
    check: str
    ok: bool
    message: str
    fix: str | None = None
    skipped: bool = False  # a check that could not run here (ok: it found nothing wrong)
    # Something to look at that does not make the store unhealthy (ok is True): two ids that
    # probably name one entity.
    warning: bool = False


def _sample(values: list[str], n: int = 3) -> str:
    shown = ", ".join(values[:n])
    return shown + (f" and {len(values) - n} more" if len(values) > n else "")


def diagnose(path: Path) -> list[Finding]:
    """Every check of the store at `path`; the store is healthy when all are ok."""
    name = display_path(path)
    if not path.exists():
        return [Finding("file", False, f"no database at {name}",
                        "run `tripdesk import` to build it from the data files")]
    if not path.is_file():
        return [Finding("file", False, f"{name} is not a file",
                        "point --db or TRIPDESK_DB at a database file")]
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        return [Finding("file", False, f"cannot read {name}: {exc.strerror}",
                        "make the file readable, or choose another with --db PATH")]
    if header != SQLITE_HEADER:
        what = "empty" if not header else "not an SQLite database"
        return [Finding("file", False, f"{name} is {what}", REBUILD_HINT + SET_ASIDE)]
    findings = [Finding("file", True, f"{name} is an SQLite database")]
    try:
        conn, writable = _connect(path)
    except sqlite3.DatabaseError as exc:
        if wal_pending(path) and not writable_here(path):
            unreadable = UnreadableWal(name)
            return findings + [Finding("file", False, unreadable.message, unreadable.hint)]
        return findings + [_failure(exc, path)]
    try:
        findings += _checks(conn, writable, path)
    except sqlite3.DatabaseError as exc:
        # The schema could not even be read; what was found so far still stands.
        findings.append(_failure(exc, path))
    finally:
        conn.close()
    return findings


def _connect(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A connection to the store and whether it can write (the FTS5 check needs the write
    lock). Never creates a file. A store that cannot be written where it is (a read-only
    folder or file, a full disk) is opened as `Store.open` opens it for reading, writing
    nothing beside it. isolation_level=None: no implicit transactions, so that the FTS5 check
    runs in the one it opens and rolls back."""
    if writable_here(path):
        try:
            return connect(path, create=False, isolation_level=None)[0], True
        except sqlite3.DatabaseError as exc:
            if not (cannot_write(exc) or disk_trouble(exc)):
                raise
    return connect(path, readonly=True, isolation_level=None)[0], False


def _failure(exc: sqlite3.DatabaseError, path: Path | None = None) -> Finding:
    """The finding of an error that stopped a check. Only damage is met with the advice to
    rebuild: a busy, read-only or full place is not."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return Finding("busy", False, "the database is busy: another tripdesk import is running",
                       "wait for it to finish, then run `tripdesk doctor` again")
    if cannot_write(exc):
        return Finding("file", False, f"the database cannot be opened here: {text}", WRITE_HINT)
    if disk_trouble(exc):
        full = path is not None and disk_full(path)
        return Finding("disk", False, f"the disk {'is full' if full else 'could not be read'}: {text}",
                       "free some space, then run `tripdesk doctor` again" if full else
                       "check the disk (errors in the system log), then run `tripdesk doctor` again")
    if "not a database" in text or "malformed" in text or "disk image" in text:
        return Finding("integrity", False, f"the database cannot be read: {text}",
                       REBUILD_HINT + SET_ASIDE)
    return Finding("integrity", False, f"the database cannot be read: {text}",
                   "check the file and the disk, then run `tripdesk doctor` again")


def _checks(conn: sqlite3.Connection, writable: bool = True, path: Path | None = None) -> list[Finding]:
    out: list[Finding] = []
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    schema_ok = False
    if version == SCHEMA_VERSION:
        missing = [t for t in TABLES if t not in tables]
        if missing:
            out.append(Finding("schema", False, f"version {version}, but the table"
                               f"{'s' if len(missing) > 1 else ''} {_sample(missing, 5)} "
                               f"{'are' if len(missing) > 1 else 'is'} missing",
                               REBUILD_HINT + SET_ASIDE))
        elif differences := schema_differences(sqlite_utils_db(conn)):
            out.append(Finding("schema", False, f"version {version}, but {_sample(differences, 3)}",
                               REBUILD_HINT + SET_ASIDE))
        else:
            schema_ok = True
            out.append(Finding("schema", True, f"version {version}, every table, column, foreign "
                               "key and index present"))
    elif version > SCHEMA_VERSION:
        out.append(Finding("schema", False, f"version {version} is newer than this tripdesk "
                           f"understands ({SCHEMA_VERSION})",
                           f"{UPDATE_HINT}, or {REBUILD_HINT}{SET_ASIDE}"))
    elif 0 < version < SCHEMA_VERSION and "trips" in tables:
        out.append(Finding("schema", False, f"version {version}, made by an older tripdesk (this "
                           f"one uses {SCHEMA_VERSION}); it must be built again from the data files",
                           REBUILD_HINT + SET_ASIDE))
    elif version == 0 and not tables:
        out.append(Finding("schema", False, "the database is empty",
                           "run `tripdesk import` to fill it from the data files"))
    else:
        out.append(Finding("schema", False, f"not a tripdesk database (schema version {version})",
                           REBUILD_HINT + SET_ASIDE))

    # The comparison of the index with its tables is Python's work; it runs on a connection
    # of its own beside the integrity checks, which are SQLite's (and let go of the GIL).
    content = _Background(path) if schema_ok and path is not None else None
    try:
        out.append(_guard("integrity", _integrity, conn))
        out.append(_guard("foreign keys", _foreign_keys, conn))
        if not schema_ok:
            return out  # the checks below know the tripdesk tables
        out += _tripdesk_checks(conn, writable, content)
    finally:
        if content is not None:
            content.close()
    return out


def _tripdesk_checks(conn: sqlite3.Connection, writable: bool,
                     content: "_Background | None") -> list[Finding]:
    out: list[Finding] = []
    if writable:
        out.append(_guard("full-text index", _fts_check, conn))
    else:
        out.append(Finding("full-text index", True, "FTS5 integrity-check skipped: the database "
                           "cannot be written here, and the check needs the write lock",
                           skipped=True))
    out.append(_guard("search rows", lambda c: _search_in_step(c, content), conn))
    out.append(_guard("trips", _trips_complete, conn))
    out += _duplicate_entities(conn)
    return out


# At most this many pairs are listed, one a line; the rest are counted.
MAX_DUPLICATES_SHOWN = 20


def _duplicate_entities(conn: sqlite3.Connection) -> list[Finding]:
    """Organisations and people that probably are one under two ids (`duplicates`), each
    named with the file of its first trip; warnings, not problems: two people can share a
    name."""
    from .duplicates import FIX, Named, message, probable_duplicates

    entities: list[tuple[str, str, Named]] = []
    for kind, table, links, column in (("organisation", "organisations", "trip_organisations", "organisation_id"),
                                       ("person", "people", "trip_people", "person_id")):
        rows = conn.execute(
            f"SELECT e.id, e.name_ko, e.name_en, e.name_plain, e.aliases, first.start, first.file_path "
            f"FROM {table} e LEFT JOIN (SELECT x.{column} AS id, min(t.start || ' ' || t.id) AS start, "
            f"t.file_path FROM {links} x JOIN trips t ON t.id = x.trip_id GROUP BY x.{column}) first "
            "ON first.id = e.id")
        for entity_id, ko, en, plain, aliases, start, file_path in rows:
            names = tuple(n for n in (ko, en, plain, *json.loads(aliases or "[]")) if n)
            where = display_path(Path(file_path)) if file_path else "no trip"
            entities.append((start or "", entity_id, Named(kind, entity_id, names, where)))
    entities.sort(key=lambda e: (e[0], e[1]))
    pairs = probable_duplicates(e[2] for e in entities)
    out = [Finding("entities", True, message(d), FIX, warning=True) for d in pairs[:MAX_DUPLICATES_SHOWN]]
    if len(pairs) > MAX_DUPLICATES_SHOWN:
        out.append(Finding("entities", True, f"and {len(pairs) - MAX_DUPLICATES_SHOWN} more pairs of ids "
                           "that share a name", FIX, warning=True))
    if not out:
        out.append(Finding("entities", True, "no two organisation or person ids share a name"))
    return out


class _Background:
    """`_content_check` run in a thread: `result()` waits for it and returns or raises its
    outcome; `close()` stops it early if nobody asked (and waits for it)."""

    def __init__(self, path: Path) -> None:
        self._outcome: list[str] | BaseException = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(path,), daemon=True)
        self._thread.start()

    def _run(self, path: Path) -> None:
        try:
            self._outcome = _content_check(path, self._stop)
        except BaseException as exc:  # noqa: BLE001 - handed to whoever asks for the result
            self._outcome = exc

    def result(self) -> list[str]:
        self._thread.join()
        if isinstance(self._outcome, BaseException):
            raise self._outcome
        return self._outcome

    def close(self) -> None:
        self._stop.set()
        self._thread.join()


def _content_check(path: Path, stop: threading.Event) -> list[str]:
    """`_content_in_step` on a connection of its own."""
    conn, _writable = _connect(path)
    try:
        return _content_in_step(conn, stop)
    finally:
        conn.close()


def _guard(check: str, func: Callable[[sqlite3.Connection], Finding],
           conn: sqlite3.Connection) -> Finding:
    """Run one check; a damaged page it trips on is its finding, and the others still run."""
    try:
        return func(conn)
    except sqlite3.DatabaseError as exc:
        finding = _failure(exc)
        if finding.check == "busy":
            return finding
        return Finding(check, False, f"the check could not finish: {exc}", REBUILD_HINT + SET_ASIDE)


def _clean(row: str) -> str:
    return " ".join(row.replace("*** in database main ***", "").split())


def _integrity(conn: sqlite3.Connection) -> Finding:
    try:
        rows = [_clean(r[0]) for r in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as exc:
        # integrity_check itself stops on some damage; quick_check still says where it is.
        rows = [_clean(r[0]) for r in conn.execute("PRAGMA quick_check(20)")]
        found = f"; PRAGMA quick_check found: {_sample(rows, 2)}" if rows != ["ok"] else ""
        return Finding("integrity", False, f"PRAGMA integrity_check stopped: {exc}{found}",
                       REBUILD_HINT + SET_ASIDE)
    if rows == ["ok"]:
        return Finding("integrity", True, "PRAGMA integrity_check: ok")
    return Finding("integrity", False, f"PRAGMA integrity_check found {len(rows)}"
                   f"{'+' if len(rows) >= 20 else ''} problem{'s' if len(rows) != 1 else ''}: "
                   f"{_sample(rows, 2)}", REBUILD_HINT + SET_ASIDE)


def _foreign_keys(conn: sqlite3.Connection) -> Finding:
    violations: dict[str, int] = {}
    for table, *_rest in conn.execute("PRAGMA foreign_key_check"):
        violations[table] = violations.get(table, 0) + 1
    if violations:
        count = sum(violations.values())
        where = _sample([f"{t} ({n})" for t, n in sorted(violations.items())], 4)
        return Finding("foreign keys", False, f"{count} row{'s' if count != 1 else ''} "
                       f"refer{'s' if count == 1 else ''} to rows that do not exist: {where}",
                       REBUILD_HINT)
    return Finding("foreign keys", True, "PRAGMA foreign_key_check: every reference resolves")


def _fts_check(conn: sqlite3.Connection) -> Finding:
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc):
            return Finding("full-text index", True, "FTS5 integrity-check skipped: the "
                           "database is read-only here (it needs the write lock)", skipped=True)
        return _failure(exc)
    try:
        conn.execute("INSERT INTO search(search) VALUES ('integrity-check')")
        return Finding("full-text index", True, "FTS5 integrity-check: ok")
    except sqlite3.DatabaseError as exc:
        return Finding("full-text index", False, f"FTS5 integrity-check failed: {exc}",
                       REBUILD_HINT + SET_ASIDE)
    finally:
        conn.execute("ROLLBACK")


def _search_in_step(conn: sqlite3.Connection, content: "_Background | None" = None) -> Finding:
    problems: list[str] = []
    indexed = conn.execute("SELECT count(*) FROM search").fetchone()[0]
    mapped = conn.execute("SELECT count(*) FROM search_rows").fetchone()[0]
    if indexed != mapped:
        problems.append(f"the index holds {indexed} rows but search_rows maps {mapped}")
    dangling = conn.execute(
        "SELECT count(*) FROM search_rows WHERE row NOT IN (SELECT rowid FROM search)").fetchone()[0]
    if dangling:
        problems.append(f"{dangling} search_rows entr{'ies' if dangling != 1 else 'y'} point at no index row")
    unmapped = conn.execute(
        "SELECT count(*) FROM search WHERE rowid NOT IN (SELECT row FROM search_rows)").fetchone()[0]
    if unmapped:
        problems.append(f"{unmapped} index row{'s' if unmapped != 1 else ''} not in search_rows "
                        "(a re-import would never remove them)")
    unindexed = [r[0] for r in conn.execute(
        "SELECT id FROM trips WHERE id NOT IN (SELECT trip_id FROM search_rows) ORDER BY id")]
    if unindexed:
        problems.append(f"{len(unindexed)} trip{'s' if len(unindexed) != 1 else ''} with no search "
                        f"rows ({_sample(unindexed)}): searching never finds them")
    strays = [r[0] for r in conn.execute(
        "SELECT DISTINCT trip_id FROM search_rows WHERE trip_id NOT IN (SELECT id FROM trips) "
        "ORDER BY trip_id")]
    strays += [r[0] for r in conn.execute(
        "SELECT DISTINCT trip_id FROM search WHERE trip_id NOT IN (SELECT id FROM trips) "
        "ORDER BY trip_id") if r[0] not in strays]
    if strays:
        problems.append(f"search rows of {len(strays)} trip{'s' if len(strays) != 1 else ''} "
                        f"not in the store ({_sample(strays)})")
    problems += content.result() if content is not None else _content_in_step(conn)
    if problems:
        return Finding("search rows", False, "the full-text index is out of step with its tables: "
                       + "; ".join(problems), REBUILD_HINT)
    return Finding("search rows", True, f"{indexed} index rows, all in step with the trips and "
                   "with what their tables hold")


def _content_in_step(conn: sqlite3.Connection, stop: threading.Event | None = None) -> list[str]:
    """Each index row against what the tables would index now (`store.TableIndexer`, made by
    the code the import indexes with): its labels, and every text the tables hold of its item
    in its body. A few trips at a time, reaching their rows through `search_rows`: rows it
    does not map, trips with no rows and rows of trips not in the store are reported above."""
    indexer = TableIndexer(conn)
    trips = [r[0] for r in conn.execute("SELECT id FROM trips ORDER BY id")]
    differ: list[str] = []
    stale: list[str] = []
    missing: list[str] = []
    for start in range(0, len(trips), _TRIPS_AT_A_TIME):
        if stop is not None and stop.is_set():
            return []  # nobody waits for the outcome any more
        chunk = trips[start:start + _TRIPS_AT_A_TIME]
        expected = indexer.items(chunk)
        indexed_trips: set[str] = set()
        for mapped_to, trip_id, ref, label_ko, label_en, body in conn.execute(
                "SELECT r.trip_id, s.trip_id, s.ref, s.label_ko, s.label_en, s.body FROM search_rows r "
                "JOIN search s ON s.rowid = r.row WHERE r.trip_id IN (SELECT value FROM json_each(?))",
                (json.dumps(chunk),)):
            indexed_trips.add(mapped_to)
            item = expected.pop((trip_id, ref), None)  # a second row for an item finds none
            if item is None or trip_id != mapped_to:
                stale.append(f"{trip_id} {ref}")
                continue
            labels, texts, _required = item
            if (labels is not None and labels != (label_ko, label_en)
                    or texts and not all(text in (body or "") for text in texts)):
                differ.append(f"{trip_id} {ref}")
        missing += [f"{t} {ref}" for (t, ref), (_l, _t, required) in expected.items()
                    if required and t in indexed_trips]
    problems = []
    if differ:
        problems.append(f"{len(differ)} index row{'s' if len(differ) != 1 else ''} no longer "
                        f"match{'' if len(differ) != 1 else 'es'} the tables ({_sample(sorted(differ))}): "
                        "searching finds the old text")
    if stale:
        problems.append(f"{len(stale)} index row{'s' if len(stale) != 1 else ''} for items the "
                        f"tables do not hold, or held twice ({_sample(sorted(stale))})")
    if missing:
        problems.append(f"{len(missing)} item{'s' if len(missing) != 1 else ''} of the tables "
                        f"with no index row ({_sample(sorted(missing))}): searching never finds them")
    return problems


# How many trips the content check reads at a time: a few hundred keep its memory small.
_TRIPS_AT_A_TIME = 256


def _trips_complete(conn: sqlite3.Connection) -> Finding:
    problems: list[str] = []
    no_document = [r[0] for r in conn.execute(
        "SELECT id FROM trips WHERE id NOT IN (SELECT trip_id FROM trip_documents) ORDER BY id")]
    if no_document:
        problems.append(f"{len(no_document)} without a stored document ({_sample(no_document)}): "
                        "they cannot be shown or exported")
    unreadable = []
    for trip_id, document in conn.execute("SELECT trip_id, document FROM trip_documents"):
        try:
            doc = json.loads(document)
            if not isinstance(doc, dict) or doc.get("trip", {}).get("id") != trip_id:
                unreadable.append(trip_id)
        except (TypeError, ValueError, AttributeError):
            unreadable.append(trip_id)
    if unreadable:
        problems.append(f"{len(unreadable)} whose stored document is unreadable "
                        f"({_sample(sorted(unreadable))})")
    no_file = [r[0] for r in conn.execute(
        "SELECT id FROM trips WHERE id NOT IN (SELECT trip_id FROM files) ORDER BY id")]
    if no_file:
        problems.append(f"{len(no_file)} without a file record ({_sample(no_file)}): "
                        "re-imports cannot tell whether they changed")
    count = sqlite_utils_db(conn).table("trips").count
    if problems:
        return Finding("trips", False, "trips " + "; ".join(problems), REBUILD_HINT)
    return Finding("trips", True, f"{count} trip{'s' if count != 1 else ''}, each with its "
                   "document and file record")


def healthy(findings: list[Finding]) -> bool:
    return all(f.ok for f in findings)
