"""Key-to-frame latency of the desk, headless, in-process (Textual's test harness).

`Pilot.press()` itself waits for the CPU to go idle (at least 2 x 20 ms per key), so it cannot
time a key. Instead a key event is put on the driver's queue exactly as `Pilot.press` does it,
and the time is taken when the first frame is drawn in which the expected change is visible:
`App._display` (called once per frame by the screen's compositor) is wrapped so that, after
each frame, the awaited condition is checked. In headless mode Textual skips turning the frame
into terminal bytes; the wrapper does that work too (`render_segments`), so the figure includes
everything but the write to a real terminal.

The baseline is the same key (↓) moving the highlight of an OptionList in the minimal app.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any, Callable

from textual import events
from textual.app import App

Predicate = Callable[[], bool]

_KEYS: dict[str, str | None] = {"down": None, "up": None, "tab": "\t", "enter": "\r",
                                "slash": "/", "right_square_bracket": "]"}


class FrameWatch:
    """Waits for the first frame after which a condition holds."""

    def __init__(self) -> None:
        self.predicate: Predicate | None = None
        self.event = asyncio.Event()
        self.when = 0.0
        self.frames = 0

    def on_frame(self) -> None:
        self.frames += 1
        if self.predicate is None:
            return
        try:
            ok = self.predicate()
        except Exception:  # noqa: BLE001 - a widget not there yet: not this frame
            ok = False
        if ok:
            self.when = time.perf_counter()
            self.predicate = None
            self.event.set()


_installed = False


def _install_frame_hook() -> None:
    """Wrap App._display (this process only) to render the frame and report it."""
    global _installed
    if _installed:
        return
    from textual._compositor import CompositorUpdate

    original = App._display

    def _display(self: App, screen: Any, renderable: Any) -> None:
        original(self, screen, renderable)
        if renderable is None:
            return
        if self.is_headless and isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.console)  # the bytes a terminal would be sent
        watch = getattr(self, "_bench_watch", None)
        if watch is not None:
            watch.on_frame()

    App._display = _display  # type: ignore[method-assign]
    _installed = True


def key_event(key: str) -> events.Key:
    if key in _KEYS:
        return events.Key(key, _KEYS[key])
    return events.Key(key, key if len(key) == 1 else None)


async def settle(app: App, pilot: Any) -> None:
    """Let the app finish what it was doing (workers, pending messages, a frame)."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def until(app: App, pilot: Any, predicate: Predicate, timeout: float = 30.0, what: str = "") -> None:
    deadline = time.perf_counter() + timeout
    while True:
        try:
            if predicate():
                return
        except Exception:  # noqa: BLE001
            pass
        if time.perf_counter() > deadline:
            raise TimeoutError(f"timed out waiting for {what or predicate}")
        await pilot.pause(0.01)


async def press_to_frame(app: App, pilot: Any, key: str, predicate: Predicate,
                         timeout: float = 10.0) -> float:
    """Seconds from a key event to the end of the first frame showing its effect."""
    await settle(app, pilot)
    if predicate():
        raise RuntimeError(f"the change expected from {key!r} is there before the key")
    watch: FrameWatch = app._bench_watch  # type: ignore[attr-defined]
    watch.event.clear()
    watch.predicate = predicate
    start = time.perf_counter()
    app._driver.send_message(key_event(key))  # type: ignore[union-attr]
    try:
        await asyncio.wait_for(watch.event.wait(), timeout)
    finally:
        watch.predicate = None
    return watch.when - start


# -- the baseline ------------------------------------------------------------------------------


async def minimal_list_moves(presses: int, size: tuple[int, int]) -> list[float]:
    from textual.widgets import OptionList

    from .minimal import MinimalApp

    _install_frame_hook()
    app = MinimalApp(with_list=True)
    app._bench_watch = FrameWatch()  # type: ignore[attr-defined]
    samples = []
    async with app.run_test(size=size) as pilot:
        options = app.query_one(OptionList)
        options.focus()
        options.highlighted = 0
        for _ in range(presses):
            target = (options.highlighted or 0) + 1
            samples.append(await press_to_frame(app, pilot, "down", lambda t=target: options.highlighted == t))
    return samples


