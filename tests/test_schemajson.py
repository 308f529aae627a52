"""`tripdesk schema`: the JSON Schema generated from the validator's declaration accepts every
bundled trip and rejects broken files the validator rejects too; the bundled files point
editors at it; `schema_comment` makes that line for other files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tripdesk.files import schema as declared
from tripdesk.cli import main
from tripdesk.files.schemajson import (
    COMMENT_PREFIX,
    FIELD_DOCS,
    schema_comment,
    schema_text,
    shipped_schema_path,
    trip_json_schema,
)
from .conftest import DATA, FIXTURES, ROOT, mutate, problems_for

SCHEMA_FILE = ROOT / "data" / "trip.schema.json"
BUNDLED = sorted(DATA.glob("*.yaml"))


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        trip_json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


class EditorLoader(yaml.SafeLoader):
    """YAML as yaml-language-server reads it (YAML 1.2's core schema): a date is text."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp",
                                                                      "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
# YAML 1.2's booleans are true and false alone: `state: ON` and `country: NO` are text.
EditorLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))


def schema_errors(path: Path) -> list[str]:
    """What the JSON Schema finds wrong in a file, read as an editor reads it."""
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)  # noqa: S506 - a safe loader
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator().iter_errors(document)]


def test_the_schema_is_a_valid_2020_12_schema() -> None:
    schema = trip_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_shipped_schema_file_is_the_generated_one() -> None:
    assert shipped_schema_path() == SCHEMA_FILE
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "data/trip.schema.json is out of date: the trip format changed. Regenerate it with "
        "`tripdesk schema -o data/trip.schema.json`")


def _records(spec: declared.Spec, path: str, schema: dict[str, Any]) -> list[tuple[str, declared.Spec, dict]]:
    """Each record of the declaration with its schema, found by walking both side by side."""
    out = []
    if spec.kind == "record":
        out.append((path, spec, schema))
        for name, sub in spec.fields.items():
            out += _records(sub, f"{path}.{name}", schema["properties"][name])
    elif spec.kind == "list":
        assert spec.item is not None
        out += _records(spec.item, f"{path}[]", schema["items"])
    return out


def test_every_field_of_the_declaration_is_in_the_schema_and_no_other() -> None:
    records = _records(declared.TRIP_FILE, "", trip_json_schema())
    assert len(records) > 15  # the walk went everywhere: trip, days, events, agreements, quotes...
    for path, spec, schema in records:
        assert set(schema["properties"]) == set(spec.fields), path
        assert set(schema.get("required", [])) == {n for n, s in spec.fields.items() if s.required}, path
        assert schema["additionalProperties"] is False, path
    evidence = [path for path, _spec, _schema in records if path.endswith(".evidence[]")]
    assert evidence, "the evidence records are declared, so they are in the schema"


def test_editors_are_told_what_each_field_holds() -> None:
    names: set[str] = set()
    paths: set[str] = set()

    def walk(spec: declared.Spec, path: str) -> None:
        if spec.kind == "record":
            for name, sub in spec.fields.items():
                names.add(name)
                paths.add(f"{path}.{name}" if path else name)
                walk(sub, f"{path}.{name}" if path else name)
        elif spec.kind == "list" and spec.item is not None:
            walk(spec.item, path)

    walk(declared.TRIP_FILE, "")
    stale = {key for key in FIELD_DOCS if key not in (paths if "." in key else names)}
    assert not stale, f"FIELD_DOCS describes fields the format does not have: {sorted(stale)}"
    schema = trip_json_schema()
    trip = schema["properties"]["trip"]["properties"]
    assert trip["start"]["description"] == FIELD_DOCS["start"]
    assert trip["span_reported"]["properties"]["days"]["description"] == "Days, as reported."
    assert schema["properties"]["days"]["description"] == FIELD_DOCS["days"]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_bundled_trip_passes_the_schema_and_the_validator(path: Path) -> None:
    assert schema_errors(path) == []
    assert problems_for(path) == []


# Files from tests/fixtures/broken whose fault is one of shape, which a schema can see (the
# others are faults of YAML itself, or of references between records, which only
# `tripdesk validate` checks).
SHAPE_FIXTURES = ["missing-field.yaml", "unknown-key.yaml", "wrong-type.yaml", "impossible-date.yaml"]

