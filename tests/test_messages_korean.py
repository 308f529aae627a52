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
from .test_ui import data_store, db, open_gumi_2024  # noqa: F401 - fixtures
from .test_ui_support import async_test, press, settle

BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))
HANGUL = re.compile("[가-힣]")
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# Words a Korean message may hold: names of formats and programs, and what the user types
# or reads in the file (keys, ids, values are quoted and taken out before this is asked).
NAMES = {"YAML", "JSON", "UTF", "CP", "EUC", "KR", "MiB", "YYYY", "MM", "DD", "HH", "id",
         "tripdesk", "ko", "en", "US", "x", "U", "SQLite", "FTS", "PRAGMA"}
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
                    r"!!\S+", r"\b\w+[_-][\w-]+"):  # (commands and tables: integrity_check)
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


# -- doctor and the errors of the store ------------------------------------------------------


def _store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    from .conftest import SAMPLE

    db = tmp_path / "t.db"
    assert cli.main(["--db", str(db), "import", str(SAMPLE)]) == 0
    capsys.readouterr()
    return db


def _doctor(capsys: pytest.CaptureFixture[str], db: Path, lang: str) -> tuple[int, list[str]]:
    code = cli.main(["--db", str(db), "--lang", lang, "doctor"])
    return code, capsys.readouterr().out.splitlines()


def test_doctor_in_korean_keeps_its_status_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _store(tmp_path, capsys)
    code, lines = _doctor(capsys, db, "ko")
    assert code == 0
    assert [line.split()[0] for line in lines[1:-1]] == ["ok"] * 8  # for scripts, as they were
    assert "  ok       스키마: 버전 4, 표·열·외래 키·인덱스가 모두 있습니다" in lines
    assert "  ok       전문 검색 색인: FTS5 integrity-check: 이상 없음" in lines
    assert "  ok       출장: 출장 1건, 모두 문서와 파일 기록이 있습니다" in lines
    for line in lines[1:-1]:
        message = line.split(": ", 1)[1]
        assert HANGUL.search(message) and not _english_words(message), line
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("DROP INDEX trips_start")
    conn.close()
    code, lines = _doctor(capsys, db, "ko")
    assert code == cli.EXIT_PROBLEMS
    at = lines.index("  PROBLEM  스키마: 버전 4이지만 다음이 다릅니다: 표 trips에 (start)의 인덱스 "
                     "trips_start이(가) 없습니다")
    assert lines[at + 1] == ("           수정 방법: `tripdesk import --rebuild`를 실행해 데이터 파일로 "
                             "저장소를 새로 만드세요(쓸 수 없는 파일은 지우지 않고 <db>.broken-<시각>으로 "
                             "옮겨 둡니다)")
    assert lines[-1] == "문제 1건 발견"
    code, lines = _doctor(capsys, db, "en")
    at = lines.index("  PROBLEM  schema: version 4, but the table trips lacks the index trips_start on (start)")
    assert lines[at + 1] == ("           fix: run `tripdesk import --rebuild` to build a new store from the "
                             "data files (an unusable file is moved aside to <db>.broken-<time>, never deleted)")


def test_doctor_in_korean_without_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "none.db"
    code, lines = _doctor(capsys, db, "ko")
    assert code == cli.EXIT_PROBLEMS
    assert lines[1:] == [f"  PROBLEM  파일: {db}에 데이터베이스가 없습니다",
                         "           수정 방법: `tripdesk import`를 실행해 데이터 파일로 만드세요",
                         "문제 1건 발견"]


