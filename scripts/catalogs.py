"""Bring the gettext catalogs up to date with the code.

    .venv/bin/python scripts/catalogs.py            # extract, then update ko and en
    .venv/bin/python scripts/catalogs.py --check    # exit 1 if a catalog lacks a msgid

Runs `pybabel extract` over src/tripdesk (babel.cfg) and `pybabel update` of
src/tripdesk/locale/{ko,en}/LC_MESSAGES/tripdesk.po, sorted by msgid and without source lines,
so that two people adding strings rarely touch the same lines of a .po. New Korean entries
come with an empty msgstr for a translator to fill in (tests/test_i18n.py fails until they
are); fuzzy matching is off, so nothing is half-translated by guess. The .mo files are
compiled by the build hook (hatch_build.py) and, in a checkout, on first use.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "tripdesk" / "locale"
LANGS = ("ko", "en")


def pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, change nothing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "tripdesk.pot"
        pybabel("extract", "-F", "babel.cfg", "--no-location", "--sort-output", "--no-wrap",
                "--project", "tripdesk", "-o", str(pot), ".")
        for lang in LANGS:
            command = ["update", "-i", str(pot), "-d", str(LOCALE), "-D", "tripdesk", "-l", lang,
                       "--init-missing", "--no-fuzzy-matching", "--ignore-obsolete", "--no-wrap",
                       "--ignore-pot-creation-date"]
            if args.check:
                command.append("--check")
            pybabel(*command)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
