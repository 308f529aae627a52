"""Golden files: the exports of the four real trips, byte for byte.

- `<trip>.json` and `<trip>.ics`: the JSON document and the calendar (`lang="both"`);
- `<trip>.brief.<lang>.md`: the one-page brief (the default of `tripdesk export`), and
  `<trip>.full.<lang>.md`: the complete dossier (`--full`), each in ko, en and both.

When the data in data/trips or the exporters change on purpose, regenerate them with

    TRIPDESK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_export_golden.py

then read the diff (`git diff tests/golden`) before committing it. The words of "both" follow
the locale, which tests/conftest.py pins to English.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tripdesk.export import render
from tripdesk.model import Trip

from .test_export_markdown import REAL_IDS, real_trips

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("TRIPDESK_UPDATE_GOLDEN") == "1"
REGENERATE = "TRIPDESK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_export_golden.py"

# (file name's ending, format, language, full)
FORMS = [("json", "json", "both", False), ("ics", "ics", "both", False)] + [
    (f"{form}.{lang}.md", "md", lang, form == "full") for form in ("brief", "full") for lang in ("ko", "en", "both")]


@pytest.fixture(scope="module")
def trips() -> dict[str, Trip]:
    return real_trips()


@pytest.mark.parametrize(("ending", "fmt", "lang", "full"), FORMS, ids=[f[0] for f in FORMS])
@pytest.mark.parametrize("trip_id", REAL_IDS)
def test_golden(trips: dict[str, Trip], trip_id: str, ending: str, fmt: str, lang: str, full: bool) -> None:
    text = render(trips[trip_id], fmt, lang, full=full)
    path = GOLDEN / f"{trip_id}.{ending}"
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    assert path.is_file(), f"{path.name} is missing; run: {REGENERATE}"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"{path.name} differs from the export; if the change is meant, run: {REGENERATE}"


def test_no_stale_golden_files() -> None:
    expected = {f"{trip_id}.{form[0]}" for trip_id in REAL_IDS for form in FORMS}
    found = {p.name for p in GOLDEN.iterdir() if not p.name.startswith(".") and p.name != "README.md"}
    assert found == expected
