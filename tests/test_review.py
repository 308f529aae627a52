"""Reviewing a draft in the desk before it is imported (issue 16, item 4): the draft shown
from a scratch store of its own, marked DRAFT, each fact beside its excerpt in the article
(`v`), and `i` importing it into the real store, its file written where the dialog says.
Driven headless on the real app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tripdesk.store import queries
from tripdesk.cli import main
from tripdesk.review import open_review
from tripdesk.store import Store
from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.screens.article import CURRENT_STYLE, ArticleScreen, ArticleView
from tripdesk.ui.screens.review import ImportDraftScreen

from .test_ui_article import squeezed, styled_text
from .test_ui_support import DATA, async_test, build_store, press, screen_text, settle

WALLS = Path(__file__).resolve().parent / "fixtures" / "walls"
TRIP_ID = "gyeongbuk-2025-canada"
EMBASSY = "대표단은 방문 기간 중 오타와를 찾아 주캐나다 대사관을 방문했다"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    """A draft folder as `tripdesk draft -o drafts/` leaves it: the trip file and, beside it,
    its article."""
    folder = tmp_path / "drafts"
    shutil.copytree(WALLS, folder)
    return folder / f"{TRIP_ID}.yaml"


@pytest.fixture
def real_store(tmp_path: Path) -> Path:
    return build_store(tmp_path / "real.db", DATA)


def open_draft_desk(draft: Path, store: Path, into: Path | None):  # noqa: ANN201 - (app, review)
    review = open_review([draft], store, into)
    return TripdeskApp(language="en", review=review), review


def dialog_text(app: TripdeskApp) -> str:
    """What the import dialog says, its lines as written (the screen wraps long paths)."""
    from textual.widgets import Static

    return " ".join(str(widget.content) for widget in app.screen.query(Static) if widget.id
                    in ("import-question", "import-where"))


async def open_the_draft(pilot) -> None:  # noqa: ANN001
    await settle(pilot)
    pilot.app.jump_to_trip(TRIP_ID)
    await settle(pilot)


@async_test
async def test_the_draft_is_shown_apart_from_the_store_marked_draft(draft: Path, real_store: Path,
                                                                    tmp_path: Path) -> None:
    app, review = open_draft_desk(draft, real_store, tmp_path / "data")
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await open_the_draft(pilot)
            lines = screen_text(app).splitlines()
            assert "DRAFT — not imported" in lines[0] and "1 trip · 1 city · 2025" in lines[0]
            assert "i Import" in lines[-1]
            assert app.main.trip is not None and app.main.trip.id == TRIP_ID
        with Store.open(real_store) as store:  # the real store never saw it
            assert TRIP_ID not in queries.trip_ids(store) and len(queries.trip_ids(store)) == 4
    finally:
        review.close()
    assert not review.scratch.exists()  # the scratch store goes with the review


@async_test
async def test_v_shows_a_drafted_fact_beside_its_excerpt_in_the_article(draft: Path, real_store: Path) -> None:
    app, review = open_draft_desk(draft, real_store, None)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await open_the_draft(pilot)
            app.main.timeline.list.focus()
            app.main.timeline.select("event:ottawa-embassy")
            await settle(pilot)
            await press(pilot, "v")
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            assert screen.pages[0].file == "gyeongbuk-2025-release.txt"
            current, _rows = styled_text(screen.query_one(ArticleView), CURRENT_STYLE)
            assert current == squeezed(EMBASSY)
    finally:
        review.close()


@async_test
async def test_i_says_where_the_file_goes_and_imports_only_on_yes(draft: Path, real_store: Path,
                                                                   tmp_path: Path) -> None:
    data = tmp_path / "data"
    app, review = open_draft_desk(draft, real_store, data)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await open_the_draft(pilot)
            await press(pilot, "i")
            assert isinstance(app.screen, ImportDraftScreen)
            text = dialog_text(app)
            assert f"({TRIP_ID}) into the store {real_store}" in text
            assert f"is copied to {data / (TRIP_ID + '.yaml')}." in text
            await press(pilot, "n")  # not now: nothing written
            assert app.screen is app.main and not data.exists()
            await press(pilot, "i", "y")
            await app.workers.wait_for_complete()
            await settle(pilot)
            messages = [n.message for n in app._notifications]
            assert any(f"{TRIP_ID} (1 added" in m and str(data / f"{TRIP_ID}.yaml") in m for m in messages), messages
        assert (data / f"{TRIP_ID}.yaml").read_bytes() == draft.read_bytes()
        with Store.open(real_store) as store:
            assert TRIP_ID in queries.trip_ids(store) and len(queries.trip_ids(store)) == 5
            assert queries.load_trip(store, TRIP_ID) == queries.load_trip(Store.open(review.scratch), TRIP_ID)
            articles = store.conn.execute("SELECT found FROM articles WHERE trip_id = ?", (TRIP_ID,)).fetchall()
            assert [bool(found) for (found,) in articles] == [True]  # its article came along
    finally:
        review.close()


@async_test
async def test_a_file_already_in_the_data_folder_is_replaced_only_when_confirmed(draft: Path, real_store: Path,
                                                                                  tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    older = data / f"{TRIP_ID}.yaml"
    older.write_text("# an older version, kept until the user says otherwise\n", encoding="utf-8")
    app, review = open_draft_desk(draft, real_store, data)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await open_the_draft(pilot)
            await press(pilot, "i")
            assert "A file of that name is there: it is replaced." in dialog_text(app)
            await press(pilot, "escape")
            assert older.read_text(encoding="utf-8").startswith("# an older version")
            await press(pilot, "i", "y")
            await app.workers.wait_for_complete()
            await settle(pilot)
        assert older.read_bytes() == draft.read_bytes()
    finally:
        review.close()


@async_test
async def test_an_import_the_store_refuses_writes_no_file_and_says_why(draft: Path, tmp_path: Path) -> None:
    """The store already holds the trip from another file: nothing is copied, and the desk
    says what the import said."""
    other = tmp_path / "elsewhere"
    shutil.copytree(WALLS, other)
    store = build_store(tmp_path / "real.db", other)
    data = tmp_path / "data"
    app, review = open_draft_desk(draft, store, data)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await open_the_draft(pilot)
            await press(pilot, "i", "y")
            await app.workers.wait_for_complete()
            await settle(pilot)
            messages = [n.message for n in app._notifications]
            assert any(f"trip id '{TRIP_ID}' is already used by" in m for m in messages), messages
        assert not data.exists()  # no file, nor the folder made for it
    finally:
        review.close()


def test_a_draft_that_does_not_validate_is_not_opened(draft: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    draft.write_text(draft.read_text(encoding="utf-8").replace("kind: economic agreement", "kind: pact"),
                     encoding="utf-8")
    assert main(["--db", str(tmp_path / "real.db"), "--drafts", str(draft)]) == 1
    err = capsys.readouterr().err
    assert "agreements[0].kind: 'pact' is not allowed" in err


def test_drafts_opens_the_desk_on_the_draft_with_the_store_named(draft: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """`tripdesk --drafts FILE --into DIR` starts the desk on the scratch store, importing into --db."""
    seen = {}

    def run(app: TripdeskApp) -> None:
        review = app.review
        assert review is not None
        seen.update(store=review.store, target=review.plan(TRIP_ID).target, scratch=app.data.db_path)

    monkeypatch.setattr(TripdeskApp, "run", run)
    real = tmp_path / "real.db"
    assert main(["--db", str(real), "--drafts", str(draft.parent), "--into", str(tmp_path / "data")]) == 0
    assert seen["store"] == real and seen["target"] == tmp_path / "data" / f"{TRIP_ID}.yaml"
    assert seen["scratch"].name == "draft.db" and not seen["scratch"].exists()


def test_draft_open_needs_a_file_to_review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("구미시 대표단이 10월 12일부터 20일까지 미국을 방문한다.", encoding="utf-8")
    assert main(["draft", str(article), "--open"]) == 1
    assert "--open reviews the draft's file: name it with -o FILE or -o DIR" in capsys.readouterr().err
