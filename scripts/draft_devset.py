"""Draft every entry of a drafting gold file and score the drafts (docs/drafting.md).

    python scripts/draft_devset.py GOLD.yaml ARTICLES_DIR DRAFTS_DIR [--plain] [--scorer PATH]

Each entry's `articles` (files of ARTICLES_DIR) are drafted with `tripdesk draft`, given the
entry's `url` when it has one (the drafter reads a published date from an address; `--plain`
drafts without it, as the held-out articles are drafted: the file alone), into
DRAFTS_DIR/<id>.yaml; then the scorer of ../shared/drafting scores the folder. An article the
drafter refuses (no year, no dates) is reported and scores zero.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("articles", type=Path)
    ap.add_argument("drafts", type=Path)
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "drafting" / "score_drafts.py")
    ap.add_argument("--plain", action="store_true", help="draft each article alone, without its --url")
    args = ap.parse_args()
    args.drafts.mkdir(parents=True, exist_ok=True)
    for entry in yaml.safe_load(args.gold.read_text(encoding="utf-8")):
        target = args.drafts / f"{entry['id']}.yaml"
        target.unlink(missing_ok=True)
        command = [sys.executable, "-m", "tripdesk", "draft", *(str(args.articles / a) for a in entry["articles"]),
                   "-o", str(target)]
        if entry.get("url") and not args.plain:
            command += ["--url", entry["url"]]
        done = subprocess.run(command, capture_output=True, text=True)
        status = "drafted" if done.returncode == 0 else done.stderr.strip().splitlines()[-1]
        print(f"{entry['id']}: {status}")
    return subprocess.run([sys.executable, str(args.scorer), str(args.gold), str(args.drafts),
                           "--articles", str(args.articles)]).returncode


if __name__ == "__main__":
    sys.exit(main())
