"""The validator: a valid file passes; each kind of error is reported with its message and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tripdesk.cli import main
from tripdesk.files.loader import load_paths

from .conftest import SAMPLE, SAMPLE_TEXT, line_of, mutate, problems_for


def test_the_sample_trip_is_valid() -> None:
    result = load_paths([SAMPLE])
    assert result.problems == []
    [loaded] = result.trips
    assert loaded.trip.id == "sample-2024-us"
    assert loaded.trip.day_count == 3


@pytest.mark.parametrize(
    ("old", "new", "needle", "path", "message"),
    [
        ("  status: announced", "  staus: announced", "staus",
         "trip.staus", "unknown key 'staus' (did you mean 'status'?)"),
        ("  status: announced", "  status: planned", "status: planned",
         "trip.status", "'planned' is not allowed (did you mean 'announced'?)"),
        ("    head_count: 5", "    head_count: five", "head_count: five",
         "trip.delegation.head_count", "should be a whole number"),
        ("  end: 2024-10-14", "  end: 2024-02-30", "2024-02-30",
         "trip.end", "'2024-02-30' is not a real date"),
        ("  end: 2024-10-14\n", "  end: 2024-10-11\n", "end: 2024-10-11",
         "trip.end", "the trip ends (2024-10-11) before it starts (2024-10-12)"),
        ("  end: 2024-10-14\n", "  end: 2204-10-14\n", "end: 2204-10-14",
         "trip.end", "the trip lasts 65,746 days (2024-10-12..2204-10-14), more than the 366 a "
         "trip can have; check the end date (a wrong year?)"),
        ("  - date: 2024-10-13", "  - date: 2024-10-19", "date: 2024-10-19",
         "days[0].date", "the day 2024-10-19 is outside the trip (2024-10-12..2024-10-14)"),
        ("{nights: 2, days: 3, text: 2박 3일}", "{nights: 2, days: 4, text: 2박 4일}", "days: 4",
         "trip.span_reported.days", "reported span is 4 days but 2024-10-12..2024-10-14 is 3"),
        ("        sources: [src-a]\n        inferred", "        sources: [src-b]\n        inferred",
         "[src-b]", "days[0].events[0].sources[0]", "source 'src-b' is not defined"),
        ("    parties: [samplecity-gov, seattle-library]", "    parties: [samplecity-gov, seatle-library]",
         "seatle-library", "agreements[0].parties[1]", "organisation 'seatle-library' is not defined"),
        ("        people: [hong-gil-dong]", "        people: [kim-chul-su]", "kim-chul-su",
         "days[0].events[0].people[0]", "person 'kim-chul-su' is not defined"),
        ("        time: \"14:30\"", "        time: \"25:30\"", "25:30",
         "days[0].events[0].time", "'25:30' is not a time"),
        ("        kind: signing", "        kind: signnig", "signnig",
         "days[0].events[0].kind", "did you mean 'signing'?"),
        ("  - id: acme\n", "  - id: ACME Corp\n", "ACME Corp",
         "organisations[1].id", "'ACME Corp' is not a valid id"),
        ("inferred: {time: The", "inferred: {hour: The", "hour:",
         "days[0].events[0].inferred.hour", "'hour' is not a field of this record"),
        # Found by hypothesis: a reason that import would strip to nothing is no reason.
        ("inferred: {time: The schedule printed in the article.}", 'inferred: {time: "\\x81\\u202e"}',
         "\\x81", "days[0].events[0].inferred.time", "give the reason the value was inferred"),
    ],
)
def test_each_kind_of_error_names_the_line_the_field_and_the_fix(
    tmp_path: Path, old: str, new: str, needle: str, path: str, message: str
) -> None:
    file, text = mutate(tmp_path, old, new)
    problems = problems_for(file)
    line = line_of(text, needle)
    matching = [p for p in problems if p.startswith(f"{file}:{line}:") and f": {path}: " in p]
    assert matching, f"expected a problem at line {line} for {path}, got {problems}"
    assert message in matching[0]


def test_missing_required_field_points_at_its_record(tmp_path: Path) -> None:
    file, text = mutate(tmp_path, "  title: {ko: 샘플시 대표단", "  name: {ko: 샘플시 대표단")
    problems = problems_for(file)
    assert any(re.match(rf"{re.escape(str(file))}:\d+:\d+: trip: missing required field 'title'", p)
               for p in problems), problems


def test_every_problem_of_a_run_is_reported_not_just_the_first(tmp_path: Path) -> None:
    text = (SAMPLE_TEXT.replace("  status: announced", "  status: planned")
            .replace("        kind: signing", "        kind: party")
            .replace("    head_count: 5", "    head_count: -1"))
    file = tmp_path / "many.yaml"
    file.write_text(text, encoding="utf-8")
    problems = problems_for(file)
    assert len(problems) == 3
    assert sorted(line_of(text, n) for n in ("status: planned", "head_count: -1", "kind: party")) == \
        sorted(int(p.split(":")[1]) for p in problems)


def test_duplicate_ids_inside_a_trip(tmp_path: Path) -> None:
    file, text = mutate(tmp_path, "  - id: acme\n", "  - id: seattle-library\n")
    problems = problems_for(file)
    assert any("organisation id 'seattle-library' is used twice" in p for p in problems), problems


def test_the_same_trip_id_in_two_files(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    second = tmp_path / "b.yaml"
    first.write_text(SAMPLE_TEXT, encoding="utf-8")
    second.write_text(SAMPLE_TEXT, encoding="utf-8")
    problems = problems_for(tmp_path)
    line = line_of(SAMPLE_TEXT, "id: sample-2024-us")
    assert problems == [f"{second}:{line}:7: trip.id: trip id 'sample-2024-us' is already used by "
                        f"{first}; give each trip its own id"]


def test_an_entity_defined_with_other_names_in_another_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(SAMPLE_TEXT, encoding="utf-8")
    other = (SAMPLE_TEXT.replace("id: sample-2024-us", "id: sample-2025-us")
             .replace("name: {ko: 홍길동, en: Hong Gil-dong}", "name: {ko: 홍길동, en: Hong Kil-dong}"))
    (tmp_path / "b.yaml").write_text(other, encoding="utf-8")
    problems = problems_for(tmp_path)
    assert len(problems) == 1
    assert "person 'hong-gil-dong' is named" in problems[0] and "Hong Kil-dong" in problems[0]
    assert problems[0].startswith(f"{tmp_path / 'b.yaml'}:{line_of(other, 'Hong Kil-dong')}:")


def test_tab_indentation_and_syntax_errors_say_what_to_do(tmp_path: Path) -> None:
    tabbed = tmp_path / "tabs.yaml"
    tabbed.write_text(SAMPLE_TEXT.replace("  status: announced", "\tstatus: announced"), encoding="utf-8")
    [problem] = problems_for(tabbed)
    assert f":{line_of(SAMPLE_TEXT, 'status: announced')}:" in problem
    assert "tab character used for indentation" in problem

    broken = tmp_path / "broken.yaml"
    broken.write_text(SAMPLE_TEXT.replace("  status: announced", "  status: [announced"), encoding="utf-8")
    [problem] = problems_for(broken)
    assert "YAML syntax error" in problem


def test_validate_command_prints_every_problem_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file, text = mutate(tmp_path, "  status: announced", "  staus: announced")
    assert main(["validate", str(file)]) == 1
    err = capsys.readouterr().err
    assert f"{file}:{line_of(text, 'staus')}:3: trip.staus: unknown key 'staus' (did you mean 'status'?)" in err
    assert "Traceback" not in err


def test_validate_command_accepts_a_valid_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SAMPLE.parent)]) == 0
    assert "1 file valid" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("  id: sample-2024-us\n", '  id: "sample-2024-us\\n"\n', "trip.id"),
        ("  - id: acme\n", '  - id: "acme\\n"\n', "organisations[1].id"),
        ('        time: "14:30"', '        time: "14:30\\n"', "days[0].events[0].time"),
        ("    country: KR", '    country: "KR\\n"', "trip.home_city.country"),
    ],
)
def test_a_trailing_newline_does_not_pass_a_pattern(tmp_path: Path, old: str, new: str, path: str) -> None:
    # `$` matches before a final newline: the patterns must match the whole value.
    file, _ = mutate(tmp_path, old, new)
    problems = problems_for(file)
    assert any(f": {path}: " in p for p in problems), problems
