"""The Markdown export, read back as CommonMark/GFM (tables, footnotes) with markdown-it-py.

The hostile-text tests render a trip whose every string is made of Markdown and HTML syntax and
check that it produces exactly the same document structure as the same trip with plain words,
that no HTML, link, code, emphasis or strikethrough token comes out of the data, that the table
keeps its columns, and that the text reads back as the data.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from tripdesk.export import render
from tripdesk.export.escape import inline
from tripdesk.export.labels import long_date, outlet_known
from tripdesk.files.loader import load_file, load_paths
from tripdesk.i18n import translator
from tripdesk.model import Text, Trip
from tripdesk.files.yamlread import strip_control

from .conftest import DATA, SAMPLE

MD = MarkdownIt("commonmark").enable("table").enable("strikethrough").use(footnote_plugin)
LANGS = ("ko", "en", "both")
REAL_IDS = ("daejeon-2025-us", "gumi-2013-san-diego", "gumi-2017-americas", "gumi-2024-us")

REASON = Text(plain="reason")  # an inferred value's reason, as a file gives it


# -- helpers shared with the other export tests ---------------------------------------------


def sample_trip() -> Trip:
    loaded, problems = load_file(SAMPLE)
    assert loaded is not None, problems
    return loaded.trip


def real_trips() -> dict[str, Trip]:
    result = load_paths([DATA])
    assert not result.problems, result.problems
    return {t.trip.id: t.trip for t in result.trips}


HOSTILE = [
    "a | b | c",
    "*bold* _it_ __x__ **y** snake_case",
    "# not a heading #",
    "<script>alert(1)</script>",
    "<b>bold</b> &amp; &#60; &copy;",
    "[link](http://evil.example) ![img](x.png) [^src-a]",
    "`code` ``more``",
    "line one\nline two\n- item\n# heading\n> quote\n1. one\n---\n\n| x | y |\n|---|---|",
    "trailing backslash \\",
    "~~strike~~ ~one~",
    "    indented code",
    "=====",
    "<!-- comment -->",
    "\\*escaped\\* \\[x\\]",
    "|",
    "wow!",
    "[ref]: http://ref.example",
    "1) paren list",
    "+ plus",
    "*",
    "-",
    "_",
    "<http://auto.link>",
    "a\\|b",
    "2024. 10. 12",
    ":::\n```\nfenced\n```",
    "> [!NOTE]",
    "- [ ] task",
]

# Fields that hold ids, enumerations fixed by the format, or structure: kept as they are.
KEEP = {"id", "sources", "trip_sources", "person", "speaker", "parties", "signatories",
        "organisations", "people", "officials", "companies", "institutions", "event", "lang",
        "by", "translated", "translated_by", "status", "country", "language", "time", "url",
        "organisation", "date", "start", "end", "published", "days", "nights", "head_count"}


def transformed(obj: Any, make: Callable[[], str]) -> Any:
    """A copy of a model object with every free-text string replaced by make()."""
    if isinstance(obj, Text):
        return dataclasses.replace(obj, **{k: make() for k in ("ko", "en", "plain")
                                           if getattr(obj, k) is not None})
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            is_ids = isinstance(value, str) or (isinstance(value, tuple) and all(isinstance(x, str) for x in value))
            if f.name not in KEEP or not (is_ids or value is None):  # Trip.people are records
                changes[f.name] = transformed(value, make)
        return dataclasses.replace(obj, **changes)
    if isinstance(obj, tuple):
        return tuple(transformed(x, make) for x in obj)
    if isinstance(obj, dict):  # inferred: field -> reason
        return {k: make() for k in obj}
    if isinstance(obj, str):
        return make()
    return obj


def rich_sample() -> Trip:
    """The sample trip with every optional text filled in and something inferred everywhere."""
    trip = sample_trip()
    t = lambda ko, en: Text(ko=ko, en=en, translated="en", translated_by="editors")  # noqa: E731
    day = trip.days[0]
    event = dataclasses.replace(
        day.events[0], description=t("설명", "description"),
        place=dataclasses.replace(day.places[0], venue=t("장소", "venue")),
        inferred={"time": REASON, "place": REASON})
    day = dataclasses.replace(day, events=(event,), notes=t("메모", "notes"), inferred={"places": REASON})
    agreement = dataclasses.replace(trip.agreements[0], scope=t("범위", "scope"), place=day.places[0],
                                    signatories=("hong-gil-dong",),
                                    inferred={"date": REASON, "kind": REASON, "scope": REASON})
    quote = dataclasses.replace(trip.quotes[0], role=t("역할", "role"), context=t("맥락", "context"),
                                event="library-mou", inferred={"date": REASON, "role": REASON})
    source = dataclasses.replace(trip.sources[0], notes=Text(plain="notes"), inferred={"published": REASON})
    people = tuple(dataclasses.replace(p, aliases=("alias",), organisation="samplecity-gov")
                   for p in trip.people)
    organisations = tuple(dataclasses.replace(o, aliases=("alias",), city=t("도시", "city"))
                          for o in trip.organisations)
    delegation = dataclasses.replace(trip.delegation, institutions=("seattle-library",),
                                     description=t("대표단", "delegation"))
    return dataclasses.replace(
        trip, days=(day,), agreements=(agreement,), quotes=(quote,), sources=(source,),
        people=people, organisations=organisations, delegation=delegation,
        inferred={"start": REASON, "title": REASON, "delegation": REASON})


def hostile_and_plain(trip: Trip) -> tuple[Trip, Trip, list[str]]:
    """The trip with hostile strings, the same trip with plain words, and the hostile strings."""
    used: list[str] = []
    pool = itertools.cycle(HOSTILE)

    def hostile() -> str:
        used.append(next(pool))
        return used[-1]

    words = (f"word{n}" for n in itertools.count())
    return transformed(trip, hostile), transformed(trip, lambda: next(words)), used


def parse(text: str) -> tuple[list[Token], dict]:
    env: dict = {}
    return MD.parse(text, env), env


def shape(tokens: list[Token]) -> list[tuple[str, str]]:
    """The document's structure: every token but text, runs of text as one ("text", "")."""
    out: list[tuple[str, str]] = []
    for token in tokens:
        if token.type != "inline":
            out.append((token.type, token.tag))
            continue
        for child in token.children or []:
            kind = ("text", "") if child.type in ("text", "softbreak") else (child.type, child.tag)
            if kind != ("text", "") or not out or out[-1] != kind:
                out.append(kind)
    return out


