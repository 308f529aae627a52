"""The store: import, re-import, updates, removal, all-or-nothing writes, and Korean search."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from tripdesk import queries
from tripdesk.importer import import_paths
from tripdesk.problems import TripdeskError, ValidationFailed
from tripdesk.store import SCHEMA_VERSION, Store

from .conftest import SAMPLE


def second_trip(folder: Path) -> Path:
    """A second valid trip: another id, another city visited (Irvine)."""
    text = (SAMPLE.read_text(encoding="utf-8")
            .replace("id: sample-2024-us", "id: sample-2025-us")
            .replace("{ko: 시애틀, en: Seattle}\n        state: WA", "{ko: 어바인, en: Irvine}\n        state: CA"))
    path = folder / "second.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_import_fills_the_normalised_tables(db_path: Path, trips_dir: Path) -> None:
    with Store.open(db_path) as store:
        report = import_paths(store, [trips_dir])
        assert report.added == ["sample-2024-us"]
        c = store.conn
        assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert c.execute("SELECT id, start, \"end\", day_count FROM trips").fetchall() == [
            ("sample-2024-us", "2024-10-12", "2024-10-14", 3)]
        assert c.execute("SELECT count(*) FROM events").fetchone()[0] == 1
        assert c.execute("SELECT organisation_id FROM agreement_parties ORDER BY 1").fetchall() == [
            ("samplecity-gov",), ("seattle-library",)]
        assert c.execute("SELECT speaker_id, original_text FROM quotes").fetchall() == [
            ("hong-gil-dong", "함께 가면 역사가 된다")]
        assert c.execute("SELECT key FROM destinations").fetchall() == [("us/wa/seattle",)]
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
        # The trip reads back exactly as it was loaded.
        trip = queries.load_trip(store, "sample-2024-us")
        assert trip is not None and trip.quotes[0].translation.by == "editors"


def test_reimport_is_idempotent_and_skips_unchanged_files(db_path: Path, trips_dir: Path) -> None:
    with Store.open(db_path) as store:
        import_paths(store, [trips_dir])
        before = dump(db_path)
        report = import_paths(store, [trips_dir])
        assert (report.added, report.updated, report.removed, report.unchanged) == ([], [], [], 1)
        assert dump(db_path) == before
        # Touching a file without changing it re-reads it but changes nothing.
        os.utime(trips_dir / SAMPLE.name, ns=(1, 1))
        report = import_paths(store, [trips_dir])
        assert not report.changed


def test_reimport_updates_a_changed_trip(db_path: Path, trips_dir: Path) -> None:
    with Store.open(db_path) as store:
        import_paths(store, [trips_dir])
        path = trips_dir / SAMPLE.name
        path.write_text(path.read_text(encoding="utf-8").replace("Signing with the Seattle", "Signing at the Seattle"),
                        encoding="utf-8")
        report = import_paths(store, [trips_dir])
        assert report.updated == ["sample-2024-us"]
        assert [h.ref for h in queries.search(store, "signing at")] == ["event:library-mou"]
        assert queries.search(store, "with the Seattle Public") == []


def test_importing_a_folder_drops_trips_whose_file_is_gone(db_path: Path, trips_dir: Path) -> None:
    second = second_trip(trips_dir)
    with Store.open(db_path) as store:
        assert sorted(import_paths(store, [trips_dir]).added) == ["sample-2024-us", "sample-2025-us"]
        assert [d.city.en for d in queries.destinations(store)] == ["Irvine", "Seattle"]
        second.unlink()
        report = import_paths(store, [trips_dir])
        assert report.removed == ["sample-2025-us"]
        assert queries.trip_ids(store) == ["sample-2024-us"]
        assert [d.city.en for d in queries.destinations(store)] == ["Seattle"]
        assert store.conn.execute("SELECT count(*) FROM search_rows WHERE trip_id = 'sample-2025-us'").fetchone()[0] == 0
        assert queries.search(store, "Irvine") == []


def test_importing_one_file_keeps_the_others(db_path: Path, trips_dir: Path) -> None:
    second = second_trip(trips_dir)
    with Store.open(db_path) as store:
        import_paths(store, [trips_dir])
        import_paths(store, [second])
        assert queries.trip_ids(store) == ["sample-2024-us", "sample-2025-us"]


def test_nothing_is_written_when_any_file_fails(db_path: Path, trips_dir: Path) -> None:
    with Store.open(db_path) as store:
        import_paths(store, [trips_dir])
    before = dump(db_path)
    second = second_trip(trips_dir)
    second.write_text(second.read_text(encoding="utf-8").replace("kind: signing", "kind: singing"),
                      encoding="utf-8")
    (trips_dir / SAMPLE.name).write_text(SAMPLE.read_text(encoding="utf-8").replace("Sample News", "Changed News"),
                                         encoding="utf-8")
    with Store.open(db_path) as store:
        with pytest.raises(ValidationFailed) as failure:
            import_paths(store, [trips_dir])
    assert "'singing' is not allowed (did you mean 'signing'?)" in str(failure.value)
    assert dump(db_path) == before


def test_a_changed_file_is_checked_against_the_unchanged_ones(db_path: Path, trips_dir: Path) -> None:
    second = second_trip(trips_dir)
    with Store.open(db_path) as store:
        import_paths(store, [trips_dir])
        second.write_text(second.read_text(encoding="utf-8").replace("id: sample-2025-us", "id: sample-2024-us"),
                          encoding="utf-8")
        with pytest.raises(ValidationFailed) as failure:
            import_paths(store, [trips_dir])
        assert "trip id 'sample-2024-us' is already used by" in str(failure.value)


@pytest.mark.parametrize(
    ("query", "expected_ref"),
    [
        ("협약", "event:library-mou"),          # two syllables inside 협약 체결
        ("협약", "agreement:library-mou"),      # an MOU is an agreement (협약) too
        ("시애", "day:2024-10-13"),             # two syllables inside 시애틀
        ("시애틀", "organisation:seattle-library"),
        ("샘플", "trip"),                       # two syllables at the start of 샘플시
        ("양해각서", "agreement:library-mou"),
        ("역사", "quote:hong-1"),
        ("홍길동", "person:hong-gil-dong"),
        ("Seattle library", "organisation:seattle-library"),
        ("SEATT", "organisation:seattle-library"),  # prefix, case folded
    ],
)
def test_search_finds_korean_words_including_two_syllable_ones(
    db_path: Path, trips_dir: Path, query: str, expected_ref: str
) -> None:
    with Store.open(db_path) as store:
        import_paths(store, [trips_dir])
        refs = [h.ref for h in queries.search(store, query)]
    assert expected_ref in refs, refs


def test_search_does_not_match_across_a_space_and_treats_syntax_as_text(db_path: Path, trips_dir: Path) -> None:
    with Store.open(db_path) as store:
        import_paths(store, [trips_dir])
        assert queries.search(store, "가면역") == []  # 가면 역사: not one word
        assert queries.search(store, '"AND NEAR(*') == []
        assert queries.search(store, "   ") == []


def test_schema_version_is_checked_on_open(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(TripdeskError) as failure:
        Store.open(db_path)
    assert "newer than this tripdesk understands" in failure.value.message


def test_a_copy_of_the_data_folder_imports_the_same(db_path: Path, trips_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(trips_dir, copy)
    with Store.open(db_path) as store:
        import_paths(store, [trips_dir])
        first = queries.load_trip(store, "sample-2024-us")
        import_paths(store, [copy], rebuild=True)
        assert queries.load_trip(store, "sample-2024-us") == first
        assert store.trip_count() == 1
