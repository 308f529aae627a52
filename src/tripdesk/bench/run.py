"""Run every measurement and write the table into docs/performance.md.

    python -m tripdesk.bench run [--quick] [--out docs/performance.md] [--work bench-out]

The full run generates (once, then reuses) 1,000 and 10,000 trip files under `--work`, and
takes about 15-25 minutes on 2 cores, most of it importing 10,000 files three times.
`--quick` runs every measurement on tiny data (20 trips, 1-3 repetitions) in a temporary
folder: the test suite uses it to check that every figure is produced. `--only KEY,...` runs
the rows named (with their baselines, as always) and puts them in the report's table in place
of the rows they measure again, leaving the others as they were.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..paths import articles_dir, bundled_data_dir
from ..store import Store, queries
from ..store.importer import import_paths
from . import generate as gen
from . import ptyrun
from .draft_bench import bench_draft
from .stats import Figure
from .store_bench import (
    bench_excerpts,
    bench_export,
    bench_import,
    bench_reimport,
    bench_search,
    bench_store_floor,
    folder_size,
    remove_db,
)

TABLE_HEADER = ["figure", "median", "p95", "baseline (median)", "ratio", "target", "met?"]
BEGIN = "<!-- bench:begin (written by `python -m tripdesk.bench run`; edit outside these marks) -->"
END = "<!-- bench:end -->"
COMMAND = "python -m tripdesk.bench run"


@dataclass
class Config:
    work: Path
    out: Path
    quick: bool = False
    seed: int = 1
    small: int = 1000
    big: int = 10000
    import_reps_small: int = 5
    import_reps_big: int = 3
    reimport_reps: int = 9
    paint_reps: int = 9
    presses: int = 30
    search_reps: int = 5
    export_reps: int = 20
    draft_reps: int = 5
    size: tuple[int, int] = (120, 40)
    only: frozenset[str] | None = None  # the figure keys to measure (None: all)

    @classmethod
    def quick_config(cls, work: Path, out: Path) -> "Config":
        return cls(work=work, out=out, quick=True, small=10, big=20, import_reps_small=2,
                   import_reps_big=2, reimport_reps=2, paint_reps=1, presses=3, search_reps=2,
                   export_reps=3, draft_reps=1)


# -- data ---------------------------------------------------------------------------------------


def _generator_hash() -> str:
    return hashlib.sha256(Path(gen.__file__).read_bytes()).hexdigest()[:16]


def ensure_trips(folder: Path, count: int, seed: int, log: Callable[[str], None]) -> Path:
    """Generate `count` trips into `folder` unless the same ones are already there."""
    stamp = folder / ".bench-stamp"  # not *.json: the importer would read it as a trip
    want = {"trips": count, "seed": seed, "generator": _generator_hash()}
    if stamp.exists() and json.loads(stamp.read_text()) == want and \
            len(list(folder.glob("*.yaml"))) == count:
        log(f"reusing {count:,} generated trips in {folder}")
        return folder
    log(f"generating {count:,} trips into {folder} (seed {seed}) ...")
    start = time.perf_counter()
    gen.generate(folder, count, seed)
    stamp.write_text(json.dumps(want))
    log(f"  generated in {time.perf_counter() - start:.1f} s")
    return folder


def build_db(folder: Path, db: Path, articles: list[Path] | None = None) -> None:
    """A new store at `db` from the trip files in `folder` (and the article files in `articles`)."""
    remove_db(db)
    with Store.open(db) as store:
        import_paths(store, [folder], articles=articles or [])


def first_cities(db: Path, n: int = 2) -> list[str]:
    """The English names of the first cities of the city list (what first paint waits for)."""
    with Store.open(db, create=False) as store:
        rows = queries.home_cities(store)
    return [r.name.get("en") for r in rows[:n]]


# -- the machine ----------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    info = {
        "cores": str(os.cpu_count()),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": f"{platform.system()} {platform.release()}",
        "sqlite": sqlite3.sqlite_version,
    }
    try:
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        info["memory"] = f"{int(mem) / 1024 / 1024:.1f} GiB"
    except (OSError, IndexError, ValueError):
        pass
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from importlib.metadata import version

        info["textual"] = version("textual")
        info["pyyaml"] = version("pyyaml")
    except Exception:  # noqa: BLE001
        pass
    return info


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# -- the run ------------------------------------------------------------------------------------


def run(config: Config, log: Callable[[str], None] = print) -> list[Figure]:
    from . import pilot_bench, pty_bench

    config.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    load_before = load_average()
    only = config.only

    def wanted(*keys: str) -> bool:
        return only is None or any(key in only for key in keys)

    # Every figure but these measures the generated trips (generated once, then reused).
    generated = wanted(*(key for key in ORDER if key not in BUNDLED_KEYS))
    small_dir = big_dir = config.work
    long_trip = ""
    if generated:
        small_dir = ensure_trips(config.work / f"trips-{config.small}", config.small, config.seed, log)
        big_dir = ensure_trips(config.work / f"trips-{config.big}", config.big, config.seed, log)
        long_trip = gen.long_trip_id(big_dir)
    big_db = config.work / f"trips-{config.big}.db"
    figures: list[Figure] = []

    def step(name: str, func: Callable[[], list[Figure]], placeholders: list[Figure]) -> None:
        if not wanted(*(fig.key for fig in placeholders)):
            return
        log(f"{name} ...")
        try:
            figures.extend(func())
        except Exception as exc:  # noqa: BLE001 - one failed step does not stop the others
            log(traceback.format_exc())
            for fig in placeholders:
                fig.error = f"{type(exc).__name__}: {exc}"
            figures.extend(placeholders)

    # -- import, re-import -----------------------------------------------------------------
    step("import", lambda: [bench_import(small_dir, config.work / "import-small.db", config.import_reps_small,
                                         "fresh store", "import_small", None, log)],
         [Figure("import_small", f"import of {config.small:,} trip files", "s", "", "—")])
    step("import (big)", lambda: [bench_import(big_dir, big_db, config.import_reps_big, "fresh store",
                                               "import_big", 15.0, log)],
         [Figure("import_big", f"import of {config.big:,} trip files", "s", "", "< 15 s")])
    if generated and (not big_db.exists() or not _has_trips(big_db)):
        build_db(big_dir, big_db)
    step("store write floor", lambda: [bench_store_floor(big_db, config.work / "store-floor.db",
                                                         config.import_reps_big, config.big, log)],
         [Figure("store_floor", f"writing the {config.big:,}-trip store inside SQLite alone", "s", "", "—")])
    step("re-import", lambda: [bench_reimport(big_dir, big_db, config.reimport_reps, log)],
         [Figure("reimport_one", "re-import after one file changed", "ms", "", "< 1 s")])

    # -- search, export ------------------------------------------------------------------
    step("search", lambda: bench_search(big_db, config.search_reps, log),
         [Figure("search_ko2", "search, two-syllable Korean", "ms", "", "p95 < 50 ms"),
          Figure("search_other", "search, longer Korean / English / mixed", "ms", "", "p95 < 50 ms")])
    step("export", lambda: [bench_export(big_db, long_trip, config.export_reps, log)],
         [Figure("export_md", "Markdown export of a 30-day trip", "ms", "", "< 100 ms")])
    step("excerpts", lambda: [bench_excerpts(bundled_data_dir(), articles_dir(), config.export_reps, log)],
         [Figure("excerpts", "validate with every excerpt checked", "ms", "", "≤ 1.5x")])
    step("draft", lambda: [bench_draft(articles_dir(), config.draft_reps, log)],
         [Figure("draft_article", "tripdesk draft of one seed article", "ms", "", "p95 < 1 s")])

    # -- the desk in a real terminal (first_paint compiles tripdesk's bytecode first) ------
    bundled_db = config.work / "bundled.db"
    if wanted(*BUNDLED_KEYS):  # with the articles, as the `tripdesk` command imports them
        build_db(bundled_data_dir(), bundled_db, [articles_dir()] if articles_dir().is_dir() else [])

    def paint_figures(db: Path, key: str, label: str, ratio: float, browse: bool) -> list[Figure]:
        runs = pty_bench.first_paint(db, first_cities(db), config.paint_reps, log, browse_after=browse)
        figs = [Figure(key, label, "ms", "minimal Textual app: Header, Static, Footer", f"≤ {ratio:g}x the minimal app",
                       samples=runs.desk, baseline=runs.minimal, max_ratio=ratio)]
        if browse:
            figs.append(Figure("rss_big", f"peak memory (VmHWM) of the desk on {config.big:,} trips, "
                               "after opening a city and 5 trips", "MB", "minimal Textual app",
                               "< 250 MB", samples=runs.desk_peak_mb, baseline=runs.minimal_peak_mb,
                               limit=250, on="p95"))
        return figs

    if ptyrun.available():
        step("first paint (bundled)", lambda: paint_figures(
            bundled_db, "paint_bundled", "first paint, bundled data (4 trips)", 1.25, False),
            [Figure("paint_bundled", "first paint, bundled data", "ms", "", "≤ 1.25x")])
        step(f"first paint ({config.big:,})", lambda: paint_figures(
            big_db, "paint_big", f"first paint, {config.big:,} trips", 1.5, True),
            [Figure("paint_big", f"first paint, {config.big:,} trips", "ms", "", "≤ 1.5x"),
             Figure("rss_big", "peak memory (VmHWM)", "MB", "", "< 250 MB")])

        def pty_keys() -> list[Figure]:
            res = pty_bench.key_moves(big_db, first_cities(big_db), config.presses, log)
            base_label = "↓ in the minimal app's OptionList, same terminal"
            return [
                Figure("pty_city_move", "key to frame, real terminal: ↓ in the city list", "ms", base_label,
                       "p95 < 50 ms", samples=res["city_move"], baseline=res["baseline"], limit=0.050),
                Figure("pty_open_trip", "key to frame, real terminal: ↓ to the next trip (opens it)", "ms",
                       base_label, "p95 < 50 ms", samples=res["open_trip"], baseline=res["baseline"],
                       limit=0.050),
            ]

        step("key to frame (pty)", pty_keys,
             [Figure("pty_city_move", "key to frame, real terminal: city list", "ms", "", "p95 < 50 ms"),
              Figure("pty_open_trip", "key to frame, real terminal: next trip", "ms", "", "p95 < 50 ms")])
    else:
        for key in ("paint_bundled", "paint_big", "rss_big", "pty_city_move", "pty_open_trip"):
            if wanted(key):
                figures.append(Figure(key, key, "ms", "", "—", error="needs a Linux pseudo-terminal"))

    # -- the desk headless (Pilot) --------------------------------------------------------
    def pilot_keys() -> list[Figure]:
        base = asyncio.run(pilot_bench.minimal_list_moves(config.presses, config.size))
        res = asyncio.run(pilot_bench.desk_moves(big_db, long_trip, config.presses, config.size, log=log))
        base_label = "↓ in the minimal app's OptionList"
        rows = [
            ("key_city_move", "key to frame, headless: ↓ in the city list", "city_move"),
            ("key_open_trip", "key to frame, headless: ↓ to the next trip (opens it)", "open_trip"),
            ("key_day_move", "key to frame, headless: ↓ through the days of a 30-day trip", "day_move"),
            ("key_pane", "key to frame, headless: Tab to the next pane", "pane"),
            ("key_search_open", "key to frame, headless: Enter on a search hit (opens its trip)", "search_open"),
        ]
        return [Figure(key, label, "ms", base_label, "p95 < 50 ms", samples=res[name], baseline=base,
                       limit=0.050) for key, label, name in rows]

    step("key to frame (Pilot)", pilot_keys,
         [Figure(k, k, "ms", "", "p95 < 50 ms") for k in
          ("key_city_move", "key_open_trip", "key_day_move", "key_pane", "key_search_open")])

    # -- the day-to-day keys (headless, issue 18) ------------------------------------------
    def desk_key_figures() -> list[Figure]:
        from . import keys_bench

        base = asyncio.run(pilot_bench.minimal_list_moves(config.presses, config.size))
        res = asyncio.run(keys_bench.desk_keys(big_db, long_trip, config.presses, config.size, log=log))
        countries, cities, state_cities = res["dest_counts"]  # type: ignore[misc]
        rows = [
            ("key_day_next", "n / p: the next or previous day of a 30-day trip", ""),
            ("key_day_recorded", "} / {: the next or previous day with something recorded", ""),
            ("key_fold", "f: fold the empty days of a 30-day trip, or unfold", ""),
            ("key_search_kind", "Tab in the search dialog: the hits of the next kind",
             f"over the {res['search_hits']} hits of 협약 (all, then each kind in turn)"),
            ("key_dest_open", "d: the destinations by country, state and city (groups read)",
             f"{countries} countries, {cities:,} cities; the first d of the session reads them from the "
             f"store: {res['dest_first'] * 1000:.0f} ms"),
            ("key_dest_move", "↓ in the grouped destinations", ""),
            ("key_dest_fold", "Enter on a state: fold it, or open it", f"a state of {state_cities:,} cities"),
        ]
        return [Figure(key, f"key to frame, headless: {label}", "ms", "↓ in the minimal app's OptionList",
                       "p95 < 50 ms", samples=res[key], baseline=base, limit=0.050, note=note)  # type: ignore[arg-type]
                for key, label, note in rows]

    step("day-to-day keys (Pilot)", desk_key_figures,
         [Figure(k, k, "ms", "", "p95 < 50 ms") for k in DESK_KEYS])

    # -- the article view (headless): the bundled trips, whose sources have their articles ---
    def article_figures() -> list[Figure]:
        trip_id, event_id = ARTICLE_EVENT
        with Store.open(bundled_db, create=False) as store:
            trip = queries.load_trip(store, trip_id)
            found = trip.event(event_id) if trip is not None else None
            if found is None or not found[1].evidence:
                raise RuntimeError(f"the bundled store has no event {event_id} with evidence in {trip_id}")
            evidence = found[1].evidence[0]
            article = queries.article(store, trip_id, evidence.source)
        if article is None:
            raise RuntimeError(f"the bundled store holds no article for {trip_id} {evidence.source} "
                               "(were the articles found at import?)")
        base = asyncio.run(pilot_bench.minimal_article_opens(article.text, config.presses, config.size))
        samples = asyncio.run(pilot_bench.desk_article_opens(bundled_db, trip_id, event_id, evidence.text,
                                                              config.presses, config.size))
        return [Figure("article_open", "key to frame, headless: v opens the article view of an event "
                       "(its excerpt highlighted, in view)", "ms",
                       "a key pushes a screen with the same article in a Static, minimal app",
                       "p95 < 100 ms", samples=samples, baseline=base, limit=0.100,
                       note=f"{trip_id}, event {event_id}: {article.file}, "
                            f"{len(article.text):,} characters")]

    step("article view (Pilot)", article_figures,
         [Figure("article_open", "key to frame, headless: v opens the article view", "ms", "", "p95 < 100 ms")])

    # -- the screens across trips (headless, issue 19) ---------------------------------------
    def across_figures() -> list[Figure]:
        from . import across_bench

        open_base = asyncio.run(across_bench.minimal_screen_opens(config.presses, config.size))
        key_base = asyncio.run(pilot_bench.minimal_list_moves(config.presses, config.size))
        res = asyncio.run(across_bench.desk_across(big_db, config.presses, config.size, log))
        open_label = "a key pushes a screen of 40 lines (a Static), minimal app"
        key_label = "↓ in the minimal app's OptionList"
        opens = [("ledger_open", "a opens the agreements ledger, its rows drawn"),
                 ("entities_open", "o opens organisations and people, their rows drawn"),
                 ("overview_open", "w opens the overview, its bars and map drawn")]
        keys = [("ledger_filter", "a letter typed in the ledger's filter (rows filtered)"),
                ("ledger_move", "↓ in the ledger"),
                ("entities_filter", "a letter typed in the entities' filter (rows filtered)"),
                ("overview_key", "→ to the next trip on the overview's time axis")]
        notes = {
            "ledger_open": f"the first open of the session reads the store: {res['ledger_first'] * 1000:.0f} ms; "
                           f"later opens show the rows kept while the store is unchanged ({res['ledger_rows']:,} "
                           "agreements)",
            "entities_open": f"the first open of the session reads the store: {res['entities_first'] * 1000:.0f} ms; "
                             f"later opens show the rows kept ({res['entities_rows']:,} organisations and people)",
            "overview_open": f"the first open of the session reads the store and the gazetteer: "
                             f"{res['overview_first'] * 1000:.0f} ms; {res['overview_places'][0]:,} of "
                             f"{res['overview_places'][1]:,} destinations on the map (the others are made-up "
                             "names the gazetteer does not have)",
        }
        return ([Figure(key, f"key to frame, headless: {label}", "ms", open_label, "p95 < 150 ms",
                        samples=res[key], baseline=open_base, limit=0.150, note=notes[key])
                 for key, label in opens]
                + [Figure(key, f"key to frame, headless: {label}", "ms", key_label, "p95 < 50 ms",
                          samples=res[key], baseline=key_base, limit=0.050) for key, label in keys])

    step("screens across trips (Pilot)", across_figures,
         [Figure(k, k, "ms", "", "p95 < 150 ms" if k.endswith("_open") else "p95 < 50 ms") for k in ACROSS_KEYS])

    # The first open of each in a session (a new desk each time), beside the same baseline.
    def across_cold_figures() -> list[Figure]:
        from . import across_bench

        reps = 2 if config.quick else COLD_REPS
        open_base = asyncio.run(across_bench.minimal_screen_opens(config.presses, config.size))
        res = asyncio.run(across_bench.desk_across_cold(big_db, reps, config.size, log))
        open_label = "a key pushes a screen of 40 lines (a Static), minimal app"
        labels = {"ledger_cold": ("a opens the agreements ledger, its first rows drawn", "every row read"),
                  "entities_cold": ("o opens organisations and people, their first rows drawn", "every row read"),
                  "overview_cold": ("w opens the overview, its bars drawn", "the map and the rankings drawn")}
        out = []
        for key, (label, whole) in labels.items():
            done = sorted(res[f"{key}_whole"])
            out.append(Figure(
                key, f"key to frame, headless, first open in a new desk: {label}", "ms", open_label,
                "p95 < 150 ms", samples=res[key], baseline=open_base, limit=0.150,
                note=f"a new desk for each sample, the process's caches (the gazetteer) cleared before it; "
                     f"{whole} (median): {done[len(done) // 2] * 1000:.0f} ms after the key"))
        return out

    step("screens across trips, first open (Pilot)", across_cold_figures,
         [Figure(k, k, "ms", "", "p95 < 150 ms") for k in ACROSS_COLD_KEYS])

    figures.sort(key=lambda f: ORDER.index(f.key) if f.key in ORDER else len(ORDER))
    elapsed = time.perf_counter() - started
    if only is not None:
        text = merge_rows(config.out, figures, elapsed, load_before, load_average())
        log(text)
        return figures
    files_small = folder_size(small_dir)
    files_big = folder_size(big_dir)
    text = render_section(config, figures, elapsed, load_before, load_average(), files_small, files_big, long_trip)
    write_report(config.out, text)
    log(text)
    return figures


ORDER = ["import_small", "import_big", "store_floor", "reimport_one", "paint_bundled", "paint_big", "key_city_move",
         "key_open_trip", "key_day_move", "key_pane", "key_search_open", "article_open", "pty_city_move",
         "pty_open_trip", "search_ko2", "search_other", "export_md", "excerpts", "draft_article", "rss_big"]
"""Every figure, in the order of the table."""
# The screens across trips (issue 19), on the big store.
ACROSS_KEYS = ("ledger_open", "ledger_filter", "ledger_move", "entities_open", "entities_filter",
               "overview_open", "overview_key")
ORDER += list(ACROSS_KEYS)
# The day-to-day keys (issue 18), on the big store.
DESK_KEYS = ("key_day_next", "key_day_recorded", "key_fold", "key_search_kind", "key_dest_open",
             "key_dest_move", "key_dest_fold")
ORDER[ORDER.index("key_search_open") + 1:ORDER.index("key_search_open") + 1] = list(DESK_KEYS)
# Their first open in a session, each in a new desk (the rows above reopen screens whose rows
# are kept): few samples, as each starts a desk on the large store.
ACROSS_COLD_KEYS = ("ledger_cold", "entities_cold", "overview_cold")
ORDER += list(ACROSS_COLD_KEYS)
COLD_REPS = 7
BUNDLED_KEYS = ("paint_bundled", "excerpts", "article_open", "draft_article")  # measured on the bundled trips alone
ARTICLE_EVENT = ("gumi-2024-us", "huntsville-chamber-meeting")  # whose article view is timed


def _has_trips(db: Path) -> bool:
    try:
        with Store.open(db, create=False) as store:
            return store.trip_count() > 0
    except Exception:  # noqa: BLE001
        return False


# -- the report ---------------------------------------------------------------------------------


def render_section(config: Config, figures: list[Figure], elapsed: float, load_before: str, load_after: str,
                   files_small: tuple[int, int], files_big: tuple[int, int], long_trip: str) -> str:
    info = machine()
    lines = [BEGIN, ""]
    mode = " --quick" if config.quick else ""
    lines.append(f"Measured {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} by `{COMMAND}{mode}` "
                 f"in {elapsed / 60:.1f} min.")
    lines.append("")
    lines.append("Machine: " + ", ".join(f"{k} {v}" for k, v in info.items())
                 + f"; load average before {load_before}, after {load_after}.")
    lines.append("")
    lines.append(f"Data: {files_small[0]:,} files ({files_small[1] / 1e6:.1f} MB) and {files_big[0]:,} files "
                 f"({files_big[1] / 1e6:.1f} MB) generated with seed {config.seed}; the 30-day trip is "
                 f"`{long_trip}`. Repetitions: import {config.import_reps_small} (small) and "
                 f"{config.import_reps_big} ({config.big:,}), re-import {config.reimport_reps}, first paint "
                 f"{config.paint_reps} each, {config.presses} key presses per key row (Tab and search hits: "
                 f"{max(config.presses // 2, 1)}), each search query {config.search_reps} times, export "
                 f"{config.export_reps}.")
    lines.append("")
    header = TABLE_HEADER
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "|".join(["---"] * len(header)) + "|")
    for fig in figures:
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in fig.row()) + " |")
    notes = [f"- `{f.key}`: {f.note}" for f in figures if f.note]
    if notes:
        lines += ["", "Notes from this run:", ""] + notes
    lines += ["", END]
    return "\n".join(lines)


TEMPLATE = """# Performance

