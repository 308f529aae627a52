"""The extractor `pybabel extract` runs over the code (babel.cfg): gettext calls, the
descriptions and tooltips of Textual `Binding(...)`s, and the headings of table columns
(`Column(key, heading, ...)`, in the msgctxt `heading`).

Key bindings are declared as class attributes in every screen and pane; their descriptions
(the footer's words) and tooltips (the help screen's) are shown through the catalog by the
footer and the help screen, so they are extracted where they are declared rather than wrapped
one by one. Read with `ast`, so a call spread over lines or inside a list is found whole.
Not imported by the desk.
"""

from __future__ import annotations

import ast
from typing import IO, Any, Iterator

ONE = {"_", "N_", "gettext"}
TWO = {"ngettext"}
CONTEXT = {"pgettext", "NC_"}
HEADING_CONTEXT = "heading"  # i18n.HEADING_CONTEXT (not imported: the extractor stands alone)


# Translators made on the spot: `words(self)("...")`, `translator(lang)("...")`, `self.words("...")`,
# `argv_words()("...")` (the CLI's argument errors), `messages()("...")` (problems and errors).
MAKERS = {"words", "translator", "argv_words", "messages"}


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Call) and _name(func.func) in MAKERS:
        return "_"
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return "_" if func.attr == "words" else func.attr
    return None


def _string(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def extract_tripdesk(fileobj: IO[bytes], keywords: Any, comment_tags: Any,
                     options: dict[str, Any]) -> Iterator[tuple[int, str | None, Any, list[str]]]:
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        args = [_string(a) for a in node.args]
        if name in ONE and args and args[0]:
            yield node.lineno, None, args[0], []
        elif name in TWO and len(args) >= 2 and args[0] and args[1]:
            yield node.lineno, "ngettext", (args[0], args[1]), []
        elif name in CONTEXT and len(args) >= 2 and args[0] and args[1]:
            yield node.lineno, "pgettext", (args[0], args[1]), []
        elif name == "Column" and len(args) >= 2 and args[1]:
            yield node.lineno, "pgettext", (HEADING_CONTEXT, args[1]), []
        elif name == "Binding":
            description = args[2] if len(args) > 2 else None
            tooltip = None
            for keyword in node.keywords:
                if keyword.arg == "description":
                    description = _string(keyword.value)
                elif keyword.arg == "tooltip":
                    tooltip = _string(keyword.value)
            for text in (description, tooltip):
                if text:
                    yield node.lineno, None, text, []
