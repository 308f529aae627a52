"""Import faults: a file changed while it is read, folders and files that cannot be read,
worker processes whose import is killed, and input built to be heavy. Each is checked as a
user meets it: through `tripdesk import` (in this process, or in a separate one that is
killed), and then through the next import and the store."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import sys
import time
from pathlib import Path
from typing import Callable

import pytest

from tripdesk.files import loader
from tripdesk.cli import main

from .conftest import SAMPLE_TEXT, trip_ids
from .nobody import give_to_nobody, run_as_nobody, shared_dir  # noqa: F401 - a fixture


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def stored_head_counts(db: Path) -> dict[str, int]:
    """trip id -> the delegation's head count, as the store's documents hold it."""
    conn = sqlite3.connect(db)
    try:
        return {trip_id: json.loads(doc)["trip"]["delegation"]["head_count"]
                for trip_id, doc in conn.execute("SELECT trip_id, document FROM trip_documents")}
    finally:
        conn.close()


def write_trips(folder: Path, count: int, head_count: int = 5) -> list[Path]:
    """`count` copies of the sample trip, each with its own id and the given head count."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"trip-{i:04d}.yaml"
        path.write_text(SAMPLE_TEXT.replace("sample-2024-us", f"trip-{i:04d}")
                        .replace("head_count: 5", f"head_count: {head_count}"), encoding="utf-8")
        paths.append(path)
    return paths


# -- a file changed while the import reads it -------------------------------------------------

# How the file is changed after it was read: to a longer text, to one of the same size, and to
# one of the same size with its modification time put back (a change within the same tick of
# the file system's clock, which size and time alone cannot tell from no change).
CHANGES = {
    "longer": ("head_count: 5", "head_count: 15", False),
    "same-size": ("head_count: 5", "head_count: 6", False),
    "same-size-and-time": ("head_count: 5", "head_count: 6", True),
}


