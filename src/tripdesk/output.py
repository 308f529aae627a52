"""What the command line writes, made safe for any terminal and any output.

- `prepare_streams`: standard output and error that never fail on a character their encoding
  lacks. In an EUC-KR, Latin-1 or ASCII locale Python's streams raise UnicodeEncodeError for
  it; here such a character is written as the nearest one the encoding has (`—` as `-`, `é` as
  `e`), else `?`, and a byte of a file name that was not UTF-8 as `\\xff`. A closed standard
  output becomes one whose writes fail with a clear OSError instead of vanishing (or raising
  AttributeError on `None`).
- `output_failed` / `silence_stdout`: what `cli.main` needs to report a full device, a closed
  or broken pipe as one line and exit, with nothing more raised when Python flushes at exit.

Export and draft output written to standard output are UTF-8 bytes whatever the locale (they
are files, not messages), as before.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import sys
import unicodedata

ERRORS = "tripdesk-fallback"

# Characters of tripdesk's own messages and tables, and common punctuation, with the nearest
# ASCII: what a terminal that cannot show them gets instead.
_NEAREST = {
    "—": "-", "–": "-", "‒": "-", "―": "-", "−": "-", "‘": "'", "’": "'", "‚": ",", "“": '"',
    "”": '"', "„": '"', "…": "...", "·": ".", "•": "*", "→": "->", "←": "<-", "↑": "^", "↓": "v",
    "⏎": "Enter", "×": "x", "─": "-", "━": "-", "│": "|", "┃": "|", "┌": "+", "┐": "+", "└": "+",
    "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+", "╭": "+", "╮": "+", "╰": "+",
    "╯": "+", "\u00a0": " ", "\u200b": "", "\ufeff": "",
}


def _nearest(char: str) -> str:
    if "\udc80" <= char <= "\udcff":  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{ord(char) - 0xDC00:02x}"
    if char in _NEAREST:
        return _NEAREST[char]
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base if base and base.isascii() and base.isprintable() else "?"


def _fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(_nearest(c) for c in error.object[error.start:error.end]), error.end


codecs.register_error(ERRORS, _fallback)


class ClosedOutput(io.TextIOBase):
    """Standard output when the process was started with it closed (`tripdesk list >&-`)."""

    encoding = "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False


def prepare_streams() -> None:
    """Standard output and error as `tripdesk` commands write them (see the module's doc)."""
    if sys.stdout is None:
        sys.stdout = ClosedOutput()
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if encoding is None or not hasattr(stream, "reconfigure"):
            continue
        try:
            if codecs.lookup(encoding).name != "utf-8":
                stream.reconfigure(errors=ERRORS)
        except (LookupError, ValueError, OSError):
            continue


def stdout_is_utf8() -> bool:
    encoding = getattr(sys.stdout, "encoding", None) or ""
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def output_failed() -> bool:
    """Whether standard output cannot be written (after an OSError: was it the output's?)."""
    stream = sys.stdout
    if isinstance(stream, ClosedOutput):
        return True
    try:
        stream.flush()
    except (OSError, ValueError):
        return True
    return False


def silence_stdout() -> None:
    """Send what is still buffered for standard output, and anything written later, nowhere:
    Python flushes it at exit, and a full device or a closed pipe would fail again there
    ("Exception ignored ... OSError") after the one message the user was given."""
    stream = sys.stdout
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except OSError:
        pass
