"""No traceback, ever, and no raw control characters echoed (issue 21, item 8).

Each command is run as a user runs it, in a separate process with its own standard streams
and locale: a trip file whose name is not UTF-8, output to a full device or a closed
standard output, EUC-KR, Latin-1 and ASCII locales, a keymap that is not a keymap, a `~user`
who does not exist, counts out of range, and escape sequences in what is echoed back.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tripdesk.store import importer
from tripdesk.cli import main
from tripdesk.store.importer import import_paths
from tripdesk.store import Store

from .conftest import DATA, SAMPLE
from .test_ui_support import async_test, settle

RUN_CLI = "import sys; from tripdesk.cli import main; sys.exit(main(sys.argv[1:]))"
ESC = "\x1b[31m"  # an escape sequence: the terminal would turn the rest red
RAW_CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e")


def run_cli(*argv: str | bytes, env: dict[str, str] | None = None, stdout: int | None = subprocess.PIPE,
            shell_suffix: str = "") -> subprocess.CompletedProcess[bytes]:
    """`tripdesk ARGV...` in its own process; `shell_suffix` redirects its streams in a shell."""
    command = [sys.executable, "-c", RUN_CLI, *argv]
    environment = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "C.UTF-8", **(env or {})}
    if shell_suffix:
        command = ["sh", "-c", 'exec "$@" ' + shell_suffix, "sh", *command]
    return subprocess.run(command, env=environment, stdout=stdout, stderr=subprocess.PIPE,
                          timeout=120, check=False)


def assert_one_message(result: subprocess.CompletedProcess[bytes], fragment: str,
                       code: int = 1, encoding: str = "utf-8") -> str:
    err = result.stderr.decode(encoding)
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert result.returncode == code, (result.returncode, err)
    assert fragment in err, err
    return err


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-faults") / "trips.db"
    with Store.open(path) as opened:
        import_paths(opened, [DATA])
    return path


# -- a trip file whose name is not UTF-8 ---------------------------------------------------


@pytest.mark.parametrize("name, shown, guess", [
    (b"x\xff.yaml", "x\\xff.yaml", ""),
    ("구미.yaml".encode("cp949"), "\\xb1\\xb8\\xb9\\xcc.yaml", " (read as CP949/EUC-KR: '구미.yaml')"),
], ids=["latin", "cp949"])
def test_a_trip_file_name_that_is_not_utf8_is_a_problem_for_validate_and_import(
        name: bytes, shown: str, guess: str, tmp_path: Path) -> None:
    folder = tmp_path / "trips"
    folder.mkdir()
    (folder / "good.yaml").write_bytes(SAMPLE.read_bytes())
    with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
        handle.write(SAMPLE.read_bytes().replace(b"sample-2024-us", b"sample-2024-other"))
    db = tmp_path / "t.db"
    message = (f"{shown}:1:1: the file's name is not valid UTF-8{guess}; tripdesk keeps every "
               "path as UTF-8 text: rename it in UTF-8")
    for command in ("validate", "import"):
        result = run_cli(command, str(folder), env={"TRIPDESK_DB": str(db)})
        assert_one_message(result, message)
    with Store.open(db) as opened:
        assert opened.trip_count() == 0  # nothing was written


def test_an_article_in_a_folder_whose_name_is_not_utf8(tmp_path: Path) -> None:
    folder = os.path.join(os.fsencode(tmp_path), b"articles-\xb1\xb8\xb9\xcc")
    os.mkdir(folder)
    with open(os.path.join(folder, b"sample.txt"), "wb") as handle:
        handle.write("샘플시 대표단. 홍길동 시장은 \"함께 가면 역사가 된다\"고 말했다.\n".encode())
    db = tmp_path / "t.db"
    for command in ("validate", "import"):
        result = run_cli(command, "--articles", folder, str(SAMPLE), env={"TRIPDESK_DB": str(db)})
        assert_one_message(result, "sources[0].file: article file ")
        assert ("articles-\\xb1\\xb8\\xb9\\xcc/sample.txt: the name of a folder it is in is not valid "
                "UTF-8") in result.stderr.decode()


# -- where the output goes -------------------------------------------------------------------


COMMANDS = [["list"], ["list", "--json"], ["show", "gumi-2024-us"], ["search", "협약"],
            ["export", "gumi-2024-us"], ["doctor"], ["validate", str(SAMPLE)],
            ["--version"], ["--help"], ["list", "--help"]]  # argparse's own output too


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]).replace(str(SAMPLE), "sample"))
def test_output_to_a_full_device(command: list[str], store: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "wb") as full:
        result = run_cli("--db", str(store), *command, stdout=full.fileno())
    assert_one_message(result, "tripdesk: error: cannot write to standard output: No space left on device")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]).replace(str(SAMPLE), "sample"))
def test_output_to_a_closed_standard_output(command: list[str], store: Path) -> None:
    result = run_cli("--db", str(store), *command, stdout=None, shell_suffix=">&-")
    assert_one_message(result, "tripdesk: error: cannot write to standard output: standard output is closed")


def test_output_to_a_pipe_closed_early_is_quiet(store: Path) -> None:
    result = run_cli("--db", str(store), "show", "gumi-2024-us", stdout=None, shell_suffix="| head -c 10 >/dev/null")
    assert result.returncode == 0
    assert result.stderr == b""


# -- locales without Korean, or without UTF-8 ----------------------------------------------------


@pytest.fixture(scope="module")
def locales(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LOCPATH with ko_KR.EUC-KR and en_US.ISO-8859-1, made with localedef."""
    if shutil.which("localedef") is None:
        pytest.skip("localedef is not installed: the EUC-KR and Latin-1 locales cannot be made")
    folder = tmp_path_factory.mktemp("locales")
    for name, source, charmap in (("ko_KR.EUC-KR", "ko_KR", "EUC-KR"),
                                  ("en_US.ISO-8859-1", "en_US", "ISO-8859-1")):
        made = subprocess.run(["localedef", "-i", source, "-f", charmap, str(folder / name)],
                              capture_output=True, text=True, check=False)
        if not (folder / name).is_dir():
            pytest.skip(f"localedef could not make {name}: {made.stderr.strip()[:200]}")
    return folder


