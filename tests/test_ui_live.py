"""A live desk (issue 18, item 4): another process imports into the store while the desk is
open, and the desk shows it within two seconds, keeping the cursor where it was; `r` reads the
store again on demand."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tripdesk.ui.app import TripdeskApp

from .conftest import FIXTURES
from .test_ui_support import DATA, async_test, build_store, open_gumi_2024, press, screen_text, settle

SAMPLE = FIXTURES / "valid" / "sample-trip.yaml"


def import_elsewhere(db: Path, *paths: Path) -> None:
    """`tripdesk import` in another process, as a user would run it in another terminal."""
    done = subprocess.run([sys.executable, "-m", "tripdesk", "import", *map(str, paths), "--db", str(db)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


async def wait_for(pilot, condition, seconds: float = 2.0) -> float:  # noqa: ANN001
    """Let the desk run (its timers too) until `condition()` holds; the seconds it took."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        await pilot.pause(0.1)
        await settle(pilot, rounds=1)
        if condition():
            return time.monotonic() - started
    raise AssertionError(f"not seen within {seconds} s:\n" + screen_text(pilot.app))


@pytest.fixture
def live_db(tmp_path: Path) -> Path:
    trips = tmp_path / "trips"
    trips.mkdir()
    for name in ("gumi-2013-san-diego.yaml", "gumi-2024-us.yaml"):
        shutil.copy(DATA / name, trips / name)
    return build_store(tmp_path / "live.db", trips)


@async_test
async def test_a_trip_imported_by_another_process_shows_within_two_seconds(live_db: Path, tmp_path: Path) -> None:
    app = TripdeskApp(db_path=live_db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "enter")  # the trip's timeline
        await press(pilot, "n", "n", "n", "n")
        ref = app.main.timeline.ref
        assert ref == "day:2024-10-15"
        assert "2 trips · 1 city" in screen_text(app)
        import_elsewhere(live_db, SAMPLE)  # a trip of another city
        took = await wait_for(pilot, lambda: "3 trips · 2 cities" in screen_text(app))
        assert took < 2.0
        await settle(pilot)
        text = screen_text(app)
        assert "Sample City" in text or "샘플시" in text  # the new city in the list
        assert app.main.trip.id == "gumi-2024-us" and app.main.timeline.ref == ref  # cursor kept
        node = app.main.cities.tree.cursor_node
        assert node is not None and node.data.key == "gumi-2024-us"  # the city cursor too


