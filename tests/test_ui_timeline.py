"""A timeline you can scan (issue 18, item 1), driven as a user would: titles read whole at
120x40 and 80x24, day keys, empty days folded, and the records no day holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tripdesk.files.loader import load_paths
from tripdesk.ui.app import TripdeskApp

from .test_ui import data_store, db  # noqa: F401 - the fixtures: a copy of the bundled store
from .test_ui_support import DATA, async_test, press, screen_lines, settle, type_search

TRIPS = {loaded.trip.id: loaded.trip for loaded in load_paths([DATA]).trips}


async def open_trip(pilot, trip_id: str) -> None:  # noqa: ANN001
    """The palette's jump to a trip, as a user reaches any trip; the focus on its timeline."""
    await settle(pilot)
    await press(pilot, "ctrl+p")
    await pilot.press(*trip_id)
    await pilot.pause(0.5)
    await settle(pilot)
    await press(pilot, "enter")
    assert pilot.app.main.trip.id == trip_id


def timeline_text(app: TripdeskApp) -> str:
    """The timeline pane's text on screen, its lines joined by spaces (a wrapped title reads
    as one)."""
    region = app.main.timeline.list.region
    lines = screen_lines(app)[region.y:region.y + region.height]
    inside = [line[region.x:region.x + region.width - 1] for line in lines]  # not the scrollbar
    # A line of Korean is fewer characters than cells: its slice may reach the border.
    return re.sub(r"\s+", " ", re.sub(r"[│▁▂▃▄▅▆▇█]", " ", " ".join(inside)))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@pytest.mark.parametrize("trip_id", sorted(TRIPS))
@async_test
async def test_every_event_title_reads_whole(db: Path, trip_id: str, size) -> None:  # noqa: ANN001, F811
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=size) as pilot:
        await open_trip(pilot, trip_id)
        trip = TRIPS[trip_id]
        for _day, event in trip.events():
            app.main.timeline.select(f"event:{event.id}")
            await settle(pilot)
            title = re.sub(r"\s+", " ", event.title.get("en"))
            assert title in timeline_text(app), (event.id, title)


@async_test
async def test_n_p_step_days_and_braces_skip_the_empty_ones(db: Path) -> None:  # noqa: F811
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_trip(pilot, "gumi-2017-americas")
        timeline = app.main.timeline
        await press(pilot, "n")
        assert timeline.ref == "day:2017-02-12"
        await press(pilot, "n")
        assert timeline.ref == "day:2017-02-13"
        await press(pilot, "right_curly_bracket")  # Day 3, the first day with something
        assert timeline.ref == "day:2017-02-14"
        await press(pilot, "j")  # onto its event
        assert timeline.ref.startswith("event:")
        await press(pilot, "right_curly_bracket")
        assert timeline.ref == "day:2017-02-16"  # Day 4 is empty: skipped
        await press(pilot, "left_curly_bracket")
        assert timeline.ref == "day:2017-02-14"
        await press(pilot, "p")
        assert timeline.ref == "day:2017-02-13"
        assert "Day 2 Mon" in app.main.detail.text  # the detail follows


@async_test
async def test_f_folds_runs_of_empty_days_and_the_day_count_stays_true(db: Path) -> None:  # noqa: F811
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_trip(pilot, "gumi-2013-san-diego")
        timeline = app.main.timeline
        unfolded = timeline.list.option_count
        await press(pilot, "n", "n", "n")  # Day 3 (2013-02-17): empty, as is Day 4
        assert timeline.ref == "day:2013-02-17"
        await press(pilot, "f")
        text = timeline_text(app)
        assert "Days 3-4" in text and "nothing recorded (2 days)" in text
        assert "9 days" in text  # the trip still counts every day
        assert timeline.list.option_count < unfolded
        assert timeline.ref == "day:2013-02-17"  # the cursor kept its day, on the fold
        await press(pilot, "j")
        assert timeline.ref == "day:2013-02-19"
        await press(pilot, "f")
        assert timeline.list.option_count == unfolded and timeline.ref == "day:2013-02-19"
        assert "Days 3-4" not in timeline_text(app)


@async_test
async def test_f_shows_the_rows_a_fresh_build_shows_in_every_language(db: Path) -> None:  # noqa: F811
    """`f` reuses the rows built before for the trip (docs/performance.md): folding and
    unfolding again, and after a language change, the rows are those built anew."""
    from tripdesk.ui.panes.timeline import build_options

    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_trip(pilot, "gumi-2013-san-diego")
        timeline = app.main.timeline
        trip = app.main.trip

        def shown() -> list[str]:
            return [row.prompt.plain for row in timeline.list.options]

        def built() -> list[str]:
            return [row.prompt.plain for row in build_options(trip, app.language, timeline.folded)]

        for keys in (("f",), ("f",), ("f",), ("L",), ("f",), ("f",), ("L",), ("f",), ("f",)):
            await press(pilot, *keys)
            assert shown() == built(), (app.language, timeline.folded)
        assert app.language == "ko" and timeline.folded
        text = "\n".join(shown())
        assert "3~4일차" in text and "Days 3-4" not in text  # the fold in the language shown


@async_test
async def test_a_folded_day_is_still_reached_by_a_search(db: Path) -> None:  # noqa: F811
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_trip(pilot, "gumi-2013-san-diego")
        await press(pilot, "f")
        app.main.timeline.select("day:2013-02-18")  # Day 4, inside the fold of Days 3-4
        await settle(pilot)
        assert app.main.timeline.ref == "day:2013-02-17"


@async_test
async def test_records_no_day_holds_have_a_whole_trip_row(db: Path) -> None:  # noqa: F811
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_trip(pilot, "gumi-2017-americas")
        await press(pilot, "G")  # the last day; after its events, the whole trip
        for _ in range(30):
            if app.main.timeline.ref.startswith("agreement:"):
                break
            await press(pilot, "j")
        assert app.main.timeline.ref == "agreement:seattle-public-library-mou"
        text = timeline_text(app)
        assert "Whole trip (no day)" in text
        assert "Gumi City–Seattle Public Library cooperation project MOU (planned)" in text
        detail = app.main.detail.text
        assert "Whole trip: no day of the timeline holds this agreement" in detail
        assert "Seattle Public Library" in detail and "[src-" in detail
        await press(pilot, "j")
        assert app.main.timeline.ref.startswith("quote:")


@async_test
async def test_a_search_for_an_undated_agreement_lands_on_its_row(db: Path) -> None:  # noqa: F811
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_search(pilot, *"도서관")
        await press(pilot, "enter")
        await settle(pilot)
        assert app.main.trip.id == "gumi-2017-americas"
        assert app.main.timeline.ref == "agreement:seattle-public-library-mou"


@async_test
async def test_korean_titles_wrap_under_their_column_too(db: Path) -> None:  # noqa: F811
    """The kind is two cells a letter in Korean (방문): the title still wraps whole, beneath
    itself, at 60x20."""
    app = TripdeskApp(db_path=db, language="ko")
    async with app.run_test(size=(60, 20)) as pilot:
        await open_trip(pilot, "daejeon-2025-us")
        trip = TRIPS["daejeon-2025-us"]
        for _day, event in trip.events():
            app.main.timeline.select(f"event:{event.id}")
            await settle(pilot)
            title = re.sub(r"\s+", " ", event.title.get("ko"))
            assert title in timeline_text(app), (event.id, title)
