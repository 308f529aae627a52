"""Thread-safe access to the store for the desk, with a cache of loaded trips.

Every method that reads the database is meant to be called from a worker thread, never
from the UI thread: one SQLite connection (opened lazily, with `check_same_thread=False`)
is shared by the workers and used under a lock, one query at a time. Searches have a
connection of their own, so that a search never holds up the lists and trips the user opens
meanwhile, and a search that is no longer wanted (a newer one started, the dialog or the desk
closed) is stopped inside SQLite (`search`). `cached_trip` is the
exception: it only looks at the in-memory cache, so the UI can show an already loaded trip
in the same frame as the key press that asked for it.

`start_early()` reads what the first frame shows (the summary and the home cities) in a
thread of its own, started by the `tripdesk` command before it imports Textual (or by the app
when it is made); a pane that mounts after it finished takes the rows at once (`ready()`)
instead of asking a worker, so the city list is in the first frame rather than one or two
frames later (docs/performance.md, first paint).
"""

from __future__ import annotations

import gc
import sqlite3
import threading
from collections import OrderedDict
from concurrent.futures import Future, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from ..problems import TripdeskError
from ..store import Store, queries

if TYPE_CHECKING:
    from ..model import Trip

T = TypeVar("T")

TRIP_CACHE_SIZE = 512
# How many SQLite virtual machine steps a search takes between two checks that it is still
# wanted (a check is one Python call, well under a microsecond; 10,000 steps are ~0.1-1 ms).
SEARCH_CHECK_STEPS = 10_000


class SearchStopped(Exception):
    """A search stopped before it finished because it is no longer wanted."""


def freeze_loaded() -> None:
    """Keep what has been loaded so far out of the garbage collector's full passes.

    On a large store the desk holds a few hundred thousand long-lived objects (the city list,
    the cached trips, their tree lines and rendered strips). Python's full collection walks all
    of them, and it runs every so often in the middle of a key press: 30 to 100 ms, the whole
    p95 of a key-to-frame latency. `gc.freeze()` moves every object alive now to the permanent
    generation (constant time), so later passes only walk what is newer. Called on the UI
    thread after each batch of data is shown. Objects frozen are still freed when their last
    reference goes; only reference cycles among them are kept until the app ends.
    """
    gc.freeze()


# When a change of the store lets the frozen objects go (`release_frozen_if_grown`): once
# they have grown by this share of what stayed frozen after the last release, and by at least
# this many objects.
RELEASE_GROWTH = 0.5
RELEASE_AT_LEAST = 50_000
# What was frozen after the last release (None: no change of the store seen yet by this desk).
_frozen_base: int | None = None


def watch_frozen_growth() -> None:
    """A desk starts: its first change of the store takes the measure that later growth is
    counted from (in a process that ran desks before, a test session, what they left is the
    measure, not growth)."""
    global _frozen_base
    _frozen_base = None


def release_frozen_if_grown() -> bool:
    """Let the collector free what was frozen and is garbage now, when enough of it may be.

    Frozen objects are never collected, and a desk reading the store again (another process
    imported, or `r`) drops its city list, its cached trips and their drawn lines, full of
    reference cycles: without this, each read again kept the last one's alive until the app
    ended (~2,200 objects a reload on the four bundled trips, far more on a large store).
    Called when the store changed, before it is read again; the first call of a desk
    (`watch_frozen_growth`) only takes the measure. Thawing and collecting walks every
    object the process holds (tens of milliseconds for the desk, seconds in a long-lived
    process such as a test session), so it is done only once the frozen objects have grown by
    half of what stayed after the last release: the memory a desk holds stays within about
    one and a half times what it needs, and the full pass runs on one change of the store in
    several, never inside a key. True when it released.
    """
    global _frozen_base
    count = gc.get_freeze_count()
    if _frozen_base is None:
        _frozen_base = count
        return False
    if count - _frozen_base <= max(RELEASE_AT_LEAST, RELEASE_GROWTH * _frozen_base):
        return False
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    _frozen_base = gc.get_freeze_count()
    return True


# Whether `pause_collection` turned the garbage collector off (and it is still off).
_collection_paused = False


