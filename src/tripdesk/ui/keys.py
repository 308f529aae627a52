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
from pathlib import Path

from textual.binding import Binding, BindingType

KEYMAP_ENV = "TRIPDESK_KEYMAP"


class KeymapError(Exception):
    """The keymap file cannot be read; the message says why."""


def load_keymap(path: Path) -> dict[str, str]:
    """Read a keymap file: `{binding id: "key,key"}`."""
    import tomllib  # only when a keymap is given: most launches have none

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise KeymapError(f"{path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise KeymapError(f"{path}: {exc}") from None
    table = data.get("keymap", data)
    if not isinstance(table, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise KeymapError(f"{path}: expected a [keymap] table of \"binding.id\" = \"keys\"")
    return dict(table)


def keymap_from_environment() -> dict[str, str]:
    """The keymap named by TRIPDESK_KEYMAP ({} when unset)."""
    value = os.environ.get(KEYMAP_ENV)
    return load_keymap(Path(value).expanduser()) if value else {}


def bindings_of(owner: type) -> list[Binding]:
    """The bindings a class declares itself (not those it inherits), as Binding objects."""
    out: list[Binding] = []
    for item in owner.__dict__.get("BINDINGS", []):
        out.append(_as_binding(item))
    return out


def _as_binding(item: BindingType) -> Binding:
    if isinstance(item, Binding):
        return item
    key, action, *rest = item  # a (key, action, description) tuple
    return Binding(key, action, rest[0] if rest else "")
