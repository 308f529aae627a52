"""Property-based tests (hypothesis).

1. Any valid trip survives YAML -> loader -> store -> JSON export unchanged: the document read
   back from the store is the document that was written, and so is the JSON export, which also
   validates again when imported as a file.
2. Arbitrary text (or any other value) in any field never crashes validation, import,
   headless rendering or export; a whole file of arbitrary text or bytes never crashes the
   reader. Headless rendering includes the desk's: the timeline rows and the detail of the
   trip, of every day and of every event, in each language, drawn as its widgets draw them
   (without an app: the same Content, cut or wrapped, styles resolved against the default
   theme); user text, markup included, appears literally.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from tripdesk.files import yamlread
from tripdesk.cli import main
from tripdesk.files.document import trip_to_document
from tripdesk.export import render
from tripdesk.store.importer import import_paths
from tripdesk.files.loader import load_file
from tripdesk.model import AGREEMENT_KINDS, EVENT_KINDS, ORGANISATION_KINDS, TRIP_STATUSES, Trip
from tripdesk.problems import ValidationFailed
from tripdesk.store.queries import load_trip, search
from tripdesk.store import Store
from tripdesk.timeline import render_timeline
from tripdesk.ui.panes.detail import detail_doc
from tripdesk.ui.render import fit, fit_str, one_line
from tripdesk.ui.panes.timeline import build_options, on_a_day

from .conftest import SAMPLE

# TRIPDESK_FUZZ_EXAMPLES=2000 runs a long fuzzing session; the suite keeps to a few seconds each.
EXAMPLES = int(os.environ.get("TRIPDESK_FUZZ_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
NOISE_SETTINGS = settings(max_examples=max(100, EXAMPLES), deadline=None)

# -- strategies ---------------------------------------------------------------------------------

# Text as import keeps it: no control characters (other than newline and tab), no bidi
# overrides (import removes them) and no U+2028/U+2029 (which become newlines): see
# yamlread.strip_control.
_STRIPPED = "".join(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029))
kept_chars = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=_STRIPPED) | \
    st.sampled_from("\n\t")
words = st.text(kept_chars, min_size=1, max_size=25).filter(lambda s: s.strip())
# Anything at all, control characters, bidi overrides and lone line breaks included.
any_text = st.text(max_size=40)

ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,15}", fullmatch=True)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def compact(doc: dict[str, Any]) -> dict[str, Any]:
    """As trip_to_document writes it: no None, no empty list or mapping."""
    return {k: v for k, v in doc.items() if v is not None and v != [] and v != {}}


@st.composite
def texts(draw: st.DrawFn) -> Any:
    """A Text in the canonical document form: a plain string, or ko/en with a translation."""
    if draw(st.booleans()):
        return draw(words)
    langs = draw(st.sampled_from([("ko",), ("en",), ("ko", "en")]))
    doc: dict[str, str] = {lang: draw(words) for lang in langs}
    translated = draw(optional(st.sampled_from(langs)))
    if translated:
        doc["translated"] = translated
        doc["translated_by"] = draw(st.sampled_from(["article", "editors"]))
    return doc


def inferred(fields: list[str]) -> st.SearchStrategy[dict[str, str]]:
    return st.dictionaries(st.sampled_from(fields), words, max_size=2)


def iso(day: dt.date) -> str:
    return day.isoformat()


@st.composite
def places(draw: st.DrawFn) -> dict[str, Any]:
    return compact({
        "city": draw(texts()),
        "state": draw(optional(words)),
        "country": draw(st.from_regex(r"[A-Z]{2}", fullmatch=True)),
        "venue": draw(optional(texts())),
    })


def evidence(sources: list[str]) -> st.SearchStrategy[list[dict[str, str]]]:
    """Excerpts of the trip's sources, as `trip_to_document` writes them."""
    return st.lists(st.builds(lambda source, text: {"source": source, "text": text},
                              st.sampled_from(sources), words), max_size=2)


def subset(values: list[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), max_size=3) if values else st.just([])


