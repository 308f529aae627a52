"""Pilot tests of the desk: real sessions driven by keys, checked on what the screen shows.

Every test runs on its own store built from data/trips in a temporary folder, with the
language given explicitly (never the locale's).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tripdesk.store.queries import SearchHit
from tripdesk.text import Text
from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.panes.city import CityPane
from tripdesk.ui.panes.detail import DetailPane
from tripdesk.ui.screens.help import HelpScreen
from tripdesk.ui.screens.main import MainScreen
from tripdesk.ui.screens.search import SearchScreen, hit_prompt

from .test_ui_support import (DATA, async_test, build_store, copy_store, press, press_at_once, screen_text,
                              settle, type_search)
from .test_ui_support import open_gumi_2024 as cursor_on_gumi_2024


@pytest.fixture(scope="session")
def data_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store built from data/trips for the session; tests get copies."""
    return build_store(tmp_path_factory.mktemp("ui-store") / "trips.db", DATA)


@pytest.fixture
def db(data_store: Path, tmp_path: Path) -> Path:
    return copy_store(data_store, tmp_path)


def make_app(db: Path, language: str = "en", **kwargs) -> TripdeskApp:  # noqa: ANN003
    return TripdeskApp(db_path=db, language=language, **kwargs)


def main(app: TripdeskApp) -> MainScreen:
    assert app.main is not None
    return app.main


async def move_timeline_to(pilot, ref: str, limit: int = 60) -> None:  # noqa: ANN001
    """Press j until the timeline's cursor is on `ref` (a user scanning down the days)."""
    timeline = pilot.app.main.timeline
    for _ in range(limit):
        if timeline.ref == ref:
            return
        await press(pilot, "j")
    raise AssertionError(f"never reached {ref}; at {timeline.ref}")


async def move_cities_to(pilot, predicate, limit: int = 60) -> None:  # noqa: ANN001
    tree = pilot.app.main.cities.tree
    for _ in range(limit):
        node = tree.cursor_node
        if node is not None and node.data is not None and predicate(node.data):
            return
        await press(pilot, "down")
    raise AssertionError("never found the node")


async def open_gumi_2024(pilot) -> None:  # noqa: ANN001
    """Gumi → Enter (opens its trips) → its last trip (2024) → Enter (opens the trip)."""
    await cursor_on_gumi_2024(pilot)
    await press(pilot, "enter")


# -- the main flow ------------------------------------------------------------------------------


