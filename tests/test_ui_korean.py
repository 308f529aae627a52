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


@async_test
async def test_every_screen_in_korean_has_no_english_label(db: Path, allowed: set[str]) -> None:  # noqa: F811
    app = make_app(db, language="ko")
    seen: dict[str, list[str]] = {}

    async def look(name: str) -> None:
        await settle(pilot)
        found = _labels(screen_text(app), allowed)
        if found:
            seen[name] = found

    async with app.run_test(size=(120, 40)) as pilot:
        await look("main screen, cities")
        await move_cities_to(pilot, lambda info: info.kind == "group")
        await press(pilot, "enter")
        await move_cities_to(pilot, lambda info: info.kind == "trip")
        await press(pilot, "enter")
        await settle(pilot)
        await look("main screen, a trip in the timeline and detail")
        for _ in range(4):
            await press(pilot, "down")
        await look("main screen, an event")
        await press(pilot, "question_mark")
        await look("help")
        await press(pilot, "escape")
        for key, name in (("slash", "search"), ("e", "export"), ("v", "article view"),
                          ("a", "agreements ledger"), ("o", "organisations and people"),
                          ("w", "overview")):
            await press(pilot, key)
            await look(name)
            await press(pilot, "escape")
            await settle(pilot)
        await press(pilot, "d")
        await look("main screen, destinations")
        await press(pilot, "ctrl+p")
        await look("command palette")
        await press(pilot, "escape")
    assert not seen, "English labels in Korean mode:\n" + json.dumps(seen, ensure_ascii=False, indent=1)


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