How fast tripdesk is on 10,000 trips, how that is measured, and what was changed to get there.

## Reproducing

    python -m tripdesk.bench generate --trips 10000 --out bench-out/trips-10000   # optional: run does it
    python -m tripdesk.bench run                                                  # about 20 minutes

## Results

{section}
"""


def merge_rows(path: Path, figures: list[Figure], elapsed: float, load_before: str,
               load_after: str) -> str:
    """Put the rows of `figures` (measured alone, `--only`) into the report's table in place of
    the rows with the same labels (or after the last row), and say so in its notes; every other
    row stays as it was. Returns the section as written."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN not in text or END not in text:
        write_report(path, "\n".join([BEGIN, "", "| " + " | ".join(TABLE_HEADER) + " |",
                                       "|" + "|".join(["---"] * len(TABLE_HEADER)) + "|", "", END]))
        text = path.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    body, tail = rest.split(END, 1)
    lines = body.split("\n")
    for fig in figures:
        row = "| " + " | ".join(cell.replace("|", "\\|") for cell in fig.row()) + " |"
        at = next((i for i, line in enumerate(lines) if line.startswith(f"| {fig.label} (n=")
                   or line.startswith(f"| {fig.label} |")), None)
        if at is None:
            at = max(i for i, line in enumerate(lines) if line.startswith("|")) + 1
            lines.insert(at, row)
        else:
            lines[at] = row
    when = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    keys = ",".join(fig.key for fig in figures)
    notes = [f"- `{fig.key}`: measured alone {when} by `{COMMAND} --only {keys}` in "
             f"{elapsed / 60:.1f} min (load average before {load_before}, after {load_after})"
             + (f"; {fig.note}" if fig.note else "") for fig in figures]
    lines = [line for line in lines if not any(line.startswith(f"- `{fig.key}`:") for fig in figures)]
    if "Notes from this run:" not in lines:
        while lines and not lines[-1].strip():
            lines.pop()
        lines += ["", "Notes from this run:", ""]
    at = max(i for i, line in enumerate(lines) if line.startswith("- `") or line == "Notes from this run:") + 1
    if lines[at - 1] == "Notes from this run:":
        at += 1  # after the blank line under the title
    lines[at:at] = notes
    while lines and not lines[-1].strip():
        lines.pop()
    section = BEGIN + "\n".join(lines) + "\n\n" + END
    path.write_text(head + section + tail, encoding="utf-8")
    return section


