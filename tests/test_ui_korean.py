"""The desk in Korean: every screen a user can reach, walked with the keys, shows no English
label. Latin letters on screen must be data (names, codes, English words that the trips' own
strings hold), a key's name, or the program's and formats' names."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tripdesk.files.loader import load_paths

from .conftest import DATA
from .test_ui import data_store, db, main, make_app, move_cities_to  # noqa: F401 - fixtures
from .test_ui_support import async_test, press, screen_text, settle

WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# Not labels: key names in the footer and help, the program, file formats and the variables
# and commands a user types.
NOT_LABELS = {
    "tab", "esc", "ctrl", "shift", "enter", "space", "home", "end", "pgup", "pgdn", "up", "down",
    "left", "right", "backspace", "delete", "del", "alt", "super", "pageup", "pagedown", "ins",
    "tripdesk", "import", "PATH", "TRIPDESK", "KEYMAP", "TOML", "keymap", "Markdown", "JSON",
    "iCalendar", "SVG", "md", "json", "ics", "html", "docs", "data", "format", "binding", "id",
    "key", "app", "quit", "q", "p", "n", "f", "d", "e", "v", "a", "o", "w", "L", "j", "k", "g", "G",
    "z", "r", "s", "S", "x", "Enter", "Esc", "Tab", "MOU", "AI", "English",
    "articles", "ARTICLES",  # --articles and TRIPDESK_ARTICLES, which the user types
}


def _data_words() -> set[str]:
    """Every Latin word in the bundled trips' strings (titles, names, codes, ids, file names)."""
    loaded = load_paths([DATA])
    words: set[str] = set()
    for path in sorted(DATA.glob("*.yaml")):
        words.update(WORD.findall(path.read_text(encoding="utf-8")))
    assert loaded is not None
    return words


PATH = re.compile(r"\S*/\S*")  # file names and folders (the articles looked for, the export's)


def _labels(text: str, allowed: set[str]) -> list[str]:
    """The Latin words on screen that are no data: a word cut by the pane's edge (`ews` of
    `News`) counts as the data word it is part of."""
    fragments = "\n".join(allowed)
    return sorted({w for w in WORD.findall(PATH.sub(" ", text))
                   if w not in allowed and w.lower() not in allowed and w.strip("'’") not in allowed
                   and w.strip("'’") not in fragments})


def _binding_ids() -> set[str]:
    """The words of the binding ids the help lists beside each key (for remapping): names."""
    from tripdesk.ui.app import TripdeskApp

    app = TripdeskApp.__new__(TripdeskApp)
    words: set[str] = set()
    for _title, bindings in TripdeskApp.binding_sections(app):
        for binding in bindings:
            words.update(WORD.findall((binding.id or "").replace("_", " ")))
    return words


@pytest.fixture(scope="module")
def allowed() -> set[str]:
    return _data_words() | NOT_LABELS | _binding_ids()


class Walk:
    """Looks at the screen after each step of a walk and keeps the English labels it saw."""

    def __init__(self, app, pilot, allowed: set[str]) -> None:  # noqa: ANN001
        self.app, self.pilot, self.allowed = app, pilot, allowed
        self.seen: dict[str, list[str]] = {}
        self.looked: list[str] = []

    async def look(self, name: str, *, pages: int = 0) -> None:
        """The screen now (and, with `pages`, after each of that many PgDn: a long help)."""
        for page in range(pages + 1):
            if page:
                await press(self.pilot, "pagedown")
            await settle(self.pilot)
            await self.pilot.pause(0.05)
            found = _labels(screen_text(self.app), self.allowed)
            if found:
                self.seen.setdefault(name, []).extend(w for w in found if w not in self.seen.get(name, []))
        self.looked.append(name)

    def check(self) -> None:
        assert not self.seen, "English labels in Korean mode:\n" + json.dumps(self.seen, ensure_ascii=False, indent=1)


async def _back(pilot) -> None:  # noqa: ANN001
    await press(pilot, "escape")
    await settle(pilot)


@async_test
async def test_every_screen_in_korean_has_no_english_label(db: Path, allowed: set[str]) -> None:  # noqa: F811
    """Every screen, dialog and toast the desk shows, walked with the keys in Korean."""
    app = make_app(db, language="ko")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        walk = Walk(app, pilot, allowed)
        await walk.look("main screen, cities")
        await press(pilot, "e")  # no trip chosen yet: a toast says so
        assert app._notifications
        await walk.look("toast: choose a trip first")
        app.clear_notifications()
        await move_cities_to(pilot, lambda info: info.kind == "group")
        await press(pilot, "enter")
        await move_cities_to(pilot, lambda info: info.kind == "trip")
        await press(pilot, "enter")
        await settle(pilot)
        await walk.look("main screen, a trip in the timeline and detail")
        for _ in range(4):
            await press(pilot, "down")
        await walk.look("main screen, an event")
        await press(pilot, "question_mark")
        await walk.look("help", pages=6)
        await _back(pilot)
        await press(pilot, "slash")
        await walk.look("search, empty")
        for key in "협약":
            await press(pilot, key)
        await pilot.pause(0.3)
        await walk.look("search, its hits")
        await _back(pilot)
        for key, name in (("e", "export dialog"), ("v", "article view")):
            await press(pilot, key)
            await walk.look(name)
            await _back(pilot)

        await press(pilot, "a")
        await walk.look("agreements ledger")
        await press(pilot, "tab")
        await walk.look("agreements ledger, sorted by another column")
        for key in "없는말":
            await press(pilot, key)
        assert "맞는 것이 없습니다" in screen_text(app)
        await walk.look("agreements ledger, a filter that matches nothing")
        await _back(pilot)
        await _back(pilot)

        await press(pilot, "o")
        await walk.look("organisations and people")
        await press(pilot, "enter")
        assert app.screen.id == "entity"
        await walk.look("an organisation's page")
        await _back(pilot)
        await _back(pilot)

        await press(pilot, "w")
        await pilot.pause(0.3)
        await walk.look("overview: time axis, map, rankings")
        await press(pilot, "tab")
        await walk.look("overview, the map")
        await press(pilot, "enter")
        assert app.screen.id == "place-trips"
        await walk.look("the trips to a destination")
        await _back(pilot)
        await _back(pilot)

        await press(pilot, "d")
        await walk.look("main screen, destinations")
        await press(pilot, "ctrl+p")
        await walk.look("command palette")
        await _back(pilot)
        app.clear_notifications()
        await press(pilot, "L", "L", "L")  # 한국어 → English → both → 한국어
        app.clear_notifications()
        assert app.language == "ko"
        app.action_cycle_language()
        app.action_cycle_language()
        app.action_cycle_language()
        await walk.look("toast: the language")
        assert any(n.message == "언어: 한국어" for n in app._notifications)
    assert len(walk.looked) >= 20
    walk.check()


