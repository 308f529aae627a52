"""Broken trip files: each one is refused with one clear message at the right line.

For every fixture of tests/fixtures/broken/, `tripdesk validate` and `tripdesk import` exit 1,
print `file:line:col: field: message` (never a traceback), and the store that held the sample
trip before the import holds exactly it, byte for byte, afterwards.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tripdesk.files import yamlread
from tripdesk.cli import main
from tripdesk.files.loader import load_file

from .conftest import FIXTURES, SAMPLE

BROKEN = FIXTURES / "broken"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(db: Path) -> tuple[str, list[str], list[str]]:
    """The database file's digest, its trip ids and a full SQL dump."""
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    conn = sqlite3.connect(db)
    try:
        ids = [r[0] for r in conn.execute("SELECT id FROM trips ORDER BY id")]
        dump = list(conn.iterdump())
    finally:
        conn.close()
    return digest, ids, dump


@pytest.fixture
def store(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A store holding the sample trip (the database of TRIPDESK_DB)."""
    code, _, err = run(capsys, "import", str(SAMPLE))
    assert code == 0, err
    return db_path


@dataclass(frozen=True)
class Case:
    file: str
    line: int
    column: int
    path: str  # the field path, "" for a problem of the whole file
    message: str  # a fragment of the message

    @property
    def pattern(self) -> re.Pattern[str]:
        where = rf"{re.escape(self.file)}:{self.line}:{self.column}: "
        field = rf"{re.escape(self.path)}: " if self.path else ""
        return re.compile(where + field + r".*" + re.escape(self.message))


CASES = {
    "yaml-syntax": Case(
        "yaml-syntax.yaml", 19, 10, "",
        "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence "
        "that starts at line 18, column 11)"),
    "tab-indentation": Case(
        "tab-indent.yaml", 18, 1, "",
        "tab character used for indentation; YAML indents with spaces only"),
    "wrong-type": Case(
        "wrong-type.yaml", 14, 17, "trip.delegation.head_count",
        "should be a whole number of 0 or more, not text 'five'"),
    "missing-required-field": Case(
        "missing-field.yaml", 3, 3, "trip", "missing required field 'status'"),
    "unknown-key-did-you-mean": Case(
        "unknown-key.yaml", 19, 3, "trip.purpse",
        "unknown key 'purpse' (did you mean 'purpose'?)"),
    "impossible-date": Case(
        "impossible-date.yaml", 28, 16, "sources[0].published",
        "'2024-02-30' is not a real date (day is out of range for month); use YYYY-MM-DD"),
    "end-before-start": Case(
        "end-before-start.yaml", 16, 8, "trip.end",
        "the trip ends (2024-10-11) before it starts (2024-10-12)"),
    "day-outside-the-trip": Case(
        "day-outside-trip.yaml", 47, 11, "days[0].date",
        "the day 2024-10-20 is outside the trip (2024-10-12..2024-10-14)"),
    "same-day-twice": Case(
        "same-day-twice.yaml", 61, 11, "days[1].date",
        "2024-10-13 is listed twice (also days[0]); merge the two entries"),
    "undefined-source": Case(
        "undefined-source.yaml", 59, 19, "days[0].events[0].sources[0]",
        "source 'src-b' is not defined; add it to 'sources' or fix the id"),
    "undefined-organisation": Case(
        "undefined-organisation.yaml", 57, 25, "days[0].events[0].organisations[0]",
        "organisation 'seattle-libary' is not defined; add it to 'organisations' or fix the id"),
    "undefined-person": Case(
        "undefined-person.yaml", 10, 20, "trip.leader.person",
        "person 'hong-gildong' is not defined; add it to 'people' or fix the id"),
    "empty-file": Case(
        "empty.yaml", 1, 1, "",
        "the file is empty; a trip file starts with 'tripdesk: 1' and a 'trip:' mapping"),
    "invalid-utf8": Case(
        "invalid-utf8.yaml", 26, 20, "", "not valid UTF-8 (byte 0xc3); save the file as UTF-8"),
    "alias-bomb": Case(
        "alias-bomb.yaml", 4, 8, "",
        "YAML aliases (*name) are not allowed in trip files; write the value out in full"),
    "python-object-tag": Case(
        "python-object.yaml", 18, 11, "trip.status",
        "the YAML tag !!python/object/apply:os.system is not allowed in trip files (it is "
        "refused, never constructed)"),
    "several-documents": Case(
        "several-documents.yaml", 77, 1, "",
        "the file holds 2 YAML documents; a trip file holds exactly one"),
}


def assert_one_problem(err: str, case: Case, stored_trip_id: str | None = None) -> None:
    """The case's problem, alone; `stored_trip_id`: the store holds a trip of that id from
    another file, so a file whose own trip id is readable is also told that it is taken
    (as `tripdesk validate` of both files would say), and nothing else."""
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if re.match(r"\S+:\d+:\d+: ", line)]
    if stored_trip_id is not None:
        taken = [line for line in lines if f"trip.id: trip id '{stored_trip_id}' is already used by " in line]
        assert len(taken) <= 1, err
        lines = [line for line in lines if line not in taken]
    assert len(lines) == 1, err
    assert case.pattern.search(lines[0]), f"expected {case.pattern.pattern!r} in:\n{err}"


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_validate_reports_the_broken_file(case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(BROKEN / case.file))
    assert code == 1
    assert_one_problem(err, case)
    assert "1 problem in 1 file" in err


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_import_refuses_the_broken_file_and_leaves_the_store_unchanged(
    case: Case, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(store)
    code, out, err = run(capsys, "import", str(BROKEN / case.file))
    assert code == 1
    assert_one_problem(err, case, stored_trip_id="sample-2024-us")  # the store holds SAMPLE
    assert "nothing was written to the store" in err
    assert snapshot(store) == before


def test_a_broken_file_among_good_ones_writes_nothing(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """All or nothing: one bad file stops the good ones beside it from being imported too."""
    folder = tmp_path / "trips"
    folder.mkdir()
    good = SAMPLE.read_text(encoding="utf-8").replace("sample-2024-us", "another-2024-us")
    (folder / "another-2024-us.yaml").write_text(good, encoding="utf-8")
    (folder / "wrong-type.yaml").write_bytes((BROKEN / "wrong-type.yaml").read_bytes())
    before = snapshot(store)
    code, _, err = run(capsys, "import", str(folder))
    assert code == 1 and "Traceback" not in err
    assert "head_count: should be a whole number" in err
    assert snapshot(store) == before


# -- the same trip id in two files ------------------------------------------------------------


def test_the_same_trip_id_in_two_files_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "validate", str(SAMPLE), str(BROKEN / "duplicate-trip-id.yaml"))
    assert code == 1 and "Traceback" not in err
    assert re.search(r"duplicate-trip-id\.yaml:3:7: trip\.id: trip id 'sample-2024-us' is already "
                     r"used by \S*sample-trip\.yaml; give each trip its own id", err), err


def test_importing_a_second_file_with_a_stored_trip_id_is_refused(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(store)
    code, _, err = run(capsys, "import", str(BROKEN / "duplicate-trip-id.yaml"))
    assert code == 1 and "Traceback" not in err
    assert re.search(r"duplicate-trip-id\.yaml:3:7: trip\.id: trip id 'sample-2024-us' is already "
                     r"used by \S*sample-trip\.yaml", err), err
    assert snapshot(store) == before


# -- a UTF-8 byte-order mark is fine ---------------------------------------------------------


def test_a_utf8_bom_loads(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = BROKEN / "utf8-bom.yaml"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    code, out, err = run(capsys, "validate", str(path))
    assert code == 0 and "1 file valid" in out, err
    code, out, err = run(capsys, "import", str(path))
    assert code == 0 and "1 added" in out, err
    assert snapshot(store)[1] == ["bom-2024-us", "sample-2024-us"]
    loaded, problems = load_file(path)
    assert not problems and loaded is not None
    assert loaded.trip.sources[0].outlet.get("en") == "Sample News"  # no BOM left in any value


# -- a file far too large --------------------------------------------------------------------


def test_a_50_mb_file_is_refused_without_being_read(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("w", encoding="utf-8") as f:
        f.write(SAMPLE.read_text(encoding="utf-8"))
        line = "# " + "x" * 1022 + "\n"
        for _ in range(50 * 1024):
            f.write(line)
    assert path.stat().st_size > 50 * 1024 * 1024
    read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:
        assert self != path, "the oversized file was read"
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    before = snapshot(store)
    started = time.monotonic()
    code, _, err = run(capsys, "import", str(path))
    assert time.monotonic() - started < 5
    assert code == 1
    assert_one_problem(err, Case("huge.yaml", 1, 1, "", "file is 52,482,525 bytes, over the limit of "
                                 "10,485,760 bytes (10 MiB) for a trip file; split it or remove "
                                 "what is not trip data"))
    assert snapshot(store) == before


# -- alias bombs and code in tags ------------------------------------------------------------


def test_the_alias_bomb_is_refused_before_anything_is_expanded(capsys: pytest.CaptureFixture[str]) -> None:
    """One problem, at the first alias, and no time spent: the aliases are never followed."""
    started = time.monotonic()
    result = yamlread.read_file(BROKEN / "alias-bomb.yaml")
    assert time.monotonic() - started < 1
    assert result.document is None
    assert [(p.line, p.column) for p in result.problems] == [(4, 8)]


def test_aliases_inside_a_trip_are_reported_once(tmp_path: Path) -> None:
    """Even where the aliased value is small and valid, aliases are refused, once per file."""
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "    officials: [hong-gil-dong]", "    officials: &who [hong-gil-dong]").replace(
        "        people: [hong-gil-dong]", "        people: *who")
    path = tmp_path / "alias.yaml"
    path.write_text(text, encoding="utf-8")
    result = yamlread.read_file(path)
    assert len(result.problems) == 1
    assert result.problems[0].line == 58 and "aliases (*name) are not allowed" in result.problems[0].message


def test_the_python_object_payload_is_never_constructed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fixture = BROKEN / "python-object.yaml"
    text = fixture.read_text(encoding="utf-8")
    # The payload is live: PyYAML's unsafe loader runs it and the file appears...
    armed = tmp_path / "armed"
    armed.mkdir()
    monkeypatch.chdir(armed)
    yaml.unsafe_load(text)
    assert (armed / "tripdesk-pwned.txt").exists()
    # ...while validate and import refuse the tag and never construct it.
    safe = tmp_path / "safe"
    safe.mkdir()
    monkeypatch.chdir(safe)
    for command in ("validate", "import"):
        code, _, err = run(capsys, command, str(fixture))
        assert code == 1 and "Traceback" not in err
        assert "!!python/object/apply:os.system is not allowed" in err
    assert not (safe / "tripdesk-pwned.txt").exists()
    assert list(safe.iterdir()) == []


@pytest.mark.parametrize("snippet", [
    "!!python/object/apply:os.system key: value",
    "key: !!python/object/new:os.system [\"echo constructed > tripdesk-pwned.txt\"]",
    "key: !!python/name:os.system",
    "key: !!binary ZWNobw==",
    "key: !custom thing",
], ids=["tag-on-a-key", "object-new", "python-name", "binary", "local-tag"])
def test_every_non_standard_tag_is_refused(
    snippet: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "tagged.yaml"
    path.write_text(f"tripdesk: 1\n{snippet}\n", encoding="utf-8")
    result = yamlread.read_file(path)
    assert len(result.problems) == 1
    assert result.problems[0].line == 2
    assert "is not allowed in trip files (it is refused, never constructed)" in result.problems[0].message
    assert not (tmp_path / "tripdesk-pwned.txt").exists()


# -- nesting too deep for libyaml ------------------------------------------------------------


@pytest.mark.parametrize("nesting", [
    "a: " + "[" * 200_000 + "]" * 200_000,
    "a:\n" + "- " * 200_000 + "x",
    "a: " + "{b: " * 100_000 + "c" + "}" * 100_000,
], ids=["flow-sequences", "block-sequences", "flow-mappings"])
def test_deep_nesting_is_refused_without_crashing(nesting: str, tmp_path: Path) -> None:
    """libyaml composes recursively in C: 50,000 levels used to kill the process (SIGSEGV),
    and its parser slows down with the square of the depth."""
    path = tmp_path / "deep.yaml"
    path.write_text(f"tripdesk: 1\n{nesting}\n", encoding="utf-8")
    started = time.monotonic()
    result = yamlread.read_file(path)
    assert time.monotonic() - started < 2
    assert len(result.problems) == 1
    assert "nested more than 40 levels deep" in result.problems[0].message
    assert result.problems[0].line in (2, 3)


# -- what problem messages show ---------------------------------------------------------------


def test_problem_messages_never_carry_terminal_controls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An escape sequence or line break in a value is shown escaped: it cannot recolour the
    terminal or fake another `file:line:col` line."""
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "  id: sample-2024-us", '  id: "\\e]52;c;SGk=\\a\\e[31m\\nfake.yaml:1:1: fine"')
    path = tmp_path / "controls.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    assert "\x1b" not in err and "\x07" not in err
    assert r"'\x1b]52;c;SGk=\x07\x1b[31m\nfake.yaml:1:1: fine' is not a valid id" in err
    assert not any(line.startswith("fake.yaml") for line in err.splitlines())


