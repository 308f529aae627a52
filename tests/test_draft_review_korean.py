"""A draft reviewed in the Korean desk (issue 17): the drafter's reasons for what it inferred
are read in Korean, not the English the drafter used to write them in. `tripdesk draft` on
a seed article, then the desk on the draft, driven headless."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("kiwipiepy", reason="the draft extra is not installed")

from tripdesk.cli import main  # noqa: E402
from tripdesk.review import open_review  # noqa: E402
from tripdesk.ui.app import TripdeskApp  # noqa: E402

from .test_ui_support import DATA, async_test, build_store, screen_text, settle  # noqa: E402

ARTICLES = Path(__file__).resolve().parents[1].parent / "shared" / "articles"
ARTICLE = "000_b8185a0e63ff7e9a.txt"


@async_test
async def test_the_korean_desk_shows_the_drafters_reasons_in_korean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                    ) -> None:
    store = build_store(tmp_path / "real.db", DATA)
    monkeypatch.setenv("TRIPDESK_DB", str(store))
    folder = tmp_path / "drafts"
    folder.mkdir()
    shutil.copy(ARTICLES / ARTICLE, folder / ARTICLE)
    assert main(["draft", str(folder / ARTICLE), "-o", f"{folder}/"]) == 0
    review = open_review([folder / "gumi-2024-us.yaml"], store, None)
    try:
        # (phrases short enough to stay on one line of the detail pane)
        for lang, reason in (("ko", "시작일 추정: 기사에 날짜와 함께 연도가"),
                             ("en", "The article gives no year")):
            app = TripdeskApp(language=lang, review=review)
            async with app.run_test(size=(160, 60)) as pilot:
                await settle(pilot)
                app.jump_to_trip("gumi-2024-us")
                await settle(pilot)
                text = " ".join(screen_text(app).split())
                assert reason in text, text
                other = "The article gives no year" if lang == "ko" else "기사에 날짜와 함께"
                assert other not in text
    finally:
        review.close()
