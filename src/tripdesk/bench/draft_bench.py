"""The `tripdesk draft` row: seconds to draft one article once the analyser has loaded.

Each seed article of ../shared/articles is drafted (`draft_trip`, everything but writing the
file) with the analyser's cache of tokens cleared, so every run analyses the text afresh. The
baseline is the floor under it: the analyser alone tokenising and splitting the same text.
Loading the analyser's model (about 2 s, once per process) is measured apart, in the note.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from .stats import Figure, timed

Log = Callable[[str], None]


def bench_draft(articles: Path, reps: int, log: Log) -> Figure:
    fig = Figure("draft_article", "tripdesk draft of one seed article, analyser loaded", "ms",
                 "the analyser alone on the same text (tokens and sentences)", "p95 < 1 s", limit=1.0)
    from ..draft.deps import missing_packages

    if missing_packages():
        fig.error = "needs the draft extra: pip install 'tripdesk[draft]'"
        return fig
    paths = sorted(articles.glob("*.txt")) if articles.is_dir() else []
    if not paths:
        fig.error = f"the articles are not there ({articles})"
        return fig
    from ..draft import analyser, places
    from ..draft.articles import read_article
    from ..draft.assemble import draft_trip
    from ..draft.dates import NoTripDates, YearHint
    from ..store.queries import KnownEntities

    start = time.perf_counter()
    analyser.kiwi()
    places.city_index()
    analyser.analyse("구미시 대표단이 미국을 방문한다.")
    loading = time.perf_counter() - start
    texts = [read_article(p.read_bytes(), p.name) for p in paths]
    hint = YearHint(year=2020)  # the seed articles without a year of their own get one
    drafted = [a for a in texts if _drafts(a, hint)]

    def one(article):  # noqa: ANN001, ANN202
        try:
            draft_trip([article], KnownEntities(), hint)
        except NoTripDates:
            pass

    for _ in range(reps):
        for article in drafted:
            analyser.clear_caches()
            places.clear_caches()
            fig.samples.append(timed(lambda: one(article)))
            analyser.clear_caches()
            fig.baseline.append(timed(lambda: (analyser.analyse(article.text), analyser.sentences(article.text))))
    fig.note = (f"{len(drafted)} articles × {reps}; loading the analyser and the gazetteer once: "
                f"{loading:.1f} s")
    log(f"  draft: median {fig.median * 1000:.0f} ms against {fig.baseline_median * 1000:.0f} ms ({fig.note})")
    return fig


def _drafts(article, hint) -> bool:  # noqa: ANN001
    from ..draft.assemble import draft_trip
    from ..draft.dates import NoTripDates
    from ..store.queries import KnownEntities

    try:
        draft_trip([article], KnownEntities(), hint)
    except NoTripDates:
        return False
    return True
