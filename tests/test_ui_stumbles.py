"""What a new user stumbled on (issue 18, item 6), each driven as that user met it: Esc at
60x20, the footer's hints at narrow widths, the palette's Screenshot without ~/Downloads."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripdesk.ui.app import TripdeskApp

from .test_ui import data_store, db  # noqa: F401 - the fixtures: a copy of the bundled store
from .test_ui_support import async_test, open_gumi_2024, press, screen_lines, settle


def shown_pane(app: TripdeskApp) -> str:
    main = app.main
    assert main is not None
    shown = [name for name, pane in (("city", main.cities), ("timeline", main.timeline),
                                     ("detail", main.detail)) if pane.display]
    assert len(shown) == 1, shown
    return shown[0]


@async_test
async def test_escape_walks_back_from_the_detail_at_60x20(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(60, 20)) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "enter")  # the trip → its timeline
        await press(pilot, "j", "enter")  # Day 1 → its detail
        assert shown_pane(app) == "detail"
        await press(pilot, "escape")
        assert shown_pane(app) == "timeline"
        assert app.main.current_pane() == "timeline"
        assert app.main.timeline.ref == "day:2024-10-12"  # where the user left it
        await press(pilot, "escape")
        assert shown_pane(app) == "city"
        await press(pilot, "escape")  # nothing before the cities: the desk stays
        assert shown_pane(app) == "city" and app.is_running


@async_test
async def test_escape_still_unzooms_first(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "enter", "enter", "z")
        assert app.main.maximized is not None
        await press(pilot, "escape")
        assert app.main.maximized is None and app.main.current_pane() == "detail"


@pytest.mark.parametrize("size", [(60, 20), (40, 12)])
@async_test
async def test_a_narrow_footer_names_the_palette_for_the_keys_left_out(db: Path, size) -> None:  # noqa: ANN001
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=size) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "enter")
        footer = screen_lines(app)[-1]
        assert "L Lang" not in footer and "e Export" not in footer
        assert "^p More" in footer and "? Keys" in footer
        await press(pilot, "ctrl+p")  # and the palette has what was left out
        await pilot.press(*"Export")
        await pilot.pause(0.5)
        await settle(pilot)
        assert any("Export this trip" in line for line in screen_lines(app))


@async_test
async def test_the_wide_footer_has_every_key_and_no_more_hint(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        footer = screen_lines(app)[-1]
        assert "L Lang" in footer and "e Export" in footer and "More" not in footer


@async_test
async def test_the_palette_screenshot_goes_to_a_folder_that_exists(
        db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    started_in = tmp_path / "work"
    started_in.mkdir()
    monkeypatch.setenv("HOME", str(home))  # a fresh account: no ~/Downloads
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.chdir(started_in)
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        await pilot.press(*"Screenshot")
        await pilot.pause(0.5)
        await settle(pilot)
        await press(pilot, "enter")
        for _ in range(40):
            if list(started_in.glob("*.svg")):
                break
            await pilot.pause(0.05)
        await pilot.pause(0.2)
        await settle(pilot)
        saved = list(started_in.glob("*.svg"))
        assert len(saved) == 1 and saved[0].read_text(encoding="utf-8").startswith("<svg")
        messages = [str(n.message) for n in app._notifications]
        assert any(f"Saved to {saved[0]}" in m for m in messages), messages
        assert not (home / "Downloads").exists()
