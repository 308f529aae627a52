"""`L` on the screens across trips (the agreements ledger, organisations and people, an
entity's page, the overview): it switches the language there, as on the main screen, instead
of typing an L into the filter; the filter takes the letters once it has the focus (`/`, or
any letter that is not one of the desk's keys)."""

from __future__ import annotations

from pathlib import Path


from tripdesk.ui.app import TripdeskApp

from .test_ui_across import data_store, db, row_of  # noqa: F401 - the bundled trips' store
from .test_ui_support import async_test, press, screen_lines, screen_text, settle


def footer(app: TripdeskApp) -> str:
    return screen_lines(app)[-1]


@async_test
async def test_l_switches_the_ledger_s_language_and_the_filter_still_takes_letters(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        screen = app.screen
        assert screen.id == "ledger"
        assert "Agreements — every agreement in the store" in screen_text(app)
        assert "L Lang" in footer(app)
        assert "signed" in row_of(app, "2013-02-16") and "체결" not in row_of(app, "2013-02-16")
        await press(pilot, "L")  # English → both
        assert app.language == "both"
        assert screen.filter_box.value == ""  # type: ignore[attr-defined]
        assert "체결·signed" in row_of(app, "2013-02-16")
        await press(pilot, "L")  # both → 한국어
        assert app.language == "ko"
        text = screen_text(app)
        assert "협약 — 저장된 모든 협약" in text and "Agreements — every" not in text
        assert "날짜" in text and "당사자" in text  # the headings
        assert "체결" in row_of(app, "2013-02-16") and "signed" not in row_of(app, "2013-02-16")
        assert "6 · 날짜 순" in text  # the status line
        assert "L 언어" in footer(app)
        assert screen.filter_box.placeholder.startswith("협약명")  # type: ignore[attr-defined]
        # `/` gives the filter the focus: now L is a letter of the filter, not the language.
        await press(pilot, "slash", "L", "A")
        assert screen.filter_box.value == "LA" and app.language == "ko"  # type: ignore[attr-defined]
        await press(pilot, "escape")  # clears the filter and leaves it: L is the language again
        assert screen.filter_box.value == "" and app.focused is None  # type: ignore[attr-defined]
        await press(pilot, "L")
        assert app.language == "en" and "Agreements — every agreement in the store" in screen_text(app)
        # A letter that is no key starts the filter, and the letters after it go in too.
        await press(pilot, "p", "l", "e", "d")
        assert screen.filter_box.value == "pled" and "1 of 6" in screen_text(app)  # type: ignore[attr-defined]


@async_test
async def test_l_switches_the_entities_and_an_entity_s_page(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="ko")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "o")
        assert app.screen.id == "entities"
        text = screen_text(app)
        assert "기관과 인물 — 모든 출장에서" in text and "이름" in text
        assert "구미시" in text and "Gumi City" not in text
        await press(pilot, "L")  # 한국어 → English
        assert app.language == "en"
        text = screen_text(app)
        assert "Organisations and people — across every trip" in text and "기관과 인물" not in text
        assert "Gumi City" in row_of(app, "Gumi City") and "government" in row_of(app, "Gumi City")
        assert app.screen.filter_box.value == ""  # type: ignore[attr-defined]
        for key in "Gumi City":
            await press(pilot, "space" if key == " " else key)
        await press(pilot, "enter")
        assert app.screen.id == "entity"
        assert "Gumi City (also 구미시청, Gumi City government) — 3 trips" in screen_text(app)
        await press(pilot, "L", "L")  # English → both → 한국어
        assert app.language == "ko"
        text = screen_text(app)
        assert "구미시 (다른 이름: 구미시청, Gumi City government) — 출장 3건 · 일정" in text
        assert "출장" in row_of(app, "2013-02-15")
        await press(pilot, "escape")  # back to the list, which followed the language too
        assert app.screen.id == "entities"
        assert "기관과 인물 — 모든 출장에서" in screen_text(app)


@async_test
async def test_l_switches_the_overview_s_language_and_keeps_its_cursor(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "w")
        await settle(pilot)
        assert app.screen.id == "overview"
        await press(pilot, "right")  # Gumi's 2017 trip
        text = screen_text(app)
        assert "Overview — every trip in time and on the map" in text
        assert "Cities visited" in text and "Agreements by status" in text  # the rankings
        assert "2017-02-12" in text
        assert "L Lang" in footer(app)
        await press(pilot, "L", "L")  # English → both → 한국어
        assert app.language == "ko"
        text = screen_text(app)
        assert "한눈에 — 모든 출장의 시기와 장소" in text and "Overview —" not in text
        assert "방문 도시" in text and "협약 상태" in text  # the rankings
        assert any(line.startswith("│구미") for line in screen_lines(app))  # the axis's rows
        assert any(line.startswith("│대전") for line in screen_lines(app))
        assert "한 칸 = " in text and "2017-02-12" in text  # the same trip under the cursor
        assert "L 언어" in footer(app)


@async_test
async def test_a_closed_screen_across_trips_is_let_go_and_l_still_works_on_the_next(db: Path) -> None:
    """A screen closed with Esc no longer listens for `L` (Textual would keep it, and its
    rows, until the language next changed) and lets go of its rows; the screen opened next
    shows the rows kept for the desk and switches language as the first did."""
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        closed = []
        for key, shown in (("a", "6 · sorted by date"), ("o", "53 · sorted by name"), ("w", "Cities visited")):
            await press(pilot, key)
            screen = app.screen
            assert shown in screen_text(app)
            await press(pilot, "escape")
            assert app.screen is app.main
            closed.append(screen)
        listening = [node for node, _callback in getattr(app, "__watchers", {}).get("language", [])]
        assert not any(screen in listening for screen in closed)
        ledger, entities, overview = closed
        assert not ledger.rows and not ledger.data.rows and not entities.items and overview.data is None
        await press(pilot, "a")  # reopened: the rows kept, and L switches them
        assert app.screen is not ledger and "6 · sorted by date" in screen_text(app)
        await press(pilot, "L")
        assert "체결·signed" in row_of(app, "2013-02-16")
        await press(pilot, "escape")
        await press(pilot, "w")
        assert app.screen is not overview and "Cities visited" in screen_text(app)
        await press(pilot, "L")  # both → 한국어
        assert "한눈에" in screen_text(app) and "방문 도시" in screen_text(app)
