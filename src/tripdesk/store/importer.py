"""Import trip files into the store: all or nothing, incremental, idempotent.

Only files whose size, modification time or content changed are read again; unchanged ones
are checked against through what the store already knows (their trip ids and entity names).
Importing a whole folder drops the trips whose file is gone from it (really gone: not in a
subfolder that cannot be read, which is a problem). If any file fails validation or cannot be
read, nothing is written.

The store records what the import read: the sha256 of the bytes it parsed, with the size and
time the file had *before* it was read, so that a file changed while the import runs is read
again by the next one. A file modified within `RECENT_NS` of the import gets no time at all
(`mtime_ns` -1): a change within the same tick of the file system's clock would leave its
size and time as they were, so the next import compares its content instead.
"""

from __future__ import annotations

import collections
import concurrent.futures
import concurrent.futures.process
import contextlib
import functools
import gc
import itertools
import json
import multiprocessing
import os
import signal
import stat as stat_module
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, NamedTuple

from ..articles import ArticleFinder
from ..files.loader import (
    AcrossCheck,
    Checked,
    KnownIds,
    TripNames,
    article_finder,
    check_across,
    check_file,
    find_trip_files,
    read_file,
)
from ..files.yamlread import ReadResult
from ..i18n import messages
from ..limits import max_file_bytes
from ..model import Text
from ..problems import Problem, TripdeskError, ValidationFailed, visible
from . import Store, StoreChanged, TripRows, file_digest, guarded, trip_rows

if TYPE_CHECKING:
    import sqlite3

# A file modified this recently before an import is recorded without its time (see above).
# Two seconds: the coarsest clock of a common file system (FAT's); on others, a few ms.
RECENT_NS = 2_000_000_000


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    # What is worth knowing but fails nothing, in the files read: an article file not found.
    warnings: list[Problem] = field(default_factory=list)
    # Bundled trip files that the trips just imported leave out of the store (`shadowed_bundled`).
    shadowed: list["Shadowed"] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def summary(self, lang: str = "en") -> str:
        """`2 added, 0 updated, 0 removed, 5 unchanged`, in the words of display language `lang`."""
        from ..i18n import translator

        return translator(lang)("{added} added, {updated} updated, {removed} removed, {unchanged} unchanged").format(
            added=len(self.added), updated=len(self.updated), removed=len(self.removed), unchanged=self.unchanged)


def _key(path: Path) -> str:
    return str(path.resolve())


class _Keys:
    """`_key` for the many files of a few folders: each folder is resolved once, and a file
    only in full when it is itself a symbolic link. Resolving 10,000 paths one by one took a
    third of a re-import (see docs/performance.md)."""

    def __init__(self) -> None:
        self.folders: dict[Path, str] = {}

    def __call__(self, path: Path) -> str:
        try:
            link = path.is_symlink()
        except OSError:  # in a folder that cannot be searched: reading it is reported
            link = False
        if link:
            return _key(path)
        folder = self.folders.get(path.parent)
        if folder is None:
            folder = self.folders[path.parent] = _key(path.parent)
        return os.path.join(folder, path.name)


def _under(path: str, folders: list[str]) -> bool:
    return any(path == f or path.startswith(f.rstrip(os.sep) + os.sep) for f in folders)


def _without_gc(func: Callable[..., ImportReport]) -> Callable[..., ImportReport]:
    """Run with Python's cyclic garbage collector paused (and collect once at the end).

    An import builds millions of small objects that hold no reference cycles; every full
    collection during it walks all of them again, which made a 10,000-file import take twice
    as long (see docs/performance.md).
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> ImportReport:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return wrapper


@dataclass
class PreparedTrip:
    """A file that passed its own checks, made ready to write: what the checks between files
    need of it, the sha256 of the bytes that were parsed, and its rows."""

    path: Path
    digest: str
    names: TripNames
    result: ReadResult
    rows: TripRows

    @property
    def trip_id(self) -> str:
        """The id of the file's trip."""
        return self.names.id


@dataclass(frozen=True)
class Unchanged:
    """A file whose content is the one the store holds (only its size or time said otherwise)."""

    path: Path


