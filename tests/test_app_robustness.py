"""The desk on stores that stress it: empty, damaged, a trip with nothing recorded, a trip of
365 days, a city with 500 trips, and the terminal resized while data is loading.

(The hostile-text trip is tested by tests/test_ui_hostile.py.)
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tripdesk.store import Store
from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.panes.detail import DetailPane

from .conftest import SAMPLE
from .test_ui_support import async_test, build_store, press, screen_text, settle

SIZE = (120, 40)


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def make_app(db: Path) -> TripdeskApp:
    return TripdeskApp(db_path=db, language="en")


async def open_first_trip(pilot) -> None:  # noqa: ANN001 - textual.pilot.Pilot
    """The first city → Enter (its trips load) → down to its first trip → Enter."""
    await settle(pilot)
    await press(pilot, "enter")
    await press(pilot, "down")
    await press(pilot, "enter")


def errors_shown(app: TripdeskApp) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "error"]  # noqa: SLF001


# -- an empty or missing store -----------------------------------------------------------------


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    db = tmp_path / "empty.db"
    Store.open(db).close()
    return db


@async_test
async def test_an_empty_store_opens_and_says_there_are_no_trips(empty_db: Path) -> None:
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "0 trips · 0 cities" in text
        assert "no trips in the store" in text
        assert not errors_shown(app)
        # Keys that act on a trip do nothing harmful when there is none.
        for key in ("enter", "down", "right_square_bracket", "left_square_bracket", "e", "d",
                    "d", "L", "tab", "2", "3", "1"):
            await press(pilot, key)
        await press(pilot, "slash")
        await pilot.press(*"Seattle")
        await pilot.pause(0.3)
        await settle(pilot)
        assert "Nothing found" in screen_text(app)
        await press(pilot, "escape")
        assert not errors_shown(app)


@async_test
async def test_an_empty_store_says_how_to_import(empty_db: Path) -> None:
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "tripdesk import PATH" in text
        assert "Choose a trip in the city pane" not in text  # nothing to choose from


@async_test
async def test_a_missing_store_is_reported_not_raised(tmp_path: Path) -> None:
    db = tmp_path / "nowhere" / "none.db"
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = errors_shown(app)
        assert shown and all("no tripdesk database here" in m for m in shown)
        assert any("tripdesk import" in m for m in shown)
    assert not db.exists()  # the desk never creates a store behind the user's back


@pytest.mark.parametrize("content", [b"not a database at all\n" * 50, b"SQLite format 3\x00" + b"\x00" * 200],
                         ids=["text", "bad-header"])
@async_test
async def test_a_damaged_store_is_reported_with_its_fix(content: bytes, tmp_path: Path) -> None:
    db = tmp_path / "broken.db"
    db.write_bytes(content)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = errors_shown(app)
        assert shown
        assert any("tripdesk import --rebuild" in m for m in shown)
    assert db.read_bytes() == content


# -- a trip with nothing recorded -------------------------------------------------------------

BARE_TRIP = """\
tripdesk: 1
trip:
  id: bare-2024-us
  home_city: {id: barecity, name: {ko: 빈시, en: Bare City}, province: {ko: 경상북도, en: North Gyeongsang}, country: KR}
  title: {ko: 빈 일정, en: A trip with nothing recorded}
  leader: {person: nobody, role: {ko: 시장, en: Mayor}}
  start: 2024-03-01
  end: 2024-03-05
  status: announced
sources:
  - id: src-a
    outlet: Bare News
    headline: {ko: 계획만, en: Only the plan}
    language: ko
people:
  - id: nobody
    name: {ko: 아무개, en: Nobody}
