"""Helpers shared by the desk's tests (no tests here): test stores, settling a Pilot, reading the screen."""

from __future__ import annotations

import asyncio
import functools
import io
import shutil
from pathlib import Path

from rich.console import Console

from tripdesk.store.importer import import_paths
from tripdesk.store import Store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "trips"
HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"


def async_test(test):  # noqa: ANN001, ANN201
    """Run an async test function in its own event loop (no pytest async plugin needed)."""

    @functools.wraps(test)
    def run(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        return asyncio.run(test(*args, **kwargs))

    return run


def build_store(path: Path, *sources: Path) -> Path:
    """A store at `path` imported from the given files or folders."""
    store = Store.open(path)
    try:
        import_paths(store, list(sources))
    finally:
        store.close()
    return path


def copy_store(template: Path, folder: Path) -> Path:
    target = folder / "desk.db"
    shutil.copy(template, target)
    return target


async def settle(pilot, rounds: int = 3) -> None:  # noqa: ANN001 - textual.pilot.Pilot
    """Wait until the workers are done and the messages they posted are handled."""
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def press(pilot, *keys: str) -> None:  # noqa: ANN001
    """Press keys one at a time, letting each key's work finish (as a user would)."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def press_at_once(pilot, *keys: str) -> None:  # noqa: ANN001
    """Send keys in one burst, as a terminal delivers keys typed faster than the desk handles
    them (or a key held down): each is queued before the one before it has been handled,
    where `Pilot.press` waits for the app to go idle after every key. Then settle."""
    from textual import events

    app = pilot.app
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)
    await settle(pilot)


async def type_search(pilot, *keys: str) -> None:  # noqa: ANN001
    """Press keys in the search dialog and wait for the search they start: it starts a moment
    after the last key (the dialog's debounce), in a worker."""
    await pilot.press(*keys)
    await settle(pilot)
    await pilot.pause(0.2)
    await settle(pilot)


async def open_gumi_2024(pilot) -> None:  # noqa: ANN001
    """From the start: Gumi in the city list, opened, the cursor on its 2024 trip (the longest
    of the bundled ones), which the timeline and the detail then show."""
    await settle(pilot)
    tree = pilot.app.main.cities.tree
    while tree.cursor_node is None or tree.cursor_node.data.key != "gumi":
        await press(pilot, "down")
    await press(pilot, "enter")
    while tree.cursor_node.data.key != "gumi-2024-us":
        await press(pilot, "down")


def screen_text(app, *, styles: bool = False) -> str:  # noqa: ANN001 - a running textual App
    """What the terminal shows now, as plain text (the same render as a screenshot); with
    `styles`, with its colours and attributes as ANSI codes (to compare two looks)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.export_text(styles=styles)


def screen_lines(app) -> list[str]:  # noqa: ANN001
    return screen_text(app).splitlines()
