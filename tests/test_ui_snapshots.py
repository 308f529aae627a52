"""Snapshot tests of the desk's main views (pytest-textual-snapshot).

The apps are built on a temporary store from data/trips, in English, with a fixed theme;
`run_before` drives them to the view and waits for every worker, so the screens are the
same on every run. Update after an intended change with `pytest --snapshot-update` and look
at the SVGs in tests/__snapshots__/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tripdesk.ui.app import TripdeskApp

from .test_ui_support import DATA, build_store, copy_store, open_gumi_2024, press, settle


@pytest.fixture(scope="module")
def snapshot_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("snapshot-store") / "trips.db", DATA)


@pytest.fixture
def app(snapshot_store: Path, tmp_path: Path) -> TripdeskApp:
    return TripdeskApp(db_path=copy_store(snapshot_store, tmp_path), language="en",
                       export_dir=tmp_path / "exports", theme="textual-dark")


async def to_huntsville_day(pilot) -> None:  # noqa: ANN001
    """Gumi → its 2024 trip → Day 4 (Huntsville), focus on the timeline."""
    await open_gumi_2024(pilot)
    await press(pilot, "enter")
    while pilot.app.main.timeline.ref != "day:2024-10-15":
        await press(pilot, "j")
    await settle(pilot)


def test_main_screen_120x40(snap_compare, app: TripdeskApp) -> None:  # noqa: ANN001
    assert snap_compare(app, terminal_size=(120, 40), run_before=to_huntsville_day)


def test_main_screen_80x24(snap_compare, app: TripdeskApp) -> None:  # noqa: ANN001
    assert snap_compare(app, terminal_size=(80, 24), run_before=to_huntsville_day)


def test_main_screen_40x12(snap_compare, app: TripdeskApp) -> None:  # noqa: ANN001
    assert snap_compare(app, terminal_size=(40, 12), run_before=to_huntsville_day)


def test_search_results(snap_compare, app: TripdeskApp) -> None:  # noqa: ANN001
    async def search(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await press(pilot, "slash")
        pilot.app.screen.query_one(Input).cursor_blink = False
        await pilot.press(*"Huntsville")
        await pilot.pause(0.3)
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=search)


def test_article_view(snap_compare, tmp_path: Path) -> None:  # noqa: ANN001
    """`v` on the Huntsville Chamber meeting: article 000, the meeting's excerpt highlighted."""
    from tripdesk.store.importer import import_paths
    from tripdesk.store import Store

    articles = Path(__file__).resolve().parents[2] / "shared" / "articles"
    assert articles.is_dir(), f"the source articles are missing: expected {articles}"
    with Store.open(tmp_path / "articles.db") as store:
        import_paths(store, [DATA], articles=[articles])
    app = TripdeskApp(db_path=tmp_path / "articles.db", language="en", theme="textual-dark")

    async def open_article(pilot) -> None:  # noqa: ANN001
        await to_huntsville_day(pilot)
        await press(pilot, "j", "v")
        assert pilot.app.main.timeline.ref == "event:huntsville-chamber-meeting"

    assert snap_compare(app, terminal_size=(120, 40), run_before=open_article)


def test_help(snap_compare, app: TripdeskApp) -> None:  # noqa: ANN001
    async def show_help(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await press(pilot, "question_mark")

    assert snap_compare(app, terminal_size=(120, 40), run_before=show_help)


# -- the screens across trips (issue 19) -----------------------------------------------------------


async def _ledger(pilot) -> None:  # noqa: ANN001
    await settle(pilot)
    await press(pilot, "a")
    pilot.app.screen.query_one(Input).cursor_blink = False
    await settle(pilot)


async def _gumi_city_page(pilot) -> None:  # noqa: ANN001
    await settle(pilot)
    await press(pilot, "o")
    pilot.app.screen.query_one(Input).cursor_blink = False
    await pilot.press(*"gumi city")
    await settle(pilot)
    await press(pilot, "enter")
    pilot.app.screen.query_one(Input).cursor_blink = False
    await settle(pilot)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_agreements_ledger(snap_compare, app: TripdeskApp, size: tuple[int, int]) -> None:  # noqa: ANN001
    assert snap_compare(app, terminal_size=size, run_before=_ledger)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_entity_page(snap_compare, app: TripdeskApp, size: tuple[int, int]) -> None:  # noqa: ANN001
    assert snap_compare(app, terminal_size=size, run_before=_gumi_city_page)


async def _overview(pilot) -> None:  # noqa: ANN001
    await settle(pilot)
    await press(pilot, "w")
    await settle(pilot)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_overview(snap_compare, app: TripdeskApp, size: tuple[int, int]) -> None:  # noqa: ANN001
    assert snap_compare(app, terminal_size=size, run_before=_overview)
