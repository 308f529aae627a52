"""Import trip files into the store: all or nothing, incremental, idempotent.

Only files whose size, modification time or content changed are read again; unchanged ones
are checked against through what the store already knows (their trip ids and entity names).
Importing a whole folder drops the trips whose file is gone from it. If any file fails
validation, nothing is written.
"""

from __future__ import annotations

import functools
import gc
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .loader import KnownIds, LoadedTrip, check_across, find_trip_files, load_file
from .model import Text
from .problems import Problem, ValidationFailed
from .store import Store, file_digest, guarded


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.updated)} updated, "
                f"{len(self.removed)} removed, {self.unchanged} unchanged")


def _key(path: Path) -> str:
    return str(path.resolve())


class _Keys:
    """`_key` for the many files of a few folders: each folder is resolved once, and a file
    only in full when it is itself a symbolic link. Resolving 10,000 paths one by one took a
    third of a re-import (see docs/performance.md)."""

    def __init__(self) -> None:
        self.folders: dict[Path, str] = {}

    def __call__(self, path: Path) -> str:
        if path.is_symlink():
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


@guarded
@_without_gc
def import_paths(store: Store, paths: Iterable[Path], *, rebuild: bool = False) -> ImportReport:
    """Import files and folders. Raises ValidationFailed (writing nothing) on any problem."""
    paths = list(paths)
    files, problems = find_trip_files(paths)
    folders = [_key(p) for p in paths if p.is_dir()]
    states = {} if rebuild else store.file_states()
    report = ImportReport()
    keys = _Keys()

    changed: list[tuple[Path, os.stat_result]] = []
    seen: set[str] = set()
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
            report.unchanged += 1
            continue
        changed.append((path, stat))

    loaded: list[LoadedTrip] = []
    touched: dict[str, os.stat_result] = {}
    for path, stat in changed:
        key = keys(path)
        old = states.get(key)
        item, file_problems = load_file(path)
        problems.extend(file_problems)
        if item is None:
            continue
        digest = file_digest(item.raw)
        if old and old[1] == digest and old[0] == item.trip.id:
            touched[key] = stat  # content unchanged, only the time moved: refresh the state
            report.unchanged += 1
            continue
        loaded.append(item)

    removed_paths = [p for p in states if _under(p, folders) and p not in seen]
    replaced = {keys(i.path) for i in loaded} | set(removed_paths)
    staying = {p: s for p, s in states.items() if p not in replaced}
    problems.extend(check_across(loaded, _known_ids(store, staying, loaded)))
    if problems:
        raise ValidationFailed(problems)

    with store.transaction:
        old_ids = {states[p][0] for p in replaced if p in states}
        if rebuild:
            old_ids = {row[0] for row in store.conn.execute("SELECT id FROM trips")}
            store.clear()  # rows a damaged store left behind go too: a rebuild starts clean
        for trip_id in sorted(old_ids):
            store.delete_trip(trip_id)
        new_ids = set()
        for item in loaded:
            stat = item.path.stat()
            store.write_trip(item.trip, keys(item.path), file_digest(item.raw), stat.st_size,
                             stat.st_mtime_ns)
            new_ids.add(item.trip.id)
            (report.updated if item.trip.id in old_ids else report.added).append(item.trip.id)
        report.removed = sorted(old_ids - new_ids)
        for key, stat in touched.items():
            store.conn.execute("UPDATE files SET mtime_ns = ?, size = ? WHERE path = ?",
                               (stat.st_mtime_ns, stat.st_size, key))
        store.drop_orphans()
    return report


def _known_ids(store: Store, staying: dict[str, tuple[str, str, int, int]],
               loaded: list[LoadedTrip]) -> KnownIds:
    """Trip ids and entity names defined by the files that are not being re-read (the names
    only of the entities the re-read files use: no other is checked against)."""
    known = KnownIds()
    if not staying:
        return known
    trip_files = {trip_id: path for path, (trip_id, *_rest) in staying.items()}
    cwd = os.getcwd()
    here = cwd.rstrip(os.sep) + os.sep
    known.trips = {t: p[len(here):] if p.startswith(here) else os.path.relpath(p) if p.startswith(cwd) else p
                   for t, p in trip_files.items()}  # relpath() for 10,000 paths took 0.3 s
    c = store.conn
    # Only the entities the re-read files use, one row each (the first staying trip that has
    # it): reading every use of every entity of 10,000 trips (~130,000 rows) took 0.4 s.
    used: dict[str, set[str]] = {"organisation": set(), "person": set(), "home city": set()}
    for item in loaded:
        used["home city"].add(item.trip.home_city.id)
        used["organisation"].update(o.id for o in item.trip.organisations)
        used["person"].update(p.id for p in item.trip.people)
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