"""


@async_test
async def test_a_trip_with_no_recorded_events(tmp_path: Path) -> None:
    trip = tmp_path / "bare.yaml"
    trip.write_text(BARE_TRIP, encoding="utf-8")
    db = build_store(tmp_path / "bare.db", trip)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_trip(pilot)
        screen = app.main
        assert screen is not None and screen.trip is not None and screen.trip.id == "bare-2024-us"
        text = screen_text(app)
        assert "A trip with nothing recorded" in text
        for number, day in enumerate(range(1, 6), 1):
            assert f"Day {number} " in text and f"2024-03-0{day}" in text
        assert text.count("nothing recorded") >= 5
        for _ in range(8):  # walk every line, then past the end
            await press(pilot, "j")
        assert screen.timeline.ref == "day:2024-03-05"
        assert app.query_one(DetailPane).text.startswith("Day 5")
        for key in ("e", "escape", "L", "L", "L"):
            await press(pilot, key)
        assert not errors_shown(app)


# -- a trip of 365 days ---------------------------------------------------------------------------


@async_test
async def test_a_trip_of_365_days(tmp_path: Path) -> None:
    text = sample_text().replace("  start: 2024-10-12", "  start: 2024-01-01").replace(
        "  end: 2024-10-14", "  end: 2024-12-30").replace(
        "  span_reported: {nights: 2, days: 3, text: 2박 3일}", "  span_reported: {days: 365, text: 1년}")
    trip = tmp_path / "year.yaml"
    trip.write_text(text, encoding="utf-8")
    db = build_store(tmp_path / "year.db", trip)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        started = time.monotonic()
        await open_first_trip(pilot)
        assert time.monotonic() - started < 10
        screen = app.main
        assert screen is not None and screen.trip is not None and screen.trip.day_count == 365
        assert "Day 1 " in screen_text(app)
        started = time.monotonic()
        await press(pilot, "end")
        assert time.monotonic() - started < 5
        assert screen.timeline.ref == "day:2024-12-30"
        text = screen_text(app)
        assert "Day 365 " in text and "2024-12-30" in text
        # A row three quarters down: the event of day 287 draws and shows its detail.
        screen.timeline.select("event:library-mou")
        await settle(pilot)
        assert screen.timeline.ref == "event:library-mou"
        text = screen_text(app)
        assert "14:30 * signing    Signing with the" in text  # scrolled into view (the title wraps)
        assert app.query_one(DetailPane).text.startswith("Signing with the Seattle Public Library")
        await press(pilot, "j")
        assert screen.timeline.ref == "day:2024-10-14"
        assert not errors_shown(app)


# -- a city with 500 trips ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def crowded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crowded")
    trips = folder / "trips"
    trips.mkdir()
    text = sample_text()
    for i in range(500):
        trip_id = f"sample-{i:03d}"
        year = 1600 + i  # a different year each, so the order is known: 1600 ... 2099
        trips.joinpath(f"{trip_id}.yaml").write_text(
            text.replace("sample-2024-us", trip_id).replace("2024-", f"{year}-")
                .replace("delegation to the US,", f"delegation number {i},"), encoding="utf-8")
    return build_store(folder / "crowded.db", trips)


@async_test
async def test_a_city_with_500_trips(crowded_store: Path) -> None:
    app = make_app(crowded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "500 trips · 1 cities" in screen_text(app) or "500 trips · 1 city" in screen_text(app)
        started = time.monotonic()
        await press(pilot, "enter")
        assert time.monotonic() - started < 5
        tree = app.main.cities.tree  # type: ignore[union-attr]
        trips = [n for n in tree.root.children[0].children if n.data is not None and n.data.kind == "trip"]
        assert len(trips) == 500
        assert re.search(r"Sample City\s+500", screen_text(app))
        started = time.monotonic()
        await press(pilot, "end")
        await press(pilot, "enter")
        assert time.monotonic() - started < 5
        screen = app.main
        assert screen is not None and screen.trip is not None and screen.trip.id == "sample-499"
        assert "delegation number 499" in screen_text(app)
        # Stepping through the neighbours with [ and ] loads each in turn.
        await press(pilot, "left_square_bracket", "left_square_bracket")
        assert screen.trip.id == "sample-497"
        assert not errors_shown(app)


# -- resizing while loading -----------------------------------------------------------------------


SIZES = [(120, 40), (60, 20), (200, 60), (80, 24), (30, 10), (12, 6), (100, 30)]


@async_test
async def test_resizing_while_the_store_loads(crowded_store: Path) -> None:
    app = make_app(crowded_store)
    async with app.run_test(size=SIZE) as pilot:
        for size in SIZES:  # before the first worker has reported
            await pilot.resize_terminal(*size)
        await settle(pilot)
        assert app.size == SIZES[-1]
        text = screen_text(app)
        assert "500 trips" in text and "Sample City" in text
        assert not errors_shown(app)


@async_test
async def test_resizing_while_a_city_and_a_trip_load(crowded_store: Path) -> None:
    app = make_app(crowded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the 500 trips start loading...
        for size in SIZES:
            await pilot.resize_terminal(*size)
        await settle(pilot)
        await pilot.press("end", "enter")  # ...and the last trip
        for size in reversed(SIZES):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await settle(pilot)
        screen = app.main
        assert screen is not None and screen.trip is not None and screen.trip.id == "sample-499"
        assert app.size == SIZES[0]
        assert "delegation number 499" in screen_text(app)
        assert not errors_shown(app)


@async_test
async def test_resizing_while_a_365_day_trip_is_shown(tmp_path: Path) -> None:
    text = sample_text().replace("  start: 2024-10-12", "  start: 2024-01-01").replace(
        "  end: 2024-10-14", "  end: 2024-12-30").replace(
        "  span_reported: {nights: 2, days: 3, text: 2박 3일}", "  span_reported: {days: 365, text: 1년}")
    trip = tmp_path / "year.yaml"
    trip.write_text(text, encoding="utf-8")
    db = build_store(tmp_path / "year.db", trip)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_trip(pilot)
        await pilot.press("end")
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await pilot.press("pageup")
        await settle(pilot)
        await pilot.resize_terminal(*SIZE)
        await settle(pilot)
        screen = app.main
        assert screen is not None and screen.trip is not None and screen.trip.day_count == 365
        assert "Day " in screen_text(app)
        assert not errors_shown(app)