def test_an_error_from_the_store_and_its_fix_in_korean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A TripdeskError raised below the CLI (the store's) and its fix line, in the command's
    language; `tripdesk: error:` stays for scripts."""
    db = tmp_path / "garbage.db"
    db.write_bytes(b"not a database at all, not even close to one" * 100)
    code = cli.main(["--db", str(db), "--lang", "ko", "list"])
    err = capsys.readouterr().err.splitlines()
    assert code == cli.EXIT_PROBLEMS
    assert err == [f"tripdesk: error: {db}: 쓸 수 있는 tripdesk 데이터베이스가 아닙니다(file is not a database)",
                   "  수정 방법: `tripdesk import --rebuild`를 실행해 데이터 파일로 저장소를 새로 만드세요"]
    code = cli.main(["--db", str(db), "--lang", "en", "list"])
    err = capsys.readouterr().err.splitlines()
    assert err == [f"tripdesk: error: {db}: the file is not a usable tripdesk database (file is not a database)",
                   "  fix: run `tripdesk import --rebuild` to build a new store from the data files"]


def test_a_missing_store_in_korean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "none.db"
    code = cli.main(["--db", str(db), "--lang", "ko", "validate", "--db", str(db),
                     str(FIXTURES / "valid" / "sample-trip.yaml")])
    err = capsys.readouterr().err
    assert code == 0 and "저장소가 없어" in err, err


# -- the desk and the calendar export --------------------------------------------------------


@async_test
async def test_the_desk_says_what_is_wrong_in_its_language_as_it_changes(db: Path, tmp_path: Path) -> None:  # noqa: F811
    """An export refused in the desk's export dialog is said in the desk's language, and in
    the other one once the language is changed; after the desk, English again."""
    from textual.widgets import Input

    from tripdesk.i18n import messages
    from tripdesk.ui.app import TripdeskApp

    from .test_ui_export import status_text

    app = TripdeskApp(db_path=db, language="ko", export_dir=tmp_path / "exports")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "e")
        app.screen.query_one(Input).value = str(tmp_path / "out" / "briefing.txt")
        await press(pilot, "enter")
        await settle(pilot, 2)
        said = status_text(app)
        assert "briefing.txt의 확장자는 '.txt'입니다: 파일 이름을" in said, said
        await press(pilot, "escape")
        app.action_cycle_language()  # 한국어 → English
        await press(pilot, "e")
        app.screen.query_one(Input).value = str(tmp_path / "out" / "briefing.txt")
        await press(pilot, "enter")
        await settle(pilot, 2)
        said = status_text(app)
        assert "briefing.txt has '.txt': end the file name with" in said, said
    assert messages()("is blank") == "is blank"


def test_the_calendar_export_in_korean() -> None:
    from icalendar import Calendar

    from tripdesk.export import render
    from tripdesk.files.loader import load_file

    from .conftest import SAMPLE

    loaded, problems = load_file(SAMPLE)
    assert loaded is not None and not problems
    (ko,) = [str(e["DESCRIPTION"]) for e in Calendar.from_ical(render(loaded.trip, "ics", "ko")).walk("VEVENT")]
    (en,) = [str(e["DESCRIPTION"]) for e in Calendar.from_ical(render(loaded.trip, "ics", "en")).walk("VEVENT")]
    assert "3일 중 2일째, 2024년 10월 13일 (일)" in ko and "\n출처:\n" in ko and "당사자: " in ko
    assert "14:30 · 서명 · " in ko and "만난 기관·인물: " in ko and "상태: 미상" in ko
    for english in ("Sources:", "Parties:", "With:", "Status:", "day 2 of 3", "signing"):
        assert english not in ko and english in en, english


@pytest.mark.parametrize("locale, kinds", [("ko_KR.UTF-8", ["연설", "서명", "면담", "방문"]),
                                           ("en_US.UTF-8", ["speech", "signing", "meeting", "visit"])])
@async_test
async def test_event_kinds_in_both_follow_the_locale(db: Path, locale: str, kinds: list[str],  # noqa: F811
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """In `both` the timeline's event kinds are words, in the locale's language as every other
    word there (names and titles are in both languages)."""
    from .test_ui import main, make_app, move_cities_to

    monkeypatch.setenv("LANG", locale)
    app = make_app(db, language="both")
    async with app.run_test(size=(120, 40)) as pilot:
        await move_cities_to(pilot, lambda info: info.kind == "group")
        await press(pilot, "enter")
        await move_cities_to(pilot, lambda info: info.kind == "trip")
        await press(pilot, "enter")
        await settle(pilot)
        timeline = main(app).timeline.list
        width = timeline.scrollable_content_region.width
        events = [option.lines_for(width)[0].plain for option in timeline.options
                  if option.lines_for(width)[0].plain.startswith("  --:--")]
        assert [line.split()[2] for line in events[:4]] == kinds, events


def test_a_keymap_that_is_not_toml_is_said_in_the_desks_language(tmp_path: Path) -> None:
    """The toast at launch: tripdesk's sentence in Korean, the TOML reader's English only in
    brackets after it (it was the whole message)."""
    from tripdesk.i18n import speaking
    from tripdesk.ui.keys import KeymapError, load_keymap

    path = tmp_path / "keys.toml"
    path.write_text("[keymap\n", encoding="utf-8")
    with speaking("ko"), pytest.raises(KeymapError) as korean:
        load_keymap(path)
    said = str(korean.value)
    assert said.startswith(f"{path}: TOML 파일로 읽을 수 없습니다(") and "[keymap] 표입니다" in said, said
    # (the reader's words in brackets, and the table's name as the file spells it)
    assert not _english_words(re.sub(r"\([^)]*\)|\[keymap\]", " ", said.split(": ", 1)[1])), said
    with pytest.raises(KeymapError) as english:
        load_keymap(path)
    assert str(english.value).startswith(f"{path}: not a TOML file that can be read (")
