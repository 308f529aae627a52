"""The first screenful of each screen across trips, read ahead while the desk is idle.

The first `a`, `o` or `w` of a session shows the screen's first rows (the ledger's and the
entities' first screenful, the overview's bars from the trips' dates) in its first frame. Read
when the key is pressed, that read was on the way to the frame: 20-40 ms of SQLite and Python
on the 10,000-trip store when the machine is quiet, and on a busy one slow enough to miss the
frame it was waited for (`table.FIRST_ROWS_WAIT`), so that the screen came up empty and its
rows a frame later (the p95 of the first opens, docs/performance.md). The main screen's
warm-up worker, after the first frame and after the loader's import, now reads them once
(`read_ahead`; it imports the three screens' modules too), and the screen takes what was read
(`take`) instead of reading it at the key. Each reading is handed out once: the whole read
follows it as before, and later opens show the rows kept (`table.ROWS_KEPT`). A write to the
store by another process drops what was read ahead (`forget`, called when the desk sees it),
as it does the rows kept.

Only the reads are done here, and the catalogs the rows' words come from are loaded; the rows
are made by the screen as it opens (40 rows: about a millisecond).
"""

from __future__ import annotations

import threading
import time
import weakref
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, Callable

from ..data import freeze_loaded

if TYPE_CHECKING:
    from ...model import DisplayLang

# For each desk (its `DeskData`, while it lives): (screen, language) -> the future of what was
# read ahead for it, with the number of rows read (the screen's height then), or None.
AHEAD: "weakref.WeakKeyDictionary[Any, dict[tuple[str, str], Future[tuple[int, Any]]]]" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _reads(data: Any, lang: DisplayLang, count: int) -> dict[str, Callable[[], Any]]:
    from .entities import EntitiesScreen
    from .ledger import LedgerScreen
    from .overview import OverviewScreen, first_axis

    return {LedgerScreen.__name__: lambda: LedgerScreen.read_first(data, lang, count),
            EntitiesScreen.__name__: lambda: EntitiesScreen.read_first(data, lang, count),
            OverviewScreen.__name__: lambda: first_axis(data, lang)}


def read_ahead(data: Any, lang: DisplayLang, count: int) -> None:
    """Read the first screenful of each screen across trips for a language and a screen
    height (a worker thread: it reads the store). What is already read or being read is not
    read again; a reading that fails is left to the screen (it reads again and says why)."""
    from ...i18n import translator

    reads = _reads(data, lang, count)
    # The rows are made with the words of both catalogs (the filter finds a row by its words in
    # either language): the first use of one reads it (in a checkout, compiles its .po: ~80 ms).
    for one in ("ko", "en"):
        translator(one)
    with _lock:
        kept = AHEAD.setdefault(data, {})
        todo = {name: kept.setdefault((name, lang), Future()) for name in reads if (name, lang) not in kept}
    for name, future in todo.items():
        if not future.set_running_or_notify_cancel():
            continue
        try:
            future.set_result((count, reads[name]()))
        except BaseException as exc:  # noqa: BLE001 - the screen reads again
            future.set_exception(exc)
        time.sleep(0)  # let the UI thread run if it is waiting (a key) between reads
    if todo:
        freeze_loaded()  # (kept until the screen opens: out of the collector's passes)


def take(data: Any, screen: str, lang: DisplayLang) -> "Future[tuple[int, Any]] | None":
    """What was read ahead for a screen in a language (done, or still being read), handed out
    once; None if nothing was."""
    with _lock:
        kept = AHEAD.get(data)
        return kept.pop((screen, lang), None) if kept is not None else None


def forget(data: Any) -> None:
    """The store changed: what was read ahead is of the store as it was. (A reading still
    under way fills its future, which no one can take any more.)"""
    with _lock:
        AHEAD.pop(data, None)


def result(future: "Future[tuple[int, Any]] | None", count: int | None = None,
           timeout: float | None = 0) -> Any:
    """The reading, if it came without error within `timeout` seconds (0: only if it is done)
    and holds at least `count` rows (a taller screen than it was read for: not enough);
    else None."""
    if future is None:
        return None
    try:
        read, value = future.result(timeout)
    except BaseException:  # noqa: BLE001 - not done, or failed: the screen reads
        return None
    if count is not None and read < count:
        return None
    return value