def change_after_reading(monkeypatch: pytest.MonkeyPatch, target: Path,
                         change: tuple[str, str, bool]) -> Callable[[], None]:
    """Once the import has read `target` (and before it commits), rewrite it as `change`
    says. Also in forked worker processes: the file's content says whether it was done.
    Returns what puts the reader back."""
    old, new, keep_time = change
    read_file = loader.read_file

    def reading_then_changing(path: Path, *args: object, **kwargs: object):  # noqa: ANN202
        result = read_file(path, *args, **kwargs)
        if path.name == target.name and old in target.read_text(encoding="utf-8"):
            before = target.stat()
            target.write_text(target.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
            if keep_time:
                os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
        return result

    monkeypatch.setattr(loader, "read_file", reading_then_changing)
    return lambda: monkeypatch.setattr(loader, "read_file", read_file)


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
@pytest.mark.parametrize("store", ["new", "existing", "existing, many files"])
def test_a_file_changed_after_it_was_read_is_imported_by_the_next_import(
    store: str, change: tuple[str, str, bool], tmp_path: Path, db_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The store records what the import read, not what the file became meanwhile: the next
    import sees the change (it used to record the new size and time with the old content, and
    say "unchanged" for ever after)."""
    many = store == "existing, many files"
    folder = tmp_path / "trips"
    paths = write_trips(folder, 120 if many else 2, head_count=4)
    target = paths[1]
    if store != "new":
        assert run(capsys, "import", str(folder))[0] == 0
    for path in paths:  # the content the import will read
        path.write_text(path.read_text(encoding="utf-8").replace("head_count: 4", "head_count: 5"),
                        encoding="utf-8")
    monkeypatch.setenv("TRIPDESK_IMPORT_WORKERS", "2" if many else "1")
    put_back = change_after_reading(monkeypatch, target, change)
    code, out, err = run(capsys, "import", str(folder))
    assert code == 0, err
    put_back()
    assert stored_head_counts(db_path)[target.stem] == 5  # what it read
    assert "head_count: 5" not in target.read_text(encoding="utf-8")  # the change was made

    code, out, err = run(capsys, "import", str(folder))
    assert code == 0, err
    assert f"1 updated, 0 removed, {len(paths) - 1} unchanged" in out
    assert stored_head_counts(db_path)[target.stem] == int(change[1].split()[-1])
    code, out, err = run(capsys, "import", str(folder))
    assert code == 0 and f"0 updated, 0 removed, {len(paths)} unchanged" in out, out + err


# -- input built to be heavy ------------------------------------------------------------------

# The command runs in a process whose resident memory at its peak must stay under
# PEAK_LIMIT: a sixth of what building these files' trees took (1.5 GB), and several times what
# refusing them takes (~60-90 MB). Its address space is also capped (at ADDRESS_LIMIT, above
# what thread arenas reserve), so that a build of the whole tree fails early instead of
# taking gigabytes.
PEAK_LIMIT_KB = 250 * 1024
ADDRESS_LIMIT = 1024 * 1024 * 1024
LIMITED_CLI = (
    "import resource, sys\n"
    f"resource.setrlimit(resource.RLIMIT_AS, ({ADDRESS_LIMIT}, {ADDRESS_LIMIT}))\n"
    "from tripdesk.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "peak = [line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM:')]\n"
    "print('peak resident memory (kB):', *peak, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def tiny_nodes(shape: str, size: int = 9_900_000) -> str:
    """A file of just under 10 MB that is nothing but tiny nodes, in one of several shapes."""
    if shape == "flow list":
        return "tripdesk: 1\ntrip: [" + "1," * (size // 2) + "1]\n"
    if shape == "block list":
        return "tripdesk: 1\nsources:\n" + "- 1\n" * (size // 4)
    if shape == "flow mapping":
        return "tripdesk: 1\nx: {" + "".join(f"{i:x}: 1," for i in range(size // 9)) + "}\n"
    if shape == "JSON":
        return '{"tripdesk": 1, "trip": [' + "0," * (size // 2) + "0]}\n"
    if shape == "inside a trip":
        return SAMPLE_TEXT.replace("themes: [", "themes: [" + "a," * (size // 2))
    raise ValueError(shape)


def long_trip(days: int, flow: bool) -> str:
    """The sample trip lasting `days` days from 1800-01-01, each listed with a place (and no
    agreement: the sample's refers to an event of its days)."""
    import datetime as dt

    start = dt.date(1800, 1, 1)
    dates = [start + dt.timedelta(d) for d in range(days)]
    text = (SAMPLE_TEXT.replace("start: 2024-10-12", f"start: {start}")
            .replace("end: 2024-10-14", f"end: {dates[-1]}")
            .replace("span_reported: {nights: 2, days: 3, text: 2박 3일}", "span_reported: null"))
    if flow:
        listed = "days: [" + ", ".join(f"{{date: {d}, places: [{{city: Seattle, country: US}}]}}"
                                       for d in dates) + "]\n"
    else:
        listed = "days:\n" + "".join(f"  - date: {d}\n    places:\n      - {{city: Seattle, country: US}}\n"
                                     for d in dates)
    return text[:text.index("days:\n")] + listed + text[text.index("quotes:"):]  # no agreements


def refused(tmp_path: Path, name: str, text: str, command: str) -> str:
    """`tripdesk COMMAND FILE` in a process of limited memory (see PEAK_LIMIT_KB): exit 1, no
    traceback; the one problem line it prints."""
    import subprocess
    import sys

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size < 10 * 1024 * 1024  # under the file size limit
    db = ["--db", str(tmp_path / "t.db")] if command == "import" else []  # validate --db reads a store
    done = subprocess.run([sys.executable, "-c", LIMITED_CLI, command, *db, str(path)],
                          capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr, done.stderr[-2000:]
    assert done.returncode == 1, done.stderr[-2000:]
    lines = [line for line in done.stderr.splitlines() if line.startswith(str(path))]
    assert len(lines) == 1, done.stderr[-2000:]
    peak = re.search(r"peak resident memory \(kB\): (\d+)", done.stderr)
    assert peak and int(peak.group(1)) < PEAK_LIMIT_KB, done.stderr[-2000:]
    return lines[0]


@pytest.mark.parametrize("command", ["validate", "import"])
@pytest.mark.parametrize("shape", ["flow list", "block list", "flow mapping", "JSON", "inside a trip"])
def test_a_file_of_millions_of_tiny_values_is_refused_while_it_is_read(
    shape: str, command: str, tmp_path: Path
) -> None:
    """Counted while the file is read, before its tree is built (which took 25 s and 1.5 GB)."""
    name = "heavy.json" if shape == "JSON" else "heavy.yaml"
    line = refused(tmp_path, name, tiny_nodes(shape), command)
    assert line.endswith(": the file holds more than 100,000 values; a trip file holds a few "
                         "thousand. Split it, or remove what is not trip data"), line


@pytest.mark.parametrize("style", ["block", "flow"])
@pytest.mark.parametrize("days", [367, 100_000])
def test_a_trip_of_too_many_days_is_refused_while_it_is_read(style: str, days: int, tmp_path: Path) -> None:
    """A `days` list longer than a trip can be is refused at its first day too many (a list of
    100,000 days took 17 s and 690 MB to refuse)."""
    text = long_trip(days, flow=style == "flow")
    line = refused(tmp_path, "long.yaml", text, "validate")
    first_too_many = text.index("date: 1801-01-02")  # 1800 has 365 days: the 367th day
    row = text.count("\n", 0, first_too_many) + 1
    assert re.fullmatch(rf".*long\.yaml:{row}:\d+: days\[366\]: the trip lists more than 366 days, "
                        r"the most a trip can have; check the dates \(a wrong year\?\) and remove the "
                        r"days outside the trip", line), line


def test_the_limits_leave_room_for_the_largest_trips(tmp_path: Path) -> None:
    """The benchmark's largest generated trips, and a year-long trip as full as they are,
    are far inside every limit."""
    from tripdesk.bench import generate
    from tripdesk.limits import MAX_NODES
    from tripdesk.files.loader import load_paths

    paths = generate.generate(tmp_path / "gen", 40, seed=1)
    assert not load_paths(paths).problems
    import yaml

    most = max(sum(1 for event in yaml.parse(p.read_text(encoding="utf-8"))
                   if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent))) for p in paths)
    assert 1000 < most < MAX_NODES / 10
    year = tmp_path / "year.yaml"
    year.write_text(long_trip(366, flow=False), encoding="utf-8")
    assert not load_paths([year]).problems


# -- folders and files that cannot be read ------------------------------------------------------
# As nobody: root reads every folder whatever its permissions say.


@pytest.fixture
def readable_trips(shared_dir: Path) -> tuple[Path, Path]:
    """(a folder of trips with one in a subfolder, a database nobody can write) holding
    the two trips, imported by nobody."""
    folder = shared_dir / "trips"
    write_trips(folder, 1)
    write_trips(folder / "sub", 2)
    (folder / "sub" / "trip-0000.yaml").unlink()  # trip-0000 above, trip-0001 in sub/
    an_hour_ago = time.time() - 3600
    for path in folder.rglob("*.yaml"):  # recorded with their times: not compared by content
        os.utime(path, (an_hour_ago, an_hour_ago))
    home = shared_dir / "home"
    home.mkdir()
    give_to_nobody(home)
    db = home / "t.db"
    done = run_as_nobody("import", str(folder), db=db)
    assert done.returncode == 0 and "2 added" in done.stdout, done.stderr
    return folder, db


UNREADABLE = {
    # how a part of the folder is made unreadable: (what, mode, the problem it is)
    "subfolder": ("sub", 0o000, "sub:1:1: cannot read this folder (permission denied): the trip files in "
                  "it can be neither checked nor imported; make it readable"),
    "subfolder listed but not searchable": ("sub", 0o644, "sub/trip-0001.yaml:1:1: cannot read the "
                                            "file: Permission denied"),
    "new file": ("sub/new.yaml", 0o000, "sub/new.yaml:1:1: cannot read the file: Permission denied"),
    "imported file, unchanged since": ("sub/trip-0001.yaml", 0o000,
                                       "sub/trip-0001.yaml:1:1: cannot read the file: Permission denied"),
}


@pytest.mark.parametrize("what", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_what_cannot_be_read_is_a_problem_and_no_trip_vanishes(
    what: tuple[str, int, str], readable_trips: tuple[Path, Path]
) -> None:
    """An import of a folder part of which cannot be read used to drop that part's trips
    and exit 0. Now it names what it cannot read, writes nothing, and exits 1; `validate`
    says the same."""
    folder, db = readable_trips
    name, mode, problem = what
    target = folder / name
    if name == "sub/new.yaml":
        write_trips(folder / "new", 3)
        (folder / "new" / "trip-0002.yaml").rename(target)
        shutil.rmtree(folder / "new")
    target.chmod(mode)
    for command in ("import", "validate"):
        done = run_as_nobody(command, "trips", db=db, cwd=folder.parent)
        assert done.returncode == 1, (command, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
        assert f"trips/{problem}" in done.stderr.splitlines(), done.stderr
    assert trip_ids(db) == ["trip-0000", "trip-0001"]
    target.chmod(0o755 if target.is_dir() else 0o644)
    done = run_as_nobody("import", str(folder), db=db)
    assert done.returncode == 0, done.stderr
    assert trip_ids(db) == ["trip-0000", "trip-0001"] + (["trip-0002"] if name == "sub/new.yaml" else [])


def test_an_unreadable_folder_given_by_name(readable_trips: tuple[Path, Path]) -> None:
    folder, db = readable_trips
    folder.chmod(0o000)
    for command in ("import", "validate"):
        done = run_as_nobody(command, "trips", db=db, cwd=folder.parent)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert "trips:1:1: cannot read this folder (permission denied)" in done.stderr, done.stderr
    assert trip_ids(db) == ["trip-0000", "trip-0001"]


def test_a_trip_file_that_is_a_dangling_link_or_a_pipe_is_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "trips"
    write_trips(folder, 1)
    (folder / "moved.yaml").symlink_to("elsewhere.yaml")
    os.mkfifo(folder / "pipe.yaml")
    for command in ("validate", "import"):
        code, _, err = run(capsys, command, str(folder))
        assert code == 1, err
        assert f"{folder}/moved.yaml:1:1: a symbolic link to 'elsewhere.yaml', which does not exist" in err
        assert f"{folder}/pipe.yaml:1:1: not a regular file (it is a named pipe)" in err


def test_only_trips_whose_files_are_gone_are_removed(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The removal itself checks that the file is gone: a file that is there but was not
    listed (a folder listing that failed) keeps its trip."""
    from tripdesk.store import importer

    folder = tmp_path / "trips"
    paths = write_trips(folder, 2)
    assert run(capsys, "import", str(folder))[0] == 0
    paths[0].unlink()
    real = importer.find_trip_files
    monkeypatch.setattr(importer, "find_trip_files",
                        lambda given: ([p for p in real(given)[0] if p.name != paths[1].name], []))
    code, out, err = run(capsys, "import", str(folder))
    assert code == 0, err
    assert "1 removed" in out
    assert trip_ids(db_path) == ["trip-0001"]


# -- worker processes die with the import -------------------------------------------------------


def children_of(pid: int) -> set[int]:
    """The processes whose parent is `pid` (from /proc)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def running(pid: int) -> bool:
    """Whether a process is still there and not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def start_parallel_import(tmp_path: Path, **popen: object):  # noqa: ANN201 - subprocess.Popen
    """`python -m tripdesk import` of 400 files with two workers, once both are running:
    (the process, the workers' ids)."""
    import subprocess
    import sys

    folder = tmp_path / "trips"
    write_trips(folder, 400)
    env = {**os.environ, "TRIPDESK_IMPORT_WORKERS": "2"}
    proc = subprocess.Popen([sys.executable, "-m", "tripdesk", "import", "--db", str(tmp_path / "t.db"),
                             str(folder)], env=env, **popen)
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while len(workers) < 2:
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("the import ended (or never started its workers) before it could be killed")
        workers = children_of(proc.pid)
        time.sleep(0.01)
    return proc, workers


def end_all(workers: set[int]) -> list[int]:
    """Wait up to 20 s for the workers to end; kill (and return) those still running."""
    import signal

    deadline = time.monotonic() + 20
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = sorted(pid for pid in workers if running(pid))
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    return left


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM", "SIGHUP", "SIGINT"])
def test_the_workers_end_when_the_import_is_killed(signal_name: str, tmp_path: Path) -> None:
    """They used to live on after kill -9, SIGTERM or SIGHUP, waiting for work for ever and
    holding the database open. Ctrl-C (SIGINT) stops the import, which stops its workers, and
    leaves the store as it was."""
    import signal
    import subprocess

    proc, workers = start_parallel_import(tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                          text=True)
    proc.send_signal(getattr(signal, signal_name))
    _, err = proc.communicate(timeout=60)
    assert end_all(workers) == [], "workers outlived the import"
    if signal_name == "SIGINT":
        assert proc.returncode == 130 and "Traceback" not in err, err
    else:
        assert proc.returncode == -getattr(signal, signal_name)
    assert not (tmp_path / "t.db").exists() or trip_ids(tmp_path / "t.db") == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_an_import_piped_into_cat_ends_when_the_import_is_killed(tmp_path: Path) -> None:
    """`tripdesk import ... | cat` never ended: the workers held the pipe open."""
    import signal
    import subprocess

    proc, workers = start_parallel_import(tmp_path, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    cat = subprocess.Popen(["cat"], stdin=proc.stdout, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.close()  # only the import (and its workers) hold the pipe now
    try:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        cat.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("cat never saw the end of the import's output")
    finally:
        end_all(workers)
        if cat.poll() is None:
            cat.kill()
            cat.wait()
    assert cat.returncode == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_a_worker_killed_midway_ends_the_import_with_a_clear_message(tmp_path: Path) -> None:
    """A worker killed (by hand, or by the out-of-memory killer) stops the import: one message
    and its fix, nothing written, no new store left, the other worker gone too."""
    import signal
    import subprocess

    proc, workers = start_parallel_import(tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                          text=True)
    os.kill(min(workers), signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert end_all(workers) == []
    assert proc.returncode == 1 and "Traceback" not in err, err
    assert err.strip().splitlines() == [
        "tripdesk: error: a process reading the trip files ended before it finished (it was killed, or "
        "ran out of memory); nothing was written",
        "  fix: run the import again; if it happens again, TRIPDESK_IMPORT_WORKERS=1 reads the files in "
        "this process"], err
    assert not list(tmp_path.glob("t.db*"))


@pytest.mark.parametrize("broken_at", ["submit", "result"])
def test_a_pool_found_broken_at_a_submit_or_a_result_is_a_worker_lost(monkeypatch: pytest.MonkeyPatch,
                                                                      broken_at: str) -> None:
    """CI once saw the pool's breakage surface at the next submit, after a result had come back,
    as an internal error; wherever the pool is next used, it is the clear WorkerLost."""
    import concurrent.futures

    from tripdesk.store import importer

    class Done:
        def result(self) -> list:
            if broken_at == "result":
                raise concurrent.futures.process.BrokenProcessPool("a child process terminated abruptly")
            return []

    class Pool:
        submitted = 0

        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def __enter__(self) -> "Pool":
            return self

        def __exit__(self, *exc: object) -> None:
            pass

        def submit(self, *args: object) -> Done:
            Pool.submitted += 1
            if broken_at == "submit" and Pool.submitted > 32:  # after the first ones were queued
                raise concurrent.futures.process.BrokenProcessPool("a child process terminated abruptly")
            return Done()

        def shutdown(self, **kwargs: object) -> None:
            pass

    monkeypatch.setattr(importer, "_worker_count", lambda: 2)
    monkeypatch.setattr(importer, "_can_fork", lambda: True)
    monkeypatch.setattr(importer.concurrent.futures, "ProcessPoolExecutor", Pool)
    work = [(Path(f"t{i}.yaml"), None) for i in range(400)]
    with pytest.raises(importer.WorkerLost):
        list(importer._prepare_all(work, None))  # type: ignore[arg-type]