# (the prepared trip, Unchanged or None; its problems; what the checks between files use of
# it; its warnings)
Prepared = tuple[PreparedTrip | Unchanged | None, list[Problem], Checked | None, list[Problem]]


def prepare_file(path: Path, old: tuple[str, str] | None = None,
                 finder: ArticleFinder | None = None) -> Prepared:
    """Read and check one file and build its rows; `old` is the (trip id, sha256) stored for
    it. Runs in a worker process when many files change: it is all the CPU-bound work of an
    import but SQLite's, and what it returns pickles cheaply (no Trip, no file content).

    Returns (the prepared trip, Unchanged when the content is the stored one (it is not
    parsed then), or None; the file's own problems; what the checks between files can use of
    it: the prepared trip, or of a file with problems its trip id and the names found sound, as
    `tripdesk validate` checks them; None when nothing is known).
    """
    data = None
    if old is not None:
        data = _content(path)
        if data is not None and file_digest(data) == old[1]:
            return Unchanged(path), [], None, []
    loaded, names, problems, warnings = check_file(path, data, finder)
    if loaded is None:
        return None, problems, names, warnings
    item = PreparedTrip(path, file_digest(loaded.raw), loaded.names, loaded.result,
                        trip_rows(loaded.trip, loaded.articles))
    return item, [], item, warnings


