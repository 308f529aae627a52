"""User data is literal: a trip full of markup, links and escape sequences shows as text.

tests/fixtures/hostile/hostile-text.yaml holds `[@click=app.quit]x[/]`, `[/]`,
`[link=file:///etc/passwd]z[/link]`, an ANSI colour code, an OSC 52 clipboard sequence, a
leading zero-width space, a 5,000-character quote and a 5,000-character agreement scope, in
titles, names, a description, day notes, an agreement and a quote's context. The importer
strips the ESC and BEL characters; everything else must reach the screen as the characters
it is, and clicking it must do nothing but move the cursor.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.panes.detail import DetailPane

from .test_ui_support import HOSTILE, async_test, build_store, press, screen_text, settle, type_search

CLICK = "[@click=app.quit]x[/]"
LINK = "[link=file:///etc/passwd]z[/link]"
ZWSP = "\u200b"
ANSI_LEFT = "[31mred[0m"  # `ESC[31mred ESC[0m` without its ESCs
OSC_LEFT = "]52;c;SGVsbG8="  # `ESC]52;c;SGVsbG8= BEL` without its ESC and BEL


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
        assert f"led by: {ZWSP}Mallory [/], Mayor [/]" in text  # the detail, name and role
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
        await type_search(pilot, "slash", *"meeting")
        text = screen_text(app)
        assert f"{CLICK} meeting" in text
        await pilot.click("#search-results", offset=(20, 0))
        await settle(pilot)
        assert app.is_running and app.screen is app.main
        assert app.main.timeline.ref == "event:click-event"
        # The text a hit was found in (here the event's description) is literal too.
        await type_search(pilot, "slash", *"passwd")
        text = screen_text(app)
        assert f"{CLICK} meeting" in text and "[link=file:///etc/passwd]z[/link]" in text
        await press(pilot, "escape")
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


async def detail_at(pilot, ref: str) -> str:  # noqa: ANN001
    """Move the timeline to `ref` with j (from the trip line) and return the detail's text."""
    app = pilot.app
    await press(pilot, "2", "g")
    for _ in range(10):
        if app.main.timeline.ref == ref:
            break
        await press(pilot, "j")
    assert app.main.timeline.ref == ref
    return app.query_one(DetailPane).text


@async_test
async def test_hostile_agreement_quote_context_and_day_notes_render_literally(hostile_db: Path) -> None:
    app = TripdeskApp(db_path=hostile_db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_hostile_trip(pilot)
        trip = app.main.trip
        scope = trip.agreements[0].scope.en
        assert len(scope) == 5000 and scope.endswith("[END]")
        title = f"• {ZWSP}{CLICK} agreement [/]"
        parties = f"parties: {LINK} Org, {ZWSP}[/] Org {CLICK}"
        signatories = f"signatories: {ZWSP}Mallory [/]"
        context = (f"context: {ZWSP}{LINK} {ANSI_LEFT} {OSC_LEFT} {CLICK} [/] context "
                   "(translation: editors)")
        notes = f"notes: {ZWSP}{ANSI_LEFT} {OSC_LEFT} {LINK} {CLICK} [/] notes (translation: editors)"
        # The trip's detail lists the agreement and the quote with its context.
        detail = app.query_one(DetailPane).text
        for expected in (title, parties, signatories, f"scope: {scope}", context):
            assert expected in detail, expected
        assert no_control_characters(detail)
        # The day: its notes, the agreement signed at its event and the quote.
        detail = await detail_at(pilot, "day:2024-05-02")
        for expected in (notes, title, parties, signatories, f"scope: {scope}", context):
            assert expected in detail, expected
        assert no_control_characters(detail)
        # On screen too: the notes, and the agreement once scrolled to.
        text = screen_text(app)
        assert f"notes: {ZWSP}{ANSI_LEFT} {OSC_LEFT}" in text
        assert no_control_characters(text)
        app.main.detail.view.scroll_to_anchor("agreement:hostile-mou")
        await settle(pilot)
        text = screen_text(app)
        # (wrapped to the pane: the first line of the agreement is at the top of the view)
        top = text.splitlines()[2]
        assert f"• {ZWSP}{CLICK} agreement" in top
        assert f"signatories: {ZWSP}Mallory [/]" in text
        assert f"scope: [/] {CLICK}" in text and "[link=file:///etc/passwd]z[/link" in text
        assert no_control_characters(text)
        for line in text.splitlines():
            assert cell_len(line) <= 120  # the 5,000-character scope is wrapped inside its pane
        # The event's detail has the agreement and the quote's context too.
        detail = await detail_at(pilot, "event:click-event")
        for expected in (title, parties, signatories, f"scope: {scope}", context):
            assert expected in detail, expected
        # Korean: the same strings, literal.
        await press(pilot, "L", "L")
        assert app.language == "ko"
        detail = app.query_one(DetailPane).text
        assert f"• {ZWSP}{CLICK} 협약 [/]" in detail
        assert f"{ZWSP}{LINK} [31m빨강[0m {OSC_LEFT} {CLICK} [/] 맥락" in detail


@async_test
async def test_clicking_the_hostile_agreement_and_notes_does_nothing(hostile_db: Path) -> None:
    app = TripdeskApp(db_path=hostile_db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_hostile_trip(pilot)
        screen = app.main
        await detail_at(pilot, "day:2024-05-02")
        view = screen.detail.view
        for anchor in (None, "agreement:hostile-mou", "quote:long-quote"):
            if anchor is not None:
                view.scroll_to_anchor(anchor)
                await settle(pilot)
            text = screen_text(app)
            assert CLICK in text or LINK in text
            for offset in [(1, 0), (3, 0), (6, 0), (12, 0), (20, 1), (8, 2), (14, 3), (30, 4), (10, 5)]:
                await pilot.click("#detail-scroll", offset=offset)
                await settle(pilot)
                assert app.is_running and app.return_code is None
                assert app.screen is screen
        assert screen.trip is not None and screen.trip.id == "hostile-2024-text"
