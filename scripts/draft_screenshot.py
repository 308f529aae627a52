"""The README's picture of reviewing a draft: screenshots/draft-review-120x40.svg.

    .venv/bin/python scripts/draft_screenshot.py [--out screenshots]

Drafts ../shared/articles/000 with `tripdesk draft` (the draft extra is needed), imports the
draft alone into a scratch store with the articles beside it, and opens the article view of
the draft's 15 October meeting in the desk, its evidence highlighted: what a reviewer sees
before importing a draft into the real store. Same data, same picture (see screenshots.py).
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from screenshots import build, open_trip, press, take  # noqa: E402

from tripdesk.paths import articles_dir  # noqa: E402

ARTICLE = "000_b8185a0e63ff7e9a.txt"


async def review(pilot) -> None:  # noqa: ANN001
    await open_trip(pilot, "gumi", "gumi-2024-us", "event:2024-10-15-meeting")
    await press(pilot, "v")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        drafts = Path(tmp) / "drafts"
        drafts.mkdir()
        env_db = Path(tmp) / "empty.db"  # no store entities: the draft's ids are its own
        done = subprocess.run([sys.executable, "-m", "tripdesk", "--db", str(env_db), "draft",
                               str(articles_dir() / ARTICLE), "-o", f"{drafts}/"],
                              capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        db = build(Path(tmp) / "review.db", drafts, [articles_dir()])
        path = asyncio.run(take(db, args.out, "draft-review-120x40", (120, 40), "both", review,
                                Path(tmp) / "exports"))
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