def _content(path: Path) -> bytes | None:
    """The bytes of a regular file within the size limit, else None (`check_file` then
    reports why). Opened without waiting: a file replaced by a named pipe is not read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    with open(fd, "rb") as f:
        if not stat_module.S_ISREG(os.fstat(fd).st_mode):
            return None
        limit = max_file_bytes(path.name)
        data = f.read(limit + 1)
    return data if len(data) <= limit else None


def _recorded_time(stat: os.stat_result, started_ns: int) -> int:
    """The modification time to record of a file stat()ed after `started_ns` and then read:
    -1 (no time: the next import compares the content) when it was modified too recently
    for a later change to be sure to move it."""
    return stat.st_mtime_ns if stat.st_mtime_ns < started_ns - RECENT_NS else -1


# Below this many changed files (a second or two of work) an import reads them itself: the
# workers' start and the round trip of every file through them are not worth it there, and
# the small imports of tests and of the desk's first start stay in one process.
PARALLEL_MIN_FILES = 100
# Files handed to the workers ahead of the one being written: enough to keep them busy, few
# enough that results waiting to be written hold little memory.
_AHEAD_PER_WORKER = 16
# Files a worker is handed at a time: each task costs both processes a pickled message and
# queue and future bookkeeping, and wakes the importing process's threads (which then wait
# for each other's turn with the interpreter lock while it is writing).
_FILES_PER_TASK = 4


WORKERS_ENV = "TRIPDESK_IMPORT_WORKERS"


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _worker_count() -> int:
    """How many processes read files: TRIPDESK_IMPORT_WORKERS if set (0 or 1: none), else
    one per core; never more than the cores this process may run on, which is all they can
    use (1,000 of them on 2 cores took 4 times as long, starting them). A value that is not a
    whole number of 0 or more is a TripdeskError saying so."""
    setting = os.environ.get(WORKERS_ENV, "").strip()
    if not setting:
        return _cores()
    try:
        count = int(setting)
    except ValueError:
        count = -1
    if count < 0:
        raise TripdeskError(messages()("{setting} is not a number of worker processes").format(
            setting=f"{WORKERS_ENV}={visible(setting, 40)!r}"),
            messages()("set it to a whole number (0 or 1: none; at most the {cores} cores are used), "
                       "or unset it").format(cores=_cores()))
    return min(count, _cores())


def _can_fork() -> bool:
    """Whether worker processes can be forked from this one safely.

    Forked, a worker starts at once with tripdesk already imported; spawned (or started by a
    fork server), it would first import the caller's main script again, and a script without
    an `if __name__ == "__main__"` guard would run its whole self in every worker. Forking is
    only safe on Linux, and from a process with a single thread (a thread holding a lock when
    the fork happens would leave that lock held for ever in the child). Elsewhere the files are
    read in this process. The workers never touch the open database connection they inherit.
    """
    return sys.platform.startswith("linux") and threading.active_count() == 1


# A worker's collector runs after this many new objects rather than Python's 700: a file
# makes ~15,000, most of which live until it is done, and collecting every 700 walked them
# again and again (~5 % of a worker's time). Reference cycles are still collected.
_WORKER_GC_THRESHOLD = (100_000, 50, 50)


def _start_worker(parent: int, lifeline: int, lifeline_writer: int) -> None:
    """A worker ends when the importing process does, however it ends (kill -9 included):
    otherwise it would wait for work for ever, holding the database and the import's standard
    output open (`tripdesk import | cat` never ended). The kernel kills it when its parent
    dies (`_die_with_parent`), and a thread ends it when the `lifeline` pipe, whose other end
    only the importing process holds, reaches its end.

    It collects its own garbage (what it inherited is set aside from collections), less often
    than Python would, and leaves Ctrl-C to the importing process, which stops the workers
    itself."""
    _die_with_parent(parent)
    os.close(lifeline_writer)  # inherited: only the importing process may keep it open
    threading.Thread(target=_end_with_lifeline, args=(lifeline,), daemon=True).start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()
    gc.set_threshold(*_WORKER_GC_THRESHOLD)
    gc.enable()


_PR_SET_PDEATHSIG = 1  # prctl(2)


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent ends (prctl PR_SET_PDEATHSIG), and
    end it now if the parent ended before that was asked."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - no prctl: the lifeline remains
        pass
    if os.getppid() != parent:
        os._exit(1)


def _end_with_lifeline(lifeline: int) -> None:
    """Wait for the end of the lifeline pipe (the importing process is gone), then end this
    worker at once."""
    try:
        while os.read(lifeline, 1):
            pass
    except OSError:
        pass
    os._exit(1)


def _prepare_all(work: list[tuple[Path, tuple[str, str] | None]], finder: ArticleFinder) -> Iterator[Prepared]:
    """`prepare_file` of every (path, old) in order: in worker processes when there are many
    and more than one core, while the caller goes on writing the ones before."""
    workers = _worker_count()
    if len(work) < PARALLEL_MIN_FILES or workers < 2 or not _can_fork():
        yield from (prepare_file(path, old, finder) for path, old in work)
        return
    context = multiprocessing.get_context("fork")
    lifeline, lifeline_writer = os.pipe()
    try:
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                                    initargs=(os.getpid(), lifeline, lifeline_writer)) as pool:
            pending: collections.deque[concurrent.futures.Future[list[Prepared]]] = collections.deque()
            tasks = (work[i:i + _FILES_PER_TASK] for i in range(0, len(work), _FILES_PER_TASK))
            try:
                # (a worker lost shows wherever the pool is next used: a result, or a submit that
                # finds the pool already broken)
                try:
                    for task in itertools.islice(tasks, max(1, workers * _AHEAD_PER_WORKER // _FILES_PER_TASK)):
                        pending.append(pool.submit(_prepare_files, task, finder))
                except concurrent.futures.process.BrokenProcessPool:
                    raise WorkerLost() from None
                while pending:
                    try:
                        results = pending.popleft().result()
                        for task in itertools.islice(tasks, 1):
                            pending.append(pool.submit(_prepare_files, task, finder))
                    except concurrent.futures.process.BrokenProcessPool:
                        raise WorkerLost() from None
                    yield from results
            finally:  # stopped early (an error while writing): drop what is still queued
                pool.shutdown(cancel_futures=True)
    finally:  # the workers have ended: the lifeline is no longer needed
        os.close(lifeline)
        os.close(lifeline_writer)


class WorkerLost(TripdeskError):
    """A worker process ended before it finished (it was killed, or ran out of memory)."""

    def __init__(self) -> None:
        super().__init__("a process reading the trip files ended before it finished (it was killed, "
                         "or ran out of memory); nothing was written",
                         "run the import again; if it happens again, TRIPDESK_IMPORT_WORKERS=1 "
                         "reads the files in this process")


def _prepare_files(work: list[tuple[Path, tuple[str, str] | None]], finder: ArticleFinder) -> list[Prepared]:
    """`prepare_file` of a few (path, old): one task of a worker process."""
    return [prepare_file(path, old, finder) for path, old in work]


@guarded
@_without_gc
def import_paths(store: Store, paths: Iterable[Path], *, rebuild: bool = False,
                 articles: Iterable[Path] = (), skip: Iterable[Path] = ()) -> ImportReport:
    """Import files and folders. Raises ValidationFailed (writing nothing) on any problem.
    `articles`: more folders to look for the sources' article files in (`--articles`);
    `skip`: trip files of those folders to leave out (as if they were not there).

    The files are read and checked before the write lock is taken, so that another import
    can go on writing meanwhile; if one committed by the time this one holds the lock, what
    this one planned from the store may be stale (a trip it adds may be there now), and it
    starts again from the store as it is, this time holding the lock throughout.
    """
    paths = list(paths)
    _worker_count()  # a TRIPDESK_IMPORT_WORKERS that is no number is said before any work
    finder = article_finder(paths, articles)
    skipped = frozenset(_key(p) for p in skip)
    if rebuild or store.in_transaction:  # nothing is read from the store before the lock
        return _import(store, paths, finder, rebuild=rebuild, since=None, skip=skipped)
    try:
        return _import(store, paths, finder, rebuild=False, since=store.data_version(), skip=skipped)
    except StoreChanged:
        with store.transaction:
            return _import(store, paths, finder, rebuild=False, since=None, skip=skipped)


def _import(store: Store, paths: list[Path], finder: ArticleFinder, *, rebuild: bool,
            since: int | None, skip: frozenset[str] = frozenset()) -> ImportReport:
    """One attempt of `import_paths`; with `since`, the write transaction raises StoreChanged
    (having written nothing) if the store's data_version is no longer `since`."""
    started_ns = time.time_ns()  # before any file is looked at (see `_recorded_time`)
    files, problems = find_trip_files(paths)
    if skip:
        files = [path for path in files if _key(path) not in skip]
    folders = [_key(p) for p in paths if p.is_dir()]
    states = {} if rebuild else store.file_states()
    report = ImportReport()
    keys = _Keys()

    changed: list[tuple[Path, os.stat_result]] = []
    unchanged: list[tuple[Path, os.stat_result]] = []
    seen: set[str] = set()
    readable = _readable_by_this_user()
    for path in files:
        key = keys(path)
        seen.add(key)
        try:
            stat = path.stat()
        except OSError as exc:
            problems.append(Problem(str(path), 1, 1, "", f"cannot read the file: {exc.strerror}"))
            continue
        old = states.get(key)
        if old and old[2] == stat.st_size and old[3] == stat.st_mtime_ns:
            if not readable(stat):  # not read again, but what cannot be read is a problem
                problems.append(Problem(str(path), 1, 1, "", "cannot read the file: Permission denied"))
                continue
            unchanged.append((path, stat))
            continue
        changed.append((path, stat))
    # A trip file unchanged whose article files changed (or appeared, or went) is read again,
    # in full: its excerpts are checked against them and the store keeps their new text. (A
    # file whose time moved would otherwise be compared by content alone.)
    stale = _articles_changed(store, [p for p, _s in unchanged + changed if keys(p) in states], finder, keys) \
        if states else set()
    changed += [(path, stat) for path, stat in unchanged if path in stale]
    report.unchanged += sum(1 for path, _stat in unchanged if path not in stale)

    work = [(path, None if path in stale else _old_content(states.get(keys(path))))
            for path, _stat in changed]
    read_stats = dict(changed)  # each file's size and time before it is read: what is recorded
    if rebuild or not states and store.trip_count() == 0:
        return _import_all_new(store, work, finder, read_stats, problems, report, keys,
                               rebuild=rebuild, since=since, started_ns=started_ns)

    loaded: list[PreparedTrip] = []
    checked: list[Checked] = []  # in file order: the loaded files and the broken ones' names
    broken: set[str] = set()
    touched: dict[str, os.stat_result] = {}
    with contextlib.closing(_prepare_all(work, finder)) as prepared:
        results = list(prepared)
    for (path, stat), (item, file_problems, names, warnings) in zip(changed, results):
        problems.extend(file_problems)
        report.warnings.extend(warnings)
        if isinstance(item, Unchanged):
            touched[keys(path)] = stat  # content unchanged, only the time moved: refresh the state
            report.unchanged += 1
            continue
        if names is not None and names is not item:
            checked.append(names)
            broken.add(keys(path))  # its stored version is not checked against: it is being replaced
        if item is None:
            continue
        loaded.append(item)
        checked.append(item)

    removed_paths = [p for p in states if _under(p, folders) and p not in seen and _gone(p)]
    replaced = {keys(i.path) for i in loaded} | set(removed_paths)
    replaced |= _moved_away(states, replaced, loaded)
    staying = {p: s for p, s in states.items() if p not in replaced and p not in broken}
    problems.extend(check_across(checked, _known_ids(store, staying, checked)))
    if problems:
        raise ValidationFailed(problems)

    with store.transaction_since(since):
        old_ids = {states[p][0] for p in replaced if p in states}
        for trip_id in sorted(old_ids):
            store.delete_trip(trip_id)
        new_ids = set()
        for item in loaded:
            _write(store, item, keys, read_stats[item.path], started_ns)
            new_ids.add(item.trip_id)
            (report.updated if item.trip_id in old_ids else report.added).append(item.trip_id)
        report.removed = sorted(old_ids - new_ids)
        for key, stat in touched.items():
            store.conn.execute("UPDATE files SET mtime_ns = ?, size = ? WHERE path = ?",
                               (_recorded_time(stat, started_ns), stat.st_size, key))
        store.drop_orphans()
    return report


