"""What is said below the command line, in the command's language: the problems `validate`
and `import` report (the loader's, the schema's, the YAML reader's), the errors raised
below the CLI and their fix, doctor's findings. Under `--lang ko` (or a Korean locale) their
words are Korean; the `file:line:col: field:` before them, doctor's status words, the JSON
keys and the exit statuses stay as they are for scripts; in English nothing changed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tripdesk import cli
from tripdesk.problems import display_path

from .conftest import FIXTURES, mutate, problems_for

BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))
HANGUL = re.compile("[가-힣]")
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# Words a Korean message may hold: names of formats and programs, and what the user types
# or reads in the file (keys, ids, values are quoted and taken out before this is asked).
NAMES = {"YAML", "JSON", "UTF", "CP", "EUC", "KR", "MiB", "YYYY", "MM", "DD", "HH", "id",
         "tripdesk", "ko", "en", "US", "x", "U"}
# What a problem's line starts with: where it is and, when it is about a field, which.
PLACE = re.compile(r"^(?P<place>[^:\n]+:\d+:\d+: (?:[\w.\[\]-]+: )?)(?P<message>.*)$")


def _validate(capsys: pytest.CaptureFixture[str], lang: str, *paths: Path) -> tuple[int, list[str]]:
    code = cli.main(["--lang", lang, "validate", *map(str, paths)])
    return code, capsys.readouterr().err.splitlines()


def _english_words(message: str) -> list[str]:
    """The English prose left in a message once what the user typed or reads as it is in the
    file is taken out: quoted values, paths, backquoted commands, dates, codes."""
    for pattern in (r"'[^']*'", r'"[^"]*"', r"`[^`]*`", r"\S*/\S*", r"\S*\.\w+\b", r"days\[\d+\]",
                    r"(?<!\w)--?[\w-]+", r"\b[A-Z_]{2,}\b", r"U\+[0-9A-F]+", r"0x[0-9a-f]+",
                    r"!!\S+"):
        message = re.sub(pattern, " ", message)
    return [w for w in WORD.findall(message) if w not in NAMES]


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_validate_in_korean_keeps_the_place_and_the_status(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each broken file: the same exit status and the same `file:line:col: field:` in both
    languages; the English lines are the loader's own, the Korean ones Korean prose."""
    en_code, en_lines = _validate(capsys, "en", path)
    ko_code, ko_lines = _validate(capsys, "ko", path)
    assert en_code == ko_code
    en_problems = [line for line in en_lines if PLACE.match(line)]
    ko_problems = [line for line in ko_lines if PLACE.match(line)]
    assert [PLACE.match(line)["place"] for line in en_problems] == \
        [PLACE.match(line)["place"] for line in ko_problems]
    assert en_problems == problems_for(path)  # English, as the loader says it outside the CLI
    for ko in ko_problems:
        message = PLACE.match(ko)["message"]
        assert HANGUL.search(message), ko
        assert not _english_words(message), (ko, _english_words(message))


def test_the_check_for_english_words_sees_them(capsys: pytest.CaptureFixture[str]) -> None:
    _code, lines = _validate(capsys, "en", FIXTURES / "broken" / "unknown-key.yaml")
    assert {"unknown", "key", "did", "you", "mean"} <= set(_english_words(PLACE.match(lines[0])["message"]))


def test_a_korean_problem_reads_as_a_city_office_writes(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "broken" / "unknown-key.yaml"
    code, lines = _validate(capsys, "ko", path)
    assert code == cli.EXIT_PROBLEMS
    assert f"{display_path(path)}:19:3: trip.purpse: 알 수 없는 키 'purpse' ('purpose'을(를) 뜻했나요?)" in lines
    assert lines[-1] == "파일 1개에서 문제 1건"
    code, lines = _validate(capsys, "en", path)
    assert f"{display_path(path)}:19:3: trip.purpse: unknown key 'purpse' (did you mean 'purpose'?)" in lines


def test_dates_ids_and_references_in_korean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, _text = mutate(tmp_path, "end: 2024-10-14", "end: 2024-10-11")
    _code, lines = _validate(capsys, "ko", path)
    assert any("trip.end: 출장 종료일(2024-10-11)이 시작일(2024-10-12)보다 앞섭니다" in line for line in lines), lines
    path = FIXTURES / "broken" / "undefined-person.yaml"
    _code, lines = _validate(capsys, "ko", path)
    assert any(":10:20: trip.leader.person: 인물 'hong-gildong'이(가) 정의되어 있지 않습니다. "
               "'people'에 추가하거나 id를 고치세요" in line for line in lines), lines


def test_a_yaml_syntax_error_in_korean_says_where_the_bracket_opened(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "broken" / "yaml-syntax.yaml"
    _code, lines = _validate(capsys, "ko", path)
    assert lines[0] == (f"{display_path(path)}:19:10: YAML 문법 오류: 있어야 할 ',' 또는 ']'가 없습니다 "
                        "(대괄호 [ ] 목록을 읽는 중, 18번째 줄 11번째 열에서 시작)")
    _code, lines = _validate(capsys, "en", path)
    assert lines[0] == (f"{display_path(path)}:19:10: YAML syntax error: did not find expected ',' or ']' "
                        "(while parsing a flow sequence that starts at line 18, column 11)")


def test_a_korean_locale_gives_korean_problems(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    code = cli.main(["validate", str(FIXTURES / "broken" / "missing-field.yaml")])
    err = capsys.readouterr().err
    assert code == cli.EXIT_PROBLEMS and "trip: 필수 필드 'status'이(가) 없습니다" in err


def test_the_language_ends_with_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    """After a Korean command, the loader called on its own (a script, the next test) speaks
    English again."""
    path = FIXTURES / "broken" / "missing-field.yaml"
    _validate(capsys, "ko", path)
    assert problems_for(path) == [f"{display_path(path)}:3:3: trip: missing required field 'status'"]


def test_import_of_a_broken_file_in_korean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """import refuses in the command's language: the problems, then what to do."""
    path = FIXTURES / "broken" / "missing-field.yaml"
    code = cli.main(["--db", str(tmp_path / "t.db"), "--lang", "ko", "import", str(path)])
    err = capsys.readouterr().err.splitlines()
    assert code == cli.EXIT_PROBLEMS
    assert err[0] == f"{display_path(path)}:3:3: trip: 필수 필드 'status'이(가) 없습니다"
    assert err[-1] == ("tripdesk: 문제 1건이 있어 저장소에 아무것도 쓰지 않았습니다. 파일을 고친 뒤 "
                       "명령을 다시 실행하세요(docs/data-format.md 참고).")
    code = cli.main(["--db", str(tmp_path / "t.db"), "--lang", "en", "import", str(path)])
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == ("tripdesk: 1 problem; nothing was written to the store. Fix the files and "
                       "run the command again (see docs/data-format.md).")
