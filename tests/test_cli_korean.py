"""The command line in Korean: `--help` of the program and of every command, and argparse's
own words and errors, have no English prose under `--lang ko` (or a Korean locale). Latin
letters left must be what a user types or reads as a name: options, metavariables, choices,
commands, the examples, file names and the names of programs and formats."""

from __future__ import annotations

import argparse
import re

import pytest

from tripdesk import cli

WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# Names of programs, formats and standards, and words a user types (TODO in a new file).
NAMES = {
    "tripdesk", "SQLite", "Datasette", "JSON", "Schema", "VS", "Code", "Neovim", "Helix",
    "yaml", "language", "server", "Markdown", "HTML", "iCalendar", "CSV", "UTF", "BOM", "CI",
    "TODO", "DRAFT", "A", "id", "md", "html", "json", "ics", "markdown", "htm", "textual", "serve",
    "draft", "pip", "install", "web", "immutable", "metadata", "http", "db", "broken", "time",
    "trip", "format", "ko", "en", "both", "i", "v", "o", "file", "line", "col", "field", "message",
}


def _not_typed(text: str) -> str:
    """The help without what a user types: usage lines, options, metavariables (upper case),
    choices, `commands`, the example, paths and <placeholders>."""
    kept = []
    usage = False
    for line in text.splitlines():
        if line.startswith(("사용법:", "usage:")):
            usage = True
        elif not line.strip():
            usage = False
        if usage or line.startswith(("예: ", "example: ")):
            continue
        kept.append(line)
    text = "\n".join(kept)
    for pattern in (r"`[^`]*`", r"\{[^}]*\}", r"<[^>]*>", r"\$\w+", r"\S*/\S*", r"\S*\.\w+\b",
                    r"(?<!\w)--?[\w-]+", r"(?<![A-Za-z])[A-Z][A-Z_-]*(?![A-Za-z])", r"'[^']*'"):
        text = re.sub(pattern, " ", text)
    return text


def _help_lines(text: str) -> list[str]:
    """The lines after the usage (which ends at the first blank line)."""
    return text.split("\n\n", 1)[-1].splitlines()


def _english(text: str) -> list[str]:
    commands = set(_commands())
    return sorted({w for w in WORD.findall(_not_typed(text)) if w not in NAMES and w not in commands})


def _commands() -> list[str]:
    subparsers = next(a for a in cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return list(subparsers.choices)


def _help(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    with pytest.raises(SystemExit) as done:
        cli.main(argv)
    assert done.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", [None, *_commands()])
def test_the_help_of_every_command_in_korean_has_no_english_prose(command: str | None,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--lang", "ko", *([command] if command else []), "--help"]
    text = _help(capsys, argv)
    assert "사용법:" in text and "옵션:" in text and "이 도움말을 보이고 끝냄" in text
    assert not _english(text), (argv, _english(text))


def test_a_korean_locale_gives_korean_help(capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "ko_KR.UTF-8")
    assert "저장된 출장을 보여 줍니다." in _help(capsys, ["list", "--help"])
    assert "List the trips in the store." in _help(capsys, ["--lang", "en", "list", "--help"])


def test_the_check_sees_english_prose(capsys: pytest.CaptureFixture[str]) -> None:
    text = _help(capsys, ["--lang", "en", "list", "--help"])
    assert {"print", "instead", "table", "exit", "options"} <= set(_english(text))


@pytest.mark.parametrize("argv, message", [
    (["list", "--bogus"], "알 수 없는 인자: --bogus"),
    (["search", "--limit", "x", "y"], "인자 --limit: 'x'은(는) 정수가 아닙니다"),
    (["export"], "다음 인자가 필요합니다: TRIP"),
    (["agreements", "--kind", "treaty"], "고를 수 없는 값: 'treaty'"),
    (["agreements", "--since", "2020-13-01"], "'2020-13-01'은(는) 날짜가 아닙니다: YYYY-MM-DD로 주세요"),
])
def test_argument_errors_in_korean_keep_their_prefix_and_status(argv: list[str], message: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["--lang", "ko", *argv])
    assert done.value.code == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("사용법: tripdesk")
    assert re.search(r"^tripdesk( \w+)?: error: ", err, re.M) and message in err, err


def test_english_help_is_as_it_was(capsys: pytest.CaptureFixture[str]) -> None:
    text = _help(capsys, ["--lang", "en", "--help"])
    assert text.startswith("usage: tripdesk") and "\noptions:\n" in text
    assert "show this help message and exit" in text


def test_help_wraps_korean_by_cells(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", "80")
    for command in _commands():
        text = _help(capsys, ["--lang", "ko", command, "--help"])
        # (the usage, and an option's choices on a line of their own, are Latin letters alone)
        wide = [line for line in _help_lines(text) if cell_len(line) > 80 and re.search("[가-힣]", line)]
        assert not wide, (command, wide)


def test_the_messages_and_headers_of_the_commands_in_korean(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    """What validate, import, list, stats, doctor and a missing trip print under --lang ko:
    Korean words, the data and the file:line:col and JSON forms as they were."""
    from .test_ui_support import DATA

    db = str(tmp_path / "ko.db")

    def run(*argv: str) -> tuple[int, str, str]:
        code = cli.main(["--db", db, "--lang", "ko", *argv])
        done = capsys.readouterr()
        return code, done.out, done.err

    code, out, _err = run("validate", str(DATA))
    assert code == 0 and out.startswith("파일 4개 검사 통과 (출장 4건")
    code, out, _err = run("import", str(DATA))
    assert code == 0 and "에 가져왔습니다: 추가 4, 갱신 0, 삭제 0, 변경 없음 0" in out
    code, out, _err = run("list")
    assert all(word in out for word in ("도시", "기간", "일수", "제목")) and "title" not in out
    code, out, _err = run("stats", "--top", "2")
    assert "방문지: 도시" in out and "협약 상태별" in out and "Destinations" not in out
    code, out, _err = run("doctor")
    assert code == 0 and out.rstrip().endswith("저장소에 문제가 없습니다")
    code, _out, err = run("show", "nosuch")
    assert code == cli.EXIT_PROBLEMS and "tripdesk: error: id가 'nosuch'인 출장이 없습니다" in err
    code, out, _err = run("list", "--json")
    assert '"home_city"' in out and '"title"' in out  # the JSON's keys stay


def test_the_korean_usage_lines_up_under_the_program(capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """argparse indents the usage's later lines by the prefix's characters; "사용법: " is 8
    cells wide, so they line up under `tripdesk` by cells."""
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", "80")
    first, second = _help(capsys, ["--lang", "ko", "--help"]).splitlines()[:2]
    assert first.startswith("사용법: tripdesk [")
    assert cell_len(second) - len(second.lstrip()) == cell_len("사용법: tripdesk ")
