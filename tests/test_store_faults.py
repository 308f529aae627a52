"""Store faults: one clear message with its fix, never a traceback, never a half-written store.

Also `tripdesk import --rebuild` recovering from an unusable file (moved aside, never
deleted), and `tripdesk doctor` finding each kind of damage.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tripdesk.store import queries
from tripdesk.cli import main
from tripdesk.store import Store

from .conftest import SAMPLE, trip_ids
from .nobody import (give_to_nobody, python_as_nobody, run_as_nobody, shared_dir,  # noqa: F401 - a fixture
                     start_python_as_nobody)

PYTHON = sys.executable
REBUILD_FIX = "fix: run `tripdesk import --rebuild` to build a new store from the data files"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_trips(folder: Path, count: int, prefix: str = "bulk") -> Path:
    """`count` copies of the sample trip, each with its own id."""
    folder.mkdir(parents=True, exist_ok=True)
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(count):
        trip_id = f"{prefix}-{i:04d}"
        (folder / f"{trip_id}.yaml").write_text(text.replace("sample-2024-us", trip_id), encoding="utf-8")
    return folder


@pytest.fixture
def store(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The database of TRIPDESK_DB, holding the sample trip."""
    code, _, err = run(capsys, "import", str(SAMPLE))
    assert code == 0, err
    return db_path


def assert_one_error(err: str, message: str, fix: str) -> None:
    """`tripdesk: error: <message>` then `  fix: <fix>`, and nothing else."""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert lines[0].startswith("tripdesk: error: ") and message in lines[0], err
    assert lines[1].strip() == fix, err