def inline_children(tokens: list[Token]) -> list[Token]:
    return [c for t in tokens if t.type == "inline" for c in t.children or []]


def all_text(tokens: list[Token]) -> str:
    parts = []
    for t in tokens:
        if t.type == "inline":
            parts.append("".join(c.content if c.type != "softbreak" else " " for c in t.children or []))
    return " ".join(" ".join(parts).split())


def table_rows(tokens: list[Token]) -> list[int]:
    """The number of cells in every table row."""
    rows, cells = [], 0
    for t in tokens:
        if t.type == "tr_open":
            cells = 0
        elif t.type in ("th_open", "td_open"):
            cells += 1
        elif t.type == "tr_close":
            rows.append(cells)
    return rows


def check_footnotes(text: str) -> None:
    """Every footnote referenced is defined, every one defined is referenced, labels are valid."""
    tokens, env = parse(text)
    refs = env.get("footnotes", {}).get("refs", {})
    defined = [label[1:] for label in refs]
    assert all(re.fullmatch(r"[a-z0-9-]+", label) for label in defined), defined
    assert all(n >= 0 for n in refs.values()), f"defined but never cited: {refs}"
    raw_defs = re.findall(r"^\[\^([^\]]+)\]:", text, flags=re.M)
    assert len(raw_defs) == len(set(raw_defs)) == len(defined), raw_defs
    cited = {c.meta["label"] for c in inline_children(tokens) if c.type == "footnote_ref"}
    assert cited == set(defined)
    # A reference to a missing footnote stays as text "[^...]".
    assert not any("[^" in c.content for c in inline_children(tokens) if c.type == "text")


# -- the real trips -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def trips() -> dict[str, Trip]:
    return real_trips()


def test_the_real_trips_are_there(trips: dict[str, Trip]) -> None:
    assert set(REAL_IDS) <= set(trips)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("trip_id", REAL_IDS)
