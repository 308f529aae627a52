"""The timeline pane: every calendar day of the selected trip, with its events beneath it.

A `RowList` (a line-API list, see rowlist.py) with one option for the trip itself, one per calendar
day (day number, weekday, date, places; "nothing recorded" when the day is empty) and one
per event (time when known, kind, title). Inferred values carry the `*` mark. Lines never
wrap: they are cut with an ellipsis. Moving posts `ItemChosen`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content

from .messages import ItemChosen
from .pane import DeskPane
from .rowlist import Row, RowList
from .waiting import MovesWait
from .render import (DIM, INFERRED, INFERRED_STYLE, counted, date_inferred, lit, one_line,
                     places_label, weekday)

if TYPE_CHECKING:
    from ..model import Day, DisplayLang, Event, Trip

KIND_WIDTH = 10
DAY_STYLE = "bold"


class TimelineList(MovesWait, RowList, moves=("cursor_down", "cursor_up", "first", "last", "page_down",
                                               "page_up", "select")):
    """The days and events of one trip.

    Its moves wait (waiting.py) while a trip opened from the city list is read, so that keys
    typed right after Enter move through that trip, not the one shown before it."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="timeline.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="timeline.up"),
        Binding("g,home", "first", "First", show=False, tooltip="The trip itself (first line)",
                id="timeline.first"),
        Binding("G,end", "last", "Last", show=False, tooltip="The last day", id="timeline.last"),
        Binding("enter", "select", "Details", tooltip="Open the detail of this day or event",
                id="timeline.open"),
    ]

    highlight_moved: Callable[[Row], None] | None = None  # set by TimelinePane

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        super().watch_highlighted(old, new)
        # Told at once (not by a message, as `Highlighted` is), so that the detail can change
        # in the same frame as the highlight.
        if new is not None and old != new and self.highlight_moved is not None:
            row = self.get_option_at_index(new)
            if not row.disabled:
                self.highlight_moved(row)


def trip_prompt(trip: Trip, lang: DisplayLang) -> Content:
    """The first option: the trip's title and dates (inferred ends marked)."""
    start_mark = INFERRED if "start" in trip.inferred else ""
    end_mark = INFERRED if "end" in trip.inferred else ""
    span = f" ({trip.span_reported.text})" if trip.span_reported and trip.span_reported.text else ""
    dates = Content.assemble(
        (start_mark, INFERRED_STYLE), trip.start.isoformat(), " – ", (end_mark, INFERRED_STYLE),
        trip.end.isoformat(), (f" · {counted(trip.day_count, 'day')}{span} · {trip.status}", DIM))
    return Content("\n").join([lit(one_line(trip.title.get(lang)), "bold $accent"), dates])


def day_prompt(number: int, date, day: Day | None, lang: DisplayLang,  # noqa: ANN001
               date_mark: bool = False) -> Content:
    """`Day 4 Tue *2024-10-15  Huntsville, AL, US`: the mark is put before the date when the
    date rests on an inferred value (`date_mark`) or the day has other inferred values than
    its places (those have their own mark), where no ellipsis can cut it off."""
    if day is not None and day.inferred.keys() - {"places"}:
        date_mark = True
    head = Content.assemble((f"Day {number} ", DAY_STYLE), (f"{weekday(date, lang)} ", DIM),
                            (INFERRED if date_mark else "", INFERRED_STYLE),
                            (date.isoformat(), DAY_STYLE))
    if day is None or not (day.events or day.places or day.notes):
        return Content("\n").join([head, lit("    nothing recorded", "dim italic")])
    parts = [head]
    if day.places:
        mark = INFERRED if "places" in day.inferred else ""
        parts.append(Content.assemble("  ", (mark, INFERRED_STYLE), lit(places_label(day.places, lang), "$text-accent")))
    line = Content("").join(parts)
    if not day.events:
        return Content("\n").join([line, lit("    no events recorded", "dim italic")])
    return line


def event_prompt(event: Event, lang: DisplayLang) -> Content:
    time_mark = "time" in event.inferred
    any_mark = bool(event.inferred)
    time = event.time or "--:--"
    return Content.assemble(
        "  ",
        (time, (INFERRED_STYLE if time_mark else "") if event.time else DIM),
        " ",
        (INFERRED if any_mark else " ", INFERRED_STYLE),
        " ",
        (event.kind.ljust(KIND_WIDTH), "$text-secondary"),
        " ",
        lit(one_line(event.title.get(lang))),
    )


