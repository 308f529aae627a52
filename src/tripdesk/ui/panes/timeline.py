"""The timeline pane: every calendar day of the selected trip, with its events beneath it.

A `RowList` (a line-API list, see rowlist.py) with one option for the trip itself, one per
calendar day (day number, weekday, date, places; "nothing recorded" when the day is empty),
one per event (time when known, kind, title), and last the "whole trip" records that no day
holds (a stop "during the trip" with its events, an undated agreement, a quote given before
the trip). A stop the sources put between two dates, without its day, follows the first of
them, with its events. Inferred values carry the
`*` mark. An event's title wraps beneath itself when the pane is too narrow for it; other
lines are cut with an ellipsis. `f` folds each run of empty days into one row; `n` `p` step
day by day, `}` `{` to the next and previous day with something recorded. Moving posts
`ItemChosen`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content

from ...i18n import N_, translator
from ..messages import ItemChosen
from ..render import (
    DIM,
    INFERRED,
    INFERRED_STYLE,
    date_inferred,
    kind_label,
    lit,
    one_line,
    pad_cells,
    places_label,
    weekday,
    words,
)
from ..rowlist import Row, RowList
from ..waiting import MovesWait
from .base import DeskPane

if TYPE_CHECKING:
    import datetime as dt

    from ...model import Agreement, Day, DisplayLang, Event, Quote, Stop, Trip

KIND_WIDTH = 10
DAY_STYLE = "bold"
CHOOSE_A_TRIP = N_("Choose a trip in the city pane:\n↑↓ move, Enter opens.")
FOLD_AT = 2  # runs of this many empty days or more fold into one row (`f`)


class TimelineList(MovesWait, RowList, moves=("cursor_down", "cursor_up", "first", "last", "page_down",
                                               "page_up", "select", "day")):
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
        Binding("n", "day(1)", "Day", key_display="n p",
                tooltip="Next calendar day (p: the previous one)", id="timeline.next_day"),
        Binding("p", "day(-1)", "Previous day", show=False, tooltip="Previous calendar day",
                id="timeline.previous_day"),
        Binding("right_curly_bracket", "day(1, True)", "Next recorded day", show=False,
                tooltip="Next day with something recorded (skips empty days)",
                id="timeline.next_recorded"),
        Binding("left_curly_bracket", "day(-1, True)", "Previous recorded day", show=False,
                tooltip="Previous day with something recorded", id="timeline.prev_recorded"),
        Binding("f", "fold", "Fold", tooltip="Fold runs of empty days into one row, or unfold",
                id="timeline.fold"),
    ]

    def action_day(self, delta: int, recorded: bool = False) -> None:
        """To the next (`delta` 1) or previous (-1) day, or day with something recorded."""
        pane = self.parent
        target = pane.day_row(self.highlighted, delta, recorded) if isinstance(pane, TimelinePane) else None
        if target is None:
            self.app.bell()
            return
        self.highlighted = target

    def action_last(self) -> None:
        """The last day (the "whole trip" rows after it are one `j` away)."""
        days = [i for i, row in enumerate(self.options) if row.id is not None and row.id.startswith("day:")]
        if days:
            self.highlighted = days[-1]
        else:
            super().action_last()

    def action_fold(self) -> None:
        pane = self.parent
        if isinstance(pane, TimelinePane):
            pane.toggle_fold()

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
    _ = translator(lang)
    span = f" ({trip.span_reported.text})" if trip.span_reported and trip.span_reported.text else ""
    days = _.ngettext("{n} day", "{n} days", trip.day_count).format(n=trip.day_count)
    dates = Content.assemble(
        (start_mark, INFERRED_STYLE), trip.start.isoformat(), " – ", (end_mark, INFERRED_STYLE),
        trip.end.isoformat(), (f" · {days}{span} · {_(trip.status)}", DIM))
    if lang == "both" and trip.title.ko and trip.title.en and trip.title.ko != trip.title.en:
        # Both titles whole, each on its own line(s): the row wraps (`Row.wraps`).
        titles = [lit(one_line(trip.title.ko), "bold $accent"), lit(one_line(trip.title.en), "bold $accent")]
    else:
        titles = [lit(one_line(trip.title.get(lang)), "bold $accent")]
    return Content("\n").join([*titles, dates])


def day_prompt(number: int, date, day: Day | None, lang: DisplayLang,  # noqa: ANN001
               date_mark: bool = False) -> Content:
    """`Day 4 Tue *2024-10-15  Huntsville, AL, US`: the mark is put before the date when the
    date rests on an inferred value (`date_mark`) or the day has other inferred values than
    its places (those have their own mark), where no ellipsis can cut it off."""
    if day is not None and day.inferred.keys() - {"places"}:
        date_mark = True
    _ = translator(lang)
    head = Content.assemble((_("Day {n}").format(n=number) + " ", DAY_STYLE), (f"{weekday(date, lang)} ", DIM),
                            (INFERRED if date_mark else "", INFERRED_STYLE),
                            (date.isoformat(), DAY_STYLE))
    if day is None or not (day.events or day.places or day.notes):
        return Content("\n").join([head, lit("    " + _("nothing recorded"), "dim italic")])
    parts = [head]
    if day.places:
        mark = INFERRED if "places" in day.inferred else ""
        parts.append(Content.assemble("  ", (mark, INFERRED_STYLE), lit(places_label(day.places, lang), "$text-accent")))
    line = Content("").join(parts)
    if not day.events:
        return Content("\n").join([line, lit("    " + _("no events recorded"), "dim italic")])
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
        (kind_label(event.kind, lang, KIND_WIDTH), "$text-secondary"),
        " ",
        lit(one_line(event.title.get(lang))),
    )


# The cells before an event's title (`  14:30 * meeting    `): the title wraps beneath them.
TITLE_HANG = 2 + 5 + 1 + 1 + 1 + KIND_WIDTH + 1


def is_recorded(day: Day | None) -> bool:
    """Whether anything is recorded for a day (events, places or notes)."""
    return day is not None and bool(day.events or day.places or day.notes)


def on_a_day(trip: Trip, item: Agreement | Quote) -> str | None:
    """The timeline row an agreement or quote is under: its event, else the day it is dated
    within the trip; None when no day holds it (it is under "whole trip")."""
    if item.event and trip.event(item.event):
        return f"event:{item.event}"
    if item.date and trip.start <= item.date <= trip.end:
        return f"day:{item.date.isoformat()}"
    return None


def stop_prompt(stop: Stop, lang: DisplayLang) -> Content:
    """`Between 06-04 and 06-05  Oslo, NO` (or `During the trip  Ottawa, ON, CA`) over
    `no day given`."""
    _ = translator(lang)
    if stop.start is not None and stop.end is not None:
        when = (_("On {date}").format(date=f"{stop.start:%m-%d}") if stop.start == stop.end
                else _("Between {start} and {end}").format(start=f"{stop.start:%m-%d}", end=f"{stop.end:%m-%d}"))
    else:
        when = _("During the trip")
    mark = INFERRED if stop.inferred else ""
    head = Content.assemble("  ", (when, DAY_STYLE), "  ", (mark, INFERRED_STYLE),
                            lit(places_label(stop.places, lang), "$text-accent"))
    return Content("\n").join([head, lit("    " + _("no day given"), "dim italic")])


def stop_rows(trip: Trip, stop: Stop, lang: DisplayLang) -> list[Row]:
    """A stop without a day and its events."""
    number = trip.stops.index(stop)
    return [Row(stop_prompt(stop, lang), id=f"stop:{number}"),
            *(Row(event_prompt(event, lang), id=f"event:{event.id}", hang=TITLE_HANG) for event in stop.events)]


def whole_trip_rows(trip: Trip, lang: DisplayLang) -> list[Row]:
    """A heading and a row for each stop "during the trip" (with its events), agreement and
    quote no day holds (none: no rows)."""
    stops = [s for s in trip.stops if s.start is None]
    agreements = [a for a in trip.agreements if on_a_day(trip, a) is None]
    quotes = [q for q in trip.quotes if on_a_day(trip, q) is None]
    if not agreements and not quotes and not stops:
        return []
    _ = translator(lang)
    rows = [Row(lit(_("Whole trip (no day)"), "bold"), disabled=True)]
    for stop in stops:
        rows += stop_rows(trip, stop, lang)
    for agreement in agreements:
        rows.append(Row(_record_prompt(_("agreement"), agreement.date, one_line(agreement.title.get(lang))),
                        id=f"agreement:{agreement.id}", hang=TITLE_HANG))
    for quote in quotes:
        name = trip.speaker_name(quote, lang)
        words = quote.translation if lang == "en" and quote.translation else quote.original
        # One line, cut: the words are the detail's to show whole.
        rows.append(Row(_record_prompt(_("quote"), quote.date, f"{name}: “{one_line(words.text)}”"),
                        id=f"quote:{quote.id}"))
    return rows


def _record_prompt(kind: str, date: dt.date | None, text: str) -> Content:
    """An undated record's line, aligned with the events': its date (MM-DD) where an event
    has its time."""
    when = date.strftime("%m-%d") if date else "--:--"
    return Content.assemble("  ", (when, "" if date else DIM), "   ",
                            (pad_cells(kind, KIND_WIDTH), "$text-secondary"), " ", lit(text))


def fold_prompt(trip: Trip, first: tuple[int, dt.date], last: tuple[int, dt.date],
                lang: DisplayLang) -> Content:
    """`Days 5-7 Thu 2017-02-16 – Sat 2017-02-18` over `nothing recorded (3 days)` (each date
    marked as `day_prompt` marks it)."""
    count = last[0] - first[0] + 1

    def mark(date: dt.date) -> str:
        return INFERRED if date_inferred(trip, date, None) else ""

    _ = translator(lang)
    head = Content.assemble((_("Days {first}-{last}").format(first=first[0], last=last[0]) + " ", DAY_STYLE),
                            (f"{weekday(first[1], lang)} ", DIM), (mark(first[1]), INFERRED_STYLE),
                            (first[1].isoformat(), DAY_STYLE), " – ", (f"{weekday(last[1], lang)} ", DIM),
                            (mark(last[1]), INFERRED_STYLE), (last[1].isoformat(), DAY_STYLE))
    return Content("\n").join([head, lit("    " + _.ngettext("nothing recorded ({n} day)", "nothing recorded ({n} days)",
                                                    count).format(n=count), "dim italic")])


def build_options(trip: Trip, lang: DisplayLang, fold: bool = False,
                  memo: dict[str, Row] | None = None) -> list[Row]:
    """The rows of a trip; with `fold`, each run of FOLD_AT empty days or more is one row
    (its id the first day's).

    `memo`: rows built before for this trip in this language, by id (a fold's by
    `fold:<first>:<last>`), taken as they are (with their lines wrapped) and added to:
    `f` then builds only the rows that fold or unfold."""
    def kept(key: str, make: Callable[[], Row]) -> Row:
        if memo is None:
            return make()
        row = memo.get(key)
        if row is None:
            row = memo[key] = make()
        return row

    options = [kept("trip", lambda: Row(trip_prompt(trip, lang), id="trip", hang=2 if lang == "both" else 0,
                                        wraps=lang == "both"))]
    calendar = trip.calendar()

    def starting(first: dt.date, last: dt.date) -> list[Row]:
        """The rows of the stops without a day whose span starts on these days."""
        return [row for stop in trip.stops if stop.start is not None and first <= stop.start <= last
                for row in stop_rows(trip, stop, lang)]

    i = 0
    while i < len(calendar):
        number, date, day = calendar[i]
        run = i
        while fold and run < len(calendar) and not is_recorded(calendar[run][2]):
            run += 1
        if run - i >= FOLD_AT:
            first, last = calendar[i][:2], calendar[run - 1][:2]
            options.append(kept(f"fold:{first[1].isoformat()}:{last[1].isoformat()}",
                                lambda: Row(fold_prompt(trip, first, last, lang), id=f"day:{date.isoformat()}")))
            options += starting(calendar[i][1], calendar[run - 1][1])
            i = run
            continue
        options.append(kept(f"day:{date.isoformat()}", lambda: Row(
            day_prompt(number, date, day, lang, date_inferred(trip, date, day)),
            hang=4 if lang == "both" else 0, wraps=lang == "both", id=f"day:{date.isoformat()}")))
        if day is not None:
            for event in day.events:
                options.append(kept(f"event:{event.id}", lambda: Row(event_prompt(event, lang), id=f"event:{event.id}",
                                                                     hang=TITLE_HANG)))
        options += starting(date, date)
        i += 1
    # After the days (a scan down the days starts at Day 1), and `G` goes to the last day.
    return options + whole_trip_rows(trip, lang)


def resolve_ref(trip: Trip, what: str, ident: str) -> str:
    """The timeline option a search hit leads to: the trip, a day or an event."""
    if what == "event" and trip.event(ident):
        return f"event:{ident}"
    if what == "day" and any(d.isoformat() == ident for _, d, _ in trip.calendar()):
        return f"day:{ident}"
    if what == "stop" and ident.isdigit() and int(ident) < len(trip.stops):
        return f"stop:{ident}"
    if what in ("agreement", "quote"):  # its event, else the day it is dated, else its own row
        items = trip.agreements if what == "agreement" else trip.quotes
        item = next((x for x in items if x.id == ident), None)
        if item is not None:
            return on_a_day(trip, item) or f"{what}:{ident}"
    if what in ("organisation", "person"):
        for _, event in trip.all_events():
            if ident in (event.organisations if what == "organisation" else event.people):
                return f"event:{event.id}"
    return "trip"


class TimelinePane(DeskPane):
    """The selected trip, day by day."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.trip: Trip | None = None
        self._lang: DisplayLang | None = None
        self.folded = False  # runs of empty days shown as one row (`f`), for every trip
        # The rows built for the trip shown, in its language, folded or not (`build_options`)
        self._memo: dict[str, Row] = {}
        self._memo_for: tuple[Trip, DisplayLang] | None = None
        # the note shown in place of a trip: its catalog message and fields (`show_message`)
        self._message: tuple[str, dict[str, object]] | None = (CHOOSE_A_TRIP, {})

    def compose(self) -> ComposeResult:
        timeline = TimelineList(Row(lit(words(self)(CHOOSE_A_TRIP), "dim italic"), disabled=True), id="timeline-list")
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

    def show_message(self, text: str = CHOOSE_A_TRIP, **fields: object) -> None:
        """No trip: show a note instead (e.g. how to import trips into an empty store).

        `text` is a catalog message (its `fields` filled in after it is translated): it is
        said again in the app's language when that changes (`relabel`)."""
        self._message = (text, fields)
        self.trip, self._lang = None, None
        self.list.set_options([Row(lit(words(self)(text).format(**fields), "italic"), disabled=True)])

    def showing_message(self, text: str) -> bool:
        """Whether the pane shows the catalog message `text` (and no trip)."""
        return self.trip is None and self._message is not None and self._message[0] == text

    def show_again(self, trip: Trip, lang: DisplayLang) -> None:
        """Show a trip read again (the store changed), the cursor on the row it was on (on the
        trip when that row is gone)."""
        ref = self.ref if self.trip is not None and self.trip.id == trip.id else None
        self._lang = None
        self.show_trip(trip, lang, ref or "trip")

    def on_mount(self) -> None:
        self.retitle()

    def retitle(self) -> None:
        """The pane's title and subtitle in the app's language."""
        self.border_title = words(self)("Timeline")
        self.border_subtitle = self._subtitle()

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
        if self._memo_for is None or self._memo_for[0] is not trip or self._memo_for[1] != lang:
            self._memo, self._memo_for = {}, (trip, lang)
        if rows is not None and not self.folded:  # prepared rows are the unfolded ones (no fold)
            for row in rows:
                if row.id is not None:
                    self._memo.setdefault(row.id, row)
        else:
            rows = build_options(trip, lang, self.folded, self._memo)
        self.list.set_options(rows)
        self.select(ref)

    def toggle_fold(self) -> None:
        """Fold runs of empty days into one row, or show every day again, keeping the cursor
        on its day (a folded day: on the row that holds it)."""
        self.folded = not self.folded
        self.border_subtitle = self._subtitle()
        if self.trip is None or self._lang is None:
            return
        ref = self.ref or "trip"
        trip, lang, self._lang = self.trip, self._lang, None
        self.show_trip(trip, lang, ref)

    def _subtitle(self) -> str:
        _ = words(self)
        if self.folded:
            return f"{INFERRED} " + _("inferred · empty days folded (f)")
        return f"{INFERRED} " + _("inferred")

    def day_row(self, index: int | None, delta: int, recorded: bool = False) -> int | None:
        """The row of the next (`delta` 1) or previous (-1) day from row `index`, or of the
        next or previous day with something recorded; None when there is none. From an event,
        the previous day is the one before the event's own day."""
        if self.trip is None or index is None:
            return None
        days = {day.date.isoformat(): day for day in self.trip.days}
        options = self.list.options
        rows = [i for i, row in enumerate(options) if row.id is not None and row.id.startswith("day:")
                and (not recorded or is_recorded(days.get(row.id[4:])))]
        if delta > 0:
            return next((i for i in rows if i > index), None)
        own = max((i for i, row in enumerate(options[:index + 1])
                   if row.id is not None and row.id.startswith("day:")), default=-1)
        return max((i for i in rows if i < own), default=None) if own >= 0 else None

    def relabel(self, lang: DisplayLang) -> None:
        """Draw the trip again in another language, keeping the cursor where it is."""
        self.retitle()
        if self.trip is None:
            if self._message is not None:  # the note shown, in the new language
                self.show_message(self._message[0], **self._message[1])
            return
        ref = self.ref or "trip"
        self._lang = None
        self.show_trip(self.trip, lang, ref)

    def select(self, ref: str) -> None:
        options = self.list
        try:
            index = options.get_option_index(ref)
        except KeyError:  # a folded day: the row that holds it; not in this trip: the trip
            index = self._folded_into(ref)
        options.highlighted = index
        options.scroll_to_highlight()

    def _folded_into(self, ref: str) -> int:
        """The row of the fold that holds day `ref` ("day:<date>"), else 0 (the trip)."""
        trip = self.trip
        if not (self.folded and trip is not None and ref.startswith("day:")
                and trip.start.isoformat() <= ref[4:] <= trip.end.isoformat()):
            return 0
        held = [i for i, row in enumerate(self.list.options)
                if row.id is not None and row.id.startswith("day:") and row.id <= ref]
        return held[-1] if held else 0

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
