"""Benchmarks of the layers under the desk: import, re-import, search and export.

Each function returns `Figure`s whose baseline is measured in the same run, on the same
files or store, by the least work that could produce the same result:

- import: reading every file and `yaml.load` with libyaml's CSafeLoader (no validation, no
  store): the floor any importer of these YAML files pays;
- the store's write floor: the built store copied table by table into a new, empty one
  inside SQLite (`INSERT ... SELECT`, journal off, no sync, no foreign key checks), against the
  same copy without the full-text index: what writing the store costs with no YAML, no
  checks and no Python between the rows, the least any importer of this schema pays;
- re-import after one change: `os.stat` of every file of the folder plus reading and parsing
  the one changed file: the least an incremental import can do;
- search: an FTS5 MATCH on a ten-row in-memory table with the same tokenizer (the cost of a
  query round trip through sqlite3, with no data);
- export: loading the trip from the store and `json.dumps` of its document (what the JSON
  export does);
- excerpts: validating the bundled trips with their articles, every evidence excerpt looked
  for in its article file, against the same validation with no article file found (the
  excerpts then go unchecked): what checking the excerpts adds.
"""

from __future__ import annotations

import gc
import json
import os
import re
import sqlite3
import time
from pathlib import Path
from typing import Callable

import yaml

from ..files.document import trip_to_document
from ..store import Store, queries
from ..store.importer import import_paths
from .stats import Figure, timed

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

Log = Callable[[str], None]


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def import_once(folder: Path, db: Path) -> float:
    """Seconds to import `folder` into a new database at `db`."""
    remove_db(db)
    gc.collect()
    start = time.perf_counter()
    store = Store.open(db)
    try:
        report = import_paths(store, [folder])
    finally:
        store.close()
    elapsed = time.perf_counter() - start
    if not report.added:
        raise RuntimeError(f"importing {folder} added nothing")
    return elapsed


def parse_all(files: list[Path]) -> float:
    gc.collect()
    start = time.perf_counter()
    for path in files:
        yaml.load(path.read_bytes(), Loader=_Loader)
    return time.perf_counter() - start


def bench_import(folder: Path, db: Path, reps: int, label: str, key: str, limit: float | None,
                 log: Log) -> Figure:
    files = sorted(folder.glob("*.yaml"))
    fig = Figure(key, f"import of {len(files):,} trip files ({label})", "s",
                 "read + yaml.load (CSafeLoader) of the same files",
                 f"< {limit:g} s" if limit else "—", limit=limit, on="median")
    for rep in range(reps):
        fig.baseline.append(parse_all(files))
        fig.samples.append(import_once(folder, db))
        log(f"  {key} {rep + 1}/{reps}: {fig.samples[-1]:.2f} s (baseline {fig.baseline[-1]:.2f} s)")
    return fig


def copy_store(source: Path, dest: Path, with_search: bool, keep: bool = False) -> float:
    """Seconds to copy every row of the store at `source` into a new store at `dest`.

    The new store gets `source`'s own schema (tables, indexes, the FTS5 table) and the rows
    are copied by SQLite alone, one `INSERT ... SELECT` per table in one transaction, with
    the fastest settings SQLite allows. Without `with_search` the full-text index and its
    row map are left out. The copy is deleted afterwards unless `keep`.
    """
    remove_db(dest)
    src = sqlite3.connect(source)
    try:
        shadow = {name for (name,) in src.execute(
            "SELECT name FROM pragma_table_list WHERE type IN ('shadow', 'virtual')")}
        schema = src.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    finally:
        src.close()
    skipped = shadow - {"search"}  # FTS5's own tables: the virtual table creates them
    if not with_search:
        skipped |= {"search", "search_rows"}
    statements = [sql for _kind, name, sql in schema if name not in skipped]
    copied = [name for kind, name, _sql in schema  # the FTS5 table is copied by its columns
              if kind == "table" and name not in skipped and name not in shadow]
    db = sqlite3.connect(dest, isolation_level=None)
    try:
        db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;"
                         "PRAGMA cache_size = -1000000; PRAGMA temp_store = MEMORY;"
                         + ";\n".join(statements) + ";")
        db.execute("ATTACH DATABASE ? AS old", (str(source),))
        gc.collect()
        start = time.perf_counter()
        db.execute("BEGIN")
        for name in copied:
            db.execute(f'INSERT INTO main."{name}" SELECT * FROM old."{name}"')
        if with_search:
            columns = [row[1] for row in db.execute('PRAGMA main.table_info("search")')]
            listed = ", ".join(["rowid", *columns])
            db.execute(f"INSERT INTO main.search({listed}) SELECT {listed} FROM old.search")
        db.execute("COMMIT")
        elapsed = time.perf_counter() - start
    finally:
        db.close()
        if not keep:
            remove_db(dest)
    return elapsed