def test_the_walk_sees_an_english_label(allowed: set[str]) -> None:
    """The check finds English words that are no data, and lets data and key names be."""
    assert _labels("협약 — 저장된 모든 협약 · sorted by 상태 · Enter 열기", allowed) == ["sorted"]
    assert _labels("구미시 Gumi · MOU · esc 뒤로 · docs/data-format.md", allowed) == []


@async_test
async def test_both_at_80x24_loses_neither_language(db: Path) -> None:  # noqa: F811
    """In `both` the trip's title is whole in Korean and in English (each wraps on its own
    lines, nothing is cut), and a reason is given in both languages."""
    app = make_app(db, language="both")
    async with app.run_test(size=(80, 24)) as pilot:
        await move_cities_to(pilot, lambda info: info.kind == "group")
        await press(pilot, "enter")
        await move_cities_to(pilot, lambda info: info.kind == "trip")
        await press(pilot, "enter")
        await settle(pilot)
        trip = main(app).trip
        assert trip is not None and trip.title.ko and trip.title.en
        timeline = main(app).timeline.list
        width = timeline.scrollable_content_region.width
        first = timeline.options[0].lines_for(width)
        assert all(line.cell_length <= width for line in first)
        shown = " ".join(line.plain.strip() for line in first)
        assert trip.title.ko in shown and trip.title.en in shown
        assert "…" not in shown
        reason = trip.inferred["start"]
        assert reason.ko and reason.en
        detail = main(app).detail.text
        assert reason.ko in detail and reason.en in detail  # the detail's text is unwrapped


@async_test
async def test_reviewing_a_draft_in_korean_has_no_english_label(tmp_path: Path, allowed: set[str]) -> None:
    """The desk on a draft (`tripdesk drafts`): its DRAFT mark, the article view and the import
    dialog, in Korean."""
    import shutil

    from tripdesk.review import open_review
    from tripdesk.ui.app import TripdeskApp
    from tripdesk.ui.screens.review import ImportDraftScreen

    from .test_review import TRIP_ID, WALLS
    from .test_ui_support import build_store

    folder = tmp_path / "drafts"
    shutil.copytree(WALLS, folder)
    words = allowed | {w for path in folder.glob("*.yaml") for w in WORD.findall(path.read_text(encoding="utf-8"))}
    review = open_review([folder / f"{TRIP_ID}.yaml"], build_store(tmp_path / "real.db", DATA), tmp_path / "data")
    try:
        app = TripdeskApp(language="ko", review=review)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            walk = Walk(app, pilot, words)
            await settle(pilot)
            app.jump_to_trip(TRIP_ID)
            await walk.look("a draft in the desk")
            await press(pilot, "v")
            await walk.look("a draft's article")
            await _back(pilot)
            await press(pilot, "i")
            assert isinstance(app.screen, ImportDraftScreen)
            await walk.look("the import dialog")
            await press(pilot, "y")
            await app.workers.wait_for_complete()
            await walk.look("toast: imported")
            assert any(TRIP_ID in n.message for n in app._notifications)
        walk.check()
    finally:
        review.close()


@async_test
async def test_l_before_any_trip_says_the_panes_notes_and_titles_in_the_new_language(db: Path) -> None:  # noqa: F811
    """Opened in Korean, L to English before a trip is chosen: the detail pane's title and the
    notes in place of a trip are English (they stayed Korean), and back in Korean again."""
    app = make_app(db, language="ko")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "상세" in text and "도시 창에서 출장을 고르세요" in text
        await press(pilot, "L")
        assert app.language == "en"
        text = screen_text(app)
        assert "Detail" in text and "상세" not in text
        assert "Choose a trip in the city pane:" in text
        assert "Details of the selected trip" in text
        assert not re.search(r"[\uac00-\ud7a3]", text.split("\n", 1)[1]), text  # no Hangul below the header
        await press(pilot, "L", "L")  # both, then 한국어
        assert app.language == "ko"
        text = screen_text(app)
        assert "상세" in text and "Detail" not in text and "Choose a trip" not in text
        assert "도시 창에서 출장을 고르세요" in text