# -- the desk ----------------------------------------------------------------------------------


async def desk_moves(db: Path, long_trip: str, presses: int, size: tuple[int, int],
                     search_query: str = "협약", log: Callable[[str], None] = print) -> dict[str, list[float]]:
    """Key-to-frame samples of the desk, by scenario."""
    from ..ui.app import TripdeskApp
    from ..ui.panes.city import CityTree
    from ..ui.screens.main import PANES
    from ..ui.panes.timeline import TimelineList

    _install_frame_hook()
    app = TripdeskApp(db_path=db, language="en")
    app._bench_watch = FrameWatch()  # type: ignore[attr-defined]
    out: dict[str, list[float]] = {}
    async with app.run_test(size=size) as pilot:
        main = app.main
        assert main is not None
        tree = app.query_one(CityTree)
        await until(app, pilot, lambda: len(tree.root.children) > 0, what="the city list")

        def shown() -> tuple[str, str, str] | None:
            return getattr(main.detail, "_shown", None)

        # 1. moving in the city list
        tree.focus()
        tree.cursor_line = 0
        samples = []
        for _ in range(presses):
            target = tree.cursor_line + 1
            samples.append(await press_to_frame(app, pilot, "down", lambda t=target: tree.cursor_line == t))
        out["city_move"] = samples

        # 2. opening trips: the cursor moves from trip to trip of an open city, each opening in
        # the timeline and the detail pane (read from the store: none of them is cached yet)
        # (the city with the most trips, so that there are enough to open)
        groups = [n for n in tree.root.children if n.data is not None and n.data.kind == "group"]
        group = max(groups, key=lambda n: (n.data.count, -groups.index(n)))  # type: ignore[union-attr]
        tree.move_cursor(group)
        group.expand()
        await until(app, pilot, lambda: any(c.data is not None and c.data.kind == "trip" for c in group.children),
                    what="the trips of a city")
        await settle(app, pilot)
        trips = [c for c in group.children if c.data is not None and c.data.kind == "trip"]
        tree.move_cursor(group)
        samples = []
        for node in trips[: presses]:
            if node.data.key == long_trip:  # type: ignore[union-attr]
                continue
            samples.append(await press_to_frame(
                app, pilot, "down",
                lambda k=node.data.key: main.trip is not None and main.trip.id == k  # type: ignore[union-attr]
                and (shown() or ("",))[0] == k))
            if len(samples) >= presses:
                break
        out["open_trip"] = samples

        # 3. moving day to day in the 30-day trip (↓ in the timeline: day and event rows)
        app.jump_to_trip(long_trip)
        timeline = app.query_one(TimelineList)
        await until(app, pilot, lambda: main.trip is not None and main.trip.id == long_trip
                    and app.focused is timeline, what="the 30-day trip")
        await settle(app, pilot)
        timeline.highlighted = 0
        samples = []
        for _ in range(presses):
            target = (timeline.highlighted or 0) + 1
            ref = timeline.get_option_at_index(target).id
            samples.append(await press_to_frame(
                app, pilot, "down",
                lambda t=target, r=ref: timeline.highlighted == t and (shown() or ("", ""))[1] == r))
        out["day_move"] = samples

        # 4. changing pane (tab)
        samples = []
        for _ in range(max(presses // 2, 1)):
            target = PANES[(PANES.index(main.current_pane()) + 1) % len(PANES)]
            samples.append(await press_to_frame(
                app, pilot, "tab", lambda t=target: main.current_pane() == t and app.focused is not None))
        out["pane"] = samples

        # 5. opening a search result (Enter on a hit; the trip is read from the store)
        from ..ui.screens.search import SearchScreen

        samples = []
        used: set[str] = {long_trip}
        for i in range(max(presses // 2, 1)):
            await settle(app, pilot)  # the last search screen is gone
            app.action_search(search_query)
            await until(app, pilot, lambda: isinstance(app.screen, SearchScreen)
                        and bool(getattr(app.screen, "_hits", None)), what="search results")
            await settle(app, pilot)
            screen = app.screen
            hits = screen._hits  # type: ignore[attr-defined]
            index = next((j for j, h in enumerate(hits) if h.trip_id not in used), 0)
            hit = hits[index]
            used.add(hit.trip_id)
            screen.results.highlighted = index  # type: ignore[attr-defined]
            samples.append(await press_to_frame(
                app, pilot, "enter",
                lambda h=hit: app.screen is main and main.trip is not None and main.trip.id == h.trip_id
                and (shown() or ("",))[0] == h.trip_id))
        out["search_open"] = samples
        log(f"  pilot: {app._bench_watch.frames} frames")  # type: ignore[attr-defined]
    return out


# -- the article view ---------------------------------------------------------------------------


async def minimal_article_opens(text: str, presses: int, size: tuple[int, int]) -> list[float]:
    """The baseline of the article view: in a bare Textual app, a key pushes a screen that
    shows the same article in a `Static` (wrapped by Textual), and Esc pops it."""
    from textual.app import ComposeResult
    from textual.binding import Binding
    from textual.containers import VerticalScroll
    from textual.screen import Screen
    from textual.widgets import Static

    class TextScreen(Screen[None]):
        BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

        def compose(self) -> ComposeResult:
            with VerticalScroll():
                yield Static(text, markup=False)

    class ArticleApp(App[None]):
        BINDINGS = [Binding("v", "open", "Open")]

        def compose(self) -> ComposeResult:
            yield Static("minimal app ready")

        def action_open(self) -> None:
            self.push_screen(TextScreen())

    _install_frame_hook()
    app = ArticleApp()
    app._bench_watch = FrameWatch()  # type: ignore[attr-defined]
    samples = []
    async with app.run_test(size=size) as pilot:
        for _ in range(presses):
            samples.append(await press_to_frame(
                app, pilot, "v", lambda: isinstance(app.screen, TextScreen) and app.screen.query(Static)
                and app.screen.query_one(Static).size.height > 0))
            await pilot.press("escape")
            await settle(app, pilot)
    return samples


async def desk_article_opens(db: Path, trip_id: str, event_id: str, excerpt: str, presses: int,
                             size: tuple[int, int]) -> list[float]:
    """`v` on an event of the timeline, to the first frame of the article view that shows its
    article with the event's excerpt highlighted and scrolled into view; Esc goes back (not
    timed) before the next."""
    from ..ui.app import TripdeskApp
    from ..ui.screens.article import CURRENT_STYLE, ArticleScreen, ArticleView
    from ..ui.screens.main import Wanted

    wanted = "".join(excerpt.split())

    def highlighted(screen: ArticleScreen) -> bool:
        """The excerpt is drawn in the current highlight's style on the lines in view."""
        view = screen.query_one(ArticleView)
        top = view.scroll_offset.y
        # (the lines wrapped so far: `lines` would wrap the rest, inside the timed frame)
        lines = view._lines[top:top + view.scrollable_content_region.height]
        shown = "".join(line.plain[span.start:span.end] for line in lines for span in line.spans
                        if span.style == CURRENT_STYLE)
        return screen.current is not None and wanted == "".join(shown.split())

    _install_frame_hook()
    app = TripdeskApp(db_path=db, language="en")
    app._bench_watch = FrameWatch()  # type: ignore[attr-defined]
    samples = []
    async with app.run_test(size=size) as pilot:
        main = app.main
        assert main is not None
        await until(app, pilot, lambda: main.is_mounted, what="the main screen")
        main.open_trip(Wanted(trip_id, "event", event_id, focus=True))
        await until(app, pilot, lambda: main.trip is not None and main.trip.id == trip_id
                    and main.timeline.ref == f"event:{event_id}", what="the event in the timeline")
        await settle(app, pilot)
        for _ in range(presses):
            samples.append(await press_to_frame(
                app, pilot, "v", lambda: isinstance(app.screen, ArticleScreen) and highlighted(app.screen)))
            await pilot.press("escape")
            await settle(app, pilot)
            if app.screen is not main:
                raise RuntimeError("Esc did not go back from the article view")
    return samples
