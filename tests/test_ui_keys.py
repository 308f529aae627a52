"""Pilot tests of the desk's keys, footer, help, header and command palette.

Real sessions on a store built from data/trips (the fixtures of test_ui), checked on what the
screen shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual import events
from textual.command import CommandPalette

from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.commands import DeskPalette
from tripdesk.ui.screens.export import ExportScreen
from tripdesk.ui.screens.help import HelpScreen
from tripdesk.ui.screens.search import SearchScreen

from .test_ui import data_store, db, main, make_app, open_gumi_2024  # noqa: F401 - fixtures
from .test_ui_support import async_test, press, screen_lines, screen_text, settle

KEY_CHARACTERS = {"slash": "/", "question_mark": "?"}


async def press_at_once(pilot, *keys: str) -> None:  # noqa: ANN001
    """Keys arriving in one read from the terminal (`tmux send-keys -l 'q/'`): all of them
    are queued before the first is handled, unlike `pilot.press`, which lets each key's work
    finish (so a key after `q` would reach an app that has already closed)."""
    app = pilot.app
    for key in keys:
        event = events.Key(key, KEY_CHARACTERS.get(key, key if len(key) == 1 else None))
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause()


# -- 1: a dialog key right after q --------------------------------------------------------------


@pytest.mark.parametrize("key", ["slash", "question_mark", "e", "ctrl+p"])
@async_test
async def test_a_dialog_key_right_after_q_quits_cleanly(db: Path, key: str) -> None:
    """`q/`, `q?`, `qe` or q and ctrl+p typed fast: the app quits, and no dialog is half mounted while it
    closes (a NoMatches traceback; `run_test` re-raises any error of the app)."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)  # a trip in the timeline: `e` would open the export
        assert main(app).trip is not None
        await press_at_once(pilot, "q", key)
        await pilot.pause()
    assert app.return_code == 0
    assert not any(isinstance(s, (SearchScreen, HelpScreen, ExportScreen, CommandPalette))
                   for s in app.screen_stack)


# -- 2: the help's columns, by cell width -------------------------------------------------------


def _help_ids(app: TripdeskApp) -> list[str]:
    return [b.id for _title, bindings in app.binding_sections() for b in bindings if b.id]


async def _help_screen_words(pilot) -> tuple[set[str], list[str]]:  # noqa: ANN001
    """The words the help shows on screen, paging to its end; and every line seen."""
    app = pilot.app
    scroll = app.screen.query_one("#help-scroll")
    words: set[str] = set()
    lines: list[str] = []
    for _ in range(200):
        shown = screen_lines(app)
        lines.extend(shown)
        for line in shown:
            words.update(line.replace("│", " ").split())
        if scroll.scroll_y >= scroll.max_scroll_y:
            break
        await pilot.press("pagedown")
        await pilot.pause()
    return words, lines


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (40, 12)])
@async_test
async def test_help_columns_are_apart_and_fit_the_width(db: Path, size: tuple[int, int]) -> None:
    """Every binding id is a word of its own (the description never runs into it, as in
    "export, themeapp.commands"), and no line is wider than the help, Korean counting two."""
    app = make_app(db)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        width = body.content_region.width
        lines = app.screen.content.plain.splitlines()
        assert lines and max(cell_len(line) for line in lines) <= width
        words = set(app.screen.content.plain.split())
        ids = _help_ids(app)
        assert len(ids) > 60
        for binding_id in ids:
            assert binding_id in words, binding_id
        # What the terminal shows, page by page: the ids stand alone there too.
        shown, screen = await _help_screen_words(pilot)
        for binding_id in ids:
            assert binding_id in shown, binding_id
        assert all(cell_len(line) <= size[0] for line in screen)
        assert any("Language: 한국어 →" in line for line in screen)  # Korean, whole


# -- 5: every key that works has an id, and the help lists it -----------------------------------


