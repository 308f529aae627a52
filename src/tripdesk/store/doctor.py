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

from ..i18n import N_, NC_, messages
from ..problems import display_path
from . import (
    REBUILD_HINT,
    SCHEMA_VERSION,
    TABLES,
    WRITE_HINT,
    TableIndexer,
    UnreadableWal,
    cannot_write,
    connect,
    disk_full,
    disk_trouble,
    schema_differences,
    sqlite_utils_db,
)
from .storefiles import wal_pending, writable_here

SQLITE_HEADER = b"SQLite format 3\x00"
# The names of the checks, as the report shows them (`Finding.check` stays the English name).
CHECKS = {
    "file": NC_("doctor check", "file"), "schema": NC_("doctor check", "schema"),
    "integrity": NC_("doctor check", "integrity"), "foreign keys": NC_("doctor check", "foreign keys"),
    "full-text index": NC_("doctor check", "full-text index"),
    "search rows": NC_("doctor check", "search rows"), "trips": NC_("doctor check", "trips"),
    "entities": NC_("doctor check", "entities"), "busy": NC_("doctor check", "busy"),
    "disk": NC_("doctor check", "disk"), "bundled data": NC_("doctor check", "bundled data"),
}
CHECK_CONTEXT = "doctor check"


def check_name(check: str) -> str:
    """A check's name in the command's language."""
    return messages().pgettext(CHECK_CONTEXT, check) if check in CHECKS else check


def _rebuild() -> str:
    """The fix of a damaged store: rebuild it, the file set aside, never deleted."""
    return messages()("run `tripdesk import --rebuild` to build a new store from the data files "
                      "(an unusable file is moved aside to <db>.broken-<time>, never deleted)")


def _rebuild_plain() -> str:
    return messages()(REBUILD_HINT)


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
    if len(values) <= n:
        return shown
    return messages()("{shown} and {n} more").format(shown=shown, n=len(values) - n)


def diagnose(path: Path) -> list[Finding]:
    """Every check of the store at `path`; the store is healthy when all are ok."""
    name = display_path(path)
    _ = messages()
    if not path.exists():
        return [Finding("file", False, _("no database at {name}").format(name=name),
                        _("run `tripdesk import` to build it from the data files"))]
    if not path.is_file():
        return [Finding("file", False, _("{name} is not a file").format(name=name),
                        _("point --db or TRIPDESK_DB at a database file"))]
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        return [Finding("file", False, _("cannot read {name}: {reason}").format(name=name, reason=exc.strerror),
                        _("make the file readable, or choose another with --db PATH"))]
    if header != SQLITE_HEADER:
        what = _("{name} is empty") if not header else _("{name} is not an SQLite database")
        return [Finding("file", False, what.format(name=name), _rebuild())]
    findings = [Finding("file", True, _("{name} is an SQLite database").format(name=name))]
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
    _ = messages()
    if "locked" in text or "busy" in text:
        return Finding("busy", False, _("the database is busy: another tripdesk import is running"),
                       _("wait for it to finish, then run `tripdesk doctor` again"))
    if cannot_write(exc):
        return Finding("file", False, _("the database cannot be opened here: {error}").format(error=text),
                       _(WRITE_HINT))
    if disk_trouble(exc):
        if path is not None and disk_full(path):
            return Finding("disk", False, _("the disk is full: {error}").format(error=text),
                           _("free some space, then run `tripdesk doctor` again"))
        return Finding("disk", False, _("the disk could not be read: {error}").format(error=text),
                       _("check the disk (errors in the system log), then run `tripdesk doctor` again"))
    if "not a database" in text or "malformed" in text or "disk image" in text:
        return Finding("integrity", False, _("the database cannot be read: {error}").format(error=text),
                       _rebuild())
    return Finding("integrity", False, _("the database cannot be read: {error}").format(error=text),
                   _("check the file and the disk, then run `tripdesk doctor` again"))


