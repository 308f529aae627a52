"""The evidence in the desk: excerpts under each record in the detail pane, and the article
view (the source article with the record's excerpts highlighted), driven headless."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from rich.cells import cell_len

from tripdesk.files.loader import load_file
from tripdesk.model import Trip
from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.screens.article import CURRENT_STYLE, HIGHLIGHT_STYLE, ArticleScreen, ArticleView
from tripdesk.ui.panes.detail import DetailPane
from tripdesk.ui.screens.main import Wanted

from .test_ui_support import (DATA, async_test, build_store, copy_store, open_gumi_2024, press, screen_text,
                              settle)

ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "articles"
ARTICLE_000 = "000_b8185a0e63ff7e9a.txt"
# The Huntsville Chamber meeting's excerpt, as the article prints it.
CHAMBER = ("15일에는 ‘로켓도시’로 불리는 방위산업 및 우주산업 중심지인 헌츠빌시를 방문해 "
           "헌츠빌 상공회의소와 방위산업 협력 방안을 논의한다.")


class Article(NamedTuple):  # what the store gives the view (queries.Article)
    source_id: str
    file: str | None
    text: str


@pytest.fixture(scope="module")
def data_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled trips imported with their articles (the store keeps each article's text)."""
    from tripdesk.store.importer import import_paths
    from tripdesk.store import Store

    assert ARTICLES.is_dir(), f"the source articles are missing: expected {ARTICLES}"
    path = tmp_path_factory.mktemp("article-store") / "trips.db"
    with Store.open(path) as store:
        import_paths(store, [DATA], articles=[ARTICLES])
    return path


@pytest.fixture(scope="module")
def store_without_articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("no-articles") / "trips.db", DATA)


@pytest.fixture
def db(data_store: Path, tmp_path: Path) -> Path:
    return copy_store(data_store, tmp_path)


@pytest.fixture(scope="module")
def gumi_2024() -> Trip:
    loaded, problems = load_file(DATA / "gumi-2024-us.yaml")
    assert loaded is not None, problems
    return loaded.trip


def read_from_folder(trip: Trip, folder: Path = ARTICLES):
    """Read a source's article from its file in `folder` (None when it is not there)."""
    assert folder != ARTICLES or folder.is_dir(), f"the source articles are missing: {folder}"

    def read(source_id: str) -> Article | None:
        source = trip.source(source_id)
        path = folder / source.file if source is not None and source.file else None
        if path is None or not path.is_file():
            return None
        return Article(source_id, source.file, path.read_text(encoding="utf-8"))

    return read


async def open_article(pilot, trip: Trip, ref: str, read=None) -> ArticleScreen:  # noqa: ANN001
    await settle(pilot)
    screen = ArticleScreen(trip, ref, "en", read or read_from_folder(trip))
    pilot.app.push_screen(screen)
    await settle(pilot)
    return screen


def shown_lines(app: TripdeskApp) -> list[str]:
    """The article view's lines as the screen shows them (left of its scrollbar)."""
    view = app.screen.query_one(ArticleView)
    region = view.scrollable_content_region
    return [_cells(line, region.x, region.right)
            for line in screen_text(app).splitlines()[region.y:region.bottom]]


def _cells(line: str, start: int, end: int) -> str:
    """The characters of `line` in the cells from `start` to `end` (Korean takes two)."""
    out, position = [], 0
    for char in line:
        if position >= start and position + cell_len(char) <= end:
            out.append(char)
        position += cell_len(char)
    return "".join(out)


def styled_text(view: ArticleView, style: str) -> tuple[str, list[int]]:
    """The characters drawn in `style` (whitespace dropped) and the wrapped lines they are on."""
    chars, rows = [], []
    for row, line in enumerate(view.lines):
        for span in line.spans:
            if span.style == style:
                chars.append(line.plain[span.start:span.end])
                rows.append(row)
    return "".join("".join(chars).split()), rows


def squeezed(text: str) -> str:
    return "".join(text.split())


# -- the detail pane -------------------------------------------------------------------------


async def to_timeline_ref(pilot, ref: str) -> None:  # noqa: ANN001
    """Open Gumi's 2024 trip and move the timeline's cursor down to `ref`, as a user would."""
    await open_gumi_2024(pilot)
    await press(pilot, "enter")
    timeline = pilot.app.main.timeline
    for _ in range(40):
        if timeline.ref == ref:
            return
        await press(pilot, "j")
    raise AssertionError(f"never reached {ref}; at {timeline.ref}")


