"""User data is literal: a trip full of markup, links and escape sequences shows as text.

tests/fixtures/hostile/hostile-text.yaml holds `[@click=app.quit]x[/]`, `[/]`,
`[link=file:///etc/passwd]z[/link]`, an ANSI colour code, an OSC 52 clipboard sequence, a
leading zero-width space and a 5,000-character quote. The importer strips the ESC and BEL
characters; everything else must reach the screen as the characters it is, and clicking it
must do nothing but move the cursor.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.detail_pane import DetailPane

from .test_ui_support import HOSTILE, async_test, build_store, press, screen_text, settle

CLICK = "[@click=app.quit]x[/]"
LINK = "[link=file:///etc/passwd]z[/link]"


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "hostile.db", HOSTILE)


async def open_hostile_trip(pilot) -> None:  # noqa: ANN001
    await settle(pilot)
    await press(pilot, "enter", "down", "enter")  # open the city, go to its trip, open it
    assert pilot.app.main.trip is not None and pilot.app.main.trip.id == "hostile-2024-text"


def no_control_characters(text: str) -> bool:
    return not any(ch in text for ch in ("\x1b", "\x07", "\x9b", "\x9d"))


@async_test
async def test_hostile_text_renders_literally_everywhere(hostile_db: Path) -> None:
    app = TripdeskApp(db_path=hostile_db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Hostile [b]City[/b]" in text  # the city pane
        await open_hostile_trip(pilot)
        text = screen_text(app)
        assert f"{CLICK} Hostile text visit" in text  # timeline and detail
        assert "[/]City, US" in text
        assert "Mallory [/]" in text or "Mayor [/]" in text
        # The trip's detail: ANSI and OSC 52 leftovers are plain characters.
        detail = app.query_one(DetailPane).text
        assert "[31mred[0m delegation" in detail
        assert "]52;c;SGVsbG8= clipboard" in detail
        assert LINK in detail and f"https://example.com/{CLICK}" in detail
        assert no_control_characters(detail)
        # The event: its title, description, organisation and the long quote.
        await press(pilot, "2")
        for _ in range(10):
            if app.main.timeline.ref == "event:click-event":
                break
            await press(pilot, "j")
        detail = app.query_one(DetailPane).text
        assert detail.startswith(f"{CLICK} meeting")
        assert f"[31mred[0m ]52;c;SGVsbG8= {LINK}" in detail
        assert f"{LINK} Org" in detail
        quote = app.main.trip.quotes[0].original.text
        assert len(quote) == 5000 and f"“{quote}”" in detail
        text = screen_text(app)
        assert f"{CLICK} meeting" in text and LINK in text
        assert no_control_characters(text)
        for line in text.splitlines():
            assert cell_len(line) <= 120  # nothing spills out, the long quote included
        # Korean, with the zero-width space at the start of names.
        await press(pilot, "L", "L")
        assert app.language == "ko"
        assert "\u200b말로리 [/]" in app.query_one(DetailPane).text
        assert "[@click=app.quit]x[/] 회의" in screen_text(app)


@async_test
async def test_clicking_hostile_text_does_nothing(hostile_db: Path) -> None:
    app = TripdeskApp(db_path=hostile_db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_hostile_trip(pilot)
        # Click on the characters of `[@click=app.quit]x[/]` and of the link, wherever they are.
        for selector, offsets in (("#timeline-list", [(0, 0), (5, 0), (18, 0), (20, 0)]),
                                  ("#detail-scroll", [(1, 0), (18, 0), (5, 8), (20, 9)]),
                                  ("#city-tree", [(6, 1), (20, 1), (5, 0)])):
            for offset in offsets:
                await pilot.click(selector, offset=offset)
                await settle(pilot)
                assert app.is_running and app.return_code is None
        # The event row and its detail.
        await press(pilot, "2")
        for _ in range(10):
            if app.main.timeline.ref == "event:click-event":
                break
            await press(pilot, "j")
        for offset in [(30, 0), (1, 0), (10, 0)]:
            await pilot.click("#detail-scroll", offset=offset)
            await settle(pilot)
            assert app.is_running
        assert app.screen is app.main
        text = screen_text(app)
        assert CLICK in text


@async_test
async def test_hostile_text_in_search_results_and_command_palette(hostile_db: Path) -> None:
    app = TripdeskApp(db_path=hostile_db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"meeting")
        await pilot.pause(0.3)
        await settle(pilot)
        text = screen_text(app)
        assert f"{CLICK} meeting" in text
        await pilot.click("#search-results", offset=(20, 0))
        await settle(pilot)
        assert app.is_running and app.screen is app.main
        assert app.main.timeline.ref == "event:click-event"
        # The palette shows the trip title literally too.
        await press(pilot, "ctrl+p")
        await pilot.press(*"Hostile")
        await pilot.pause(0.5)
        await settle(pilot)
        text = screen_text(app)
        assert f"Jump to trip: 2024 {CLICK} Hostile text visit (hostile-2024-text)" in text
        assert "Hostile [b]City[/b]" in text  # the hit's help line
        await press(pilot, "escape")
        assert app.is_running
