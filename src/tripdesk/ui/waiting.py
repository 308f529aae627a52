"""Moves that wait for what they move through: keys typed faster than a worker reads.

A list whose rows come from a worker (a city's trips, a trip's days) has none of them for a
few milliseconds after the key that asks for them. Keys typed faster than that (Enter ↓ ↓
Enter, a held ↓, a paste) would move through what is there before: past the city, or down a
trip no longer shown. A widget with `MovesWait` can `hold_moves()` from the key that asks
for rows until `release_moves()` once they are in; its actions wrapped by `waits` are kept
meanwhile and then run in the order their keys came. Keys reach actions one at a time, in
order, on the app's own task, so nothing else needs to wait.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

from textual.timer import Timer

HOLD_SECONDS = 1.0  # the longest moves wait (a slow disk, a busy store): then they run


def waits(action: Callable[..., None]) -> Callable[..., None]:
    """An action that waits while its widget holds moves."""

    @functools.wraps(action)
    def run(widget: Any, *args: object) -> None:
        held = widget._held_moves
        if held is not None:
            held.append((action, args))
        else:
            action(widget, *args)

    return run


class MovesWait:
    """Mixin for a Widget: `hold_moves`, `release_moves` and the state of both.

    When a move that waited takes the focus elsewhere (Enter on a trip: to the timeline), the
    moves after it were typed for where the focus went, and are handed to that widget by
    name (`MOVES_ELSEWHERE` names them there where the names differ; a move it has not is
    dropped)."""

    MOVES_ELSEWHERE: dict[str, str] = {}

    def __init_subclass__(cls, moves: tuple[str, ...] = (), **kwargs: Any) -> None:
        """`moves`: the names of inherited actions that wait (`class L(MovesWait, OptionList,
        moves=("cursor_down", "cursor_up"))`); an action the class writes itself is wrapped
        by `@waits` where it is written."""
        super().__init_subclass__(**kwargs)
        for name in moves:
            setattr(cls, f"action_{name}", waits(getattr(cls, f"action_{name}")))

    _held_moves: list[tuple[Callable[..., None], tuple]] | None = None
    _hold_timer: Timer | None = None

    @property
    def holding_moves(self) -> bool:
        return self._held_moves is not None

    def hold_moves(self) -> None:
        """Keep the `waits` actions from now until `release_moves` (or `HOLD_SECONDS`)."""
        if self._held_moves is None:
            self._held_moves = []
            self._hold_timer = self.set_timer(HOLD_SECONDS, self.release_moves)  # type: ignore[attr-defined]

    def release_moves(self) -> None:
        """Run the actions kept, in order (until one of them holds moves again: the rest
        wait again)."""
        held, self._held_moves = self._held_moves or [], None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        screen = self.screen  # type: ignore[attr-defined]
        for index, (action, args) in enumerate(held):
            if self._held_moves is not None:
                self._held_moves.extend(held[index:])
                return
            before = screen.focused
            action(self, *args)
            focused = screen.focused
            if focused is not before and isinstance(focused, MovesWait):
                # This move sent the focus there: the moves typed after it are for there. (A
                # focus moved by a key that does not wait, Tab say, came after all of them.)
                focused.take_moves(held[index + 1:], self.MOVES_ELSEWHERE)
                return

    def take_moves(self, moves: list[tuple[Callable[..., None], tuple]], names: dict[str, str]) -> None:
        """Run another widget's moves as this widget's own (those it has)."""
        for action, args in moves:
            own = getattr(self, names.get(action.__name__, action.__name__), None)
            if own is not None:
                own(*args)