def build_options(trip: Trip, lang: DisplayLang) -> list[Row]:
    options = [Row(trip_prompt(trip, lang), id="trip")]
    for number, date, day in trip.calendar():
        options.append(Row(day_prompt(number, date, day, lang, date_inferred(trip, date, day)),
                           id=f"day:{date.isoformat()}"))
        if day is not None:
            for event in day.events:
                options.append(Row(event_prompt(event, lang), id=f"event:{event.id}"))
    return options


def resolve_ref(trip: Trip, what: str, ident: str) -> str:
    """The timeline option a search hit leads to: the trip, a day or an event."""
    if what == "event" and trip.event(ident):
        return f"event:{ident}"
    if what == "day" and any(d.isoformat() == ident for _, d, _ in trip.calendar()):
        return f"day:{ident}"
    if what in ("agreement", "quote"):  # the event it belongs to, else the day it is dated
        items = trip.agreements if what == "agreement" else trip.quotes
        item = next((x for x in items if x.id == ident), None)
        if item is not None:
            if item.event and trip.event(item.event):
                return f"event:{item.event}"
            if item.date and trip.start <= item.date <= trip.end:
                return f"day:{item.date.isoformat()}"
    if what in ("organisation", "person"):
        for _, event in trip.events():
            if ident in (event.organisations if what == "organisation" else event.people):
                return f"event:{event.id}"
    return "trip"


class TimelinePane(DeskPane):
    """The selected trip, day by day."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.trip: Trip | None = None
        self._lang: DisplayLang | None = None

    def compose(self) -> ComposeResult:
        timeline = TimelineList(Row(lit("Choose a trip in the city pane:\n↑↓ move, Enter opens.",
                                        "dim italic"), disabled=True), id="timeline-list")
        timeline.highlight_moved = self._highlight_moved
        yield timeline

    def _highlight_moved(self, row: Row) -> None:
        """The highlight is on another row: let the screen show its detail now.

        `ItemChosen` still follows (from `RowList.Highlighted`) and finds it shown.
        """
        if self.trip is None or row.id is None or not self.is_mounted:
            return
        show_now = getattr(self.screen, "show_item_now", None)
        if show_now is not None:
            show_now(self.trip.id, row.id)

    def show_message(self, text: str) -> None:
        """No trip: show a note instead (e.g. how to import trips into an empty store)."""
        self.trip, self._lang = None, None
        self.list.set_options([Row(lit(text, "italic"), disabled=True)])

    def on_mount(self) -> None:
        self.border_title = "Timeline"
        self.border_subtitle = f"{INFERRED} inferred"

    @property
    def list(self) -> TimelineList:
        return self.query_one(TimelineList)

    @property
    def ref(self) -> str | None:
        """The highlighted option's id ("trip", "day:<date>", "event:<id>")."""
        option = self.list.highlighted_option
        return option.id if option is not None else None

    def show_trip(self, trip: Trip, lang: DisplayLang, ref: str = "trip",
                  rows: list[Row] | None = None) -> None:
        """Show a trip and put the cursor on `ref` (the same trip keeps its place).

        `rows`: the trip's rows already built (`prepared.prepare`), else they are built here.
        """
        if self.trip is not None and self.trip.id == trip.id and self._lang == lang:
            self.select(ref)
            return
        self.trip, self._lang = trip, lang
        options = self.list
        options.set_options(rows if rows is not None else build_options(trip, lang))
        self.select(ref)

    def relabel(self, lang: DisplayLang) -> None:
        """Draw the trip again in another language, keeping the cursor where it is."""
        if self.trip is None:
            return
        ref = self.ref or "trip"
        self._lang = None
        self.show_trip(self.trip, lang, ref)

    def select(self, ref: str) -> None:
        options = self.list
        try:
            index = options.get_option_index(ref)
        except KeyError:  # not in this trip: the trip itself
            index = 0
        options.highlighted = index
        options.scroll_to_highlight()

    @on(RowList.Highlighted)
    def _highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        if self.trip is None or event.option is not self.list.highlighted_option:
            return
        if event.option.id:
            self.post_message(ItemChosen(self.trip.id, event.option.id))

    @on(RowList.Selected)
    def _selected(self, event: RowList.Selected) -> None:
        event.stop()
        if self.trip is None or event.option.id is None:
            return
        self.post_message(ItemChosen(self.trip.id, event.option.id, open=True))
