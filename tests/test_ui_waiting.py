"""Moves that wait (ui/waiting.py), on a bare OptionList: held in order, released in order,
handed to the widget the focus went to, and never held past HOLD_SECONDS."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import OptionList

from tripdesk.ui import waiting
from tripdesk.ui.waiting import MovesWait

from .test_ui_support import async_test, press_at_once


class Waiting(MovesWait, OptionList, moves=("cursor_down", "cursor_up")):
    pass


class Lists(App[None]):
    def compose(self) -> ComposeResult:
        yield Waiting(*[f"a{i}" for i in range(10)], id="a")
        yield Waiting(*[f"b{i}" for i in range(10)], id="b")


async def holding(pilot) -> tuple[Waiting, Waiting]:  # noqa: ANN001
    """List a focused and holding its moves, both highlights on the first row."""
    app = pilot.app
    a, b = app.query_one("#a", Waiting), app.query_one("#b", Waiting)
    a.focus()
    await pilot.pause()
    a.highlighted = b.highlighted = 0
    a.hold_moves()
    return a, b


@async_test
async def test_held_moves_run_in_order_when_released() -> None:
    async with Lists().run_test() as pilot:
        a, _ = await holding(pilot)
        await press_at_once(pilot, "down", "down", "down", "up")
        assert a.highlighted == 0 and a.holding_moves
        a.release_moves()
        assert a.highlighted == 2 and not a.holding_moves


@async_test
async def test_moves_after_a_focus_change_go_to_the_focused_list() -> None:
    async with Lists().run_test() as pilot:
        a, b = await holding(pilot)
        await press_at_once(pilot, "down", "down")
        a._held_moves.insert(1, (lambda widget: widget.screen.set_focus(b), ()))  # the 2nd move leaves
        a.release_moves()
        assert a.highlighted == 1 and b.highlighted == 1  # one move here, the last one there


@async_test
async def test_moves_held_before_the_focus_left_stay_with_their_list() -> None:
    """The focus moved by something that does not wait (Tab, a click) while moves were held:
    they were typed before it, for the list that held them."""
    async with Lists().run_test() as pilot:
        a, b = await holding(pilot)
        await press_at_once(pilot, "down", "down")
        pilot.app.screen.set_focus(b)
        a.release_moves()
        assert a.highlighted == 2 and b.highlighted == 0


@async_test
async def test_moves_are_not_held_for_longer_than_the_limit(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(waiting, "HOLD_SECONDS", 0.2)
    async with Lists().run_test() as pilot:
        a, _ = await holding(pilot)
        await press_at_once(pilot, "down")
        assert a.highlighted == 0
        await pilot.pause(0.4)
        assert a.highlighted == 1 and not a.holding_moves
