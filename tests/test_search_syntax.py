"""`OR` and quoted phrases as a user expects them (issue 18, item 3): a phrase finds its words
together and in that order, `A OR B` the hits of either, and what the search does not read as
an operator (a small `or`, `NOT`, `-word`, a quote left open) is said where the hits are shown,
in the CLI and in the desk, so that fewer hits are never a silent surprise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tripdesk.cli import main
from tripdesk.ui.app import TripdeskApp
from tripdesk.ui.screens.search import SearchScreen

from .test_ui import data_store, db  # noqa: F401 - the fixtures: a copy of the bundled store
from .test_ui_support import async_test, press, screen_text, type_search


def search(capsys: pytest.CaptureFixture[str], query: str, *more: str) -> tuple[list[tuple[str, str]], str]:
    """The hits of `tripdesk search QUERY --json` as (trip, ref), and what went to stderr."""
    code = main(["search", query, "--json", *more])
    out, err = capsys.readouterr()
    hits = [(h["trip"], h["ref"]) for h in json.loads(out)] if out.strip() else []
    assert code == (0 if hits else 1)
    return hits, err


def test_a_quoted_phrase_finds_its_words_together_and_in_that_order(capsys: pytest.CaptureFixture[str]) -> None:
    words, _ = search(capsys, "Gumi City")
    phrase, err = search(capsys, '"Gumi City"')
    assert set(phrase) < set(words) and phrase and not err  # the items with "Gumi ... City" apart go
    backwards, _ = search(capsys, "City Gumi")
    assert set(backwards) == set(words)
    reversed_phrase, err = search(capsys, '"City Gumi"')
    assert reversed_phrase == []  # no text says "City Gumi"; the words alone found 25 items
    assert "found only together and in that order" in err  # and the search says why
    library, _ = search(capsys, '"Seattle Public Library"')
    assert ("gumi-2017-americas", "agreement:seattle-public-library-mou") in library
    assert search(capsys, '"Seattle library"')[0] == []  # not the words of the library's name


def test_a_korean_phrase_keeps_its_order(capsys: pytest.CaptureFixture[str]) -> None:
    found, _ = search(capsys, '"시애틀 공공도서관"')
    assert ("gumi-2017-americas", "agreement:seattle-public-library-mou") in found
    assert search(capsys, '"공공도서관 시애틀"')[0] == []
    assert search(capsys, "공공도서관 시애틀")[0]  # unquoted, the words anywhere


def test_or_finds_the_hits_of_either_side_and_a_small_or_is_said(capsys: pytest.CaptureFixture[str]) -> None:
    seattle, _ = search(capsys, "Seattle")
    blizzard, _ = search(capsys, "Blizzard")
    either, err = search(capsys, "Seattle OR Blizzard")
    assert set(either) == set(seattle) | set(blizzard) and not err
    small, err = search(capsys, "seattle or blizzard")
    assert small == []
    assert "write OR in capitals" in err  # not a silent "nothing found"
    assert search(capsys, '"Seattle OR Blizzard"')[0] == []  # in quotes, OR is a word of the phrase
    quotes, _ = search(capsys, "quote: 미국 OR Seattle")
    assert quotes and all(ref.startswith("quote:") for _trip, ref in quotes)


def test_not_and_a_minus_are_said_not_silently_searched(capsys: pytest.CaptureFixture[str]) -> None:
    _, err = search(capsys, "Seattle NOT library")
    assert "do not leave words out" in err
    _, err = search(capsys, "Seattle -library", "--lang", "ko")
    assert "단어를 빼지 않습니다" in err


@async_test
async def test_the_desk_searches_phrases_and_or_and_says_what_it_does_not_read(db: Path) -> None:  # noqa: F811
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "slash")
        await type_search(pilot, *'"City Gumi"')
        text = screen_text(app)
        assert "Nothing found for “\"City Gumi\"”." in text
        assert "Quoted words are found only together and in that order" in text
        await press(pilot, *["backspace"] * 11)
        await type_search(pilot, *"seattle or blizzard")
        assert "“or” in small letters is searched as a word: write OR in capitals" in screen_text(app)
        await press(pilot, *["backspace"] * 19)
        await type_search(pilot, *"Seattle OR Blizzard")
        dialog = app.screen
        assert isinstance(dialog, SearchScreen)
        kinds = {hit.trip_id for hit in dialog._hits}
        assert {"gumi-2017-americas", "gumi-2024-us"} <= kinds  # Seattle's trip and Blizzard's
        assert "12 hits" in screen_text(app) and "small letters" not in screen_text(app)


@async_test
async def test_the_korean_desk_says_it_in_korean(db: Path) -> None:  # noqa: F811
    app = TripdeskApp(db_path=db, language="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "slash")
        await type_search(pilot, *"seattle or blizzard")
        text = screen_text(app)
        assert "소문자 “or”는 단어로 찾습니다" in text and "대문자 OR를 쓰세요" in text  # whole, wrapped
