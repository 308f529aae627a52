"""`w`: the overview, every trip at a glance.

- The time axis (`TimeAxis`): one row per home city, each trip a bar over its days, from
  years down to days as you zoom (`+` `-`); ← → go from trip to trip, ↑ ↓ from city to city,
  Enter opens the trip under the cursor.
- The map (`PlaceMap`): the destinations drawn from their coordinates (GeoNames, through
  `gazetteer`) on the US, or the world when a trip went beyond it; the gazetteer's other
  cities are the faint background. ← → go from place to place, Enter lists the trips that
  went there (`PlaceTripsScreen`).
- The rankings: destinations (cities, states, countries) by trips, agreements by kind and by
  status (what `tripdesk stats` prints).

Everything is read in one worker when the screen opens (the gazetteer, ~0.5 s the first time,
is imported there, never at launch); the screen's first frame says so meanwhile. Each widget
draws only its visible lines (the line API).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import math
import threading
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.cache import LRUCache
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from ...i18n import N_, translator
from ...store import queries
from ..collector import CollectionHold
from ..data import freeze_loaded
from ..footer import KeyFooter
from ..keys import COPY_KEYS, LANGUAGE_KEY
from ..render import DIM, HEADING, fit_str, lit, words
from ..workers import let_go_of_worker
from ..tableview import Column, TableRow
from . import ahead
from .table import FIRST_ROWS_WAIT, TableScreen, stop_watching

if TYPE_CHECKING:
    from ...gazetteer import Located
    from ...model import DisplayLang
    from ...text import Text

# Days a cell of the time axis spans, from the finest zoom to the widest.
ZOOMS = (1, 2, 4, 7, 14, 30, 61, 122, 183, 365, 730)
LABEL_WIDTH = 10  # the home city's name before its row
BAR = "█"

# The continental US (Alaska and Hawaii would put it in a corner), else the inhabited world.
US_BOUNDS = (-125.0, -66.5, 24.0, 49.5)  # west, east, south, north
WORLD_BOUNDS = (-170.0, 180.0, -56.0, 72.0)
WORLD_LAND_POPULATION = 100_000


class Raster(NamedTuple):
    """The map at one size: how many of the gazetteer's cities fall in each cell (by line, then
    column), the first place (its index) in each cell that has one, and each place's cell."""

    land: list[list[int]]
    marks: dict[tuple[int, int], int]
    cells: list[tuple[int, int]]


class OverviewData(NamedTuple):
    """What the overview shows, read in one worker."""

    trips: list[queries.TripRow]
    cities: list[queries.CityRow]
    destinations: list[queries.DestinationRow]
    rankings: queries.Rankings
    located: list[Located]
    missing: list[str]  # destination keys the gazetteer does not have
    background: list[tuple[float, float]]  # (lon, lat) of the gazetteer's cities in bounds
    bounds: tuple[float, float, float, float]
    region: str  # "US" | "world"
    axes: dict[str, "AxisState"]  # the time axis's rows in each language made so far
    drawn: "Drawn"  # what the screen drew of it, kept for the next open (see `Drawn`)


class Drawn:
    """What the overview drew of one reading (an `OverviewData`), kept with it so that a reopen
    paints from memory: the map's raster and its lines, the places in their order and the
    rankings' text. It goes with the reading: a store changed is read into a new
    `OverviewData`, whose `Drawn` starts empty, so nothing drawn of older data can be shown.
    Every key holds all a drawing depends on (the size, the styles, the cursor's cell)."""

    def __init__(self) -> None:
        self.lines: LRUCache[tuple[Any, ...], Strip] = LRUCache(512)  # the map's lines
        self.rasters: dict[tuple[int, int], "Raster"] = {}  # by (width, height)
        self.places: list[tuple[Located, queries.DestinationRow]] | None = None  # west to east
        self.rankings: dict[str, Content] = {}  # by language


def read_store(store: Any) -> tuple[list[queries.TripRow], list[queries.CityRow],
                                    list[queries.DestinationRow], queries.Rankings]:
    """What the overview reads of the store (a worker thread; `store` is an open Store)."""
    destinations = queries.destinations(store)
    return (queries.all_trips(store), queries.home_cities(store), destinations,
            queries.rankings(store, destinations))