@st.composite
def trip_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid trip document, exactly as `trip_to_document` would write it."""
    people = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    orgs = draw(st.lists(ids, max_size=3, unique=True))
    sources = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    start = draw(st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))
    length = draw(st.integers(0, 9))
    end = start + dt.timedelta(days=length)
    offsets = sorted(draw(st.sets(st.integers(0, length), max_size=3)))
    event_ids = draw(st.lists(ids, max_size=4, unique=True))
    days = []
    remaining = list(event_ids)
    for offset in offsets:
        take = draw(st.integers(0, len(remaining)))
        events = []
        for event_id in remaining[:take]:
            events.append(compact({
                "id": event_id,
                "time": draw(optional(st.from_regex(r"([01]\d|2[0-3]):[0-5]\d", fullmatch=True))),
                "kind": draw(st.sampled_from(EVENT_KINDS)),
                "title": draw(texts()),
                "description": draw(optional(texts())),
                "place": draw(optional(places())),
                "organisations": draw(subset(orgs)),
                "people": draw(subset(people)),
                "sources": draw(st.lists(st.sampled_from(sources), min_size=1, max_size=2)),
                "evidence": draw(evidence(sources)),
                "inferred": draw(inferred(["time", "kind", "title", "place", "date"])),
            }))
        remaining = remaining[take:]
        days.append(compact({
            "date": iso(start + dt.timedelta(days=offset)),
            "places": draw(st.lists(places(), max_size=2)),
            "notes": draw(optional(texts())),
            "evidence": draw(evidence(sources)),
            "inferred": draw(inferred(["places", "notes"])),
            "events": events,
        }))
    placed = [e["id"] for d in days for e in d.get("events", [])]
    nights = draw(optional(st.integers(0, length)))
    trip = compact({
        "id": draw(ids),
        "home_city": {"id": draw(ids), "name": draw(texts()), "province": draw(texts()),
                      "country": draw(st.from_regex(r"[A-Z]{2}", fullmatch=True))},
        "title": draw(texts()),
        "leader": {"person": draw(st.sampled_from(people)), "role": draw(texts())},
        "delegation": compact({
            "officials": draw(subset(people)),
            "companies": draw(subset(orgs)),
            "institutions": draw(subset(orgs)),
            "head_count": draw(optional(st.integers(0, 10_000))),
            "description": draw(optional(texts())),
        }),
        "start": iso(start),
        "end": iso(end),
        "span_reported": draw(optional(st.builds(
            lambda text: compact({"days": length + 1, "nights": nights, "text": text}),
            optional(words)))),
        "status": draw(st.sampled_from(TRIP_STATUSES)),
        "purpose": draw(optional(texts())),
        "themes": draw(st.lists(texts(), max_size=2)),
        "sources": draw(subset(sources)),
        "evidence": draw(evidence(sources)),
        "inferred": draw(inferred(["start", "end", "title", "purpose"])),
    })
    return compact({
        "tripdesk": 1,
        "trip": trip,
        "sources": [compact({
            "id": source_id,
            "outlet": draw(texts()),
            "headline": draw(texts()),
            "published": draw(optional(st.dates(dt.date(1900, 1, 1)).map(iso))),
            "file": draw(optional(words)),
            "url": draw(optional(words)),
            "language": draw(st.sampled_from(["ko", "en"])),
            "notes": draw(optional(words)),
            "inferred": draw(inferred(["published", "headline"])),
        }) for source_id in sources],
        "organisations": [compact({
            "id": org_id,
            "name": draw(texts()),
            "aliases": draw(st.lists(words, max_size=2)),
            "kind": draw(st.sampled_from(ORGANISATION_KINDS)),
            "city": draw(optional(texts())),
        }) for org_id in orgs],
        "people": [compact({
            "id": person_id,
            "name": draw(texts()),
            "aliases": draw(st.lists(words, max_size=2)),
            "role": draw(optional(texts())),
            "organisation": draw(optional(st.sampled_from(orgs))) if orgs else None,
        }) for person_id in people],
        "days": days,
        "agreements": [compact({
            "id": agreement_id,
            "title": draw(texts()),
            "kind": draw(st.sampled_from(AGREEMENT_KINDS)),
            "parties": draw(subset(orgs)),
            "signatories": draw(subset(people)),
            "date": draw(optional(st.integers(0, length).map(lambda n: iso(start + dt.timedelta(days=n))))),
            "place": draw(optional(places())),
            "scope": draw(optional(texts())),
            "event": draw(optional(st.sampled_from(placed))) if placed else None,
            "sources": draw(st.lists(st.sampled_from(sources), min_size=1, max_size=2)),
            "evidence": draw(evidence(sources)),
            "inferred": draw(inferred(["date", "parties"])),
        }) for agreement_id in draw(st.lists(ids, max_size=2, unique=True))],
        "quotes": [compact({
            "id": quote_id,
            "speaker": draw(st.sampled_from(people)),
            "role": draw(optional(texts())),
            "original": {"lang": (lang := draw(st.sampled_from(["ko", "en"]))), "text": draw(words)},
            "translation": draw(optional(st.builds(
                lambda text, by: {"lang": "en" if lang == "ko" else "ko", "text": text, "by": by},
                words, st.sampled_from(["article", "editors"])))),
            "context": draw(optional(texts())),
            "date": draw(optional(st.dates(dt.date(1900, 1, 1)).map(iso))),
            "event": draw(optional(st.sampled_from(placed))) if placed else None,
            "sources": draw(st.lists(st.sampled_from(sources), min_size=1, max_size=2)),
            "evidence": draw(evidence(sources)),
            "inferred": draw(inferred(["date", "context"])),
        }) for quote_id in draw(st.lists(ids, max_size=2, unique=True))],
    })


def write_yaml(doc: Any, folder: Path, name: str = "trip.yaml") -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# -- 1. the round trip -------------------------------------------------------------------------


@SETTINGS
@given(doc=trip_documents())
def test_a_valid_trip_survives_yaml_store_and_json_export_unchanged(doc: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = write_yaml(doc, folder)
        loaded, problems = load_file(path)
        assert problems == []
        assert loaded is not None
        assert trip_to_document(loaded.trip) == doc

        with Store.open(folder / "tripdesk.db") as store:
            report = import_paths(store, [path])
            assert report.added == [doc["trip"]["id"]]
            trip = load_trip(store, doc["trip"]["id"])
        assert trip is not None
        assert trip == loaded.trip
        exported = render(trip, "json")
        assert json.loads(exported) == doc
        assert json.loads(json.dumps(trip_to_document(trip))) == doc

        # The JSON export is a trip file too, and reads back as the same trip.
        again = folder / "again.json"
        again.write_text(exported, encoding="utf-8")
        reloaded, problems = load_file(again)
        assert problems == [] and reloaded is not None
        assert reloaded.trip == trip


# -- 2. nothing crashes ------------------------------------------------------------------------


def leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value in a document, containers included (the root excepted)."""
    out = [path] if path else []
    if isinstance(value, dict):
        for key, sub in value.items():
            out += leaves(sub, path + (key,))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            out += leaves(sub, path + (i,))
    return out


