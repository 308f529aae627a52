"""The messages the desk's widgets and workers send each other.

Workers read the store in threads and post one of the `...Loaded` messages back; the panes
post `TripChosen` / `ItemChosen` when the user moves, and the main screen routes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.message import Message

from .. import queries
from ..model import Trip

CityMode = Literal["home", "dest"]


@dataclass
class SummaryLoaded(Message):
    """The store's summary for the header."""

    summary: queries.StoreSummary


@dataclass
class GroupsLoaded(Message):
    """The city pane's top level: home cities or destinations."""

    mode: CityMode
    rows: list[queries.CityRow] | list[queries.DestinationRow]


@dataclass
class TripsLoaded(Message):
    """The trips of one home city or destination."""

    mode: CityMode
    key: str
    rows: list[queries.TripRow]


@dataclass
class TripLoaded(Message):
    """A whole trip, read (or found in the cache) by a worker."""

    trip: Trip
    reveal: bool = False


@dataclass
class LoadFailed(Message):
    """A store read failed; `message` is for the user."""

    message: str


@dataclass
class TripChosen(Message):
    """The city pane's cursor is on a trip (`open`: the user pressed Enter on it)."""

    trip_id: str
    open: bool = False


@dataclass
class ItemChosen(Message):
    """The timeline's cursor is on the trip header, a day or an event.

    `ref` is the option id: "trip", "day:<iso date>" or "event:<event id>".
    """

    trip_id: str
    ref: str
    open: bool = False