def test_structure_of_the_real_briefings(trips: dict[str, Trip], trip_id: str, lang: str) -> None:
    trip = trips[trip_id]
    text = render(trip, "md", lang, full=True)
    tokens, _ = parse(text)
    headings = [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert [h for h in headings if h[0] == "h1"] == [("h1", headings[0][1])]
    h2 = [content for tag, content in headings if tag == "h2"]
    _ = translator(lang)  # the headings in the language of the labels ("both": the locale's)
    assert h2[0] == _("Itinerary") and h2[-1] == _("Sources")
    assert (_("Agreements") in h2) == bool(trip.agreements)
    assert (_("Quotes") in h2) == bool(trip.quotes)
    assert h2[-2] == _("Evidence")  # every real trip has excerpts
    days = [content for tag, content in headings if tag == "h3" and content not in (_("People"), _("Organisations"))
            and not content.startswith(_("No day given · {when}").split("{when}")[0])]
    assert len(days) == trip.day_count
    for (number, date, _day), heading in zip(trip.calendar(), days):
        assert heading.startswith(_("Day {number} · {date}").format(number=number, date=long_date(date, lang)))
    assert not [t for t in tokens if t.type.startswith("html")]
    assert not [c for c in inline_children(tokens) if c.type.startswith("html")]
    rows = table_rows(tokens)
    assert rows == ([5] * (len(trip.agreements) + 1) if trip.agreements else [])
    check_footnotes(text)
    # Every event, agreement and quote cites its sources.
    cited = [c.meta["label"] for c in inline_children(tokens) if c.type == "footnote_ref"]
    expected = [s for _, e in trip.events() for s in e.sources] + \
        [s for a in trip.agreements for s in a.sources] + [s for q in trip.quotes for s in q.sources]
    assert set(expected) <= set(cited)


def test_briefing_reads_as_a_briefing(trips: dict[str, Trip]) -> None:
    text = render(trips["gumi-2024-us"], "md", "both", full=True)
    assert text.startswith("# 구미시 대표단 미국 방문")
    assert "- **Home city:** 구미 (Gumi), 경상북도 (North Gyeongsang Province), KR" in text
    assert "- **Dates:** 12 – 20 Oct 2024, 9 days; reported as 6박 9일 (6 nights 9 days)[^evidence-1] †" in text
    assert "### Day 1 · Sat 12 Oct 2024\n\nNothing recorded." in text
    assert "### Day 4 · Tue 15 Oct 2024 · 헌츠빌 (Huntsville), AL, US" in text
    assert "> — 김장호 (Kim Jang-ho), 구미시장 (Mayor of Gumi)" in text
    assert "(machine translation printed with the article)" in text
    assert "[^src-000]: 브레이크뉴스 구미 (Break News Gumi), “구미시, 미국서" in text
    assert "file 000_b8185a0e63ff7e9a.txt" in text
    assert "† Inferred — start: " in text and "The article gives 10월 12일 without a year" in text


def test_the_briefing_says_things_once_and_without_nested_brackets(trips: dict[str, Trip]) -> None:
    trip = trips["gumi-2024-us"]
    en, both = render(trip, "md", "en", full=True), render(trip, "md", "both", full=True)
    # The translation note under the English title, not in the heading.
    assert en.startswith("# Gumi City delegation visit to the United States (AUSA 2024, Huntsville, "
                         "California)\n\nTitle: translation by the editors.\n\n")
    h1 = [t for t in parse(en)[0] if t.type == "inline"][0].content
    assert "translation" not in h1
    # The span as printed, then what it says.
    assert "- **Dates:** 12 – 20 Oct 2024, 9 days; reported as 6박 9일 (6 nights 9 days)[^evidence-1] †" in en
    assert "((" not in en.split("## Itinerary")[0] and "))" not in en.split("## Itinerary")[0]
    # An organisation that the role already names is not named again.
    assert ("- Choi Byeong-ro — Executive Vice Chairman, Korea Defense Industry Association "
            "(oversees the Korea SME Pavilion)\n") in en
    assert "Korea Defense Industry Association), 한국방위산업진흥회" not in both
    # ...while one the role does not name still is.
    assert "- Kim Jang-ho — Mayor of Gumi, Gumi City\n" in en


def test_one_language_shows_only_that_language(trips: dict[str, Trip]) -> None:
    trip = trips["gumi-2024-us"]
    en, ko = render(trip, "md", "en", full=True), render(trip, "md", "ko", full=True)
    assert en.startswith("# Gumi City delegation visit to the United States")
    assert "헌츠빌" not in en.split("## Quotes")[0]  # Korean names only in the verbatim quotes
    assert "> 이번 미국 방문을 통해" in en  # the original, always shown
    assert ko.startswith("# 구미시 대표단 미국 방문")
    assert "Huntsville Chamber" not in ko
    assert "This visit to the U.S." not in ko  # a Korean quote needs no translation in Korean


def footnote_texts(text: str) -> dict[str, str]:
    """Each footnote's label and its text, as a reader of the rendered briefing sees it."""
    tokens, _ = parse(text)
    out: dict[str, str] = {}
    label = None
    for token in tokens:
        if token.type == "footnote_open":
            label, out[token.meta["label"]] = token.meta["label"], ""
        elif token.type == "inline" and label is not None:
            out[label] += all_text([token])
        elif token.type == "footnote_close":
            label = None
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("trip_id", REAL_IDS)
def test_every_fact_with_evidence_cites_a_footnote_quoting_its_excerpts(
        trips: dict[str, Trip], trip_id: str, lang: str) -> None:
    """The sentence behind each fact: the trip's dates, each day's places, each event,
    agreement and quote cite a footnote of their own, which quotes every excerpt as the
    source prints it (read back from the rendered Markdown) with the source's outlet."""
    trip = trips[trip_id]
    text = render(trip, "md", lang, full=True)
    notes = footnote_texts(text)
    records: list[tuple[str, tuple]] = [(f"- **{translator(lang)('Dates')}:**", trip.evidence)]
    for number, date, day in trip.calendar():
        if day is not None:
            records.append(("### " + translator(lang)("Day {number} · {date}").format(
                number=number, date=long_date(date, lang)), day.evidence))
            records += [(f"· {inline(L_title(e.title, lang))}[^", e.evidence) for e in day.events]
    records += [(f"| {inline(L_title(a.title, lang))}[^", a.evidence) for a in trip.agreements]
    records += [(f"> {inline(q.original.text)}", q.evidence) for q in trip.quotes]
    with_evidence = [(start, items) for start, items in records if items]
    assert len(with_evidence) >= 10  # the bundled trips carry evidence on nearly every record
    for start, items in with_evidence:
        at = text.index(start)
        line = text[at:text.index("\n", at) if not start.startswith(">") else text.index("\n\n", at)]
        labels = re.findall(r"\[\^(evidence-\d+)\]", line)
        assert len(labels) == 1, (start, line)
        note = notes[labels[0]]
        for e in items:
            assert f"“{' '.join(e.text.split())}”" in note, (labels[0], e.text, note)
            source = trip.source(e.source)
            assert source is not None
            if outlet_known(source):
                assert source.outlet.get(lang if lang != "both" else "ko") in note
            else:  # the file names it, never "unknown outlet"
                assert (source.file or source.url) in note
                assert source.outlet.get("en") not in note and source.outlet.get("ko") not in note


def L_title(value: Text, lang: str) -> str:
    from tripdesk.export.labels import title

    return title(value, lang)  # type: ignore[arg-type]


def test_a_trip_without_evidence_has_no_evidence_section() -> None:
    text = render(sample_trip(), "md", "both", full=True)
    assert "## Evidence" not in text and "evidence-" not in text
    assert "Every fact is footnoted to its source (see Sources). †" in text


def test_an_evidence_footnote_never_takes_a_source_s_label() -> None:
    trip = sample_trip()
    from tripdesk.model import Evidence

    source = dataclasses.replace(trip.sources[0], id="evidence-1")
    day = trip.days[0]
    event = dataclasses.replace(day.events[0], sources=("evidence-1",), evidence=(Evidence("evidence-1", "*x* <b>y</b> | z"),))
    trip = dataclasses.replace(trip, sources=(source,), trip_sources=("evidence-1",),
                               days=(dataclasses.replace(day, events=(event,)),),
                               agreements=(), quotes=())
    text = render(trip, "md", "both", full=True)
    check_footnotes(text)
    notes = footnote_texts(text)
    assert set(notes) == {"evidence-1", "evidence-2"}
    assert notes["evidence-2"].endswith("“*x* <b>y</b> | z” (Sample News, 2024-10-10, sample.txt)")


# -- the sample trip: every part of the format -----------------------------------------------


def test_sample_with_everything() -> None:
    trip = rich_sample()
    text = render(trip, "md", "both", full=True)
    tokens, _ = parse(text)
    check_footnotes(text)
    assert "- **14:30** · signing · 시애틀 공공도서관 협약 체결 / Signing with the Seattle Public Library[^src-a] †" in text
    assert "  - Place: 장소 (venue), 시애틀 (Seattle), WA, US" in text
    assert "  - † Inferred — time: reason" in text
    assert "### Day 2 · Sun 13 Oct 2024 · 시애틀 (Seattle), WA, US †" in text
    assert "| 도서관 협력 양해각서 / Library cooperation MOU[^src-a] † | MOU † |" in text
    assert "| 2024-10-13 † |" in text
    assert "  - Signed by: 홍길동 (Hong Gil-dong)" in text
    assert "> Together we make history (translation by the editors)" in text
    assert "2024-10-10 †[^src-a] †" in text
    assert "Said at: 시애틀 공공도서관 협약 체결 / Signing with the Seattle Public Library (Sun 13 Oct 2024)" in text
    assert "Thu 10 Oct 2024 †, file sample.txt. notes † Inferred — published: reason" in text
    assert text.startswith("# 샘플시 대표단 미국 방문 †\n\nSample City delegation to the US (translation by the editors)")
    assert "- **Delegation:** officials: 홍길동 (Hong Gil-dong); companies: 애크미 (ACME Corp); " \
           "institutions: 시애틀 공공도서관 (Seattle Public Library); 5 people in all †" in text
    assert table_rows(tokens) == [5, 5]


def test_an_uncited_source_is_listed_but_not_a_footnote() -> None:
    trip = sample_trip()
    extra = dataclasses.replace(trip.sources[0], id="src-b", file="other.txt")
    text = render(dataclasses.replace(trip, sources=(*trip.sources, extra)), "md", full=True)
    check_footnotes(text)
    assert "Also consulted, not cited above:\n\n- Sample News" in text
    assert "[^src-b]" not in text


def test_footnote_labels_are_valid_and_unique_whatever_the_ids() -> None:
    trip = sample_trip()
    odd = [dataclasses.replace(trip.sources[0], id=i) for i in ("src a", "SRC-A", "src_a", "]^x")]
    ids = [s.id for s in odd]
    trip = dataclasses.replace(trip, sources=tuple(odd), trip_sources=tuple(ids),
                               quotes=tuple(dataclasses.replace(q, sources=tuple(ids)) for q in trip.quotes))
    text = render(trip, "md", full=True)
    check_footnotes(text)
    assert {"[^src-a]", "[^src-a-2]", "[^src-a-3]", "[^x]"} <= set(re.findall(r"\[\^[^\]]+\]", text))


# -- hostile text ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_hostile_text_never_changes_the_structure(lang: str) -> None:
    hostile, plain, used = hostile_and_plain(rich_sample())
    hostile_text, plain_text = render(hostile, "md", lang, full=True), render(plain, "md", lang, full=True)
    tokens, _ = parse(hostile_text)
    assert shape(tokens) == shape(parse(plain_text)[0])
    assert not [t for t in tokens if t.type.startswith("html")]
    children = inline_children(tokens)
    for forbidden in ("html_inline", "link_open", "image", "code_inline", "s_open", "em_open"):
        assert not [c for c in children if c.type == forbidden], forbidden
    assert table_rows(tokens) == [5, 5]
    assert set(used) == set(HOSTILE)  # every string went into some field
    if lang == "both":
        text = all_text(tokens)
        for value in used:
            assert " ".join(value.split()) in text, value


def test_hostile_text_in_the_real_trips() -> None:
    trip = real_trips()["gumi-2024-us"]
    hostile, plain, used = hostile_and_plain(trip)
    tokens, _ = parse(render(hostile, "md", "both", full=True))
    assert shape(tokens) == shape(parse(render(plain, "md", "both", full=True))[0])
    text = all_text(tokens)
    assert all(" ".join(v.split()) in text for v in used)


@pytest.mark.parametrize("value", HOSTILE + ["<", "&", "#", "!", "\\", "`", "[", "]"])
def test_escaped_value_reads_back_as_itself(value: str) -> None:
    for context in ("{}", "- {}", "x {} y", "| {} | b |\n| - | - |", "# {}", "{}[^n]\n\n[^n]: x"):
        tokens, _ = parse(context.format(inline(value)))
        texts = [c for c in inline_children(tokens) if c.type not in ("text", "softbreak", "footnote_ref")]
        assert texts == [], (context, value, texts)
        assert " ".join(value.split()) in all_text(tokens), (context, value)


def test_urls_link_only_when_plainly_http() -> None:
    trip = sample_trip()
    for url, linked in (("https://example.com/a_b?x=1&y=2", True),
                        ("javascript:alert(1)", False),
                        ("http://x.example/<script>", False),
                        ("http://x.example/ space", False)):
        source = dataclasses.replace(trip.sources[0], url=url)
        tokens, _ = parse(render(dataclasses.replace(trip, sources=(source,)), "md", full=True))
        links = [c.attrs.get("href") for c in inline_children(tokens) if c.type == "link_open"]
        assert links == ([url] if linked else []), url
        assert url in all_text(tokens)


def gfm_parser() -> MarkdownIt:
    """GFM as a reader's renderer would have it: tables, strikethrough, linkify when installed."""
    md = MarkdownIt("gfm-like", {"linkify": True}).use(footnote_plugin)
    try:
        import linkify_it  # noqa: F401
    except ImportError:
        md.disable("linkify")
    return md


@pytest.mark.parametrize(("url", "href"), [
    ("https://example.com/a_b?c=d|e", "https://example.com/a_b?c=d%7Ce"),
    ("https://example.com/x?q={a^b}&s=\"c\"", "https://example.com/x?q=%7Ba%5Eb%7D&s=%22c%22"),
    ("https://news.example/기사/1", "https://news.example/%EA%B8%B0%EC%82%AC/1"),
    ("https://example.com/a%7Cb", "https://example.com/a%7Cb"),  # already encoded: kept
])
def test_a_url_outside_the_safe_set_is_percent_encoded_into_one_working_link(url: str, href: str) -> None:
    trip = sample_trip()
    source = dataclasses.replace(trip.sources[0], url=url)
    text = render(dataclasses.replace(trip, sources=(source,)), "md", full=True)
    assert f"<{href}>" in text
    for md in (MD, gfm_parser()):
        children = [c for t in md.parse(text) if t.type == "inline" for c in t.children or []]
        links = [c.attrs.get("href") for c in children if c.type == "link_open"]
        assert links == [href], (md, links)


# Any text at all: made of the characters Markdown cares about, and of everything else.
MARKDOWNISH = st.text(alphabet=st.sampled_from(list("\\`*_[]()<>|~#&!-+=.:;^\"' \n\t1aZ한/")) ,
                      max_size=40)


@settings(max_examples=400, deadline=None)
@given(value=st.one_of(MARKDOWNISH, st.text(max_size=40)))
def test_any_value_reads_back_as_itself(value: str) -> None:
    expected = " ".join(strip_control(value).split())
    for context in ("{}", "- {}", "  - x\n  - {}", "x {} y", "| a | b |\n| - | - |\n| {} | b |",
                    "### {}", "**x:** {}[^n]\n\n[^n]: y", "> {}", "[^n]: {}\n\nz[^n]"):
        tokens, _ = parse(context.format(inline(value)))
        odd = [c.type for c in inline_children(tokens)
               if c.type not in ("text", "softbreak", "footnote_ref", "strong_open", "strong_close")]
        assert odd == [], (context, value)
        assert not [t.type for t in tokens if t.type.startswith(("html", "code", "fence", "hr"))]
        text = all_text(tokens)
        assert expected in text, (context, value, text)
    rows = table_rows(parse(f"| a | b |\n| - | - |\n| {inline(value)} | b |")[0])
    assert rows == [2, 2]
