"""The drafter's words in the reader's language: the dates of `tripdesk draft`'s summary, and
the `inferred` reasons it writes into a draft in both languages.

The summary's lines ("found:", "needs review:") are whole sentences in the catalog
(`messages()("...").format(...)`, where they are made) in the language of the command that
runs; only the dates they name need a hand (`when`). English keeps the draft file's own
spelling (`2025-01-05`, what the editor then finds in the YAML); Korean has CLDR's
(`2025년 1월 5일`), as the rest of the Korean CLI and the exports write a date.

A reason (`Reason`) is one msgid and its values, said through the English and the Korean
catalog alike when the draft is finished (`bilingual`): `{ko: ..., en: ...}`, with no
`translated` mark, since neither is a translation of a source's words; both are the tool's
own sentence, as a label of the desk is (docs/data-format.md). While the draft is being
made a reason *is* its English string, so that the drafter's own reads of it
(`"trip is taken to be spent there" in day["inferred"]["places"]`) work as before.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..i18n import date_range, messages, translator




def when(date: dt.date, lang: str | None = None) -> str:
    """`2025-01-05` in English, `2025년 1월 5일` in Korean (`lang`: else the command's)."""
    labels = messages().labels if lang is None else lang
    if labels == "en":
        return date.isoformat()
    return date_range(date, date, labels)  # one day: CLDR's year, month and day


class Reason(str):
    """An `inferred` reason: its English text as a string, and the msgid and values that say
    it in any language (`text`). A value that is a date is written as `when` writes it, a
    value that is a `Reason` in the same language; others (names, the article's words) as
    they are. `Reason.joined` puts whole sentences one after another."""

    msgid: str | None
    values: dict[str, Any]
    parts: tuple[Reason, ...]

    def __new__(cls, msgid: str, **values: Any) -> Reason:
        made = super().__new__(cls, _say(msgid, values, "en"))
        made.msgid, made.values, made.parts = msgid, values, ()
        return made

    @classmethod
    def joined(cls, parts: list[Any]) -> Reason | None:
        """Sentences one after another (None: no sentence)."""
        kept = tuple(p if isinstance(p, Reason) else _Plain(p) for p in parts if p)
        if not kept:
            return None
        made = str.__new__(cls, " ".join(map(str, kept)))
        made.msgid, made.values, made.parts = None, {}, kept
        return made

    def text(self, lang: str) -> str:
        if self.msgid is None:
            return " ".join(p.text(lang) for p in self.parts)
        return _say(self.msgid, self.values, lang)


class _Plain(Reason):
    """A string that is the same in every language (not the drafter's words)."""

    def __new__(cls, text: str) -> _Plain:  # type: ignore[misc]
        made = str.__new__(cls, text)
        made.msgid, made.values, made.parts = None, {}, ()
        return made

    def text(self, lang: str) -> str:
        return str(self)


class Named(_Plain):
    """A name given in each language (`{ko: ..., en: ...}`, a city's), said in the reason's
    language: a Korean reason names Huntsville 헌츠빌. Its English (else Korean) is the string."""

    names: dict[str, str]

    def __new__(cls, names: dict[str, str]) -> Named:  # type: ignore[misc]
        made = _Plain.__new__(cls, names.get("en") or names.get("ko") or "")
        made.names = dict(names)
        return made

    def text(self, lang: str) -> str:
        return self.names.get(lang) or str(self)


def _say(msgid: str, values: dict[str, Any], lang: str) -> str:
    words = translator(lang)
    return words(msgid).format(**{k: _value(v, lang) for k, v in values.items()})


def _value(value: Any, lang: str) -> str:
    if isinstance(value, Reason):
        return value.text(lang)
    if isinstance(value, dt.date):
        return when(value, lang)
    return str(value)


def bilingual(document: Any) -> Any:
    """`document` with every `Reason` in it as `{ko: ..., en: ...}` (the same text twice, as
    one plain string: a reason with no words of the drafter's)."""
    if isinstance(document, Reason):
        ko, en = document.text("ko"), document.text("en")
        return {"ko": ko, "en": en} if ko != en else en
    if isinstance(document, dict):
        return {k: bilingual(v) for k, v in document.items()}
    if isinstance(document, list):
        return [bilingual(v) for v in document]
    return document