@async_test
async def test_every_key_in_the_dialogs_has_an_id_listed_in_the_help(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        active: dict[str, str] = {}

        def collect(where: str) -> None:
            for key, (_node, binding, _enabled, _tooltip) in app.screen.active_bindings.items():
                assert binding.id, f"{where}: {key} -> {binding.action} has no id"
                active[binding.id] = f"{where}: {key} -> {binding.action}"

        await press(pilot, "slash")
        assert isinstance(app.screen, SearchScreen)
        collect("search box")
        await pilot.press(*"Gumi")
        await pilot.pause(0.3)
        await settle(pilot)
        await press(pilot, "down")
        assert app.focused is app.screen.results
        collect("search results")
        await press(pilot, "escape")
        app.jump_to_trip("gumi-2024-us")
        await settle(pilot)
        await press(pilot, "e")
        assert isinstance(app.screen, ExportScreen)
        collect("export dialog")
        await press(pilot, "escape", "ctrl+p")
        assert isinstance(app.screen, DeskPalette)
        collect("command palette")
        await press(pilot, "escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        collect("help")
        words = set(app.screen.content.plain.split())
        for binding_id, where in active.items():
            assert binding_id in words, f"{where} ({binding_id}) is not in the help"


# -- 3: a dialog's footer shows the dialog's keys -----------------------------------------------


@async_test
async def test_a_dialog_shows_its_own_keys_in_the_footer(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        footer = screen_lines(app)[-1]
        assert "/ Search" in footer and "e Export" in footer
        await press(pilot, "slash")
        assert isinstance(app.screen, SearchScreen)
        footer = screen_lines(app)[-1]
        assert "esc Close" in footer and "⏎ Open" in footer and "↓ Results" in footer
        assert "Export" not in footer and "Search" not in footer and "Quit" not in footer
        await press(pilot, "escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        footer = screen_lines(app)[-1]
        assert "esc Close" in footer and "Export" not in footer and "Keys" not in footer
        await press(pilot, "escape", "e")
        assert isinstance(app.screen, ExportScreen)
        footer = screen_lines(app)[-1]
        assert "esc Cancel" in footer and "Export" not in footer and "Search" not in footer
        await press(pilot, "escape")
        assert app.screen is main(app)
        footer = screen_lines(app)[-1]
        assert "/ Search" in footer and "e Export" in footer


# -- 7: ? and q stay in the footer however narrow -----------------------------------------------


@async_test
async def test_the_footer_keeps_help_and_quit_at_40_columns(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        footer = screen_lines(app)[-1]
        assert "? Keys" in footer and "q Quit" in footer, footer
        assert "⏎ Open" in footer and "…" not in footer  # whole keys, the less important left out
        assert cell_len(footer) <= 40
        await open_gumi_2024(pilot)  # the timeline has the focus: other keys
        footer = screen_lines(app)[-1]
        assert "? Keys" in footer and "q Quit" in footer and "⏎ Details" in footer, footer
        # The keys left are where the clicks go.
        await pilot.click("#footer", offset=(footer.index("? Keys") + 1, 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert "esc Close" in screen_lines(app)[-1]


# -- 4: the language notification stays whole ---------------------------------------------------


# Widths at which the toast's Korean straddled a pane's edge beneath it, and was blanked
# before overlay_cuts ("언어: 한  ", "Language:   국어+English").
@pytest.mark.parametrize("width", [120, 130, 131, 135, 139])
@async_test
async def test_the_language_notification_and_header_are_whole(db: Path, width: int) -> None:
    """The toast, in the new language's words, sits over the panes' edges: every letter of it
    is on screen."""
    app = make_app(db, language="en")
    async with app.run_test(size=(width, 40), notifications=True) as pilot:
        await settle(pilot)
        for language, header in (("both", "한국어+English"), ("ko", "한국어"), ("en", "English")):
            await press(pilot, "L")
            await pilot.pause(0.1)
            assert app.language == language
            lines = screen_lines(app)
            message = list(app._notifications)[-1].message
            assert message == app.words("Language: {language}").format(language=header)
            toast = [line for line in lines if "Language:" in line or "언어:" in line]
            assert toast and message in toast[-1], (message, toast)  # every letter on screen
            assert f"│  {header}" in lines[0], lines[0]
        assert message == "Language: English"


# -- 8: the command palette lists the trips before anything is typed ---------------------------


def _palette_options(app: TripdeskApp) -> list[str]:
    from textual.command import CommandList

    commands = app.screen.query_one(CommandList)
    return [commands.get_option_at_index(i).prompt.plain.split("\n")[0]
            for i in range(commands.option_count)]


@async_test
async def test_the_command_palette_lists_the_trips_before_typing(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        await pilot.pause(0.5)
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        options = _palette_options(app)
        trips = [o for o in options if o.startswith("Jump to trip: ")]
        assert len(trips) == 4, options
        assert trips[0].startswith("Jump to trip: 2025 ")  # the newest first
        assert "Search everything" in options
        # Down to the 2013 trip, and Enter opens it.
        target = next(i for i, o in enumerate(options) if "(gumi-2013-san-diego)" in o)
        for _ in range(target):
            await pilot.press("down")
        await press(pilot, "enter")
        await settle(pilot)
        assert app.screen is main(app)
        assert main(app).trip is not None and main(app).trip.id == "gumi-2013-san-diego"


@async_test
async def test_the_command_palette_says_how_to_find_the_trips_it_does_not_list(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tripdesk.ui import commands

    monkeypatch.setattr(commands, "MAX_DISCOVERED_TRIPS", 3)
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        await pilot.pause(0.5)
        await settle(pilot)
        options = _palette_options(app)
        assert len([o for o in options if o.startswith("Jump to trip: ")]) == 3
        more = options.index("Jump to trip… (1 more trip: type a year, title or id)")
        palette = app.screen
        for _ in range(more):  # choosing it opens the palette again, to type in
            await pilot.press("down")
        await press(pilot, "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette) and app.screen is not palette


# -- 9: narrow screens: the search example and the header fit ----------------------------------


@pytest.mark.parametrize("size", [(40, 12), (30, 10), (80, 24)])
@async_test
async def test_the_search_example_fits_its_box(db: Path, size: tuple[int, int]) -> None:
    app = make_app(db)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        search = app.screen.query_one("#search-input")
        example = search.placeholder
        assert example.startswith("e.g. Blizzard")
        assert cell_len(example) <= search.content_region.width
        # Shown whole (a longer one was wrapped by the input and cut without an ellipsis).
        assert any(example in line for line in screen_lines(app)), example
        if size[0] >= 80:
            assert example == "e.g. Blizzard, 협약, Seattle"


@pytest.mark.parametrize("width", [30, 40, 60])
@pytest.mark.parametrize("language", ["en", "both"])
@async_test
async def test_a_narrow_header_keeps_the_language(db: Path, width: int, language: str) -> None:
    app = make_app(db, language=language)
    async with app.run_test(size=(width, 12)) as pilot:
        await settle(pilot)
        header = screen_lines(app)[0]
        assert cell_len(header) <= width
        assert ("한국어+English" if language == "both" else "English") in header, header
        assert "…" not in header  # parts are left out whole
        assert header.startswith(" tripdesk ") and "│" in header, header
        if width >= 40:
            assert "4 trips" in header, header
