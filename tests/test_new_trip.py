"""A new trip without guesswork (issue 18, item 5): `tripdesk new`, the required and optional
fields in docs/data-format.md, `validate --db` against a store, every problem in one run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tripdesk.cli import main
from tripdesk.files.schema import TRIP_FILE, Spec

from .conftest import DATA, ROOT, line_of, problems_for

DOCS = ROOT / "docs" / "data-format.md"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- tripdesk new ---------------------------------------------------------------------------------


def test_new_writes_a_trip_file_that_validates_and_imports(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "new", "gumi-2026-jp", "-o", f"{tmp_path}/")
    path = tmp_path / "gumi-2026-jp.yaml"
    assert code == 0 and "wrote" in out and path.is_file()
    text = path.read_text(encoding="utf-8")
    assert "id: gumi-2026-jp" in text
    required_lines = [line for line in text.splitlines() if "# REQUIRED" in line and not line.startswith("#")]
    assert len(required_lines) >= 20  # every required field of the trip, a source, a person
    assert problems_for(path) == []
    code, out, _ = run(capsys, "import", str(path), "--db", str(tmp_path / "t.db"))
    assert code == 0 and "1 added" in out


def test_a_new_file_starts_with_the_schema_line_editors_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """As the bundled files and drafts do: editors (yaml-language-server) complete and check
    the new file as it is filled in, against the nearest trip.schema.json above it."""
    (tmp_path / "trip.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "trips").mkdir()
    code, _, err = run(capsys, "new", "gumi-2026-jp", "-o", f"{tmp_path}/trips/")
    assert code == 0, err
    text = (tmp_path / "trips" / "gumi-2026-jp.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../trip.schema.json"


def test_the_commented_out_sections_of_a_new_file_validate_once_uncommented(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "new", "gumi-2026-jp", "-o", str(tmp_path / "t.yaml"))
    text = (tmp_path / "t.yaml").read_text(encoding="utf-8")
    head, tail = text.split("# organisations:")
    tail = "# organisations:" + tail
    # Uncomment the optional sections and the optional lines under `people`.
    body = "\n".join(line[2:] if line.startswith("# ") or line == "#" else line
                     for line in tail.splitlines())
    head = head.replace("    # organisation: gumi-city", "    organisation: gumi-city")
    full = tmp_path / "full.yaml"
    full.write_text(head + body + "\n", encoding="utf-8")
    assert problems_for(full) == []
    assert "first-mou" in full.read_text(encoding="utf-8")


def test_new_never_replaces_a_file_and_refuses_a_bad_id(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.yaml"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "new", "gumi-2026-jp", "-o", str(target))
    assert code == 1 and "already exists" in err and target.read_text(encoding="utf-8") == "mine"
    code, _, err = run(capsys, "new", "Gumi 2026", "-o", str(tmp_path / "y.yaml"))
    assert code == 1 and "not a valid trip id" in err and not (tmp_path / "y.yaml").exists()
    assert "Traceback" not in err


# -- docs/data-format.md --------------------------------------------------------------------------


def _records(spec: Spec, name: str = "") -> list[tuple[str, list[str], list[str]]]:
    if spec.kind == "list" and spec.item is not None:
        return _records(spec.item, name + "[]")
    if spec.kind != "record":
        return []
    out = [(name, [k for k, v in spec.fields.items() if v.required],
            [k for k, v in spec.fields.items() if not v.required])]
    for key, sub in spec.fields.items():
        out += _records(sub, f"{name}.{key}" if name else key)
    return out


def test_the_docs_mark_every_field_required_or_optional_as_the_validator_does() -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## Required and optional fields", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("record", "---"):
            names = [re.findall(r"`([^`]+)`", cell) for cell in cells]
            rows[names[0][0] if names[0] else ""] = (names[1], names[2])
    expected = {name: (required, optional) for name, required, optional in _records(TRIP_FILE)}
    assert rows == expected


# -- validate: every problem in one run, and against a store --------------------------------------


def test_a_day_outside_the_trip_is_reported_with_a_field_problem_in_one_run(tmp_path: Path) -> None:
    text = (DATA / "gumi-2024-us.yaml").read_text(encoding="utf-8")
    text = text.replace("  - date: 2024-10-15", "  - date: 2024-11-15", 1)
    text = text.replace("    kind: meeting", "    kind: meting", 1)
    path = tmp_path / "gumi-2024-us.yaml"
    path.write_text(text, encoding="utf-8")
    problems = problems_for(path)
    assert any("'meting' is not allowed" in p for p in problems), problems
    day_line = line_of(text, "2024-11-15")
    assert any(f":{day_line}:" in p and "the day 2024-11-15 is outside the trip (2024-10-12..2024-10-20)"
               in p for p in problems), problems
    assert len(problems) == 2


def test_a_wrong_end_date_is_reported_beside_a_missing_field(tmp_path: Path) -> None:
    text = (DATA / "gumi-2024-us.yaml").read_text(encoding="utf-8")
    text = text.replace("  end: 2024-10-20", "  end: 2024-10-02", 1)
    text = re.sub(r"\n  status: \w+", "", text, count=1)
    path = tmp_path / "gumi-2024-us.yaml"
    path.write_text(text, encoding="utf-8")
    problems = problems_for(path)
    assert any("missing required field 'status'" in p for p in problems)
    assert any("ends (2024-10-02) before it starts" in p for p in problems)


@pytest.fixture
def bundled_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "store.db"
    assert run(capsys, "import", str(DATA), "--db", str(db))[0] == 0
    return db


def test_validate_db_reports_ids_the_store_holds_from_other_files(
        tmp_path: Path, bundled_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other"
    other.mkdir()
    text = (DATA / "gumi-2024-us.yaml").read_text(encoding="utf-8")
    text = text.replace("name: {ko: 김장호, en: Kim Jang-ho}", "name: {ko: 김장호, en: Kim Jangho}", 1)
    assert "Kim Jangho" in text
    (other / "gumi-2024-us.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(other))
    assert code == 0 and "1 file valid" in out  # on its own, nothing wrong
    code, _, err = run(capsys, "validate", str(other), "--db", str(bundled_store))
    assert code == 1
    assert "trip id 'gumi-2024-us' is already used by" in err
    assert "person 'kim-jang-ho' is named" in err and "Kim Jangho" in err
    assert "2 problems in 1 file" in err
    # and an import would refuse the same
    code, _, err = run(capsys, "import", str(other), "--db", str(bundled_store))
    assert code == 1 and "trip id 'gumi-2024-us' is already used by" in err


def test_validate_db_of_the_files_the_store_came_from_is_clean(
        bundled_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(DATA), "--db", str(bundled_store))
    assert code == 0 and "4 files valid" in out, err


def test_validate_db_of_a_missing_store_says_so_and_still_checks_the_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(DATA), "--db", str(tmp_path / "none.db"))
    assert code == 0 and "4 files valid" in out
    assert "no store at" in err and "ids not checked" in err and not (tmp_path / "none.db").exists()