def read_overview(data: Any, ranked: "Callable[[queries.Rankings], object] | None" = None) -> OverviewData:
    """Every read of the overview (a worker thread; `data` is the desk's `DeskData`). The
    gazetteer is read after the store, without holding it: the other readers of the store
    (the desk's poll for another process's import) do not wait for it; `ranked` is given the
    rankings meanwhile (the gazetteer takes a second or more to load)."""
    from ... import gazetteer

    trips, cities, destinations, rankings = data.read(read_store)
    if ranked is not None:
        ranked(rankings)
    located, missing = gazetteer.locate_all(
        (d.key, d.city.en or d.city.get("en"), d.state, d.country) for d in destinations)
    us = all(d.country == "US" for d in destinations) and all(_inside(p.longitude, p.latitude, US_BOUNDS)
                                                              for p in located)
    bounds = US_BOUNDS if us else WORLD_BOUNDS
    # The land: every US city of the gazetteer on the map of the US; on the world's, those of
    # WORLD_LAND_POPULATION or more (the 34,000 cities would cost a frame to place).
    background = [(c.longitude, c.latitude) for c in gazetteer.cities()
                  if (c.country == "US" if us else c.population >= WORLD_LAND_POPULATION)
                  and _inside(c.longitude, c.latitude, bounds)]
    return OverviewData(trips, cities, destinations, rankings, located, missing, background, bounds,
                        "US" if us else "world", {}, Drawn())


def first_axis(data: Any, lang: DisplayLang) -> AxisState:
    """The time axis from the trips' dates alone, what the overview's first frame shows (a
    worker thread; `data` is the desk's `DeskData`): a few hundredths of a second on 10,000
    trips, where `read_overview` takes seconds."""
    spans, cities = data.read(lambda store: (queries.trip_spans(store), queries.home_cities(store)))
    return axis_state(spans, lang, {c.id: c.name for c in cities})


def _inside(lon: float, lat: float, bounds: tuple[float, float, float, float]) -> bool:
    west, east, south, north = bounds
    return west <= lon <= east and south <= lat <= north


# -- the time axis ---------------------------------------------------------------------------------


def axis_state(trips: "list[queries.TripRow] | list[queries.TripSpan]", lang: DisplayLang,
               cities: dict[str, Text] | None = None) -> "AxisState":
    """The rows of the time axis: one per home city (by name), its trips by start. Trips
    read as spans (`queries.trip_spans`, the axis's first frame) take their cities' names
    from `cities`."""
    trips = sorted(trips, key=lambda t: (t.start, t.id))
    rows: dict[str, tuple[str, str, list[int]]] = {}
    for index, trip in enumerate(trips):
        row = rows.get(trip.home_city_id)
        if row is None:
            name = (cities[trip.home_city_id] if cities is not None else trip.home_city).get(lang)  # type: ignore[union-attr]
            row = rows[trip.home_city_id] = (trip.home_city_id, name, [])
        row[2].append(index)
    ordered = sorted(rows.values(), key=lambda r: (r[1].casefold(), r[0]))
    row_of = [0] * len(trips)
    for number, (_id, _name, indices) in enumerate(ordered):
        for index in indices:
            row_of[index] = number
    return AxisState(ordered, trips, row_of, spans=cities is not None)


@dataclass
class AxisState:
    rows: list[tuple[str, str, list[int]]] = field(default_factory=list)  # (city id, name, trip indices)
    # every trip, by start: TripRows, or at first TripSpans (their dates alone)
    trips: list[Any] = field(default_factory=list)
    row_of: list[int] = field(default_factory=list)  # trip index -> its row
    spans: bool = False  # the trips are TripSpans: the titles are still being read
    # The lines drawn of these rows, kept with them for the next frame and the next open (a
    # state is never changed once made: other trips or names make a new one). Keyed by all
    # a line depends on besides the rows (`TimeAxis._line_key`).
    lines: LRUCache[tuple[Any, ...], Strip] = field(default_factory=lambda: LRUCache(1024), repr=False,
                                                      compare=False)
    _span: tuple[dt.date, dt.date] | None = field(default=None, repr=False, compare=False)

    def span(self) -> tuple[dt.date, dt.date]:
        """The first day of the first trip and the last of the last (there is one at least)."""
        if self._span is None:
            self._span = (min(t.start for t in self.trips), max(t.end for t in self.trips))
        return self._span


