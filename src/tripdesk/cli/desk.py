"""Launching the desk (the Textual app, imported only here) on the store, or on drafts to
review before they are imported."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK
from .datafiles import open_store


def cmd_app(args: argparse.Namespace) -> int:
    store = open_store(args)
    path = store.path
    store.close()
    if getattr(args, "drafts", None):
        return review_desk(args, path, [Path(p) for p in args.drafts], args.review_into,
                           [Path(p) for p in args.review_articles or ()])
    from ..ui.data import DeskData, pause_collection, resume_collection  # no Textual there

    # What the first frame shows is read in a thread while Textual is imported (SQLite runs
    # beside the imports, on another core), and nothing is garbage-collected before the first
    # frame (the app resumes the collector then): docs/performance.md, first paint.
    data = DeskData(path)
    data.start_early()
    pause_collection()
    try:
        from ..ui.app import TripdeskApp  # the only place the CLI touches Textual

        app = TripdeskApp(db_path=path, language=args.lang, data=data)
        app.run()
    finally:
        resume_collection()  # if the app ended before its first frame
    return app.return_code or EXIT_OK  # 1 when the app ended on an error (Textual printed it)


def review_desk(args: argparse.Namespace, store: Path, drafts: list[Path], into: str | None,
                articles: list[Path]) -> int:
    """The desk on draft files before they are imported: a scratch store holding only them
    (their articles too, for `v`), marked DRAFT in the header; `i` imports the trip shown into
    `store`, its file copied into `into` (else left where the draft is)."""
    from ..review import open_review

    review = open_review(drafts, store, Path(into) if into else None, articles)
    try:
        from ..ui.app import TripdeskApp

        app = TripdeskApp(language=args.lang, review=review)
        app.run()
    finally:
        review.close()
    return app.return_code or EXIT_OK