def in_locale(locale: str, locales: Path) -> dict[str, str]:
    return {"LOCPATH": str(locales), "LC_ALL": locale, "LANG": locale}


LOCALE_COMMANDS = [["list"], ["list", "--json"], ["show", "gumi-2024-us"], ["search", "협약"],
                   ["search", "협약", "--json"], ["show", "nosuch-트립"], ["validate", str(SAMPLE)],
                   ["doctor"], ["--help"], ["search", "--help"]]


@pytest.mark.parametrize("locale, encoding", [("ko_KR.EUC-KR", "euc-kr"), ("en_US.ISO-8859-1", "latin-1")])
@pytest.mark.parametrize("command", LOCALE_COMMANDS, ids=lambda c: " ".join(c[:2]).replace(str(SAMPLE), "sample"))
def test_every_command_in_a_locale_without_utf8(locale: str, encoding: str, command: list[str],
                                                locales: Path, store: Path) -> None:
    env = in_locale(locale, locales)
    result = run_cli("--db", str(store), *command, env=env)
    err = result.stderr.decode(encoding)
    assert "Traceback" not in err and "Exception ignored" not in err, err
    out = result.stdout.decode(encoding)  # what the terminal can show: every byte in its encoding
    expected_code = 1 if command[:2] == ["show", "nosuch-트립"] else 0
    assert result.returncode == expected_code, err
    if command == ["show", "gumi-2024-us"]:
        # Korean where the encoding has it; the nearest character, else "?", where not.
        assert ("구미시 대표단 미국 방문" in out) == (encoding == "euc-kr")
        assert "Gumi" in out or "구미" in out
    if command[:2] == ["show", "nosuch-트립"]:
        # Typed in UTF-8 (a UTF-8 terminal, a locale that says otherwise): read as UTF-8.
        # (in the Korean locale, the message is in Korean)
        assert ("id가 'nosuch-트립'인 출장이 없습니다" if encoding == "euc-kr"
                else "no trip with id 'nosuch-??'") in err
    if command == ["search", "협약"]:
        assert "gumi-2024-us" in out
    if command[-1] == "--json" or command == ["list", "--json"]:
        import json

        assert json.loads(out)  # \u escapes where the encoding lacks the characters


def test_a_query_typed_in_the_locales_own_encoding(locales: Path, store: Path) -> None:
    result = run_cli("--db", str(store), "search", "협약".encode("euc-kr"), env=in_locale("ko_KR.EUC-KR", locales))
    assert result.returncode == 0, result.stderr.decode("euc-kr")
    assert "gumi-2024-us" in result.stdout.decode("euc-kr")