@async_test
async def test_the_detail_shows_each_records_excerpt_with_its_source(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_timeline_ref(pilot, "event:huntsville-chamber-meeting")
        pane = app.query_one(DetailPane)
        text = pane.text
        assert "Evidence (1)" in text
        assert f"“{CHAMBER}”" in text
        assert f"— Break News Gumi, *2024-10-10, {ARTICLE_000}" in text  # published is inferred
        screen = screen_text(app)
        assert "“15일에는 ‘로켓도시’로" in screen and "— Break News Gumi" in screen
        # The day lists the evidence of the day and of each of its events.
        await press(pilot, "k")
        assert app.main.timeline.ref == "day:2024-10-15"
        text = pane.text
        assert text.count("“15일에는 ‘로켓도시’로 불리는") == 3  # the day, the meeting, the tour
        assert f"“{CHAMBER}”" in text
        # Excerpts of one source that follow one another name it once, after the last.
        assert text.count("— Break News Gumi") == 3


# -- the article view, from the desk ---------------------------------------------------------


@async_test
async def test_v_on_the_huntsville_meeting_opens_article_000_with_its_sentence_highlighted(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_timeline_ref(pilot, "event:huntsville-chamber-meeting")
        assert "v Source" in screen_text(app)  # the footer names the key
        await press(pilot, "v")
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.pages[0].file == ARTICLE_000
        assert squeezed(screen.pages[0].text) == squeezed((ARTICLES / ARTICLE_000).read_text(encoding="utf-8"))
        view = screen.query_one(ArticleView)
        current, rows = styled_text(view, CURRENT_STYLE)
        assert current == squeezed(CHAMBER)
        assert squeezed(CHAMBER) in "".join(squeezed(line) for line in shown_lines(app))
        text = screen_text(app)
        assert f"[src-000] Break News Gumi, *2024-10-10, {ARTICLE_000}" in text
        assert "excerpt 1 of 1 · event: Meeting with the Huntsville Chamber" in text
        await press(pilot, "escape")
        assert app.screen is app.main and app.main.timeline.ref == "event:huntsville-chamber-meeting"


@async_test
async def test_v_in_korean_at_40x12_and_from_the_detail_pane(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="ko")
    async with app.run_test(size=(40, 12)) as pilot:
        await to_timeline_ref(pilot, "day:2024-10-15")
        await press(pilot, "3", "v")  # from the detail pane too
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert "발췌 1/5" in screen_text(app)  # the status in Korean too
        view = screen.query_one(ArticleView)
        assert all(line.cell_length <= view.scrollable_content_region.width - 2 for line in view.lines)
        assert all(cell_len(line) <= 39 for line in shown_lines(app))
        assert "구미시 대표단" in "".join(line.plain for line in view.lines)
        await press(pilot, "escape")
        assert app.screen is app.main


@async_test
async def test_without_the_article_in_the_store_the_view_says_where_it_looked(store_without_articles: Path,
                                                                            tmp_path: Path) -> None:
    app = TripdeskApp(db_path=copy_store(store_without_articles, tmp_path), language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await to_timeline_ref(pilot, "event:huntsville-chamber-meeting")
        await press(pilot, "v")
        view = app.screen.query_one(ArticleView)
        text = "\n".join(line.plain for line in view.lines)
        assert "The article of [src-000] is not in the store." in text
        assert f"{ARTICLE_000} was looked for in:" in text
        assert str(DATA) in text  # beside the trip file
        assert squeezed(CHAMBER) in squeezed(text)
        assert squeezed(CHAMBER) in styled_text(view, CURRENT_STYLE)[0]


@async_test
async def test_the_help_lists_the_article_keys_with_their_ids(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        text = app.screen.content.plain
        for ident in ("desk.article", "article.next", "article.previous", "article.next_source",
                      "article.previous_source", "article.close", "article.down"):
            assert ident in text, ident
        assert "Article view" in text


# -- the article view ------------------------------------------------------------------------


@async_test
async def test_the_article_opens_on_the_excerpt_highlighted_and_in_view(db: Path, gumi_2024: Trip) -> None:
    for size in ((120, 40), (80, 24), (40, 12)):
        app = TripdeskApp(db_path=db, language="en")
        async with app.run_test(size=size) as pilot:
            screen = await open_article(pilot, gumi_2024, "event:huntsville-chamber-meeting")
            view = screen.query_one(ArticleView)
            current, rows = styled_text(view, CURRENT_STYLE)
            assert current == squeezed(CHAMBER), size
            top = view.scroll_offset.y
            assert top <= rows[0] and rows[-1] < top + view.scrollable_content_region.height, size
            shown = "".join(squeezed(line) for line in shown_lines(app))
            assert squeezed(CHAMBER) in shown, size
            text = screen_text(app)
            assert ARTICLE_000 in text or size[0] < 80, size  # the title (cut when narrow)
            assert "excerpt 1 of 1" in text, size


@async_test
async def test_n_and_shift_n_step_through_the_highlights(db: Path, gumi_2024: Trip) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_article(pilot, gumi_2024, "day:2024-10-15")
        view = screen.query_one(ArticleView)
        # The day's excerpt, the meeting's, and the tour's three, in the order they are read.
        assert "excerpt 1 of 5" in screen_text(app)
        seen = []
        for number in range(1, 6):
            text = screen_text(app)
            assert f"excerpt {number} of 5" in text
            current, rows = styled_text(view, CURRENT_STYLE)
            seen.append(current)
            top = view.scroll_offset.y
            assert top <= rows[0] < top + view.scrollable_content_region.height
            await press(pilot, "n")
        assert "excerpt 5 of 5" in screen_text(app)  # n at the last stays there
        assert squeezed(CHAMBER) in seen
        assert squeezed("커밍스 연구단지(Cummings Research Park)를 시찰하고") in "".join(seen)
        await press(pilot, "N", "N")
        assert "excerpt 3 of 5" in screen_text(app)
        # The others stay highlighted, less brightly.
        others, _ = styled_text(view, HIGHLIGHT_STYLE)
        assert squeezed("헌츠빌시 커밍스 연구단지") in others


@async_test
async def test_korean_wraps_within_the_view_with_nothing_lost(db: Path, gumi_2024: Trip) -> None:
    article = (ARTICLES / ARTICLE_000).read_text(encoding="utf-8")
    for size in ((40, 12), (57, 15), (80, 24)):
        app = TripdeskApp(db_path=db, language="ko")
        async with app.run_test(size=size) as pilot:
            screen = await open_article(pilot, gumi_2024, "trip")
            view = screen.query_one(ArticleView)
            width = view.scrollable_content_region.width - 2
            assert all(line.cell_length <= width for line in view.lines), size
            assert squeezed("".join(line.plain for line in view.lines)) == squeezed(article), size
            assert all(cell_len(line) <= width + 2 for line in shown_lines(app)), size
            await press(pilot, "G")
            assert view.scroll_offset.y == view.max_scroll_y > 0


@async_test
async def test_an_article_not_in_the_store_says_so_and_shows_the_excerpts(db: Path, gumi_2024: Trip,
                                                                         tmp_path: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_article(pilot, gumi_2024, "event:huntsville-chamber-meeting",
                                    read_from_folder(gumi_2024, tmp_path))
        view = screen.query_one(ArticleView)
        text = "\n".join(line.plain for line in view.lines)
        assert "The article of [src-000] is not in the store." in text
        assert ARTICLE_000 in text and "--articles" in text
        assert squeezed(f"“{CHAMBER}”") in squeezed(text)
        current, _ = styled_text(view, CURRENT_STYLE)
        assert squeezed(CHAMBER) in current
        assert "excerpt 1 of 1" in screen_text(app)


@async_test
async def test_article_text_is_never_markup(db: Path, gumi_2024: Trip) -> None:
    hostile = "[bold]굵게[/bold] [@click=app.quit]누르기[/] $accent\n" + CHAMBER + "\n[link=x]링크[/link]"
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, gumi_2024, "event:huntsville-chamber-meeting",
                           lambda source_id: Article(source_id, "x.txt", hostile))
        await press(pilot, "g")
        text = screen_text(app)
        assert "[bold]굵게[/bold] [@click=app.quit]누르기[/] $accent" in text
        assert "[link=x]링크[/link]" in text
        assert app.is_running


@async_test
async def test_escape_goes_back_to_the_desk(db: Path, gumi_2024: Trip) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, gumi_2024, "trip")
        assert isinstance(app.screen, ArticleScreen)
        await press(pilot, "escape")
        assert app.screen is app.main


@async_test
async def test_an_events_agreement_and_its_status_are_highlighted_too(db: Path) -> None:
    """The 2013 signing event: its own excerpts, its agreement's, and those its status rests on."""
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.open_trip(Wanted("gumi-2013-san-diego", "event", "ksea-mou-signing", focus=True))
        await settle(pilot)
        trip = app.main.trip
        agreement = next(a for a in trip.agreements if a.event == "ksea-mou-signing")
        assert agreement.status.evidence, "the bundled agreement's status has no excerpt any more"
        await press(pilot, "v")
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        labels = [excerpt.label for excerpt in screen.excerpts]
        assert any(label.startswith("agreement: ") and label.endswith(f"({agreement.status.label('en')})")
                   for label in labels)
        texts = {squeezed(e.text) for e in screen.excerpts}
        assert {squeezed(e.text) for e in agreement.status.evidence} <= texts
        total = len(screen.excerpts)
        assert f"excerpt 1 of {total}" in screen_text(app)
        highlighted = {squeezed(screen.excerpts[h.excerpt].text) for page in screen.pages for h in page.highlights}
        assert highlighted == texts  # every one was found in the article


@async_test
async def test_a_slow_read_shows_reading_then_the_article(db: Path, gumi_2024: Trip) -> None:
    import threading

    release = threading.Event()
    read = read_from_folder(gumi_2024)

    def slow(source_id: str) -> Article | None:
        release.wait(5)
        return read(source_id)

    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(ArticleScreen(gumi_2024, "event:huntsville-chamber-meeting", "en", slow, size=(80, 24)))
        await pilot.pause()
        assert "Reading the article…" in screen_text(app)
        release.set()
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert styled_text(view, CURRENT_STYLE)[0] == squeezed(CHAMBER)
        assert squeezed(CHAMBER) in "".join(squeezed(line) for line in shown_lines(app))


@async_test
async def test_a_failing_read_says_why(db: Path, gumi_2024: Trip) -> None:
    def broken(source_id: str) -> Article | None:
        raise OSError("disk I/O error")

    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, gumi_2024, "trip", broken)
        assert "The article could not be read: disk I/O error" in screen_text(app)
        await press(pilot, "n", "escape")
        assert app.screen is app.main


@async_test
async def test_a_day_with_nothing_recorded_opens_the_trips_excerpts(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await to_timeline_ref(pilot, "day:2024-10-12")  # nothing recorded on the first day
        await press(pilot, "v")
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert {e.label for e in screen.excerpts} == {"trip"}
        assert squeezed("김장호 구미시장을 단장으로 한 구미시 대표단이") in styled_text(
            screen.query_one(ArticleView), CURRENT_STYLE)[0]


def test_a_day_with_nothing_recorded_but_a_quote_opens_on_the_quote(gumi_2024: Trip) -> None:
    import dataclasses
    import datetime as dt

    from tripdesk.ui.screens.article import record_excerpts

    quote = dataclasses.replace(gumi_2024.quotes[0], date=dt.date(2024, 10, 12), event=None)
    trip = dataclasses.replace(gumi_2024, quotes=(quote,))
    excerpts, sources = record_excerpts(trip, "day:2024-10-12", "en")
    assert excerpts[0].text == quote.original.text and excerpts[0].label.startswith("quote: ")
    assert sources == list(dict.fromkeys(quote.sources))
    # without it, the day falls back on the trip's own excerpts
    excerpts, _ = record_excerpts(dataclasses.replace(gumi_2024, quotes=()), "day:2024-10-12", "en")
    assert {e.label for e in excerpts} == {"trip"}


@async_test
async def test_v_before_a_trip_is_chosen_says_what_to_do_and_the_palette_opens_the_view(db: Path) -> None:
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "v")
        assert app.screen is app.main
        assert any(n.message.startswith("Choose a trip first") for n in app._notifications)
        assert "Choosea" in squeezed(screen_text(app))  # the toast, wrapped
        await to_timeline_ref(pilot, "event:huntsville-chamber-meeting")
        await press(pilot, "ctrl+p")
        await pilot.press(*"source article")
        await pilot.pause(0.5)
        await settle(pilot)
        assert "Read the source article" in screen_text(app)
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert styled_text(app.screen.query_one(ArticleView), CURRENT_STYLE)[0] == squeezed(CHAMBER)
