"""Korean text is never cut wrongly: wherever a table or a pane wraps double-width text, the
printed lines joined give back the text, with no syllable lost and no line too wide.

The CLI tables are driven through `main()` (the real commands and their real tables), with the
store's answers replaced by rows holding random Korean and mixed text, at widths 40 to 200; the
folding Text they print with at widths 20 to 200.
"""

from __future__ import annotations

import datetime as dt
import io
from contextlib import ExitStack
from pathlib import Path
from typing import Callable
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from tripdesk import cli
from tripdesk.store import queries
from tripdesk.cli import main
from tripdesk.folding import FoldingText
from tripdesk.text import Text

SAMPLE = Path(__file__).parent / "fixtures" / "valid" / "sample-trip.yaml"

HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
LATIN = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789,.()-·")
korean_words = st.text(HANGUL, min_size=1, max_size=30)
mixed_words = st.text(st.one_of(HANGUL, LATIN), min_size=1, max_size=40)
texts = st.lists(st.one_of(korean_words, mixed_words), min_size=1, max_size=25).map(" ".join)
widths = st.integers(min_value=20, max_value=200)
# A table of four to seven columns spends 13 to 22 cells on its borders and padding: below
# 40 columns the CLI tables are not a layout anyone reads, and are not held to this.
table_widths = st.integers(min_value=40, max_value=200)


def squeeze(text: str) -> str:
    """The text without its spaces: a wrap may turn a space into a line break."""
    return "".join(text.split())


# -- the folding Text itself -----------------------------------------------------------------


def test_the_reported_line_keeps_its_last_syllable() -> None:
    """At 40 cells "…전장 네트워크" fills the line exactly: rich kept the space after it,
    found the line one cell too wide and printed "전장 네트워 …"."""
    text = "방위산업 최신기술 및 장비, 전장 네트워크 체계 등을 살펴보고"
    # "ellipsis" is what a rich table column does by default; rich's own Text gives
    # ["방위산업 최신기술 및 장비, 전장 네트워 …", "체계 등을 살펴보고"] here.
    lines = [line.plain for line in FoldingText(text).wrap(Console(width=80), 40, overflow="ellipsis")]
    assert lines == ["방위산업 최신기술 및 장비, 전장 네트워크", "체계 등을 살펴보고"]


@settings(max_examples=300, deadline=None)
@given(text=texts, width=widths, overflow=st.sampled_from(["ellipsis", "fold", None]))
def test_folding_text_loses_nothing(text: str, width: int, overflow: str | None) -> None:
    lines = [line.plain for line in FoldingText(text).wrap(Console(width=width), width, overflow=overflow)]
    assert all(cell_len(line) <= width for line in lines), lines
    assert squeeze("".join(lines)) == squeeze(text)


# -- the CLI tables --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("wrap") / "wrap.db"
    assert main(["import", str(SAMPLE), "--db", str(path)]) == 0
    return str(path)


def printed(argv: list[str], width: int, patches: dict[str, Callable]) -> str:
    """What `tripdesk ARGV` prints at `width` columns, the store answering through `patches`."""
    out = io.StringIO()
    with ExitStack() as stack:
        for name, fake in patches.items():
            stack.enter_context(mock.patch.object(queries, name, fake))
        # (the commands that print tables are cli.reading's; each module holds its own name)
        stack.enter_context(mock.patch.object(cli.reading, "_console", lambda stderr=False: Console(
            file=out, width=width, highlight=False, soft_wrap=True, color_system=None)))
        assert main(argv) == 0
    return out.getvalue()


def column(table: str, index: int) -> str:
    """The text of the table's `index`th column (from 0), its cells' lines joined."""
    cells = [line.split("│")[index + 1] for line in table.splitlines() if line.startswith("│")]
    text = "".join(cell[1:].rstrip() for cell in cells)
    assert "…" not in text, table
    return text


def assert_fits(table: str, width: int) -> None:
    """No line wider than the terminal (an id or a date may be shortened with an ellipsis
    when the terminal is too narrow for them: the wrapping columns never are)."""
    assert all(cell_len(line) <= width for line in table.splitlines()), table


HYPOTHESIS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
DAY = dt.date(2024, 10, 13)


@HYPOTHESIS
@given(label=texts, matched=texts, width=table_widths)
def test_search_prints_every_syllable(store: str, label: str, matched: str, width: int) -> None:
    hit = queries.SearchHit("event", "t", Text(plain="t"), DAY, "event:e", Text(ko=label, en=label), matched)
    table = printed(["search", "x", "--db", store, "--lang", "ko"], width, {"search": lambda *a, **k: [hit]})
    assert_fits(table, width)
    # The matched text is printed under the label when it is another text than the label.
    assert squeeze(column(table, 3)) == squeeze(label + (matched if matched not in label else ""))


@HYPOTHESIS
@given(title=texts, width=table_widths)
def test_list_prints_every_syllable(store: str, title: str, width: int) -> None:
    row = queries.TripRow("t", Text(ko=title, en=title), "c", Text(plain="c"), DAY, DAY, 1, "reported", None)
    table = printed(["list", "--db", store, "--lang", "ko"], width, {"all_trips": lambda *a, **k: [row]})
    assert_fits(table, width)
    assert squeeze(column(table, 4)) == squeeze(title)


@HYPOTHESIS
@given(title=texts, party=texts, width=table_widths)
def test_agreements_print_every_syllable(store: str, title: str, party: str, width: int) -> None:
    row = queries.AgreementRow("t", "a", DAY, "c", Text(plain="c"), "MOU", Text(ko=title, en=title),
                               (("p", Text(ko=party, en=party)),), "signed", DAY, DAY)
    table = printed(["agreements", "--db", store, "--lang", "ko"], width, {"agreements": lambda *a, **k: [row]})
    assert_fits(table, width)
    assert squeeze(column(table, 4)) == squeeze(title)
    assert squeeze(column(table, 5)) == squeeze(party)


@HYPOTHESIS
@given(name=texts, width=table_widths)
def test_stats_print_every_syllable(store: str, name: str, width: int) -> None:
    ranked = [queries.Ranked("k", Text(ko=name, en=name), 1)]
    ranks = queries.Rankings(ranked, ranked, ranked, ranked, ranked)
    out = printed(["stats", "--db", store, "--lang", "ko"], width, {"rankings": lambda *a, **k: ranks})
    assert_fits(out, width)
    # Five tables, each of one row: the name column holds the name five times.
    assert squeeze(column(out, 1)) == squeeze(name) * 5


# -- tripdesk show ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_trip():  # noqa: ANN201
    from .test_export_markdown import real_trips

    return real_trips()["gumi-2024-us"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(width=widths, lang=st.sampled_from(["ko", "en", "both"]))
def test_the_timeline_of_show_prints_every_syllable(real_trip, width: int, lang: str) -> None:  # noqa: ANN001
    """`tripdesk show` wrapped by rich at any width (as when its output is not a terminal
    that wraps it): every line of the timeline comes back whole."""
    from tripdesk.timeline import lines_for, render_timeline

    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(render_timeline(real_trip, lang))  # type: ignore[arg-type]
    printed = [line for line in out.getvalue().splitlines() if set(line.strip()) - {"─"}]
    assert all(cell_len(line) <= width for line in printed)
    assert squeeze("".join(printed)) == squeeze("".join(line for _style, line in lines_for(real_trip, lang)))  # type: ignore[arg-type]
