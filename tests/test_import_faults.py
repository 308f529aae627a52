"""Import faults: a file changed while it is read, folders and files that cannot be read,
worker processes whose import is killed, and input built to be heavy. Each is checked as a
user meets it: through `tripdesk import` (in this process, or in a separate one that is
killed), and then through the next import and the store."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Callable

import pytest

from tripdesk import loader
from tripdesk.cli import main

from .conftest import SAMPLE_TEXT


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
