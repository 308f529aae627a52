"""The benchmark: the generator writes valid files, and a small run produces every figure.

No timing is asserted: the figures depend on the machine. docs/performance.md holds a real run.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from tripdesk.bench import generate as gen
from tripdesk.bench.__main__ import main as bench_main
from tripdesk.bench.run import BEGIN, END, ORDER, merge_rows, quick_run
from tripdesk.bench.stats import Figure
from tripdesk.bench.store_bench import copy_store
from tripdesk.files.loader import load_paths

FIGURES = ["import_small", "import_big", "store_floor", "reimport_one", "paint_bundled", "paint_big",
           "key_city_move", "key_open_trip", "key_day_move", "key_pane", "key_search_open", "article_open",
           "pty_city_move", "pty_open_trip", "search_ko2", "search_other", "export_md", "excerpts", "draft_article",
           "rss_big", "ledger_open", "ledger_filter", "ledger_move", "entities_open", "entities_filter",
           "overview_open", "overview_key", "key_day_next", "key_day_recorded", "key_fold", "key_search_kind",
           "key_dest_open", "key_dest_move", "key_dest_fold", "ledger_cold", "entities_cold",
           "overview_cold"]


def test_generated_files_validate_and_share_names(tmp_path: Path) -> None:
    paths = gen.generate(tmp_path / "trips", 40, seed=7)
    result = load_paths([tmp_path / "trips"])
    assert result.problems == []
    assert len(result.trips) == 40
    trips = [t.trip for t in result.trips]
    assert trips[0].day_count == 30 or any(t.day_count == 30 for t in trips)
    assert all(3 <= t.day_count <= 30 for t in trips)
    text = "".join(p.read_text(encoding="utf-8") for p in paths)
    assert "협약" in text and "방문" in text and "Mayor" in text
    # an id names one entity everywhere (the validator's check across files passed above)
    names: dict[str, set[str]] = {}
    for t in trips:
        for o in t.organisations:
            names.setdefault(o.id, set()).add(o.name.en or "")
    assert all(len(v) == 1 for v in names.values())


def test_generator_is_deterministic(tmp_path: Path) -> None:
    a = gen.generate(tmp_path / "a", 5, seed=3)
    b = gen.generate(tmp_path / "b", 5, seed=3)
    assert [p.name for p in a] == [p.name for p in b]
    assert all(x.read_bytes() == y.read_bytes() for x, y in zip(a, b))
    c = gen.generate(tmp_path / "c", 5, seed=4)
    assert [p.read_bytes() for p in a] != [p.read_bytes() for p in c]


def test_the_world_has_the_documented_size() -> None:
    homes = gen.home_cities()
    dests = gen.destinations()
    assert len(homes) == 200 and len({h.id for h in homes}) == 200
    assert len(dests) == 1000 and len({(d.country, d.state, d.en) for d in dests}) == 1000
    assert {"gumi", "daejeon"} <= {h.id for h in homes}


def test_generate_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_main(["generate", "--trips", "3", "--out", str(tmp_path / "g")]) == 0
    assert len(list((tmp_path / "g").glob("*.yaml"))) == 3
    assert "wrote 3 trip files" in capsys.readouterr().out


def test_the_write_floor_copies_every_row(tmp_path: Path) -> None:
    """The store's write floor is only a floor if the copy holds everything the import wrote."""
    from tripdesk.store.importer import import_paths
    from tripdesk.store import Store

    gen.generate(tmp_path / "trips", 6, seed=5)
    source = tmp_path / "source.db"
    with Store.open(source) as store:
        import_paths(store, [tmp_path / "trips"])
    copy_store(source, tmp_path / "copy.db", with_search=True, keep=True)
    copy_store(source, tmp_path / "bare.db", with_search=False, keep=True)
    original = sqlite3.connect(source)
    copy = sqlite3.connect(tmp_path / "copy.db")
    bare = sqlite3.connect(tmp_path / "bare.db")
    try:
        tables = [name for (name,) in original.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert "events" in tables and "search" in tables
        for name in tables:
            count = original.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            assert count == copy.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0], name
        assert original.execute("SELECT count(*) FROM events").fetchone()[0] > 6
        query = "SELECT count(*) FROM search WHERE search MATCH '방문'"
        assert copy.execute(query).fetchone() == original.execute(query).fetchone() != (0,)
        indexes = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        assert copy.execute(indexes).fetchone() == original.execute(indexes).fetchone()
        bare_tables = {name for (name,) in bare.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "search" not in bare_tables and "search_rows" not in bare_tables and "events" in bare_tables
    finally:
        for db in (original, copy, bare):
            db.close()


def test_quick_run_produces_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "performance.md"
    figures = quick_run(out, log=lambda _line: None)
    by_key = {f.key: f for f in figures}
    assert sorted(by_key) == sorted(FIGURES)
    for key in FIGURES:
        fig = by_key[key]
        assert not fig.error, f"{key}: {fig.error}"
        assert fig.samples, f"{key}: no samples"
        assert fig.baseline, f"{key}: no baseline"
    text = out.read_text(encoding="utf-8")
    assert BEGIN in text and END in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and "figure" not in line]
    assert len(rows) == len(FIGURES)
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        assert re.search(r"\d", cells[1]) and re.search(r"\d", cells[2]), row  # median, p95
        assert re.search(r"\d", cells[3]), row  # the baseline
        assert cells[6] in ("yes", "**no**", "—"), row


def test_every_figure_has_its_place_in_the_table() -> None:
    assert sorted(ORDER) == sorted(FIGURES)


def test_rows_measured_alone_replace_their_rows_and_leave_the_others(tmp_path: Path) -> None:
    """`run --only KEY`: the rows measured are put in place of the old ones, nothing else moves."""
    old = Figure("article_open", "key to frame, headless: v opens the article view", "ms", "base", "p95 < 100 ms",
                 samples=[0.5], baseline=[0.1], limit=0.1)
    other = Figure("export_md", "Markdown export", "ms", "json", "< 100 ms", samples=[0.02], baseline=[0.01],
                   limit=0.1, note="a note of the full run")
    out = tmp_path / "performance.md"
    out.write_text("# Performance\n\nprose before\n\n" + "\n".join([
        BEGIN, "", "Measured by the full run.", "", "| figure | median | p95 | baseline (median) | ratio | target | met? |",
        "|---|---|---|---|---|---|---|",
        "| " + " | ".join(old.row()) + " |", "| " + " | ".join(other.row()) + " |", "",
        "Notes from this run:", "", f"- `export_md`: {other.note}", "", END]) + "\n\nprose after\n",
        encoding="utf-8")
    new = Figure(old.key, old.label, "ms", "base", "p95 < 100 ms", samples=[0.030, 0.040], baseline=[0.020],
                 limit=0.1, note="gumi-2024-us")
    merge_rows(out, [new], 60.0, "0.1", "0.2")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Performance\n\nprose before\n") and text.endswith("\nprose after\n")
    rows = [line for line in text.splitlines() if line.startswith("| ") and "figure" not in line]
    assert rows == ["| " + " | ".join(new.row()) + " |", "| " + " | ".join(other.row()) + " |"]
    assert "| key to frame, headless: v opens the article view (n=2) | 35.0 ms |" in text
    assert f"- `export_md`: {other.note}" in text  # the full run's notes stay
    assert "- `article_open`: measured alone " in text and "--only article_open" in text
    merge_rows(out, [new], 60.0, "0.1", "0.2")  # again: still one row and one note
    again = out.read_text(encoding="utf-8")
    assert again.count("v opens the article view (n=2)") == 1 and again.count("- `article_open`:") == 1
