"""The footer: the keys that work where the focus is, on one line.

Textual's `Footer` mounts a widget per key and mounts them all again whenever the focus
moves, which costs a layout of the screen on every Tab. This footer is one line of `Content`
redrawn from `screen.active_bindings`: the same keys (the first binding of each action whose
`show` is set). When the terminal is narrow the less important keys are left out, never `?`
(every key), `q` or a dialog's close key, and the palette's key comes in as `^p More` (the
palette has the language, the export and the other commands whose keys were left out); a
click on a key presses it.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from .render import words

KEY_STYLE = "bold $footer-key-foreground"
DESCRIPTION_STYLE = "$footer-description-foreground"

# Shown however narrow the footer: the keys that list every key, quit, or close a dialog.
ALWAYS_SHOWN = frozenset({"app.help", "app.quit", "search.close", "help.close", "export.cancel",
                          "confirm.no", "article.close", "table.close", "overview.close",
                          "app.import_draft", "import.no"})


class KeyFooter(Static):
    """`⏎ Open  tab Pane  / Search  …  ? Keys`, and `^p Commands` at the right when it fits."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.show_command_palette = True
        self._drawn: tuple | None = None
        self._spans: list[tuple[int, int, str]] = []  # (first cell, end cell, key) for clicks

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self.redraw)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self.redraw()

    def on_resize(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        app = self.app
        _ = words(self)
        seen: set[str] = set()
        keys: list[tuple[str, str, str, bool]] = []
        palette: tuple[str, str, str, bool] | None = None
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.action == "command_palette" and app.ENABLE_COMMAND_PALETTE:
                palette = (binding.key, app.get_key_display(binding), _("Commands"), enabled)
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            keys.append((binding.key, app.get_key_display(binding), _(binding.description), enabled,
                         binding.id in ALWAYS_SHOWN))
        width = self.size.width
        # The footer is one line the width of the screen whatever it says: new keys need a
        # repaint of that line (`layout=False` below), not a layout of the whole screen.
        drawn = (tuple(keys), palette, self.show_command_palette, width)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        parts = [(self._key(*key[:4]), key[0], key[4]) for key in keys]

        def too_wide() -> bool:
            return bool(width) and sum(part.cell_length + 1 for part, _k, _keep in parts) > width

        if too_wide() and palette is not None:
            # Keys will be left out: the palette, which runs their commands, is named instead
            # (before `? Keys` and `q Quit`, the last keys of a screen).
            more = (self._key(palette[0], palette[1], _("More"), palette[3]), palette[0], True)
            parts.insert(_first_kept_tail(parts), more)
            palette = None
        # Too narrow for every key: the less important ones go first (the later a key comes,
        # the less it matters), never the keys that close, quit or list every key.
        while too_wide():
            droppable = [i for i, (_part, _k, keep) in enumerate(parts) if not keep]
            if not droppable:
                break
            del parts[droppable[-1]]
        self._spans = []
        x = 1
        for part, key, _keep in parts:
            self._spans.append((x, x + part.cell_length, key))
            x += part.cell_length + 1
        left = Content(" ").join([Content(""), *(part for part, _k, _keep in parts)])
        if width and left.cell_length > width:  # the kept keys alone are too wide
            left = left.truncate(width, ellipsis=True)
        right = self._key(*palette) if palette is not None and self.show_command_palette else None
        if right is not None and width and left.cell_length + 1 + right.cell_length <= width:
            left = left.pad_right(width - left.cell_length - right.cell_length)
            self._spans.append((left.cell_length, left.cell_length + right.cell_length, palette[0]))
            self.update(left + right, layout=False)
        else:
            self.update(left, layout=False)

    def on_click(self, event: events.Click) -> None:
        """A click on a key presses it."""
        for start, end, key in self._spans:
            if start <= event.x < end:
                event.stop()
                self.app.simulate_key(key.split(",")[0])
                return

    @staticmethod
    def _key(key: str, display: str, description: str, enabled: bool) -> Content:
        content = Content.assemble((f"{display} ", KEY_STYLE), (description, DESCRIPTION_STYLE))
        return content if enabled else content.stylize("dim")


def _first_kept_tail(parts: list[tuple[Content, str, bool]]) -> int:
    """Where the run of always-shown keys at the end of `parts` begins."""
    index = len(parts)
    while index and parts[index - 1][2]:
        index -= 1
    return index