def replace(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        doc = doc[part]
    doc[path[-1]] = value


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | any_text | st.dates(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=8,
)


def _theme_styles() -> Callable[[Any], Any]:
    """Resolves a span's style (`bold $accent`) as the desk's widgets do, with the variables
    of Textual's default theme instead of a running app's."""
    from textual.style import Style
    from textual.theme import BUILTIN_THEMES

    variables = BUILTIN_THEMES["textual-dark"].to_color_system().generate()
    parsed: dict[str, Style] = {}  # kept, as the widgets keep theirs: parsing one takes ~3 ms

    def parse(style: Any) -> Any:
        if not isinstance(style, str):
            return style
        if style not in parsed:
            parsed[style] = Style.parse(style, variables)
        return parsed[style]

    return parse


PARSE_STYLE = _theme_styles()


def draw(line: Any, width: int) -> str:
    """One line of content drawn as the desk's line-API widgets draw it (cut to the width,
    styles resolved, made a Strip of exactly that width); the characters drawn."""
    from rich.segment import Segment
    from textual.strip import Strip

    cut = fit(line, width)
    segments = [Segment(text, style.rich_style)
                for text, style in cut.render(end="", parse_style=PARSE_STYLE)]
    strip = Strip(segments).extend_cell_length(width)
    assert strip.cell_length == width
    return strip.text


line_chars = st.sampled_from("가나다라 한글abc xyz·(…)1-") | st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))


@given(text=st.text(line_chars, max_size=30), width=st.integers(min_value=1, max_value=24),
       styled=st.integers(min_value=0, max_value=30))