class Shadowed(NamedTuple):
    """A bundled trip file left out of the store: the store holds its trip (the same trip id)
    from a file imported from elsewhere, which it keeps."""

    bundled: Path
    trip_id: str
    imported: str  # the file the store holds the trip from

    def message(self) -> str:
        """What is going on and how to resolve it, in one message."""
        from ..problems import display_path

        return messages()(
            "{bundled} (bundled with tripdesk) has the trip id {id}, which the store holds from "
            "{imported}, imported from there: the store keeps that one and leaves the bundled file "
            "out, without a warning at each launch. If they are two different trips, give your copy "
            "its own id and import it again; to use the bundled file instead, move your copy out of "
            "its folder and import that folder again (tripdesk import {folder}).").format(
                bundled=display_path(self.bundled), id=self.trip_id,
                imported=display_path(Path(self.imported)), folder=display_path(Path(self.imported).parent))


def shadowed_bundled(conn: "sqlite3.Connection", folder: Path) -> list[Shadowed]:
    """The trip files of the bundled data (`folder`) that the store leaves out because it holds
    their trip from a file elsewhere. Reads the trip id of each bundled file the store does not
    hold (a few files), and only when the store holds trips from outside the folder."""
    prefix = _key(folder) + os.sep
    stored = dict(conn.execute("SELECT path, trip_id FROM files").fetchall())
    elsewhere = {trip_id: path for path, trip_id in stored.items() if not path.startswith(prefix)}
    if not elsewhere or not folder.is_dir():
        return []
    found = []
    for path in find_trip_files([folder])[0]:
        if _key(path) in stored:
            continue
        result = read_file(path)
        trip = result.document.get("trip") if isinstance(result.document, dict) else None
        trip_id = trip.get("id") if isinstance(trip, dict) else None
        if isinstance(trip_id, str) and trip_id in elsewhere:
            found.append(Shadowed(path, trip_id, elsewhere[trip_id]))
    return found


