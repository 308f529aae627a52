"""Key-to-frame latency of the screens across trips (issue 19), headless, on a large store.

Each screen is opened from the main screen by its key and timed to the first frame that
shows what it is for, not its empty frame: the ledger and the entities list with their rows
drawn, the overview with its bars and its map. In each, a key is timed to the first frame
showing its effect: a letter typed in the filter (the rows filtered), ↓ (the cursor on the next
row), → on the time axis (the cursor on the next trip). Same harness as `pilot_bench`.

The baselines, measured in the same run: a key pushing a screen that shows a `Static` of 40
lines in the minimal app (for the opens), and ↓ in the minimal app's OptionList (for keys).
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any, Callable

from .pilot_bench import FrameWatch, _install_frame_hook, press_to_frame, settle, until


async def minimal_screen_opens(presses: int, size: tuple[int, int]) -> list[float]:
    """A key pushes a screen of 40 lines of text in a bare Textual app; Esc pops it."""
    from .pilot_bench import minimal_article_opens

    return await minimal_article_opens("\n".join(f"row {i}" for i in range(40)), presses, size)


async def main_screen_up(app: Any, pilot: Any) -> Any:
    """Wait for the desk's main screen, its city list up and everything started settled."""
    main = app.main
    assert main is not None
    await until(app, pilot, lambda: main.is_mounted and main.cities.tree.cursor_node is not None,
                what="the main screen")
    await settle(app, pilot)
    return main


async def desk_across(db: Path, presses: int, size: tuple[int, int],
                      log: Callable[[str], None] = print) -> dict[str, Any]:
    """Samples (seconds) of each open and key, and how long the overview's very first open
    took (it reads the gazetteer once: later opens use it from memory)."""
    from ..ui.app import TripdeskApp
    from ..ui.screens.entities import EntitiesScreen
    from ..ui.screens.ledger import LedgerScreen
    from ..ui.screens.overview import OverviewScreen, PlaceMap, TimeAxis

    _install_frame_hook()
    app = TripdeskApp(db_path=db, language="en")
    app._bench_watch = FrameWatch()  # type: ignore[attr-defined]
    out: dict[str, Any] = {name: [] for name in ("ledger_open", "ledger_filter", "ledger_move", "entities_open",
                                                   "entities_filter", "overview_open", "overview_key")}

    def table_shown(cls: type, screen_id: str) -> Callable[[], bool]:
        def shown() -> bool:
            screen = app.screen
            return (isinstance(screen, cls) and screen.loaded and bool(screen.table.order)
                    and screen.table.region.height > 0)
        return shown

    def overview_shown() -> bool:
        screen = app.screen
        # (the map is drawn with the data: the generated store's made-up cities are mostly not
        # in the gazetteer, so it may hold few places)
        return (isinstance(screen, OverviewScreen) and screen.data is not None
                and bool(screen.query_one(TimeAxis).state.trips)
                and len(screen.query_one(PlaceMap).places) == len(screen.data.located))

    async with app.run_test(size=size) as pilot:
        main = await main_screen_up(app, pilot)
        for name, key, cls, filter_key in (("ledger", "a", LedgerScreen, "s"),
                                           ("entities", "o", EntitiesScreen, "s")):
            log(f"  {name}: open, filter, move")
            # The first open reads the store (timed alone: the others show the rows kept).
            started = time.perf_counter()
            await pilot.press(key)
            await until(app, pilot, table_shown(cls, name), timeout=120, what=f"the {name} screen")
            out[f"{name}_first"] = time.perf_counter() - started
            out[f"{name}_rows"] = len(app.screen.rows)  # type: ignore[attr-defined]
            await pilot.press("escape")
            await settle(app, pilot)
            for _ in range(presses):
                out[f"{name}_open"].append(await press_to_frame(app, pilot, key, table_shown(cls, name)))
                screen = app.screen
                out[f"{name}_filter"].append(await press_to_frame(
                    app, pilot, filter_key, lambda: screen.shown_query == filter_key))  # type: ignore[attr-defined]
                if name == "ledger":
                    before = screen.table.cursor  # type: ignore[attr-defined]
                    out["ledger_move"].append(await press_to_frame(
                        app, pilot, "down", lambda: screen.table.cursor == before + 1))  # type: ignore[attr-defined]
                await pilot.press("escape")  # clears the filter
                await pilot.press("escape")  # back
                await settle(app, pilot)
                if app.screen is not main:
                    raise RuntimeError(f"Esc did not go back from the {name} screen")
        log("  overview: open, →")
        started = time.perf_counter()
        await pilot.press("w")
        await until(app, pilot, overview_shown, timeout=60, what="the overview")
        out["overview_first"] = time.perf_counter() - started
        data = app.screen.data  # type: ignore[attr-defined]
        out["overview_places"] = (len(data.located), len(data.located) + len(data.missing))
        await pilot.press("escape")
        await settle(app, pilot)
        for _ in range(presses):
            out["overview_open"].append(await press_to_frame(app, pilot, "w", overview_shown))
            axis = app.screen.query_one(TimeAxis)
            before = axis.cursor
            number = axis.state.row_of[before]
            row = axis.state.rows[number][2]
            # The next trip of the city; at its last, the previous one; a city of one trip: the
            # next city's (or the previous city's) nearest trip.
            key = ("right" if row.index(before) + 1 < len(row) else "left" if len(row) > 1
                   else "down" if number + 1 < len(axis.state.rows) else "up")
            out["overview_key"].append(await press_to_frame(app, pilot, key, lambda: axis.cursor != before))
            await pilot.press("escape")
            await settle(app, pilot)
    return out


