"""Regenerate the desk's SVG screenshots in screenshots/.

    .venv/bin/python scripts/screenshots.py [--out screenshots]

Builds a temporary store from data/trips with the articles of ../shared/articles (and
tests/fixtures/hostile for the hostile-text view), drives the desk headless with the keys a user would press, and saves each view with
`App.save_screenshot()`. English, the textual-dark theme, no clock: the same data gives the
same pictures. To look at one as a PNG: `rsvg-convert screenshots/main-120x40.svg > main.png`.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path
from typing import Awaitable, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tripdesk.store.importer import import_paths  # noqa: E402
from tripdesk.paths import articles_dir  # noqa: E402
from tripdesk.store import Store  # noqa: E402

Steps = Callable[[object], Awaitable[None]]


async def settle(pilot) -> None:  # noqa: ANN001 - textual.pilot.Pilot
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def press(pilot, *keys: str) -> None:  # noqa: ANN001
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def cursor_to(pilot, key: str) -> None:  # noqa: ANN001
    """Move the city pane's cursor down to the node whose key is `key`."""
    tree = pilot.app.main.cities.tree
    for _ in range(200):
        node = tree.cursor_node
        if node is not None and node.data is not None and node.data.key == key:
            return
        await press(pilot, "down")
    raise SystemExit(f"screenshots: no city-pane entry {key!r} (has data/trips changed?)")


async def timeline_to(pilot, ref: str) -> None:  # noqa: ANN001
    timeline = pilot.app.main.timeline
    for _ in range(200):
        if timeline.ref == ref:
            return
        await press(pilot, "j")
    raise SystemExit(f"screenshots: no timeline entry {ref!r} (has data/trips changed?)")


async def open_trip(pilot, city: str, trip: str, ref: str = "trip") -> None:  # noqa: ANN001
    await settle(pilot)
    await cursor_to(pilot, city)
    await press(pilot, "enter")
    await cursor_to(pilot, trip)
    await press(pilot, "enter")
    await timeline_to(pilot, ref)


async def huntsville(pilot) -> None:  # noqa: ANN001
    await open_trip(pilot, "gumi", "gumi-2024-us", "day:2024-10-15")


async def agreement_and_quotes(pilot) -> None:  # noqa: ANN001
    await open_trip(pilot, "gumi", "gumi-2013-san-diego", "day:2013-02-16")
    await press(pilot, "3", "z")


async def search_results(pilot) -> None:  # noqa: ANN001
    from textual.widgets import Input

    await settle(pilot)
    await press(pilot, "slash")
    pilot.app.screen.query_one(Input).cursor_blink = False
    await pilot.press(*"협약")
    await pilot.pause(0.3)
    await settle(pilot)


async def destinations(pilot) -> None:  # noqa: ANN001
    await settle(pilot)
    await press(pilot, "d")
    await cursor_to(pilot, "us/wa/seattle")
    await press(pilot, "enter", "down", "enter")


async def show_help(pilot) -> None:  # noqa: ANN001
    await settle(pilot)
    await press(pilot, "question_mark")


async def chamber_article(pilot) -> None:  # noqa: ANN001
    await open_trip(pilot, "gumi", "gumi-2024-us", "event:huntsville-chamber-meeting")
    await press(pilot, "v")


async def hostile(pilot) -> None:  # noqa: ANN001
    await open_trip(pilot, "hostile-city", "hostile-2024-text", "event:click-event")


async def ledger(pilot) -> None:  # noqa: ANN001
    from textual.widgets import Input

    await settle(pilot)
    await press(pilot, "a")
    pilot.app.screen.query_one(Input).cursor_blink = False


async def gumi_city(pilot) -> None:  # noqa: ANN001
    from textual.widgets import Input

    await settle(pilot)
    await press(pilot, "o")
    await pilot.press(*"구미시")
    await settle(pilot)
    await press(pilot, "enter")
    pilot.app.screen.query_one(Input).cursor_blink = False


async def entities(pilot) -> None:  # noqa: ANN001
    from textual.widgets import Input

    await settle(pilot)
    await press(pilot, "o", "tab", "tab")  # by number of trips, the most first
    pilot.app.screen.query_one(Input).cursor_blink = False


async def overview(pilot) -> None:  # noqa: ANN001
    await settle(pilot)
    await press(pilot, "w")


# (file name, size, store, language, steps)
VIEWS: list[tuple[str, tuple[int, int], str, str, Steps]] = [
    ("main-120x40", (120, 40), "data", "en", huntsville),
    ("main-120x40-both", (120, 40), "data", "both", huntsville),
    ("main-80x24", (80, 24), "data", "en", huntsville),
    ("main-40x12", (40, 12), "data", "en", huntsville),
    ("detail-agreement-quotes", (120, 40), "data", "en", agreement_and_quotes),
    ("search-results", (120, 40), "data", "ko", search_results),
    ("destinations-seattle", (120, 40), "data", "en", destinations),
    ("help", (120, 40), "data", "en", show_help),
    ("hostile-text", (120, 40), "hostile", "en", hostile),
    ("article-120x40", (120, 40), "data", "en", chamber_article),
    ("article-80x24", (80, 24), "data", "en", chamber_article),
    ("agreements-120x40", (120, 40), "data", "en", ledger),
    ("agreements-80x24", (80, 24), "data", "ko", ledger),
    ("entities-120x40", (120, 40), "data", "en", entities),
    ("entity-gumi-city-120x40", (120, 40), "data", "en", gumi_city),
    ("entity-gumi-city-80x24", (80, 24), "data", "ko", gumi_city),
    ("overview-120x40", (120, 40), "data", "en", overview),
    ("overview-80x24", (80, 24), "data", "ko", overview),
]


async def take(db: Path, out: Path, name: str, size: tuple[int, int], language: str,
               steps: Steps, exports: Path) -> Path:
    from tripdesk.ui.app import TripdeskApp

    app = TripdeskApp(db_path=db, language=language, export_dir=exports, theme="textual-dark")
    async with app.run_test(size=size) as pilot:
        await steps(pilot)
        await settle(pilot)
        app.save_screenshot(filename=f"{name}.svg", path=str(out))
    return out / f"{name}.svg"


def build(path: Path, source: Path, articles: list[Path] | None = None) -> Path:
    store = Store.open(path)
    try:
        import_paths(store, [source], articles=articles or [])
    finally:
        store.close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        articles = [folder for folder in (articles_dir(),) if folder.is_dir()]
        if not articles:
            print(f"screenshots: no articles in {articles_dir()}: the article view shows the excerpts alone",
                  file=sys.stderr)
        stores = {"data": build(Path(tmp) / "data.db", ROOT / "data" / "trips", articles),
                  "hostile": build(Path(tmp) / "hostile.db", ROOT / "tests" / "fixtures" / "hostile")}
        for name, size, store, language, steps in VIEWS:
            path = asyncio.run(take(stores[store], args.out, name, size, language, steps,
                                    Path(tmp) / "exports"))
            print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