def pause_collection() -> None:
    """No garbage collection until the first frame is drawn (`resume_collection`).

    Starting the desk (importing Textual and the desk, building the screen) allocates a few
    hundred thousand objects of which almost none are garbage, and Python collects every 700
    allocations: ~150 young and ~15 middle-aged collections (and a full one on a large store),
    25-85 ms of CPU before the first frame (counted with `gc.callbacks` in a pty, the more on a
    busy machine). Called by the `tripdesk` command before it
    imports the desk, never by the app itself (tests and other callers keep their collector).
    """
    global _collection_paused
    if gc.isenabled():
        gc.disable()
        _collection_paused = True


def resume_collection() -> None:
    """After the first frame: freeze what start-up built (`freeze_loaded`), collect again."""
    global _collection_paused
    if _collection_paused:
        _collection_paused = False
        freeze_loaded()
        gc.enable()


class DeskData:
    """The store as the desk reads it."""

    def __init__(self, db_path: Path, cache_size: int = TRIP_CACHE_SIZE) -> None:
        self.db_path = Path(db_path)
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._cache: OrderedDict[str, Trip] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._cache_size = cache_size
        self._early: dict[str, Future[Any]] = {}
        self._search_lock = threading.Lock()
        self._search_store: Store | None = None
        self._searches = 0  # how many searches were started (or stopped): the newest's number
        self._count_lock = threading.Lock()
        # The store's data version when the desk first read it: a write by another process
        # after that is one the desk has not shown (the store watch compares with it).
        self.opened_version: int | None = None

    # -- what the first frame shows -----------------------------------------------------------

    EARLY: dict[str, Callable[[Store], Any]] = {"home_cities": queries.home_cities,
                                                 "summary": queries.summary}

    def start_early(self) -> None:
        """Start reading the summary and the home cities in a thread (once)."""
        if self._early:
            return
        self._early = {name: Future() for name in self.EARLY}
        # The thread keeps its own references: a result handed out leaves `_early` at once.
        threading.Thread(target=self._read_early, args=(dict(self._early),), name="tripdesk-early",
                         daemon=True).start()

    def _read_early(self, futures: dict[str, Future[Any]]) -> None:
        for name, query in self.EARLY.items():
            future = futures[name]
            try:
                future.set_result(self._run(query))
            except BaseException as exc:  # noqa: BLE001 - handed to whoever asks for it
                future.set_exception(exc)

    def wait_early(self, timeout: float | None = None) -> bool:
        """Wait until the early reads not yet handed out are over; whether they all are."""
        _done, not_done = wait(list(self._early.values()), timeout)
        return not not_done

    def ready(self, name: str) -> Any:
        """An early read that has finished without error, or None; never waits. Each early
        result is handed out once: a later read asks the store again."""
        future = self._early.get(name)
        if future is None or not future.done() or future.exception() is not None:
            return None
        if self._early.pop(name, None) is None:
            return None  # a worker took it meanwhile
        return future.result()

    def _early_or(self, name: str, query: Callable[[Store], T]) -> T:
        """The early read's result (waiting for it, once), else a read now. Worker threads only."""
        future = self._early.pop(name, None)
        if future is not None:
            return future.result()  # its failure, if any, is raised here like a read's
        return self._run(query)

    # -- plumbing ---------------------------------------------------------------------------

    def _run(self, query: Callable[[Store], T]) -> T:
        with self._lock:
            if self._store is None:
                self._store = Store.open(self.db_path, create=False, readonly=True)
                self.opened_version = self._store.data_version()  # before the first read
            return query(self._store)

    def close(self) -> None:
        self.stop_searches()
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
        with self._search_lock:
            if self._search_store is not None:
                self._search_store.close()
                self._search_store = None

    # -- lists ------------------------------------------------------------------------------

    def summary(self) -> queries.StoreSummary:
        return self._early_or("summary", queries.summary)

    def home_cities(self) -> list[queries.CityRow]:
        return self._early_or("home_cities", queries.home_cities)

    def destinations(self) -> list[queries.DestinationRow]:
        return self._run(queries.destinations)

    def destination_groups(self) -> queries.DestinationGroups:
        return self._run(queries.destination_groups)

    def inferred_destinations(self, keys: set[str]) -> frozenset[str]:
        return self._run(lambda s: queries.inferred_destinations(s, keys))

    def trips_from(self, city_id: str) -> list[queries.TripRow]:
        return self._run(lambda s: queries.trips_from(s, city_id))

    def trips_to(self, destination_key: str) -> list[queries.TripRow]:
        return self._run(lambda s: queries.trips_to(s, destination_key))

    def all_trips(self) -> list[queries.TripRow]:
        return self._run(queries.all_trips)

    def read(self, query: Callable[[Store], T]) -> T:
        """Any read of `queries` (worker threads only): the screens across trips use it."""
        return self._run(query)

    def search(self, query: str, limit: int = 200, *,
               cancelled: Callable[[], bool] = lambda: False) -> list[queries.SearchHit]:
        """The hits of a query (worker threads only), on the search's own connection.

        Only the newest search runs: starting one stops any older one still running, which
        then raises SearchStopped, as does a search for which `cancelled()` turns true (the
        worker it runs in was cancelled) or that `stop_searches` stops. SQLite checks every
        few thousand steps of the query, so a stopped search ends within a millisecond or so."""
        mine = self.stop_searches()

        def stop() -> bool:
            return self._searches != mine or cancelled()

        with self._search_lock:
            if stop():
                raise SearchStopped(query)
            if self._search_store is None:
                self._search_store = Store.open(self.db_path, create=False, readonly=True)
            conn = self._search_store.conn
            conn.set_progress_handler(stop, SEARCH_CHECK_STEPS)
            try:
                return queries.search(self._search_store, query, limit=limit)
            except TripdeskError as exc:
                if stop() and isinstance(exc.__context__, sqlite3.OperationalError):
                    raise SearchStopped(query) from None  # "interrupted": stopped by `stop`
                raise
            finally:
                conn.set_progress_handler(None, 0)

    def stop_searches(self) -> int:
        """Stop the search that is running, if any (from any thread); the new search number."""
        with self._count_lock:
            self._searches += 1
            return self._searches

    # -- trips ------------------------------------------------------------------------------

    def warm_up(self) -> None:
        """Import what reading a trip takes (the loader, PyYAML, the schema's patterns: 25-60
        ms of CPU, imported lazily to keep them out of start-up) before the first trip is
        opened, which otherwise waits for them. Worker threads only."""
        from ..files import loader  # noqa: F401

    def data_version(self) -> int:
        """The store's `PRAGMA data_version` on the desk's connection: it moves when another
        connection (an import in another process) commits. A few microseconds; worker
        threads only (it waits for a read in progress)."""
        return self._run(lambda store: store.data_version())

    def forget_trips(self) -> None:
        """Empty the cache of loaded trips (the store changed: they may have)."""
        with self._cache_lock:
            self._cache.clear()

    def reload_trip(self, trip_id: str) -> Trip | None:
        """A trip read from the store again, past the cache (then cached); None if it is
        gone. Worker threads only."""
        with self._cache_lock:
            self._cache.pop(trip_id, None)
        return self.load_trip(trip_id)

    def cached_trip(self, trip_id: str) -> Trip | None:
        """A trip already loaded, or None; never touches the database."""
        with self._cache_lock:
            trip = self._cache.get(trip_id)
            if trip is not None:
                self._cache.move_to_end(trip_id)
            return trip

    def load_trip(self, trip_id: str) -> Trip | None:
        """A trip from the cache, else from the store (then cached)."""
        trip = self.cached_trip(trip_id)
        if trip is not None:
            return trip
        trip = self._run(lambda s: queries.load_trip(s, trip_id))
        if trip is not None:
            with self._cache_lock:
                self._cache[trip_id] = trip
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return trip

    # -- articles ---------------------------------------------------------------------------

    def article(self, trip_id: str, source_id: str) -> queries.Article | None:
        """A source's article as import read it from its file (None: the store has no text)."""
        return self._run(lambda s: queries.article(s, trip_id, source_id))

    def article_folders(self, trip_id: str, source_id: str) -> list[str]:
        """The folders import looked for a source's article file in."""
        return self._run(lambda s: queries.article_folders(s, trip_id, source_id))
