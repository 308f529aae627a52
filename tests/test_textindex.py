"""The bigram form of the search index: that it can be read back, and where a query's words are
found in a hit's texts (what the search dialog and `tripdesk search` show of each hit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tripdesk.store import queries
from tripdesk.store.importer import import_paths
from tripdesk.store import Store, search_body
from tripdesk.store.textindex import index_text, matched_lines, term_spans, unindex_text

# Korean, Latin with accents, digits, punctuation and every kind of space the index meets.
TEXT = st.text(alphabet=st.sampled_from("구미협약 업무가 abcAÉé1 ·,()-\t\n"), max_size=40)


@given(text=TEXT)
def test_the_indexed_form_reads_back_to_the_text(text: str) -> None:
    assert unindex_text(index_text(text)) == text


@given(text=st.text(max_size=60))
def test_any_text_reads_back_from_its_indexed_form(text: str) -> None:
    assert unindex_text(index_text(text)) == text


@pytest.mark.parametrize(
    ("text", "indexed"),
    [
        ("업무협약을 위한 MOU", " 업무 무협 협약 약을   위한  MOU"),
        ("구미 미국", " 구미   미국 "),  # two words ...
        ("구미국", " 구미 미국 "),  # ... and one: the spaces tell them apart
        ("기업AI", " 기업 AI"),
    ],
)
def test_the_indexed_form_is_what_the_index_holds(text: str, indexed: str) -> None:
    assert index_text(text) == indexed
    assert unindex_text(indexed) == text


def test_term_spans_finds_korean_words_anywhere_and_latin_words_at_a_word_start() -> None:
    text = "업무협약을 위한 MOU; 협약서, samou"
    assert [text[a:b] for a, b in term_spans("협약 mou", text)] == ["협약", "MOU", "협약"]
    # Case and accents folded, offsets those of the text as written.
    text = "San José, JOSE, jose; 기업AI, paid"
    assert [text[a:b] for a, b in term_spans("jose ai", text)] == ["José", "JOSE", "jose", "AI"]
    # Overlapping finds are merged; nothing found is an empty list.
    assert term_spans("업무협 협약", "업무협약") == [(0, 4)]
    assert term_spans("zzz", "업무협약") == []


def test_matched_lines_picks_the_line_with_most_words_as_it_was_written() -> None:
    bodies = [
        search_body("Visit to Siemens", "visits to Siemens and Boeing, a meeting"),
        search_body("양해각서(MOU) 협약", "AI·메타버스 기업 지원을 위한 업무협약 (국제 업무협약)"),
        search_body("nothing here"),
        search_body("mayor of 구미", "Smith, the mayor", "구미 mayor Smith"),
        search_body("San Jose", "San José 기업AI"),
    ]
    assert matched_lines("boeing", bodies[:1]) == ["visits to Siemens and Boeing, a meeting"]
    assert matched_lines("협약", bodies[1:2]) == ["양해각서(MOU) 협약"]  # a tie: the first line
    assert matched_lines("업무협약", bodies[1:3]) == ["AI·메타버스 기업 지원을 위한 업무협약 (국제 업무협약)", None]
    assert matched_lines("구미 mayor smith", bodies[3:4]) == ["구미 mayor Smith"]
    assert matched_lines("josé ai", bodies[4:]) == ["San José 기업AI"]  # found once accents are folded


def test_a_search_hit_says_which_of_its_texts_matched(tmp_path: Path) -> None:
    data = Path(__file__).resolve().parents[1] / "data" / "trips"
    with Store.open(tmp_path / "t.db") as store:
        import_paths(store, [data])
        hits = {(h.ref, h.matched) for h in queries.search(store, "Boeing")}
        found = {h.ref: h for h in queries.search(store, "보잉사")}
    # The Siemens visit matched in its description, which names Boeing among the visits.
    siemens = [m for ref, m in hits if ref != "organisation:boeing" and m and "Siemens and Boeing" in m]
    assert siemens, hits
    assert all(m is not None and "boeing" in m.lower() for _ref, m in hits)
    # A Korean word inside a longer one: the Korean text that holds it, as written.
    assert found and all(h.matched is not None and "보잉사" in h.matched for h in found.values())
