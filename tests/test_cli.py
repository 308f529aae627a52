"""The command line: output and exit codes of every command."""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import tripdesk.cli as cli
from tripdesk.cli import main
from tripdesk.paths import articles_dir

from .conftest import DATA, SAMPLE

REAL_SPANS = {
    "gumi-2013-san-diego": ("gumi", "2013-02-15", "2013-02-23"),
    "gumi-2017-americas": ("gumi", "2017-02-12", "2017-02-20"),
    "gumi-2024-us": ("gumi", "2024-10-12", "2024-10-20"),
    "daejeon-2025-us": ("daejeon", "2025-01-05", "2025-01-12"),
}


@pytest.fixture
def sample_bundle(monkeypatch: pytest.MonkeyPatch, trips_dir: Path) -> Path:
    """Make the sample folder stand in for the bundled data."""
    monkeypatch.setattr(cli.datafiles, "bundled_data_dir", lambda: trips_dir)
    return trips_dir


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_first_use_builds_the_store_from_the_bundled_data(
    sample_bundle: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert not db_path.exists()
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0 and db_path.exists()
    assert [t["id"] for t in json.loads(out)] == ["sample-2024-us"]


def test_a_launch_notices_bundled_files_newer_than_the_store(
    sample_bundle: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "list")
    path = sample_bundle / SAMPLE.name
    path.write_text(path.read_text(encoding="utf-8").replace("Sample City delegation", "Sample delegation"),
                    encoding="utf-8")
    code, out, err = run(capsys, "list", "--json")
    assert code == 0
    assert "store refreshed (0 added, 1 updated" in err
    assert json.loads(out)[0]["title"]["en"] == "Sample delegation to the US"


def test_two_first_launches_at_once_both_see_the_whole_store(tmp_path: Path) -> None:
    """Two commands start on a missing database at the same moment: one builds the store from
    the bundled data, the other waits for it; neither sees an empty store nor fails."""
    command = [sys.executable, "-m", "tripdesk", "list", "--json"]
    for attempt in range(4):
        db = tmp_path / f"fl{attempt}.db"
        procs = [subprocess.Popen([*command, "--db", str(db)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(2)]
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            assert {t["id"] for t in json.loads(out)} == set(REAL_SPANS), (attempt, out, err)
        assert sorted(p.name for p in tmp_path.glob(f"fl{attempt}.db*")) in (
            [db.name], [db.name, db.name + "-shm", db.name + "-wal"])


def test_a_first_build_that_fails_leaves_no_store_and_is_tried_again(
    sample_bundle: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundled = sample_bundle / SAMPLE.name
    good = bundled.read_text(encoding="utf-8")
    bundled.write_text(good.replace("  end: 2024-10-14", "  end: 2024-10-10"), encoding="utf-8")
    code, _, err = run(capsys, "list", "--json")
    assert code == 1 and "trip.end: the trip ends (2024-10-10) before it starts" in err
    # The file this launch made is removed: neither a half-built nor an empty store is left.
    assert sorted(p.name for p in db_path.parent.iterdir()) == []
    code, out, _ = run(capsys, "doctor")
    assert code == 1 and "no database at" in out
    bundled.write_text(good, encoding="utf-8")
    code, out, err = run(capsys, "list", "--json")
    assert code == 0, err
    assert [t["id"] for t in json.loads(out)] == ["sample-2024-us"]


def test_a_store_someone_else_made_is_never_deleted_by_a_failed_first_build(
    sample_bundle: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that is there (another launch made it, or the user did) is never deleted."""
    db_path.write_bytes(b"")
    bundled = sample_bundle / SAMPLE.name
    bundled.write_text(bundled.read_text(encoding="utf-8").replace("  end: 2024-10-14", "  end: 2024-10-10"),
                       encoding="utf-8")
    code, _, err = run(capsys, "list", "--json")
    assert code == 1 and "before it starts" in err
    assert db_path.exists()


def test_list_prints_a_table(sample_bundle: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--lang", "ko")
    assert code == 0
    assert "sample-2024-us" in out and "샘플시" in out and "2024-10-12..10-14" in out
    # the headers in Korean too (issue 17)
    assert "도시" in out and "제목" in out and "title" not in out


def test_a_korean_locale_gives_korean_tables(sample_bundle: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    code, out, _ = run(capsys, "list")
    assert code == 0 and "도시" in out and "샘플시" in out
    code, out, _ = run(capsys, "agreements")
    assert code == 0 and "당사자" in out and "parties" not in out
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, out, _ = run(capsys, "list")
    assert code == 0 and "home city" in out and "Sample City" in out


def test_show_prints_every_day_of_the_timeline(sample_bundle: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "sample-2024-us", "--lang", "en")
    assert code == 0
    assert "Day 1 · Sat 2024-10-12" in out and "nothing recorded" in out
    assert "Day 2 · Sun 2024-10-13 · Seattle, WA, US" in out
    assert "14:30  [signing] Signing with the Seattle Public Library *" in out
    assert "time inferred: The schedule printed in the article." in out
    assert "src-a: Sample News" in out


def test_show_an_unknown_trip_suggests_the_closest(sample_bundle: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "sample-2024")
    assert code == 1
    assert "no trip with id 'sample-2024'" in err and "did you mean sample-2024-us?" in err
    assert "Traceback" not in err


def test_search_prints_hits_with_trip_day_and_kind(sample_bundle: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "협약", "--json")
    assert code == 0
    hits = json.loads(out)
    assert any(h["kind"] == "event" and h["trip"] == "sample-2024-us" and h["date"] == "2024-10-13"
               and h["ref"] == "event:library-mou" for h in hits), hits
    code, out, _ = run(capsys, "search", "seattle", "--lang", "en")
    assert code == 0 and "agreement" in out and "2024-10-13" in out


def test_search_with_no_hits_exits_1(sample_bundle: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "search", "없는말")
    assert code == 1 and "nothing found" in err


def test_import_reports_what_changed(trips_dir: Path, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "import", str(trips_dir))
    assert code == 0 and "1 added, 0 updated, 0 removed, 0 unchanged" in out
    code, out, _ = run(capsys, "import", str(trips_dir))
    assert code == 0 and "0 added, 0 updated, 0 removed, 1 unchanged" in out


def test_a_broken_file_gives_file_line_and_leaves_the_store(
    trips_dir: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", str(trips_dir))
    before = db_path.read_bytes()
    broken = trips_dir / SAMPLE.name
    broken.write_text(SAMPLE.read_text(encoding="utf-8").replace("  end: 2024-10-14", "  end: 2024-10-10"),
                      encoding="utf-8")
    code, _, err = run(capsys, "import", str(trips_dir))
    assert code == 1
    assert f"{broken}:" in err and "trip.end: the trip ends (2024-10-10) before it starts" in err
    assert "nothing was written to the store" in err
    assert "Traceback" not in err
    assert db_path.read_bytes() == before


def test_db_option_overrides_the_environment(trips_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.db"
    code, out, _ = run(capsys, "import", str(trips_dir), "--db", str(other))
    assert code == 0 and str(other) in out and other.exists()


def test_db_and_lang_work_before_or_after_the_command(
    trips_dir: Path, tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tmp_path / "before.db"
    code, _, _ = run(capsys, "--db", str(before), "import", str(trips_dir))
    assert code == 0 and before.exists() and not db_path.exists()
    code, out, _ = run(capsys, "--db", str(before), "--lang", "ko", "list")
    assert code == 0 and "샘플시" in out
    code, out, _ = run(capsys, "list", "--db", str(before), "--lang", "en")
    assert code == 0 and "Sample City" in out


def test_version_and_help_for_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("tripdesk ")
    commands = ("new", "validate", "import", "list", "show", "search", "export", "doctor", "schema",
                "draft", "serve", "agreements", "datasette", "stats")
    subparsers = next(a for a in cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(subparsers.choices) == set(commands), "a command was added: list it here"
    for command in commands:
        with pytest.raises(SystemExit) as done:
            main([command, "--help"])
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert "example: tripdesk" in out and "--db" in out
        assert f"usage: tripdesk {command}" in out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_DATA_HOME is the Linux convention")
def test_the_default_database_lives_in_the_user_data_directory(tmp_path: Path) -> None:
    """Without --db and TRIPDESK_DB the store is tripdesk/tripdesk.db in the platform's user
    data directory (platformdirs; $XDG_DATA_HOME on Linux), built there on first use."""
    env = {k: v for k, v in os.environ.items() if k != "TRIPDESK_DB"}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path / "home"))
    code = "import sys; from tripdesk.cli import main; sys.exit(main(sys.argv[1:]))"
    result = subprocess.run([sys.executable, "-c", code, "list", "--json"], capture_output=True,
                            text=True, env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    db = tmp_path / "data" / "tripdesk" / "tripdesk.db"
    assert db.is_file()
    assert {t["id"] for t in json.loads(result.stdout)} == set(REAL_SPANS)
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").rglob("*.db"))
    doctor = subprocess.run([sys.executable, "-c", code, "doctor"], capture_output=True,
                            text=True, env=env, cwd=tmp_path, timeout=120)
    assert str(db) in doctor.stdout or "data/tripdesk/tripdesk.db" in doctor.stdout, doctor.stdout


def test_the_console_script_runs_without_textual_being_imported(tmp_path: Path) -> None:
    code = ("import sys, tripdesk.cli as c; c.main(['validate', sys.argv[1]]); "
            "print('textual' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code, str(SAMPLE)], capture_output=True, text=True)
    assert result.stdout.strip().endswith("False"), result.stdout + result.stderr


# -- the bundled dataset through the CLI -------------------------------------------------------


def test_the_bundled_data_validates_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(DATA), "--articles", str(articles_dir()))
    assert code == 0, err
    # every excerpt checked: none without its article, no warning
    assert re.search(r"^4 files valid \(4 trips; \d+ excerpts and 11 quotes found in their articles\)$", out, re.M), out
    assert err == ""


def test_list_json_shows_the_four_real_trips(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    got = {t["id"]: (t["home_city"]["id"], t["start"], t["end"]) for t in json.loads(out)}
    assert got == REAL_SPANS


def test_search_finds_the_agreements_of_the_real_trips(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "협약", "--json")
    assert code == 0
    hits = json.loads(out)
    agreement_trips = {h["trip"] for h in hits if h["kind"] == "agreement"}
    assert {"gumi-2024-us", "gumi-2013-san-diego"} <= agreement_trips
    for word in ("구미", "대전"):
        code, out, _ = run(capsys, "search", word, "--json")
        assert code == 0 and json.loads(out)


def test_search_for_agreement_finds_every_agreement_of_the_real_trips(capsys: pytest.CaptureFixture[str]) -> None:
    """`tripdesk search 협약` lists every agreement of the bundled trips, 2017's two included."""
    import yaml

    expected = set()
    for path in sorted((Path(__file__).resolve().parents[1] / "data" / "trips").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        expected |= {(doc["trip"]["id"], f"agreement:{a['id']}") for a in doc.get("agreements") or ()}
    assert len(expected) >= 6
    code, out, _ = run(capsys, "search", "협약", "--json")
    assert code == 0
    found = {(h["trip"], h["ref"]) for h in json.loads(out) if h["kind"] == "agreement"}
    assert found == expected


def test_the_desk_starts_reading_before_textual_and_leaves_the_collector_on(
        sample_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`tripdesk` (no command) hands the app a store access whose early reads have started,
    runs it with the garbage collector paused until the first frame, and whatever the app
    did, the collector is on again when the command returns."""
    import gc

    from tripdesk.ui.app import TripdeskApp

    seen: dict[str, object] = {}

    def run_without_a_frame(self: TripdeskApp) -> None:  # the app ends before drawing
        seen.update(collecting=gc.isenabled(), early=sorted(self.data._early),
                    db=self.data.db_path)

    monkeypatch.setattr(TripdeskApp, "run", run_without_a_frame)
    db = tmp_path / "desk.db"
    try:
        assert main(["--db", str(db), "--lang", "en"]) == 0
        assert seen == {"collecting": False, "early": ["home_cities", "summary"], "db": db}
        assert gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("argv", [
    [], ["--db", "x.db"], ["--db=x.db"], ["--db="], ["--lang", "ko"], ["--lang=both"],
    ["--lang", "en", "--db", "a.db", "--db", "b.db"], ["--db", "트립.db", "--lang=ko"],
])
def test_a_plain_launch_is_read_without_the_parser_as_the_parser_reads_it(argv: list[str]) -> None:
    fast = cli.desk_args(argv)
    assert fast is not None
    assert vars(fast) == vars(cli.build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [
    ["list"], ["--lang", "fr"], ["--db"], ["--db", "--lang", "ko"], ["--la", "ko"], ["--version"],
    ["-h"], ["--db", "x.db", "search", "협약"], ["--", "--db"],
])
def test_anything_but_a_plain_launch_is_left_to_the_parser(argv: list[str]) -> None:
    assert cli.desk_args(argv) is None


def test_a_plain_launch_does_not_build_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    launched: list[argparse.Namespace] = []

    def no_parser() -> argparse.ArgumentParser:
        raise AssertionError("the parser was built for a plain launch")

    monkeypatch.setattr(cli.run, "build_parser", no_parser)
    monkeypatch.setattr(cli.run, "cmd_app", lambda args: launched.append(args) or 0)
    assert main(["--db", "x.db", "--lang", "both"]) == 0
    assert [(a.db, a.lang) for a in launched] == [("x.db", "both")]


def test_show_suggests_the_ids_that_begin_with_what_was_typed_first(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cli.datafiles, "bundled_data_dir", lambda: DATA)
    code, _, err = run(capsys, "show", "gumi-2017")
    assert code == 1
    assert "did you mean gumi-2017-americas, " in err  # not gumi-2024-us, nearer by edit distance
