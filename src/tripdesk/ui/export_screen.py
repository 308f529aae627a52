"""`e`: export the selected trip as Markdown.

A modal with the file name (pre-filled with `exports/<trip-id>.md`); Enter writes it in a
worker. If the file exists, a second modal asks whether to replace it. The modal closes with
the path written (the app then says where it went) or None when cancelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ..model import DisplayLang, Trip
from .render import DIM, LANGUAGE_NAMES, lit, one_line

EXPORT_FORMAT = "md"


@dataclass
class ExportFinished(Message):
    """The worker wrote the file (`path`), or failed (`error`; `exists` when it was there)."""

    path: Path
    error: str | None = None
    exists: bool = False


class ConfirmScreen(ModalScreen[bool]):
    """Replace an existing file? y / n."""

    BINDINGS = [
        Binding("y", "answer(True)", "Replace", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "Keep", id="confirm.no"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__(id="confirm")
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            yield Static(Content.assemble(lit(str(self.path), "bold"), " already exists."),
                         id="confirm-question")
            yield Static(lit("Replace it? y = replace, n or Esc = keep it", DIM))
            with Horizontal(id="confirm-buttons"):
                yield Button("Replace (y)", id="confirm-yes", variant="warning")
                yield Button("Keep (n)", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ExportScreen(ModalScreen["Path | None"]):
    """Where to write the Markdown briefing of a trip."""

    BINDINGS = [
        Binding("escape", "close", "Cancel", id="export.cancel"),
    ]

    def __init__(self, trip: Trip, lang: DisplayLang, folder: Path) -> None:
        super().__init__(id="export")
        self.trip = trip
        self.lang = lang
        self.folder = folder

    def compose(self) -> ComposeResult:
        from ..export import default_path

        path = default_path(self.trip.id, EXPORT_FORMAT, self.folder)
        with Vertical(id="export-box", classes="dialog"):
            yield Static(Content.assemble(("Export as Markdown: ", "bold"),
                                          lit(one_line(self.trip.title.get(self.lang)))),
                         id="export-title")
            yield Input(value=str(path), id="export-path")
            yield Static(lit(f"Language: {LANGUAGE_NAMES.get(self.lang, self.lang)} (L changes it "
                             "on the desk). Enter writes, Esc cancels.", DIM), id="export-status")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if not value:
            self._status("Give a file name.", "$error")
            return
        self._status("Writing…", DIM)
        self.write(Path(value).expanduser(), force=False)

    def _status(self, text: str, style: str) -> None:
        self.query_one("#export-status", Static).update(lit(text, style))

    @work(thread=True, exclusive=True, group="export")
    def write(self, path: Path, force: bool) -> None:
        from ..export import ExportExists, render, write_export
        from ..problems import TripdeskError

        try:
            text = render(self.trip, EXPORT_FORMAT, self.lang)
            written = write_export(path, text, force=force)
        except ExportExists:
            self.post_message(ExportFinished(path, "exists", exists=True))
        except TripdeskError as exc:
            self.post_message(ExportFinished(path, exc.message))
        except OSError as exc:
            self.post_message(ExportFinished(path, f"cannot write {path}: {exc.strerror or exc}"))
        else:
            self.post_message(ExportFinished(written))

    @on(ExportFinished)
    def _finished(self, message: ExportFinished) -> None:
        if message.exists:
            self._status("The file exists.", "$warning")

            def answered(replace: bool | None) -> None:
                if replace:
                    self._status("Writing…", DIM)
                    self.write(message.path, force=True)
                else:
                    self._status("Not replaced: change the name, or Esc to cancel.", "$warning")
                    self.query_one(Input).focus()

            self.app.push_screen(ConfirmScreen(message.path), answered)
        elif message.error:
            self._status(message.error, "$error")
        else:
            self.dismiss(message.path)

    def action_close(self) -> None:
        self.dismiss(None)
