"""The JSON export: the trip file document, which imports back into the same trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tripdesk.store import queries
from tripdesk.cli import main
from tripdesk.files.document import trip_to_document
from tripdesk.export import render, write_export
from tripdesk.files.loader import load_file
from tripdesk.model import Trip
from tripdesk.store import Store

from .test_export_markdown import REAL_IDS, real_trips, rich_sample, sample_trip


def all_trips() -> list[Trip]:
    return [sample_trip(), rich_sample(), *real_trips().values()]


@pytest.mark.parametrize("trip", all_trips(), ids=lambda t: t.id)
def test_json_round_trip_through_the_loader(trip: Trip, tmp_path: Path) -> None:
    path = write_export(tmp_path / f"{trip.id}.json", render(trip, "json"))
    loaded, problems = load_file(path)
    assert problems == []
    assert loaded is not None and loaded.trip == trip


@pytest.mark.parametrize("trip_id", REAL_IDS)
def test_json_round_trip_through_tripdesk_import(trip_id: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    trip = real_trips()[trip_id]
    path = write_export(tmp_path / "out" / f"{trip_id}.json", render(trip, "json"))
    db = tmp_path / "fresh.db"
    assert main(["import", str(path), "--db", str(db)]) == 0
    assert "1 added" in capsys.readouterr().out
    with Store.open(db) as store:
        assert queries.load_trip(store, trip_id) == trip


def test_json_is_the_document_in_the_format_order() -> None:
    trip = rich_sample()
    text = render(trip, "json")
    assert text == render(trip, "json") and text.endswith("}\n")
    doc = json.loads(text)
    assert doc == trip_to_document(trip)
    assert list(doc) == ["tripdesk", "trip", "sources", "organisations", "people", "days", "agreements", "quotes"]
    assert list(doc["trip"])[:5] == ["id", "home_city", "title", "leader", "delegation"]
    assert "샘플시" in text  # UTF-8, not \\u escapes


def test_lang_does_not_change_the_json() -> None:
    trip = sample_trip()
    assert render(trip, "json", "ko") == render(trip, "json", "en") == render(trip, "json", "both")
