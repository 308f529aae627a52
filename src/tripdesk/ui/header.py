"""The one-line title bar: the app's name, the store summary and the display language.

When the line is too narrow for all of it, the least important parts go first: the wide
separators, then the summary's parts from its end (the years, the cities, the trips), then
the app's name. The language stays to the last; only a line too narrow for it alone is cut
with an ellipsis. A desk opened on a draft carries a mark (`DRAFT — not imported`) that never
goes.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from .render import LANGUAGE_NAMES, fit, lit, words

SUMMARY_SEPARATOR = " · "  # between the parts of the store summary


class DeskHeader(Static):
    """`tripdesk │ 4 trips · 2 cities · 2013-2025 │ English` (no clock: snapshots stay still)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._summary = ""
        self._language = ""
        self._mark = ""
        self._drawn: tuple[str, str, int] | None = None

    def set_summary(self, label: str) -> None:
        self._summary = label
        self._draw()

    def set_mark(self, mark: str) -> None:
        """A mark shown after the app's name whatever the width (the draft desk's)."""
        self._mark = mark
        self._drawn = None
        self._draw()

    def set_language(self, lang: str) -> None:
        self._language = LANGUAGE_NAMES.get(lang, lang)
        self._draw()

    def on_mount(self) -> None:
        if not self._summary:
            self._summary = words(self)("loading…")
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        width = self.content_region.width
        drawn = (self._summary, self._language, width)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        line = next((c for c in self._candidates() if not width or c.cell_length <= width), None)
        if line is None:  # not even the language fits: cut it
            line = fit(lit(self._language, "italic"), width)
        self.update(line, layout=False)

    def _candidates(self):  # noqa: ANN202 - an iterator of Content, the widest first
        """The header from whole to least: each drops the least important part left."""
        mark = Content.assemble((f" {self._mark} ", "bold reverse $warning"), " ") if self._mark else Content("")
        name = Content.assemble(("tripdesk", "bold"), " ", mark) if self._mark else Content.assemble(("tripdesk", "bold"))
        language = (self._language, "italic")
        parts = self._summary.split(SUMMARY_SEPARATOR)
        yield Content.assemble(name, ("  │  ", "dim"), lit(self._summary), ("  │  ", "dim"), language)
        for count in range(len(parts), 0, -1):
            summary = lit(SUMMARY_SEPARATOR.join(parts[:count]))
            yield Content.assemble(name, (" │ ", "dim"), summary, (" │ ", "dim"), language)
        yield Content.assemble(name, (" │ ", "dim"), language)
        yield Content.assemble(mark, language)
