"""Trips prepared before they are opened (ui/prepared.py): the same screen as built on the spot.

Real sessions on a store built from data/trips (the fixtures of test_ui). Gumi lists three
trips (2013, 2017, 2024): opening one prepares the one next to it, which ↓ then shows.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import tripdesk
from tripdesk.ui.panes.detail import DetailScroll, trip_doc
from tripdesk.ui.render import Doc

from .test_ui import data_store, db, main, make_app, move_cities_to  # noqa: F401 - fixtures
from .test_ui_support import async_test, press, screen_text, settle

SRC = str(Path(tripdesk.__file__).resolve().parent.parent)


async def open_first_gumi_trip(pilot) -> None:  # noqa: ANN001
    await settle(pilot)
    await move_cities_to(pilot, lambda d: d.kind == "group" and d.key == "gumi")
    await press(pilot, "enter")
    await move_cities_to(pilot, lambda d: d.kind == "trip")


@async_test
async def test_down_onto_a_prepared_trip_shows_what_building_it_shows(db: Path) -> None:
    """↓ onto the next trip (prepared while the first was shown) draws the same screen as ↓
    onto it when nothing was prepared (its rows and detail built on the spot)."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_gumi_trip(pilot)
        screen = main(app)
        first = screen.trip
        assert first is not None
        nearest = screen.cities.neighbours(first.id, 1)
        assert nearest, "gumi lists more than one trip"
        following = app.data.cached_trip(nearest[0])
        assert following is not None and screen._prepared.get(following, "en") is not None

        await press(pilot, "down")
        assert screen.trip is following and screen.timeline.ref == "trip"
        assert screen.detail.text == trip_doc(following, "en").build().plain
        prepared_look = screen_text(app, styles=True)

        await press(pilot, "up")
        assert screen.trip is first
        screen._prepared = type(screen._prepared)()  # forget every prepared trip
        await press(pilot, "down")
        assert screen.trip is following
        assert screen_text(app, styles=True) == prepared_look


@async_test
async def test_a_prepared_trip_is_shown_wrapped_to_its_end(db: Path) -> None:
    """A prepared trip's detail comes wrapped to its end: nothing is left to wrap after the
    frame that shows it (which would draw the detail's scrollbar again in a second frame)."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_gumi_trip(pilot)
        screen = main(app)
        view = app.query_one(DetailScroll)
        left_to_wrap: list[bool] = []
        show_now = screen._show_now

        def recording_show_now(trip) -> None:  # noqa: ANN001
            show_now(trip)
            left_to_wrap.append(view._unwrapped is not None)

        screen._show_now = recording_show_now
        following = app.data.cached_trip(screen.cities.neighbours(screen.trip.id, 1)[0])
        assert screen._prepared.get(following, "en") is not None
        await press(pilot, "down")
        assert screen.trip is following
        assert left_to_wrap == [False]
        assert len(view._lines) > view.scrollable_content_region.height  # longer than the view
        assert view.virtual_size.height == len(view._lines)


@async_test
async def test_prepared_trips_follow_the_language(db: Path) -> None:
    """After a language change, the next trip opens in the new language (a trip prepared in the
    old one is not used)."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_gumi_trip(pilot)
        screen = main(app)
        await press(pilot, "L")  # en -> both
        assert app.language == "both"
        following = app.data.cached_trip(screen.cities.neighbours(screen.trip.id, 1)[0])
        await press(pilot, "down")
        assert screen.trip is following
        assert screen.detail.text == trip_doc(following, "both").build().plain


def _doc() -> Doc:
    doc = Doc().line(("A title", "bold"))
    for n in range(30):
        doc.line(f"line {n}: " + "word " * 40, indent=2)
    return doc


def test_wrap_ahead_gives_the_lines_iter_lines_gives() -> None:
    expected = [line.plain for line in _doc().iter_lines(50)]
    doc = _doc().wrap_ahead(50, 10)
    first, rest = doc.start_wrapped(50)
    assert len(first) == 10
    assert rest is not None
    assert [line.plain for line in first] + [line.plain for line in rest] == expected
    # taken once: shown again, it is wrapped from the start
    again, rest = doc.start_wrapped(50)
    assert again == [] and [line.plain for line in rest] == expected


def test_wrap_ahead_for_another_width_is_not_used() -> None:
    doc = _doc().wrap_ahead(50, 10)
    first, rest = doc.start_wrapped(70)
    assert first == []
    assert [line.plain for line in rest] == [line.plain for line in _doc().iter_lines(70)]


def test_wrap_ahead_of_a_short_document_says_there_is_no_more() -> None:
    doc = Doc().line("one").line("two").wrap_ahead(40, 10)
    first, rest = doc.start_wrapped(40)
    assert [line.plain for line in first] == ["one", "two"]
    assert rest is None


WARM_UP = """
import asyncio, sys
from textual.app import App
from tripdesk.ui.app import TripdeskApp

first_frame = []
display = App._display

def note_first_frame(app, screen, renderable):
    if not first_frame:
        first_frame.extend(name in sys.modules for name in ("tripdesk.model", "tripdesk.files.loader"))
    return display(app, screen, renderable)

App._display = note_first_frame

async def main() -> None:
    app = TripdeskApp(db_path=sys.argv[1], language="en")
    print("tripdesk.files.loader" in sys.modules)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        print(*first_frame)
        print("tripdesk.model" in sys.modules, "tripdesk.files.loader" in sys.modules)

asyncio.run(main())
"""


def test_the_trip_loader_is_imported_after_start_before_a_trip_is_opened(db: Path) -> None:
    """The first trip opened does not wait for the loader's imports (PyYAML, the schema): they
    are made in a worker once the desk is on screen, not when it starts. The first frame (the
    city list) is drawn without the model's classes either: they come with the loader."""
    done = subprocess.run([sys.executable, "-c", WARM_UP, str(db)], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": SRC})
    assert done.returncode == 0, done.stderr
    # before the app: no loader; at the first frame: no model, no loader; after: both
    assert done.stdout.split() == ["False", "False", "False", "True", "True"]