@async_test
async def test_first_frame_shows_header_and_cities(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "tripdesk" in text
        assert "4 trips · 2 cities · 2013-2025" in text
        assert "Gumi" in text and "Daejeon" in text
        assert "Home cities" in text
        assert "Choose a trip" in text  # the empty timeline says what to do


@async_test
async def test_open_gumi_2024_huntsville_day_shows_chamber(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        screen = main(app)
        assert screen.trip is not None and screen.trip.id == "gumi-2024-us"
        assert screen.focused is screen.timeline.list  # Enter on a trip opens the timeline
        text = screen_text(app)
        assert "Gumi City delegation visit to the Unite" in text
        assert "Day 4 Tue *2024-10-15" in text
        await move_timeline_to(pilot, "day:2024-10-15")
        text = screen_text(app)
        assert "Huntsville, AL, US" in text
        assert "Huntsville Chamber of Commerce" in text
        detail = app.query_one(DetailPane).text
        assert detail.startswith("Day 4 Tue *2024-10-15")
        assert "Meeting with the Huntsville Chamber of Commerce" in detail
        assert "Break News Gumi" in detail  # the source of the facts


@async_test
async def test_every_calendar_day_is_listed_and_empty_days_say_so(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        text = screen_text(app)
        for day, date in enumerate(["10-12", "10-13", "10-14", "10-15", "10-16", "10-17"], 1):
            assert f"Day {day} " in text and f"2024-{date}" in text
        assert "nothing recorded" in text  # 12 and 13 October have nothing recorded
        # The trip's inferred start and end are marked.
        assert "*2024-10-12 – *2024-10-20" in text


@async_test
async def test_event_detail_shows_inferred_reason_and_sources(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        await move_timeline_to(pilot, "event:ausa-2024-visit")
        await press(pilot, "enter")  # Enter on an event opens the detail
        assert main(app).current_pane() == "detail"
        detail = app.query_one(DetailPane).text
        assert detail.startswith("Visit to the U.S. Army exhibition (AUSA 2024)")
        assert "* date inferred:" in detail
        assert "Walter E. Washington Convention Center" in detail
        assert "000_b8185a0e63ff7e9a.txt" in detail


@async_test
async def test_search_blizzard_lands_on_the_event(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        assert isinstance(app.screen, SearchScreen)
        await type_search(pilot, *"Blizzard")
        text = screen_text(app)
        assert "Visit to Blizzard" in text and "gumi-2024-us" in text
        await press(pilot, "enter")
        screen = main(app)
        assert app.screen is screen
        assert screen.trip is not None and screen.trip.id == "gumi-2024-us"
        assert screen.timeline.ref == "event:blizzard-visit"
        assert screen.current_pane() == "timeline"
        assert app.query_one(DetailPane).text.startswith("Visit to Blizzard")
        assert "Blizzard Entertainment" in screen_text(app)
        # The city pane follows: Gumi is open with the cursor on the 2024 trip.
        node = screen.cities.tree.cursor_node
        assert node is not None and node.data is not None and node.data.key == "gumi-2024-us"


@async_test
async def test_a_search_hit_shows_the_text_its_words_were_found_in(db: Path) -> None:
    """A hit whose label does not hold the query shows, under its trip, the text that does,
    cut to begin a little before the find, the query's words underlined (Korean ones too)."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_search(pilot, "slash", *"Boeing")
        lines = screen_text(app).splitlines()
        siemens = next(i for i, line in enumerate(lines) if "Visit to Siemens" in line)
        assert "gumi-2017-americas" in lines[siemens + 1]
        context = lines[siemens + 2]
        assert "…visits to Siemens and Boeing" in context, context
        # The label that holds the word gets no such line: the next hit follows at once.
        visit = next(i for i, line in enumerate(lines) if "Site visit to Boeing" in line)
        assert "gumi-2017-americas" in lines[visit + 1] and "Visit to Siemens" in lines[visit + 2]

        def underlined(row: int, word: str) -> bool:
            column = lines[row].index(word)
            return all(app.screen.get_style_at(column + i, row).underline for i in range(len(word)))

        assert underlined(siemens + 2, "Boeing") and underlined(visit, "Boeing")
        assert not underlined(siemens + 2, "Siemens") and not underlined(siemens, "Siemens")

        await type_search(pilot, *["backspace"] * 6, *"보잉사")
        lines = screen_text(app).splitlines()
        row = next(i for i, line in enumerate(lines) if "Visit to Siemens" in line)
        assert "보잉사" in lines[row + 2], lines[row + 2]


def test_an_agreement_found_by_its_kind_says_so() -> None:
    """The names of agreement kinds are the desk's own words (store.search_rows indexes them),
    so an agreement found only by one is marked as found by its kind, not by its text."""
    def third_line(kind: str, matched: str) -> str:
        hit = SearchHit(kind, "t-1", Text(en="A trip"), dt.date(2024, 1, 2), f"{kind}:x",
                        Text(ko="구미-레드먼드 교류", en="Gumi-Redmond exchange"), matched)
        lines = hit_prompt(hit, "en", "협약").plain.splitlines()
        assert len(lines) == 3, lines
        return lines[2].strip()

    assert third_line("agreement", "양해각서(MOU) 협약") == "kind: 양해각서(MOU) 협약"
    assert third_line("agreement", "구미시 협약 체결") == "구미시 협약 체결"
    assert third_line("event", "협약") == "협약"


@async_test
async def test_search_enter_before_results_arrive_still_jumps(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_search(pilot, "slash", *"Huntsville", "enter")
        screen = main(app)
        assert app.screen is screen
        assert screen.trip is not None and screen.trip.id == "gumi-2024-us"


@async_test
async def test_search_with_no_hits_says_so_and_escape_closes(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_search(pilot, "slash", *"zzzqqq")
        assert "Nothing found" in screen_text(app)
        await press(pilot, "escape")
        assert app.screen is main(app)


@async_test
async def test_language_cycles_and_the_detail_follows(db: Path) -> None:
    app = make_app(db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        await move_timeline_to(pilot, "day:2024-10-15")
        detail = app.query_one(DetailPane)
        english = detail.text
        # (the excerpts under the records are the article's own Korean words in every language)
        assert "Huntsville Chamber of Commerce (association" in english
        assert "헌츠빌 상공회의소 (association" not in english
        await press(pilot, "L")  # en → both
        assert app.language == "both"
        both = detail.text
        assert "헌츠빌 상공회의소 · Huntsville Chamber of Commerce" in both
        assert "한국어+English" in screen_text(app)
        await press(pilot, "L")  # both → ko
        assert app.language == "ko"
        korean = detail.text
        assert "헌츠빌 상공회의소" in korean and "Huntsville Chamber of Commerce" not in korean
        assert "헌츠빌 상공회의소" in screen_text(app)
        # The timeline keeps its place and speaks Korean too.
        assert main(app).timeline.ref == "day:2024-10-15"
        assert "4일차 화 *2024-10-15" in screen_text(app)
        await press(pilot, "L")  # ko → en
        assert detail.text == english


@async_test
async def test_destinations_seattle_opens_the_trips_that_went_there(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "d")
        cities = app.query_one(CityPane)
        assert cities.mode == "dest"
        text = screen_text(app)
        assert "Destinations" in text and "Washington" in text and "Seattle" in text  # under its state
        await move_cities_to(pilot, lambda d: d.kind == "group" and d.key.endswith("/seattle"))
        await press(pilot, "enter")
        text = screen_text(app)
        assert "2017 Gumi · Gumi" in text  # under the state and country: less room for the title
        await press(pilot, "down", "enter")
        screen = main(app)
        assert screen.trip is not None and screen.trip.id == "gumi-2017-americas"
        assert "Seattle" in screen_text(app)
        # And back to the home cities.
        await press(pilot, "d")
        assert cities.mode == "home"
        assert "Home cities" in screen_text(app)


@async_test
async def test_brackets_go_to_previous_and_next_trip_and_g_G(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        screen = main(app)
        await press(pilot, "left_square_bracket")
        assert screen.trip is not None and screen.trip.id == "gumi-2017-americas"
        await press(pilot, "left_square_bracket")
        assert screen.trip.id == "gumi-2013-san-diego"
        await press(pilot, "right_square_bracket", "right_square_bracket")
        assert screen.trip.id == "gumi-2024-us"
        # In the timeline, G goes to the last day and g back to the trip.
        await press(pilot, "2", "G")
        assert screen.timeline.ref == "day:2024-10-20"
        await press(pilot, "g")
        assert screen.timeline.ref == "trip"
        await press(pilot, "k")
        assert screen.timeline.ref == "trip"


@async_test
async def test_panes_switch_with_tab_h_l_and_numbers(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main(app)
        assert screen.current_pane() == "city"
        await press(pilot, "tab")
        assert screen.current_pane() == "timeline"
        await press(pilot, "l")
        assert screen.current_pane() == "detail"
        await press(pilot, "right")
        assert screen.current_pane() == "city"
        await press(pilot, "h")
        assert screen.current_pane() == "detail"
        await press(pilot, "shift+tab")
        assert screen.current_pane() == "timeline"
        await press(pilot, "1")
        assert screen.current_pane() == "city"
        await press(pilot, "3")
        assert screen.current_pane() == "detail"


@async_test
async def test_help_lists_every_key_with_its_id(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        # Every binding active with the focus on each pane (inherited ones included) has an id.
        active: dict[str, str] = {}
        for pane in ("1", "2", "3"):
            await press(pilot, pane)
            for key, (_node, binding, _enabled, _tooltip) in app.screen.active_bindings.items():
                assert binding.id, f"pane {pane}: {key} -> {binding.action} has no id"
                active[binding.id] = f"pane {pane}: {key} -> {binding.action}"
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        content = app.screen.content.plain
        for binding_id in ("app.quit", "app.help", "desk.search", "desk.language", "trip.export",
                           "trip.next", "trip.previous", "cities.destinations", "pane.next",
                           "timeline.down", "cities.up", "detail.down", "search.close"):
            assert binding_id in content
        for binding in app.binding_sections():
            for b in binding[1]:
                assert b.id, f"binding {b.key} -> {b.action} has no id"
        # ... and the help lists each of them, the id a word of its own.
        words = set(content.split())
        for binding_id, where in active.items():
            assert binding_id in words, f"{where} ({binding_id}) is not in the help"
        assert "Keys" in screen_text(app)
        await press(pilot, "escape")
        assert app.screen is main(app)


@async_test
async def test_keymap_remaps_a_binding_by_id(db: Path) -> None:
    app = make_app(db, keymap={"app.help": "f1", "desk.search": "f2"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        assert "f1            Show every key" in app.screen.content.plain
        await press(pilot, "escape", "f2")
        assert isinstance(app.screen, SearchScreen)


@async_test
async def test_a_keymap_line_with_an_unknown_binding_id_is_said(db: Path) -> None:
    """A typo in a binding id (`app.qiut`) used to change nothing, silently; the ids that
    exist (the app's, a list's, the review desk's) are not named."""
    app = make_app(db, keymap={"app.qiut": "z", "app.help": "f1", "list.down": "j",
                               "doc.up": "k", "app.import_draft": "I"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        said = [n.message for n in app._notifications]
        assert len(said) == 1 and said[0].startswith("app.qiut: no key of the desk"), said
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)  # the known lines still work


@async_test
async def test_command_palette_jumps_to_a_trip(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        await pilot.press(*"2013 Gumi economic")
        await pilot.pause(0.5)
        await settle(pilot)
        assert "Jump to trip: 2013 Gumi economic mission" in screen_text(app)
        await press(pilot, "enter")
        await settle(pilot)
        screen = main(app)
        assert screen.trip is not None and screen.trip.id == "gumi-2013-san-diego"


@async_test
async def test_command_palette_sets_the_language(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        await pilot.press(*"Language: 한국어")
        await pilot.pause(0.5)
        await settle(pilot)
        await press(pilot, "enter")
        assert app.language == "ko"
        assert "구미" in screen_text(app)


@async_test
async def test_q_quits(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


# -- sizes ---------------------------------------------------------------------------------------


def _shown(app: TripdeskApp) -> dict[str, bool]:
    screen = main(app)
    return {name: pane.display and pane.region.width > 0 and pane.region.height > 0
            for name, pane in (("city", screen.cities), ("timeline", screen.timeline),
                               ("detail", screen.detail))}


@async_test
async def test_three_columns_at_120(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        screen = main(app)
        assert _shown(app) == {"city": True, "timeline": True, "detail": True}
        city, timeline, detail = screen.cities.region, screen.timeline.region, screen.detail.region
        assert city.right <= timeline.x and timeline.right <= detail.x  # side by side
        assert timeline.y == detail.y


@async_test
async def test_80x24_all_panes_usable_detail_below(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        screen = main(app)
        assert app.size == (80, 24)
        assert _shown(app) == {"city": True, "timeline": True, "detail": True}
        assert screen.has_class("-medium")
        timeline, detail = screen.timeline.region, screen.detail.region
        assert detail.y >= timeline.bottom and timeline.height >= 5 and detail.height >= 5
        assert screen.cities.region.width < 30
        await move_timeline_to(pilot, "day:2024-10-15")
        text = screen_text(app)
        assert "Day 4 Tue *2024-10-15" in text
        assert "Huntsville" in text
        # z fills the screen with the focused pane, and back.
        await press(pilot, "3", "z")
        assert screen.maximized is screen.detail
        assert "Huntsville Chamber of Commerce" in screen_text(app)
        await press(pilot, "z")
        assert screen.maximized is None


@async_test
async def test_40x12_one_pane_at_a_time(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        screen = main(app)
        assert screen.has_class("-narrow")
        assert _shown(app) == {"city": True, "timeline": False, "detail": False}
        await open_gumi_2024(pilot)
        assert _shown(app) == {"city": False, "timeline": True, "detail": False}
        assert "Gumi City delegation" in screen_text(app)
        await press(pilot, "tab")
        assert _shown(app) == {"city": False, "timeline": False, "detail": True}
        await press(pilot, "tab")
        assert _shown(app) == {"city": True, "timeline": False, "detail": False}
        from rich.cells import cell_len

        for line in screen_text(app).splitlines():
            assert cell_len(line) <= 40


@async_test
async def test_repeated_resizing_never_crashes(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        await move_timeline_to(pilot, "day:2024-10-17")
        for size in [(80, 24), (40, 12), (200, 60), (41, 13), (79, 23), (119, 39), (120, 40),
                     (40, 12), (100, 30), (30, 8), (120, 40)] * 2:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await settle(pilot)
        assert app.is_running
        screen = main(app)
        assert screen.timeline.ref == "day:2024-10-17"
        assert "Day 6" in screen_text(app)


SPACE_BEFORE_ELLIPSIS = re.compile(r"[\uac00-\ud7a3] +…")
KOREAN_ELLIPSIS = re.compile(r"[\uac00-\ud7a3]…")


@async_test
async def test_korean_text_is_cut_with_an_ellipsis_inside_its_pane(db: Path) -> None:
    app = make_app(db, language="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_gumi_2024(pilot)
        from rich.cells import cell_len

        lines = screen_text(app).splitlines()
        assert all(cell_len(line) <= 80 for line in lines)
        assert any("…" in line and "구미" in line for line in lines)
        # The trip title in the timeline is cut with an ellipsis, and the pane's border is intact.
        title_rows = [line for line in lines if "구미시 대표단 미국 방문" in line]
        assert any("캘리포…" in line for line in title_rows), title_rows
        assert all(line.rstrip().endswith("│") for line in title_rows)
        # Where a cut falls inside a double-width character, the '…' follows the last whole
        # one ("가나다…", a free cell after it), not a space ("가나 …"): in the panes, and in
        # the search dialog's list (whose width comes from the screen, so the lines are cut
        # as they are drawn).
        assert not [line for line in lines if SPACE_BEFORE_ELLIPSIS.search(line)]
        await pilot.press("slash")
        for query in ("시장", "방문"):
            await type_search(pilot, *["backspace"] * 4, *query)
            lines = screen_text(app).splitlines()
            cut = [line for line in lines if KOREAN_ELLIPSIS.search(line)]
            assert len(cut) >= 3, lines
            assert not [line for line in lines if SPACE_BEFORE_ELLIPSIS.search(line)], cut
        # The hits are cut again at the width they are drawn at when the terminal changes.
        await pilot.resize_terminal(96, 30)
        await settle(pilot)
        lines = screen_text(app).splitlines()
        assert all(cell_len(line) <= 96 for line in lines)
        assert [line for line in lines if KOREAN_ELLIPSIS.search(line)]
        assert not [line for line in lines if SPACE_BEFORE_ELLIPSIS.search(line)]


@async_test
async def test_the_mouse_opens_cities_trips_and_days(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main(app)
        tree = screen.cities.tree
        gumi = next(n for n in tree.root.children if n.data.key == "gumi")
        await pilot.click("#city-tree", offset=(4, gumi.line))  # a click on Gumi opens it
        await settle(pilot)
        trip = next(n for n in gumi.children if n.data.key == "gumi-2013-san-diego")
        await pilot.click("#city-tree", offset=(10, trip.line))  # and on a trip, the trip
        await settle(pilot)
        assert screen.trip is not None and screen.trip.id == "gumi-2013-san-diego"
        timeline = screen.timeline.list
        row = timeline.get_option_index("day:2013-02-16")
        await pilot.click("#timeline-list", offset=(5, timeline._first_line[row]))
        await settle(pilot)
        assert screen.timeline.ref == "day:2013-02-16"
        assert app.query_one(DetailPane).text.startswith("Day 2 Sat *2013-02-16")
        # The footer's keys can be clicked too.
        footer = screen_text(app).splitlines()[-1]
        await pilot.click("#footer", offset=(footer.index("? Keys") + 1, 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


@async_test
async def test_a_click_on_a_scrolled_timeline_picks_the_row_under_the_pointer(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.jump_to_trip("gumi-2013-san-diego")
        await settle(pilot)
        timeline = main(app).timeline.list
        timeline.focus()
        await press(pilot, "G")  # the last day: the list scrolls
        top = timeline.scroll_offset.y
        assert top > 0
        await pilot.click("#timeline-list", offset=(5, 1))  # the second line of the view
        await settle(pilot)
        row = timeline.highlighted
        assert row is not None
        first = timeline._first_line[row]
        assert first <= top + 1 < first + len(timeline.row_lines(row))
        assert main(app).timeline.ref == timeline.get_option_at_index(row).id


@async_test
async def test_footer_shows_the_keys_of_the_focused_pane_at_80_columns(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        for key in ("⏎ Open", "tab Pane", "/ Search", "[ ] Trip", "L Lang", "e Export", "q Quit",
                    "? Keys"):
            assert key in footer
        await press(pilot, "tab")
        assert "⏎ Details" in screen_text(app).splitlines()[-1]


@async_test
async def test_search_jump_survives_a_late_cursor_message_for_the_shown_trip(db: Path) -> None:
    """A jump to a trip that is still loading is not cancelled by the city tree's message
    about the trip already shown (posted before the jump, handled after it)."""
    from tripdesk.ui.messages import TripChosen

    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_gumi_2024(pilot)
        screen = main(app)
        assert screen.trip is not None and screen.trip.id == "gumi-2024-us"
        hits = [h for h in app.data.search("Atlanta") if h.trip_id == "daejeon-2025-us"]
        assert hits and app.data.cached_trip("daejeon-2025-us") is None
        screen.jump_to(hits[0])
        screen.post_message(TripChosen("gumi-2024-us"))
        await settle(pilot)
        assert screen.trip is not None and screen.trip.id == "daejeon-2025-us"
        node = screen.cities.tree.cursor_node
        assert node is not None and node.data is not None and node.data.key == "daejeon-2025-us"


@async_test
async def test_a_long_detail_scrolls_to_its_last_line(db: Path) -> None:
    """The detail wraps a new document only as far as the screen shows before the frame, and
    the rest after it: the end of a long trip's detail is still reachable with the keys."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "3")
        view = main(app).detail.view
        assert app.focused is view
        wrapped = view.virtual_size.height  # the whole document, wrapped after the first frame
        last = view.lines[-1].plain.strip()
        assert wrapped == len(view.lines)
        assert len(view.lines) > 100 and last and last not in screen_text(app)
        await press(pilot, "G")
        assert last in screen_text(app)
        assert view.scroll_offset.y == len(view.lines) - view.scrollable_content_region.height


@async_test
async def test_the_city_list_read_while_the_app_starts_is_shown_on_mount(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The summary and the home cities are read in a thread from the moment the app is made;
    when that read is done by the time the screen mounts, no worker reads them again."""
    asked: list[str] = []
    monkeypatch.setattr(CityPane, "load_groups", lambda self, mode: asked.append(mode))
    monkeypatch.setattr(MainScreen, "load_summary", lambda self: asked.append("summary"))
    app = make_app(db)
    assert app.data.wait_early(timeout=10)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.query_one(CityPane).tree
        assert [n.data.key for n in tree.root.children if n.data is not None and n.data.kind == "group"] \
            == ["daejeon", "gumi"]
        assert "4 trips · 2 cities · 2013-2025" in screen_text(app)
        assert app.data.ready("home_cities") is None  # handed out once: later reads are fresh
    assert asked == []


@async_test
async def test_an_early_read_started_before_the_app_is_shown_and_collection_resumes(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The `tripdesk` command starts the early reads before Textual is imported and pauses
    the garbage collector: the app takes that `DeskData` (no worker reads the list again) and
    turns the collector back on once its first frame is drawn."""
    import gc

    from tripdesk.ui.data import DeskData, pause_collection

    asked: list[str] = []
    monkeypatch.setattr(CityPane, "load_groups", lambda self, mode: asked.append(mode))
    monkeypatch.setattr(MainScreen, "load_summary", lambda self: asked.append("summary"))
    data = DeskData(db)
    data.start_early()
    assert data.wait_early(timeout=10)
    pause_collection()
    try:
        assert not gc.isenabled()
        app = make_app(db, data=data)
        assert app.data is data
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert "Daejeon" in screen_text(app) and "4 trips · 2 cities" in screen_text(app)
    finally:
        gc.enable()
    assert asked == []


def test_early_reads_taken_before_the_thread_reaches_them_still_arrive(db: Path) -> None:
    """A worker may ask for the summary while the early thread is still reading the cities:
    it must get the summary (the thread once died there and left the worker waiting)."""
    import threading

    from tripdesk.ui.data import DeskData

    for _ in range(20):  # the race depends on timing: try it several times
        data = DeskData(db)
        data.start_early()
        got: list[object] = []
        reader = threading.Thread(target=lambda: got.extend([data.summary(), data.home_cities()]))
        reader.start()
        reader.join(timeout=10)
        data.close()
        assert not reader.is_alive(), "the early read never arrived"
        assert got[0].trips == 4 and [c.id for c in got[1]] == ["daejeon", "gumi"]  # type: ignore[attr-defined]


@async_test
async def test_a_search_opened_with_a_query_keeps_the_highlight_the_user_moved(db: Path) -> None:
    """The input reports its initial query when it mounts; that must not search again and
    put the highlight back on the first hit after the user moved it (Enter then opened the
    wrong hit)."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.action_search("Seattle")
        for _ in range(100):  # the first results, before the typing debounce has fired
            await pilot.pause(0.005)
            if isinstance(app.screen, SearchScreen) and len(app.screen._hits) > 2:
                break
        screen = app.screen
        assert isinstance(screen, SearchScreen) and len(screen._hits) > 2
        screen.results.highlighted = 2  # the user moves down the list at once
        await pilot.pause(0.5)  # past the debounce
        await settle(pilot)
        assert screen.results.highlighted == 2
        target = screen._hits[2]
        await press(pilot, "enter")
        assert app.screen is main(app) and main(app).trip is not None
        assert main(app).trip.id == target.trip_id
        assert target.label.get("en") in app.query_one(DetailPane).text  # the hit, not the first one


# -- stepping through trips, marks, the city list ----------------------------------------------


def _cursor_key(app: TripdeskApp) -> str | None:
    node = main(app).cities.tree.cursor_node
    return node.data.key if node is not None and node.data is not None else None


def _group_keys(app: TripdeskApp) -> list[str]:
    return [n.data.key for n in main(app).cities._group_nodes() if n.data is not None]


ALL_TRIPS = ["daejeon-2025-us", "gumi-2013-san-diego", "gumi-2017-americas", "gumi-2024-us"]


@async_test
async def test_brackets_step_across_cities_through_every_trip(db: Path) -> None:
    """`]` from the first trip visits every trip in the list's order, on into the next city
    (opened, its trips read by a worker), and stops at the last; `[` goes back the same way."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main(app)
        await press(pilot, "right_square_bracket")  # no trip open: the first trip
        assert screen.trip is not None and screen.trip.id == ALL_TRIPS[0]
        visited = [screen.trip.id]
        for _ in range(len(ALL_TRIPS)):  # one more than needed: the last press stays put
            await press(pilot, "right_square_bracket")
            visited.append(screen.trip.id)
            assert _cursor_key(app) == screen.trip.id  # the list's cursor is on the trip shown
        assert visited == ALL_TRIPS + [ALL_TRIPS[-1]]
        assert "Gumi City delegation visit to the Unite" in screen_text(app)
        back = []
        for _ in range(len(ALL_TRIPS)):
            await press(pilot, "left_square_bracket")
            back.append(screen.trip.id)
            assert _cursor_key(app) == screen.trip.id
        assert back == ALL_TRIPS[-2::-1] + [ALL_TRIPS[0]]
        # From the timeline too (the keys are the screen's).
        await press(pilot, "2", "right_square_bracket")
        assert screen.trip.id == ALL_TRIPS[1]


@async_test
async def test_brackets_step_across_destinations(db: Path) -> None:
    """In destinations, `]` goes through each place's trips, then the next place's."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "d")
        screen = main(app)
        groups = _group_keys(app)
        assert groups[:2] == ["us/al/huntsville", "us/ca/carlsbad"]  # by country, state, city
        await press(pilot, "right_square_bracket")
        assert screen.trip is not None and screen.trip.id == "gumi-2024-us"  # Huntsville's
        await press(pilot, "right_square_bracket")
        assert screen.trip.id == "gumi-2013-san-diego"  # Carlsbad's, across the states
        node = screen.cities.tree.cursor_node
        assert node is not None and node.parent is not None and node.parent.data.key == "us/ca/carlsbad"
        await press(pilot, "left_square_bracket")
        assert screen.trip.id == "gumi-2024-us"


@async_test
async def test_inferred_dates_are_marked_before_the_date_of_every_day(db: Path) -> None:
    """The 2017 and 2024 trips have an inferred start (the sources print no year): every day
    is counted from it, so every day's date carries the mark, before the date."""
    import re

    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        await press(pilot, "z")  # the whole timeline at once (its titles wrap in the pane)
        text = screen_text(app)
        assert "*2024-10-12 – *2024-10-20" in text
        assert "Day 1 Sat *2024-10-12" in text
        assert "Day 4 Tue *2024-10-15  Huntsville, AL" in text
        assert "Day 5 Wed *2024-10-16  *Huntsville" in text  # the day's inferred place too
        marked = re.findall(r"Day \d+ \w{3} \*2024-10-\d\d", text)
        assert len(marked) == 9, marked
        assert not re.search(r"Day \d+ \w{3} 2024-", text)
        # The detail of a day says so too.
        await press(pilot, "z")
        await move_timeline_to(pilot, "day:2024-10-12")
        assert app.query_one(DetailPane).text.startswith("Day 1 Sat *2024-10-12")
        # 2017: the same, on all nine days.
        await press(pilot, "1", "left_square_bracket", "2", "z")
        screen = main(app)
        assert screen.trip is not None and screen.trip.id == "gumi-2017-americas"
        text = screen_text(app)
        assert "*2017-02-12 – *2017-02-20" in text
        marked = re.findall(r"Day \d+ \w{3} \*2017-02-\d\d", text)
        assert len(marked) == 9, marked
        assert not re.search(r"Day \d+ \w{3} 2017-", text)
        assert "Day 6 Fri *2017-02-17  *Redmond" in text
        # At 80 columns the long place list is cut, but the marks come first and stay.
        await press(pilot, "z")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        await press(pilot, "2")
        await move_timeline_to(pilot, "day:2017-02-17")
        line = next(line for line in screen_text(app).splitlines() if "Day 6 " in line)
        assert "Day 6 Fri *2017-02-17" in line and "…" in line


@async_test
async def test_d_d_keeps_the_shown_trip_selected(db: Path) -> None:
    """Destinations and back: the trip in the timeline is found again in each list, its city
    open and the cursor on it, and the timeline keeps its place (the trip is not reopened)."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_gumi_2024(pilot)
        await move_timeline_to(pilot, "day:2024-10-15")
        screen = main(app)
        await press(pilot, "d")
        assert screen.cities.mode == "dest"
        node = screen.cities.tree.cursor_node
        assert node is not None and node.data.key == "gumi-2024-us"
        assert node.parent is not None and node.parent.data.key == "us/al/huntsville"
        assert screen.timeline.ref == "day:2024-10-15"
        await press(pilot, "d")
        assert screen.cities.mode == "home"
        node = screen.cities.tree.cursor_node
        assert node is not None and node.data.key == "gumi-2024-us"
        gumi = next(n for n in screen.cities.tree.root.children if n.data.key == "gumi")
        assert gumi.is_expanded
        assert screen.trip is not None and screen.trip.id == "gumi-2024-us"
        assert screen.timeline.ref == "day:2024-10-15"  # not reopened at its top
        assert "Huntsville Chamber of Commerce" in app.query_one(DetailPane).text
        # And the brackets go on from there.
        await press(pilot, "left_square_bracket")
        assert screen.trip.id == "gumi-2017-americas"


def _region_lines(app: TripdeskApp, region) -> list[str]:  # noqa: ANN001
    """The lines of the screen within a region."""
    return [_cell_slice(line, region.x, region.right)
            for line in screen_text(app).splitlines()[region.y:region.bottom]]


def _cell_slice(line: str, start: int, end: int) -> str:
    """The characters of `line` in the cells from `start` to `end` (Korean takes two)."""
    from rich.cells import get_character_cell_size

    out, position = [], 0
    for char in line:
        width = get_character_cell_size(char)
        if position >= start and position + width <= end:
            out.append(char)
        position += width
    return "".join(out)


def _detail_lines(app: TripdeskApp) -> list[str]:
    """The lines of the detail pane as the screen shows them (inside its border)."""
    return _region_lines(app, main(app).detail.view.region)


def _city_text(app: TripdeskApp) -> str:
    return "\n".join(_region_lines(app, main(app).cities.region))


async def _search_and_enter(pilot, query: str) -> None:  # noqa: ANN001
    await press(pilot, "slash")
    await pilot.press(*query)
    await pilot.pause(0.3)
    await settle(pilot)
    await press(pilot, "enter")


@async_test
async def test_a_search_hit_on_an_agreement_scrolls_the_detail_to_it(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _search_and_enter(pilot, "Seattle Public Library")
        screen = main(app)
        assert app.screen is screen
        assert screen.trip is not None and screen.trip.id == "gumi-2017-americas"
        # No date or event: its own row, under "whole trip", and its own detail.
        assert screen.timeline.ref == "agreement:seattle-public-library-mou"
        visible = "\n".join(_detail_lines(app))
        assert "• Gumi City–Seattle Public Library" in visible
        assert "cooperation project MOU (planned)" in visible
        assert _detail_lines(app)[0].strip().startswith("• Gumi City–Seattle Public Library")
        # An agreement at an event: the event's detail, scrolled to its Agreements section.
        await _search_and_enter(pilot, "Redmond agreement")
        assert screen.timeline.ref == "event:redmond-city-hall-visit"
        lines = _detail_lines(app)
        assert lines[0].strip().startswith("• Gumi–Redmond agreement in"), lines[:3]


@async_test
async def test_one_pane_at_a_time_the_detail_opens_at_the_agreement(db: Path) -> None:
    """Under 80 columns the detail is hidden when the jump lands: it scrolls to the agreement
    once it is shown and has its width."""
    app = make_app(db)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await _search_and_enter(pilot, "Seattle Public Library")
        screen = main(app)
        assert screen.trip is not None and screen.trip.id == "gumi-2017-americas"
        await press(pilot, "3")
        lines = _detail_lines(app)
        assert lines[0].strip().startswith("• Gumi City–Seattle Public"), lines


@async_test
async def test_search_hits_on_an_organisation_and_a_quote_scroll_the_detail_to_them(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _search_and_enter(pilot, "KDIA")  # an organisation: the event it took part in
        screen = main(app)
        assert app.screen is screen and screen.timeline.ref == "event:kdia-choi-meeting"
        lines = _detail_lines(app)
        assert lines[0].strip().startswith("Korea Defense Industry Association"), lines
        # A quote with no date or event: the trip's detail, at the quote.
        await _search_and_enter(pilot, "융복합화되고")
        assert screen.trip is not None and screen.trip.id == "gumi-2013-san-diego"
        lines = _detail_lines(app)
        assert lines[0].strip().startswith("• Kim Sang-hee"), lines


@pytest.fixture
def one_trip_db(tmp_path: Path) -> Path:
    from .conftest import SAMPLE

    return build_store(tmp_path / "one.db", SAMPLE)


@async_test
async def test_a_narrow_city_list_shortens_its_caption_before_cutting_it(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        caption = screen_text(app).splitlines()[2]
        assert "Home · 2 · 4 trips " in caption and "…" not in caption, caption
        await press(pilot, "d")
        caption = screen_text(app).splitlines()[2]
        assert "Visited · 12 cities " in caption and "…" not in caption, caption
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        caption = screen_text(app).splitlines()[2]  # ("… visited" does not fit in the pane's 30 cells)
        assert "Destinations · 12 cities " in caption and "…" not in caption, caption


def test_fitted_draws_the_first_form_that_fits_and_cuts_only_the_last() -> None:
    from textual.content import Content
    from textual.style import Style
    from textual.visual import RenderOptions

    from tripdesk.ui.render import Fitted

    fitted = Fitted(Content("Home cities · 2 · 4 trips"), Content("Home · 2 · 4 trips"),
                    Content("2 · 4 trips"))

    def drawn(width: int) -> str:
        strips = fitted.render_strips(width, None, Style(), RenderOptions(lambda _: Style(), {}))
        return strips[0].text.rstrip()

    assert drawn(40) == "Home cities · 2 · 4 trips"
    assert drawn(25) == "Home cities · 2 · 4 trips"
    assert drawn(24) == "Home · 2 · 4 trips"
    assert drawn(12) == "2 · 4 trips"
    assert drawn(8) == "2 · 4 t…"
    assert fitted.get_height({}, 8) == 1 and fitted.get_optimal_width({}, 80) == 25
    with pytest.raises(ValueError):
        Fitted(Content("two\nlines"), Content("one"))


@async_test
async def test_counts_of_one_are_singular(one_trip_db: Path) -> None:
    app = make_app(one_trip_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Home cities · 1 · 1 trip " in text and "1 trips" not in text
        await press(pilot, "enter", "down", "enter")
        screen = main(app)
        assert screen.trip is not None
        detail = app.query_one(DetailPane).text
        assert "recorded, 1 event)" in detail and "1 events" not in detail
        assert "· 1 event" in detail
        await press(pilot, "d")
        text = screen_text(app)
        assert "Destinations · 1 city visited" in text and "1 cities" not in text


@async_test
async def test_korean_orders_cities_by_their_korean_names(db: Path) -> None:
    app = make_app(db, language="ko")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert _group_keys(app) == ["gumi", "daejeon"]  # 구미 before 대전
        text = _city_text(app)
        assert text.index("구미") < text.index("대전")
        # The trip under the cursor stays under it when the language changes the order.
        await press(pilot, "enter", "down", "down")
        assert _cursor_key(app) == "gumi-2017-americas"
        await press(pilot, "L")  # ko → en
        assert app.language == "en"
        assert _group_keys(app) == ["daejeon", "gumi"]
        assert _cursor_key(app) == "gumi-2017-americas"
        text = _city_text(app)
        assert text.index("Daejeon") < text.index("Gumi")
        await press(pilot, "L")  # en → both: the Korean name comes first
        assert _group_keys(app) == ["gumi", "daejeon"]
        assert _cursor_key(app) == "gumi-2017-americas"
        # Destinations in Korean too.
        await press(pilot, "L", "d")
        assert app.language == "ko"
        keys = _group_keys(app)
        states = main(app).cities.tree.root.children[0].children  # the United States' (미국)
        names = [n.data.name.get("ko") for n in states]
        assert names == sorted(names) and names[0] == "네바다" and keys[0] == "us/nv/las vegas"
        california = next(n for n in states if n.data.key == "US/CA")
        cities = [n.data.name.city.get("ko") for n in california.children]
        assert cities == sorted(cities) and cities[0] == "뉴포트비치"


@async_test
async def test_the_city_pane_shows_each_trips_start_at_120x40(db: Path) -> None:
    from rich.cells import cell_len

    for language, title in (("en", "2024 Gumi City"), ("ko", "2024 구미시")):
        app = make_app(db, language=language)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await move_cities_to(pilot, lambda d: d.kind == "group" and d.key == "gumi")
            await press(pilot, "enter")
            pane = main(app).cities.region
            lines = [line for line in screen_text(app).splitlines() if title in line]
            assert lines, title
            line = _cell_slice(lines[0], pane.x, pane.right)
            assert "10-12" in line, line  # the start's month and day, after the year
            assert "…" in line  # the title is cut to make room
            assert cell_len(line) == pane.width and line.rstrip().endswith("│")
    # Narrower: the start still shows.
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_gumi_2024(pilot)
        lines = [line for line in screen_text(app).splitlines() if "2024 Gumi" in line]
        assert lines and "10-12" in lines[0], lines


@async_test
async def test_the_city_cursor_highlight_covers_the_icon(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = main(app).cities.tree
        assert tree.cursor_line == 0 and app.focused is tree
        strip = tree.render_line(0)
        segments = [s for s in strip if s.text.strip()]
        icon = next(s for s in segments if "▸" in s.text)
        label = next(s for s in segments if "Daejeon" in s.text)
        assert icon.style.bgcolor == label.style.bgcolor
        other = tree.render_line(1)  # not the cursor's line: the plain background
        plain = next(s for s in other if "▸" in s.text)
        assert plain.style.bgcolor != icon.style.bgcolor


def test_a_search_hit_leads_to_its_event_else_its_day_else_the_trip() -> None:
    """Where Enter on a hit puts the timeline's cursor (`resolve_ref`): an agreement or quote
    at the event it belongs to, else at the day it is dated when the trip covers that day,
    else at its own "whole trip" row; an organisation or person at the first event they take part in."""
    import dataclasses

    from tripdesk.files.loader import load_paths
    from tripdesk.ui.panes.timeline import resolve_ref

    trips = {t.trip.id: t.trip for t in load_paths([DATA]).trips}
    gumi_2013, gumi_2017 = trips["gumi-2013-san-diego"], trips["gumi-2017-americas"]
    gumi_2024 = trips["gumi-2024-us"]
    assert resolve_ref(gumi_2013, "agreement", "ksea-mou") == "event:ksea-mou-signing"
    assert resolve_ref(gumi_2017, "quote", "nam-2017-virtuous-circle") == "event:redmond-city-hall-visit"
    # No event, no date: its own "whole trip" row; dated before the trip: likewise.
    assert resolve_ref(gumi_2017, "agreement", "seattle-public-library-mou") == "agreement:seattle-public-library-mou"
    assert resolve_ref(gumi_2024, "quote", "kim-2024-leap") == "quote:kim-2024-leap"
    # Without its event, a dated item leads to its day.
    mou = next(a for a in gumi_2013.agreements if a.id == "ksea-mou")
    quote = next(q for q in gumi_2013.quotes if q.id == "nam-2013-living-site")
    unhooked = dataclasses.replace(gumi_2013, agreements=(dataclasses.replace(mou, event=None),),
                                   quotes=(dataclasses.replace(quote, event=None),))
    assert resolve_ref(unhooked, "agreement", "ksea-mou") == "day:2013-02-16"
    assert resolve_ref(unhooked, "quote", "nam-2013-living-site") == "day:2013-02-16"
    assert resolve_ref(gumi_2013, "agreement", "no-such-agreement") == "trip"
    assert resolve_ref(gumi_2013, "event", "filner-meeting") == "event:filner-meeting"
    assert resolve_ref(gumi_2013, "day", "2013-02-19") == "day:2013-02-19"
    assert resolve_ref(gumi_2013, "day", "2013-03-19") == "trip"
    person = next(p for p in gumi_2013.people if any(p.id in e.people for _, e in gumi_2013.events()))
    first = next(e for _, e in gumi_2013.events() if person.id in e.people)
    assert resolve_ref(gumi_2013, "person", person.id) == f"event:{first.id}"


@async_test
async def test_keys_typed_in_a_burst_land_where_the_focus_moved(db: Path) -> None:
    """A key that moves the focus moves it before the next key is handled, however fast they
    come: Tab Tab goes two panes on, and ↓ ↓ Enter in the search box opens the second hit."""
    from tripdesk.ui.panes.timeline import resolve_ref

    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main(app)
        assert screen.current_pane() == "city"
        await press_at_once(pilot, "tab", "tab")
        assert screen.current_pane() == "detail"
        await press_at_once(pilot, "shift+tab", "shift+tab", "shift+tab")
        assert screen.current_pane() == "detail"
        await type_search(pilot, "slash", *"Redmond")
        search = app.screen
        assert isinstance(search, SearchScreen) and len(search._hits) > 2
        second = search._hits[1]
        assert search._hits[0].ref == "trip" and second.ref != "trip"
        await press_at_once(pilot, "down", "down", "enter")
        assert app.screen is screen
        assert screen.trip is not None and screen.trip.id == second.trip_id
        kind, _, ident = second.ref.partition(":")
        assert screen.timeline.ref == resolve_ref(screen.trip, kind, ident) != "trip"


@async_test
async def test_keys_typed_while_a_citys_trips_are_read_wait_for_them(db: Path) -> None:
    """Enter ↓ ↓ Enter typed at once on a city: its trips are read by a worker after the
    first Enter, and the keys after it wait for them instead of moving past the city."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main(app)
        tree = screen.cities.tree
        assert tree.cursor_node is not None and tree.cursor_node.data.key == "daejeon"
        await press_at_once(pilot, "down", "enter", "down", "down", "enter")
        await settle(pilot)
        assert screen.trip is not None and screen.trip.id == "gumi-2017-americas"
        assert tree.cursor_node.data.key == "gumi-2017-americas"
        assert not tree.holding_moves  # nothing waits any more
        # Opening a city whose trips were read already holds nothing.
        tree.focus()
        await press_at_once(pilot, "up", "up", "enter", "enter", "down", "enter")  # Gumi: close, open
        assert not tree.holding_moves
        assert screen.trip.id == "gumi-2013-san-diego"


@async_test
async def test_keys_typed_right_after_opening_a_trip_move_through_that_trip(db: Path) -> None:
    """Enter on a trip not read yet, then ↓ ↓ at once: the focus is in the timeline from the
    Enter on, and the moves wait for the trip, so they walk its days (not the city list, and
    not the trip shown before)."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main(app)
        await press(pilot, "down", "enter")  # Gumi's trips, read and listed
        await press_at_once(pilot, "down", "down", "enter", "j", "j")
        assert screen.trip is not None and screen.trip.id == "gumi-2017-americas"
        assert screen.cities.tree.cursor_node.data.key == "gumi-2017-americas"
        assert screen.current_pane() == "timeline"
        assert screen.timeline.ref == "day:2017-02-13"  # the trip's line, day 1, then day 2
        assert not screen.timeline.list.holding_moves


@async_test
async def test_a_burst_that_opens_a_city_and_a_trip_walks_the_trip(db: Path) -> None:
    """↓ Enter ↓ ↓ Enter j j at once, from the start: Gumi opens, its second trip opens, and
    the j's, typed for the timeline the Enter went to, walk that trip's days."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main(app)
        await press_at_once(pilot, "down", "enter", "down", "down", "enter", "j", "j")
        assert screen.trip is not None and screen.trip.id == "gumi-2017-americas"
        assert screen.cities.tree.cursor_node.data.key == "gumi-2017-americas"
        assert screen.current_pane() == "timeline"
        assert screen.timeline.ref == "day:2017-02-13"
        assert not screen.cities.tree.holding_moves and not screen.timeline.list.holding_moves
