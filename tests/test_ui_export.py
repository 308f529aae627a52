"""The `e` key: export the selected trip as Markdown, asking before replacing a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.export_screen import ConfirmScreen, ExportScreen

from .test_ui import open_gumi_2024
from .test_ui_support import DATA, async_test, build_store, copy_store, press, screen_text, settle

TITLE = "# Gumi City delegation visit to the United States"


@pytest.fixture(scope="module")
def export_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("export-store") / "trips.db", DATA)


@pytest.fixture
def db(export_store: Path, tmp_path: Path) -> Path:
    return copy_store(export_store, tmp_path)


async def wait_for(pilot, condition, rounds: int = 40) -> None:  # noqa: ANN001
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.05)
        await settle(pilot, 1)
    raise AssertionError("condition never became true")


@async_test
async def test_export_writes_markdown_and_says_where(db: Path, tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    app = TripdeskApp(db_path=db, language="en", export_dir=exports)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "e")
        assert isinstance(app.screen, ExportScreen)
        target = exports / "gumi-2024-us.md"
        assert app.screen.query_one(Input).value == str(target)
        assert "Export as Markdown" in screen_text(app)
        await press(pilot, "enter")
        await wait_for(pilot, lambda: app.screen is app.main)
        assert target.exists()
        assert target.read_text(encoding="utf-8").startswith(TITLE)
        text = screen_text(app)
        assert "Exported gumi-2024-us to" in text and "gumi-2024-us.md" in text


@async_test
async def test_export_asks_before_replacing_a_file(db: Path, tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    target = exports / "gumi-2024-us.md"
    target.write_text("old\n", encoding="utf-8")
    app = TripdeskApp(db_path=db, language="en", export_dir=exports)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "e", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "already exists" in screen_text(app)
        # n keeps the file and goes back to the file name.
        await press(pilot, "n")
        assert isinstance(app.screen, ExportScreen)
        assert target.read_text(encoding="utf-8") == "old\n"
        assert "Not replaced" in screen_text(app)
        # Enter again, then y replaces it.
        await press(pilot, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await press(pilot, "y")
        await wait_for(pilot, lambda: app.screen is app.main)
        assert target.read_text(encoding="utf-8").startswith(TITLE)


@async_test
async def test_export_to_another_name_and_cancel(db: Path, tmp_path: Path) -> None:
    app = TripdeskApp(db_path=db, language="ko", export_dir=tmp_path / "exports")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "e")
        field = app.screen.query_one(Input)
        other = tmp_path / "elsewhere" / "briefing.md"
        field.value = str(other)
        await press(pilot, "enter")
        await wait_for(pilot, lambda: app.screen is app.main)
        assert other.read_text(encoding="utf-8").startswith("# 구미시 대표단 미국 방문")
        # Esc cancels without writing.
        await press(pilot, "e", "escape")
        assert app.screen is app.main
        assert not (tmp_path / "exports").exists()


@async_test
async def test_export_without_a_trip_says_what_to_do(db: Path, tmp_path: Path) -> None:
    app = TripdeskApp(db_path=db, language="en", export_dir=tmp_path / "exports")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "e")
        assert app.screen is app.main
        assert "Choose a trip first" in screen_text(app)
