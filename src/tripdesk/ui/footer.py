"""The footer: the keys that work where the focus is, on one line.

Textual's `Footer` mounts a widget per key and mounts them all again whenever the focus
moves, which costs a layout of the screen on every Tab. This footer is one line of `Content`
redrawn from `screen.active_bindings`: the same keys (the first binding of each action whose
`show` is set), cut with an ellipsis when the terminal is narrow; a click on a key presses it.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

KEY_STYLE = "bold $footer-key-foreground"
DESCRIPTION_STYLE = "$footer-description-foreground"


class KeyFooter(Static):
    """`⏎ Open  tab Pane  / Search  …  ? Keys`, and `^p Commands` at the right when wide."""

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
        seen: set[str] = set()
        keys: list[tuple[str, str, str, bool]] = []
        palette: tuple[str, str, str, bool] | None = None
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.action == "command_palette" and app.ENABLE_COMMAND_PALETTE:
                palette = (binding.key, app.get_key_display(binding), "Commands", enabled)
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            keys.append((binding.key, app.get_key_display(binding), binding.description, enabled))
        width = self.size.width
        # The footer is one line the width of the screen whatever it says: new keys need a
        # repaint of that line (`layout=False` below), not a layout of the whole screen.
        drawn = (tuple(keys), palette, self.show_command_palette, width)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        self._spans = []
        parts: list[Content] = []
        x = 0
        for key in keys:
            part = self._key(*key)
            self._spans.append((x, x + part.cell_length, key[0]))
            parts.append(part)
            x += part.cell_length + 1
        left = Content(" ").join([Content(""), *parts])
        self._spans = [(a + 1, b + 1, k) for a, b, k in self._spans]
        if palette is not None and self.show_command_palette and width:
            right = self._key(*palette)
            room = width - right.cell_length - 1
            if left.cell_length > room:
                left = left.truncate(max(room, 0), ellipsis=True)
            left = left.pad_right(max(width - left.cell_length - right.cell_length, 1))
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
