"""The messages the desk's widgets and workers send each other.

Workers read the store in threads and post one of the `...Loaded` messages back; the panes
post `TripChosen` / `ItemChosen` when the user moves, and the main screen routes them.

Plain classes rather than dataclasses: making seven dataclasses (their generated methods,
none of which the desk uses) was ~3 ms of every start-up, before the first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from textual.message import Message

if TYPE_CHECKING:
    from ..model import Trip
    from ..store import queries

CityMode = Literal["home", "dest"]


class SummaryLoaded(Message):
    """The store's summary for the header."""

    def __init__(self, summary: queries.StoreSummary) -> None:
        self.summary = summary
        super().__init__()


class GroupsLoaded(Message):
    """The city pane's top level: home cities or destinations."""

    def __init__(self, mode: CityMode,
                 rows: list[queries.CityRow] | list[queries.DestinationRow]) -> None:
        self.mode = mode
        self.rows = rows
        super().__init__()


class TripsLoaded(Message):
    """The trips of one home city or destination."""

    def __init__(self, mode: CityMode, key: str, rows: list[queries.TripRow]) -> None:
        self.mode = mode
        self.key = key
        self.rows = rows
        super().__init__()


class InferredLoaded(Message):
    """The destinations that rest on inferred places alone (read after the list is shown)."""

    def __init__(self, keys: frozenset[str]) -> None:
        self.keys = keys
        super().__init__()


class TripLoaded(Message):
    """A whole trip, read (or found in the cache) by a worker."""

    def __init__(self, trip: Trip, reveal: bool = False) -> None:
        self.trip = trip
        self.reveal = reveal
        super().__init__()


class StoreChanged(Message):
    """Another process wrote to the store (its data version moved), or the user asked for a
    refresh (`manual`): what the desk shows is read again."""

    def __init__(self, manual: bool = False) -> None:
        self.manual = manual
        super().__init__()


class TripReloaded(Message):
    """The trip shown, read again from the store after a change (None: it is gone)."""

    def __init__(self, trip_id: str, trip: Trip | None) -> None:
        self.trip_id = trip_id
        self.trip = trip
        super().__init__()


class LoadFailed(Message):
    """A store read failed; `message` is for the user."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__()


class TripChosen(Message):
    """The city pane's cursor is on a trip (`open`: the user pressed Enter on it)."""

    def __init__(self, trip_id: str, open: bool = False) -> None:  # noqa: A002 - as posted
        self.trip_id = trip_id
        self.open = open
        super().__init__()


class ItemChosen(Message):
    """The timeline's cursor is on the trip header, a day or an event.

    `ref` is the option id: "trip", "day:<iso date>" or "event:<event id>".
    """

    def __init__(self, trip_id: str, ref: str, open: bool = False) -> None:  # noqa: A002
        self.trip_id = trip_id
        self.ref = ref
        self.open = open
        super().__init__()
