"""The one-line title bar: the app's name, the store summary and the display language."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from .render import LANGUAGE_NAMES, lit


class DeskHeader(Static):
    """`tripdesk │ 4 trips · 2 cities · 2013-2025 │ English` (no clock: snapshots stay still)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._summary = "loading…"
        self._language = ""

    def set_summary(self, label: str) -> None:
        self._summary = label
        self._draw()

    def set_language(self, lang: str) -> None:
        self._language = LANGUAGE_NAMES.get(lang, lang)
        self._draw()

    def on_mount(self) -> None:
        self._draw()

    def _draw(self) -> None:
        self.update(Content.assemble(
            ("tripdesk", "bold"), ("  │  ", "dim"), lit(self._summary),
            ("  │  ", "dim"), (self._language, "italic")))
