"""Round trips hold (issue 21, item 7): a trip that imports exports to JSON that imports
again, near the size limit too; JSON as `json.dumps` writes it (characters beyond U+FFFF as
surrogate pair escapes) imports; and a JSON file's problems are called JSON problems, never
YAML syntax errors.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from tripdesk.cli import main
from tripdesk.files.document import trip_to_document
from tripdesk.export.jsonfmt import render_json
from tripdesk.limits import MAX_FILE_BYTES, MAX_JSON_FILE_BYTES, MAX_NODES
from tripdesk.files.loader import load_file

from .conftest import SAMPLE


def sample_document() -> dict:
    loaded, problems = load_file(SAMPLE)
    assert loaded is not None and not problems
    return trip_to_document(loaded.trip)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- near the size limit ----------------------------------------------------------------------


def values(value: object) -> int:
    """How many values (YAML nodes, keys included) a document has, as MAX_NODES counts them."""
    if isinstance(value, dict):
        return 1 + sum(1 + values(v) for v in value.values())
    if isinstance(value, list):
        return 1 + sum(values(v) for v in value)
    return 1


def near_the_limits() -> dict:
    """The sample trip with events added until it has 99,000 values (MAX_NODES is 100,000)
    and its JSON (no spaces) 9.7 MB: indented, the JSON is 10.6 MB, over MAX_FILE_BYTES."""
    document = sample_document()
    day = next(d for d in document["days"] if d.get("events"))
    model = {**day["events"][0], "description": {"ko": "협약"}}
    count = (99_000 - values(document)) // values({"e": model})
    size = 9_700_000 // count  # bytes of each event
    day["events"] = events = []
    for i in range(count):
        event = copy.deepcopy(model)
        event["id"] = model["id"] if i == 0 else f"event-{i}"  # the first one is cited
        events.append(event)
    filler = (size - len(json.dumps(events[-1], ensure_ascii=False, separators=(",", ":")).encode())) // 7
    for event in events:
        event["description"] = {"ko": ("협약 " * filler).strip()}
    return document


def test_a_trip_near_the_size_limit_exports_to_json_that_imports_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = near_the_limits()
    assert values(document) < MAX_NODES
    source = tmp_path / "big.json"
    source.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    assert 9_600_000 < source.stat().st_size < MAX_FILE_BYTES
    indented = json.dumps(document, ensure_ascii=False, indent=2).encode()
    assert len(indented) > MAX_FILE_BYTES  # what the export wrote, which did not import again

    first, second = tmp_path / "first.db", tmp_path / "second.db"
    code, _, err = run(capsys, "--db", str(first), "import", str(source))
    assert code == 0, err
    exported = tmp_path / "exported.json"
    code, _, err = run(capsys, "--db", str(first), "export", "sample-2024-us", "-o", str(exported))
    assert code == 0, err
    assert exported.stat().st_size <= MAX_JSON_FILE_BYTES
    code, out, err = run(capsys, "--db", str(second), "import", str(exported))
    assert code == 0, err
    assert "1 added" in out
    again = tmp_path / "again.json"
    code, _, err = run(capsys, "--db", str(second), "export", "sample-2024-us", "-o", str(again))
    assert code == 0, err
    assert again.read_bytes() == exported.read_bytes()
    assert json.loads(exported.read_text(encoding="utf-8")) == document


def test_a_small_trip_still_exports_indented(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "t.db"
    assert run(capsys, "--db", str(db), "import", str(SAMPLE))[0] == 0
    code, out, _ = run(capsys, "--db", str(db), "export", "sample-2024-us", "--format", "json")
    assert code == 0 and out.startswith('{\n  "tripdesk": 1,\n')


def test_a_yaml_trip_near_the_limit_exports_to_json_that_imports_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON writes `"` and a line break in two characters where a YAML block writes one: a
    9.9 MB YAML trip of such text is 12.4 MB as JSON, which a JSON file may be."""
    text = SAMPLE.read_text(encoding="utf-8")
    purpose = "  purpose: {ko: 업무협약 체결, en: To sign a business agreement, translated: en, translated_by: editors}\n"
    assert purpose in text
    block = "  purpose:\n    ko: |\n" + '      """"""""\n' * 690_000 + (
        "    en: To sign a business agreement\n    translated: en\n    translated_by: editors\n")
    source = tmp_path / "big.yaml"
    source.write_text(text.replace(purpose, block), encoding="utf-8")
    assert 9_800_000 < source.stat().st_size <= MAX_FILE_BYTES
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    assert run(capsys, "--db", str(first), "import", str(source))[0] == 0
    exported = tmp_path / "exported.json"
    code, _, err = run(capsys, "--db", str(first), "export", "sample-2024-us", "-o", str(exported))
    assert code == 0, err
    assert exported.stat().st_size > MAX_FILE_BYTES  # larger than the YAML file may be
    code, out, err = run(capsys, "--db", str(second), "import", str(exported))
    assert code == 0 and "1 added" in out, err
    code, out, _ = run(capsys, "--db", str(second), "export", "sample-2024-us", "--format", "json")
    assert json.loads(out)["trip"]["purpose"]["ko"] == '""""""""\n' * 690_000