def bench_store_floor(source: Path, scratch: Path, reps: int, trips: int, log: Log) -> Figure:
    """The store's write floor: `source` copied inside SQLite, with and without its index."""
    fig = Figure("store_floor", f"writing the {trips:,}-trip store inside SQLite alone (copied "
                 "from the built store: no YAML, no checks, no Python per row)", "s",
                 "the same copy without the full-text index", "—")
    for rep in range(reps):
        fig.baseline.append(copy_store(source, scratch, with_search=False))
        fig.samples.append(copy_store(source, scratch, with_search=True))
        log(f"  store floor {rep + 1}/{reps}: {fig.samples[-1]:.2f} s "
            f"(without the index {fig.baseline[-1]:.2f} s)")
    return fig


def bench_reimport(folder: Path, db: Path, reps: int, log: Log) -> Figure:
    """Change one file (a different one each time), re-import the folder into `db`."""
    files = sorted(folder.glob("*.yaml"))
    fig = Figure("reimport_one", f"re-import of {len(files):,} files after one changed", "ms",
                 "stat of every file + read + yaml.load of the changed one", "< 1 s",
                 limit=1.0, on="p95")
    originals: dict[Path, bytes] = {}
    step = max(1, len(files) // max(reps, 1))
    try:
        store = Store.open(db)
        try:
            for rep in range(reps):
                path = files[(rep * step + 1) % len(files)]
                originals.setdefault(path, path.read_bytes())
                text = originals[path].decode("utf-8")
                # A real edit of the content: the delegation's head count.
                changed = re.sub(r"head_count: \d+", f"head_count: {1000 + rep}", text, count=1)
                if changed == text:
                    changed = text + f"\n# revised {rep}\n"
                path.write_text(changed, encoding="utf-8")
                gc.collect()
                start = time.perf_counter()
                report = import_paths(store, [folder])
                fig.samples.append(time.perf_counter() - start)
                if len(report.updated) != 1:
                    raise RuntimeError(f"re-import updated {report.summary()}, expected 1")

                def floor() -> None:
                    for f in files:
                        f.stat()
                    yaml.load(path.read_bytes(), Loader=_Loader)

                fig.baseline.append(timed(floor))
                log(f"  reimport {rep + 1}/{reps}: {fig.samples[-1] * 1000:.0f} ms "
                    f"(baseline {fig.baseline[-1] * 1000:.0f} ms)")
        finally:
            store.close()
    finally:
        for path, data in originals.items():
            path.write_bytes(data)
    if originals:  # bring the store back in line with the restored files
        with Store.open(db) as store:
            import_paths(store, [folder])
    return fig


# -- search ---------------------------------------------------------------------------------

KOREAN_2 = ["협약", "구미", "대전", "방문", "회의", "시장", "교류", "기업"]
OTHER_QUERIES = ["업무협약", "상공회의소", "agreement", "semiconductors", "Springfield",
                 "City Hall", "구미 방문", "mayor smith", "zzzz-nothing"]


def _baseline_search() -> Callable[[], None]:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')")
    conn.executemany("INSERT INTO t VALUES (?)", [(f"row {i} 협약 방문",) for i in range(10)])

    def run() -> None:
        conn.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rank LIMIT 200", ('"협약"',)).fetchall()

    return run


def bench_search(db: Path, reps: int, log: Log) -> list[Figure]:
    base = _baseline_search()
    figs = []
    with Store.open(db, create=False) as store:
        trips = store.trip_count()
        for key, label, words in (
            ("search_ko2", "search, two-syllable Korean", KOREAN_2),
            ("search_other", "search, longer Korean / English / mixed", OTHER_QUERIES),
        ):
            fig = Figure(key, f"{label} over {trips:,} trips", "ms",
                         "FTS5 MATCH on a 10-row table", "p95 < 50 ms", limit=0.050)
            hits: dict[str, int] = {}
            for word in words:
                hits[word] = len(queries.search(store, word))  # warm the page cache once
                for _ in range(reps):
                    fig.samples.append(timed(lambda: queries.search(store, word)))
                    fig.baseline.append(timed(base))
            fig.note = "hits: " + ", ".join(f"{w} {n}" for w, n in hits.items())
            log(f"  {key}: median {fig.median * 1000:.1f} ms, p95 {fig.p95 * 1000:.1f} ms ({fig.note})")
            figs.append(fig)
    return figs


# -- export ---------------------------------------------------------------------------------


def bench_export(db: Path, trip_id: str, reps: int, log: Log) -> Figure:
    fig = Figure("export_md", "Markdown export of a 30-day trip (load + render)", "ms",
                 "load + json.dumps of the document", "< 100 ms", limit=0.100, on="p95")
    try:
        from ..export import render
    except ImportError as exc:  # the export package is not there yet
        fig.error = f"tripdesk.export is not importable ({exc})"
        return fig
    with Store.open(db, create=False) as store:
        trip = queries.load_trip(store, trip_id)
        if trip is None or trip.day_count != 30:
            fig.error = f"no 30-day trip {trip_id} in the store"
            return fig
        size = len(render(trip, fmt="md", lang="both"))
        for _ in range(reps):
            fig.samples.append(timed(lambda: render(queries.load_trip(store, trip_id), fmt="md", lang="both")))  # type: ignore[arg-type]
            fig.baseline.append(timed(lambda: json.dumps(
                trip_to_document(queries.load_trip(store, trip_id)), ensure_ascii=False)))  # type: ignore[arg-type]
    fig.note = f"{trip_id}: {len(trip.days)} days, {len(trip.events())} events, {size:,} characters of Markdown"
    log(f"  export: median {fig.median * 1000:.1f} ms, p95 {fig.p95 * 1000:.1f} ms ({fig.note})")
    return fig


def bench_excerpts(folder: Path, articles: Path, reps: int, log: Log) -> Figure:
    """`load_paths` of the bundled trips with `--articles` (each run a new finder: every
    article file is read, decoded and normalised again), against the same without them."""
    from ..files.loader import load_paths

    fig = Figure("excerpts", "validate the bundled trips, every excerpt checked in its article", "ms",
                 "the same validation, no article found (excerpts unchecked)", "≤ 1.5x",
                 max_ratio=1.5)
    if not articles.is_dir():
        fig.error = f"the articles are not there ({articles})"
        return fig
    with_articles = load_paths([folder], articles=[articles])
    checked = sum(t.excerpts_checked for t in with_articles.trips)
    if with_articles.problems or not checked:
        fig.error = f"the bundled trips do not validate with their articles ({len(with_articles.problems)} problems)"
        return fig
    none_found = [folder / "no-articles-here"]
    saved = os.environ.pop("TRIPDESK_ARTICLES", None)  # neither run looks anywhere else
    try:
        for _ in range(reps):
            fig.samples.append(timed(lambda: load_paths([folder], articles=[articles])))
            fig.baseline.append(timed(lambda: load_paths([folder], articles=none_found)))
    finally:
        if saved is not None:
            os.environ["TRIPDESK_ARTICLES"] = saved
    articles_read = sum(1 for t in with_articles.trips for a in t.articles if a.text is not None)
    fig.note = (f"{len(with_articles.trips)} trips, {checked} excerpts in {articles_read} article files "
                f"({sum(len(a.text or '') for t in with_articles.trips for a in t.articles):,} characters)")
    log(f"  excerpts: median {fig.median * 1000:.1f} ms against {fig.baseline_median * 1000:.1f} ms ({fig.note})")
    return fig


def folder_size(folder: Path) -> tuple[int, int]:
    """(number of trip files, total bytes)."""
    files = list(folder.glob("*.yaml"))
    return len(files), sum(os.path.getsize(f) for f in files)
