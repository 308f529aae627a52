"""Run a program in a real pseudo-terminal and watch what it draws (Linux/macOS).

`PtyProcess` forks the program onto a new pty whose window size is set before it starts,
reads everything it writes, strips the escape sequences, and tells when given texts have
appeared on screen or when the output has settled. The benchmark uses it for time to first
paint (spawn -> the first frame that shows the city list), key-to-frame latency in a real
terminal, and the peak memory (VmHWM) of the running app.
"""

from __future__ import annotations

import codecs
import os
import re
import select
import signal
import struct
import sys
import time
from pathlib import Path

ANSI = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]"          # CSI ... final byte
    r"|\][^\x07\x1b]*(?:\x07|\x1b\\)"      # OSC ... BEL or ST
    r"|P[^\x1b]*\x1b\\"                     # DCS ... ST
    r"|[()][0-9A-Za-z]"                     # charset designation
    r"|[@-Z\\-_=>78])"                       # two-byte sequences
)
TAIL = 512  # characters of unstripped text kept to find a text split across two reads


def terminal_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "COLUMNS", "LINES"))}
    env.update({"TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "en_US.UTF-8",
                "PYTHONUNBUFFERED": "1"})
    env.pop("NO_COLOR", None)
    if extra:
        env.update(extra)
    return env


class PtyProcess:
    """A child process on its own pseudo-terminal."""

    def __init__(self, argv: list[str], env: dict[str, str] | None = None, cols: int = 120,
                 rows: int = 40) -> None:
        import fcntl
        import pty
        import termios

        self.argv = argv
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal, then become the program
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                os.execvpe(argv[0], argv, env if env is not None else os.environ.copy())
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.raw_bytes = 0
        self.tail = ""
        self.screen_text: list[str] = []  # decoded output, read by read
        self.last_output = self.started
        self.exited = False

    # -- reading --------------------------------------------------------------------------

    def _read(self, timeout: float) -> str | None:
        """One read (up to `timeout` seconds); the stripped new text, "" on timeout, None at EOF."""
        if self.exited:
            return None
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return ""
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the child closed the terminal
            data = b""
        now = time.perf_counter()
        if not data:
            self.exited = True
            return None
        self.raw_bytes += len(data)
        self.last_output = now
        new = self.decoder.decode(data)
        self.screen_text.append(new)
        text = self.tail + new  # a text split across two reads is still found
        self.tail = text[-TAIL:]
        return ANSI.sub("", text)

    def wait_for(self, markers: list[str], timeout: float = 60.0) -> float:
        """Read until every marker has been drawn; the time (perf_counter) of that read."""
        missing = set(markers)
        deadline = time.perf_counter() + timeout
        while missing:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{self.argv!r} did not show {sorted(missing)!r} within {timeout:g} s; "
                                   f"last output: {self.recent()!r}")
            text = self._read(min(left, 0.5))
            if text is None:
                raise RuntimeError(f"{self.argv!r} exited before showing {sorted(missing)!r}; "
                                   f"output: {self.recent()!r}")
            for marker in list(missing):
                if marker in text:
                    missing.discard(marker)
        return self.last_output

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> bool:
        """Read until nothing has been written for `quiet` seconds (False on timeout)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            text = self._read(quiet)
            if text == "":
                return True
            if text is None:
                return False
        return False

    def key_to_frame(self, key: bytes, quiet: float = 0.15, timeout: float = 3.0) -> float | None:
        """Send a key; seconds from sending it to the end of the output it caused.

        The frame is complete when the terminal has been quiet for `quiet` seconds; the time
        of the last read before that is the end of the frame. None when nothing was drawn.
        """
        self.settle(quiet=quiet, timeout=timeout)
        sent = time.perf_counter()
        os.write(self.fd, key)
        first = self._read(timeout)
        if not first:
            return None
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            text = self._read(quiet)
            if text == "" or text is None:
                break
        return self.last_output - sent

    def recent(self, chars: int = 400) -> str:
        return ANSI.sub("", "".join(self.screen_text))[-chars:]

    # -- the process ----------------------------------------------------------------------

    def memory_mb(self) -> tuple[float, float]:
        """(peak RSS, current RSS) in MB, from /proc/<pid>/status (Linux)."""
        status = Path(f"/proc/{self.pid}/status").read_text()
        values = {}
        for line in status.splitlines():
            if line.startswith(("VmHWM:", "VmRSS:")):
                name, value = line.split(":", 1)
                values[name] = int(value.split()[0]) / 1024
        return values.get("VmHWM", float("nan")), values.get("VmRSS", float("nan"))

    def close(self) -> None:
        """Kill the child (it is ours) and reap it."""
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        try:
            os.close(self.fd)
        except OSError:
            pass

    def __enter__(self) -> "PtyProcess":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def available() -> bool:
    """Whether real-terminal measurements can run here."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import pty  # noqa: F401
    except ImportError:  # pragma: no cover
        return False
    return True
