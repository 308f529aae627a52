"""Paths that are not what they seem: symbolic link loops, devices and pipes, a working
directory deleted under the shell. Each gives a message the user can act on, never a
traceback, in a separate process exactly as typed at a shell."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tripdesk.cli import main
from tripdesk.problems import display_path

from .conftest import SAMPLE

# The CLI as the console script runs it (`-c`, not `-m`: nothing here depends on the
# working directory being on sys.path).
RUN_CLI = "import sys; from tripdesk.cli import main; sys.exit(main(sys.argv[1:]))"


def tripdesk(*argv: str, cwd: Path, db: Path, shell_prefix: str = "") -> subprocess.CompletedProcess[str]:
    """Run `tripdesk ARGV...` in `cwd`; `shell_prefix` runs first in the same shell (to
    delete the working directory under it)."""
    env = {**os.environ, "TRIPDESK_DB": str(db), "LANG": "en_US.UTF-8"}
    args = " ".join(_quote(a) for a in argv)
    script = f"{shell_prefix} exec {_quote(sys.executable)} -c {_quote(RUN_CLI)} {args}"
    return subprocess.run(["sh", "-c", script], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def assert_clean_failure(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    """Exit 1 or 2, no traceback, and the fragments in the error output."""
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert result.returncode in (1, 2), (result.returncode, result.stdout, result.stderr)
    for fragment in fragments:
        assert fragment in result.stderr + result.stdout, result.stderr


@pytest.fixture
def loop(tmp_path: Path) -> Path:
    """loop1 -> loop2 -> loop1, in tmp_path."""
    (tmp_path / "loop1").symlink_to("loop2")
    (tmp_path / "loop2").symlink_to("loop1")
    return tmp_path / "loop1"


# -- symbolic link loops ------------------------------------------------------------------


def test_display_path_never_raises(loop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert display_path(loop) in (str(loop), "loop1")
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    assert display_path(Path("x.yaml")) == "x.yaml"
    assert display_path(Path("/somewhere/x.yaml")) == "/somewhere/x.yaml"


def test_validate_a_symlink_loop(loop: Path, tmp_path: Path) -> None:
    result = tripdesk("validate", "loop1", cwd=tmp_path, db=tmp_path / "t.db")
    assert_clean_failure(result, "loop1:1:1: a loop of symbolic links")
    assert result.returncode == 1


def test_import_a_symlink_loop(loop: Path, tmp_path: Path) -> None:
    result = tripdesk("import", "loop1", cwd=tmp_path, db=tmp_path / "t.db")
    assert_clean_failure(result, "loop1:1:1: a loop of symbolic links", "nothing was written")


@pytest.mark.parametrize("command", [["list"], ["show", "x"], ["search", "x"], ["export", "x"],
                                     ["import", str(SAMPLE)], ["doctor"]])
def test_a_database_path_that_is_a_symlink_loop(loop: Path, tmp_path: Path, command: list[str]) -> None:
    result = tripdesk("--db", "loop1", *command, cwd=tmp_path, db=tmp_path / "t.db")
    assert_clean_failure(result, "loop1")


# -- what is there but is not a file ------------------------------------------------------


def test_a_device_is_not_a_regular_file(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", os.devnull])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert f"{os.devnull}:1:1: not a regular file (it is a device)" in err
    assert "no such file" not in err


def test_a_named_pipe_is_not_a_regular_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pipe = tmp_path / "trip.yaml"
    os.mkfifo(pipe)
    for command in ("validate", "import"):
        code = main([command, str(pipe)])  # never opened: reading it would wait for a writer
        err = capsys.readouterr().err
        assert code == 1, err
        assert "trip.yaml:1:1: not a regular file (it is a named pipe)" in err
        assert "no such file" not in err


def test_a_dangling_symlink_names_its_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "link.yaml").symlink_to("moved-away.yaml")
    code = main(["validate", str(tmp_path / "link.yaml")])
    err = capsys.readouterr().err
    assert code == 1
    assert "link.yaml:1:1: a symbolic link to 'moved-away.yaml', which does not exist" in err


# -- a working directory that is gone ------------------------------------------------------


GONE = "cd gone && rmdir ../gone &&"


@pytest.fixture
def gone(tmp_path: Path) -> Path:
    """tmp_path/gone, made here and deleted by the shell that runs the command in it."""
    (tmp_path / "gone").mkdir()
    return tmp_path


@pytest.mark.parametrize("command", [
    ["--version"], ["validate"], ["validate", "nowhere.yaml"], ["list"], ["show", "gumi-2024-us"],
    ["search", "협약"], ["export", "gumi-2024-us"], ["export", "gumi-2024-us", "-o", "out.md"],
    ["doctor"], ["import"],
])
def test_every_command_from_a_deleted_working_directory(gone: Path, command: list[str]) -> None:
    db = gone / "t.db"
    result = tripdesk(*command, cwd=gone, db=db, shell_prefix=GONE)
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert result.returncode in (0, 1, 2), result.stderr
    if command[0] in ("list", "show", "search") or command == ["export", "gumi-2024-us"]:
        assert result.returncode == 0, result.stderr


def test_an_import_checked_against_the_store_from_a_deleted_working_directory(gone: Path) -> None:
    """A second import checks the new files against the stored ones, whose file names it
    gives relative to the working directory when it can."""
    db = gone / "t.db"
    assert tripdesk("list", cwd=gone, db=db).returncode == 0  # the store of the bundled data
    trips = gone / "mine"
    trips.mkdir()
    shutil.copy(SAMPLE, trips / SAMPLE.name)
    result = tripdesk("import", str(trips), cwd=gone, db=db, shell_prefix=GONE)
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout
