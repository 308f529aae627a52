"""What real articles say and the format once could not hold (issue 16, item 3): each wall is
read, validated, stored, exported and read back."""

from __future__ import annotations

import json
from pathlib import Path

from tripdesk.loader import load_paths

from .conftest import SAMPLE_TEXT, mutate, problems_for

ONTARIO = """      - city: {ko: 토론토, en: Toronto}
        state: ON
        country: CA
      - city: {ko: 오슬로, en: Oslo}
        country: NO
"""
SEATTLE = """      - city: {ko: 시애틀, en: Seattle}
        state: WA
        country: US
"""


def test_yaml_1_1_booleans_are_the_codes_they_spell(tmp_path: Path) -> None:
    """`ON` (Ontario) and `NO` (Norway) are text, not true and false; only true/false are."""
    path, _ = mutate(tmp_path, SEATTLE, ONTARIO)
    result = load_paths([path])
    assert [str(p) for p in result.problems] == []
    places = result.trips[0].trip.days[0].places
    assert [(p.state, p.country) for p in places] == [("ON", "CA"), (None, "NO")]


def test_other_yaml_1_1_booleans_are_text_where_text_is_expected(tmp_path: Path) -> None:
    path, _ = mutate(tmp_path, "outlet: Sample News", "outlet: Yes")
    result = load_paths([path])
    assert result.problems == []
    assert result.trips[0].trip.sources[0].outlet.plain == "Yes"


def test_true_is_still_a_boolean_and_refused_as_a_country(tmp_path: Path) -> None:
    path, text = mutate(tmp_path, "country: US", "country: true")
    assert any("'True' is not a country code" in p for p in problems_for(path)), problems_for(path)


def test_json_trip_files_keep_their_codes_too(tmp_path: Path) -> None:
    """A JSON trip file (the JSON export's format) with Norway and Ontario reads back as written."""
    path, _ = mutate(tmp_path, SEATTLE, ONTARIO)
    doc = load_paths([path]).trips[0].trip
    from tripdesk.document import trip_to_document

    json_path = tmp_path / "trip.json"
    json_path.write_text(json.dumps(trip_to_document(doc), ensure_ascii=False), encoding="utf-8")
    path.unlink()
    result = load_paths([json_path])
    assert result.problems == []
    assert result.trips[0].trip == doc
