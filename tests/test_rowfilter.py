"""The table filter's scan (`ui.rowfilter.matching`) finds exactly the rows, in the same order,
as the plain scan it replaced (every folded word in the row's folded text), on the ledger's and
the entities' rows of the bundled data and of generated trips, in Korean and English, by name,
alias, kind, status, party; and narrowing from the last result (typing on) finds the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripdesk.bench.generate import generate
from tripdesk.store import queries
from tripdesk.ui.data import DeskData
from tripdesk.ui.rowfilter import extends, folded, matching, query_words
from tripdesk.ui.screens.entities import entity_row
from tripdesk.ui.screens.ledger import ledger_row

from .test_ui_support import DATA, build_store

QUERIES = ["s", "a", "e", "sa", "se", "ent", "Blizzard", "blizzard ent", "BLIZZ", "블리자드", "블", "리자",
           "체결", "signed", "planned", "MOU", "업무협약", "서울", "seoul", "구미", "gumi", "협약 체결",
           "planned mou", "2019", "-", "·", "zzzz-nothing", "협", "a e", "e a", "ss", "blizzard 블리자드"]


def plain_scan(order: list[int], haystacks: list[str], query: str) -> list[int]:
    """The filter as it was: every word, folded, in the row's folded text."""
    words = [folded(w) for w in query.split()]
    for word in words:
        order = [i for i in order if word in haystacks[i]]
    return order


def tables(db: Path) -> dict[str, list[str]]:
    """The folded haystacks of the ledger's and the entities' rows, per language."""
    data = DeskData(db)
    agreements = data.read(queries.agreements)
    entities = data.read(queries.entities)
    out: dict[str, list[str]] = {}
    for lang in ("ko", "en", "both"):
        out[f"ledger-{lang}"] = [folded(text) for _row, text, _keys in (ledger_row(a, lang) for a in agreements)]
        out[f"entities-{lang}"] = [folded(text) for _row, text, _keys in (entity_row(e, lang) for e in entities)]
    return out


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    return tables(build_store(tmp_path_factory.mktemp("rowfilter-bundled") / "trips.db", DATA))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    folder = tmp_path_factory.mktemp("rowfilter-generated")
    generate(folder / "trips", 40, seed=3)
    return tables(build_store(folder / "trips.db", folder / "trips"))


def check_same(haystacks: list[str], queries_: list[str]) -> int:
    """Compare on every query, in the read order and reversed; the number of matches seen."""
    seen = 0
    for order in (list(range(len(haystacks))), list(range(len(haystacks)))[::-1]):
        texts = [haystacks[i] for i in order]
        for query in queries_:
            want = plain_scan(order, haystacks, query)
            assert matching(order, haystacks, query_words(query)) == want, query
            assert matching(order, haystacks, query_words(query), texts) == want, query
            seen += len(want)
            # Typing on: each prefix narrows from the one before when it extends it.
            last: tuple[list[str], list[int]] | None = None
            for end in range(1, len(query) + 1):
                words = query_words(query[:end])
                if last is not None and words and extends(last[0], words):
                    got = matching(last[1], haystacks, words)
                else:
                    got = matching(order, haystacks, words)
                assert got == plain_scan(order, haystacks, query[:end]), query[:end]
                last = (words, got)
    return seen


def test_the_filter_finds_what_the_plain_scan_found_on_the_bundled_data(bundled: dict[str, list[str]]) -> None:
    for name, haystacks in bundled.items():
        assert haystacks, name
        assert check_same(haystacks, QUERIES) > 0, name


def test_an_alias_in_either_language_finds_blizzard(bundled: dict[str, list[str]]) -> None:
    for lang in ("ko", "en"):
        haystacks = bundled[f"entities-{lang}"]
        order = list(range(len(haystacks)))
        found = [matching(order, haystacks, query_words(q)) for q in ("블리자드", "Blizzard", "blizzard ent")]
        assert found[0] and found[0] == found[1] == found[2]
        assert all("blizzard" in haystacks[i] for i in found[0])


def test_the_filter_finds_what_the_plain_scan_found_on_generated_trips(generated: dict[str, list[str]]) -> None:
    # Queries taken from the rows themselves, so that most find something: pieces of the
    # first rows' texts (Korean and English), single letters, and two of them at once.
    for name, haystacks in generated.items():
        pieces = [text[k:k + size] for text in haystacks[:6] for k, size in ((0, 2), (5, 3), (11, 1), (20, 4))]
        queries_ = [*QUERIES, *pieces, " ".join(pieces[:2]), " ".join(pieces[-2:])]
        assert check_same(haystacks, queries_) > 0, name


def test_extends_is_true_only_when_the_new_words_hold_the_old() -> None:
    assert extends(["s"], ["sa"])
    assert extends(["s"], ["s", "a"])
    assert extends(["블리"], ["블리자"])
    assert not extends(["sa"], ["s"])
    assert not extends(["s", "a"], ["s"])
    assert not extends(["a"], ["b"])