def write_report(path: Path, section: str) -> None:
    """Put the section between the marks of `path` (or write a new file around it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if BEGIN in text and END in text:
            head, rest = text.split(BEGIN, 1)
            _, tail = rest.split(END, 1)
            path.write_text(head + section + tail, encoding="utf-8")
            return
    path.write_text(TEMPLATE.format(section=section), encoding="utf-8")


def quick_run(out: Path | None = None, log: Callable[[str], None] = print) -> list[Figure]:
    """Every figure on tiny data, in a temporary folder (for the test suite)."""
    with tempfile.TemporaryDirectory(prefix="tripdesk-bench-") as tmp:
        work = Path(tmp)
        config = Config.quick_config(work, out or work / "performance.md")
        figures = run(config, log)
        if out is None:
            shutil.rmtree(work, ignore_errors=True)
        return figures


def main_run(args: object) -> int:
    quick = getattr(args, "quick", False)
    out = Path(getattr(args, "out")) if getattr(args, "out", None) else None
    if quick:
        quick_run(out)
        return 0
    work = Path(getattr(args, "work", "bench-out"))
    only = getattr(args, "only", None)
    config = Config(work=work, out=out or Path("docs/performance.md"), seed=getattr(args, "seed", 1),
                    only=frozenset(only.split(",")) if only else None)
    if config.only is not None and not config.only <= set(ORDER):
        print(f"unknown figure(s): {', '.join(sorted(config.only - set(ORDER)))}; "
              f"the figures are {', '.join(ORDER)}", file=sys.stderr)
        return 2
    figures = run(config)
    missing = [f.key for f in figures if f.error]
    return 1 if missing else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main_run(None))
