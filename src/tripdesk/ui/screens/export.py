"""`e`: export the selected trip as Markdown, printable HTML, JSON or iCalendar.

A modal with the file name (pre-filled with `exports/<trip-id>.md`); the extension picks the
format (.md/.markdown, .html/.htm, .json, .ics; any other is refused), and a folder gets `<trip-id>.md`, by
the same rules as `tripdesk export -o` (`export.export_target`). Markdown is the one-page brief
(or HTML) unless the "full dossier" box is ticked (Tab, then Space), as `tripdesk export --full`. Enter
writes it in a worker.
If the file exists, a second modal asks whether to replace it. The modal closes with the
absolute path written (the app then says where it went) or None when cancelled.

In a web browser (`tripdesk serve`) the export is a download instead: the dialog asks for a
file name only (`<trip-id>.md`), and Enter hands the text to the browser through Textual's
file delivery (`App.deliver_text`); nothing is written on the server, and the modal closes
with the name sent.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

from ...problems import TripdeskError
from ..keys import DIALOG_KEYS, EDIT_KEYS
from ..render import DIM, LANGUAGE_NAMES, Fitted, lit, one_line, words

if TYPE_CHECKING:
    from ...model import DisplayLang, Trip

FORMAT_NAMES = {"md": "Markdown", "html": "HTML", "json": "JSON", "ics": "iCalendar"}
# The name given to an export's delivery to the browser, which the app's delivery messages carry.
DELIVERY_NAME = "tripdesk-export"


@dataclass
class ExportFinished(Message):
    """The worker wrote the file (`path`), or failed (`error`; `exists` when it was there)."""

    path: Path
    error: str | None = None
    exists: bool = False
    fmt: str = "md"
    full: bool = False


class PathInput(Input, inherit_bindings=False):
    """The file name: a text box whose keys have ids (Enter writes)."""

    BINDINGS = [*EDIT_KEYS]


class ConfirmScreen(ModalScreen[bool]):
    """Replace an existing file? y / n."""

    AUTO_FOCUS = "#confirm-no"

    BINDINGS = [
        Binding("y", "answer(True)", "Replace", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "Keep", id="confirm.no"),
        *DIALOG_KEYS,
    ]

    def __init__(self, path: Path) -> None:
        super().__init__(id="confirm")
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            _ = words(self)
            yield Static(Content.assemble(lit(str(self.path), "bold"), " " + _("already exists.")),
                         id="confirm-question")
            yield Static(lit(_("Replace it? y = replace, n or Esc = keep it"), DIM))
            with Horizontal(id="confirm-buttons"):
                yield Button(_("Replace (y)"), id="confirm-yes", variant="warning")
                yield Button(_("Keep (n)"), id="confirm-no")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ExportScreen(ModalScreen["Path | None"]):
    """Where to write the briefing (or the JSON, or the calendar) of a trip."""

    AUTO_FOCUS = "#export-path"

    BINDINGS = [
        Binding("escape", "close", "Cancel", id="export.cancel"),
        *DIALOG_KEYS,
    ]

    def __init__(self, trip: Trip, lang: DisplayLang, folder: Path, *, download: bool = False) -> None:
        """`download`: the desk runs in a web browser, where the export is a download."""
        super().__init__(id="export")
        self.trip = trip
        self.lang = lang
        self.folder = folder
        self.download = download

    def compose(self) -> ComposeResult:
        from ...export import default_path, download_target

        _ = words(self)
        language = _("Language: {language} (L changes it on the desk).").format(
            language=LANGUAGE_NAMES.get(self.lang, self.lang))
        try:
            if self.download:
                value = download_target("", self.trip.id)[0]
                status = lit(language + " " + _("Your browser downloads the file; the extension picks the "
                                                "format: .md, .html, .json or .ics. Enter downloads, Esc cancels."), DIM)
            else:
                value = str(default_path(self.trip.id, "md", self.folder))
                status = lit(language + " " + _("The extension picks the format: .md, .html, .json or .ics. "
                                                "Enter writes, Esc cancels."), DIM)
        except TripdeskError as exc:  # an id that cannot name a file (a damaged store)
            value, status = "", lit(_("{problem}: type a file name.").format(problem=exc.message), "$error")
        with Vertical(id="export-box", classes="dialog"):
            yield Static(self._heading(value), id="export-title")
            yield PathInput(value=value, id="export-path")
            yield Checkbox(_("Full dossier (every day, excerpts and reasons) instead of the one-page brief"),
                           id="export-full")
            yield Static(status, id="export-status")

    def _target(self, value: str) -> tuple[Path, str]:
        """The file (for a download, its name) and format the typed path names
        (TripdeskError when it names none)."""
        from ...export import download_target, export_target

        if self.download:
            name, fmt = download_target(value, self.trip.id)
            return Path(name), fmt
        return export_target(value, self.trip.id, unknown_extension=None)

    def _heading(self, value: str) -> Fitted:
        try:
            label = (words(self)("Export as {format}:").format(format=FORMAT_NAMES[self._target(value)[1]]) + " "
                     if value.strip() else words(self)("Export:") + " ")
        except TripdeskError:
            label = words(self)("Export:") + " "
        return Fitted(Content.assemble((label, "bold"), lit(one_line(self.trip.title.get(self.lang)))))

    @on(Input.Changed, "#export-path")
    def _changed(self, event: Input.Changed) -> None:
        self.query_one("#export-title", Static).update(self._heading(event.value))

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if not value:
            self._status(words(self)("Give a file name."), "$error")
            return
        try:
            path, fmt = self._target(value)
        except TripdeskError as exc:
            self._status(exc.message, "$error")
            return
        full = self.query_one("#export-full", Checkbox).value
        if self.download:
            self._status(words(self)("Sending it to your browser…"), DIM)
            self.send(path.name, fmt, full)
            return
        self._status(words(self)("Writing…"), DIM)
        self.write(path, fmt, force=False, full=full)

    def _status(self, text: str, style: str) -> None:
        self.query_one("#export-status", Static).update(lit(text, style))

    @work(thread=True, exclusive=True, group="export")
    def write(self, path: Path, fmt: str, force: bool, full: bool = False) -> None:
        from ...export import ExportExists, render, write_export

        try:
            text = render(self.trip, fmt, self.lang, full=full)
            written = write_export(path, text, force=force)
        except ExportExists:
            self.post_message(ExportFinished(path, "exists", exists=True, fmt=fmt, full=full))
        except TripdeskError as exc:
            self.post_message(ExportFinished(path, exc.message, fmt=fmt))
        except OSError as exc:
            self.post_message(ExportFinished(path, words(self)("cannot write {path}: {reason}").format(
                path=path, reason=exc.strerror or exc), fmt=fmt))
        else:
            self.post_message(ExportFinished(written, fmt=fmt))

    @work(thread=True, exclusive=True, group="export")
    def send(self, name: str, fmt: str, full: bool = False) -> None:
        """Render in this thread, then hand the text to the browser (`App.deliver_text`, which
        streams it to textual-serve in a thread of its own)."""
        from ...export import MIME_TYPES, render

        try:
            text = render(self.trip, fmt, self.lang, full=full)
        except TripdeskError as exc:
            self.post_message(ExportFinished(Path(name), exc.message, fmt=fmt))
            return
        self.app.call_from_thread(self._deliver, text, name, fmt, MIME_TYPES[fmt])

    def _deliver(self, text: str, name: str, fmt: str, mime_type: str) -> None:
        self.app.deliver_text(io.StringIO(text), save_filename=name, mime_type=mime_type,
                              encoding="utf-8", open_method="download", name=DELIVERY_NAME)
        self.dismiss(Path(name))

    @on(ExportFinished)
    def _finished(self, message: ExportFinished) -> None:
        if message.exists:
            self._status(words(self)("The file exists."), "$warning")

            def answered(replace: bool | None) -> None:
                if replace:
                    self._status(words(self)("Writing…"), DIM)
                    self.write(message.path, message.fmt, force=True, full=message.full)
                else:
                    self._status(words(self)("Not replaced: change the name, or Esc to cancel."), "$warning")
                    self.query_one(Input).focus()

            self.app.push_screen(ConfirmScreen(message.path), answered)
        elif message.error:
            self._status(message.error, "$error")
        else:
            self.dismiss(Path(os.path.abspath(message.path)))  # where it went, wherever we run

    def action_close(self) -> None:
        self.dismiss(None)