class TimeAxis(ScrollView, can_focus=True, inherit_bindings=False):
    """One row per home city, each trip a bar; the cursor is a trip."""

    COMPONENT_CLASSES = {"timeaxis--bar", "timeaxis--cursor", "timeaxis--label", "timeaxis--axis"}

    BINDINGS = [
        Binding("right,l", "step(1)", "Next trip", show=False, id="overview.next_trip"),
        Binding("left,h", "step(-1)", "Prev trip", show=False, id="overview.previous_trip"),
        Binding("down,j", "row(1)", "Next city", show=False, id="overview.next_city"),
        Binding("up,k", "row(-1)", "Prev city", show=False, id="overview.previous_city"),
        Binding("plus,equals_sign", "zoom(-1)", "Zoom in", key_display="+ -",
                tooltip="Zoom in (-: out), from years to days", id="overview.zoom_in"),
        Binding("minus", "zoom(1)", "Zoom out", show=False, id="overview.zoom_out"),
        Binding("enter", "open", "Open trip", tooltip="Open the trip under the cursor", id="overview.open_trip"),
    ]

    cursor: reactive[int] = reactive(0, repaint=False, init=False)

    @dataclass
    class Chosen(Message):
        trip: queries.TripRow

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = AxisState()
        self.start = dt.date(2000, 1, 1)  # the first day shown
        self.zoom = len(ZOOMS) - 1
        self._fitted = False  # whether `fit` ran at the widget's width
        self.lang: DisplayLang = "en"

    @property
    def days_per_cell(self) -> int:
        return ZOOMS[self.zoom]

    @property
    def canvas_width(self) -> int:
        return max(self.scrollable_content_region.width - LABEL_WIDTH - 1, 1)

    def set_state(self, state: AxisState, lang: DisplayLang) -> None:
        self.lang = lang
        self.state = state
        self.fit()
        self.virtual_size = Size(self.scrollable_content_region.width, len(state.rows) + 1)
        self.set_reactive(TimeAxis.cursor, 0)
        self.refresh()

    def relabel(self, state: AxisState, lang: DisplayLang) -> None:
        """The same trips with their rows named in another language: the zoom, the scroll and
        the trip under the cursor stay (the trips are in the same order in every language)."""
        self.lang = lang
        self.state = state
        self.refresh()

    def fit(self) -> None:
        """The widest zoom that shows every trip, or the widest there is."""
        if not self.state.trips:
            return
        first, last = self.state.span()
        span = (last - first).days + 1
        width = self.canvas_width
        self._fitted = self.scrollable_content_region.width > 0  # else again once laid out
        self.zoom = next((i for i, days in enumerate(ZOOMS) if span / days <= width), len(ZOOMS) - 1)
        self.start = first - dt.timedelta(days=self.days_per_cell)

    def on_resize(self) -> None:
        if self.state.trips:
            if not self._fitted:
                zoom = self.zoom
                self.fit()
                if self.zoom != zoom:  # the status line says the scale: the one drawn now
                    self.post_message(self.Moved())
            self._keep_cursor_in_view()
        self.refresh()

    # -- drawing --------------------------------------------------------------------------

    def _cols(self, trip: queries.TripRow) -> tuple[int, int]:
        days = self.days_per_cell
        return ((trip.start - self.start).days // days, (trip.end - self.start).days // days)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.visual_style.rich_style
        state = self.state
        row_number = self.scroll_offset.y + y
        if row_number > len(state.rows):
            return Strip.blank(width, base)
        styles = (base, self.get_component_rich_style("timeaxis--bar"),
                  self.get_component_rich_style("timeaxis--cursor"),
                  self.get_component_rich_style("timeaxis--label"), self.get_component_rich_style("timeaxis--axis"))
        if row_number == len(state.rows):
            key: tuple[Any, ...] = (-1, -1, self.start, self.days_per_cell, width, styles)
        else:
            # The cursor matters to its own row alone: the other rows' lines stay valid as it moves.
            cursor = self.cursor if 0 <= self.cursor < len(state.row_of) and state.row_of[self.cursor] == row_number else -1
            key = (row_number, cursor, self.start, self.days_per_cell, width, styles)
        strip = state.lines.get(key)
        if strip is None:
            strip = self._axis_line(width) if row_number == len(state.rows) else self._row_line(row_number, width)
            state.lines[key] = strip
        return strip

    def _row_line(self, row_number: int, width: int) -> Strip:
        """A home city's row: its name, then its trips' bars, the cursor's in its own style."""
        base = self.visual_style.rich_style
        state = self.state
        _city_id, name, indices = state.rows[row_number]
        canvas = self.canvas_width
        cells = [" "] * canvas
        marks = [0] * canvas  # 0 nothing, 1 bar, 2 the cursor's bar
        for index in indices:
            first, last = self._cols(state.trips[index])
            if last < 0 or first >= canvas:
                continue
            for col in range(max(first, 0), min(last, canvas - 1) + 1):
                cells[col] = BAR
                marks[col] = max(marks[col], 2 if index == self.cursor else 1)
        label = fit_str(name, LABEL_WIDTH)
        segments = [Segment(label + " " * (LABEL_WIDTH - cell_len(label) + 1),
                            self.get_component_rich_style("timeaxis--label"))]
        styles = {0: base, 1: self.get_component_rich_style("timeaxis--bar"),
                  2: self.get_component_rich_style("timeaxis--cursor")}
        run_start = 0
        for col in range(1, canvas + 1):
            if col == canvas or marks[col] != marks[run_start]:
                segments.append(Segment("".join(cells[run_start:col]), styles[marks[run_start]]))
                run_start = col
        return Strip(segments).extend_cell_length(width, base)

    def _axis_line(self, width: int) -> Strip:
        """Ticks at the start of each year (months, weeks or days when zoomed in)."""
        days = self.days_per_cell
        canvas = self.canvas_width
        line = [" "] * canvas
        step = "year" if days >= 30 else "month" if days >= 2 else "day"
        col = 0
        while col < canvas:
            date = self.start + dt.timedelta(days=col * days)
            label = None
            if step == "year" and (col == 0 or (date - dt.timedelta(days=days)).year != date.year):
                label = f"{date.year}"
            elif step == "month" and (col == 0 or (date - dt.timedelta(days=days)).month != date.month):
                label = f"{date:%Y-%m}" if date.month == 1 or col == 0 else f"{date:%m}"
            elif step == "day" and (date.day == 1 or date.weekday() == 0 or col == 0):
                label = f"{date:%m-%d}"
            if label and col + len(label) < canvas:
                line[col] = "╵"
                for i, char in enumerate(label):
                    line[col + 1 + i] = char
                col += len(label) + 2
                continue
            col += 1
        style = self.get_component_rich_style("timeaxis--axis")
        return Strip([Segment(" " * (LABEL_WIDTH + 1), style), Segment("".join(line), style)]).extend_cell_length(
            width, self.visual_style.rich_style)

    # -- the cursor -----------------------------------------------------------------------

    @property
    def current(self) -> queries.TripRow | None:
        trips = self.state.trips
        return trips[self.cursor] if 0 <= self.cursor < len(trips) else None

    def watch_cursor(self, old: int, new: int) -> None:
        start, scroll_y = self.start, self.scroll_offset.y
        self._keep_cursor_in_view()
        row_of = self.state.row_of
        if self.start == start and self.scroll_offset.y == scroll_y and 0 <= old < len(row_of):
            # Only the rows of the trip left and of the trip reached are drawn again.
            for row in {row_of[old], row_of[new]}:
                self.refresh_lines(row)
        else:
            self.refresh()
        self.post_message(self.Moved())

    class Moved(Message):
        """The cursor moved (the screen says which trip it is on)."""

    def _keep_cursor_in_view(self) -> None:
        trip = self.current
        if trip is None:
            return
        first, last = self._cols(trip)
        canvas = self.canvas_width
        if first < 0 or last >= canvas:
            middle = trip.start + (trip.end - trip.start) / 2
            self.start = middle - dt.timedelta(days=self.days_per_cell * (canvas // 2))
        row = self.state.row_of[self.cursor]
        self.scroll_to_region(Region(0, row, 1, 1), animate=False, immediate=True)

    def action_step(self, delta: int) -> None:
        """The next trip in time of the same home city (its row); across rows at either end."""
        state = self.state
        if not state.trips:
            return
        row = state.rows[state.row_of[self.cursor]][2]
        position = row.index(self.cursor) + delta
        if 0 <= position < len(row):
            self.cursor = row[position]

    def action_row(self, delta: int) -> None:
        """The trip of the next home city nearest in time to the one under the cursor."""
        state = self.state
        if not state.trips:
            return
        number = state.row_of[self.cursor] + delta
        if not 0 <= number < len(state.rows):
            return
        when = state.trips[self.cursor].start
        indices = state.rows[number][2]
        self.cursor = min(indices, key=lambda i: abs((state.trips[i].start - when).days))

    def action_zoom(self, delta: int) -> None:
        zoom = max(0, min(self.zoom + delta, len(ZOOMS) - 1))
        if zoom == self.zoom:
            return
        trip = self.current
        centre = (trip.start + (trip.end - trip.start) / 2) if trip else self.start
        self.zoom = zoom
        self.start = centre - dt.timedelta(days=self.days_per_cell * (self.canvas_width // 2))
        self.refresh()
        self.post_message(self.Moved())

    def action_open(self) -> None:
        trip = self.current
        if trip is not None:
            self.post_message(self.Chosen(trip))


# -- the map ----------------------------------------------------------------------------------------


class PlaceMap(Widget, can_focus=True, inherit_bindings=False):
    """The destinations on a map drawn from their coordinates; the cursor is a place."""

    COMPONENT_CLASSES = {"placemap--land", "placemap--place", "placemap--cursor"}

    BINDINGS = [
        Binding("right,l,down,j", "step(1)", "Next place", show=False, id="overview.next_place"),
        Binding("left,h,up,k", "step(-1)", "Prev place", show=False, id="overview.previous_place"),
        Binding("enter", "open", "Trips there", tooltip="List the trips that went to the place under the "
                "cursor", id="overview.open_place"),
    ]

    cursor: reactive[int] = reactive(0, repaint=False, init=False)

    @dataclass
    class Chosen(Message):
        place: queries.DestinationRow

    class Moved(Message):
        """The cursor moved to another place."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.places: list[tuple[Located, queries.DestinationRow]] = []  # west to east
        self.background: list[tuple[float, float]] = []
        self.bounds = US_BOUNDS
        self._drawn = Drawn()  # the reading's (`set_places`): none yet

    def set_places(self, data: OverviewData) -> None:
        drawn = data.drawn
        if drawn.places is None:
            rows = {d.key: d for d in data.destinations}
            drawn.places = sorted(((p, rows[p.key]) for p in data.located if p.key in rows),
                                  key=lambda pair: (pair[0].longitude, pair[0].latitude))
        self.places = drawn.places
        self.background = data.background
        self.bounds = data.bounds
        self._drawn = drawn
        self.set_reactive(PlaceMap.cursor, 0)
        self.refresh()

    def _frame(self, width: int, height: int) -> tuple[int, int, int, int]:
        """(left, top, width, height) of the drawing inside the widget: the bounds at their
        shape (an equirectangular map, a degree of longitude narrowed by the cosine of the
        middle latitude; a cell twice as tall as wide), centred."""
        west, east, south, north = self.bounds
        ratio = (east - west) * math.cos(math.radians((north + south) / 2)) / (north - south) * 2
        w, h = width, max(int(width / ratio + 0.5), 1)
        if h > height:
            w, h = max(int(height * ratio + 0.5), 1), height
        return (width - w) // 2, (height - h) // 2, w, h

    def _cell(self, lon: float, lat: float, width: int, height: int) -> tuple[int, int]:
        return self._cells([(lon, lat)], width, height)[0]

    def _cells(self, points: "Iterable[tuple[float, float]]", width: int, height: int) -> list[tuple[int, int]]:
        """The cells of (lon, lat) points at this size (the frame worked out once for all)."""
        west, east, south, north = self.bounds
        left, top, w, h = self._frame(width, height)
        return [(left + max(0, min(int((lon - west) / (east - west) * (w - 1) + 0.5), w - 1)),
                 top + max(0, min(int((north - lat) / (north - south) * (h - 1) + 0.5), h - 1)))
                for lon, lat in points]

    def _raster(self) -> "Raster":
        """The land and the places at the widget's size, made once per size for the reading."""
        width, height = self.size.width, self.size.height
        raster = self._drawn.rasters.get((width, height))
        if raster is not None:
            return raster
        land = [[0] * width for _ in range(height)]
        for x, y in self._cells(self.background, width, height):
            land[y][x] += 1
        cells = self._cells(((p.longitude, p.latitude) for p, _row in self.places), width, height)
        marks: dict[tuple[int, int], int] = {}
        for index, cell in enumerate(cells):
            marks.setdefault(cell, index)
        if len(self._drawn.rasters) >= 4:  # a terminal resized again and again
            self._drawn.rasters.clear()
        raster = self._drawn.rasters[(width, height)] = Raster(land, marks, cells)
        return raster

    def on_resize(self) -> None:
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width, height = self.size.width, self.size.height
        base = self.visual_style.rich_style
        if not width or not height:
            return Strip.blank(width, base)
        raster = self._raster()
        cursor_cell = raster.cells[self.cursor] if self.places else None
        styles = (self.get_component_rich_style("placemap--land"), self.get_component_rich_style("placemap--place"),
                  self.get_component_rich_style("placemap--cursor"), base)
        # The cursor matters to its own line alone: the others stay valid as it moves.
        cursor_x = cursor_cell[0] if cursor_cell is not None and cursor_cell[1] == y else -1
        key = (y, cursor_x, width, height, styles)
        strip = self._drawn.lines.get(key)
        if strip is None:
            strip = self._drawn.lines[key] = self._map_line(y, cursor_x, raster, width, styles)
        return strip

    @staticmethod
    def _map_line(y: int, cursor_x: int, raster: "Raster", width: int, styles: tuple[Style, ...]) -> Strip:
        land_style, place_style, cursor_style, base = styles
        land, marks = raster.land[y], raster.marks
        segments: list[Segment] = []
        for x in range(width):
            if x == cursor_x:
                segments.append(Segment("◉", cursor_style))
            elif (x, y) in marks:
                segments.append(Segment("●", place_style))
            elif land[x]:
                segments.append(Segment("·" if land[x] < 4 else "∙", land_style))
            else:
                segments.append(Segment(" ", base))
        return Strip(Segment.simplify(segments), width)

    @property
    def current(self) -> queries.DestinationRow | None:
        return self.places[self.cursor][1] if self.places else None

    def watch_cursor(self, old: int, new: int) -> None:
        # Only the lines of the place left and of the place reached are drawn again.
        width, height = self.size.width, self.size.height
        if width and height and 0 <= old < len(self.places):
            cells = self._raster().cells
            self.refresh(*{Region(0, cells[index][1], width, 1) for index in (old, new)})
        else:
            self.refresh()
        self.post_message(self.Moved())

    def action_step(self, delta: int) -> None:
        if self.places:
            self.cursor = (self.cursor + delta) % len(self.places)

    def action_open(self) -> None:
        place = self.current
        if place is not None:
            self.post_message(self.Chosen(place))


# -- the screen -------------------------------------------------------------------------------------


def kept_rankings_text(data: OverviewData, lang: DisplayLang) -> Content:
    """`rankings_text` of a reading, made once per language."""
    text = data.drawn.rankings.get(lang)
    if text is None:
        text = data.drawn.rankings[lang] = rankings_text(data.rankings, lang)
    return text


def rankings_text(r: queries.Rankings, lang: DisplayLang, top: int = 5) -> Content:
    """The rankings, each under its heading, `count  label` a line."""
    _ = translator(lang)
    parts: list[Content] = []
    for title, rows in ((N_("Cities visited"), r.cities), (N_("States"), r.states),
                        (N_("Countries"), r.countries), (N_("Agreements by kind"), r.agreement_kinds),
                        (N_("Agreements by status"), r.agreement_statuses)):
        if not rows:
            continue
        if parts:
            parts.append(Content(""))
        parts.append(lit(_(title), HEADING))
        for row in rows[:top]:
            parts.append(Content.assemble((f"{row.count:>4} ", "bold"), lit(row.label.get(lang))))
        if len(rows) > top:
            parts.append(lit("     " + _("… {n} more").format(n=len(rows) - top), DIM))
    return Content("\n").join(parts)


# What the overview last read, for each desk (its DeskData), with the data version it was read at.
OVERVIEW_KEPT: "weakref.WeakKeyDictionary[Any, tuple[int, OverviewData]]" = weakref.WeakKeyDictionary()


class OverviewScreen(Screen[None]):
    """The time axis, the map and the rankings."""

    AUTO_FOCUS = "#overview-axis"

    BINDINGS = [
        Binding("escape", "close", "Back", id="overview.close"),
        Binding("tab", "switch", "Axis/map", tooltip="From the time axis to the map, and back",
                id="overview.switch"),
        Binding("shift+tab", "switch", "Map/axis", show=False, id="overview.switch_back"),
        LANGUAGE_KEY,
        *COPY_KEYS,
    ]

    def __init__(self) -> None:
        super().__init__(id="overview")
        self.data: OverviewData | None = None
        # Opened again (what an earlier open read is kept): no garbage collection until the
        # first frame (`CollectionHold`; released in `on_mount`).
        self._hold: CollectionHold | None = None
        self._widgets: list[Widget] = []  # this screen and its widgets (`on_unmount`)
        try:
            desk, lang = self.app.data, self.lang  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - made outside a running desk: nothing kept
            return
        kept = OVERVIEW_KEPT.get(desk)
        if kept is not None and lang in kept[1].axes:
            self._hold = CollectionHold()

    @property
    def lang(self) -> DisplayLang:
        return self.app.language  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Static(self.title_line(), id="overview-title")
        yield TimeAxis(id="overview-axis")
        yield Static(lit(words(self)("Reading the trips and the gazetteer…"), DIM), id="overview-axis-status")
        with Horizontal(id="overview-bottom"):
            yield PlaceMap(id="overview-map")
            yield Static("", id="overview-rankings")
        yield Static("", id="overview-map-status")
        yield KeyFooter(id="overview-footer")

    def title_line(self) -> Content:
        return lit(words(self)("Overview — every trip in time and on the map"), "bold")

    async def on_mount(self) -> None:
        self.watch(self.app, "language", self._language_changed, init=False)
        self._widgets = [self, *self.walk_children()]  # (`on_unmount`: by then it has none)
        # What an earlier open read is in the first frame; the worker reads again only if the
        # store changed since (as the tables' rows: screens.table.ROWS_KEPT).
        kept = OVERVIEW_KEPT.get(self.app.data)  # type: ignore[attr-defined]
        if self._hold is not None:
            self.call_after_refresh(self._hold.release)
        if kept is not None and self.lang in kept[1].axes:
            self._loaded(kept[1], kept[1].axes[self.lang])
            self.load(kept[0])
            return
        # Else the time axis first, from the trips' dates alone (`first_axis`): read ahead
        # while the desk was idle (`ahead`), or read now, before the screen is first drawn (it
        # is not drawn while this handler waits): the titles, the places, the rankings and the
        # gazetteer take seconds on a large store, the dates a few hundredths of one. The rest
        # once the axis is drawn (the worker's reading would hold up the frame).
        desk, lang = self.app.data, self.lang  # type: ignore[attr-defined]
        early = ahead.take(desk, type(self).__name__, lang)

        def read() -> AxisState:
            state = ahead.result(early, timeout=None)  # (still being read: waited for)
            return state if state is not None else first_axis(desk, lang)

        state = ahead.result(early)
        if state is None:
            first = asyncio.ensure_future(asyncio.to_thread(read))
            await asyncio.wait({first}, timeout=FIRST_ROWS_WAIT)
            if first.done() and not first.exception():
                state = first.result()
        if state is not None:
            self._axis_read(state)
            drawn = threading.Event()
            self.call_after_refresh(drawn.set)
            self.load(drawn=drawn)
            return
        # Slower than that: drawn without it, shown when it comes (unless all came first).
        first.add_done_callback(lambda done: None if done.cancelled() or done.exception()
                                else self._axis_read(done.result()))
        self.load()

    @work(thread=True, exclusive=True, group="overview")
    def load(self, shown_version: int | None = None, drawn: threading.Event | None = None) -> None:
        """Read everything (`read_overview`), unless what is shown (`shown_version`) is of the
        store as it is. What is read is kept for the next open even if the screen is closed
        meanwhile (the app and the language taken now: a closed screen has no app)."""
        try:
            self._load(shown_version, drawn)
        finally:
            let_go_of_worker()  # else the executor's thread keeps this screen alive once closed

    def _load(self, shown_version: int | None, drawn: threading.Event | None) -> None:
        app, lang = self.app, self.lang
        if drawn is not None:
            drawn.wait(0.5)
        try:
            desk = app.data  # type: ignore[attr-defined]
            version = desk.data_version()
            if version == shown_version:
                return
            kept = OVERVIEW_KEPT.get(desk)
            if kept is not None and kept[0] == version:
                data = kept[1]
            else:
                data = read_overview(desk, lambda ranks: app.call_from_thread(self._rankings_read, ranks))
                OVERVIEW_KEPT[desk] = (version, data)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            app.call_from_thread(self._status, "#overview-axis-status", lit(str(exc), "$error"))
            return
        axis = data.axes.get(lang)
        if axis is None:
            axis = data.axes[lang] = axis_state(data.trips, lang)
        app.call_from_thread(self._read, data, axis)

    def _read(self, data: OverviewData, state: AxisState) -> None:
        """What the worker read, shown, then kept out of the garbage collector's passes
        (`freeze_loaded`: 10,000 trips, their places and rankings, as the tables' rows). A
        screen closed meanwhile takes none (kept for the next open: `OVERVIEW_KEPT`)."""
        if self.is_attached:
            self._loaded(data, state)
        freeze_loaded()

    def on_unmount(self) -> None:
        """Let go of what was read (kept for the desk in `OVERVIEW_KEPT` while the store is
        unchanged): a closed screen must not keep an older reading alive; nor must the app
        keep the screen (`stop_watching`)."""
        stop_watching(self.app, "language", self)
        self.data = None
        # Textual keeps each widget's styles cache, and in it the lines it drew, in an
        # `lru_cache` of 1,024 entries (`StylesCache.get_inner_outer`), closed or not: emptied,
        # as the tables do (`TableScreen.on_unmount`), a closed overview leaves none there for
        # the collector's full passes to walk.
        for widget in self._widgets:
            widget._styles_cache.clear()
        self._widgets = []
        if self._hold is not None:
            self._hold.release()

    def _status(self, selector: str, content: Content) -> None:
        """A status line's text (one line high by the stylesheet, as wide as the screen: its
        size does not depend on its text, so the screen is not laid out again for it)."""
        if not self.is_attached:
            return
        self.query_one(selector, Static).update(content, layout=False)

    def _axis_read(self, state: AxisState) -> None:
        """The trips on the time axis, before the places and the map (`_loaded`)."""
        if self.data is None and self.is_attached:  # (is_mounted: False until on_mount returns)
            self._set_axis(state)
            self._axis_moved()
            self._status("#overview-map-status", lit(
                words(self)("Counting the destinations and placing them on the map…"), DIM))

    def _rankings_read(self, rankings: queries.Rankings) -> None:
        """The rankings, before the map (its gazetteer is still loading)."""
        if self.data is None and self.is_attached:
            self.query_one("#overview-rankings", Static).update(rankings_text(rankings, self.lang))
            self._status("#overview-map-status", lit(
                words(self)("Placing the destinations on the map…"), DIM))

    def _set_axis(self, state: AxisState) -> None:
        axis = self.query_one(TimeAxis)
        if axis.state.spans and len(axis.state.trips) == len(state.trips):
            axis.relabel(state, self.lang)  # the same trips in the same order, with their titles
            return
        axis.styles.height = min(len(state.rows) + 1, 12) + 2  # the rows, the years, the border
        axis.set_state(state, self.lang)

    def _loaded(self, data: OverviewData, state: AxisState) -> None:
        self.data = data
        if self.lang not in data.axes:  # `L` while the worker read
            data.axes[self.lang] = axis_state(data.trips, self.lang)
        self._set_axis(data.axes[self.lang])
        self.query_one(PlaceMap).set_places(data)
        self.query_one("#overview-rankings", Static).update(kept_rankings_text(data, self.lang))
        self._axis_moved()
        self._map_moved()

    def _language_changed(self) -> None:
        """`L`: the title, the rows' names, the rankings and the status lines in the new
        language; the zoom and the trip and place under the cursors stay."""
        self.query_one("#overview-title", Static).update(self.title_line())
        self.query_one(KeyFooter).redraw()
        data = self.data
        if data is None:
            return
        lang = self.lang
        state = data.axes.get(lang)
        if state is None:
            state = data.axes[lang] = axis_state(data.trips, lang)
        self.query_one(TimeAxis).relabel(state, lang)
        self.query_one("#overview-rankings", Static).update(kept_rankings_text(data, lang))
        self._axis_moved()
        self._map_moved()

    @on(TimeAxis.Moved)
    def _axis_moved(self) -> None:
        axis = self.query_one(TimeAxis)
        trip = axis.current
        scale = axis.days_per_cell
        _ = words(self)
        zoom = _.ngettext("1 cell = {n} day", "1 cell = {n} days", scale).format(n=scale)
        if trip is None:
            self._status("#overview-axis-status", lit(_("No trips yet") + f" · {zoom}", DIM))
            return
        # The scale first: a long title is cut at the end of the line.
        if axis.state.spans:  # the titles are being read
            what = lit(axis.state.rows[axis.state.row_of[axis.cursor]][1])
        else:
            what = lit(f"{trip.home_city.get(self.lang)} · {trip.title.get(self.lang)}")
        self._status("#overview-axis-status", Content.assemble(
            (f"{zoom} │ ", DIM), (f"{trip.start.isoformat()}..{trip.end:%m-%d} ", "bold"), what))

    @on(PlaceMap.Moved)
    def _map_moved(self) -> None:
        data = self.data
        if data is None:
            return
        place = self.query_one(PlaceMap).current
        _ = words(self)
        missing = ""
        if data.missing:
            missing = " · " + _("not on the map (not in the gazetteer): {places}").format(places=", ".join(data.missing))
        us = data.region == "US"
        if place is None:
            self._status("#overview-map-status", lit(
                (_("No destinations on the map of the US") if us else _("No destinations on the map of the world"))
                + missing, DIM))
            return
        trips = _.ngettext("{n} trip", "{n} trips", place.trip_count).format(n=place.trip_count)
        located = len(data.located)
        where = (_.ngettext("{n} place on the map of the US", "{n} places on the map of the US", located) if us
                 else _.ngettext("{n} place on the map of the world", "{n} places on the map of the world", located)
                 ).format(n=located)
        self._status("#overview-map-status", Content.assemble(
            (place.label(self.lang), "bold"), (f" · {trips} · {where}{missing}", DIM)))

    @on(TimeAxis.Chosen)
    def _open_trip(self, message: TimeAxis.Chosen) -> None:
        from .main import Wanted

        main = self.app.main  # type: ignore[attr-defined]
        self.app.pop_screen()
        if main is not None:
            main.open_trip(Wanted(message.trip.id, "trip", "", focus=True, reveal=True))

    @on(PlaceMap.Chosen)
    def _open_place(self, message: PlaceMap.Chosen) -> None:
        self.app.push_screen(PlaceTripsScreen(message.place))

    def action_switch(self) -> None:
        axis, place_map = self.query_one(TimeAxis), self.query_one(PlaceMap)
        self.set_focus(place_map if self.focused is axis else axis)

    def action_close(self) -> None:
        self.app.pop_screen()


# -- the trips that went to a place ------------------------------------------------------------------


class PlaceTripsScreen(TableScreen):
    """The trips that went to one destination; Enter opens one."""

    COLUMNS = (Column("start", "from", 10), Column("days", "days", 4, numeric=True),
               Column("city", "city", 8), Column("title", "trip", 16, flex=1))

    def __init__(self, place: queries.DestinationRow) -> None:
        super().__init__(id="place-trips")
        self.place = place

    def title_line(self) -> Content:
        return lit(words(self)("Trips to {place}").format(place=self.place.label(self.lang)), "bold")

    def read(self, data: Any) -> list[queries.TripRow]:
        key = self.place.key
        return data.read(lambda store: queries.trips_to(store, key))

    def rows_of(self, items: list[queries.TripRow], lang: DisplayLang) -> list[tuple[TableRow, str, tuple[Any, ...]]]:
        out = []
        for t in items:
            cells = (t.start.isoformat(), str(t.day_count), t.home_city.get(lang), t.title.get(lang))
            words = " ".join([*cells, *t.home_city.all_strings(), *t.title.all_strings(), t.id])
            out.append((TableRow(t.id, cells), words,
                        (t.start.isoformat(), t.day_count, cells[2].casefold(), cells[3].casefold())))
        return out

    def open_row(self, row: TableRow) -> None:
        from .main import Wanted

        main = self.app.main  # type: ignore[attr-defined]
        while len(self.app.screen_stack) > 1 and self.app.screen is not main:
            self.app.pop_screen()
        if main is not None:
            main.open_trip(Wanted(row.id, "trip", "", focus=True, reveal=True))