def _checks(conn: sqlite3.Connection, writable: bool = True, path: Path | None = None) -> list[Finding]:
    out: list[Finding] = []
    _ = messages()
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    schema_ok = False
    if version == SCHEMA_VERSION:
        missing = [t for t in TABLES if t not in tables]
        if missing:
            out.append(Finding("schema", False, _.ngettext(
                "version {version}, but the table {tables} is missing",
                "version {version}, but the tables {tables} are missing", len(missing)).format(
                    version=version, tables=_sample(missing, 5)), _rebuild()))
        elif differences := schema_differences(sqlite_utils_db(conn)):
            out.append(Finding("schema", False, _("version {version}, but {differences}").format(
                version=version, differences=_sample(differences, 3)), _rebuild()))
        else:
            schema_ok = True
            out.append(Finding("schema", True, _("version {version}, every table, column, foreign "
                                                 "key and index present").format(version=version)))
    elif version > SCHEMA_VERSION:
        out.append(Finding("schema", False, _("version {version} is newer than this tripdesk "
                                              "understands ({ours})").format(version=version, ours=SCHEMA_VERSION),
                           _("update tripdesk (git pull in your checkout, then pip install -e . again), "
                             "or run `tripdesk import --rebuild` to build a new store from the data files "
                             "(an unusable file is moved aside to <db>.broken-<time>, never deleted)")))
    elif 0 < version < SCHEMA_VERSION and "trips" in tables:
        out.append(Finding("schema", False, _("version {version}, made by an older tripdesk (this "
                                              "one uses {ours}); it must be built again from the data "
                                              "files").format(version=version, ours=SCHEMA_VERSION),
                           _rebuild()))
    elif version == 0 and not tables:
        out.append(Finding("schema", False, _("the database is empty"),
                           _("run `tripdesk import` to fill it from the data files")))
    else:
        out.append(Finding("schema", False, _("not a tripdesk database (schema version {version})").format(
            version=version), _rebuild()))

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
        out.append(Finding("full-text index", True, messages()(
            "FTS5 integrity-check skipped: the database cannot be written here, and the check "
            "needs the write lock"), skipped=True))
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
    _ = messages()
    out = [Finding("entities", True, message(d), _(FIX), warning=True) for d in pairs[:MAX_DUPLICATES_SHOWN]]
    if len(pairs) > MAX_DUPLICATES_SHOWN:
        out.append(Finding("entities", True, _("and {n} more pairs of ids that share a name").format(
            n=len(pairs) - MAX_DUPLICATES_SHOWN), _(FIX), warning=True))
    if not out:
        out.append(Finding("entities", True, _("no two organisation or person ids share a name")))
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
        return Finding(check, False, messages()("the check could not finish: {error}").format(error=exc),
                       _rebuild())


def _clean(row: str) -> str:
    return " ".join(row.replace("*** in database main ***", "").split())


def _integrity(conn: sqlite3.Connection) -> Finding:
    _ = messages()
    try:
        rows = [_clean(r[0]) for r in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as exc:
        # integrity_check itself stops on some damage; quick_check still says where it is.
        rows = [_clean(r[0]) for r in conn.execute("PRAGMA quick_check(20)")]
        if rows != ["ok"]:
            said = _("PRAGMA integrity_check stopped: {error}; PRAGMA quick_check found: {found}").format(
                error=exc, found=_sample(rows, 2))
        else:
            said = _("PRAGMA integrity_check stopped: {error}").format(error=exc)
        return Finding("integrity", False, said, _rebuild())
    if rows == ["ok"]:
        return Finding("integrity", True, _("PRAGMA integrity_check: ok"))
    count = f"{len(rows)}{'+' if len(rows) >= 20 else ''}"
    return Finding("integrity", False, _.ngettext(
        "PRAGMA integrity_check found {count} problem: {found}",
        "PRAGMA integrity_check found {count} problems: {found}", len(rows)).format(
            count=count, found=_sample(rows, 2)), _rebuild())


def _foreign_keys(conn: sqlite3.Connection) -> Finding:
    violations: dict[str, int] = {}
    for table, *_rest in conn.execute("PRAGMA foreign_key_check"):
        violations[table] = violations.get(table, 0) + 1
    _ = messages()
    if violations:
        count = sum(violations.values())
        where = _sample([f"{t} ({n})" for t, n in sorted(violations.items())], 4)
        return Finding("foreign keys", False, _.ngettext(
            "{n} row refers to rows that do not exist: {where}",
            "{n} rows refer to rows that do not exist: {where}", count).format(n=count, where=where),
            _rebuild_plain())
    return Finding("foreign keys", True, _("PRAGMA foreign_key_check: every reference resolves"))


def _fts_check(conn: sqlite3.Connection) -> Finding:
    _ = messages()
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc):
            return Finding("full-text index", True, _("FTS5 integrity-check skipped: the database is "
                                                      "read-only here (it needs the write lock)"), skipped=True)
        return _failure(exc)
    try:
        conn.execute("INSERT INTO search(search) VALUES ('integrity-check')")
        return Finding("full-text index", True, _("FTS5 integrity-check: ok"))
    except sqlite3.DatabaseError as exc:
        return Finding("full-text index", False, _("FTS5 integrity-check failed: {error}").format(error=exc),
                       _rebuild())
    finally:
        conn.execute("ROLLBACK")