@async_test
async def test_an_import_before_the_first_poll_is_seen(live_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An import made before the desk's first look at the store's version (its first poll
    runs a second after launch) is a change too: that poll used to take the new version as
    its starting point, and the desk went on saying '2 trips'. The poll is run by hand here,
    after the import, so that it is the first whatever the machine's speed."""
    from tripdesk.store.importer import import_paths
    from tripdesk.store import Store
    from tripdesk.ui.screens import main

    monkeypatch.setattr(main, "STORE_POLL_SECONDS", 3600.0)
    app = TripdeskApp(db_path=live_db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "2 trips · 1 city" in screen_text(app), 5)
        with Store.open(live_db) as store:  # another connection, as another process's
            import_paths(store, [SAMPLE])
        assert app.main._store_version is None  # no poll yet
        app.main.watch_store()
        await wait_for(pilot, lambda: "3 trips · 2 cities" in screen_text(app), 3)


@async_test
async def test_the_open_trip_is_read_again_when_its_file_is_imported_changed(
        live_db: Path, tmp_path: Path) -> None:
    changed = tmp_path / "changed"
    changed.mkdir()
    app = TripdeskApp(db_path=live_db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "enter", "n", "n", "n", "n")
        source = tmp_path / "trips" / "gumi-2024-us.yaml"
        text = source.read_text(encoding="utf-8")
        assert "Meeting with the Huntsville Chamber of Commerce" in text
        source.write_text(text.replace("Meeting with the Huntsville Chamber of Commerce",
                                       "Talks at the Huntsville Chamber of Commerce"), encoding="utf-8")
        import_elsewhere(live_db, tmp_path / "trips")
        await wait_for(pilot, lambda: "Talks at the Huntsville" in app.main.detail.text)
        assert app.main.timeline.ref == "day:2024-10-15"  # the cursor stayed on its day
        assert any("Talks at the Huntsville" in row.prompt.plain for row in app.main.timeline.list.options)


@async_test
async def test_r_reads_the_store_again(live_db: Path) -> None:
    app = TripdeskApp(db_path=live_db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.store_watch.pause()  # `r` alone, not the poll, reads the store again
        import_elsewhere(live_db, SAMPLE)
        await pilot.pause(1.5)
        assert "2 trips · 1 city" in screen_text(app)
        await press(pilot, "r")
        await settle(pilot)
        assert "3 trips · 2 cities" in screen_text(app)


def city_pane_text(app: TripdeskApp) -> str:
    """What the city pane shows (the screen's first 34 columns at 120x40)."""
    return "\n".join(line[:34] for line in screen_text(app).splitlines())


@async_test
async def test_a_kept_destinations_list_is_read_again_after_an_import(live_db: Path) -> None:
    """`d` keeps each list while the other is shown (docs/performance.md): an import while
    the home cities are shown must not leave the kept destinations as they were."""
    app = TripdeskApp(db_path=live_db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = app.main.cities
        await press(pilot, "d")
        text = city_pane_text(app)
        assert pane.mode == "dest" and "Huntsville" in text and "Seattle" not in text
        await press(pilot, "d")  # home cities; the destinations are kept
        assert pane.mode == "home" and "dest" in pane._kept
        # (the desk's first look at the store's version, which an import is told from)
        await wait_for(pilot, lambda: app.main._store_version is not None, 5)
        import_elsewhere(live_db, SAMPLE)  # a trip to Seattle, WA
        await wait_for(pilot, lambda: "3 trips · 2 cities" in screen_text(app), 10)
        await settle(pilot)
        await press(pilot, "d")
        text = city_pane_text(app)
        assert pane.mode == "dest" and "Seattle" in text and "Huntsville" in text, text
        assert any(node.data.key.endswith("/seattle") for node in pane._group_nodes())


@async_test
async def test_a_kept_home_list_is_read_again_after_an_import(live_db: Path) -> None:
    app = TripdeskApp(db_path=live_db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = app.main.cities
        assert "Sample City" not in city_pane_text(app)
        await press(pilot, "d")  # destinations; the home cities are kept
        assert "home" in pane._kept
        await wait_for(pilot, lambda: app.main._store_version is not None, 5)
        import_elsewhere(live_db, SAMPLE)
        await wait_for(pilot, lambda: "Seattle" in city_pane_text(app), 10)  # the list shown is read again
        await settle(pilot)
        await press(pilot, "d")
        assert pane.mode == "home" and "Sample City" in city_pane_text(app)
        assert [node.data.key for node in pane._group_nodes()] == ["gumi", "samplecity"]


@async_test
async def test_d_d_puts_the_kept_list_back_as_it_was_left(live_db: Path) -> None:
    """What was open in a list stays open after `d` `d`, and the cursor where it was."""
    app = TripdeskApp(db_path=live_db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = app.main.cities
        await press(pilot, "d")
        tree = pane.tree
        california = next(n for n in pane.tree.root.children[0].children if n.data.key == "US/CA")
        tree.move_cursor(california)
        await press(pilot, "enter")  # folds California
        assert not california.is_expanded and "Irvine" not in city_pane_text(app)
        await press(pilot, "d", "d")
        assert pane.mode == "dest" and tree.root.children[0].children[0] is not None
        california = next(n for n in tree.root.children[0].children if n.data.key == "US/CA")
        assert not california.is_expanded and tree.cursor_node is california
        text = city_pane_text(app)
        assert "California" in text and "Irvine" not in text
        await press(pilot, "enter")  # and it opens as before
        assert "Irvine" in city_pane_text(app)


@async_test
async def test_a_trip_removed_from_the_store_leaves_neither_its_timeline_nor_its_detail(live_db: Path) -> None:
    """The trip shown is gone (an import --rebuild elsewhere left it out): the timeline says so,
    and the detail beside it no longer shows the gone trip's day (it did, as if it were there)."""
    app = TripdeskApp(db_path=live_db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "enter", "n", "n", "n", "n")
        assert "Huntsville Chamber of Commerce" in app.main.detail.text
        done = subprocess.run([sys.executable, "-m", "tripdesk", "import", "--rebuild", "--db", str(live_db),
                               str(DATA / "gumi-2013-san-diego.yaml")], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        await wait_for(pilot, lambda: "The trip gumi-2024-us is no longer in" in screen_text(app), 5)
        await settle(pilot)
        text = screen_text(app)
        assert "Huntsville Chamber" not in app.main.detail.text and "Huntsville Chamber" not in text, text
        assert "Details of the selected trip, day or event appear here." in app.main.detail.text


@async_test
async def test_reading_the_store_again_does_not_keep_every_earlier_read_alive(
        live_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Frozen objects (`data.freeze_loaded`) are never collected, and each `r` replaces the city
    list, trips and drawn lines, reference cycles all: without a release, a desk left open while
    others import grew without end. With the threshold of growth set to three reloads' worth,
    a dozen reloads leave at most that much more frozen (plus the reload in hand), not twelve
    reloads' worth."""
    import gc

    from tripdesk.ui import data

    app = TripdeskApp(db_path=live_db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "r")
        await settle(pilot)
        before = gc.get_freeze_count()
        for _ in range(3):
            await press(pilot, "r")
            await settle(pilot)
        one = max((gc.get_freeze_count() - before) // 3, 500)  # what a reload adds to the frozen
        monkeypatch.setattr(data, "RELEASE_GROWTH", 0.0)
        monkeypatch.setattr(data, "RELEASE_AT_LEAST", 3 * one)
        monkeypatch.setattr(data, "_frozen_base", gc.get_freeze_count())
        start = gc.get_freeze_count()
        for _ in range(12):
            await press(pilot, "r")
            await settle(pilot)
        grown = gc.get_freeze_count() - start
        assert grown <= 5 * one, (one, grown)
        assert "Gumi" in screen_text(app)  # and the desk still shows the store