def test_fit_cuts_at_the_width_with_the_ellipsis_after_the_last_character(text: str, width: int,
                                                                          styled: int) -> None:
    """A cut line is no wider than the width; it is the longest prefix (less trailing spaces)
    that leaves a cell for the '…', which follows it directly (never a space before it, as
    Content.truncate leaves when a double-width character does not fit) and is styled as
    the character it replaces. `fit_str` cuts plain strings the same way."""
    from rich.cells import cell_len
    from textual.content import Content

    line = Content(text).stylize("bold", styled, styled + 1)
    cut = fit(line, width)
    assert fit_str(text, width) == cut.plain
    if cell_len(text) <= width:
        assert cut is line
        return
    assert cut.cell_length <= width and cut.plain.endswith("…")
    kept = cut.plain[:-1]
    assert text.startswith(kept) and kept == kept.rstrip()
    room = max(n for n in range(len(text) + 1) if cell_len(text[:n]) <= width - 1)
    assert kept == text[:room].rstrip()
    ellipsis_styles = {str(span.style) for span in cut.spans if span.start <= len(kept) < span.end}
    assert ellipsis_styles == ({"bold"} if styled == len(kept) else set())


def render_desk(trip: Trip) -> None:
    """What the desk draws for a trip, in each language: the timeline's rows (the trip, every
    calendar day, every event) and the detail of each of them, wrapped and unwrapped. User text is shown literally: a title with `[b]` or `$x` in it stays those
    characters."""
    refs = ["trip", *(f"day:{date.isoformat()}" for _n, date, _d in trip.calendar()),
            *(f"event:{event.id}" for _day, event in trip.events()),
            # the "whole trip" rows: the agreements and quotes no day holds
            *(f"agreement:{a.id}" for a in trip.agreements if on_a_day(trip, a) is None),
            *(f"quote:{q.id}" for q in trip.quotes if on_a_day(trip, q) is None)]
    for lang in ("ko", "en", "both"):
        rows = build_options(trip, lang)  # type: ignore[arg-type]
        ids = [row.id for row in rows if row.id is not None]
        assert ids[:1] == ["trip"] and sorted(ids) == sorted(refs)
        for row in rows:
            for line in row.lines_for(30):  # the timeline pane's width at 80x24 is about this
                draw(line, 30)  # cut where it does not wrap
        # the detail's heading: the title in the language, in `both` "ko · en" on one line
        title = one_line(trip.title.get(lang))  # type: ignore[arg-type]
        if lang == "both" and trip.title.ko and trip.title.en and trip.title.ko != trip.title.en:
            # the timeline's row: both titles, each whole on a line of its own
            assert [one_line(trip.title.ko), one_line(trip.title.en)] == rows[0].prompt.plain.split("\n")[:2]
        else:
            assert title in rows[0].prompt.plain
        for row, (_day, event) in zip([r for r in rows if (r.id or "").startswith("event:")], trip.events()):
            assert one_line(event.title.get(lang)) in row.prompt.plain  # type: ignore[arg-type]
        for ref in refs:
            doc = detail_doc(trip, ref, lang)  # type: ignore[arg-type]
            plain = "\n".join(line.plain for line in doc.lines())
            if ref == "trip":
                assert title in plain
            elif ref.startswith("event:"):
                event = trip.event(ref[len("event:"):])
                assert event is not None and one_line(event[1].title.get(lang)) in plain  # type: ignore[arg-type]
            for line in doc.lines(48):  # wrapped, under each line's own indent
                draw(line, 48)


def exercise(path: Path, folder: Path) -> None:
    """Everything a trip file goes through; only ValidationFailed may come out of it."""
    loaded, problems = load_file(path)
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1
        assert not yamlread.CONTROL_CHARS.search(str(problem).replace("\n", ""))
        assert "\n" not in str(problem)
    with Store.open(folder / "tripdesk.db") as store:
        try:
            import_paths(store, [path])
        except ValidationFailed as exc:
            assert problems and exc.problems
            assert loaded is None
            return
        assert loaded is not None and not problems
        trip = load_trip(store, loaded.trip.id)
        assert trip == loaded.trip
        for word in ("a", "서울", '"', "NEAR(", "*"):
            search(store, word)
    for lang in ("ko", "en", "both"):
        console = Console(file=io.StringIO(), width=80, color_system="truecolor", force_terminal=True)
        console.print(render_timeline(trip, lang))  # type: ignore[arg-type]
        for fmt in ("md", "json", "ics"):
            assert render(trip, fmt, lang)
    render_desk(trip)  # type: ignore[arg-type]
    # What is exported as JSON imports again, to the same trip.
    again = folder / "again.json"
    again.write_text(render(trip, "json"), encoding="utf-8")
    reloaded, problems = load_file(again)
    assert problems == [] and reloaded is not None and reloaded.trip == trip


