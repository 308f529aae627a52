"""Golden files: the exports of the four real trips, byte for byte.

When the data in data/trips or the exporters change on purpose, regenerate them with

    TRIPDESK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_export_golden.py

then read the diff (`git diff tests/golden`) before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tripdesk.export import FORMATS, render
from tripdesk.model import Trip

from .test_export_markdown import REAL_IDS, real_trips

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("TRIPDESK_UPDATE_GOLDEN") == "1"
REGENERATE = "TRIPDESK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_export_golden.py"


@pytest.fixture(scope="module")
def trips() -> dict[str, Trip]:
    return real_trips()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("trip_id", REAL_IDS)
def test_golden(trips: dict[str, Trip], trip_id: str, fmt: str) -> None:
    text = render(trips[trip_id], fmt)  # the defaults: lang "both"
    path = GOLDEN / f"{trip_id}.{fmt}"
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    assert path.is_file(), f"{path.name} is missing; run: {REGENERATE}"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"{path.name} differs from the export; if the change is meant, run: {REGENERATE}"


def test_no_stale_golden_files() -> None:
    expected = {f"{trip_id}.{fmt}" for trip_id in REAL_IDS for fmt in FORMATS}
    found = {p.name for p in GOLDEN.iterdir() if not p.name.startswith(".") and p.name != "README.md"}
    assert found == expected
