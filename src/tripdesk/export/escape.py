"""Escaping data for Markdown, so that no value from a trip file can change the document's shape.

Every string that comes from the data goes through `inline()` (one line: table cells, headings,
list items) or `lines()` (text that keeps its line breaks: quotes). The result, parsed as
CommonMark/GFM, reads back as exactly the original text (line breaks aside): no emphasis, links,
footnotes, HTML, code, headings, lists or table cells can come out of it.

The escapes are CommonMark backslash escapes, which every CommonMark/GFM renderer honours:

- always: ``\\ ` * _ [ ] < | ~`` and ``#`` (emphasis, code, links, footnotes, raw HTML and
  autolinks, table cells, strikethrough (a single `~` strikes through on GitHub), a heading's
  closing `#`s);
- `&` only where it would start an entity (`&amp;`, `&#60;`);
- `!` at the end of a value (the exporter may put a footnote `[^..]` right after it);
- at the start of a line: `-`, `+`, `=`, `>` and `1.`/`1)` (lists, setext underlines,
  block quotes), and leading spaces are dropped (an indented code block).
"""

from __future__ import annotations

import re

_ALWAYS = re.compile(r"([\\`*_\[\]<|~#])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START = re.compile(r"^([-+=>])|^(\d{1,9})([.)])")
_NEWLINES = re.compile(r"\s*(?:\r\n|\r|\n|\u2028|\u2029)\s*")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


def _escape_line(line: str) -> str:
    line = line.strip()
    line = _ALWAYS.sub(r"\\\1", line)
    line = _ENTITY.sub(r"\\&", line)
    line = _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}",
                           line, count=1)
    if line.endswith("!"):
        line = line[:-1] + "\\!"
    return line


def inline(value: str) -> str:
    """One value on one line: line breaks become spaces, markup characters are escaped."""
    return _escape_line(_NEWLINES.sub(" ", value))


def lines(value: str) -> list[str]:
    """A value that keeps its line breaks: one escaped line each (blank lines kept as '')."""
    return [_escape_line(line) for line in _LINE_BREAKS.split(value.strip())]


def plain(value: str) -> str:
    """A value on one line with no escaping (for the iCalendar text, which is not Markdown)."""
    return _NEWLINES.sub(" ", value).strip()


__all__ = ["inline", "lines", "plain"]