def _search_in_step(conn: sqlite3.Connection, content: "_Background | None" = None) -> Finding:
    problems: list[str] = []
    _ = messages()
    indexed = conn.execute("SELECT count(*) FROM search").fetchone()[0]
    mapped = conn.execute("SELECT count(*) FROM search_rows").fetchone()[0]
    if indexed != mapped:
        problems.append(_("the index holds {indexed} rows but search_rows maps {mapped}").format(
            indexed=indexed, mapped=mapped))
    dangling = conn.execute(
        "SELECT count(*) FROM search_rows WHERE row NOT IN (SELECT rowid FROM search)").fetchone()[0]
    if dangling:
        problems.append(_.ngettext("{n} search_rows entry point at no index row",
                                   "{n} search_rows entries point at no index row", dangling).format(n=dangling))
    unmapped = conn.execute(
        "SELECT count(*) FROM search WHERE rowid NOT IN (SELECT row FROM search_rows)").fetchone()[0]
    if unmapped:
        problems.append(_.ngettext("{n} index row not in search_rows (a re-import would never remove them)",
                                   "{n} index rows not in search_rows (a re-import would never remove them)",
                                   unmapped).format(n=unmapped))
    unindexed = [r[0] for r in conn.execute(
        "SELECT id FROM trips WHERE id NOT IN (SELECT trip_id FROM search_rows) ORDER BY id")]
    if unindexed:
        problems.append(_.ngettext("{n} trip with no search rows ({ids}): searching never finds them",
                                   "{n} trips with no search rows ({ids}): searching never finds them",
                                   len(unindexed)).format(n=len(unindexed), ids=_sample(unindexed)))
    strays = [r[0] for r in conn.execute(
        "SELECT DISTINCT trip_id FROM search_rows WHERE trip_id NOT IN (SELECT id FROM trips) "
        "ORDER BY trip_id")]
    strays += [r[0] for r in conn.execute(
        "SELECT DISTINCT trip_id FROM search WHERE trip_id NOT IN (SELECT id FROM trips) "
        "ORDER BY trip_id") if r[0] not in strays]
    if strays:
        problems.append(_.ngettext("search rows of {n} trip not in the store ({ids})",
                                   "search rows of {n} trips not in the store ({ids})",
                                   len(strays)).format(n=len(strays), ids=_sample(strays)))
    problems += content.result() if content is not None else _content_in_step(conn)
    if problems:
        return Finding("search rows", False, _("the full-text index is out of step with its tables: "
                                               "{problems}").format(problems="; ".join(problems)),
                       _rebuild_plain())
    return Finding("search rows", True, _("{n} index rows, all in step with the trips and with what "
                                          "their tables hold").format(n=indexed))


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
    _ = messages()
    if differ:
        problems.append(_.ngettext(
            "{n} index row no longer matches the tables ({ids}): searching finds the old text",
            "{n} index rows no longer match the tables ({ids}): searching finds the old text",
            len(differ)).format(n=len(differ), ids=_sample(sorted(differ))))
    if stale:
        problems.append(_.ngettext(
            "{n} index row for items the tables do not hold, or held twice ({ids})",
            "{n} index rows for items the tables do not hold, or held twice ({ids})",
            len(stale)).format(n=len(stale), ids=_sample(sorted(stale))))
    if missing:
        problems.append(_.ngettext(
            "{n} item of the tables with no index row ({ids}): searching never finds them",
            "{n} items of the tables with no index row ({ids}): searching never finds them",
            len(missing)).format(n=len(missing), ids=_sample(sorted(missing))))
    return problems


# How many trips the content check reads at a time: a few hundred keep its memory small.
_TRIPS_AT_A_TIME = 256


def _trips_complete(conn: sqlite3.Connection) -> Finding:
    problems: list[str] = []
    _ = messages()
    no_document = [r[0] for r in conn.execute(
        "SELECT id FROM trips WHERE id NOT IN (SELECT trip_id FROM trip_documents) ORDER BY id")]
    if no_document:
        problems.append(_("{n} without a stored document ({ids}): they cannot be shown or "
                          "exported").format(n=len(no_document), ids=_sample(no_document)))
    unreadable = []
    for trip_id, document in conn.execute("SELECT trip_id, document FROM trip_documents"):
        try:
            doc = json.loads(document)
            if not isinstance(doc, dict) or doc.get("trip", {}).get("id") != trip_id:
                unreadable.append(trip_id)
        except (TypeError, ValueError, AttributeError):
            unreadable.append(trip_id)
    if unreadable:
        problems.append(_("{n} whose stored document is unreadable ({ids})").format(
            n=len(unreadable), ids=_sample(sorted(unreadable))))
    no_file = [r[0] for r in conn.execute(
        "SELECT id FROM trips WHERE id NOT IN (SELECT trip_id FROM files) ORDER BY id")]
    if no_file:
        problems.append(_("{n} without a file record ({ids}): re-imports cannot tell whether they "
                          "changed").format(n=len(no_file), ids=_sample(no_file)))
    count = sqlite_utils_db(conn).table("trips").count
    if problems:
        return Finding("trips", False, _("trips {problems}").format(problems="; ".join(problems)),
                       _rebuild_plain())
    return Finding("trips", True, _.ngettext("{n} trip, each with its document and file record",
                                             "{n} trips, each with its document and file record",
                                             count).format(n=count))


def healthy(findings: list[Finding]) -> bool:
    return all(f.ok for f in findings)
