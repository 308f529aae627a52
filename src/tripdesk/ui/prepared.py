"""Trips made ready to show before they are asked for (the ones next to the trip shown).

Opening a trip builds its timeline rows and its detail document, and wraps the document as far
as the detail pane shows: ~5-8 ms of the frame that shows the trip. After a trip is opened, the
screen's prefetch worker reads the trips next to it in the city list, and for the nearest one on
each side it also builds these (`prepare`); opening one of them then only puts them in place.

Pure data, built in the worker thread: `Content` objects from the trip, never a widget.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .panes.detail import trip_doc
from .panes.timeline import build_options
from .render import Doc
from .rowlist import Row

if TYPE_CHECKING:
    from ..model import DisplayLang, Trip


@dataclass
class Prepared:
    """What opening `trip` in `lang` shows: the timeline's rows and the trip's detail."""

    trip: Trip
    lang: DisplayLang
    rows: list[Row]
    doc: Doc  # the detail of the trip itself (timeline row "trip")


def prepare(trip: Trip, lang: DisplayLang, width: int, rows_width: int = 0) -> Prepared:
    """Build the rows and the detail of a trip, the whole detail wrapped for `width` (the
    detail pane's text width; 0: not wrapped), and the rows that wrap (long event titles,
    ~0.1 ms each) for `rows_width` (the timeline's).

    All of it, not only the first screen: a document wrapped to its end needs no wrapping
    after the frame that shows it, nor the second frame that then redraws its scrollbar
    (in a real terminal the trip was still being drawn 15-20 ms after the first frame)."""
    doc = trip_doc(trip, lang)
    if width > 0:
        doc.wrap_ahead(width, 1 << 62)
    rows = build_options(trip, lang)
    if rows_width > 0:
        for row in rows:
            row.lines_for(rows_width)  # kept in the row for that width
    return Prepared(trip, lang, rows, doc)


class PreparedTrips:
    """The last few trips prepared (thread-safe: filled by a worker, read by the UI)."""

    def __init__(self, size: int = 8) -> None:
        self._items: OrderedDict[str, Prepared] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def put(self, prepared: Prepared) -> None:
        with self._lock:
            self._items[prepared.trip.id] = prepared
            self._items.move_to_end(prepared.trip.id)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def get(self, trip: Trip, lang: DisplayLang) -> Prepared | None:
        """The trip prepared, if it was, from this very trip object and in this language."""
        with self._lock:
            prepared = self._items.get(trip.id)
        if prepared is None or prepared.trip is not trip or prepared.lang != lang:
            return None
        return prepared

    def has(self, trip_id: str, lang: DisplayLang) -> bool:
        with self._lock:
            prepared = self._items.get(trip_id)
        return prepared is not None and prepared.lang == lang
