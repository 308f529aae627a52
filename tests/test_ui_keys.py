"""Pilot tests of the desk's keys, footer, help, header and command palette.

Real sessions on a store built from data/trips (the fixtures of test_ui), checked on what the
screen shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual import events
from textual.command import CommandPalette

from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.export_screen import ExportScreen
from tripdesk.ui.help_screen import HelpScreen
from tripdesk.ui.search_screen import SearchScreen

from .test_ui import data_store, db, main, make_app, open_gumi_2024  # noqa: F401 - fixtures
from .test_ui_support import async_test, press, screen_lines, screen_text, settle

KEY_CHARACTERS = {"slash": "/", "question_mark": "?"}


async def press_at_once(pilot, *keys: str) -> None:  # noqa: ANN001
    """Keys arriving in one read from the terminal (`tmux send-keys -l 'q/'`): all of them
    are queued before the first is handled, unlike `pilot.press`, which lets each key's work
    finish (so a key after `q` would reach an app that has already closed)."""
    app = pilot.app
    for key in keys:
        event = events.Key(key, KEY_CHARACTERS.get(key, key if len(key) == 1 else None))
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause()


# -- 1: a dialog key right after q --------------------------------------------------------------


@pytest.mark.parametrize("key", ["slash", "question_mark", "e", "ctrl+p"])
@async_test
async def test_a_dialog_key_right_after_q_quits_cleanly(db: Path, key: str) -> None:
    """`q/`, `q?`, `qe` or q and ctrl+p typed fast: the app quits, and no dialog is half mounted while it
    closes (a NoMatches traceback; `run_test` re-raises any error of the app)."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)  # a trip in the timeline: `e` would open the export
        assert main(app).trip is not None
        await press_at_once(pilot, "q", key)
        await pilot.pause()
    assert app.return_code == 0
    assert not any(isinstance(s, (SearchScreen, HelpScreen, ExportScreen, CommandPalette))
                   for s in app.screen_stack)
