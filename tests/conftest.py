"""Shared fixtures: every test gets its own database, never the user's."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "trips"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = FIXTURES / "valid" / "sample-trip.yaml"


SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    """The line (from 1) where `needle` first stands in `text`."""
    index = text.index(needle)
    return text.count("\n", 0, index) + 1


def mutate(tmp_path: Path, old: str, new: str, name: str = "trip.yaml") -> tuple[Path, str]:
    """The sample trip with its first `old` made `new`, written to `tmp_path / name`."""
    assert old in SAMPLE_TEXT, old
    text = SAMPLE_TEXT.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, text


def trip_ids(db: Path) -> list[str]:
    """The ids of the trips a store holds, sorted."""
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM trips ORDER BY id")]
    finally:
        conn.close()


def problems_for(*paths: Path) -> list[str]:
    """The problems `tripdesk validate` would print for these paths, as text."""
    from tripdesk.files.loader import load_paths

    return [str(p) for p in load_paths(list(paths)).problems]


@pytest.fixture(autouse=True)
def _isolated_db(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point TRIPDESK_DB at a fresh temporary file and pin the locale for every test."""
    path = tmp_path_factory.mktemp("db") / "tripdesk.db"
    monkeypatch.setenv("TRIPDESK_DB", str(path))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    return path


@pytest.fixture
def db_path(_isolated_db: Path) -> Path:
    return _isolated_db


@pytest.fixture
def trips_dir(tmp_path: Path) -> Path:
    """A writable folder holding a copy of the sample trip."""
    folder = tmp_path / "trips"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    return folder
