"""Binding ids and the user's keymap.

Every binding of the desk has an id (`app.quit`, `pane.next`, `timeline.down`, ...), listed
with its keys on the help screen (`?`). A keymap remaps them: a TOML file whose `[keymap]`
table maps binding ids to comma-separated keys, for example

    [keymap]
    "app.quit" = "ctrl+q"
    "timeline.down" = "j,n"

The desk reads it from the file named by `TRIPDESK_KEYMAP`, if set, or it is passed to
`TripdeskApp(keymap=...)` as a dict.
"""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

from textual.binding import Binding, BindingType

from ..i18n import messages
from ..paths import user_path
from ..problems import TripdeskError, file_kind, visible

KEYMAP_ENV = "TRIPDESK_KEYMAP"
# A keymap of every binding the desk has is ~5 KB; anything far larger is not a keymap
# (`TRIPDESK_KEYMAP=/dev/zero` would otherwise be read until memory ran out).
MAX_KEYMAP_BYTES = 1024 * 1024


class KeymapError(Exception):
    """The keymap file cannot be read; the message says why."""


def load_keymap(path: Path) -> dict[str, str]:
    """Read a keymap file: `{binding id: "key,key"}`. Anything that is not a small UTF-8 TOML
    file of that shape (a binary file, a named pipe, a device, a folder) is a KeymapError
    saying what it is, never an exception from inside the reading."""
    import tomllib  # only when a keymap is given: most launches have none

    name = visible(str(path))
    try:
        text = _read_keymap_text(path)
        data = tomllib.loads(text)
    except OSError as exc:
        raise KeymapError(f"{name}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise KeymapError(messages()("{name}: not a text file (byte 0x{byte} at offset {offset} is not "
                                     "UTF-8); a keymap is a TOML file").format(
            name=name, byte=f"{exc.object[exc.start]:02x}", offset=exc.start)) from None
    except tomllib.TOMLDecodeError as exc:
        # (the TOML reader's own words, in brackets after the sentence, as docs/i18n.md says)
        raise KeymapError(messages()("{name}: not a TOML file that can be read ({error}); a keymap is a "
                                     "[keymap] table of \"binding.id\" = \"keys\"").format(
            name=name, error=visible(str(exc)))) from None
    table = data.get("keymap", data)
    if not isinstance(table, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise KeymapError(messages()("{name}: expected a [keymap] table of \"binding.id\" = \"keys\"").format(
            name=name))
    return dict(table)


def _read_keymap_text(path: Path) -> str:
    # Opened without waiting for a writer (a named pipe), then looked at before it is read.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(messages()("{kind}, not a file; a keymap is a TOML file").format(kind=file_kind(mode)))
        data = handle.read(MAX_KEYMAP_BYTES + 1)
    if len(data) > MAX_KEYMAP_BYTES:
        raise OSError(messages()("larger than {size} KB; a keymap is a small TOML file").format(
            size=MAX_KEYMAP_BYTES // 1024))
    return data.decode("utf-8")


def keymap_from_environment() -> dict[str, str]:
    """The keymap named by TRIPDESK_KEYMAP ({} when unset)."""
    value = os.environ.get(KEYMAP_ENV)
    if not value:
        return {}
    try:
        path = user_path(value)
    except TripdeskError as exc:
        raise KeymapError(f"{KEYMAP_ENV}: {exc.message}") from None
    return load_keymap(path)


def bindings_of(owner: type) -> list[Binding]:
    """The bindings instances of a class have: its own, then those it inherits that it does not
    override (a key declared again replaces the inherited binding for that key), each once."""
    from textual.dom import DOMNode

    out: list[Binding] = []
    claimed: set[str] = set()
    for cls in owner.__mro__:
        if not (isinstance(cls, type) and issubclass(cls, DOMNode)):
            continue
        for item in cls.__dict__.get("BINDINGS", []):
            binding = _as_binding(item)
            keys = [k.strip() for k in binding.key.split(",")]
            free = [k for k in keys if k not in claimed]
            claimed.update(keys)
            if free:
                out.append(binding if free == keys else replace(binding, key=",".join(free)))
        if not cls._inherit_bindings:  # type: ignore[attr-defined]
            break
    return out


def known_binding_ids() -> set[str]:
    """Every binding id a keymap can name: those of every class of the desk's modules and of
    the Textual classes they build on (all of `tripdesk.ui` is imported to find them, so this
    is asked after the first frame, and only when a keymap was given)."""
    import importlib
    import pkgutil

    from textual.dom import DOMNode

    from .. import ui

    for module in pkgutil.walk_packages(ui.__path__, "tripdesk.ui."):
        importlib.import_module(module.name)
    ids: set[str] = set()
    classes: list[type] = [DOMNode]
    seen: set[type] = set()
    while classes:
        cls = classes.pop()
        if cls in seen:
            continue
        seen.add(cls)
        classes.extend(cls.__subclasses__())
        for item in cls.__dict__.get("BINDINGS", []):
            binding = _as_binding(item)
            if binding.id:
                ids.add(binding.id)
    return ids


def _as_binding(item: BindingType) -> Binding:
    if isinstance(item, Binding):
        return item
    key, action, *rest = item  # a (key, action, description) tuple
    return Binding(key, action, rest[0] if rest else "")


# -- the keys Textual's own classes bring, with ids ----------------------------------------------
#
# A binding without an id cannot be remapped, so the desk declares again, with an id, every
# binding it keeps from Textual's widgets and screens. Horizontal scrolling is left out where
# the desk's classes drop the inherited keys (`inherit_bindings=False`): no pane scrolls sideways.

APP_KEYS: list[Binding] = [  # App's own
    Binding("ctrl+q", "quit", "Quit", show=False, priority=True,
            tooltip="Quit from anywhere, even from a dialog or a text box", id="app.quit_anywhere"),
    Binding("ctrl+c", "help_quit", "How to quit", show=False, system=True,
            tooltip="Say which key quits (when there is nothing to copy)", id="app.help_quit"),
]

# The main screen's, the tables' and the overview's: one id, so a keymap moves it on all of them.
LANGUAGE_KEY = Binding("L", "app.cycle_language", "Lang",
                       tooltip="Language: 한국어 → English → both", id="desk.language")

COPY_KEYS: list[Binding] = [  # every Screen's
    Binding("ctrl+c,super+c", "screen.copy_text", "Copy", show=False,
            tooltip="Copy the text selected with the mouse", id="desk.copy"),
]

DIALOG_KEYS: list[Binding] = [  # a dialog's focus keys (Screen's), and the copy key
    Binding("tab", "app.focus_next", "Next field", show=False,
            tooltip="Move to the next field of a dialog", id="dialog.next"),
    Binding("shift+tab", "app.focus_previous", "Previous field", show=False,
            tooltip="Move to the previous field of a dialog", id="dialog.previous"),
    *COPY_KEYS,
]

CITY_TREE_KEYS: list[Binding] = [  # Tree's and ScrollableContainer's, for the city pane
    Binding("shift+up", "cursor_previous_sibling", "Previous sibling", show=False,
            tooltip="Previous city, or the previous trip of the city", id="cities.previous_sibling"),
    Binding("shift+down", "cursor_next_sibling", "Next sibling", show=False,
            tooltip="Next city, or the next trip of the city", id="cities.next_sibling"),
    Binding("shift+left", "cursor_parent", "Parent", show=False,
            tooltip="From a trip to its city", id="cities.parent"),
    Binding("shift+right", "cursor_parent_next_sibling", "Next city", show=False,
            tooltip="From a trip to the next city", id="cities.next_parent"),
    Binding("shift+space", "toggle_expand_all", "Fold all", show=False,
            tooltip="Open or close every city", id="cities.toggle_all"),
    # The tree would scroll sideways with the keys below; it never does (the names are cut to
    # the pane), so they do something useful instead: ← and → what they do on the whole desk
    # (under the same ids), ctrl+page up and down what page up and down do.
    Binding("pageup,ctrl+pageup", "page_up", "Page up", show=False, id="cities.page_up"),
    Binding("pagedown,ctrl+pagedown", "page_down", "Page down", show=False, id="cities.page_down"),
    Binding("left", "screen.pane_previous", "Pane left", show=False, id="pane.left"),
    Binding("right", "screen.pane_next", "Pane right", show=False, id="pane.right"),
]

EDIT_KEYS: list[Binding] = [  # Input's (a text box), without the scrolling keys it inherits
    Binding("left", "cursor_left", "Left", show=False, id="edit.left"),
    Binding("right", "cursor_right", "Right", show=False, tooltip="Right (or take the suggestion)",
            id="edit.right"),
    Binding("ctrl+left", "cursor_left_word", "Word left", show=False, id="edit.word_left"),
    Binding("ctrl+right", "cursor_right_word", "Word right", show=False, id="edit.word_right"),
    Binding("home,ctrl+a", "home", "Start", show=False, tooltip="To the start", id="edit.home"),
    Binding("end,ctrl+e", "end", "End", show=False, tooltip="To the end", id="edit.end"),
    Binding("shift+left", "cursor_left(True)", "Select left", show=False, id="edit.select_left"),
    Binding("shift+right", "cursor_right(True)", "Select right", show=False,
            id="edit.select_right"),
    Binding("ctrl+shift+left", "cursor_left_word(True)", "Select word left", show=False,
            id="edit.select_word_left"),
    Binding("ctrl+shift+right", "cursor_right_word(True)", "Select word right", show=False,
            id="edit.select_word_right"),
    Binding("shift+home", "home(True)", "Select to start", show=False, id="edit.select_home"),
    Binding("shift+end", "end(True)", "Select to end", show=False, id="edit.select_end"),
    Binding("ctrl+shift+a", "select_all", "Select all", show=False, id="edit.select_all"),
    Binding("backspace", "delete_left", "Delete left", show=False, id="edit.delete_left"),
    Binding("delete,ctrl+d", "delete_right", "Delete right", show=False, id="edit.delete_right"),
    Binding("ctrl+w", "delete_left_word", "Delete word left", show=False,
            id="edit.delete_word_left"),
    Binding("ctrl+backspace,alt+backspace", "delete_right_word", "Delete word right", show=False,
            id="edit.delete_word_right"),
    Binding("ctrl+u,super+backspace", "delete_left_all", "Delete to start", show=False,
            id="edit.delete_to_start"),
    Binding("ctrl+k", "delete_right_all", "Delete to end", show=False, id="edit.delete_to_end"),
    Binding("ctrl+x", "cut", "Cut", show=False, id="edit.cut"),
    Binding("ctrl+c,super+c", "copy", "Copy", show=False, tooltip="Copy the selected text",
            id="edit.copy"),
    Binding("ctrl+v", "paste", "Paste", show=False, id="edit.paste"),
    Binding("enter", "submit", "Submit", show=False, id="edit.submit"),
]

PALETTE_KEYS: list[Binding] = [  # Textual's CommandPalette's own
    Binding("ctrl+end,shift+end", "command_list('last')", "Go to bottom", show=False,
            id="palette.last"),
    Binding("ctrl+home,shift+home", "command_list('first')", "Go to top", show=False,
            id="palette.first"),
    Binding("down", "cursor_down", "Next command", show=False, id="palette.down"),
    Binding("escape", "escape", "Exit the command palette", id="palette.close"),
    Binding("pagedown", "command_list('page_down')", "Next page", show=False,
            id="palette.page_down"),
    Binding("pageup", "command_list('page_up')", "Previous page", show=False,
            id="palette.page_up"),
    Binding("up", "command_list('cursor_up')", "Previous command", show=False,
            id="palette.up"),
]
