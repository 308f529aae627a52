"""The README's pictures of reviewing a draft: screenshots/draft-review-120x40.svg and
screenshots/draft-import-120x40.svg.

    .venv/bin/python scripts/draft_screenshot.py [--out screenshots]

Drafts ../shared/articles/000 with `tripdesk draft` (the draft extra is needed) and opens it
as `tripdesk --drafts drafts/ --into data/trips` does: the desk on a scratch store holding the
draft alone, marked DRAFT — not imported. The first picture is the article view of the
draft's 15 October meeting, its evidence highlighted; the second the dialog `i` opens, saying
where the file goes and into which store. Same data, same pictures (see screenshots.py).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from screenshots import open_trip, press, settle  # noqa: E402

from tripdesk.paths import articles_dir  # noqa: E402

ARTICLE = "000_b8185a0e63ff7e9a.txt"


async def review(pilot) -> None:  # noqa: ANN001
    await open_trip(pilot, "gumi", "gumi-2024-us", "event:2024-10-15-meeting")
    await press(pilot, "v")


async def import_dialog(pilot) -> None:  # noqa: ANN001
    await open_trip(pilot, "gumi", "gumi-2024-us", "event:2024-10-15-meeting")
    await press(pilot, "i")


async def take_review(drafts: Path, store: Path, into: Path, out: Path, name: str, steps) -> Path:  # noqa: ANN001
    """A picture of the draft desk (`tripdesk --drafts`) after `steps`."""
    from tripdesk.review import open_review
    from tripdesk.ui.app import TripdeskApp

    review_ = open_review([drafts], store, into, [articles_dir()])
    try:
        app = TripdeskApp(language="both", review=review_, theme="textual-dark")
        async with app.run_test(size=(120, 40)) as pilot:
            await steps(pilot)
            await settle(pilot)
            app.save_screenshot(filename=f"{name}.svg", path=str(out))
    finally:
        review_.close()
    return out / f"{name}.svg"


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
        # Names as a reader would have them, not the temporary folder's.
        store, into = Path("mytrips.db"), Path("mytrips")  # nothing is written to either
        out = args.out.resolve()
        os.chdir(tmp)  # paths shown as a reader in their folder would see them: drafts/...
        try:
            for name, steps in (("draft-review-120x40", review), ("draft-import-120x40", import_dialog)):
                path = asyncio.run(take_review(Path("drafts"), store, into, out, name, steps))
                print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        finally:
            os.chdir(ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