def test_an_ascii_locale(store: Path) -> None:
    # The C locale without Python's coercion to UTF-8: standard output is ASCII.
    env = {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
    check = subprocess.run([sys.executable, "-c", "import sys; print(sys.stdout.encoding)"],
                           env={**os.environ, **env}, capture_output=True, text=True, check=False)
    if check.stdout.strip().lower() not in ("ascii", "ansi_x3.4-1968"):
        pytest.skip(f"this Python writes {check.stdout.strip()} in the C locale, not ASCII")
    for command in (["show", "gumi-2024-us", "--lang", "ko"], ["list"], ["search", "협약"], ["list", "--json"]):
        result = run_cli("--db", str(store), *command, env=env)
        err = result.stderr.decode("ascii")
        assert "Traceback" not in err and result.returncode == 0, err
        result.stdout.decode("ascii")  # nothing but ASCII
    shown = run_cli("--db", str(store), "show", "gumi-2024-us", "--lang", "ko", env=env).stdout.decode("ascii")
    assert "??? ??? ?? ?? (AUSA 2024" in shown  # 구미시 대표단 미국 방문, as ASCII has it


# -- the desk's keymap ---------------------------------------------------------------------------


def _fifo(folder: Path) -> Path:
    path = folder / "keymap.toml"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("make, fragment", [
    (lambda folder: Path(sys.executable), "not a text file (byte 0x"),
    (lambda folder: Path(os.devnull), "a device, not a file"),
    (lambda folder: Path("/dev/zero"), "a device, not a file"),
    (_fifo, "a named pipe, not a file"),
    (lambda folder: folder, "Is a directory"),
    (lambda folder: Path("~nosuchuser/keymap.toml"), "cannot find the home folder of user 'nosuchuser'"),
], ids=["binary", "null-device", "zero-device", "fifo", "folder", "no-such-user"])
def test_a_keymap_that_is_not_a_keymap_is_reported_and_the_desk_runs(
        make, fragment: str, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from tripdesk.ui.app import TripdeskApp

    monkeypatch.setenv("TRIPDESK_KEYMAP", str(make(tmp_path)))
    seen: list[str] = []

    @async_test
    async def desk() -> None:
        app = TripdeskApp(db_path=store, language="en")
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            seen.extend(str(n.message) for n in app._notifications)  # noqa: SLF001
            await pilot.press("q")
        assert app.return_code in (0, None)

    desk()
    assert any(fragment in message for message in seen), seen


# -- paths with ~user --------------------------------------------------------------------------


@pytest.mark.parametrize("argv, env", [
    (["list"], {"TRIPDESK_DB": "~nosuchuser/x.db"}),
    (["--db", "~nosuchuser/x.db", "list"], {}),
    (["export", "gumi-2024-us", "-o", "~nosuchuser/x.md"], {}),
    (["validate", "--articles", "~nosuchuser/articles", str(SAMPLE)], {}),
    (["import", "--articles", "~nosuchuser/articles", str(SAMPLE)], {}),
], ids=["TRIPDESK_DB", "--db", "-o", "validate --articles", "import --articles"])
def test_a_home_folder_of_nobody(argv: list[str], env: dict[str, str], store: Path, tmp_path: Path) -> None:
    if "TRIPDESK_DB" not in env and "--db" not in argv:
        argv = ["--db", str(store if argv[0] != "import" else tmp_path / "t.db"), *argv]
    result = run_cli(*argv, env=env, stdout=subprocess.PIPE)
    assert_one_message(result, "~nosuchuser/")
    assert "cannot find the home folder of user 'nosuchuser'" in result.stderr.decode()
    assert not Path("~nosuchuser").exists()


# -- counts out of range -----------------------------------------------------------------------


@pytest.mark.parametrize("limit, message", [
    ("0", "0 is not from 1 to 10,000"), ("-1", "-1 is not from 1 to 10,000"),
    ("100000000000000000000", "100000000000000000000 is not from 1 to 10,000"),
    ("many", "'many' is not a whole number")])
def test_search_limit_out_of_range(limit: str, message: str, store: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(store), "search", "gumi", f"--limit={limit}"])
    err = capsys.readouterr().err
    assert info.value.code == 2 and f"argument --limit: {message}" in err


@pytest.mark.parametrize("argv, message", [
    (["stats", "--top", "-1"], "argument --top: -1 is not from 1 to 10,000"),
    (["stats", "--top", "0"], "argument --top: 0 is not from 1 to 10,000"),
    (["serve", "--port", "70000"], "argument --port: 70000 is not from 1 to 65,535"),
    (["datasette", "--serve", "--port", "-5"], "argument --port: -5 is not from 1 to 65,535"),
    (["serve", "--port", "http"], "argument --port: 'http' is not a whole number"),
])
def test_other_counts_out_of_range(argv: list[str], message: str, store: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(store), *argv])
    err = capsys.readouterr().err
    assert info.value.code == 2 and message in err, err


def test_search_limit_at_its_bounds(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(store), "search", "gumi", "--limit=1", "--json"]) == 0
    import json

    assert len(json.loads(capsys.readouterr().out)) == 1
    assert main(["--db", str(store), "search", "gumi", "--limit=10000", "--json"]) == 0


