"""The store: import, re-import, updates, removal, all-or-nothing writes, and Korean search."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from tripdesk.store import queries
from tripdesk.store.importer import import_paths
from tripdesk.problems import TripdeskError, ValidationFailed
from tripdesk.store import SCHEMA_VERSION, Store

from .conftest import FIXTURES, SAMPLE


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


# -- the schema ---------------------------------------------------------------------------------


def schema_of(db: Path) -> dict[str, object]:
    """Every table's columns (type, NOT NULL, primary key), foreign keys and indexes (by their
    columns and uniqueness), as SQLite reports them: what the store relies on, whatever the
    quoting and layout of the SQL that made them."""
    conn = sqlite3.connect(db)
    try:
        out: dict[str, object] = {"version": conn.execute("PRAGMA user_version").fetchone()[0]}
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"):
            if sql.upper().startswith("CREATE VIRTUAL"):
                out[name] = " ".join(sql.replace("IF NOT EXISTS ", "").split())
                continue
            fks: dict[int, list[tuple]] = {}
            for id_, seq, table, frm, to, on_update, on_delete, _match in conn.execute(
                    f"PRAGMA foreign_key_list('{name}')"):
                fks.setdefault(id_, []).append((seq, table, frm, to, on_update, on_delete))
            out[name] = {
                "columns": conn.execute(f"PRAGMA table_info('{name}')").fetchall(),
                "without rowid": "WITHOUT ROWID" in sql.upper(),
                "foreign keys": sorted(
                    (tuple(r[2] for r in sorted(rows)), rows[0][1], tuple(r[3] for r in sorted(rows)),
                     rows[0][4], rows[0][5]) for rows in fks.values()),
                "indexes": sorted(
                    (tuple(r[2] for r in conn.execute(f"PRAGMA index_info('{index}')")), unique, partial)
                    for _seq, index, unique, _origin, partial in conn.execute(f"PRAGMA index_list('{name}')")),
            }
        return out
    finally:
        conn.close()


def test_the_schema_sqlite_utils_creates_is_version_1_with_the_tables_of_versions_2_3_and_4(
        db_path: Path, tmp_path: Path) -> None:
    """sqlite-utils creates the tables now; they are those first written as SQL (version 1),
    the two that version 2 added (evidence, articles), the agreements' status columns and
    date index of version 3, and version 4's home kind, unnamed parties, quotes by a speaker
    not named and stops without a day (whose events have no date). (files.trip_id's UNIQUE constraint is now a unique index: SQLite enforces both
    with a unique index on the column.)"""
    Store.open(db_path).close()
    first = tmp_path / "v1.db"
    conn = sqlite3.connect(first)
    conn.executescript((FIXTURES / "schema-v1.sql").read_text(encoding="utf-8") + "PRAGMA user_version = 1;")
    conn.close()
    now, then = schema_of(db_path), schema_of(first)
    assert (now.pop("version"), then.pop("version")) == (SCHEMA_VERSION, 1) == (4, 1)
    added = {name: now.pop(name) for name in ("evidence", "articles", "stops", "stop_places")}
    events, first_events = now.pop("events"), then.pop("events")
    agreements, first_agreements = now.pop("agreements"), then.pop("agreements")
    homes, first_homes = now.pop("home_cities"), then.pop("home_cities")
    quotes, first_quotes = now.pop("quotes"), then.pop("quotes")
    assert now == then
    columns = agreements["columns"]  # type: ignore[index]
    assert columns[:-3] == first_agreements["columns"]  # type: ignore[index]
    assert [(c[1], c[2], c[3]) for c in columns[-3:]] == [
        ("status", "TEXT", 1), ("status_date", "TEXT", 0), ("unnamed_parties", "TEXT", 0)]
    assert agreements["indexes"] == sorted(  # type: ignore[index]
        first_agreements["indexes"] + [(("date",), 0, 0)])  # type: ignore[index]
    assert homes["columns"][:-1] == first_homes["columns"]  # type: ignore[index]
    assert [(c[1], c[2], c[3]) for c in homes["columns"][-1:]] == [("kind", "TEXT", 1)]  # type: ignore[index]
    speaker = [c for c in quotes["columns"] if c[1] == "speaker_id"]  # type: ignore[index]
    assert [c[3] for c in speaker] == [0]  # NULL for a speaker not named (NOT NULL in version 1)
    assert [c[1] for c in quotes["columns"][-3:]] == [  # type: ignore[index]
        "speaker_role_ko", "speaker_role_en", "organisation_id"]
    assert len(quotes["columns"]) == len(first_quotes["columns"]) + 3  # type: ignore[index, arg-type]
    assert (("organisation_id",), "organisations", ("id",), "NO ACTION", "NO ACTION") in quotes["foreign keys"]  # type: ignore[index, operator]
    assert events["columns"][:-1] == [  # type: ignore[index]
        (c[0], c[1], c[2], 0 if c[1] == "date" else c[3], c[4], c[5]) for c in first_events["columns"]]  # type: ignore[index]
    assert [(c[1], c[2], c[3]) for c in events["columns"][-1:]] == [("stop", "INTEGER", 0)]  # type: ignore[index]
    assert (("trip_id", "stop"), "stops", ("trip_id", "position"), "NO ACTION", "CASCADE") in events["foreign keys"]  # type: ignore[index, operator]
    assert [c[1] for c in added["stops"]["columns"]] == ["trip_id", "position", "start", "end"]
    assert [c[1] for c in added["stop_places"]["columns"]] == ["trip_id", "stop", "position", "destination_key"]
    assert [c[1] for c in added["evidence"]["columns"]] == ["trip_id", "ref", "position", "source_id", "text"]
    assert [c[1] for c in added["articles"]["columns"]] == [
        "trip_id", "source_id", "file", "found", "text", "encoding", "looked_in", "size", "mtime_ns"]


def test_a_store_of_the_first_schema_is_refused_then_rebuilt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A store an older tripdesk made cannot hold the evidence: opening it says so and how to
    fix it, and `tripdesk import --rebuild` sets it aside and builds a new one."""
    from tripdesk.cli import main

    old = tmp_path / "v1.db"
    conn = sqlite3.connect(old)
    conn.executescript((FIXTURES / "schema-v1.sql").read_text(encoding="utf-8") + "PRAGMA user_version = 1;")
    conn.close()
    with pytest.raises(TripdeskError) as failure:
        Store.open(old)
    assert failure.value.message.endswith(
        "the database was made by an older tripdesk (schema version 1; this one uses 4) and must be "
        "built again from the data files")
    assert failure.value.hint == "run `tripdesk import --rebuild` to build a new store from the data files"
    assert main(["doctor", "--db", str(old)]) == 1
    assert ("schema: version 1, made by an older tripdesk (this one uses 4); it must be built again "
            "from the data files") in capsys.readouterr().out
    assert main(["import", "--rebuild", "--db", str(old), str(SAMPLE)]) == 0
    assert "moved it aside" in capsys.readouterr().err
    with Store.open(old) as store:
        assert queries.trip_ids(store) == ["sample-2024-us"]
    assert len(list(tmp_path.glob("v1.db.broken-*"))) == 1


