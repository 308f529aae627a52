"""The `e` key: export the selected trip (the extension picks the format), asking before
replacing a file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from icalendar import Calendar
from textual.widgets import Checkbox, Input, Static

from tripdesk.export import render
from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.screens.export import ConfirmScreen, ExportScreen

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
async def test_the_brief_by_default_and_the_full_dossier_when_ticked(db: Path, tmp_path: Path) -> None:
    """Enter writes the one-page brief; Tab to the box, Space ticks it, and Enter writes the
    complete dossier, as `tripdesk export --full` does (here in Korean: no English heading)."""
    exports = tmp_path / "exports"
    app = TripdeskApp(db_path=db, language="ko", export_dir=exports)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "e")
        assert "전체 자료" in screen_text(app)  # the box, in Korean
        await press(pilot, "enter")
        await wait_for(pilot, lambda: app.screen is app.main)
        target = exports / "gumi-2024-us.md"
        brief = target.read_text(encoding="utf-8")
        assert brief == render(app.main.trip, "md", "ko")
        assert "## 일자별 일정" in brief and "## 일정" not in brief
        target.unlink()
        await press(pilot, "e", "tab", "space")
        assert app.screen.query_one("#export-full", Checkbox).value
        await press(pilot, "shift+tab", "enter")
        await wait_for(pilot, lambda: app.screen is app.main)
        full = target.read_text(encoding="utf-8")
        assert full == render(app.main.trip, "md", "ko", full=True)
        assert "## 일정" in full and "## 근거" in full


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


def record_notifications(app: TripdeskApp) -> list[str]:
    messages: list[str] = []
    notify = app.notify

    def recording(message: str, **kwargs):  # noqa: ANN202, ANN003
        messages.append(message)
        return notify(message, **kwargs)

    app.notify = recording  # type: ignore[method-assign]
    return messages


def status_text(app: TripdeskApp) -> str:
    return str(app.screen.query_one("#export-status", Static).render())


@async_test
async def test_the_extension_picks_the_format_and_the_notice_gives_the_absolute_path(
        db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = TripdeskApp(db_path=db, language="en", export_dir=tmp_path / "exports")
    notices = record_notifications(app)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "e")
        app.screen.query_one(Input).value = "calendar/gumi.ics"  # relative to the working folder
        await settle(pilot, 2)
        assert "Export as iCalendar" in screen_text(app)
        await press(pilot, "enter")
        await wait_for(pilot, lambda: app.screen is app.main)
    target = tmp_path / "calendar" / "gumi.ics"
    calendar = Calendar.from_ical(target.read_bytes())
    assert "tripdesk" in str(calendar["PRODID"]) and list(calendar.walk("VEVENT"))
    assert notices == [f"Exported gumi-2024-us to {target}"]


@async_test
async def test_json_and_an_existing_folder(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    app = TripdeskApp(db_path=db, language="en", export_dir=tmp_path / "exports")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "e")
        app.screen.query_one(Input).value = str(tmp_path / "trip.JSON")
        await press(pilot, "enter")
        await wait_for(pilot, lambda: app.screen is app.main)
        await press(pilot, "e")
        app.screen.query_one(Input).value = str(folder)  # a folder: <folder>/<trip-id>.md, as the CLI
        await press(pilot, "enter")
        await wait_for(pilot, lambda: app.screen is app.main)
    assert (tmp_path / "trip.JSON").read_text(encoding="utf-8").startswith("{")
    assert (folder / "gumi-2024-us.md").read_text(encoding="utf-8").startswith(TITLE)


@async_test
async def test_an_unknown_extension_is_refused_in_the_dialog(db: Path, tmp_path: Path) -> None:
    app = TripdeskApp(db_path=db, language="en", export_dir=tmp_path / "exports")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "e")
        for name in ("briefing.txt", "briefing"):
            app.screen.query_one(Input).value = str(tmp_path / "out" / name)
            await press(pilot, "enter")
            await settle(pilot, 2)
            assert isinstance(app.screen, ExportScreen)
            assert f"{name} has" in status_text(app) and ".md" in status_text(app) and ".ics" in status_text(app)
    assert not (tmp_path / "out").exists() and not (tmp_path / "exports").exists()


@async_test
async def test_a_trip_id_that_cannot_name_a_file_is_said_not_a_crash(db: Path, tmp_path: Path) -> None:
    app = TripdeskApp(db_path=db, language="en", export_dir=tmp_path / "exports")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_gumi_2024(pilot)
        assert app.main is not None and app.main.trip is not None
        hostile = dataclasses.replace(app.main.trip, id="../../evil")  # a damaged store
        app.push_screen(ExportScreen(hostile, "en", tmp_path / "exports"))
        await settle(pilot, 2)
        assert isinstance(app.screen, ExportScreen)
        assert "not a trip id that can name a file" in status_text(app)
        assert app.screen.query_one(Input).value == ""
        # A file name typed by hand still works.
        app.screen.query_one(Input).value = str(tmp_path / "by-hand.md")
        await press(pilot, "enter")
        await wait_for(pilot, lambda: app.screen is app.main)
    assert (tmp_path / "by-hand.md").read_text(encoding="utf-8").startswith(TITLE)


@async_test
async def test_in_a_browser_export_is_a_download_and_nothing_is_written(
        db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The desk served by `tripdesk serve` runs under Textual's web driver (tests/test_serve.py
    # drives that in Chromium); here the app is told it is on the web and its delivery is caught.
    from tripdesk.export import render

    monkeypatch.setattr(TripdeskApp, "is_web", property(lambda self: True))
    exports = tmp_path / "exports"
    app = TripdeskApp(db_path=db, language="en", export_dir=exports)
    delivered: list[tuple[str, dict]] = []
    monkeypatch.setattr(app, "deliver_text", lambda file, **kw: delivered.append((file.read(), kw)))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "e")
        box = app.screen.query_one(Input)
        assert box.value == "gumi-2024-us.md"  # a name only: the browser picks the folder
        assert "Your browser downloads" in screen_text(app)
        box.value = "구미 출장.md"
        await press(pilot, "enter")
        assert isinstance(app.screen, ExportScreen) and not delivered
        assert "only Latin letters, digits" in screen_text(app)
        box.value = "gumi.json"
        await press(pilot, "enter")
        await wait_for(pilot, lambda: app.screen is app.main)
        [(text, options)] = delivered
        assert text == render(app.main.trip, "json", "en")
        assert options["save_filename"] == "gumi.json" and options["mime_type"] == "application/json"
        assert "gumi.json (gumi-2024-us) is on its way" in screen_text(app)
    assert not exports.exists()