# The sample trip broken one way each: (what, old text, new text, where the schema says the
# fault is).
MUTATIONS = [
    ("unknown key", "  status: announced", "  staus: announced", "trip"),
    ("value not allowed", "  status: announced", "  status: planned", "trip/status"),
    ("count as text", "    head_count: 5", "    head_count: five", "trip/delegation/head_count"),
    ("impossible date", "  end: 2024-10-14", "  end: 2024-02-30", "trip/end"),
    ("bad time", '        time: "14:30"', '        time: "25:30"', "days/0/events/0/time"),
    ("bad event kind", "        kind: signing", "        kind: signnig", "days/0/events/0/kind"),
    ("bad id", "  - id: acme\n", "  - id: ACME Corp\n", "organisations/1/id"),
    ("inferred field that is not one", "inferred: {time: The", "inferred: {hour: The", "days/0/events/0/inferred"),
    ("country not a code", "        country: US", "        country: USA", "days/0/places/0/country"),
    ("format version", "tripdesk: 1", "tripdesk: 2", "tripdesk"),
    ("no source cited", "        sources: [src-a]\n        inferred", "        sources: []\n        inferred", "days/0/events/0/sources"),
    ("translation without its maker", "en: Sample City delegation to the US, translated: en, translated_by: editors}",
     "en: Sample City delegation to the US, translated: en}", "trip/title"),
    ("translation of a missing text", "title: {ko: 샘플시 대표단 미국 방문, en: Sample City delegation to the US, translated: en",
     "title: {ko: 샘플시 대표단 미국 방문, translated: en", "trip/title"),
    ("blank text", "title: {ko: 샘플시 대표단 미국 방문, en: Sample City delegation to the US, translated: en, translated_by: editors}",
     "title: '  '", "trip/title"),
    ("required record empty", "  leader: {person: hong-gil-dong, role: {ko: 시장, en: Mayor}}", "  leader:", "trip/leader"),
]


@pytest.mark.parametrize("name", SHAPE_FIXTURES)
def test_broken_fixtures_fail_the_schema_and_the_validator(name: str) -> None:
    path = FIXTURES / "broken" / name
    assert schema_errors(path), f"the schema accepts {name}"
    assert problems_for(path), f"the validator accepts {name}"


