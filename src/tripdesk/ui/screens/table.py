"""A screen of one long table, filtered as you type and sorted by any column.

The base of the agreements ledger and the entities list. What is typed goes to the filter
box (every word must be in a row, in any case, spacing ignored): `/` or any letter that is not
one of the desk's keys (`L` language, `?` keys, `q` quit) starts it; once the box has the focus
those letters are typed too. ↑ ↓ PgUp PgDn move in the table, Tab and Shift+Tab sort by the next or
previous column (Ctrl+R reverses), Enter opens the row, Esc clears the filter and leaves the
box, then closes. A click on a heading sorts by its column.

The rows are read in a worker and kept as strings (`TableRow`); each column's order is
sorted once, the first time it is asked for, so a key costs one pass over the rows. On a
large store reading them all takes most of a second the first time: a screen that can read
its first screenful alone (`read_first`, a query with a LIMIT) shows that first, in the order
the whole table will have, and the rest follows from the same worker.
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Sequence

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from ...i18n import N_
from ..data import freeze_loaded
from ..footer import KeyFooter
from ..keys import COPY_KEYS, EDIT_KEYS, LANGUAGE_KEY
from ..render import DIM, lit, words
from ..rowfilter import extends, folded, matching, query_words
from ..tableview import Column, TableRow, TableView
from . import ahead

if TYPE_CHECKING:
    from ...model import DisplayLang


# The rows of the screens last opened, for each desk (its `DeskData`, while it lives), by
# (screen, language, ...), with the data version of the desk's connection they were read at:
# see `TableScreen.load`. A few screens' worth: the ledger and entities of a large store are
# some tens of MB.
ROWS_KEPT: "weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], Any]]" = weakref.WeakKeyDictionary()
MAX_KEPT = 4
# How long the screen's first frame waits for its first rows (`read_first`): a frame without
# them, then another with them, would cost more than the read.
FIRST_ROWS_WAIT = 0.2


def stop_watching(obj: Any, attribute: str, node: Any) -> None:
    """Drop the watchers `node` set on `obj`'s reactive `attribute` (`DOMNode.watch`).

    Textual forgets a closed node's watchers only when the attribute next changes: until the
    next `L`, the app's `language` kept every ledger, entities list and overview ever opened
    alive, with their drawn lines (tens of thousands of objects each, walked by every full
    collection of the garbage collector: the reopen's p95 grew with each reopen)."""
    watchers = getattr(obj, "__watchers", {}).get(attribute)
    if watchers:
        watchers[:] = [(watcher, callback) for watcher, callback in watchers if watcher is not node]


@dataclass
class TableData:
    """The rows of a table, the folded text of each (what the filter looks in), each one's
    sort keys, and the orders sorted so far (kept with the rows: `ROWS_KEPT`)."""

    items: list[Any]
    rows: list[TableRow]
    haystacks: list[str]
    keys: list[tuple[Any, ...]]
    sorted: dict[tuple[int, bool], list[int]] = field(default_factory=dict)
    # The haystacks in each order sorted so far (what a first letter looks in, in order).
    texts: dict[tuple[int, bool], list[str]] = field(default_factory=dict)

    def order(self, column: int, descending: bool) -> list[int]:
        """Every row in the order of a column; rows that tie keep the order they were read in
        (by name, by date), whichever way the column is sorted."""
        order = self.sorted.get((column, descending))
        if order is None:
            keys = self.keys
            order = self.sorted[(column, descending)] = sorted(
                range(len(self.rows)), key=lambda i: keys[i][column], reverse=descending)
        return order

    def texts_in(self, column: int, descending: bool) -> list[str]:
        """The haystacks in the order of `order(column, descending)`."""
        texts = self.texts.get((column, descending))
        if texts is None:
            texts = self.texts[(column, descending)] = list(
                map(self.haystacks.__getitem__, self.order(column, descending)))
        return texts


class FilterInput(Input, inherit_bindings=False):
    """The filter box: its keys have ids; Enter is the screen's (opens the row under the cursor)."""

    BINDINGS = [b for b in EDIT_KEYS if b.id != "edit.submit"]


class TableScreen(Screen[None]):
    """One table: subclasses give the columns, the rows (`read` in a worker, `rows_of`), and
    what opening a row does (`open_row`)."""

    COLUMNS: ClassVar[Sequence[Column]] = ()
    TITLE = ""  # msgids of the catalog (N_), shown in the display language
    PLACEHOLDER = N_("type to filter")
    DEFAULT_SORT = 0
    SORTABLE = True  # False: the rows keep the order they were read in (Tab does nothing)
    # Nothing has the focus at first, so the screen's letter keys (L) work; typing a letter
    # that is not one of them moves the focus to the filter box (`on_key`).
    AUTO_FOCUS = ""  # not None: that is "the app's", which focuses the first focusable widget

    BINDINGS = [
        Binding("escape", "close", "Back", tooltip="Clear the filter and leave it, else go back",
                id="table.close"),
        Binding("enter", "open", "Open", tooltip="Open the row under the cursor", id="table.open"),
        Binding("slash", "filter", "Filter",
                tooltip="Type in the filter box (any letter that is not a key here does too)",
                id="table.filter"),
        LANGUAGE_KEY,
        Binding("down", "move(1)", "Down", show=False, id="table.down"),
        Binding("up", "move(-1)", "Up", show=False, id="table.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="table.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="table.page_up"),
        Binding("ctrl+home", "first", "First", show=False, id="table.first"),
        Binding("ctrl+end", "last", "Last", show=False, id="table.last"),
        Binding("tab", "sort(1)", "Sort", tooltip="Sort by the next column", id="table.sort_next"),
        Binding("shift+tab", "sort(-1)", "Sort back", show=False, tooltip="Sort by the previous column",
                id="table.sort_previous"),
        Binding("ctrl+r", "reverse", "Reverse", tooltip="Reverse the order", id="table.reverse"),
        *COPY_KEYS,
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data = TableData([], [], [], [])
        self.items: list[Any] = []  # what `read` returned
        self.rows: list[TableRow] = []
        self._haystacks: list[str] = []
        # (the sort order filtered, the words, the rows that matched them): the last filter
        self._filtered: tuple[list[int], list[str], list[int]] | None = None
        self.sort_column = self.DEFAULT_SORT
        self.descending = False
        self.loaded = False
        self.shown_query: str | None = None  # the filter the rows on screen were filtered by
        self._shown_heading: Content | None = None
        self._widgets: list[Widget] = []  # this screen's widgets, once mounted

    @property
    def lang(self) -> DisplayLang:
        return self.app.language  # type: ignore[attr-defined]

    @property
    def table(self) -> TableView:
        return self.query_one(TableView)

    @property
    def filter_box(self) -> FilterInput:
        return self.query_one(FilterInput)

    def compose(self) -> ComposeResult:
        yield Static(self.title_line(), classes="table-title")
        # (no validators: not validated on each letter, which restyled the box every time)
        yield FilterInput(placeholder=words(self)(self.PLACEHOLDER),
                          classes="table-filter", select_on_focus=False, validate_on=[])
        yield Static("", classes="table-head")
        yield TableView(self.COLUMNS, id=f"{self.id}-table" if self.id else None)
        yield Static(lit(words(self)("Reading…"), DIM), classes="table-status")
        yield KeyFooter(id=f"{self.id}-footer" if self.id else None)

    def title_line(self) -> Content:
        return lit(words(self)(self.TITLE) if self.TITLE else "", "bold")

    async def on_mount(self) -> None:
        self.watch(self.app, "language", self._language_changed, init=False)
        self._widgets = [self, *self.walk_children()]  # (`on_unmount`: by then it has none)
        # Rows kept from an earlier open are in the first frame; the worker reads them again
        # only if the store changed since.
        kept = ROWS_KEPT.get(self.app.data, {}).get(self._kept_key())  # type: ignore[attr-defined]
        if kept is not None:
            self._loaded(kept[1])
            self.load(kept[0])
            return
        # Else the first screenful: read ahead while the desk was idle (`ahead`), or read now,
        # before the screen is first drawn (the screen is not drawn while this handler
        # waits); then the rest in the worker.
        data, lang, count = self.app.data, self.lang, self.app.size.height  # type: ignore[attr-defined]
        early = ahead.take(data, type(self).__name__, lang)

        def rows(items: list[Any] | None) -> tuple[list[Any], list[TableRow]] | None:
            return (items, [row for row, _text, _keys in self.rows_of(items, lang)]) if items else None

        def read() -> tuple[list[Any], list[TableRow]] | None:
            items = ahead.result(early, count, timeout=None)  # (still being read: waited for)
            return rows(items if items is not None else self.read_first(data, lang, count))

        shown = rows(ahead.result(early, count))  # read ahead: no wait at all
        if shown is None:
            first = asyncio.ensure_future(asyncio.to_thread(read))
            await asyncio.wait({first}, timeout=FIRST_ROWS_WAIT)
            if first.done() and not first.exception():
                shown = first.result()
        if shown is not None:
            self._first_rows(*shown)
            # The rest once they are drawn: making the rows holds the interpreter, which the
            # frame would wait for.
            drawn = threading.Event()
            self.call_after_refresh(drawn.set)
            self.load(None, drawn=drawn)
            return
        # Slower than that (a busy disk): the screen is drawn without them, and they are
        # shown when they come, unless every row came first. A failure is the worker's to say.
        first.add_done_callback(lambda done: None if done.cancelled() or done.exception() or not done.result()
                                else self._first_rows(*done.result()))
        self.load(None)

    # -- reading --------------------------------------------------------------------------

    def read(self, data: Any) -> list[Any]:
        """The items, read from the desk's data (`DeskData`), in a worker thread."""
        raise NotImplementedError

    def rows_of(self, items: list[Any], lang: DisplayLang) -> list[tuple[TableRow, str, tuple[Any, ...]]]:
        """For each item: its row, the text the filter looks in, and its sort key per column."""
        raise NotImplementedError

    def open_row(self, row: TableRow) -> None:
        raise NotImplementedError

    @classmethod
    def read_first(cls, data: Any, lang: DisplayLang, count: int) -> list[Any] | None:
        """The first `count` items in the order of the default sort, read alone (in the
        worker, before the rest, or ahead while the desk is idle: `ahead`), or None when the
        screen has no quicker read of them."""
        return None

    def cache_key(self) -> tuple[Any, ...]:
        """What the rows depend on besides the store and the language (an entity's id)."""
        return ()

    def _kept_key(self) -> tuple[Any, ...]:
        return (type(self).__name__, self.lang, *self.cache_key())

    @work(thread=True, exclusive=True, group="table")
    def load(self, shown_version: int | None = None, drawn: threading.Event | None = None) -> None:
        """Read the rows, unless those shown (`shown_version`: kept from an earlier open) are
        of the store as it is; after `drawn` is set (the first rows drawn). The rows are kept
        for the next open even if the screen is closed meanwhile (the app and the key taken
        now: a closed screen has no app)."""
        app = self.app
        data = app.data  # type: ignore[attr-defined]
        lang = self.lang
        kept_key = self._kept_key()
        if drawn is not None:
            drawn.wait(0.5)
        try:
            # The rows are kept (`ROWS_KEPT`) with the data version they were read at: on a
            # large store reading and making them takes a second or more, opening the screen
            # again does not. A write by another process moves the version.
            version = data.data_version()
            if version == shown_version:
                return
            table = self.table_data(self.read(data), lang)
            desk_kept = ROWS_KEPT.setdefault(data, {})
            if len(desk_kept) >= MAX_KEPT:
                desk_kept.pop(next(iter(desk_kept)))
            desk_kept[kept_key] = (version, table)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            app.call_from_thread(self._failed, str(exc))
            return
        app.call_from_thread(self._read, table)

    def _read(self, table: "TableData") -> None:
        """Rows read by the worker: shown, then kept out of the garbage collector's passes
        (`freeze_loaded`). On the 10,000-trip store the ledger's rows are ~170,000 objects
        (its agreements' texts), the entities' ~30,000: kept for the desk (`ROWS_KEPT`), they
        were walked by every full collection after, 70-140 ms in the middle of a key
        (docs/performance.md). A screen closed meanwhile takes none: they are kept for the
        next open."""
        if self.is_attached:
            self._loaded(table)
        freeze_loaded()

    def on_unmount(self) -> None:
        """Stop watching the app, and let go of the rows: they are kept for the desk
        (`ROWS_KEPT`) while they are of the store as it is; a closed screen (referred to until
        the collector finds it, or for good if frozen meanwhile) must not keep older ones."""
        stop_watching(self.app, "language", self)
        self.data = TableData([], [], [], [])
        self.items, self.rows, self._haystacks, self._filtered = [], [], [], None
        for view in self._widgets:  # (`self.query` finds nothing by now)
            if isinstance(view, TableView):
                view.rows, view.order = [], []
                view._cache.clear()
        # Textual keeps each widget's styles cache (and with it the widget's drawn lines) in
        # an `lru_cache` of 1,024 entries (`StylesCache.get_inner_outer`, keyed by the cache):
        # every ledger or entities list ever closed left ~370 strips and ~5,000 objects
        # there, walked by each full collection of the garbage collector, which grew with
        # each reopen (a filter letter's p95, issue 19). Emptied, the entry holds nothing.
        for widget in self._widgets:
            widget._styles_cache.clear()
        self._widgets = []

    def table_data(self, items: list[Any], lang: DisplayLang) -> "TableData":
        """The rows of the items, with what the filter and the sorts need (the first order
        sorted here, in the worker)."""
        built = self.rows_of(items, lang)
        table = TableData(items, [row for row, _text, _keys in built],
                          [folded(text) for _row, text, _keys in built], [keys for _row, _text, keys in built])
        table.texts_in(self.DEFAULT_SORT, self.COLUMNS[self.DEFAULT_SORT].numeric if self.COLUMNS else False)
        return table

    def _first_rows(self, items: list[Any], rows: list[TableRow]) -> None:
        """The first screenful, until every row is read (`_loaded`): the cursor moves in it
        and Enter opens a row; what is typed in the filter meanwhile is applied then."""
        if self.loaded or not self.is_attached:  # (not is_mounted: False until on_mount returns)
            return
        self.items = items
        self.rows = rows
        self.table.show(rows, list(range(len(rows))))
        self._heading()
        self.query_one(".table-status", Static).update(
            lit(words(self)("Reading the rest…"), DIM))

    def _failed(self, message: str) -> None:
        if not self.is_attached:
            return
        self.query_one(".table-status", Static).update(lit(message, "$error"))

    def _loaded(self, table: "TableData") -> None:
        """Show the rows read."""
        self.data = table
        self.items = table.items
        self.rows = table.rows
        self._haystacks = table.haystacks
        self.loaded = True
        self.refilter()

    def rebuild(self) -> None:
        """Make the rows again from the items (the language changed)."""
        if self.loaded:
            cursor = self.table.current
            self._loaded(self.table_data(self.items, self.lang))
            if cursor is not None:
                self.refilter(cursor.id)
        self.query_one(".table-title", Static).update(self.title_line())
        self.filter_box.placeholder = words(self)(self.PLACEHOLDER)

    def _language_changed(self) -> None:
        """`L`, here or on a screen under this one: the titles, headings and rows in the new
        language (the rows are made again from the items read, nothing is read again)."""
        self.rebuild()
        if self.loaded:
            self._heading()
        self.query_one(KeyFooter).redraw()

    # -- filtering and sorting ------------------------------------------------------------

    def _order(self) -> list[int]:
        return self.data.order(self.sort_column, self.descending)

    def refilter(self, cursor_id: str | None = None, *, top: bool = False) -> None:
        """Show the rows that match the filter, in the sort order; the cursor stays on its row
        (`top`: goes to the first, after a new sort)."""
        query = self.filter_box.value
        words = query_words(query)
        whole = order = self._order()
        # Typing on: the rows matching the words so far are the only candidates (the same
        # order, the same words each a longer one or kept).
        last = self._filtered
        if words and last is not None and last[0] is whole and extends(last[1], words):
            order = matching(last[2], self._haystacks, words)
        elif words:
            order = matching(whole, self._haystacks, words,
                             self.data.texts_in(self.sort_column, self.descending))
        self._filtered = (whole, words, order) if words else None
        table = self.table
        cursor_row = None
        if cursor_id is None and not top and table.current is not None:
            if table.rows is self.rows:  # the row under the cursor, by its number (no search)
                cursor_row = table.order[table.cursor]
            else:  # the first screenful's rows: found by id
                cursor_id = table.current.id
        table.show(self.rows, order, cursor_id, cursor_row=cursor_row)
        self._heading()
        # (one line high, always: no layout of the screen for it)
        self.query_one(".table-status", Static).update(self.status_line(len(order), query), layout=False)
        self.shown_query = query

    def status_line(self, shown: int, query: str) -> Content:
        _ = words(self)
        total = len(self.rows)
        if not total:
            return lit(_("Nothing in the store yet."), "italic")
        if query.strip() and not shown:
            return lit(_("Nothing matches “{query}” — Esc clears the filter.").format(query=query), "italic")
        counted = (_("{shown} of {total}").format(shown=f"{shown:,}", total=f"{total:,}")
                   if shown != total else f"{total:,}")
        if not self.SORTABLE:
            return lit(_("{counted} · Enter opens it in its trip, Esc goes back").format(counted=counted), DIM)
        column = self.COLUMNS[self.sort_column]
        # A count is sorted the most first; another column A to Z (or oldest first).
        natural = self.descending == column.numeric
        order = (_("{counted} · sorted by {column}") if natural else
                 _("{counted} · sorted by {column} (reversed)"))
        return lit(order.format(counted=counted, column=column.heading(self.lang))
                   + _(" · Enter opens, Tab sorts, Esc goes back"), DIM)

    def _heading(self) -> None:
        key = self.COLUMNS[self.sort_column].key if self.SORTABLE else None
        heading = self.table.heading(self.lang, key, self.descending)
        head = self.query_one(".table-head", Static)
        if heading != self._shown_heading:  # (the same on every letter typed: not drawn again)
            self._shown_heading = heading
            head.update(heading, layout=False)  # one line high, always

    def on_resize(self) -> None:
        self.call_after_refresh(self._heading)

    @on(Input.Changed, ".table-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.loaded:
            self.refilter()

    def on_key(self, event: events.Key) -> None:
        """A letter typed while the filter box has no focus goes into it, unless it is one of
        the keys the footer shows (`L`, `/`, `?`, `q`): type-to-filter, and those keys still work."""
        box = self.filter_box
        if self.focused is box or not event.is_printable or not event.character:
            return
        if event.key in self.active_bindings:
            return
        event.stop()
        event.prevent_default()
        box.focus()
        box.insert_text_at_cursor(event.character)

    @on(TableView.Selected)
    def _selected(self, event: TableView.Selected) -> None:
        event.stop()
        self.open_row(event.row)

    def on_click(self, event: events.Click) -> None:
        """A click on a column heading sorts by it (again: reverses)."""
        head = self.query_one(".table-head", Static)
        if event.widget is not head or not self.SORTABLE:
            return
        offset = event.get_content_offset(head)
        if offset is None:
            return
        x = 0
        for index, size in enumerate(self.table.sizes()):
            if x <= offset.x < x + size + 1:
                if index == self.sort_column:
                    self.action_reverse()
                else:
                    self.sort_column, self.descending = index, self.COLUMNS[index].numeric
                    self.refilter(top=True)
                return
            x += size + 1

    # -- actions --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("sort", "reverse") and not self.SORTABLE:
            return False  # not in the footer either
        return True

    def action_open(self) -> None:
        self.table.select()

    def action_filter(self) -> None:
        self.filter_box.focus()

    def action_move(self, delta: int) -> None:
        self.table.move(delta)

    def action_page(self, delta: int) -> None:
        self.table.page(delta)

    def action_first(self) -> None:
        self.table.move_to(0)

    def action_last(self) -> None:
        self.table.move_to(len(self.table.order) - 1)

    def action_sort(self, step: int) -> None:
        if not self.SORTABLE:
            return
        self.sort_column = (self.sort_column + step) % len(self.COLUMNS)
        self.descending = self.COLUMNS[self.sort_column].numeric  # counts: the most first
        if self.loaded:
            self.refilter(top=True)

    def action_reverse(self) -> None:
        if not self.SORTABLE:
            return
        self.descending = not self.descending
        if self.loaded:
            self.refilter(top=True)

    def action_close(self) -> None:
        box = self.filter_box
        if box.value or self.focused is box:
            box.value = ""
            self.set_focus(None)  # the screen's letter keys work again
            return
        self.app.pop_screen()
