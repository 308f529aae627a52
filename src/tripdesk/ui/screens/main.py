"""The main screen: the header, the three panes, the footer, and how they talk.

Layout by terminal width (`HORIZONTAL_BREAKPOINTS` put a class on the screen):

- `-wide` (120 columns and up): cities | timeline | detail, side by side;
- `-medium` (80-119): a narrower city pane, the detail below the timeline;
- `-narrow` (under 80): one pane at a time; Tab, h/l or 1/2/3 switch.

The city pane posts `TripChosen`; the screen finds the trip in the cache or loads it in a
worker (one at a time: a newer choice cancels the older load), then shows it in the timeline
and the detail. The timeline posts `ItemChosen`; the detail follows it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.worker import get_current_worker

from ...i18n import N_
from ...store import queries
from ..data import freeze_loaded, release_frozen_if_grown, resume_collection, watch_frozen_growth
from ..footer import KeyFooter
from ..header import DeskHeader
from ..keys import COPY_KEYS, LANGUAGE_KEY
from ..messages import ItemChosen, LoadFailed, StoreChanged, SummaryLoaded, TripChosen, TripLoaded, TripReloaded
from ..paint import CachedScreenLines, show_focus_within
from ..panes.city import CityPane, CityTree
from ..panes.detail import DetailPane, DetailScroll
from ..panes.timeline import TimelineList, TimelinePane, resolve_ref
from ..prepared import Prepared, PreparedTrips, prepare
from ..render import Doc, words
from . import ahead

if TYPE_CHECKING:
    from ...model import DisplayLang, Trip

PANES = ("city", "timeline", "detail")
ANCHORED = ("agreement", "quote", "organisation", "person")  # search targets inside a detail
# How often the desk asks the store whether another process wrote to it: `PRAGMA
# data_version`, a few microseconds in a worker thread.
STORE_POLL_SECONDS = 1.0
EMPTY_STORE = N_("No trips yet. Import trip files with:\n    tripdesk import PATH\n"
               "in another terminal: the desk shows them within a second or two (the file "
               "format: docs/data-format.md).")


@dataclass
class Wanted:
    """The trip the user asked for last, and where in it to go once it is loaded."""

    trip_id: str
    what: str | None = None  # a search target: "event", "day", "agreement", ...
    ident: str = ""
    focus: bool = False
    reveal: bool = False


class MainScreen(CachedScreenLines, Screen[None]):
    """Cities, timeline and detail."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-medium"), (120, "-wide")]
    AUTO_FOCUS = "#city-tree"

    # Textual's `Screen.focused` repaints the whole screen when it changes. Nothing on this
    # screen is drawn from it: the widgets that gain and lose the focus are restyled, and the
    # panes around them repaint their borders (`watch_focused`). Without the full repaint a
    # Tab redraws two panes instead of every line of the screen.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    BINDINGS = [
        Binding("tab", "pane_next", "Pane", tooltip="Next pane (one pane at a time: show it)",
                id="pane.next"),
        Binding("shift+tab", "pane_previous", "Previous pane", show=False, id="pane.previous"),
        Binding("l,right", "pane_next", "Pane right", show=False, id="pane.right"),
        Binding("h,left", "pane_previous", "Pane left", show=False, id="pane.left"),
        Binding("1", "focus_pane('city')", "Cities", show=False, id="pane.cities"),
        Binding("2", "focus_pane('timeline')", "Timeline", show=False, id="pane.timeline"),
        Binding("3", "focus_pane('detail')", "Detail", show=False, id="pane.detail"),
        Binding("z", "zoom", "Zoom pane", show=False,
                tooltip="Fill the screen with this pane, or back", id="pane.zoom"),
        Binding("escape", "unzoom", "Back", show=False,
                tooltip="Back from a zoomed pane, else to the pane before (detail → timeline → "
                        "cities)", id="pane.unzoom"),
        Binding("slash", "search", "Search", tooltip="Search everything", id="desk.search"),
        Binding("left_square_bracket", "step_trip(-1)", "Prev trip", show=False,
                tooltip="Previous trip in the city list", id="trip.previous"),
        Binding("right_square_bracket", "step_trip(1)", "Trip", key_display="[ ]",
                tooltip="Next trip in the city list (on to the next city)", id="trip.next"),
        Binding("d", "toggle_destinations", "Dest.",
                tooltip="Cities: home cities ↔ destinations visited", id="cities.destinations"),
        LANGUAGE_KEY,
        Binding("r", "reload", "Reload", show=False,
                tooltip="Read the store again (the desk also does when another process imports)",
                id="desk.reload"),
        Binding("e", "export", "Export",
                tooltip="Export the trip: Markdown, or JSON or iCalendar by the file name",
                id="trip.export"),
        # After the export: under ~90 columns the footer leaves it out (? and the palette list it).
        Binding("v", "article", "Source",
                tooltip="Read the source article of the trip, day or event, its excerpts "
                        "highlighted", id="desk.article"),
        # Across trips (issue 19): screens of their own, one key from here.
        Binding("a", "app.agreements", "Agreements",
                tooltip="Every agreement in the store: date, city, kind, parties, status", id="desk.agreements"),
        Binding("o", "app.entities", "Orgs/people",
                tooltip="Organisations and people, with every trip that names them", id="desk.entities"),
        Binding("w", "app.overview", "Overview",
                tooltip="Every trip on a time axis and a map; rankings of destinations and agreements",
                id="desk.overview"),
        *COPY_KEYS,  # Screen's copy key, with an id
    ]

    def __init__(self) -> None:
        super().__init__(id="main")
        self.wanted: Wanted | None = None
        self._shown_pane = "city"
        self._store_summary: queries.StoreSummary | None = None
        self._showing = False  # in `_show` (the city cursor may move: no trip is shown for that)
        self._prepared = PreparedTrips()  # the trips next to the one shown, ready to show
        self._store_version: int | None = None  # the store's data version last seen

    def watch_focused(self, blurred: Widget | None, focused: Widget | None) -> None:
        # Called as the focus moves (Screen.set_focus): the panes' borders change in the
        # same frame (paint.FocusBorder).
        show_focus_within(blurred, focused)

    def compose(self) -> ComposeResult:
        # The panes are the screen's own children, laid out by its grid (tripdesk.tcss): no
        # container around them, which Textual would draw under them in every frame.
        yield DeskHeader(id="header")
        yield CityPane(id="city-pane")
        yield TimelinePane(id="timeline-pane")
        yield DetailPane(id="detail-pane")
        yield KeyFooter(id="footer")

    def on_mount(self) -> None:
        self.call_after_refresh(resume_collection)  # paused by the `tripdesk` command
        watch_frozen_growth()
        self.call_after_refresh(self.warm_up)  # after the first frame, before the first trip
        self._fit_footer()
        self.header.set_language(self.lang)
        if getattr(self.app, "review", None) is not None:  # a draft, shown from its scratch store
            _ = self.app.words  # type: ignore[attr-defined]
            self.header.set_mark(_("DRAFT — not imported"))
        summary = self.app.data.ready("summary")  # type: ignore[attr-defined]
        if summary is not None:  # read while the app started
            self._show_summary(summary)
        else:
            self.load_summary()
        self.store_watch = self.set_interval(STORE_POLL_SECONDS, self.watch_store, name="store-watch")

    # -- parts ------------------------------------------------------------------------------

    @property
    def lang(self) -> DisplayLang:
        return self.app.language  # type: ignore[attr-defined]

    @property
    def header(self) -> DeskHeader:
        return self.query_one(DeskHeader)

    @property
    def cities(self) -> CityPane:
        return self.query_one(CityPane)

    @property
    def timeline(self) -> TimelinePane:
        return self.query_one(TimelinePane)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    @property
    def trip(self) -> Trip | None:
        """The trip in the timeline, if any."""
        return self.timeline.trip

    # -- store reads ------------------------------------------------------------------------

    @work(thread=True, group="summary")
    def load_summary(self) -> None:
        try:
            summary = self.app.data.summary()  # type: ignore[attr-defined]
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self.post_message(LoadFailed(str(exc)))
            return
        self.post_message(SummaryLoaded(summary))

    @work(thread=True, group="warm-up")
    def warm_up(self) -> None:
        """Import the loader, then read the first screenful of the screens across trips
        (`ahead`: their first open shows it in its first frame without reading)."""
        data = self.app.data  # type: ignore[attr-defined]
        data.warm_up()
        ahead.read_ahead(data, self.lang, self.app.size.height)

    @work(thread=True, group="read-ahead")
    def read_ahead(self, lang: DisplayLang) -> None:
        """`L`: the first screenfuls in the new language (what was read in it is not read again)."""
        ahead.read_ahead(self.app.data, lang, self.app.size.height)  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="trip")
    def load_trip(self, trip_id: str) -> None:
        try:
            trip = self.app.data.load_trip(trip_id)  # type: ignore[attr-defined]
        except Exception as exc:  # noqa: BLE001
            self.post_message(LoadFailed(str(exc)))
            return
        if trip is not None and not get_current_worker().is_cancelled:
            self.post_message(TripLoaded(trip))

    @work(thread=True, group="prefetch")
    def prefetch(self, trip_ids: list[str],
                 ready: tuple[list[str], DisplayLang, int, int] | None = None) -> None:
        """Read trips the user is likely to open next into the cache (the neighbours).

        `ready`: the ids among them to prepare too (`prepared.prepare`), in a language, for a
        detail text width and a timeline width.
        """
        data = self.app.data  # type: ignore[attr-defined]
        loaded = False
        try:
            for trip_id in trip_ids:
                if get_current_worker().is_cancelled:
                    return
                trip = data.cached_trip(trip_id)
                if trip is None:
                    try:
                        trip = data.load_trip(trip_id)
                    except Exception:  # noqa: BLE001 - a prefetch failing is not the user's problem
                        return
                    loaded = True
                if trip is not None and ready is not None and trip_id in ready[0]:
                    lang, width, rows_width = ready[1:]
                    if not self._prepared.has(trip_id, lang):
                        self._prepared.put(prepare(trip, lang, width, rows_width))
                        loaded = True
                time.sleep(0)  # let the UI thread run if it is waiting (a key) between trips
        finally:
            if loaded:
                # Like a trip loaded for the screen (`_trip_loaded`): out of the collector's
                # generations. Otherwise trips opened from the cache, one after another, are
                # never frozen, and every so often a full collection walks all of them in the
                # middle of a key (50-100 ms on the 10,000-trip store).
                freeze_loaded()

    # -- a live desk: another process writes to the store -------------------------------------

    @work(thread=True, exclusive=True, group="store-watch")
    def watch_store(self) -> None:
        """Ask the store for its data version; a new one means another process wrote to it.
        The first poll compares with the version of the desk's first read: an import in the
        second before that poll is a change too (it was taken as the starting point)."""
        try:
            version = self.app.data.data_version()  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a store that cannot be read now: the next poll asks again
            return
        seen = self._store_version
        if seen is None:
            seen = self.app.data.opened_version  # type: ignore[attr-defined]
        self._store_version = version
        if seen is not None and version != seen:
            self.post_message(StoreChanged())

    @work(thread=True, exclusive=True, group="trip-reload")
    def reload_trip(self, trip_id: str) -> None:
        try:
            trip = self.app.data.reload_trip(trip_id)  # type: ignore[attr-defined]
        except Exception as exc:  # noqa: BLE001
            self.post_message(LoadFailed(str(exc)))
            return
        self.post_message(TripReloaded(trip_id, trip))

    def action_reload(self) -> None:
        self.post_message(StoreChanged(manual=True))

    @on(StoreChanged)
    def _store_changed(self, message: StoreChanged) -> None:
        """Read again what the desk shows: the header, the city list (what was open stays
        open, the cursor where it was), the trip in the timeline (on the row it was on)."""
        self.app.data.forget_trips()  # type: ignore[attr-defined]
        ahead.forget(self.app.data)  # type: ignore[attr-defined]
        self._prepared = PreparedTrips()
        release_frozen_if_grown()  # what earlier reloads replaced is garbage now
        self.load_summary()
        self.cities.reload()
        if self.trip is not None:
            self.reload_trip(self.trip.id)
        if message.manual:
            self.app.notify(words(self)("Read the store again."), timeout=2, markup=False)

    @on(TripReloaded)
    def _trip_reloaded(self, message: TripReloaded) -> None:
        shown = self.trip
        if shown is None or shown.id != message.trip_id:
            return  # another trip was opened meanwhile
        if message.trip is None:
            self.timeline.show_message(N_("The trip {trip} is no longer in the store."), trip=message.trip_id)
            self.detail.clear()  # not the gone trip's detail beside it
            return
        self.timeline.show_again(message.trip, self.lang)
        self.detail.show(message.trip, self.timeline.ref or "trip", self.lang, force=True)
        freeze_loaded()

    @on(SummaryLoaded)
    def _summary(self, message: SummaryLoaded) -> None:
        self._show_summary(message.summary)

    def _show_summary(self, summary: queries.StoreSummary) -> None:
        self._store_summary = summary
        self.header.set_summary(summary.label(self.lang))
        if summary.trips == 0:
            self.timeline.show_message(EMPTY_STORE)
        elif self.trip is None and self.timeline.showing_message(EMPTY_STORE):
            self.timeline.show_message()  # trips were imported into the empty store
        freeze_loaded()

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        message.stop()
        self.timeline.list.release_moves()
        self.app.notify(message.message, title="tripdesk", severity="error", markup=False)

    # -- choosing trips, days and events ----------------------------------------------------

    def open_trip(self, wanted: Wanted) -> None:
        """Show a trip (at a search target, if any): from the cache now, else when loaded."""
        self.wanted = wanted
        current = self.trip
        if current is not None and current.id == wanted.trip_id and wanted.what is None:
            self.wanted = None
            if wanted.focus:
                self.focus_pane("timeline")
            return
        trip = self.app.data.cached_trip(wanted.trip_id)  # type: ignore[attr-defined]
        if trip is not None:
            self._show(trip)
        else:
            self.load_trip(wanted.trip_id)

    @on(TripLoaded)
    def _trip_loaded(self, message: TripLoaded) -> None:
        if self.wanted is not None and self.wanted.trip_id == message.trip.id:
            self._show(message.trip)
        freeze_loaded()

    def _show(self, trip: Trip) -> None:
        self._showing = True
        try:
            self._show_now(trip)
        finally:
            self._showing = False

    def _show_now(self, trip: Trip) -> None:
        wanted = self.wanted
        self.wanted = None
        ref, anchor = "trip", None
        if wanted is not None and wanted.what is not None:
            ref = resolve_ref(trip, wanted.what, wanted.ident)
            if wanted.what in ANCHORED:  # shown within the detail of `ref`: scroll to it
                anchor = f"{wanted.what}:{wanted.ident}"
        prepared = self._prepared.get(trip, self.lang)
        self.timeline.show_trip(trip, self.lang, ref, rows=prepared.rows if prepared else None)
        self.detail.show(trip, ref, self.lang, anchor=anchor, doc=_trip_detail(prepared, ref))
        self.timeline.list.release_moves()  # the keys typed while it was read (trip_opening)
        if wanted is not None and wanted.focus:
            self.focus_pane("timeline")
        if wanted is not None and wanted.reveal:
            # The trip first, the city list in the frame after: finding the trip's line can
            # open a city, and every line of the list is drawn again then (~10 ms).
            self.call_after_refresh(self._reveal, trip)
            return
        self._prefetch_neighbours(trip)

    def _reveal(self, trip: Trip) -> None:
        """Put the city cursor on a trip just shown (if it is still the one shown)."""
        shown = self.trip
        if shown is None or shown.id != trip.id:
            return
        self._showing = True
        try:
            self.cities.reveal(trip)
        finally:
            self._showing = False
        self._prefetch_neighbours(trip)

    def _prefetch_neighbours(self, trip: Trip) -> None:
        neighbours = self.cities.neighbours(trip.id)
        if neighbours:
            # The nearest on each side (one key away) first, and prepared to show.
            nearest = self.cities.neighbours(trip.id, 1)
            ordered = nearest + [n for n in neighbours if n not in nearest]
            view = self.detail.view
            ready = (nearest, self.lang, view._text_width(),
                     self.timeline.list.scrollable_content_region.width)
            # After the frame that shows `trip`: the reading thread would hold the GIL for
            # part of the time that frame is being drawn.
            self.call_after_refresh(self.prefetch, ordered, ready)

    def jump_to(self, hit: queries.SearchHit) -> None:
        """Go to a search hit: its trip, and the day or event it leads to."""
        what, ident = hit.target
        self.open_trip(Wanted(hit.trip_id, what, ident, focus=True, reveal=True))

    def show_cached_trip(self, trip_id: str) -> None:
        """Show a trip at once if it is in the cache (the city cursor has just moved onto it).

        Called by the city pane in the same step as the cursor moves, so that the cursor, the
        timeline and the detail change in one frame; a trip not loaded yet waits for
        `TripChosen` and is loaded in a worker.
        """
        if self._showing:
            return  # the cursor moved because a trip is being shown (revealed in the list)
        if self.app.data.cached_trip(trip_id) is not None:  # type: ignore[attr-defined]
            self.open_trip(Wanted(trip_id))

    def trip_opening(self, trip_id: str) -> None:
        """Enter on a trip in the city list, before `TripChosen(open=True)` comes: the focus
        goes to the timeline now, and if another trip is shown there, the timeline's moves
        wait until this one is (keys typed right after Enter are for this trip's days)."""
        shown = self.trip
        if shown is None or shown.id != trip_id:
            self.timeline.list.hold_moves()
        self.focus_pane("timeline")

    @on(TripChosen)
    def _trip_chosen(self, message: TripChosen) -> None:
        if not message.open:
            node = self.cities.tree.cursor_node
            info = node.data if node is not None else None
            if info is not None and info.kind == "trip" and info.key != message.trip_id:
                return  # the cursor has moved on to another trip since: that one is shown
            pending, shown = self.wanted, self.trip
            if (pending is not None and pending.reveal and shown is not None
                    and shown.id == message.trip_id):
                # Posted before a jump (search, palette) that is still loading its trip: the
                # cursor only names the trip on screen, and must not cancel the jump.
                return
        self.open_trip(Wanted(message.trip_id, focus=message.open))

    def show_item_now(self, trip_id: str, ref: str) -> None:
        """Show the detail of a timeline row at once (its highlight has just moved onto it)."""
        trip = self.trip
        if trip is not None and trip.id == trip_id:
            prepared = self._prepared.get(trip, self.lang)
            self.detail.show(trip, ref, self.lang, doc=_trip_detail(prepared, ref))

    @on(ItemChosen)
    def _item_chosen(self, message: ItemChosen) -> None:
        trip = self.trip
        if trip is None or trip.id != message.trip_id:
            return
        if not message.open and self.timeline.ref != message.ref:
            return  # the highlight has moved on since: that row's detail is shown
        self.detail.show(trip, message.ref, self.lang)
        if message.open:
            self.focus_pane("detail")

    def apply_language(self) -> None:
        """Draw everything again in the app's language."""
        lang = self.lang
        self.header.set_language(lang)
        if self._store_summary is not None:
            self.header.set_summary(self._store_summary.label(lang))
        self.query_one(KeyFooter).redraw()
        self.cities.relabel()
        self.timeline.relabel(lang)
        self.detail.relabel()
        trip = self.trip
        if trip is not None:
            self.detail.show(trip, self.timeline.ref or "trip", lang)
        self.read_ahead(lang)

    # -- panes ------------------------------------------------------------------------------

    def _pane_target(self, name: str) -> Widget:
        return {
            "city": lambda: self.query_one(CityTree),
            "timeline": lambda: self.query_one(TimelineList),
            "detail": lambda: self.query_one(DetailScroll),
        }[name]()

    def current_pane(self) -> str:
        focused = self.focused
        for name, pane in (("city", CityPane), ("timeline", TimelinePane), ("detail", DetailPane)):
            node = focused
            while node is not None:
                if isinstance(node, pane):
                    return name
                node = node.parent  # type: ignore[assignment]
        return "city"

    def focus_pane(self, name: str) -> None:
        """Focus a pane (and, one pane at a time, show it)."""
        changed = self._show_pane(name)
        if self.maximized is not None:
            self.minimize()
            changed = True
        target = self._pane_target(name)
        if changed:
            # a pane was just displayed: it can take the focus once it is laid out
            self.call_after_refresh(target.focus)
        else:
            # At once, not as `Widget.focus` does (after the messages already queued): a key
            # typed right after this one goes to the pane it moved to.
            self.set_focus(target)

    def _show_pane(self, name: str) -> bool:
        """Under 80 columns, display only the pane `name`; otherwise display all three.

        Set on the panes themselves (not as a class on the screen), so that switching does not
        restyle every widget on the screen. Returns True if a pane was shown or hidden.
        """
        changed = False
        self._shown_pane = name
        narrow = self.has_class("-narrow")
        for pane_name, pane in (("city", self.cities), ("timeline", self.timeline),
                                ("detail", self.detail)):
            show = not narrow or pane_name == name
            if pane.display != show:
                pane.display = show
                changed = True
        return changed

    def on_resize(self) -> None:
        self._fit_footer()
        self._show_pane(self._shown_pane)

    def on_screen_resume(self) -> None:
        # The terminal may have been resized while a dialog was on top.
        self._fit_footer()
        self._show_pane(self._shown_pane)

    def _fit_footer(self) -> None:
        # Under 100 columns the palette's ^p leaves the footer's room to the keys (? lists it).
        footer = self.query_one(KeyFooter)
        footer.show_command_palette = self.size.width >= 100
        footer.redraw()

    def on_descendant_focus(self) -> None:
        name = self.current_pane()
        if name != self._shown_pane:
            self._show_pane(name)

    def action_pane_next(self) -> None:
        index = PANES.index(self.current_pane())
        self.focus_pane(PANES[(index + 1) % len(PANES)])

    def action_pane_previous(self) -> None:
        index = PANES.index(self.current_pane())
        self.focus_pane(PANES[(index - 1) % len(PANES)])

    def action_focus_pane(self, name: str) -> None:
        self.focus_pane(name)

    def action_zoom(self) -> None:
        """Fill the screen with the focused pane, or go back."""
        if self.maximized is not None:
            self.minimize()
            return
        pane = {"city": self.cities, "timeline": self.timeline, "detail": self.detail}[self.current_pane()]
        self.maximize(pane, container=False)

    def action_unzoom(self) -> None:
        """Back: out of a zoomed pane, else to the pane Enter came from (one pane at a time,
        Esc is the only way back that needs no knowledge of Tab or 1/2/3)."""
        if self.maximized is not None:
            self.minimize()
            return
        back = {"detail": "timeline", "timeline": "city"}.get(self.current_pane())
        if back is None:
            raise SkipAction()
        self.focus_pane(back)

    # -- commands ---------------------------------------------------------------------------

    def action_toggle_destinations(self) -> None:
        self.cities.toggle_mode(self.trip)
        self.focus_pane("city")

    def action_step_trip(self, delta: int) -> None:
        if not self.cities.step_trip(delta):
            self.app.bell()

    def action_search(self) -> None:
        self.app.action_search()  # type: ignore[attr-defined]

    def action_export(self) -> None:
        self.app.action_export()  # type: ignore[attr-defined]

    def action_article(self) -> None:
        self.app.action_article()  # type: ignore[attr-defined]


def _trip_detail(prepared: Prepared | None, ref: str) -> Doc | None:
    """The detail a prepared trip brings for `ref`: its own (`ref` "trip") only."""
    return prepared.doc if prepared is not None and ref == "trip" else None
