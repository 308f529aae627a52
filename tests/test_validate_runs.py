"""Whole runs of `tripdesk validate`: the checks between files also for files with problems
of their own, the summary's wording, and the annotated example of docs/data-format.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tripdesk.cli import main

from .conftest import ROOT, SAMPLE, SAMPLE_TEXT, line_of, mutate, problems_for



# -- checks between files also for files with problems of their own --------------------------


def test_a_file_with_problems_of_its_own_is_still_checked_for_its_trip_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every problem of a run: the trip id used twice is reported with the unknown key, not
    only on the run after the unknown key is fixed."""
    first = tmp_path / "a.yaml"
    first.write_text(SAMPLE_TEXT, encoding="utf-8")
    second, text = mutate(tmp_path, "  status: announced", "  staus: announced", name="b.yaml")
    assert main(["validate", str(first), str(second)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"{second}:{line_of(text, 'staus')}:3: trip.staus: unknown key 'staus'" in err
    assert (f"{second}:{line_of(text, 'id: sample-2024-us')}:7: trip.id: trip id 'sample-2024-us' "
            f"is already used by {first}") in err
    assert "3 problems in 2 files" in err  # the third: status is missing


def test_the_trip_id_of_a_file_with_problems_counts_for_the_files_after_it(tmp_path: Path) -> None:
    # a.yaml has an undefined reference (a problem of meaning), b.yaml none of its own.
    first, _ = mutate(tmp_path, "organisations: [seattle-library]", "organisations: [nowhere]", name="a.yaml")
    second = tmp_path / "b.yaml"
    second.write_text(SAMPLE_TEXT, encoding="utf-8")
    problems = problems_for(tmp_path)
    assert len(problems) == 2, problems
    assert any("organisation 'nowhere' is not defined" in p for p in problems)
    assert any(p.startswith(f"{second}:") and f"already used by {first}" in p for p in problems)


def test_entity_names_of_a_file_with_problems_are_checked_where_sound(tmp_path: Path) -> None:
    """The sound entities of a broken file are checked against the other files, and reported
    at their own place in the file although an entry before them was left out."""
    (tmp_path / "a.yaml").write_text(SAMPLE_TEXT, encoding="utf-8")
    other = (SAMPLE_TEXT.replace("id: sample-2024-us", "id: sample-2025-us")
             .replace("  - id: samplecity-gov", "  - id: Samplecity Gov")
             .replace("en: ACME Corp}", "en: ACME Inc}"))
    second = tmp_path / "b.yaml"
    second.write_text(other, encoding="utf-8")
    problems = problems_for(tmp_path)
    assert len(problems) == 2, problems
    assert any(": organisations[0].id: 'Samplecity Gov' is not a valid id" in p for p in problems)
    [conflict] = [p for p in problems if "is named" in p]
    assert conflict.startswith(f"{second}:{line_of(other, 'ACME Inc')}:")
    assert ": organisations[1].name: organisation 'acme' is named" in conflict


@pytest.mark.parametrize("section", ["5", "just text", "{acme: 1}"])
def test_a_section_of_the_wrong_type_does_not_stop_the_checks_between_files(
    tmp_path: Path, section: str
) -> None:
    (tmp_path / "a.yaml").write_text(SAMPLE_TEXT, encoding="utf-8")
    start, end = SAMPLE_TEXT.index("organisations:\n"), SAMPLE_TEXT.index("people:\n")
    (tmp_path / "b.yaml").write_text(
        SAMPLE_TEXT[:start] + f"organisations: {section}\n" + SAMPLE_TEXT[end:], encoding="utf-8")
    problems = problems_for(tmp_path)
    assert any(": organisations: should be a list" in p for p in problems), problems
    assert any("trip id 'sample-2024-us' is already used by" in p for p in problems), problems


def test_a_file_whose_trip_id_is_broken_is_not_checked_across(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        mutate(tmp_path, "  id: sample-2024-us", "  id: Sample 2024", name=name)
    problems = problems_for(tmp_path)
    assert len(problems) == 2, problems
    assert all(": trip.id: 'Sample 2024' is not a valid id" in p for p in problems)


# -- wording ---------------------------------------------------------------------------------


def test_the_summary_of_a_clean_run_counts_in_proper_plurals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(SAMPLE)]) == 0
    assert capsys.readouterr().out.strip() == "1 file valid (1 trip)"
    mutate(tmp_path, "id: sample-2024-us", "id: sample-2025-us", name="a.yaml")
    (tmp_path / "b.yaml").write_text(SAMPLE_TEXT, encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == "2 files valid (2 trips)"


# -- the documented example ------------------------------------------------------------------


DOCS = ROOT / "docs"


def test_the_annotated_example_of_the_data_format_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = (DOCS / "data-format.md").read_text(encoding="utf-8")
    section = doc.split("## Annotated example", 1)[1]
    [example] = re.findall(r"^```yaml\n(.*?)^```$", section, flags=re.S | re.M)[:1]
    assert "tripdesk: 1" in example and "#" in example  # the annotated one, comments and all
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    assert problems_for(path) == []
    assert main(["validate", str(path)]) == 0
    # Its article file is not beside it, so its excerpts (one of them an agreement status's)
    # are counted as not checked.
    assert capsys.readouterr().out.strip() == (
        "1 file valid (1 trip; 0 excerpts found in their articles, 6 not checked (no article file))")


# -- the same whole-run checks when importing --------------------------------------------------


def _import_problems(db: Path, *paths: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--db", str(db), "import", *map(str, paths)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("store", ["new", "with other trips"])
def test_import_reports_a_trip_id_used_twice_along_with_a_files_own_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], store: str
) -> None:
    """`tripdesk import` reports what `tripdesk validate` does: a new store (written while
    reading) and a store that already holds trips (checked before writing) alike."""
    db = tmp_path / "t.db"
    if store == "with other trips":
        other = tmp_path / "other"
        other.mkdir()
        (other / "c.yaml").write_text(SAMPLE_TEXT.replace("id: sample-2024-us", "id: sample-2030-us"),
                                      encoding="utf-8")
        assert main(["--db", str(db), "import", str(other)]) == 0
    before = db.read_bytes() if db.exists() else None
    folder = tmp_path / "in"
    folder.mkdir()
    first = folder / "a.yaml"
    first.write_text(SAMPLE_TEXT, encoding="utf-8")
    second, text = mutate(folder, "  status: announced", "  staus: announced", name="b.yaml")
    err = _import_problems(db, first, second, capsys=capsys)
    assert f"{second}:{line_of(text, 'staus')}:3: trip.staus: unknown key 'staus'" in err
    assert (f"{second}:{line_of(text, 'id: sample-2024-us')}:7: trip.id: trip id 'sample-2024-us' "
            f"is already used by {first}") in err
    if before is not None:
        assert db.read_bytes() == before  # nothing written


def test_reimporting_a_file_now_broken_is_not_checked_against_its_own_stored_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stored file that comes back with a problem is replaced, not another file with its id."""
    db = tmp_path / "t.db"
    path = tmp_path / "a.yaml"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    assert main(["--db", str(db), "import", str(path)]) == 0
    capsys.readouterr()
    broken, text = mutate(tmp_path, "  status: announced", "  staus: announced", name="a.yaml")
    err = _import_problems(db, broken, capsys=capsys)
    assert f"{broken}:{line_of(text, 'staus')}:3: trip.staus: unknown key 'staus'" in err
    assert "already used" not in err