def test_a_json_trip_of_the_largest_size_exports_to_json_that_imports_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A JSON file of exactly the largest size imports, so its export must import too: the
    compact export's closing line break alone was one byte over the limit. (The limit is made
    the size of the sample trip's compact JSON, so that the test stays small.)"""
    from tripdesk import limits
    from tripdesk.export import jsonfmt

    compact = json.dumps(sample_document(), ensure_ascii=False, separators=(",", ":"))
    limit = len(compact.encode("utf-8"))
    monkeypatch.setattr(limits, "MAX_JSON_FILE_BYTES", limit)
    monkeypatch.setattr(jsonfmt, "MAX_JSON_FILE_BYTES", limit)
    source = tmp_path / "largest.json"
    source.write_text(compact, encoding="utf-8")
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    code, _, err = run(capsys, "--db", str(first), "import", str(source))
    assert code == 0, err
    exported = tmp_path / "exported.json"
    code, _, err = run(capsys, "--db", str(first), "export", "sample-2024-us", "-o", str(exported))
    assert code == 0, err
    assert exported.stat().st_size <= limit
    code, out, err = run(capsys, "--db", str(second), "import", str(exported))
    assert code == 0 and "1 added" in out, err


def test_json_too_large_indented_is_written_without_spaces(monkeypatch: pytest.MonkeyPatch) -> None:
    from tripdesk.export import jsonfmt

    loaded, _ = load_file(SAMPLE)
    indented = render_json(loaded.trip)
    monkeypatch.setattr(jsonfmt, "MAX_JSON_FILE_BYTES", len(indented.encode()) - 1)
    compact = render_json(loaded.trip)
    assert "\n " not in compact and json.loads(compact) == json.loads(indented)


@pytest.mark.parametrize("name, size, limit", [
    ("big.yaml", MAX_FILE_BYTES + 1, "10,485,760 bytes (10 MiB) for a trip file"),
    ("big.json", MAX_JSON_FILE_BYTES + 1, "22,020,096 bytes (21 MiB) for a JSON trip file"),
])
def test_the_size_limit_is_said_in_the_bytes_it_is_counted_in(name: str, size: int, limit: str, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / name
    big.write_bytes(b" " * size)
    for command in ("validate", "import"):
        code, _, err = run(capsys, command, str(big))
        assert code == 1
        assert f"file is {size:,} bytes, over the limit of {limit}" in err


# -- JSON as json.dumps writes it ---------------------------------------------------------------


def test_json_with_surrogate_pair_escapes_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = sample_document()
    document["trip"]["title"]["ko"] = "시애틀 방문 😀 𝄞 𠀀"  # beyond U+FFFF, Korean included
    path = tmp_path / "escaped.json"
    path.write_text(json.dumps(document, indent=2), encoding="ascii")  # ensure_ascii: the default
    assert "\\ud83d\\ude00" in path.read_text(encoding="ascii")
    db = tmp_path / "t.db"
    code, _, err = run(capsys, "--db", str(db), "import", str(path))
    assert code == 0, err
    code, out, _ = run(capsys, "--db", str(db), "export", "sample-2024-us", "--format", "json")
    assert code == 0 and json.loads(out)["trip"]["title"]["ko"] == "시애틀 방문 😀 𝄞 𠀀"


@pytest.mark.parametrize("text, where, message", [
    # Half a pair on its own: JSON allows it, but it stands for no character.
    ('{\n  "tripdesk": 1,\n  "trip": {"title": "x \\ud83d y"}}', "3:24",
     "\\ud83d is half of a UTF-16 surrogate pair, without its other half"),
    ('{"tripdesk": 1, "note": "\\\\ud83d\\ude00"}', "1:33", "\\ude00 is half of a UTF-16"),
    # Syntax errors: the JSON parser's message and place.
    ('{\n  "tripdesk": 1,\n  "trip": {"id": "x"}', "3:22", "JSON syntax error: Expecting ',' delimiter"),
    ('{"tripdesk": 1 "trip": {}}', "1:16", "JSON syntax error: Expecting ',' delimiter"),
    ('{"tripdesk": 1}\n{"tripdesk": 1}', "2:1", "JSON syntax error: Extra data"),
])
def test_a_json_files_problems_are_json_problems(text: str, where: str, message: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "trip.json"
    path.write_text(text, encoding="utf-8")
    for command in ("validate", "import"):  # validate --db would check against that store
        options = ["--db", str(tmp_path / "t.db")] if command == "import" else []
        code, _, err = run(capsys, *options, command, str(path))
        assert code == 1 and "Traceback" not in err
        assert f"trip.json:{where}: {message}" in err, err
        assert "YAML" not in err
