"""The draft desk's import dialog (`i`): where the trip file goes and into which store, asked
before anything is written; a file already there is replaced only when the user says so.

The desk opened on a draft (`tripdesk --drafts FILE`, `tripdesk draft ... --open`) shows the
draft from a scratch store (review.DraftReview); this dialog is the one step that imports it
into the real store. The import runs in a worker; the dialog closes with what it did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ...problems import display_path
from ..keys import DIALOG_KEYS
from ..render import DIM, lit, words

if TYPE_CHECKING:
    from ...review import Plan


class ImportDraftScreen(ModalScreen[bool]):
    """Import the draft trip into the store? y / n (dismissed with the answer)."""

    AUTO_FOCUS = "#import-no"

    BINDINGS = [
        Binding("y", "answer(True)", "Import", id="import.yes"),
        Binding("n,escape", "answer(False)", "Not now", id="import.no"),
        *DIALOG_KEYS,
    ]

    def __init__(self, plan: Plan, title: str, store: str) -> None:
        super().__init__(id="import-draft")
        self.plan = plan
        self.trip_title = title
        self.store = store

    def compose(self) -> ComposeResult:
        plan = self.plan
        _ = words(self)
        if not plan.copies:
            where = _("The trip file stays at {path}.").format(path=display_path(plan.target))
        else:
            where = _("The draft {source} is copied to {target}.").format(
                source=display_path(plan.source), target=display_path(plan.target))
            if plan.exists:
                where += " " + _("A file of that name is there: it is replaced.")
        with Vertical(id="import-box", classes="dialog"):
            yield Static(lit(_("Import {title} ({id}) into the store {store}?").format(
                title=self.trip_title, id=plan.trip_id, store=self.store), "bold"), id="import-question")
            yield Static(lit(where, "$warning" if plan.exists else ""), id="import-where")
            yield Static(lit(_("y = import, n or Esc = not now"), DIM))
            with Horizontal(id="import-buttons"):
                yield Button(_("Import (y)"), id="import-yes", variant="warning" if plan.exists else "primary")
                yield Button(_("Not now (n)"), id="import-no")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "import-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