def clear_process_caches() -> None:
    """Forget what this process keeps between desks: the gazetteer read for the overview.
    (Each new desk has a `DeskData` of its own, so the rows kept by the screens
    (`ROWS_KEPT`, `OVERVIEW_KEPT`) are new too.)"""
    from .. import gazetteer

    gazetteer._index.cache_clear()
    gazetteer._by_name.cache_clear()


async def desk_across_cold(db: Path, reps: int, size: tuple[int, int],
                           log: Callable[[str], None] = print) -> dict[str, Any]:
    """The first open of each screen in a session, as a user who just started the desk meets
    it: for every sample a new desk on the store (its main screen up and idle), the process's
    caches cleared, then the key, timed to the first frame showing the screen's content (the
    table's first rows; the overview's bars), and on to the frame showing all of it (every
    row read; the map and the rankings). Seconds."""
    from ..ui.app import TripdeskApp
    from ..ui.screens.entities import EntitiesScreen
    from ..ui.screens.ledger import LedgerScreen
    from ..ui.screens.overview import OverviewScreen, PlaceMap, TimeAxis

    _install_frame_hook()
    out: dict[str, Any] = {}
    for name, key, cls in (("ledger", "a", LedgerScreen), ("entities", "o", EntitiesScreen),
                           ("overview", "w", OverviewScreen)):
        first: list[float] = []
        whole: list[float] = []
        log(f"  {name}: {reps} first opens, each in a new desk")
        for _ in range(reps):
            clear_process_caches()
            app = TripdeskApp(db_path=db, language="en")
            watch = app._bench_watch = FrameWatch()  # type: ignore[attr-defined]

            def content() -> bool:
                screen = app.screen
                if not isinstance(screen, cls):
                    return False
                if isinstance(screen, OverviewScreen):
                    return bool(screen.query_one(TimeAxis).state.trips)
                return bool(screen.table.order) and screen.table.region.height > 0  # type: ignore[attr-defined]

            def complete() -> bool:
                screen = app.screen
                if isinstance(screen, OverviewScreen):
                    return (screen.data is not None
                            and len(screen.query_one(PlaceMap).places) == len(screen.data.located))
                return isinstance(screen, cls) and screen.loaded  # type: ignore[attr-defined]

            async with app.run_test(size=size) as pilot:
                await main_screen_up(app, pilot)
                first.append(await press_to_frame(app, pilot, key, content, timeout=120))
                pressed = watch.when - first[-1]
                watch.event.clear()
                watch.predicate = complete
                if complete():
                    watch.predicate = None
                    done = time.perf_counter()
                else:
                    await asyncio.wait_for(watch.event.wait(), 120)
                    done = watch.when
                whole.append(done - pressed)
                await settle(app, pilot)
        out[f"{name}_cold"] = first
        out[f"{name}_cold_whole"] = whole
    return out
