"""`tripdesk export`: standard output, -o, --force, unknown ids, paths."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from tripdesk.cli import main
from tripdesk.export import render
from tripdesk.files.document import trip_to_document
from tripdesk.store import Store

from .conftest import SAMPLE
from .test_export_markdown import sample_trip


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = tmp_path / "export.db"
    assert main(["import", str(SAMPLE), "--db", str(path)]) == 0
    capsys.readouterr()
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_markdown_to_standard_output(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The brief by default, the dossier with --full."""
    code, out, err = run(capsys, "export", "sample-2024-us", "--db", db, "--lang", "en")
    assert code == 0 and err == ""
    assert out.startswith("# Sample City delegation to the US")
    assert "## Day by day" in out and "## Itinerary" not in out and "[^src-a]: Sample News" in out
    assert out == render(sample_trip(), "md", "en")
    code, full, err = run(capsys, "export", "sample-2024-us", "--db", db, "--lang", "en", "--full")
    assert code == 0 and err == ""
    assert full.startswith("# Sample City delegation to the US")
    assert "## Itinerary" in full and "## Evidence" not in full and "## People and organisations" in full
    assert full == render(sample_trip(), "md", "en", full=True)


def test_json_to_standard_output(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "sample-2024-us", "--db", db, "--format", "json")
    assert code == 0
    assert json.loads(out) == trip_to_document(sample_trip())


def test_ics_to_standard_output(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "sample-2024-us", "--db", db, "--format", "ics")
    assert code == 0
    assert len(list(Calendar.from_ical(out).walk("VEVENT"))) == len(sample_trip().events())  # one per event


def test_lang_before_the_command(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "ko", "export", "sample-2024-us", "--db", db)
    assert code == 0 and out.startswith("# 샘플시 대표단 미국 방문\n")


def test_write_to_a_file_then_refuse_to_overwrite(db: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "briefing.md"
    code, out, err = run(capsys, "export", "sample-2024-us", "--db", db, "-o", str(target))
    assert code == 0 and err == ""
    assert "wrote" in out and "briefing.md" in out
    first = target.read_text()
    assert first.startswith("# ")

    target.write_text("edited by hand")
    code, out, err = run(capsys, "export", "sample-2024-us", "--db", db, "-o", str(target))
    assert code == 1 and out == ""
    assert "already exists" in err and "--force" in err
    assert target.read_text() == "edited by hand"

    code, out, err = run(capsys, "export", "sample-2024-us", "--db", db, "-o", str(target), "--force")
    assert code == 0 and target.read_text() == first
    assert [p.name for p in target.parent.iterdir()] == ["briefing.md"]


def test_the_format_follows_the_file_extension(db: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "export", "sample-2024-us", "--db", db, "-o", str(tmp_path / "t.ics"))[0] == 0
    assert (tmp_path / "t.ics").read_text().startswith("BEGIN:VCALENDAR")
    assert run(capsys, "export", "sample-2024-us", "--db", db, "-o", str(tmp_path / "t.JSON"))[0] == 0
    assert json.loads((tmp_path / "t.JSON").read_text())["trip"]["id"] == "sample-2024-us"
    assert run(capsys, "export", "sample-2024-us", "--db", db, "-o", str(tmp_path / "t.txt"))[0] == 0
    assert (tmp_path / "t.txt").read_text().startswith("# ")


@pytest.mark.parametrize("fmt", ("md", "json", "ics"))
def test_standard_output_is_the_files_utf8_bytes_whatever_the_encoding(db: str, tmp_path: Path,
                                                                       fmt: str) -> None:
    # cp949 (a Korean Windows console) has Hangul but not the dashes the briefing uses.
    target = tmp_path / f"t.{fmt}"
    argv = [sys.executable, "-m", "tripdesk", "export", "sample-2024-us", "--db", db, "--lang", "both",
            "--format", fmt]
    env = {**os.environ, "PYTHONIOENCODING": "cp949"}
    written = subprocess.run([*argv, "-o", str(target)], capture_output=True, env=env)
    assert written.returncode == 0, written.stderr.decode("utf-8", "replace")
    result = subprocess.run(argv, capture_output=True, env=env)
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr.decode("utf-8", "replace")
    assert result.stdout == target.read_bytes()
    if fmt == "ics":
        assert b"\r\n" in result.stdout and b"\r\r\n" not in result.stdout


def test_a_format_that_contradicts_the_extension_is_refused(db: str, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.ics"
    code, out, err = run(capsys, "export", "sample-2024-us", "--db", db, "-o", str(target), "--format", "md")
    assert code == 1 and out == ""
    assert err.strip().count("\n") == 0, err  # one line
    assert "x.ics ends .ics but the format asked for is md" in err
    assert not target.exists()
    # Agreeing is fine, and so is --format with a name that names no format.
    assert run(capsys, "export", "sample-2024-us", "--db", db, "-o", str(target), "--format", "ics")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    other = tmp_path / "calendar.txt"
    assert run(capsys, "export", "sample-2024-us", "--db", db, "-o", str(other), "--format", "ics")[0] == 0
    assert other.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    markdown = tmp_path / "brief.markdown"
    assert run(capsys, "export", "sample-2024-us", "--db", db, "-o", str(markdown), "--format", "json")[0] == 1
    assert run(capsys, "export", "sample-2024-us", "--db", db, "-o", str(markdown))[0] == 0
    assert markdown.read_text(encoding="utf-8").startswith("# ")


def test_a_folder_gets_the_trip_id_as_file_name(db: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "exports"
    code, out, _ = run(capsys, "export", "sample-2024-us", "--db", db, "--format", "ics",
                       "-o", f"{folder}/")
    assert code == 0
    assert (folder / "sample-2024-us.ics").is_file()
    code, _, _ = run(capsys, "export", "sample-2024-us", "--db", db, "-o", str(folder))  # existing folder
    assert code == 0 and (folder / "sample-2024-us.md").is_file()


def test_unknown_trip_suggests_the_closest_ids(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", "sample-2O24-us", "--db", db)
    assert code == 1 and out == ""
    assert "no trip with id 'sample-2O24-us'" in err and "did you mean sample-2024-us?" in err


def test_a_trip_id_cannot_steer_the_path(db: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    # A trip stored under a hostile id (the importer would refuse it; a damaged store might not).
    with Store.open(Path(db)) as store, store.transaction:
        store.write_trip(dataclasses.replace(sample_trip(), id="../../evil"), "x", "0", 0, 0)
    folder = tmp_path / "a" / "b" / "exports"
    code, out, err = run(capsys, "export", "../../evil", "--db", db, "-o", f"{folder}/")
    assert code == 1 and out == ""
    assert "not a trip id that can name a file" in err
    assert not (tmp_path / "a" / "evil.md").exists()
    assert not folder.exists() or list(folder.iterdir()) == []
    # ...while standard output, where no path is made from the id, still works.
    assert run(capsys, "export", "../../evil", "--db", db)[0] == 0


def test_unknown_format_is_a_usage_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["export", "sample-2024-us", "--db", db, "--format", "pdf"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_the_export_package_does_not_import_textual() -> None:
    code = "import sys, tripdesk.export, tripdesk.cli; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
