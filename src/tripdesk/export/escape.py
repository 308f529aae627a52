"""Escaping data for Markdown, so that no value from a trip file can change the document's shape.

Every string that comes from the data goes through `inline()`, which drops control characters as
the importer does, puts it on one line (line breaks become spaces, so a value never starts a block
of its own) and escapes it. The result,
parsed as CommonMark/GFM, reads back as exactly the original text: no emphasis, links,
footnotes, HTML, code, headings, lists, block quotes or table cells can come out of it.

The escapes are CommonMark backslash escapes, which every CommonMark/GFM renderer honours:

- always: ``\\ ` * [ ] < | ~`` and ``#`` (emphasis, code, links, footnotes, raw HTML and
  autolinks, table cells, strikethrough (a single `~` strikes through on GitHub), a heading's
  closing `#`s);
- `_` unless it stands between two letters or digits (`000_b8185a0e.txt`), where it can neither
  open nor close emphasis;
- `&` only where it would start an entity (`&amp;`, `&#60;`);
- `!` and `^` at the end of a value: the exporter may put a footnote `[^..]` right after it,
  which would make `![^..]` an image or `^[^..]` an inline footnote (Pandoc, markdown-it);
- at the start of a value, which may be the start of a line (a list item, a footnote): `-`,
  `+`, `=`, `>` and `1.`/`1)` (lists, setext underlines, block quotes); leading and trailing
  spaces are dropped (an indented code block, a hard line break).
"""

from __future__ import annotations

import re

from ..files.yamlread import strip_control

_ALWAYS = re.compile(r"([\\`*\[\]<|~#]|(?<![^\W_])_|_(?![^\W_]))")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_START = re.compile(r"^(?:[-+=>]|\d{1,9}(?=[.)]))")
_NEWLINES = re.compile(r"\s*(?:\r\n|\r|\n|\u2028|\u2029)\s*")


def inline(value: str) -> str:
    """One value on one line: line breaks become spaces, markup characters are escaped."""
    text = _NEWLINES.sub(" ", strip_control(value)).strip()
    text = _ALWAYS.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    start = _START.match(text)
    if start:
        # `-` becomes `\-`; `12.` becomes `12\.` (the digits cannot be escaped, the dot can).
        text = f"\\{text}" if not text[0].isdigit() else f"{start.group()}\\{text[start.end():]}"
    if text.endswith(("!", "^")):
        text = f"{text[:-1]}\\{text[-1]}"
    return text


__all__ = ["inline"]