def test_opening_a_new_store_twice_creates_its_tables_once(db_path: Path) -> None:
    with Store.open(db_path) as first:
        assert first.created
    with Store.open(db_path) as again:
        assert not again.created


# -- imports at the same time -----------------------------------------------------------------


def test_an_import_that_another_overtakes_starts_again_from_the_store_as_it_is(
    db_path: Path, trips_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another import commits the same trip after this one read the store and before it took
    the write lock: this one plans again under the lock, instead of failing on the trip now
    there (UNIQUE constraint failed: trips.id) or writing it twice."""
    second = second_trip(trips_dir)
    Store.open(db_path).close()
    read = Store.file_states
    overtaken = []

    def overtaken_after_reading(self: Store) -> dict:
        states = read(self)
        if not overtaken:
            overtaken.append(True)
            with Store.open(db_path) as other:  # another process, as far as SQLite can tell
                import_paths(other, [trips_dir / SAMPLE.name])
        return states

    monkeypatch.setattr(Store, "file_states", overtaken_after_reading)
    with Store.open(db_path) as store:
        report = import_paths(store, [trips_dir])
        assert overtaken
        assert (report.added, report.updated, report.unchanged) == (["sample-2025-us"], [], 1)
        assert queries.trip_ids(store) == ["sample-2024-us", "sample-2025-us"]
    # The same when the store already held trips (the incremental path, not the first fill).
    second.write_text(second.read_text(encoding="utf-8").replace("Sample News", "Other News"),
                      encoding="utf-8")
    third = trips_dir / "third.yaml"
    third.write_text(second.read_text(encoding="utf-8").replace("sample-2025-us", "sample-2026-us"),
                     encoding="utf-8")
    overtaken.clear()

    def overtaken_by_the_same_files(self: Store) -> dict:
        states = read(self)
        if not overtaken:
            overtaken.append(True)
            with Store.open(db_path) as other:
                import_paths(other, [second, third])
        return states

    monkeypatch.setattr(Store, "file_states", overtaken_by_the_same_files)
    with Store.open(db_path) as store:
        report = import_paths(store, [trips_dir])
        assert overtaken
        assert (report.added, report.updated, report.unchanged) == ([], [], 3)
        assert queries.trip_ids(store) == ["sample-2024-us", "sample-2025-us", "sample-2026-us"]


def test_an_integrity_error_while_importing_says_what_to_do_not_rebuild(db_path: Path) -> None:
    """A store whose tables disagree (a trip without its file record) fails an import with a
    constraint; the message says to run it again and then doctor, never to rebuild (which would
    drop the trips imported from other folders)."""
    with Store.open(db_path) as store:
        import_paths(store, [SAMPLE])
        store.conn.execute("DELETE FROM files")
        store.conn.commit()
        with pytest.raises(TripdeskError) as failure:
            import_paths(store, [SAMPLE])
    assert "the store changed during this import; nothing was written (UNIQUE constraint failed: trips.id)" \
        in failure.value.message
    assert failure.value.hint == ("run the import again; if it fails the same way, run `tripdesk doctor` "
                                  "to see what is wrong")
    assert "--rebuild" not in str(failure.value)


# -- a trip file moved elsewhere ------------------------------------------------------------------


def test_a_moved_trip_file_is_the_trips_new_home(db_path: Path, trips_dir: Path, tmp_path: Path) -> None:
    second_trip(trips_dir)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with Store.open(db_path) as store:
        import_paths(store, [trips_dir])
        moved = elsewhere / "moved.yaml"
        shutil.move(trips_dir / SAMPLE.name, moved)
        report = import_paths(store, [moved])
        assert (report.added, report.updated, report.removed) == ([], ["sample-2024-us"], [])
        assert queries.trip_ids(store) == ["sample-2024-us", "sample-2025-us"]
        files = dict(store.conn.execute("SELECT trip_id, path FROM files"))
        assert files["sample-2024-us"] == str(moved.resolve())
        assert store.conn.execute("SELECT file_path FROM trips WHERE id = 'sample-2024-us'").fetchone()[0] \
            == str(moved.resolve())
        # Importing the old folder now leaves the moved trip alone: its file is elsewhere.
        report = import_paths(store, [trips_dir])
        assert not report.changed
        assert queries.trip_ids(store) == ["sample-2024-us", "sample-2025-us"]


def test_a_copied_trip_file_is_still_the_same_id_twice(db_path: Path, trips_dir: Path, tmp_path: Path) -> None:
    """While the first file is still there, a second file with its trip id is refused."""
    copy = tmp_path / "copy.yaml"
    with Store.open(db_path) as store:
        import_paths(store, [trips_dir])
        shutil.copy(trips_dir / SAMPLE.name, copy)
        with pytest.raises(ValidationFailed) as failure:
            import_paths(store, [copy])
    assert "trip id 'sample-2024-us' is already used by" in str(failure.value)


def test_many_files_read_in_worker_processes_make_the_same_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past `PARALLEL_MIN_FILES` an import hands the files to worker processes, a few per
    task; the store is the same as when one process reads them all, in the same order, and
    a broken file among them still stops the whole import and is reported."""
    from tripdesk.store import importer
    from tripdesk.bench import generate as gen
    from tripdesk.problems import display_path

    count = importer.PARALLEL_MIN_FILES + 2 * importer._FILES_PER_TASK + 1  # a last, short task
    an_hour_ago = time.time() - 3600
    for path in gen.generate(tmp_path / "trips", count, seed=11, long_trip=False):
        # Older than `importer.RECENT_NS`: both imports record the files' times (one made
        # within two seconds of its writing would record none, and the stores would differ).
        os.utime(path, (an_hour_ago, an_hour_ago))
    stores = {}
    for workers in ("1", "2"):
        monkeypatch.setenv("TRIPDESK_IMPORT_WORKERS", workers)
        db = tmp_path / f"workers-{workers}.db"
        with Store.open(db) as store:
            assert importer._can_fork() or workers == "1", "the worker processes were not used"
            report = import_paths(store, [tmp_path / "trips"])
            assert len(report.added) == count
        stores[workers] = dump(db)
    assert stores["1"] == stores["2"]

    broken = sorted((tmp_path / "trips").glob("*.yaml"))[count // 2]
    broken.write_text(broken.read_text(encoding="utf-8").replace("status: ", "status: maybe-"),
                      encoding="utf-8")
    db = tmp_path / "broken.db"
    with Store.open(db) as store, pytest.raises(ValidationFailed) as failed:
        import_paths(store, [tmp_path / "trips"])
    assert [p.file for p in failed.value.problems] == [display_path(broken)]
    assert "is not allowed" in failed.value.problems[0].message
    with Store.open(db) as store:
        assert store.trip_count() == 0
