"""`/`: search everything (titles, descriptions, names, agreements, quotes; Korean or English).

A modal with an input and a results list. The search runs in a worker a moment after the
last key stroke; a newer query stops the older one inside SQLite, on a connection of its own
(`DeskData.search`), so nothing typed or pasted holds up the desk. A query longer than a
search takes (`textindex.query_problem`) is refused at once, with a message, without a worker. Enter in the input, or on a result,
closes the modal with that hit; the main screen then jumps to its trip, day or event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from ...i18n import N_, translator
from ...model import AGREEMENT_KIND_NAMES
from ...store import queries
from ...store.textindex import query_problem, term_spans
from ..data import SearchStopped
from ..keys import DIALOG_KEYS, EDIT_KEYS
from ..render import DIM, Fitted, fit_str, kind_label, lit, one_line, words
from ..rowlist import Row, RowList

if TYPE_CHECKING:
    from ...model import DisplayLang

DEBOUNCE_SECONDS = 0.12
SEARCH_LIMIT = 200  # hits a search lists (DeskData.search's default)
# The kinds of hit Tab steps through (None: every kind). A stop without a day counts as a day.
KIND_FILTERS: tuple[str | None, ...] = (None, "trip", "day", "event", "agreement", "quote",
                                        "organisation", "person")
FILTER_OF_KIND = {"stop": "day"}
PLACEHOLDERS = (N_("e.g. Blizzard, 협약, Seattle"), N_("e.g. Blizzard, 협약"), N_("e.g. Blizzard"))
TYPE_TO_SEARCH = N_("Type to search; Enter goes to the first hit, ↓ to the list.")
KIND_WIDTH = 13


@dataclass
class LastSearch:
    """The search the dialog was left with: shown again as it was when it is opened again."""

    query: str
    hits: list[queries.SearchHit]
    prompts: list[Content]
    highlighted: int | None
    kind: str | None = None  # the kind of hit shown (None: all)


@dataclass
class SearchMemory:
    """What the desk remembers of its searches while it runs: the queries (newest last, each
    once), which ↑ recalls, and the last search."""

    history: list[str] = field(default_factory=list)
    last: LastSearch | None = None
    size: int = 50

    def remember(self, query: str) -> None:
        query = query.strip()
        if query:
            if query in self.history:
                self.history.remove(query)
            self.history.append(query)
            del self.history[:-self.size]


@dataclass
class SearchDone(Message):
    """A search's hits, and each one's lines for the results list (built in the worker: 200 of
    them take 20-40 ms, which the UI thread would spend while the user types)."""

    query: str
    hits: list[queries.SearchHit]
    prompts: list[Content]
    error: str | None = None
    kind: str | None = None  # the hits are those of one kind only (a search for it alone)


def kind_of(hit: queries.SearchHit) -> str:
    """The kind a hit is filtered and counted as."""
    return FILTER_OF_KIND.get(hit.kind, hit.kind)


def kind_counts(hits: list[queries.SearchHit]) -> dict[str, int]:
    """How many of the hits are of each kind."""
    counts = {kind: 0 for kind in KIND_FILTERS[1:]}
    for hit in hits:
        kind = kind_of(hit)
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def kind_row(hits: list[queries.SearchHit], chosen: str | None, lang: DisplayLang,
             form: int = 0, counts: dict[str, int] | None = None) -> Content:
    """`all 24 · trip 3 · day 6 · ...  tab: kind`: the hits of each kind, the kind shown
    marked, and the key that steps through them; `form` 1 and 2 are narrower. (`counts`:
    the hits' `kind_counts`, when they were counted before.)"""
    _ = translator(lang)
    if counts is None:
        counts = kind_counts(hits)
    total = f"{len(hits)}+" if len(hits) >= SEARCH_LIMIT else str(len(hits))
    space, gap, key = ((" ", " · ", "  " + _("tab: kind")), (" ", "  ", " ⇥"), ("", " ", " ⇥"))[form]
    pieces: list[Content] = []
    for kind in KIND_FILTERS:
        count = total if kind is None else str(counts[kind])
        label = f"{_('all') if kind is None else _(kind)}{space}{count}"
        style = "reverse bold" if kind == chosen else (DIM if count == "0" else "")
        if pieces:
            pieces.append(Content.styled(gap, DIM))
        pieces.append(Content.styled(label, style) if style else Content(label))
    return Content.assemble(*pieces, Content.styled(key, DIM))


MATCH_STYLE = "bold underline"
# How much of a matched text is kept before its first find, in cells, when the find is further
# in than that: enough to read the find in its sentence.
CONTEXT_LEAD = 24
# What an agreement's kind adds to its index row (`store.search_rows`): its code and names.
AGREEMENT_KIND_WORDS = frozenset(
    word for kind, names in AGREEMENT_KIND_NAMES.items() for word in (kind, *names))


def hit_prompt(hit: queries.SearchHit, lang: DisplayLang, query: str) -> Content:
    """Kind, date and the item's label; the trip it belongs to; and, when the words were found
    in another of the item's texts (a description, a name, the other language, an agreement's
    kind), that text from a little before the first find. The query's words are underlined
    where they occur."""
    date = hit.date.isoformat() if hit.date else "—"
    label = one_line(hit.label.get(lang))
    _ = translator(lang)
    lines = [Content.assemble((kind_label(hit.kind, lang, KIND_WIDTH), "$text-secondary"), (date.ljust(11), DIM),
                              _marked(label, term_spans(query, label), "bold")),
             Content.assemble(" " * KIND_WIDTH, (f"{hit.trip_id} · ", DIM),
                              lit(one_line(hit.trip_title.get(lang)), DIM))]
    if hit.reason is not None:  # a place hit: why it is there, in the reader's words
        matched = one_line(queries.reason_text(hit.reason, lang))
    else:
        matched = one_line(hit.matched) if hit.matched else ""
    if matched and matched not in label:
        # An agreement found by its kind's name says so: the name is ours, not the article's.
        field = (_("kind") + ": ", DIM) if hit.kind == "agreement" and matched in AGREEMENT_KIND_WORDS else ""
        spans = term_spans(query, matched)
        start, lead = _first_find_start(matched, spans)
        context = _marked(lead + matched[start:], [(a - start + len(lead), b - start + len(lead))
                                                    for a, b in spans if a >= start], "italic $text-muted")
        lines.append(Content.assemble(" " * KIND_WIDTH, field, context))
    return Content("\n").join(lines)


def _marked(text: str, spans: list[tuple[int, int]], style: str) -> Content:
    """A literal text in `style`, with the spans (the query's words in it) marked."""
    content = lit(text, style)
    for start, end in spans:
        content = content.stylize(MATCH_STYLE, start, end)
    return content


def _first_find_start(text: str, spans: list[tuple[int, int]]) -> tuple[int, str]:
    """Where to begin showing a text: a word or so before its first find, with '…' to put
    before it when that cuts the text (0 and '' when the find is near enough the start)."""
    if not spans or cell_len(text[:spans[0][0]]) <= CONTEXT_LEAD:
        return 0, ""
    find = spans[0][0]
    start = find
    while start > 0 and cell_len(text[start - 1:find]) <= CONTEXT_LEAD:
        start -= 1
    space = text.find(" ", start, find)  # begin at a word when one starts in the lead
    return (space + 1 if space >= 0 else start), "…"


class SearchInput(Input, inherit_bindings=False):
    """The query: a text box whose keys have ids, and Enter goes to the highlighted hit.

    Its example (the placeholder) is the longest of PLACEHOLDERS that fits the box: Input
    would wrap a longer one and show its first line, cut without an ellipsis."""

    BINDINGS = [
        Binding("enter", "submit", "Open", tooltip="Go to the highlighted hit (the first one)",
                id="search.open"),
        Binding("up", "screen.recall", "Earlier", show=False,
                tooltip="The query searched before this one (again: the one before that)",
                id="search.history"),
        *EDIT_KEYS,
    ]

    def on_resize(self) -> None:
        width = self.content_region.width
        examples = [words(self)(p) for p in PLACEHOLDERS]
        self.placeholder = next((p for p in examples if cell_len(p) <= width),
                                fit_str(examples[-1], width))


class SearchResults(RowList, inherit_bindings=False):
    """The hits, two or three lines each, drawn a line at a time (200 hits are listed again
    at each key that changes them: a letter typed, Tab to another kind)."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="search.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="search.up"),
        Binding("g,home", "first", "First", show=False, id="search.first"),
        Binding("G,end", "last", "Last", show=False, id="search.last"),
        Binding("pageup", "page_up", "Page up", show=False, id="search.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="search.page_down"),
        Binding("enter", "select", "Open", tooltip="Go to the highlighted hit", id="search.go"),
    ]


class SearchScreen(ModalScreen["queries.SearchHit | None"]):
    """The search dialog."""

    AUTO_FOCUS = "#search-input"

    BINDINGS = [
        Binding("escape", "close", "Close", id="search.close"),
        Binding("down", "results", "Results", tooltip="From the search box to the hits",
                id="search.to_results"),
        Binding("tab", "kind(1)", "Kind", tooltip="Show the hits of the next kind (or all)",
                id="search.next_kind"),
        Binding("shift+tab", "kind(-1)", "Kind back", show=False,
                tooltip="Show the hits of the kind before", id="search.previous_kind"),
        # The dialog's other keys; ↓ and ↑ move between the box and the hits, Tab is the kind's.
        *(b for b in DIALOG_KEYS if b.key not in ("tab", "shift+tab")),
    ]

    def __init__(self, query: str = "", memory: SearchMemory | None = None) -> None:
        super().__init__(id="search")
        self._memory = memory if memory is not None else SearchMemory()
        # Opened without a query: the last search, as it was left.
        self._restore = self._memory.last if not query else None
        self._initial = query or (self._restore.query if self._restore is not None else "")
        self._recalled = len(self._memory.history)  # ↑ steps back from the newest
        self._prompts: list[Content] = []  # the hits shown (of the kind chosen) and their lines
        self._hits: list[queries.SearchHit] = []
        self._all: tuple[list[queries.SearchHit], list[Content]] = ([], [])  # every kind's
        self._kind: str | None = self._restore.kind if self._restore is not None else None
        self._hits_query: str | None = None
        # For the hits of `_hits_query`: each kind's hits when a search of all stopped at its
        # limit (searched for that kind alone, once), the count of each kind, and the rows
        # built for each hit at its place in a list (Tab back to a kind shows them at once).
        self._kind_hits: dict[str, tuple[list[queries.SearchHit], list[Content]]] = {}
        self._counts: dict[str, int] | None = None
        self._rows: dict[tuple[int, int], tuple[Content, Row]] = {}
        self._searching: str | None = None  # the query last started
        self._timer: Timer | None = None
        self._submit_when_done = False

    @property
    def lang(self) -> DisplayLang:
        return self.app.language  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            _ = words(self)
            yield Static(lit(_("Search everything — Korean or English"), "bold"), id="search-title")
            yield SearchInput(value=self._initial, placeholder=_(PLACEHOLDERS[0]), id="search-input")
            yield Static(lit(_(TYPE_TO_SEARCH), DIM), id="search-status")
            yield Static("", id="search-kinds")
            yield SearchResults(id="search-results")

    def on_mount(self) -> None:
        restore, self._restore = self._restore, None
        if restore is not None:
            self._searching = restore.query
            self._fill(restore.query, restore.hits, restore.prompts)
            if restore.highlighted is not None and restore.highlighted < len(restore.hits):
                self.results.highlighted = restore.highlighted
            return
        if self._initial.strip():
            self._start(self._initial)

    def action_recall(self) -> None:
        """↑ in the search box: the query before the one shown, from the desk's history."""
        history = self._memory.history
        box = self.query_one(SearchInput)
        while self._recalled > 0:
            self._recalled -= 1
            if history[self._recalled] != box.value.strip():
                box.value = history[self._recalled]
                box.cursor_position = len(box.value)
                return
        self.app.bell()

    def _leave(self, hit: queries.SearchHit | None) -> None:
        """Close the dialog (with a hit to go to), remembering the search as it is."""
        query = self.query_one(SearchInput).value
        self._memory.remember(query)
        if self._hits_query == query:
            self._memory.last = LastSearch(query, *self._all, self.results.highlighted, self._kind)
        else:
            self._memory.last = LastSearch(query, [], [], None) if query.strip() else None
        self.dismiss(hit)

    @property
    def results(self) -> SearchResults:
        return self.query_one(SearchResults)

    # -- searching --------------------------------------------------------------------------

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        query = event.value
        if query == self._searching:
            # Already searched: the initial query (the input reports it when it mounts), or
            # typed back to it. Searching again would reset the highlight the user moved.
            return
        self._timer = self.set_timer(DEBOUNCE_SECONDS, lambda: self._start(query))

    def _start(self, query: str) -> None:
        self._searching = query
        problem = query_problem(query) if query.strip() else None
        if not query.strip() or problem:
            self.workers.cancel_group(self, "search")
            self.app.data.stop_searches()  # type: ignore[attr-defined]
            self._fill(query, [], [], problem)
            return
        self.run_search(query)

    def on_unmount(self) -> None:
        self.app.data.stop_searches()  # type: ignore[attr-defined] - nobody waits for it now

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str, kind: str | None = None) -> None:
        """Search a query (with `kind`: its hits of that kind alone, for when a search of every
        kind stopped at its limit before it listed them all)."""
        worker = get_current_worker()
        asked = query if kind is None else f"{kind}: {queries.split_kind(query)[1]}"
        try:
            hits = self.app.data.search(asked, cancelled=lambda: worker.is_cancelled)  # type: ignore[attr-defined]
        except SearchStopped:
            return  # a newer query, or the dialog closed
        except Exception as exc:  # noqa: BLE001 - a bad query is shown, not raised
            self.post_message(SearchDone(query, [], [], str(exc)))
            return
        prompts = []
        for hit in hits:
            if worker.is_cancelled:  # a newer query is on its way
                return
            prompts.append(hit_prompt(hit, self.lang, query))
        self.post_message(SearchDone(query, hits, prompts, kind=kind))

    @on(SearchDone)
    def _done(self, message: SearchDone) -> None:
        if message.query != self.query_one(Input).value:
            return
        if message.kind is not None:  # one kind's hits, beyond those of the search of all
            if message.query == self._hits_query and message.error is None:
                self._kind_hits[message.kind] = (message.hits, message.prompts)
            if message.kind == self._kind and message.query == self._hits_query:
                self._show(message.hits, message.prompts)
            return
        self._fill(message.query, message.hits, message.prompts, message.error)

    def action_kind(self, step: int) -> None:
        """Tab, Shift+Tab: show the hits of the next (previous) kind, or all of them."""
        index = (KIND_FILTERS.index(self._kind) + step) % len(KIND_FILTERS)
        self._kind = KIND_FILTERS[index]
        hits, prompts = self._all
        searched = self._kind_hits.get(self._kind) if self._kind is not None else None
        if searched is not None:  # this kind's own search, done before for this query
            self._show(*searched)
            return
        if (self._kind is not None and len(hits) >= SEARCH_LIMIT and self._hits_query
                and self._searching == self._hits_query):  # (not while a newer query is searched)
            # the search of every kind stopped at its limit: this kind's may not all be there
            self.run_search(self._hits_query, self._kind)
        self._show(*self._of_kind(hits, prompts))

    def _of_kind(self, hits: list[queries.SearchHit],
                 prompts: list[Content]) -> tuple[list[queries.SearchHit], list[Content]]:
        if self._kind is None:
            return hits, prompts
        kept = [i for i, hit in enumerate(hits) if kind_of(hit) == self._kind]
        return [hits[i] for i in kept], [prompts[i] for i in kept]

    def _show(self, hits: list[queries.SearchHit], prompts: list[Content]) -> None:
        """List `hits` (those of the kind chosen) and mark the kind in the row of kinds."""
        self._hits, self._prompts = hits, prompts
        self.results.set_options([self._row(i, prompt) for i, prompt in enumerate(prompts)])
        if hits:
            self.results.highlighted = 0
        everything = self._all[0]
        row = self.query_one("#search-kinds", Static)
        shown = row.display
        row.display = bool(everything)
        if everything:
            if self._counts is None:
                self._counts = kind_counts(everything)
            # (one line high, shown before: its new text needs no layout of the dialog)
            row.update(Fitted(*(kind_row(everything, self._kind, self.lang, form, self._counts)
                                for form in range(3))), layout=not shown)

    def _row(self, index: int, prompt: Content) -> Row:
        """The results' row of a hit at `index` (its id), built once for the search's hits
        (the prompt is kept with it, so that its id stands for no other)."""
        key = (id(prompt), index)
        kept = self._rows.get(key)
        if kept is None:
            kept = self._rows[key] = (prompt, Row(prompt, id=str(index)))
        return kept[1]

    def _fill(self, query: str, hits: list[queries.SearchHit], prompts: list[Content],
              error: str | None = None) -> None:
        self._all, self._hits_query = (hits, prompts), query
        self._kind_hits, self._counts, self._rows = {}, None, {}
        self._show(*self._of_kind(hits, prompts))
        if self._kind is not None and len(hits) >= SEARCH_LIMIT:
            self.run_search(query, self._kind)  # all of the kind shown, not only the first 200's
        status = self.query_one("#search-status", Static)
        _ = words(self)
        if error:
            status.update(lit(one_line(error), "$error"))
        elif not query.strip():
            status.update(lit(_(TYPE_TO_SEARCH), DIM))
        else:
            if not hits:
                said = lit(_("Nothing found for “{query}”.").format(query=query), "italic")
            else:
                said = lit(_.ngettext("{n} hit — Enter goes to the highlighted one, ↓ to the list.",
                                      "{n} hits — Enter goes to the highlighted one, ↓ to the list.",
                                      len(hits)).format(n=len(hits)), DIM)
            notes = queries.query_notes(query)
            if not hits and '"' in query:
                notes.append(queries.NOTE_PHRASE_EMPTY)
            # What the query holds that is not read as the user may mean it, said where its
            # hits are: fewer hits are never a silent surprise.
            status.update(Content("\n").join([said, *(lit(_(note), "$warning") for note in notes)]))
        if self._submit_when_done:
            self._submit_when_done = False
            if self._hits:
                self._leave(self._hits[0])

    # -- choosing ---------------------------------------------------------------------------

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._hits_query == event.value and self._hits:
            index = self.results.highlighted or 0
            self._leave(self._hits[index])
        elif event.value.strip():
            # results not in yet: search now and go to the first hit when they arrive
            if self._timer is not None:
                self._timer.stop()
            self._submit_when_done = True
            self._start(event.value)

    @on(RowList.Selected)
    def _selected(self, event: RowList.Selected) -> None:
        event.stop()
        if event.row_list is self.results and event.option.id is not None:
            self._leave(self._hits[int(event.option.id)])

    @on(RowList.Highlighted)
    def _highlighted(self, event: RowList.Highlighted) -> None:
        # Read the highlighted hit's trip into the cache while the user looks at the list, so
        # that Enter shows it in the frame that closes the dialog (no store read in between).
        if event.option.id is None:
            return
        index = int(event.option.id)
        if index < len(self._hits):
            trip_id = self._hits[index].trip_id
            if self.app.data.cached_trip(trip_id) is None:  # type: ignore[attr-defined]
                self.prefetch(trip_id)

    @work(thread=True, exclusive=True, group="search-prefetch")
    def prefetch(self, trip_id: str) -> None:
        """Load a trip into the desk's cache (a failure is left for the real load to report)."""
        if get_current_worker().is_cancelled:
            return
        try:
            self.app.data.load_trip(trip_id)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a prefetch failing is not the user's problem
            return

    def action_results(self) -> None:
        if self._hits:
            self.set_focus(self.results)  # at once: a ↓ typed right after moves in the list

    def action_close(self) -> None:
        self._leave(None)
