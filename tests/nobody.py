"""Running tripdesk as a user whom file permissions bind.

Root reads and writes whatever the permissions say, so a test of an unreadable folder or a
read-only store run as root proves nothing. These helpers run the CLI as `nobody` (through
`setpriv`, else `su`), in a folder of their own that nobody can reach (pytest's own temporary
folders are private to root). Where the machine cannot do that, the test is skipped with the
reason, which `pytest -rs` shows; run as a normal user, the commands run as that user.
"""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

RUN_CLI = "import sys; from tripdesk.cli import main; sys.exit(main(sys.argv[1:]))"


@functools.lru_cache(maxsize=1)
def _prefix() -> tuple[tuple[str, ...] | None, str]:
    """(the command prefix that runs a program as nobody, or None; why not)."""
    if os.geteuid() != 0:
        return (), ""  # a normal user already: permissions bind the commands as they are
    candidates: list[tuple[str, ...]] = []
    if shutil.which("setpriv"):
        candidates.append(("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"))
    if shutil.which("su"):
        candidates.append(("su", "nobody", "-s", "/bin/sh", "-c"))
    if not candidates:
        return None, "neither setpriv nor su is installed"
    why = ""
    for prefix in candidates:
        probe = _command(prefix, [sys.executable, "-c", "import tripdesk.cli"])
        try:
            done = subprocess.run(probe, capture_output=True, text=True, timeout=60, cwd="/")
        except (OSError, subprocess.TimeoutExpired) as exc:
            why = str(exc)
            continue
        if done.returncode == 0:
            return prefix, ""
        why = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
    return None, f"cannot run this Python and tripdesk as nobody: {why}"


def _command(prefix: tuple[str, ...], argv: list[str]) -> list[str]:
    if prefix[:1] == ("su",):
        return [*prefix, shlex.join(argv)]
    return [*prefix, *argv]


def nobody_prefix() -> tuple[str, ...]:
    """The prefix that runs a program as nobody; skips the test where there is none."""
    prefix, why = _prefix()
    if prefix is None:
        pytest.skip(f"needs a user whom permissions bind: {why}")
    return prefix


def run_as_nobody(*argv: str, db: Path, cwd: Path | None = None,
                  env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`tripdesk ARGV...` as nobody, with TRIPDESK_DB=db."""
    prefix = nobody_prefix()
    environment = {**os.environ, "TRIPDESK_DB": str(db), "LANG": "en_US.UTF-8", "HOME": "/nonexistent",
                   **(env or {})}
    return subprocess.run(_command(prefix, [sys.executable, "-c", RUN_CLI, *argv]), cwd=cwd or "/",
                          env=environment, capture_output=True, text=True, timeout=300)


def python_as_nobody(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -c CODE ARGS...` as nobody."""
    prefix = nobody_prefix()
    environment = {**os.environ, "LANG": "en_US.UTF-8", "HOME": "/nonexistent"}
    return subprocess.run(_command(prefix, [sys.executable, "-c", code, *args]), cwd="/",
                          env=environment, capture_output=True, text=True, timeout=300)


def start_python_as_nobody(code: str, *args: str) -> subprocess.Popen[str]:
    """`python -c CODE ARGS...` as nobody, started: its standard output is a pipe."""
    prefix = nobody_prefix()
    environment = {**os.environ, "LANG": "en_US.UTF-8", "HOME": "/nonexistent"}
    return subprocess.Popen(_command(prefix, [sys.executable, "-c", code, *args]), cwd="/",
                            env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def give_to_nobody(path: Path) -> None:
    """Make `path` nobody's (when running as root), so that nobody may change it."""
    if os.geteuid() == 0:
        import pwd

        user = pwd.getpwnam("nobody")
        os.chown(path, user.pw_uid, user.pw_gid)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A new folder that every user can reach and read (not write), removed afterwards
    whatever permissions the test left inside it."""
    nobody_prefix()
    folder = Path(tempfile.mkdtemp(prefix="tripdesk-test-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for root, dirs, _files in os.walk(folder):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)
