"""`?`: every key of the desk, what it does, and its binding id (for remapping)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from .keys import KEYMAP_ENV
from .render import DIM, INFERRED, INFERRED_STYLE, Doc, lit


class HelpScroll(VerticalScroll):
    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="help.down"),
        Binding("k", "scroll_up", "Up", show=False, id="help.up"),
    ]


class HelpScreen(ModalScreen[None]):
    """The keys, grouped by where they work."""

    AUTO_FOCUS = "#help-scroll"

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
    ]

    def __init__(self, sections: list[tuple[str, list[Binding]]], keymap: dict[str, str]) -> None:
        super().__init__(id="help")
        self.sections = sections
        self.keymap = keymap
        self.content = self._build()

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(lit("Keys", "bold"), id="help-title")
            with HelpScroll(id="help-scroll"):
                yield Static(self.content, id="help-body", markup=False)
            yield Static(lit("Esc, q or ? closes", DIM), id="help-foot")

    def _keys(self, binding: Binding) -> str:
        keys = self.keymap.get(binding.id or "", binding.key)
        shown = []
        for key in keys.split(","):
            key = key.strip()
            display = self.app.get_key_display(Binding(key, binding.action))
            if display not in shown:
                shown.append(display)
        return " ".join(shown)

    def _build(self) -> Content:
        doc = Doc()
        for title, bindings in self.sections:
            doc.heading(title)
            for binding in bindings:
                what = binding.tooltip or binding.description
                doc.line((self._keys(binding).ljust(14), "bold $text-accent"),
                         what.ljust(46), (binding.id or "", DIM), indent=2, hang=14)
        doc.heading("Marks")
        doc.line((f"{INFERRED}", INFERRED_STYLE), "  an inferred value: the detail pane gives the reason",
                 indent=2)
        doc.line(("--:--", DIM), "  no time recorded", indent=2)
        doc.heading("Remapping keys")
        doc.line(f"Point {KEYMAP_ENV} at a TOML file with a [keymap] table of", indent=2)
        doc.line('"binding.id" = "key,key" lines, e.g. "app.quit" = "ctrl+q".', indent=2)
        doc.line(("The mouse works too: click a city, trip, day or event.", DIM), indent=2)
        return doc.build()

    def action_close(self) -> None:
        self.dismiss(None)