def _readable_by_this_user() -> Callable[[os.stat_result], bool]:
    """Whether the permission bits of a file let this user read it: for the files an import
    does not read again (their size and time are those stored), so that one made unreadable
    since is reported as `validate` reports it. From the `stat` already taken: no system call."""
    uid, gids = os.geteuid(), {os.getegid(), *os.getgroups()}
    if uid == 0:
        return lambda stat: True

    def readable(stat: os.stat_result) -> bool:
        if stat.st_uid == uid:
            return bool(stat.st_mode & stat_module.S_IRUSR)
        if stat.st_gid in gids:
            return bool(stat.st_mode & stat_module.S_IRGRP)
        return bool(stat.st_mode & stat_module.S_IROTH)

    return readable


def _gone(path: str) -> bool:
    """Whether a stored file not found in its folder is really gone (no regular file is
    there any more), rather than out of sight: in a folder that cannot be read (reported as a
    problem), its trip is not removed."""
    try:
        return not stat_module.S_ISREG(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False


def _articles_changed(store: Store, imported: list[Path], finder: ArticleFinder, keys: _Keys) -> set[Path]:
    """The imported trip files whose article files are not those their import read: one
    found now where none was (or found elsewhere), gone, or changed in size or time. Costs
    one query, and a look in the folders for each article of a trip whose import found
    articles or looked for them."""
    stored = store.article_states()
    if not stored:
        return set()
    out: set[Path] = set()
    for path in imported:
        articles = stored.get(keys(path))
        if not articles:
            continue
        folders = finder.folders(path)
        for name, found, size, mtime_ns in articles:
            now = finder.find(name, folders)
            if now is None:
                if found is not None:
                    out.add(path)
                    break
                continue
            try:
                stat = now.stat()
            except OSError:
                out.add(path)
                break
            if (str(now.absolute()), stat.st_size, stat.st_mtime_ns) != (found, size, mtime_ns):
                out.add(path)
                break
    return out


def _moved_away(states: dict[str, tuple[str, str, int, int]], replaced: set[str],
                loaded: list[PreparedTrip]) -> set[str]:
    """The stored files, not otherwise replaced, whose trip a file being imported now holds
    and which are gone from the disk: the trip's file was moved (or renamed), and the file
    being imported is its new home. (A stored file still there keeps its trip: two files
    with one trip id is a problem the checks between files report.)"""
    ids = {item.trip_id for item in loaded}
    return {path for path, (trip_id, *_rest) in states.items()
            if trip_id in ids and path not in replaced and not os.path.exists(path)}


def _old_content(state: tuple[str, str, int, int] | None) -> tuple[str, str] | None:
    """(trip id, sha256) of what the store holds for a file."""
    return (state[0], state[1]) if state else None


def _write(store: Store, item: PreparedTrip, keys: _Keys, stat: os.stat_result,
           started_ns: int) -> None:
    """Write a prepared trip with the size and modification time its file had before it was
    read (a change made since is then seen by the next import)."""
    store.write_trip(item.rows, keys(item.path), item.digest, stat.st_size,
                     _recorded_time(stat, started_ns))


def _import_all_new(store: Store, work: list[tuple[Path, tuple[str, str] | None]], finder: ArticleFinder,
                    read_stats: dict[Path, os.stat_result], problems: list[Problem],
                    report: ImportReport, keys: _Keys, *, rebuild: bool, since: int | None,
                    started_ns: int) -> ImportReport:
    """Import into a store that keeps none of its trips (a new one, or a rebuild).

    Nothing stored can be replaced or checked against, so each file is written as soon as it
    has passed its checks, while the worker processes read the next ones, inside the one
    transaction; the first problem stops the writing, every file is still checked so that all
    problems are reported, and the transaction is rolled back: nothing is written, as when
    every file is checked first (see docs/performance.md).
    """
    across = AcrossCheck()
    across_problems: list[Problem] = []
    with store.transaction_since(since), contextlib.closing(_prepare_all(work, finder)) as prepared:
        old_ids = set()
        if rebuild:
            old_ids = {row[0] for row in store.conn.execute("SELECT id FROM trips")}
            store.clear()  # rows a damaged store left behind go too: a rebuild starts clean
        failed = bool(problems)
        for item, file_problems, names, warnings in prepared:
            problems.extend(file_problems)
            report.warnings.extend(warnings)
            assert not isinstance(item, Unchanged)  # nothing stored to be unchanged from
            if item is None:
                failed = True
                if names is not None:  # its trip id and sound names still count between files
                    across_problems.extend(across.add(names))
                continue
            found = across.add(item)
            across_problems.extend(found)
            failed = failed or bool(found)
            if not failed:
                _write(store, item, keys, read_stats[item.path], started_ns)
                (report.updated if item.trip_id in old_ids else report.added).append(item.trip_id)
        if failed:
            raise ValidationFailed(problems + across_problems)  # rolls the transaction back
        report.removed = sorted(old_ids - {*report.added, *report.updated})
        store.drop_orphans()
    return report


def known_in_store(store: Store, paths: list[Path]) -> Callable[[list[Checked]], KnownIds]:
    """What `tripdesk validate --db` checks files under `paths` against: what the store holds
    from the files an import of `paths` would keep (its other files), exactly as
    `import_paths` would check them: a trip id one of those holds, an organisation, person or
    home city they name otherwise."""
    files, _problems = find_trip_files(paths)
    keys = _Keys()
    mine = {keys(path) for path in files}
    folders = [_key(p) for p in paths if p.is_dir()]
    states = store.file_states()

    def known(checked: list[Checked]) -> KnownIds:
        ids = {item.names.id for item in checked}
        staying = {path: state for path, state in states.items() if path not in mine
                   and not ((_under(path, folders) or state[0] in ids) and _gone(path))}
        return _known_ids(store, staying, checked)

    return known


def _known_ids(store: Store, staying: dict[str, tuple[str, str, int, int]],
               loaded: list[Checked]) -> KnownIds:
    """Trip ids and entity names defined by the files that are not being re-read (the names
    only of the entities the re-read files use: no other is checked against)."""
    known = KnownIds()
    if not staying:
        return known
    trip_files = {trip_id: path for path, (trip_id, *_rest) in staying.items()}
    try:
        cwd = os.getcwd()
    except OSError:  # the working directory was deleted: name the files in full
        known.trips = dict(trip_files)
    else:
        here = cwd.rstrip(os.sep) + os.sep
        known.trips = {t: p[len(here):] if p.startswith(here) else os.path.relpath(p) if p.startswith(cwd) else p
                       for t, p in trip_files.items()}  # relpath() for 10,000 paths took 0.3 s
    c = store.conn
    # Only the entities the re-read files use, one row each (the first staying trip that has
    # it): reading every use of every entity of 10,000 trips (~130,000 rows) took 0.4 s.
    used: dict[str, set[str]] = {"organisation": set(), "person": set(), "home city": set()}
    for item in loaded:
        if item.names.home_city is not None:
            used["home city"].add(item.names.home_city[0])
        used["organisation"].update(entity_id for entity_id, _name in item.names.organisations)
        used["person"].update(entity_id for entity_id, _name in item.names.people)
    leaving = json.dumps(sorted({row[0] for row in c.execute("SELECT id FROM trips")} - set(trip_files)))
    queries = {
        "organisation": "SELECT o.id, o.name_ko, o.name_en, o.name_plain, min(t.trip_id) FROM organisations o "
                        "JOIN trip_organisations t ON t.organisation_id = o.id "
                        "WHERE o.id IN (SELECT value FROM json_each(?)) "
                        "AND t.trip_id NOT IN (SELECT value FROM json_each(?)) GROUP BY o.id",
        "person": "SELECT p.id, p.name_ko, p.name_en, p.name_plain, min(t.trip_id) FROM people p "
                  "JOIN trip_people t ON t.person_id = p.id "
                  "WHERE p.id IN (SELECT value FROM json_each(?)) "
                  "AND t.trip_id NOT IN (SELECT value FROM json_each(?)) GROUP BY p.id",
        "home city": "SELECT h.id, h.name_ko, h.name_en, h.name_plain, min(t.id) FROM home_cities h "
                     "JOIN trips t ON t.home_city_id = h.id "
                     "WHERE h.id IN (SELECT value FROM json_each(?)) "
                     "AND t.id NOT IN (SELECT value FROM json_each(?)) GROUP BY h.id",
    }
    for kind, sql in queries.items():
        if not used[kind]:
            continue
        for entity_id, ko, en, plain, trip_id in c.execute(sql, (json.dumps(sorted(used[kind])), leaving)):
            key = (kind, entity_id)
            if trip_id in trip_files and key not in known.entities:  # the first file that has it
                name = Text(plain=plain) if plain is not None else Text(ko=ko, en=en)
                known.entities[key] = (name, known.trips[trip_id])
    return known