def test_long_values_are_shortened_in_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("  status: announced", "  status: " + "x" * 100_000)
    path = tmp_path / "long.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    assert f"trip.status: '{'x' * 40}…' is not allowed (expected one of: announced, reported)" in err
    assert len(err) < 1000


def test_a_number_too_long_to_read_is_not_called_a_date(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("head_count: 5", "head_count: " + "9" * 5000)
    path = tmp_path / "digits.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = load_file(path)
    assert len(problems) == 1
    assert problems[0].line == 14
    assert "has too many digits to be read as a number" in problems[0].message
    assert "date" not in problems[0].message


def test_a_value_of_control_characters_only_is_blank(tmp_path: Path) -> None:
    """Control characters are removed at import, so such a value would be stored empty, and
    its JSON export would no longer validate."""
    text = SAMPLE.read_text(encoding="utf-8").replace("    outlet: Sample News", '    outlet: "\\x01\\x1b"')
    path = tmp_path / "controls-only.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = load_file(path)
    assert [(p.path, p.message) for p in problems] == [("sources[0].outlet", "is blank")]


def test_a_missing_file_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path / "nowhere.yaml"))
    assert code == 1 and "Traceback" not in err
    assert "nowhere.yaml:1:1: no such file or folder" in err


def test_an_unreadable_file_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "secret.yaml"
    path.write_bytes(SAMPLE.read_bytes())
    path.chmod(0)
    if os.geteuid() == 0:  # root reads every file: make the read fail as it would for a user
        real_read = Path.read_bytes

        def refuse(self: Path) -> bytes:
            if self.name == "secret.yaml":
                raise PermissionError(13, "Permission denied", str(self))
            return real_read(self)

        monkeypatch.setattr(Path, "read_bytes", refuse)
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1 and "Traceback" not in err
    assert "secret.yaml:1:1: cannot read the file: Permission denied" in err


