"""The one-page brief (`tripdesk export TRIP`), read back as CommonMark/GFM with markdown-it-py:
its length, its shape, its words in the reader's language, its notes once each, and that no
value from the data becomes markup."""

from __future__ import annotations

import re

import pytest

from tripdesk.export import render
from tripdesk.export.labels import outlet_known
from tripdesk.i18n import translator
from tripdesk.model import Trip

from .test_export_markdown import (
    REAL_IDS,
    all_text,
    check_footnotes,
    hostile_and_plain,
    inline_children,
    parse,
    real_trips,
    rich_sample,
    shape,
    table_rows,
)

# A director's two minutes: the brief of each bundled trip in English, counted as a reader
# reads it (the text of the rendered document, footnotes included, not its markup).
MAX_WORDS = 500
LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture(scope="module")
def trips() -> dict[str, Trip]:
    return real_trips()


def words(text: str) -> int:
    tokens, _ = parse(text)
    return len(all_text(tokens).split())


@pytest.mark.parametrize("trip_id", REAL_IDS)
def test_the_english_brief_of_each_bundled_trip_is_at_most_500_words(trips: dict[str, Trip], trip_id: str) -> None:
    brief, full = render(trips[trip_id], "md", "en"), render(trips[trip_id], "md", "en", full=True)
    assert 150 < words(brief) <= MAX_WORDS, words(brief)
    assert words(full) > 2 * words(brief)  # the dossier is the long one


@pytest.mark.parametrize("lang", ["ko", "en", "both"])
@pytest.mark.parametrize("trip_id", REAL_IDS)
def test_the_shape_of_the_brief(trips: dict[str, Trip], trip_id: str, lang: str) -> None:
    trip = trips[trip_id]
    text = render(trip, "md", lang)
    tokens, _ = parse(text)
    _ = translator(lang)
    h2 = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    expected = [_("Agreements"), _("Meetings and visits")] + ([_("Key quotes")] if any(
        q.speaker == trip.leader.person for q in trip.quotes) else []) + [_("Day by day")]
    assert h2 == expected
    assert not [t for t in tokens if t.type.startswith("html")]
    check_footnotes(text)
    # The two lines: who; where, when, status.
    header = text.split("\n\n")[1]
    assert header.count("\n") == 1 and header.split("\n")[0].endswith("\\")
    assert f"**{_('Who')}:**" in header and f"**{_('Where')}:**" in header and f"**{_('When')}:**" in header
    assert f"**{_('Status')}:**" in header
    # Agreements: kind, parties, status; the day table: date, where, what.
    rows = table_rows(tokens)
    agreement_rows = len(trip.agreements) + 1 if trip.agreements else 0
    assert rows == [4] * agreement_rows + [3] * (len(rows) - agreement_rows)
    # Every source the brief cites is a footnote with its date and file or URL, never an
    # outlet "unknown" when the file or the URL is known.
    for source in trip.sources:
        line = next((x for x in text.splitlines() if x.startswith(f"[^{source.id}]: ")), None)
        if line is None:
            continue
        assert (source.file or source.url or "") in line
        if not outlet_known(source):
            assert "unknown outlet" not in line and "미상" not in line
    assert "unknown outlet" not in text


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("trip_id", REAL_IDS)
def test_the_translation_and_inference_notes_are_given_once(trips: dict[str, Trip], trip_id: str, lang: str) -> None:
    text = render(trips[trip_id], "md", lang)
    _ = translator(lang)
    for label in ("translation", "inferred"):
        assert text.count(f"[^{label}]") <= 2  # one reference, one definition
        assert (f"[^{label}]" in text) == (f"[^{label}]:" in text)
    assert "[^inferred]:" in text  # every bundled trip has an inferred value
    # Not after every paragraph, as the dossier does.
    assert f"({_('translation by the editors')})" not in text.split("[^")[0]
    assert _("{mark} Inferred — {field}: {reason}").split("{field}")[0].format(mark="†") not in text


def test_empty_days_are_folded_into_one_row(trips: dict[str, Trip]) -> None:
    ko, en = render(trips["gumi-2017-americas"], "md", "ko"), render(trips["gumi-2017-americas"], "md", "en")
    assert "| 2월 18일~20일 | — | 기록 없음 |" in ko
    assert "| 2월 12일~13일 | — | 기록 없음 |" in ko
    assert "| 2월 15일 (수) | — | 기록 없음 |" in ko
    assert "| 18 – 20 Feb | — | nothing recorded |" in en
    # Nine days, six rows.
    tokens, _ = parse(en)
    assert len(table_rows(tokens)) == 1 + 2 + 1 + 6


def test_the_korean_brief_has_no_english_heading_or_label(trips: dict[str, Trip]) -> None:
    """`export --lang ko`: every heading, table header and bold label is Korean (the data may
    hold Latin letters: codes, KSEA, file names)."""
    for trip in trips.values():
        text = render(trip, "md", "ko")
        tokens, _ = parse(text)
        headings = [tokens[i + 1].content for i, t in enumerate(tokens)
                    if t.type == "heading_open" and t.tag != "h1"]
        headers = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "th_open"]
        bold = [c.content for t in tokens if t.type == "inline" for i, c in enumerate(t.children or [])
                if c.type == "text" and i and t.children[i - 1].type == "strong_open"]
        for label in headings + headers + bold:
            assert not LATIN.search(label), label
        assert "nothing recorded" not in text and "Inferred" not in text and "date not printed" not in text


def test_the_done_when_brief_in_korean(trips: dict[str, Trip]) -> None:
    """`tripdesk export gumi-2017-americas --lang ko`: the outcomes with their status, the
    meetings with whom, the leader's words, in Korean."""
    text = render(trips["gumi-2017-americas"], "md", "ko")
    assert text.startswith("# 구미시 미주지역 경제사절단 (어바인, 새너제이, 레드먼드, 시애틀)\n")
    assert "**방문지:** 어바인, 새너제이, 레드먼드, 시애틀 (미국)" in text
    assert "2017년 2월 12일~20일" in text and "**상태:** 사후 보도" in text
    assert "| 원칙 합의, 2017년 2월 17일 (금) †" in text and "| 체결 예정[^src-001] |" in text
    assert "레드먼드 시청 방문 (행크 마게슨 시의회 의장 등 접견) — 상대: 레드먼드 시, 레드먼드 시의회[^src-004]" in text
    assert "> 정주여건 개선을 통한 고급인력 유치와 산업발전의 선순환 구조를 함께 만들어 나가자" in text
    assert "[^src-004]: “구미시-레드먼드, 양도시간 협력에 대한 긴밀한 교류협력”, 날짜 표기 없음, 파일 004_d1252c41f748f9d2.txt" in text


@pytest.mark.parametrize("lang", ["ko", "en", "both"])
def test_hostile_text_never_changes_the_brief_s_structure(lang: str) -> None:
    hostile, plain, used = hostile_and_plain(rich_sample())
    hostile_text, plain_text = render(hostile, "md", lang), render(plain, "md", lang)
    tokens, _ = parse(hostile_text)
    assert shape(tokens) == shape(parse(plain_text)[0])
    assert not [t for t in tokens if t.type.startswith("html")]
    for forbidden in ("html_inline", "link_open", "image", "code_inline", "s_open", "em_open"):
        assert not [c for c in inline_children(tokens) if c.type == forbidden], forbidden
    text = all_text(tokens)
    assert "<script>alert(1)</script>" in text or lang == "ko"  # the data, as text