def test_a_trip_title_with_a_line_break_exports_to_icalendar(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "en: Sample City delegation to the US,", 'en: "Sample City\\ndelegation",')
    path = tmp_path / "title.yaml"
    path.write_text(text, encoding="utf-8")
    loaded, problems = load_file(path)
    assert not problems and loaded is not None and "\n" in loaded.trip.title.en
    ics = render(loaded.trip, "ics", "en")
    assert "X-WR-CALNAME:Sample City\\ndelegation" in ics
    from icalendar import Calendar

    calendar = Calendar.from_ical(ics)  # the escaped line break keeps the file parseable
    assert len(calendar.walk("VEVENT")) == len(loaded.trip.events())


def test_a_line_break_in_one_language_keeps_the_other_languages_no_break_spaces() -> None:
    """Found by the properties below: in `both` the detail's heading is "ko · en" on one line,
    and a line break in the Korean title made `one_line` split the whole heading on every
    kind of space, so the English title's no-break space came out a plain space."""
    from tripdesk.text import Text

    heading = Text(ko="서울\n방문", en="Visit\xa0to Seoul").get("both")
    assert one_line(heading) == "서울 방문 · Visit\xa0to Seoul"
    assert one_line(" a \t\n b\u3000c \n") == "a b\u3000c"
    assert one_line("no\xa0break") == "no\xa0break"


def test_line_and_paragraph_separators_are_line_breaks(tmp_path: Path) -> None:
    """Found by the properties below: U+2028 survived import, and the JSON export then read back
    differently, because YAML folds U+2028 as a line break where JSON keeps it as a character."""
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "    outlet: Sample News", '    outlet: "Sample \\u2028News \\u2029today"')
    path = tmp_path / "separators.yaml"
    path.write_text(text, encoding="utf-8")
    loaded, problems = load_file(path)
    assert not problems and loaded is not None
    assert loaded.trip.sources[0].outlet.plain == "Sample \nNews \ntoday"
    again = tmp_path / "again.json"
    again.write_text(render(loaded.trip, "json"), encoding="utf-8")
    reloaded, problems = load_file(again)
    assert not problems and reloaded is not None and reloaded.trip == loaded.trip


def test_noncharacters_are_removed_so_the_json_export_imports_again(tmp_path: Path) -> None:
    """Found by the properties below: U+FFFE/U+FFFF, written as escapes, were kept; the JSON
    export then held them raw, and YAML (which reads the JSON) refuses them."""
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "    outlet: Sample News", '    outlet: "Sample \\ufffeNews\\uffff"')
    path = tmp_path / "nonchar.yaml"
    path.write_text(text, encoding="utf-8")
    loaded, problems = load_file(path)
    assert not problems and loaded is not None
    assert loaded.trip.sources[0].outlet.plain == "Sample News"
    again = tmp_path / "again.json"
    again.write_text(render(loaded.trip, "json"), encoding="utf-8")
    reloaded, problems = load_file(again)
    assert not problems and reloaded is not None and reloaded.trip == loaded.trip


@SETTINGS
@given(doc=trip_documents(), data=st.data())
def test_arbitrary_text_in_any_field_never_crashes(doc: dict[str, Any], data: st.DataObject) -> None:
    path_in_doc = data.draw(st.sampled_from(leaves(doc)))
    replace(doc, path_in_doc, data.draw(any_text))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        exercise(write_yaml(doc, folder), folder)


# The keys whose values (and everything under them) are free text.
FREE_TEXT = {"title", "name", "province", "role", "description", "purpose", "themes", "outlet",
             "headline", "file", "url", "notes", "aliases", "city", "venue", "state", "scope",
             "context", "text", "inferred"}
STRUCTURAL = {"translated", "translated_by", "lang", "by", "country", "id"}