@pytest.mark.parametrize(("what", "old", "new", "where"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_broken_files_fail_the_schema_and_the_validator(tmp_path: Path, what: str, old: str, new: str,
                                                        where: str) -> None:
    path, _text = mutate(tmp_path, old, new)
    errors = schema_errors(path)
    assert errors, f"the schema accepts a file with {what}"
    assert all(error.startswith(f"{where}: ") for error in errors), errors
    assert problems_for(path), f"the validator accepts a file with {what}"


WALLS = FIXTURES / "walls" / "gyeongbuk-2025-canada.yaml"


@pytest.mark.parametrize("path", [WALLS, FIXTURES / "walls-stops" / WALLS.name], ids=["days", "stops"])
def test_stops_without_a_day_pass_both_in_either_spelling(path: Path) -> None:
    assert schema_errors(path) == []
    assert problems_for(path) == []


# The walls trip's entries of `days` broken one way each: (what, old text, new text).
DAY_ENTRY_MUTATIONS = [
    ("a date with a span", "  - date: 2025-06-05\n", "  - date: 2025-06-05\n    start: 2025-06-04\n    end: 2025-06-05\n"),
    ("a start without an end", "    end: 2025-06-05\n    places:", "    places:"),
    ("no date and nothing else", "  - start: 2025-06-04\n", "  - inferred: {places: Nowhere.}\n  - start: 2025-06-04\n"),
]


@pytest.mark.parametrize(("what", "old", "new"), DAY_ENTRY_MUTATIONS, ids=[m[0] for m in DAY_ENTRY_MUTATIONS])
def test_a_days_entry_is_a_day_or_a_stop_for_the_schema_too(tmp_path: Path, what: str, old: str, new: str) -> None:
    text = WALLS.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / WALLS.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    errors = schema_errors(path)
    assert errors and all(error.startswith(("days/1: ", "days/3: ")) for error in errors), errors
    assert problems_for(path), f"the validator accepts a file with {what}"


def test_the_sample_trip_itself_passes_both() -> None:
    sample = FIXTURES / "valid" / "sample-trip.yaml"
    assert schema_errors(sample) == []
    assert problems_for(sample) == []


# -- the line editors read ---------------------------------------------------------------------


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_each_bundled_trip_points_editors_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == schema_comment(path) == f"{COMMENT_PREFIX}../trip.schema.json"
    assert (path.parent / first.removeprefix(COMMENT_PREFIX)).resolve() == SCHEMA_FILE


def test_schema_comment_finds_the_nearest_schema_above_the_file(tmp_path: Path) -> None:
    (tmp_path / "trip.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "trips" / "2024").mkdir(parents=True)
    target = tmp_path / "trips" / "2024" / "new-trip.yaml"  # not written yet
    assert schema_comment(target) == f"{COMMENT_PREFIX}../../trip.schema.json"
    assert schema_comment(tmp_path / "top.yaml") == f"{COMMENT_PREFIX}trip.schema.json"


def test_schema_comment_without_a_schema_nearby_names_the_shipped_one(tmp_path: Path) -> None:
    line = schema_comment(tmp_path / "draft.yaml")
    assert line == COMMENT_PREFIX + SCHEMA_FILE.as_posix()
    assert schema_comment(None) == line  # standard output: no folder to be relative to


def test_schema_comment_takes_a_given_schema_or_url(tmp_path: Path) -> None:
    assert schema_comment(tmp_path / "a" / "t.yaml", tmp_path / "s" / "trip.schema.json") == (
        f"{COMMENT_PREFIX}../s/trip.schema.json")
    url = "https://example.org/tripdesk/trip.schema.json"
    assert schema_comment(tmp_path / "t.yaml", url) == COMMENT_PREFIX + url


def test_a_trip_file_with_the_line_still_validates(tmp_path: Path) -> None:
    sample = (FIXTURES / "valid" / "sample-trip.yaml").read_text(encoding="utf-8")
    path = tmp_path / "trip.yaml"
    path.write_text(schema_comment(path) + "\n" + sample, encoding="utf-8")
    assert problems_for(path) == []


# -- the command --------------------------------------------------------------------------------


def test_tripdesk_schema_prints_writes_and_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed) == trip_json_schema()
    target = tmp_path / "trip.schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == printed
    capsys.readouterr()
    assert main(["schema", "--check", str(target)]) == 0
    target.write_text(printed.replace('"minimum": 0', '"minimum": 1', 1), encoding="utf-8")
    assert main(["schema", "--check", str(target)]) == 1
    assert "regenerate it with `tripdesk schema -o" in capsys.readouterr().err


def test_schema_o_replaces_an_old_schema_but_never_another_file(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """`-o` regenerates a schema written before (an older one, changed), but a file that is
    not one, a trip file named by mistake, is left as it was unless --force says otherwise."""
    schema = tmp_path / "trip.schema.json"
    assert main(["schema", "-o", str(schema)]) == 0
    fresh = schema.read_text(encoding="utf-8")
    schema.write_text(fresh.replace('"minimum": 0', '"minimum": 1', 1), encoding="utf-8")  # an older one
    assert main(["schema", "-o", str(schema)]) == 0
    assert schema.read_text(encoding="utf-8") == fresh
    trip = tmp_path / "gumi.yaml"
    original = (FIXTURES / "valid" / "sample-trip.yaml").read_text(encoding="utf-8")
    for other in (trip, tmp_path / "notes.json"):
        other.write_text(original if other is trip else '{"title": "my notes"}', encoding="utf-8")
        before = other.read_text(encoding="utf-8")
        capsys.readouterr()
        assert main(["schema", "-o", str(other)]) != 0
        assert other.read_text(encoding="utf-8") == before
        err = capsys.readouterr().err
        assert "already exists; not replaced" in err and "--force" in err
    assert main(["schema", "-o", str(trip), "--force"]) == 0
    assert trip.read_text(encoding="utf-8") == fresh


def test_datasette_o_never_replaces_a_file_it_did_not_write(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "t.db"
    config = tmp_path / "metadata.json"
    assert main(["--db", str(db), "datasette", "-o", str(config)]) == 0
    assert main(["--db", str(db), "datasette", "-o", str(config)]) == 0  # its own: regenerated
    assert "tripdesk" in json.loads(config.read_text(encoding="utf-8"))["title"]
    schema = tmp_path / "trip.schema.json"
    assert main(["schema", "-o", str(schema)]) == 0
    before = schema.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(db), "datasette", "-o", str(schema)]) != 0  # another kind of file
    assert schema.read_text(encoding="utf-8") == before


def test_a_schema_beside_trip_files_is_not_read_as_a_trip(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "trips").mkdir()
    (tmp_path / "trips" / "t.yaml").write_text(
        (FIXTURES / "valid" / "sample-trip.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["schema", "-o", str(tmp_path / "trip.schema.json")]) == 0
    capsys.readouterr()
    assert main(["validate", str(tmp_path)]) == 0
    assert "1 file valid" in capsys.readouterr().out