@pytest.mark.parametrize("where, old, new, line, path", [
    ("event", "        sources: [src-a]\n        inferred: {time", "        sources: []\n        inferred: {time",
     59, "days[0].events[0].sources"),
    ("agreement", "    event: library-mou\n    sources: [src-a]", "    event: library-mou\n    sources: []",
     68, "agreements[0].sources"),
    ("file", "sources:\n  - id: src-a", "sources: []\nunused:\n  - id: src-a", 24, "sources"),
], ids=["event", "agreement", "trip-file"])
def test_an_empty_list_of_sources_is_refused(
    where: str, old: str, new: str, line: int, path: str, tmp_path: Path
) -> None:
    """Found by test_properties: `sources: []` passed, was dropped from the stored document,
    and reading the trip back then failed with a KeyError (every show, export and desk view)."""
    text = SAMPLE.read_text(encoding="utf-8")
    assert text.count(old) == 1
    file = tmp_path / "no-sources.yaml"
    file.write_text(text.replace(old, new), encoding="utf-8")
    _, problems = load_file(file)
    assert [(p.line, p.path, p.message) for p in problems if p.path == path] == [
        (line, path, "is required but empty")]


@pytest.mark.parametrize("char, shown", [("\x80", "control character U+0080"),
                                         ("\x9b", "control character U+009B"),
                                         ("\ufffe", "character U+FFFE"), ("\uffff", "character U+FFFF")],
                         ids=["c1-padding", "c1-csi", "u-fffe", "u-ffff"])
def test_characters_yaml_refuses_are_one_problem_at_their_place(
    char: str, shown: str, tmp_path: Path
) -> None:
    """They used to come out as `1:1: YAML error: ...` over two lines."""
    path = tmp_path / "raw.yaml"
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace("Sample News", f"Sample {char}News"),
                    encoding="utf-8")
    _, problems = load_file(path)
    assert [(p.line, p.column) for p in problems] == [(26, 20)]
    assert problems[0].message.startswith(f"{shown} in the file; YAML does not allow it")
    assert "\n" not in str(problems[0])