@SETTINGS
@given(doc=trip_documents(), data=st.data())
def test_text_with_control_characters_in_every_text_field_never_crashes(
    doc: dict[str, Any], data: st.DataObject
) -> None:
    """Every string of a valid trip gets control characters, bidi overrides and the like."""
    nasty = st.text(st.sampled_from("\x00\x07\x08\x0b\x0c\r\x1b\x7f\x85\x9b\u200b\u200e\u202e\u2066"
                                    "\u2028\u2029\ufeff[]*_`|<>&#\\'\" \n\t"), min_size=1, max_size=6)

    def spoil(value: Any, free: bool = False) -> Any:
        if isinstance(value, dict):
            return {k: v if k in STRUCTURAL else spoil(v, free or k in FREE_TEXT)
                    for k, v in value.items()}
        if isinstance(value, list):
            return [spoil(v, free) for v in value]
        if isinstance(value, str) and free:
            return data.draw(nasty) + value + data.draw(nasty)
        return value

    spoiled = {**doc, **{k: spoil(v) for k, v in doc.items() if k != "tripdesk"}}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        exercise(write_yaml(spoiled, folder), folder)


MARKUP = st.sampled_from(["[b]", "[/b]", "[/]", "[@click=app.quit]", "[red on blue]", "$accent",
                          "[link=https://x.test]", "\\[b]", "[bold $accent]", ":smile:", "&#91;"])


@SETTINGS
@given(doc=trip_documents(), data=st.data())
def test_the_desk_draws_markup_in_user_text_literally(doc: dict[str, Any], data: st.DataObject) -> None:
    """Titles, names and descriptions holding Textual or Rich markup are drawn as those
    characters in the timeline and the detail, never as styles or actions."""

    def spoil(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: spoil(v) if k not in STRUCTURAL else v for k, v in value.items()}
        if isinstance(value, list):
            return [spoil(v) for v in value]
        if isinstance(value, str) and data.draw(st.booleans()):
            return data.draw(MARKUP) + value + data.draw(MARKUP)
        return value

    for key in ("title", "purpose"):
        if key in doc["trip"]:
            doc["trip"][key] = spoil(doc["trip"][key])
    for day in doc.get("days", []):
        for event in day.get("events", []):
            event["title"] = spoil(event["title"])
    if data.draw(st.booleans()):
        doc["trip"]["title"] = {"en": "[b]title[/b] $accent [@click=app.quit]x[/]"}
    with tempfile.TemporaryDirectory() as tmp:
        loaded, problems = load_file(write_yaml(doc, Path(tmp)))
    assert problems == [] and loaded is not None
    render_desk(loaded.trip)


@SETTINGS
@given(doc=trip_documents(), data=st.data())
def test_any_value_in_any_field_never_crashes(doc: dict[str, Any], data: st.DataObject) -> None:
    path_in_doc = data.draw(st.sampled_from(leaves(doc)))
    replace(doc, path_in_doc, data.draw(yaml_values))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        exercise(write_yaml(doc, folder), folder)


@NOISE_SETTINGS
@given(text=st.text(max_size=300))
def test_a_file_of_arbitrary_text_never_crashes_the_reader(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "noise.yaml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        loaded, problems = load_file(path)
        assert (loaded is None) == bool(problems)


@NOISE_SETTINGS
@given(data=st.binary(max_size=300))
def test_a_file_of_arbitrary_bytes_never_crashes_the_reader(data: bytes) -> None:
    yamlread.parse_bytes(data, yamlread.ReadResult("x.yaml"))


yaml_tokens = st.lists(st.sampled_from([
    "tripdesk: 1\n", "trip:\n", "  ", "- ", "[", "]", "{", "}", ": ", ", ", "&a ", "*a ", "!!python/object ",
    "!!str ", "? ", "'", '"', "|\n", ">\n", "#", "\n", "\t", "---\n", "...\n", "%YAML 1.1\n", "<<: ",
    "2024-02-30", "14:30", "~", "x", "한글", "\\", "\ufeff",
]), max_size=40).map("".join)


@NOISE_SETTINGS
@given(text=yaml_tokens)
def test_yaml_shaped_noise_never_crashes_validate(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "noise.yaml"
        path.write_text(text, encoding="utf-8")
        code = main(["validate", str(path)])
        assert code in (0, 1)
