"""Problems found in trip files or the store, and the one error type the CLI turns into a message.

A `Problem` always knows the file, line and column (1-based) and the field path it is about, so
that every message reads `file:line:col: field.path: message` and can be acted on.

Messages and hints are in the language of the command that runs (`i18n.messages()`, set by
the CLI with `i18n.speaking`): the `file:line:col` and the field path stay as they are, for
scripts and editors; the message after them is the catalog's.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path
from typing import NamedTuple

from .i18n import messages


class Problem(NamedTuple):
    """One problem at a place in a file. Problems sort by file, line and column; a NamedTuple
    rather than a frozen dataclass because it is made several times faster on import (every
    command and the desk's start import this module; docs/performance.md)."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class TripdeskError(Exception):
    """An error with a message meant for the user: printed as is, never as a traceback.

    `hint` says what to do about it (for example `run: tripdesk import --rebuild`).
    """

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if not self.hint:
            return self.message
        return f"{self.message}\n  " + messages()("fix: {fix}").format(fix=self.hint)


class ValidationFailed(TripdeskError):
    """Raised when files fail validation; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        count = len(problems)
        super().__init__(
            "\n".join(str(p) for p in problems),
            hint=messages().ngettext(
                "{n} problem; nothing was written to the store. Fix the files and run the "
                "command again (see docs/data-format.md).",
                "{n} problems; nothing was written to the store. Fix the files and run the "
                "command again (see docs/data-format.md).", count).format(n=count),
        )
        self.problems = problems


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it.

    Never raises: a path that cannot be resolved (a symbolic link loop, an unreadable folder)
    or a working directory that is gone (deleted under a running shell) gives the path as given.
    """
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: Python < 3.13's symlink loop
        return str(path)


# Everything that could break a one-line `file:line:col: path: message` or act on a terminal:
# control characters, line and paragraph separators, bidi marks, embeddings, overrides and
# isolates, and lone surrogates (a file name's bytes that are not UTF-8, as Python decodes
# them), which no output stream can even encode.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# The same, but for text of several lines: newline and tab are kept.
_UNPRINTABLE_IN_LINES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if "\udc80" <= char <= "\udcff":  # a byte that was not UTF-8 (surrogateescape): that byte
        return f"\\x{ord(char) - 0xDC00:02x}"
    return char.encode("unicode_escape", "backslashreplace").decode("ascii")


def visible(text: str, limit: int = 0) -> str:
    """Text for a problem message: control characters shown as escapes, long text shortened."""
    if limit and len(text) > limit:
        text = text[:limit] + "…"
    return _UNPRINTABLE.sub(_escape, text)


def terminal_safe(text: str) -> str:
    """Text of one or more lines for the terminal: what `visible` escapes, but newline and tab
    (an escape sequence in a trip id, a path or a file name echoed in a message is shown as
    `\x1b[31m`, never run by the terminal)."""
    return text if text.isprintable() else _UNPRINTABLE_IN_LINES.sub(_escape, text)


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, for a message ("a named pipe"...)."""
    _ = messages()
    if stat.S_ISFIFO(mode):
        return _("a named pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISDIR(mode):
        return _("a folder")
    return _("not a file")  # pragma: no cover - no other kind of file exists on POSIX
