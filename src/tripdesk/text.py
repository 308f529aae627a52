"""The bilingual text every layer shares: `Text`, and the language names it is read in.

A module of its own, apart from `model`, because the desk's first frame (the city list) needs
`Text` and nothing else of the model: the model's other classes are made when the first trip is
read, after that frame (creating ~15 frozen dataclasses takes ~20 ms; docs/performance.md).
`model` re-exports everything here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["ko", "en"]
LANGS: tuple[Lang, ...] = ("ko", "en")
DisplayLang = Literal["ko", "en", "both"]
DISPLAY_LANGS: tuple[DisplayLang, ...] = ("ko", "en", "both")


def as_text(value: "str | Text | None") -> "Text":
    """A reason or note as a `Text`: model objects made in code may give a bare string."""
    if value is None:
        return Text()
    return Text(plain=value) if isinstance(value, str) else value


@dataclass(frozen=True)
class Text:
    """A text in Korean and/or English; `translated` names the language that is a translation."""

    ko: str | None = None
    en: str | None = None
    translated: Lang | None = None
    translated_by: str | None = None
    plain: str | None = None  # a language-neutral value given as a bare string

    def get(self, lang: DisplayLang) -> str:
        """The text for a display language, falling back to whatever exists."""
        if self.plain is not None:
            return self.plain
        if lang == "both":
            if self.ko and self.en and self.ko != self.en:
                return f"{self.ko} · {self.en}"
            return self.ko or self.en or ""
        other = "en" if lang == "ko" else "ko"
        return getattr(self, lang) or getattr(self, other) or ""

    def is_translation(self, lang: Lang) -> bool:
        return self.plain is None and self.translated == lang

    def all_strings(self) -> list[str]:
        return [s for s in (self.plain, self.ko, self.en) if s]

    def __bool__(self) -> bool:
        return bool(self.plain or self.ko or self.en)

    def to_document(self) -> str | dict[str, str]:
        if self.plain is not None:
            return self.plain
        doc: dict[str, str] = {}
        if self.ko is not None:
            doc["ko"] = self.ko
        if self.en is not None:
            doc["en"] = self.en
        if self.translated is not None:
            doc["translated"] = self.translated
        if self.translated_by is not None:
            doc["translated_by"] = self.translated_by
        return doc