def assert_usable(db: Path, ids: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """The store holds exactly `ids`, passes the integrity check, and search works."""
    assert trip_ids(db) == ids
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    with Store.open(db, create=False) as store:
        hits = queries.search(store, "Seattle")
        assert {h.trip_id for h in hits} == set(ids)
        assert queries.load_trip(store, ids[0]) is not None
    code, out, _ = run(capsys, "doctor", "--db", str(db))
    assert code == 0, out


# -- where the database cannot be written ---------------------------------------------------


def test_a_database_under_a_regular_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Root ignores permissions, so a path that cannot exist stands in for a read-only folder."""
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder")
    for db in (blocker / "db.sqlite", blocker / "sub" / "db.sqlite"):
        code, _, err = run(capsys, "import", "--db", str(db), str(SAMPLE))
        assert code == 1
        assert_one_error(err, "cannot create the folder for the database: "
                         f"{blocker} is a file, not a folder",
                         "fix: choose another place with --db PATH or TRIPDESK_DB")
    assert blocker.read_text() == "not a folder"


def test_a_database_in_a_folder_that_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A mistyped --db (or TRIPDESK_DB) is refused by name: no folder is made for it."""
    typo = tmp_path / "offcie"
    for command in (["import", "--db", str(typo / "sub" / "t.db"), str(SAMPLE)],
                    ["list", "--db", str(typo / "t.db")]):
        code, out, err = run(capsys, *command)
        assert code == 1 and out == ""
        assert_one_error(err, f"the folder {typo} does not exist",
                         "fix: create it first, or check the path given with --db or TRIPDESK_DB")
    monkeypatch.setenv("TRIPDESK_DB", str(typo / "t.db"))
    code, _, err = run(capsys, "import", str(SAMPLE))
    assert code == 1 and f"the folder {typo} does not exist" in err
    assert not typo.exists()
    # a folder that is there is used as it is
    code, _, _ = run(capsys, "import", "--db", str(tmp_path / "t.db"), str(SAMPLE))
    assert code == 0 and (tmp_path / "t.db").is_file()


@pytest.fixture
def immutable(tmp_path: Path):  # noqa: ANN201 - a context-managing fixture
    """Make a folder read-only: for a user other than root, `chmod 0555`; for root, whom
    permissions do not bind, `chattr +i` (or skip where that is not available)."""
    made: list[tuple[Path, str]] = []

    def make(folder: Path) -> Path:
        if hasattr(os, "geteuid") and os.geteuid() != 0:
            folder.chmod(0o555)
            made.append((folder, "chmod"))
            return folder
        if not shutil.which("chattr"):
            pytest.skip("chattr is not available")
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"chattr +i is not permitted here: {done.stderr.decode().strip()}")
        made.append((folder, "chattr"))
        return folder

    yield make
    for folder, how in made:
        if how == "chmod":
            folder.chmod(0o755)
        else:
            subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_database_in_a_read_only_folder(
    store: Path, tmp_path: Path, immutable, capsys: pytest.CaptureFixture[str]  # noqa: ANN001
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    db = folder / "tripdesk.db"
    shutil.copy(store, db)
    before = digest(db)
    immutable(folder)
    fix = "fix: make the folder writable, or choose another place with --db PATH or TRIPDESK_DB"
    code, _, err = run(capsys, "import", "--db", str(db), str(write_trips(tmp_path / "new", 1)))
    assert code == 1
    assert_one_error(err, "cannot write the database here (unable to open database file)", fix)
    assert digest(db) == before
    code, _, err = run(capsys, "import", "--db", str(folder / "new.db"), str(SAMPLE))
    assert code == 1
    assert_one_error(err, "new.db: cannot write the database here", fix)
    assert sorted(p.name for p in folder.iterdir()) == ["tripdesk.db"]
    # A store that cannot be written can still be read: by the commands and by the desk.
    code, out, err = run(capsys, "list", "--json", "--db", str(db))
    assert code == 0 and err == ""
    stored = [t["id"] for t in json.loads(out)]
    assert stored
    code, out, _ = run(capsys, "show", stored[0], "--db", str(db))
    assert code == 0 and "Sources" in out
    from tripdesk.ui.data import DeskData

    desk = DeskData(db)
    try:
        assert desk.summary().trips == len(stored)
    finally:
        desk.close()
    # And doctor checks it: what needs the write lock is skipped, and says why.
    code, lines = doctor(capsys, db)
    assert code == 0, lines
    assert lines[-1] == "the store is healthy (1 check skipped)"
    assert ("  skipped  full-text index: FTS5 integrity-check skipped: the database cannot be "
            "written here, and the check needs the write lock") in lines
    assert [line.split()[0] for line in lines[1:-1]] == ["ok"] * 4 + ["skipped"] + ["ok"] * 3  # then trips, entities
    assert digest(db) == before
    assert sorted(p.name for p in folder.iterdir()) == ["tripdesk.db"]


# -- files that are not a usable store ------------------------------------------------------


def make_not_sqlite(db: Path) -> None:
    db.write_text("Dear diary, today I imported some trips.\n" * 100)


def make_truncated(db: Path) -> None:
    with db.open("r+b") as f:
        f.truncate(db.stat().st_size // 2)


def make_newer_schema(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()


def make_damaged_index(db: Path) -> None:
    """Garbage over the root page of an index: the file opens, but SQLite finds it damaged."""
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'trips_start'").fetchone()[0]
    conn.close()
    with db.open("r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(bytes(range(256)) * (page_size // 256))


def make_missing_table(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE search_rows")
    conn.commit()
    conn.close()


UNUSABLE = {
    "not-sqlite": (make_not_sqlite, "the file is not a usable tripdesk database (file is not a database)",
                   REBUILD_FIX),
    "truncated": (make_truncated, "the file is not a usable tripdesk database (database disk image is "
                  "malformed)", REBUILD_FIX),
    "newer-schema": (make_newer_schema, "the database has schema version 99, newer than this tripdesk "
                     "understands (4)", "fix: update tripdesk (git pull in your checkout, then pip install "
                     "-e . again), or use another database with --db PATH, or run `tripdesk import --rebuild` to build a new store "
                     "from the data files"),
    "missing-table": (make_missing_table, "the database lacks the table search_rows; it is damaged or "
                      "was changed by another program", REBUILD_FIX),
}


@pytest.mark.parametrize("damage", UNUSABLE.values(), ids=UNUSABLE.keys())
def test_an_unusable_database_gets_one_message_with_its_fix(
    damage: tuple, store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, message, fix = damage
    make(store)
    before = digest(store)
    new = write_trips(tmp_path / "new", 1)
    for argv in (["import", str(new)], ["list"], ["search", "Seattle"], ["show", "sample-2024-us"],
                 ["export", "sample-2024-us", "--format", "json"]):
        code, out, err = run(capsys, *argv)
        assert code == 1, argv
        assert_one_error(err, f"{store.name}: {message}", fix)
        assert digest(store) == before, argv  # never touched, never "repaired" behind our back


@pytest.mark.parametrize("damage", UNUSABLE.values(), ids=UNUSABLE.keys())
def test_rebuild_moves_an_unusable_database_aside_and_builds_a_new_one(
    damage: tuple, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, message, _ = damage
    make(store)
    damaged = store.read_bytes()
    code, out, err = run(capsys, "import", "--rebuild", str(SAMPLE))
    assert code == 0, err
    assert "Traceback" not in err
    moved = re.search(r"moved it aside to (\S+) \(nothing was deleted\) and building a new store", err)
    assert moved, err
    assert message in err
    aside = Path(moved.group(1))
    assert re.fullmatch(r"tripdesk\.db\.broken-\d{8}-\d{6}", aside.name)
    assert aside.read_bytes() == damaged  # the user's file, kept as it was
    assert "1 added" in out
    assert_usable(store, ["sample-2024-us"], capsys)


def test_rebuild_sets_aside_a_file_that_opens_but_is_damaged(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_damaged_index(store)
    damaged = store.read_bytes()
    code, out, err = run(capsys, "import", "--rebuild", str(SAMPLE))
    assert code == 0, err
    assert re.search(r"^tripdesk: \S*tripdesk\.db: the database is damaged \(Page \d+: .*\)$", err, re.M), err
    aside = Path(re.search(r"moved it aside to (\S+) ", err).group(1))
    assert aside.read_bytes() == damaged
    assert_usable(store, ["sample-2024-us"], capsys)


def test_rebuild_keeps_every_earlier_broken_file(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(2):
        make_not_sqlite(store)
        assert run(capsys, "import", "--rebuild", str(SAMPLE))[0] == 0
    assert len(list(store.parent.glob("tripdesk.db.broken-*"))) == 2


def test_a_failed_rebuild_leaves_the_broken_file_aside_and_no_half_store(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_not_sqlite(store)
    code, _, err = run(capsys, "import", "--rebuild", str(SAMPLE.parent.parent / "broken" / "wrong-type.yaml"))
    assert code == 1 and "Traceback" not in err
    assert "moved it aside" in err and "head_count: should be a whole number" in err
    assert not store.exists()  # the empty store we made is gone: the next launch starts afresh
    assert len(list(store.parent.glob("tripdesk.db.broken-*"))) == 1


def test_a_zero_byte_file_is_taken_as_a_new_store(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path.write_bytes(b"")
    code, out, err = run(capsys, "import", str(SAMPLE))
    assert code == 0, err
    assert trip_ids(db_path) == ["sample-2024-us"]


def test_damage_found_only_by_a_query_is_reported_not_raised(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A damaged page can pass the checks on open and fail a later query."""
    make_damaged_index(store)
    code, _, err = run(capsys, "list")
    assert code == 1
    assert_one_error(err, "the file is not a usable tripdesk database (database disk image is malformed)",
                     REBUILD_FIX)


# -- two imports at once ----------------------------------------------------------------------


@pytest.fixture
def write_lock(store: Path):  # noqa: ANN201 - a context-managing fixture
    """Another connection holding the write lock, as a running import does."""
    conn = sqlite3.connect(store, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO trip_documents VALUES ('not-yet-committed', '{}')")
    yield conn
    conn.execute("ROLLBACK")
    conn.close()


BUSY = ("the database is busy: another tripdesk import is running",
        "fix: wait for it to finish, then run the command again")


def test_a_second_import_at_the_same_time_is_told_so(
    store: Path, write_lock: sqlite3.Connection, tmp_path: Path
) -> None:
    new = write_trips(tmp_path / "new", 2)
    started = time.monotonic()
    done = subprocess.run([PYTHON, "-m", "tripdesk", "import", "--db", str(store), str(new)],
                          capture_output=True, text=True, timeout=60)
    waited = time.monotonic() - started
    assert done.returncode == 1
    assert_one_error(done.stderr, *BUSY)
    assert 2.0 <= waited < 30  # the busy timeout, then the message: never waiting forever
    write_lock.execute("ROLLBACK")
    write_lock.execute("BEGIN")
    assert trip_ids(store) == ["sample-2024-us"]


def test_a_rebuild_during_another_import_moves_nothing_aside(
    store: Path, write_lock: sqlite3.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "import", "--rebuild", str(SAMPLE))
    assert code == 1
    assert_one_error(err, *BUSY)
    assert not list(store.parent.glob("*.broken-*"))


CHANGED = ("the store changed during this import; nothing was written",
           "fix: run the import again; if it fails the same way, run `tripdesk doctor` to see what is wrong")


def start_import(db: Path, *paths: Path) -> subprocess.Popen:
    return subprocess.Popen([PYTHON, "-m", "tripdesk", "import", "--db", str(db), *map(str, paths)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def assert_clear_outcome(proc: subprocess.Popen) -> str:
    """Exit 0, or exit 1 with one clear message: busy, or changed under it. Never a traceback
    nor the advice to rebuild (which would drop the trips imported from other folders)."""
    out, err = proc.communicate(timeout=120)
    assert "Traceback" not in err and "--rebuild" not in err, err
    if proc.returncode == 0:
        assert "imported into " in out, out
        return "imported"
    assert proc.returncode == 1, err
    for message, fix in (BUSY, CHANGED):
        if message in err:
            assert_one_error(err, message, fix)
            return "busy" if message == BUSY[0] else "changed"
    raise AssertionError(f"an unclear failure: {err}")


@pytest.mark.parametrize("second", ["one file of the folder", "the folder and a new file"])
def test_two_real_imports_at_once_both_end_clearly_and_the_store_stays_sound(
    second: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The second import starts while the first is writing the same files: it reads the store
    before the first commits and takes the write lock after (it used to fail with "UNIQUE
    constraint failed: trips.id" and the advice to rebuild)."""
    folder = write_trips(tmp_path / "bulk", 60)
    extra = write_trips(tmp_path / "extra", 1, prefix="extra") / "extra-0000.yaml"
    inputs = [folder / "bulk-0002.yaml"] if second == "one file of the folder" else [folder, extra]
    db = tmp_path / "c.db"
    wal = db.with_name(db.name + "-wal")
    first = start_import(db, folder)
    try:
        deadline = time.monotonic() + 60
        while not (wal.exists() and wal.stat().st_size > 0) and first.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.005)  # until the first one writes its transaction
        other = start_import(db, *inputs)
        outcomes = [assert_clear_outcome(first), assert_clear_outcome(other)]
        print("OUTCOMES", outcomes)
    finally:
        for proc in (first, locals().get("other")):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
    assert outcomes[0] == "imported"
    expected = [f"bulk-{i:04d}" for i in range(60)]
    if outcomes[1] == "imported" and extra in inputs:
        expected.append("extra-0000")
    assert trip_ids(db) == sorted(expected)
    code, lines = doctor(capsys, db)
    assert code == 0 and lines[-1] == "the store is healthy", lines


HELD_IMPORT = textwrap.dedent("""
    # `tripdesk import`, holding its write transaction open before it commits until the file
    # named first on the command line exists (it says "ready" when it gets there).
    import sys, time
    from pathlib import Path
    from tripdesk import store
    from tripdesk.cli import main

    go = Path(sys.argv.pop(1))
    commit = store._Transaction.__exit__

    def held(self, exc_type, exc, tb):
        if exc_type is None and not go.exists():
            print("ready", flush=True)
            while not go.exists():
                time.sleep(0.01)
        return commit(self, exc_type, exc, tb)

    store._Transaction.__exit__ = held
    sys.exit(main(sys.argv[1:]))
""")


@pytest.mark.parametrize("second", ["one file of the folder", "the folder and a new file"])
def test_an_import_that_read_the_store_before_another_committed(
    second: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The race made sure of: the second import (a plain `tripdesk import`) starts while the
    first holds its transaction open, reads the store, and waits for the write lock; then the
    first commits. The second plans again from the store as it now is."""
    folder = write_trips(tmp_path / "bulk", 20)
    extra = write_trips(tmp_path / "extra", 1, prefix="extra") / "extra-0000.yaml"
    inputs = [folder / "bulk-0002.yaml"] if second == "one file of the folder" else [folder, extra]
    db = tmp_path / "c.db"
    Store.open(db).close()
    script, go = tmp_path / "held.py", tmp_path / "go"
    script.write_text(HELD_IMPORT, encoding="utf-8")
    first = subprocess.Popen([PYTHON, str(script), str(go), "import", "--db", str(db), str(folder)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    other = None
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "ready"
        other = start_import(db, *inputs)
        time.sleep(1.0)  # it starts, reads the store and waits for the lock (2 s at most)
        go.touch()
        outcomes = [assert_clear_outcome(first), assert_clear_outcome(other)]
    finally:
        go.touch()
        for proc in (first, other):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
    assert outcomes[0] == "imported"
    expected = [f"bulk-{i:04d}" for i in range(20)]
    if outcomes[1] == "imported" and extra in inputs:
        expected.append("extra-0000")
    assert trip_ids(db) == sorted(expected)
    code, lines = doctor(capsys, db)
    assert code == 0 and lines[-1] == "the store is healthy", lines


# -- an import killed midway -----------------------------------------------------------------

KILLABLE_IMPORT = textwrap.dedent("""
    # `tripdesk import`, announcing itself once it has written 100 trips of its transaction
    # (with a tiny page cache, so that uncommitted pages are on disk), then carrying on.
    import sys
    from tripdesk import store
    from tripdesk.cli import main

    write_trip = store.Store.write_trip
    written = 0

    def announcing(self, *args, **kwargs):
        global written
        if written == 0:
            self.conn.execute("PRAGMA cache_size = 8")
        write_trip(self, *args, **kwargs)
        written += 1
        if written == 100:
            print("midway", flush=True)

    store.Store.write_trip = announcing
    sys.exit(main(sys.argv[1:]))
""")


def assert_killed_midway_leaves_the_previous_store(
    proc: subprocess.Popen, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert proc.returncode == -signal.SIGKILL, "the import ended before it could be killed"
    wal = store.with_name(store.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # uncommitted pages were on disk
    assert_usable(store, ["sample-2024-us"], capsys)


def test_an_import_killed_midway_leaves_the_previous_store(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_trips(tmp_path / "big", 300)
    script = tmp_path / "killable.py"
    script.write_text(KILLABLE_IMPORT, encoding="utf-8")
    proc = subprocess.Popen([PYTHON, str(script), "import", "--db", str(store), str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "midway"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert_killed_midway_leaves_the_previous_store(proc, store, capsys)
    # And the next import goes through.
    code, out, err = run(capsys, "import", str(folder))
    assert code == 0 and "300 added" in out, err


def test_python_m_tripdesk_import_killed_while_writing(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The plain command, killed as soon as its transaction spills pages to the WAL."""
    folder = write_trips(tmp_path / "big", 500)
    wal = store.with_name(store.name + "-wal")
    proc = subprocess.Popen([PYTHON, "-m", "tripdesk", "import", "--db", str(store), str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if wal.exists() and wal.stat().st_size > 0:
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.001)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert_killed_midway_leaves_the_previous_store(proc, store, capsys)


# -- a write that fails midway ----------------------------------------------------------------


def test_a_full_disk_midway_rolls_the_import_back(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = Store.open.__func__  # type: ignore[attr-defined]

    def small_disk(cls: type, path: Path, **kwargs: object) -> Store:
        s = opened(cls, path, **kwargs)
        pages = s.conn.execute("PRAGMA page_count").fetchone()[0]
        s.conn.execute(f"PRAGMA max_page_count = {pages + 5}")
        return s

    monkeypatch.setattr(Store, "open", classmethod(small_disk))
    before = digest(store)
    code, _, err = run(capsys, "import", str(write_trips(tmp_path / "new", 50)))
    assert code == 1
    assert_one_error(err, "tripdesk.db: the disk is full; nothing was written (database or disk is full)",
                     "fix: free some space, then run the command again")
    assert digest(store) == before
    monkeypatch.undo()
    assert_usable(store, ["sample-2024-us"], capsys)


# -- tripdesk doctor ----------------------------------------------------------------------------


def doctor(capsys: pytest.CaptureFixture[str], db: Path) -> tuple[int, list[str]]:
    code, out, err = run(capsys, "doctor", "--db", str(db))
    assert "Traceback" not in out + err
    return code, out.splitlines()


def problems(lines: list[str]) -> list[tuple[str, str]]:
    """(the PROBLEM line, its fix line) pairs of doctor's output."""
    return [(line.split("PROBLEM", 1)[1].strip(), lines[i + 1].strip())
            for i, line in enumerate(lines) if line.lstrip().startswith("PROBLEM")]


def test_doctor_passes_a_healthy_store(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(store)
    code, lines = doctor(capsys, store)
    assert code == 0
    assert lines[-1] == "the store is healthy"
    checks = [line.split()[1].rstrip(":") for line in lines[1:-1]]
    assert checks == ["file", "schema", "integrity", "foreign", "full-text", "search", "trips", "entities"]
    assert all(line.lstrip().startswith("ok") for line in lines[1:-1])
    assert "ok       full-text index: FTS5 integrity-check: ok" in "\n".join(lines)
    assert digest(store) == before  # doctor writes nothing


def test_doctor_on_the_real_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from .conftest import DATA

    db = tmp_path / "real.db"
    assert run(capsys, "import", "--db", str(db), str(DATA))[0] == 0
    code, lines = doctor(capsys, db)
    assert code == 0, lines


def test_doctor_when_there_is_no_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "none.db"
    code, lines = doctor(capsys, db)
    assert code == 1
    assert problems(lines) == [(f"file: no database at {db}",
                                "fix: run `tripdesk import` to build it from the data files")]
    assert not db.exists()  # doctor never creates one


def sql(db: Path, *statements: str) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        conn.execute(statement)
    conn.close()


MOVE_ASIDE = ("fix: run `tripdesk import --rebuild` to build a new store from the data files (an "
              "unusable file is moved aside to <db>.broken-<time>, never deleted)")


def break_fts_index(db: Path) -> None:
    """Damage the FTS5 index itself: its shadow tables no longer match the documents."""
    sql(db, "DELETE FROM search_docsize WHERE id = (SELECT min(id) FROM search_docsize)")


BREAKAGES = {
    "not-sqlite": (make_not_sqlite, "file", "tripdesk.db is not an SQLite database", MOVE_ASIDE),
    "empty-file": (lambda db: db.write_bytes(b""), "file", "tripdesk.db is empty", MOVE_ASIDE),
    "truncated": (make_truncated, "integrity", "database disk image is malformed", MOVE_ASIDE),
    "newer-schema": (make_newer_schema, "schema", "version 99 is newer than this tripdesk understands (4)",
                     "fix: update tripdesk (git pull in your checkout, then pip install -e . again), "
                     "or run `tripdesk import --rebuild` to build a new store from the data files (an unusable file is moved "
                     "aside to <db>.broken-<time>, never deleted)"),
    "not-tripdesk": (lambda db: sql(db, "PRAGMA user_version = 0"), "schema",
                     "not a tripdesk database (schema version 0)", MOVE_ASIDE),
    "missing-table": (make_missing_table, "schema", "version 4, but the table search_rows is missing",
                      MOVE_ASIDE),
    "integrity-check": (make_damaged_index, "integrity", "PRAGMA integrity_check stopped: database disk "
                        "image is malformed; PRAGMA quick_check found: Page ", MOVE_ASIDE),
    "foreign-keys": (lambda db: sql(db, "INSERT INTO trip_documents VALUES ('ghost', '{\"trip\": {\"id\": \"ghost\"}}')",
                                    "INSERT INTO day_places VALUES ('ghost', '2024-01-01', 0, 'nowhere')"),
                     "foreign keys", "3 rows refer to rows that do not exist: day_places (2), "
                     "trip_documents (1)", REBUILD_FIX),
    "fts-integrity": (break_fts_index, "full-text index", "FTS5 integrity-check failed", MOVE_ASIDE),
    "trip-without-search-rows": (
        lambda db: sql(db, "DELETE FROM search_rows WHERE trip_id = 'sample-2024-us'"),
        "search rows", "1 trip with no search rows (sample-2024-us): searching never finds them",
        REBUILD_FIX),
    "stray-index-rows": (
        lambda db: sql(db, "INSERT INTO search (body, kind, trip_id, ref) VALUES ('x', 'trip', "
                           "'sample-2024-us', 'trip')"),
        "search rows", "the index holds 10 rows but search_rows maps 9; 1 index row not in "
        "search_rows (a re-import would never remove them)", REBUILD_FIX),
    "dangling-search-rows": (
        lambda db: sql(db, "DELETE FROM search WHERE rowid = (SELECT max(row) FROM search_rows)"),
        "search rows", "1 search_rows entry point at no index row", REBUILD_FIX),
    "search-rows-of-a-gone-trip": (
        lambda db: sql(db, "INSERT INTO search (body, kind, trip_id, ref) VALUES ('x', 'trip', 'gone', 'trip')",
                       "INSERT INTO search_rows VALUES ('gone', last_insert_rowid())"),
        "search rows", "search rows of 1 trip not in the store (gone)", REBUILD_FIX),
    "trip-without-document": (
        lambda db: sql(db, "DELETE FROM trip_documents"),
        "trips", "1 without a stored document (sample-2024-us): they cannot be shown or exported",
        REBUILD_FIX),
    "unreadable-document": (
        lambda db: sql(db, "UPDATE trip_documents SET document = '{not json'"),
        "trips", "1 whose stored document is unreadable (sample-2024-us)", REBUILD_FIX),
    "trip-without-file-record": (
        lambda db: sql(db, "DELETE FROM files"),
        "trips", "1 without a file record (sample-2024-us)", REBUILD_FIX),
    # The index no longer holds what its tables would index now.
    "table-edited-after-indexing": (
        lambda db: sql(db, "UPDATE events SET title_en = 'Zebracorn summit'"),
        "search rows", "the full-text index is out of step with its tables: 1 index row no longer "
        "matches the tables (sample-2024-us event:library-mou): searching finds the old text", REBUILD_FIX),
    "description-edited-after-indexing": (
        lambda db: sql(db, "UPDATE events SET description_ko = '다른 설명'"),
        "search rows", "1 index row no longer matches the tables (sample-2024-us event:library-mou)",
        REBUILD_FIX),
    "organisation-renamed-after-indexing": (
        lambda db: sql(db, "UPDATE organisations SET name_en = 'Zebracorn Library' "
                           "WHERE id = 'seattle-library'"),
        "search rows", "2 index rows no longer match the tables (sample-2024-us agreement:library-mou, "
        "sample-2024-us organisation:seattle-library)", REBUILD_FIX),
    "index-label-edited": (
        lambda db: sql(db, "UPDATE search SET label_en = 'Zebracorn' WHERE ref = 'trip'"),
        "search rows", "1 index row no longer matches the tables (sample-2024-us trip)", REBUILD_FIX),
    "index-row-of-a-gone-event": (
        lambda db: sql(db, *(f"DELETE FROM {t}" for t in ("event_organisations", "event_people",
                                                          "event_sources", "events"))),
        "search rows", "1 index row for items the tables do not hold, or held twice "
        "(sample-2024-us event:library-mou)", REBUILD_FIX),
    # sqlite-utils reads the schema: every column, foreign key and index of SCHEMA.
    "index-dropped": (lambda db: sql(db, "DROP INDEX trips_start"), "schema",
                      "version 4, but the table trips lacks the index trips_start on (start)", MOVE_ASIDE),
    "unique-index-dropped": (lambda db: sql(db, "DROP INDEX files_trip_id"), "schema",
                             "version 4, but the table files lacks the unique index files_trip_id on "
                             "(trip_id)", MOVE_ASIDE),
    "column-added": (lambda db: sql(db, "ALTER TABLE trips ADD COLUMN colour TEXT"), "schema",
                     "version 4, but the table trips has a column colour this tripdesk does not make",
                     MOVE_ASIDE),
}


@pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES.keys())
def test_doctor_finds_the_damage_and_says_what_to_do(
    breakage: tuple, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, check, message, fix = breakage
    make(store)
    code, lines = doctor(capsys, store)
    assert code == 1
    found = problems(lines)
    assert found[0][0].startswith(f"{check}: ") and message in found[0][0], lines
    assert found[0][1] == fix, lines
    if make is not make_damaged_index:  # a damaged page may stop later checks as well
        assert len(found) == 1, lines
        assert lines[-1] == "1 problem found"


@pytest.mark.parametrize("breakage", [k for k in BREAKAGES if k not in ("not-sqlite", "empty-file")])
def test_the_fix_doctor_gives_makes_the_store_healthy(
    breakage: str, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, _, _, fix = BREAKAGES[breakage]
    make(store)
    command = re.search(r"`(tripdesk [^`]+)`", fix).group(1)
    argv = command.split()[1:] + [str(SAMPLE)]
    code, _, err = run(capsys, *argv)
    assert code == 0, err
    assert_usable(store, ["sample-2024-us"], capsys)


def test_doctor_accepts_the_first_stores_unique_constraint_on_files(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Stores made before sqlite-utils created the schema have files.trip_id UNIQUE as a column
    constraint; SQLite enforces it with a unique index just as the one made now."""
    sql(store, "ALTER TABLE files RENAME TO files_now",
        "CREATE TABLE files (path TEXT PRIMARY KEY, trip_id TEXT NOT NULL UNIQUE, "
        "sha256 TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL)",
        "INSERT INTO files SELECT * FROM files_now", "DROP TABLE files_now")
    code, lines = doctor(capsys, store)
    assert code == 0, lines
    assert run(capsys, "import", str(write_trips(store.parent / "more", 1)))[0] == 0


def test_doctor_reports_a_busy_store_instead_of_waiting(
    store: Path, write_lock: sqlite3.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = doctor(capsys, store)
    assert code == 1
    assert problems(lines) == [("busy: the database is busy: another tripdesk import is running",
                                "fix: wait for it to finish, then run `tripdesk doctor` again")]


def test_doctor_json_documents_match_the_trip_ids(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A document that belongs to another trip is caught too."""
    conn = sqlite3.connect(store)
    document = json.loads(conn.execute("SELECT document FROM trip_documents").fetchone()[0])
    document["trip"]["id"] = "someone-else"
    conn.execute("UPDATE trip_documents SET document = ?", (json.dumps(document),))
    conn.commit()
    conn.close()
    code, lines = doctor(capsys, store)
    assert code == 1
    assert "1 whose stored document is unreadable (sample-2024-us)" in problems(lines)[0][0]


def test_a_second_doctor_process_sees_the_same(store: Path) -> None:
    """`python -m tripdesk doctor` as a script would run it: exit status and output."""
    done = subprocess.run([PYTHON, "-m", "tripdesk", "doctor", "--db", str(store)],
                          capture_output=True, text=True, timeout=60, env={**os.environ})
    assert done.returncode == 0 and "the store is healthy" in done.stdout
    make_missing_table(store)
    done = subprocess.run([PYTHON, "-m", "tripdesk", "doctor", "--db", str(store)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "PROBLEM  schema" in done.stdout and "Traceback" not in done.stderr


# -- a shared store read by a user who cannot write it ------------------------------------------
# As nobody: root writes whatever the permissions say (the chattr test above stands in for it).

READ_ONLY_PLACES = {
    # (the folder's mode, the file's mode, whether nobody owns them)
    "read-only folder": (0o555, 0o644, False),
    "0444 file in a writable folder": (0o755, 0o444, True),
    "0444 file in a read-only folder": (0o555, 0o444, False),
}

DESK_READS = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tripdesk.ui.data import DeskData
    desk = DeskData(Path(sys.argv[1]))
    try:
        print(desk.summary().trips)
    finally:
        desk.close()
""")


def build_shared_store(folder: Path) -> Path:
    """A store of the sample trip (and a second one) in `folder`, built by root."""
    folder.mkdir()
    db = folder / "tripdesk.db"
    assert main(["import", "--db", str(db), str(SAMPLE), str(write_trips(folder.parent / "more", 1))]) == 0
    return db


@pytest.mark.parametrize("place", READ_ONLY_PLACES.values(), ids=READ_ONLY_PLACES.keys())
def test_a_shared_store_is_read_by_a_user_who_cannot_write_it(
    place: tuple[int, int, bool], shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every command but import, and the desk, read it as it is, writing nothing beside it
    (no -wal, no -shm); doctor finds it healthy, skipping the check that needs the write lock.
    They used to fail with "cannot write the database here (attempt to write a readonly
    database)", and doctor to advise a rebuild."""
    folder_mode, file_mode, owned = place
    db = build_shared_store(shared_dir / "shared")
    capsys.readouterr()
    if owned:
        give_to_nobody(db.parent)
        give_to_nobody(db)
    db.chmod(file_mode)
    db.parent.chmod(folder_mode)
    before = (digest(db), sorted(p.name for p in db.parent.iterdir()))
    for argv, expected in ((["list", "--json"], '"sample-2024-us"'), (["show", "sample-2024-us"], "Sources"),
                           (["search", "Seattle"], "Seattle"), (["export", "sample-2024-us", "--format", "json"],
                                                                 '"sample-2024-us"'),
                           (["doctor"], "the store is healthy (1 check skipped)")):
        done = run_as_nobody(*argv, db=db)
        assert done.returncode == 0, (argv, done.stdout, done.stderr)
        assert expected in done.stdout and "Traceback" not in done.stderr, (argv, done.stdout, done.stderr)
        assert "PROBLEM" not in done.stdout
    desk = python_as_nobody(DESK_READS, str(db))
    assert desk.returncode == 0 and desk.stdout.strip() == "2", desk.stderr
    done = run_as_nobody("import", str(SAMPLE), db=db)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "cannot write the database here" in done.stderr and "--rebuild" not in done.stderr, done.stderr
    assert (digest(db), sorted(p.name for p in db.parent.iterdir())) == before


READS_ACROSS_AN_IMPORT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from tripdesk.store import queries
    from tripdesk.store import Store
    store = Store.open(Path(sys.argv[1]), create=False, readonly=True)
    version = store.data_version()
    print(len(queries.all_trips(store)), flush=True)
    go = Path(sys.argv[2])
    deadline = time.monotonic() + 120
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    print(store.data_version() != version, len(queries.all_trips(store)), flush=True)
""")


def test_a_store_read_as_immutable_is_read_again_once_its_owner_imports(shared_dir: Path) -> None:
    """A reader that cannot write the store reads it without locks; when the owner imports
    into it, the reader's open store (a desk's, polling data_version) opens it again rather
    than reading pages of two versions."""
    db = build_shared_store(shared_dir / "shared")
    go = shared_dir / "go"
    reader = start_python_as_nobody(READS_ACROSS_AN_IMPORT, str(db), str(go))
    try:
        assert reader.stdout is not None
        assert reader.stdout.readline().split() == ["2"], reader.stderr.read()
        assert main(["import", "--db", str(db), str(write_trips(shared_dir / "third", 1, prefix="third"))]) == 0
        go.touch()
        out, err = reader.communicate(timeout=120)
    finally:
        go.touch()
        if reader.poll() is None:
            reader.kill()
            reader.wait()
    assert reader.returncode == 0, err
    assert out.split() == ["True", "3"], (out, err)


def test_a_read_only_shm_left_behind_does_not_stop_the_owners_import(shared_dir: Path) -> None:
    """Another program (or an older tripdesk) that read the store while it was 0444 leaves a
    0444 -shm beside it; once the file is writable again, the owner's next import used to
    fail with "attempt to write a readonly database". Unused, the stale file is replaced."""
    home = shared_dir / "home"
    home.mkdir()
    give_to_nobody(home)
    db = home / "tripdesk.db"
    done = run_as_nobody("import", str(SAMPLE), db=db)
    assert done.returncode == 0, done.stderr
    db.chmod(0o444)
    left = python_as_nobody("import sqlite3, sys; c = sqlite3.connect(f'file:{sys.argv[1]}?mode=ro', uri=True); "
                            "print(c.execute('SELECT count(*) FROM trips').fetchone()[0]); c.close()", str(db))
    assert left.returncode == 0 and left.stdout.strip() == "1", left.stderr
    shm = db.with_name(db.name + "-shm")
    assert shm.exists() and shm.stat().st_mode & 0o777 == 0o444  # what is left behind
    db.chmod(0o644)
    done = run_as_nobody("import", str(write_trips(shared_dir / "new", 1)), db=db)
    assert done.returncode == 0 and "1 added" in done.stdout, done.stderr
    done = run_as_nobody("doctor", db=db)
    assert done.returncode == 0 and "the store is healthy\n" in done.stdout, done.stdout


def test_a_wal_that_cannot_be_read_here_is_said_so_without_advising_a_rebuild(shared_dir: Path) -> None:
    """A store copied with transactions still in its -wal, into a folder nobody can write:
    reading them needs a -shm file. The message says what to do; nothing is written."""
    db = build_shared_store(shared_dir / "shared")
    conn = sqlite3.connect(db)  # root holds the store open with a commit in its WAL...
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE trips SET title_en = 'Changed' WHERE id = 'sample-2024-us'")
    conn.commit()
    copy = shared_dir / "copy"
    copy.mkdir()
    for suffix in ("", "-wal"):  # ...and the database is copied with its -wal, as it is
        shutil.copy(f"{db}{suffix}", f"{copy / db.name}{suffix}")
    conn.close()
    copy.chmod(0o555)
    for argv in (["list"], ["doctor"]):
        done = run_as_nobody(*argv, db=copy / db.name)
        assert done.returncode == 1 and "Traceback" not in done.stderr, (argv, done.stdout, done.stderr)
        said = done.stdout + done.stderr
        assert "the store's latest changes are still in its -wal file" in said, said
        assert "--rebuild" not in said, said
    assert sorted(p.name for p in copy.iterdir()) == [db.name, db.name + "-wal"]


# -- a full disk -------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path):  # noqa: ANN201 - a context-managing fixture
    """A 4 MB file system of its own (tmpfs), which a test can fill; skipped where mounting
    is not permitted."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if not shutil.which("mount") or os.geteuid() != 0:
        pytest.skip("needs root and mount(8) to make a small file system")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> None:
    """Fill the file system to its last byte."""
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)
    assert os.statvfs(disk).f_bavail == 0


def test_a_store_on_a_full_disk_is_read_and_never_called_damaged(
    small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reading used to fail with "disk I/O error" and the advice to rebuild the store (SQLite
    could not make the -shm file); an import says the disk is full, and a first build leaves
    no empty database behind."""
    db = small_disk / "tripdesk.db"
    assert run(capsys, "import", "--db", str(db), str(SAMPLE))[0] == 0
    fill(small_disk)
    before = digest(db)
    for argv, expected in ((["list", "--json"], '"sample-2024-us"'), (["search", "Seattle"], "Seattle"),
                           (["show", "sample-2024-us"], "Sources"), (["doctor"], "the store is healthy")):
        code, out, err = run(capsys, *argv, "--db", str(db))
        assert code == 0, (argv, out, err)
        assert expected in out and "--rebuild" not in out + err, (argv, out, err)
    from tripdesk.ui.data import DeskData

    desk = DeskData(db)
    try:
        assert desk.summary().trips == 1
    finally:
        desk.close()
    code, _, err = run(capsys, "import", "--db", str(db), str(write_trips(small_disk.parent / "new", 1)))
    assert code == 1
    assert_one_error(err, "tripdesk.db: the disk is full; nothing was written", "fix: free some space, "
                     "then run the command again")
    assert digest(db) == before
    for argv in (["list"], ["import", str(SAMPLE)]):  # a first build on the full disk
        new = small_disk / "new.db"
        code, _, err = run(capsys, *argv, "--db", str(new))
        assert code == 1 and "the disk is full" in err and "--rebuild" not in err, err
        assert not new.exists() and not list(small_disk.glob("new.db*"))


def test_a_first_import_that_fails_leaves_no_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`tripdesk import` into a new database that fails writes nothing, and leaves no empty
    database behind; a database that was there before is kept as it was."""
    db = tmp_path / "new.db"
    broken = SAMPLE.parent.parent / "broken" / "wrong-type.yaml"
    code, _, err = run(capsys, "import", "--db", str(db), str(broken))
    assert code == 1 and "nothing was written" in err, err
    assert not list(tmp_path.glob("new.db*"))
    assert run(capsys, "import", "--db", str(db), str(SAMPLE))[0] == 0
    code, _, err = run(capsys, "import", "--db", str(db), str(broken))
    assert code == 1 and "nothing was written" in err, err
    assert trip_ids(db) == ["sample-2024-us"]


def test_no_error_that_is_not_damage_advises_a_rebuild(tmp_path: Path) -> None:
    """Disk, permission and unknown errors: their fix never says to rebuild the store."""
    from tripdesk.store import doctor as doctor_module
    from tripdesk.store import _database_error

    for text in ("disk I/O error", "database or disk is full", "attempt to write a readonly database",
                 "unable to open database file", "interrupted", "out of memory"):
        error = _database_error("x.db", sqlite3.OperationalError(text), tmp_path / "x.db")
        assert "--rebuild" not in str(error), text
        finding = doctor_module._failure(sqlite3.OperationalError(text), tmp_path / "x.db")
        assert "--rebuild" not in (finding.fix or ""), text
    for text in ("database disk image is malformed", "file is not a database"):
        assert "--rebuild" in str(_database_error("x.db", sqlite3.DatabaseError(text), tmp_path / "x.db"))
