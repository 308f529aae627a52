"""Evidence excerpts: the format accepts them, checks what they cite, and keeps them."""

from __future__ import annotations

from pathlib import Path

from tripdesk.document import trip_to_document
from tripdesk.loader import build_trip, load_file
from tripdesk.model import Evidence

from .conftest import line_of, mutate, problems_for

# Evidence on every kind of record that may carry it: the trip, a day, an event, an
# agreement and a quote.
WITH_EVIDENCE = [
    ("  sources: [src-a]\nsources:",
     "  sources: [src-a]\n  evidence:\n    - {source: src-a, text: 샘플시 대표단이 2박 3일 일정으로}\nsources:"),
    ("        state: WA\n        country: US\n",
     "        state: WA\n        country: US\n    evidence:\n      - {source: src-a, text: 시애틀에 도착해}\n"),
    ("        inferred: {time: The schedule",
     "        evidence:\n          - source: src-a\n            text: \"시애틀 공공도서관과 협약을 맺었다.\"\n"
     "        inferred: {time: The schedule"),
    ("    event: library-mou\n    sources: [src-a]",
     "    event: library-mou\n    sources: [src-a]\n    evidence: [{source: src-a, text: 도서관 협력 양해각서}]"),
    ("    date: 2024-10-10\n    sources: [src-a]",
     "    date: 2024-10-10\n    sources: [src-a]\n    evidence: [{source: src-a, text: 홍 시장은 말했다}]"),
]


def with_evidence(tmp_path: Path, *changes: tuple[str, str]) -> tuple[Path, str]:
    """The sample trip with evidence on every kind of record, then `changes` made to it."""
    from .conftest import SAMPLE_TEXT

    text = SAMPLE_TEXT
    for old, new in WITH_EVIDENCE:
        assert old in text, old
        text = text.replace(old, new, 1)
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "trip.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def test_evidence_on_every_kind_of_record_loads_and_round_trips(tmp_path: Path) -> None:
    path, _text = with_evidence(tmp_path)
    loaded, problems = load_file(path)
    assert problems == [] and loaded is not None
    trip = loaded.trip
    assert trip.evidence == (Evidence("src-a", "샘플시 대표단이 2박 3일 일정으로"),)
    assert trip.days[0].evidence == (Evidence("src-a", "시애틀에 도착해"),)
    assert trip.days[0].events[0].evidence == (Evidence("src-a", "시애틀 공공도서관과 협약을 맺었다."),)
    assert trip.agreements[0].evidence == (Evidence("src-a", "도서관 협력 양해각서"),)
    assert trip.quotes[0].evidence == (Evidence("src-a", "홍 시장은 말했다"),)
    document = trip_to_document(trip)
    assert document["days"][0]["events"][0]["evidence"] == [
        {"source": "src-a", "text": "시애틀 공공도서관과 협약을 맺었다."}]
    assert build_trip(document) == trip


def test_evidence_citing_an_undefined_source_is_reported_at_its_line(tmp_path: Path) -> None:
    path, text = with_evidence(tmp_path, ("          - source: src-a\n", "          - source: src-z\n"))
    problems = problems_for(path)
    assert problems == [f"{path}:{line_of(text, 'source: src-z')}:21: days[0].events[0].evidence[0].source: "
                        "source 'src-z' is not defined; add it to 'sources' or fix the id"]


def test_a_blank_excerpt_is_reported(tmp_path: Path) -> None:
    path, text = with_evidence(tmp_path, ("text: 도서관 협력 양해각서", 'text: "  "'))
    problems = problems_for(path)
    assert len(problems) == 1, problems
    line = line_of(text, 'text: "  "')
    assert problems[0].startswith(f"{path}:{line}:")
    assert problems[0].endswith("agreements[0].evidence[0].text: is blank")


def test_an_evidence_item_needs_both_source_and_text(tmp_path: Path) -> None:
    path, _ = with_evidence(tmp_path, ("{source: src-a, text: 홍 시장은 말했다}", "{source: src-a}"))
    problems = problems_for(path)
    assert len(problems) == 1 and "quotes[0].evidence[0]: missing required field 'text'" in problems[0]


def test_evidence_is_not_a_field_that_can_be_inferred(tmp_path: Path) -> None:
    path, _ = mutate(tmp_path, "inferred: {time: The", "inferred: {evidence: The")
    problems = problems_for(path)
    assert any("'evidence' is not a field of this record" in p for p in problems), problems
