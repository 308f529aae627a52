"""Key-to-frame latency of the desk's day-to-day keys (issue 18), headless, on the big store.

The timeline's day keys in the 30-day trip (`n`, `p`, `}`, `{`) and its fold (`f`); Tab in
the search dialog (the hits of the next kind, over a search of ~200 hits); and the grouped
destinations: `d` to the list by country, state and city (its groups read once), ↓ in it, and
Enter folding or opening a state. Each is timed from the key event to the end of the first
frame that shows its effect, as `pilot_bench` times the other keys (and against the same
baseline: ↓ in the minimal app's OptionList).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from .pilot_bench import FrameWatch, _install_frame_hook, key_event, press_to_frame, settle, until



async def desk_keys(db: Path, long_trip: str, presses: int, size: tuple[int, int],
                    search_query: str = "협약", log: Callable[[str], None] = print) -> dict[str, object]:
    """Samples (seconds) by figure key, and `dest_first`: the first `d` of the session, which
    reads the destinations' groups from the store."""
    from ..ui.app import TripdeskApp
    from ..ui.panes.city import CityTree
    from ..ui.screens.search import SearchScreen
    from ..ui.panes.timeline import TimelineList, TimelinePane

    _install_frame_hook()
    app = TripdeskApp(db_path=db, language="en")
    app._bench_watch = FrameWatch()  # type: ignore[attr-defined]
    out: dict[str, object] = {}
    async with app.run_test(size=size) as pilot:
        main = app.main
        assert main is not None
        tree = app.query_one(CityTree)
        await until(app, pilot, lambda: len(tree.root.children) > 0, what="the city list")

        # -- the timeline of the 30-day trip: n / p, } / {, f ------------------------------
        app.jump_to_trip(long_trip)
        timeline = app.query_one(TimelineList)
        pane = app.query_one(TimelinePane)
        await until(app, pilot, lambda: main.trip is not None and main.trip.id == long_trip
                    and app.focused is timeline, what="the 30-day trip")
        await settle(app, pilot)

        async def day_keys(forward: str, back: str, recorded: bool) -> list[float]:
            samples: list[float] = []
            timeline.highlighted = 0
            key, delta = forward, 1
            while len(samples) < presses:
                target = pane.day_row(timeline.highlighted, delta, recorded)
                if target is None:  # the end of the trip: back the other way
                    key, delta = (back, -1) if key == forward else (forward, 1)
                    target = pane.day_row(timeline.highlighted, delta, recorded)
                    if target is None:
                        raise RuntimeError(f"{forward!r} and {back!r} find no day to go to")
                samples.append(await press_to_frame(app, pilot, key, lambda t=target: timeline.highlighted == t))
            return samples

        out["key_day_next"] = await day_keys("n", "p", False)
        out["key_day_recorded"] = await day_keys("right_curly_bracket", "left_curly_bracket", True)
        samples = []
        for _ in range(max(presses // 2, 1)):
            want = not pane.folded
            samples.append(await press_to_frame(app, pilot, "f", lambda w=want: pane.folded == w))
        out["key_fold"] = samples
        if pane.folded:
            pane.toggle_fold()

        # -- Tab in the search dialog: the hits of the next kind --------------------------
        app.action_search(search_query)
        await until(app, pilot, lambda: isinstance(app.screen, SearchScreen)
                    and bool(getattr(app.screen, "_hits", None)), what="search results")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        from ..ui.screens.search import KIND_FILTERS

        samples = []
        for _ in range(presses):
            target = KIND_FILTERS[(KIND_FILTERS.index(screen._kind) + 1) % len(KIND_FILTERS)]
            samples.append(await press_to_frame(
                app, pilot, "tab", lambda t=target: screen._kind == t
                and screen.results.option_count == len(screen._hits)))
        out["key_search_kind"] = samples
        out["search_hits"] = len(screen._all[0])
        screen.action_close()
        await settle(app, pilot)

        # -- the grouped destinations: d, ↓, Enter on a state -------------------------------
        cities = main.cities
        tree.focus()
        await settle(app, pilot)
        started = time.perf_counter()
        app._driver.send_message(key_event("d"))  # type: ignore[union-attr]
        await until(app, pilot, lambda: cities.mode == "dest" and _regions(tree), what="the destinations")
        out["dest_first"] = time.perf_counter() - started
        await settle(app, pilot)
        samples = []
        for _ in range(max(presses // 2, 1)):  # d back to home cities and again: the groups kept
            await press_to_frame(app, pilot, "d", lambda: cities.mode == "home")
            samples.append(await press_to_frame(app, pilot, "d", lambda: cities.mode == "dest" and _regions(tree)))
        out["key_dest_open"] = samples
        tree.cursor_line = 0
        samples = []
        for _ in range(presses):
            target = tree.cursor_line + 1
            if target > tree.last_line:
                tree.cursor_line = 0
                await settle(app, pilot)
                target = 1
            samples.append(await press_to_frame(app, pilot, "down", lambda t=target: tree.cursor_line == t))
        out["key_dest_move"] = samples
        state = max((n for n in _regions(tree) for n in n.children if n.data is not None and n.data.kind == "region"),
                    key=lambda n: len(n.children))
        tree.move_cursor(state)
        await settle(app, pilot)
        samples = []
        for _ in range(max(presses // 2, 1)):
            want = not state.is_expanded
            samples.append(await press_to_frame(app, pilot, "enter", lambda w=want: state.is_expanded == w))
        out["key_dest_fold"] = samples
        out["dest_counts"] = (len(_regions(tree)), len(cities._group_nodes()), len(state.children))
        log(f"  keys (issue 18): {app._bench_watch.frames} frames")  # type: ignore[attr-defined]
    return out


def _regions(tree) -> list:  # noqa: ANN001 - the countries at the top of the destinations
    return [n for n in tree.root.children if n.data is not None and n.data.kind == "region"]