@pytest.fixture(scope="module")
def many_trip_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tripdesk.bench import generate as gen

    folder = tmp_path_factory.mktemp("many") / "trips"
    gen.generate(folder, importer.PARALLEL_MIN_FILES + 4, seed=5, long_trip=False)
    return folder


def test_a_thousand_import_workers_are_the_cores(many_trip_files: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    if not importer._can_fork():  # noqa: SLF001
        pytest.skip("worker processes are not used here (not Linux, or threads running)")
    started: list[int] = []
    real_pool = importer.concurrent.futures.ProcessPoolExecutor

    def counted_pool(workers: int, **kwargs):  # noqa: ANN003, ANN202
        started.append(workers)
        return real_pool(workers, **kwargs)

    monkeypatch.setattr(importer.concurrent.futures, "ProcessPoolExecutor", counted_pool)
    monkeypatch.setenv("TRIPDESK_IMPORT_WORKERS", "1000")
    with Store.open(tmp_path / "t.db") as opened:
        report = import_paths(opened, [many_trip_files])
    assert len(report.added) == importer.PARALLEL_MIN_FILES + 4
    cores = len(os.sched_getaffinity(0))
    assert started == ([cores] if cores > 1 else [])


@pytest.mark.parametrize("value", ["many", "-1", "2.5", "1e3"])
def test_import_workers_that_are_no_count_are_refused(value: str, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    result = run_cli("--db", str(db), "import", str(SAMPLE), env={"TRIPDESK_IMPORT_WORKERS": value})
    err = assert_one_message(result, f"TRIPDESK_IMPORT_WORKERS='{value}' is not a number of worker processes")
    assert "set it to a whole number" in err
    assert not db.exists() or Store.open(db).trip_count() == 0


# -- escape sequences echoed -----------------------------------------------------------------------


def no_raw_controls(data: bytes) -> bool:
    text = data.decode("utf-8", "replace")
    return not any(c in text for c in RAW_CONTROLS)


@pytest.mark.parametrize("argv, shown", [
    (["show", f"gumi{ESC}x"], "no trip with id 'gumi\\x1b[31mx'"),
    (["export", f"gumi\u202eevil"], "no trip with id 'gumi\\u202eevil'"),
    (["export", "gumi-2024-us", "-o", f"/proc/nowhere{ESC}/x.md"], "/proc/nowhere\\x1b[31m"),
    (["--db", f"/proc/nowhere{ESC}/x.db", "list"], "/proc/nowhere\\x1b[31m"),
    (["list", f"extra{ESC}\x07"], "unrecognized arguments: extra\\x1b[31m\\x07"),
    (["show", b"gumi\xff\x1b"], "no trip with id 'gumi\\xff\\x1b'"),
], ids=["trip id", "bidi trip id", "-o", "--db", "unknown argument", "bytes"])
def test_escape_sequences_are_echoed_escaped(argv: list, shown: str, store: Path) -> None:
    if "--db" not in argv:
        argv = ["--db", str(store), *argv]
    result = run_cli(*argv)
    assert "Traceback" not in result.stderr.decode("utf-8", "replace")
    assert result.returncode in (1, 2)
    assert shown in result.stderr.decode("utf-8", "replace"), result.stderr
    assert no_raw_controls(result.stderr) and no_raw_controls(result.stdout)


def test_a_written_file_with_an_escape_in_its_name_is_named_escaped(store: Path, tmp_path: Path) -> None:
    target = tmp_path / f"brief{ESC}.md"
    result = run_cli("--db", str(store), "export", "gumi-2024-us", "-o", str(target))
    assert result.returncode == 0 and target.is_file()
    assert b"brief\\x1b[31m.md" in result.stdout and no_raw_controls(result.stdout)


# -- a store that is not a file --------------------------------------------------------------


def _db_fifo(folder: Path) -> Path:
    path = folder / "store.db"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("make, kind", [
    (lambda folder: Path(os.devnull), "a device"),
    (lambda folder: folder, "a folder"),
    (_db_fifo, "a named pipe"),
], ids=["device", "folder", "fifo"])
@pytest.mark.parametrize("command", [["list"], ["doctor"], ["import", str(SAMPLE)], ["validate", str(SAMPLE)]],
                         ids=lambda c: c[0])
def test_a_store_path_that_is_not_a_file(make, kind: str, command: list[str], tmp_path: Path) -> None:  # noqa: ANN001
    path = make(tmp_path)
    for argv, env in ((["--db", str(path), *command], {}), (command, {"TRIPDESK_DB": str(path)})):
        if command[0] == "validate" and env:
            continue  # validate reads a store only when --db names one
        result = run_cli(*argv, env=env)
        assert_one_message(result, f"{path} is {kind}, not a database file")
