"""The article view (`v`): the source article of the selected record, its excerpts highlighted.

The record is what the timeline has selected: the trip (its own evidence: dates, leader,
delegation), a day (its evidence and its events') or an event (its evidence and that of its
agreements, their status included, and of its quotes; a quote's own words count as its
evidence). Each article cited is one page, in the order the excerpts cite them (then the
record's other sources); every excerpt is highlighted where it occurs, whitespace and
quotation marks aside (`excerpts.ArticleText`, the validator's matcher, both sides in NFC),
and the current one stands out. n / N step from highlight to highlight
(on to the next article after the last), ] / [ from article to article, Esc goes back.

An article whose text the store does not hold (the file was not found at import, or the source
has only a URL) is a page that says where the file was looked for and shows the excerpts alone.

The articles are read in a thread started with the screen (the store is never read on the UI
thread), and the pages built and the first one wrapped there, as far as the screen shows it,
while the screen is mounted: the first frame of the view shows the article (docs/performance.md,
`article_open`). The view is a `DocView` (line API), wrapped at the view's width at character
boundaries, Korean counting two cells.
"""

from __future__ import annotations

import datetime as dt
import threading
import unicodedata
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Protocol

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from ...excerpts import ArticleText
from ...i18n import N_, translator
from ..docview import PAD, DocView
from ..footer import KeyFooter
from ..keys import DIALOG_KEYS
from ..panes.detail import EXCERPT_STYLE, evidence_source
from ..render import DIM, Doc, Fitted, lit, one_line, words

if TYPE_CHECKING:
    from ...model import Agreement, DisplayLang, Evidence, Quote, Source, Trip

HIGHLIGHT_STYLE = "$text-warning on $warning-muted"
CURRENT_STYLE = "bold $text on $accent"
CONTEXT_LINES = 2  # lines shown above the current highlight when it is scrolled to
LOOKED_IN = N_("beside the trip's file, in an articles/ folder beside the data folder, and in the "
               "folders named by --articles or TRIPDESK_ARTICLES")


class StoredArticle(Protocol):
    """An article's text as the store keeps it (`queries.Article`)."""

    file: str | None
    text: str


ReadArticle = Callable[[str], "StoredArticle | None"]
"""Reads the article of a source id of the trip (None: not in the store); called in a worker."""
LookedIn = Callable[[str], "list[str]"]
"""The folders import looked for a source's article file in (for an article not found)."""


# -- what the record rests on ---------------------------------------------------------------


@dataclass(frozen=True)
class Excerpt:
    """An excerpt to highlight: the record it supports, and the sources it may be from (one for
    an evidence item; a quote's own words may stand in any of the quote's sources)."""

    label: str
    text: str
    sources: tuple[str, ...]


def _evidence(label: str, items: tuple[Evidence, ...]) -> list[Excerpt]:
    return [Excerpt(label, item.text, (item.source,)) for item in items]


def record_excerpts(trip: Trip, ref: str, lang: DisplayLang) -> tuple[list[Excerpt], list[str]]:
    """The excerpts of the record `ref` ("trip", "day:<date>", "event:<id>") and of the records
    its detail lists under it, and the record's sources (for articles with no excerpt)."""
    _ = translator(lang)
    what, _colon, ident = ref.partition(":")
    out: list[Excerpt] = []
    sources: list[str] = []
    date = _parse_date(ident) if what == "day" else None
    day = next((d for d in trip.days if d.date == date), None) if date is not None else None
    if what == "stop" and ident.isdigit() and int(ident) < len(trip.stops):
        day = trip.stops[int(ident)]  # a stop without a day: its excerpts as a day's

    def add_agreements_and_quotes(agreements: Iterable[Agreement], quotes: Iterable[Quote]) -> None:
        for agreement in agreements:
            label = f"{_('agreement')}: {one_line(agreement.title.get(lang))}"
            out.extend(_evidence(label, agreement.evidence))
            out.extend(_evidence(f"{label} ({agreement.status.label(lang)})", agreement.status.evidence))
            sources.extend(agreement.sources)
        for quote in quotes:
            label = f"{_('quote')}: {trip.speaker_name(quote, lang)}"
            out.append(Excerpt(label, quote.original.text, quote.sources))
            out.extend(_evidence(label, quote.evidence))
            sources.extend(quote.sources)

    if what == "event" and (found := trip.event(ident)) is not None:
        event = found[1]
        out += _evidence(f"{_('event')}: {one_line(event.title.get(lang))}", event.evidence)
        sources += event.sources
        add_agreements_and_quotes([a for a in trip.agreements if a.event == event.id],
                                  [q for q in trip.quotes if q.event == event.id])
    elif day is not None:
        out += _evidence(f"{_('day')}: {day.date.isoformat()}" if date is not None else f"{_('stop')}: {_(day.when())}",
                         day.evidence)
        for event in day.events:
            out += _evidence(f"{_('event')}: {one_line(event.title.get(lang))}", event.evidence)
            sources += event.sources
    elif date is not None:
        # A day with nothing recorded but what was signed or said on it (as its detail lists).
        add_agreements_and_quotes(trip.agreements_on(date), trip.quotes_on(date))
    if not out and not sources:  # the trip itself, or a day with nothing of its own
        out += _evidence(_("trip"), trip.evidence)
        sources += trip.trip_sources
    return out, list(dict.fromkeys(sources))


def _parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


# -- the pages --------------------------------------------------------------------------------


@dataclass
class Highlight:
    """An excerpt on a page: which excerpt, and where (the page's line and the character offset
    in it where it starts; `end`: where it ends in the article's text, -1 on an excerpts-alone
    page)."""

    excerpt: int
    line: int
    offset: int
    start: int = -1
    end: int = -1


@dataclass
class Page:
    """One article of the view."""

    source_id: str
    source: Source | None
    text: str | None  # None: the store does not hold the article
    file: str | None
    looked_in: list[str] = field(default_factory=list)  # where import looked for the file
    highlights: list[Highlight] = field(default_factory=list)
    missing: list[int] = field(default_factory=list)  # excerpts not found in the text


def build_pages(trip: Trip, excerpts: list[Excerpt], sources: list[str],
                read: ReadArticle, looked_in: LookedIn | None = None) -> list[Page]:
    """Read each article the excerpts cite (then the record's other sources) and place every
    excerpt in the page of the first of its sources whose article holds it (else its first)."""
    pages: dict[str, Page] = {}
    texts: dict[str, ArticleText | None] = {}

    def page(source_id: str) -> Page:
        if source_id not in pages:
            article = read(source_id)
            source = trip.source(source_id)
            # In NFC, as the validator matched it (an article saved on macOS may hold its Hangul
            # decomposed); it looks the same.
            text = unicodedata.normalize("NFC", article.text) if article else None
            pages[source_id] = Page(source_id, source, text,
                                    (article.file if article else None) or (source.file if source else None))
            if article is None and looked_in is not None:
                pages[source_id].looked_in = looked_in(source_id)
            texts[source_id] = ArticleText(text) if text is not None else None
        return pages[source_id]

    for index, excerpt in enumerate(excerpts):
        placed = False
        for source_id in excerpt.sources:
            target = page(source_id)
            text = texts[source_id]
            span = text.find(unicodedata.normalize("NFC", excerpt.text)) if text is not None else None
            if span is not None:
                target.highlights.append(Highlight(index, 0, 0, *span))
                placed = True
                break
        if not placed and excerpt.sources:
            pages[excerpt.sources[0]].missing.append(index)
    for source_id in sources:
        page(source_id)
    out = list(pages.values())
    for item in out:
        _locate(item, excerpts)
    return out


def _locate(page: Page, excerpts: list[Excerpt]) -> None:
    """Put a page's highlights in reading order, each with its line and offset on the page."""
    if page.text is None:
        # the excerpts alone, two lines each (the excerpt, the record), after the heading and
        # the lines saying where the file was looked for
        page.highlights = [Highlight(index, len(_absent_lines(page)) + 1 + 2 * n, 0)
                           for n, index in enumerate(page.missing)]
        page.missing = []
        return
    page.highlights.sort(key=lambda h: (h.start, h.end))
    starts = _line_starts(page.text)
    for highlight in page.highlights:
        line = _line_at(starts, highlight.start)
        highlight.line, highlight.offset = line, highlight.start - starts[line]


def _line_starts(text: str) -> list[int]:
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _line_at(starts: list[int], index: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, index) - 1


def _absent_lines(page: Page, lang: str = "en") -> list[Content]:
    """What an excerpts-alone page says first: that the article is not in the store, and where
    its file was looked for."""
    _ = translator(lang)
    name = f"[{page.source_id}]"
    absent = lit(_("The article of {name} is not in the store.").format(name=name), "bold")
    if page.file and page.looked_in:
        return [absent,
                lit(_("When the trip was imported, {file} was looked for in:").format(file=page.file), "italic"),
                *(lit(f"  {folder}") for folder in page.looked_in),
                lit(_("It was not found there. Put the file in one of those folders (or give its "
                      "folder with --articles or TRIPDESK_ARTICLES) and import the trip again to "
                      "read it here."), "italic"),
                Content("")]
    if page.file:
        return [absent,
                lit(_("When the trip was imported, {file} was looked for {where}; it was not found. "
                      "Put the file in one of those places and import the trip again to read it "
                      "here.").format(file=page.file, where=_(LOOKED_IN)), "italic"),
                Content("")]
    url = page.source.url if page.source is not None else None
    names = (_("The source names no file, only its URL: {url}.").format(url=url) if url
             else _("The source names no file."))
    return [absent,
            lit(names + " " + _("Save the article as a text file, name it in the source's `file:`, "
                                "and import the trip again to read it here."), "italic"),
            Content("")]


def page_doc(page: Page, excerpts: list[Excerpt], current: int | None, lang: str = "en") -> Doc:
    """The page as a document: the article, each excerpt highlighted (`current`, an index into
    `page.highlights`, stands out); or, without the article, where it was looked for and the
    excerpts alone."""
    _ = translator(lang)
    doc = Doc()
    if page.text is None:
        for line in _absent_lines(page, lang):
            doc.line(line, hang=0)
        doc.line((_("Excerpts") + f" ({len(page.highlights)})" if page.highlights
                  else _("No excerpt of this article is recorded for the record."), "bold $accent"))
        for number, highlight in enumerate(page.highlights):
            style = CURRENT_STYLE if number == current else HIGHLIGHT_STYLE
            doc.line(lit(f"“{one_line(excerpts[highlight.excerpt].text)}”", style), indent=2, hang=1)
            doc.line(("— ", DIM), lit(excerpts[highlight.excerpt].label, DIM), indent=4)
        return doc
    text = page.text
    lines = text.split("\n")
    starts = _line_starts(text)
    styled = [lit(line) for line in lines]
    # the current one last: where excerpts overlap, it is drawn over the others
    order = [n for n in range(len(page.highlights)) if n != current]
    if current is not None:
        order.append(current)
    for number in order:
        highlight = page.highlights[number]
        style = CURRENT_STYLE if number == current else HIGHLIGHT_STYLE
        first, last = highlight.line, _line_at(starts, max(highlight.end - 1, highlight.start))
        for index in range(first, last + 1):
            begin = max(highlight.start - starts[index], 0)
            end = min(highlight.end - starts[index], len(lines[index]))
            if end > begin:
                styled[index] = styled[index].stylize(style, begin, end)
    for line in styled:
        doc.line(line, hang=0)
    if page.missing:
        doc.heading(_("Not found in this article") + f" ({len(page.missing)})")
        for index in page.missing:
            doc.line(lit(f"“{one_line(excerpts[index].text)}”", EXCERPT_STYLE), indent=2, hang=1)
            doc.line(("— ", DIM), lit(excerpts[index].label, DIM), indent=4)
    return doc


def wrapped_line(doc: Doc, line: int, offset: int, plain: str, width: int) -> int:
    """The wrapped line (of `doc` wrapped to `width`) that shows character `offset` of its line
    `line`, whose text is `plain`. Wrapping drops the spaces where it breaks, so characters are
    counted without whitespace."""
    target = sum(1 for char in plain[:offset] if not char.isspace())
    y = seen = 0
    for number, piece in doc.iter_numbered(width):
        if number < line:
            y += 1
            continue
        if number > line:
            return max(y - 1, 0)
        count = sum(1 for char in piece.plain if not char.isspace())
        if seen + count > target:
            return y
        seen += count
        y += 1
    return max(y - 1, 0)


def wrap_ahead_to(doc: Doc, target: tuple[int, int, str] | None, width: int, height: int) -> int:
    """Wrap `doc` for `width` ahead of showing it (`Doc.wrap_ahead`), as far as a view `height`
    lines high shows with `target` in view; the wrapped line of `target` (0 without one)."""
    y = wrapped_line(doc, *target, width) if target is not None else 0
    doc.wrap_ahead(width, y + height)
    return y


@dataclass
class Opening:
    """What the view opens on, made in the reading thread: the pages, and the first page to
    show as a document wrapped ahead for the width the view is expected to have."""

    pages: list[Page]
    page_index: int = 0
    current: int | None = None
    doc: Doc | None = None
    at: tuple[int, int] | None = None  # (width, wrapped line of the current highlight)


def open_pages(trip: Trip, excerpts: list[Excerpt], sources: list[str], read: ReadArticle,
               looked_in: LookedIn | None, size: tuple[int, int] | None, lang: str = "en") -> Opening:
    """Read and build the pages, and the first one to show (the first with an excerpt), wrapped
    ahead for a view filling a screen of `size` (its title, status and footer aside)."""
    pages = build_pages(trip, excerpts, sources, read, looked_in)
    if not pages:
        return Opening(pages)
    first = next((i for i, p in enumerate(pages) if p.highlights), 0)
    current = 0 if pages[first].highlights else None
    opening = Opening(pages, first, current, page_doc(pages[first], excerpts, current, lang))
    if size is not None and opening.doc is not None:
        width, height = size[0] - 1 - 2 * PAD, size[1] - 3  # the scrollbar; title, status, footer
        if width > 0 and height > 0:
            target = _target(pages[first], current)
            opening.at = (width, wrap_ahead_to(opening.doc, target, width, height))
    return opening


def _target(page: Page, current: int | None) -> tuple[int, int, str] | None:
    """Where the current highlight is: its line, its offset there, and the line's text."""
    if current is None:
        return None
    highlight = page.highlights[current]
    return highlight.line, highlight.offset, _doc_line_text(page, highlight)


# -- the widgets ------------------------------------------------------------------------------


@dataclass
class ArticlesRead(Message):
    """The pages of the article view, read and built in a thread (or why they could not be)."""

    opening: Opening | None
    error: str | None = None


class ArticleView(DocView):
    """The article, scrolled with the keys of the detail pane; it keeps the current highlight
    in view when it is resized."""

    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False, id="article.down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="article.up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="article.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="article.bottom"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="article.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="article.page_up"),
    ]

    _target: tuple[int, int, str] | None = None  # (line, offset, its text): kept in view
    _pending = False  # scroll to the target once the view is wrapped for its width
    _at: tuple[int, int] | None = None  # the target's wrapped line, found ahead for a width

    def show(self, doc: Doc, target: tuple[int, int, str] | None,
             at: tuple[int, int] | None = None) -> None:
        """Show a page, scrolled to `target` (or to its top); `at`: (width, wrapped line of
        the target) when the document was wrapped ahead (`wrap_ahead_to`)."""
        self._target, self._pending, self._at = target, True, at
        self.update(doc, scroll_home=False)
        self._go_to_target()

    def on_resize(self) -> None:
        # Called before `DocView.on_resize`: wrap for the new width, then find the highlight.
        self._rewrap()
        self._pending = True
        self._go_to_target()

    def _go_to_target(self) -> None:
        width = self._text_width()
        if not self._pending or width <= 0 or self._wrapped_for != width:
            return  # not laid out yet: when it is (`on_resize`)
        self._pending = False
        if self._target is None:
            self.scroll_to(0, 0, animate=False, immediate=True)
            return
        at, self._at = self._at, None
        y = at[1] if at is not None and at[0] == width else wrapped_line(self.doc, *self._target, width)
        height = self.scrollable_content_region.height
        self._wrap_to(y + height)  # the scroll range reaches it
        self.scroll_to(0, max(y - CONTEXT_LINES, 0), animate=False, immediate=True)


class ArticleScreen(Screen[None]):
    """The article view of one record of a trip."""

    AUTO_FOCUS = "#article-view"

    BINDINGS = [
        Binding("n", "step(1)", "Next", tooltip="Next highlighted excerpt (on to the next article)",
                id="article.next"),
        Binding("N", "step(-1)", "Prev", tooltip="Previous highlighted excerpt", id="article.previous"),
        Binding("right_square_bracket", "page(1)", "Article", key_display="[ ]",
                tooltip="Next article of the record", id="article.next_source"),
        Binding("left_square_bracket", "page(-1)", "Prev article", show=False,
                tooltip="Previous article of the record", id="article.previous_source"),
        Binding("escape,q", "close", "Back", tooltip="Back to the desk", id="article.close"),
        *DIALOG_KEYS,  # Screen's focus and copy keys, with ids
    ]

    def __init__(self, trip: Trip, ref: str, lang: DisplayLang, read: ReadArticle,
                 looked_in: LookedIn | None = None, size: tuple[int, int] | None = None) -> None:
        """`read` and `looked_in` are called in a thread; `size`: the screen's, for which the
        first page is wrapped ahead."""
        super().__init__(id="article")
        self.trip, self.ref, self.lang = trip, ref, lang
        self.excerpts, sources = record_excerpts(trip, ref, lang)
        self.pages: list[Page] = []
        self.page_index = 0
        self.current: int | None = None  # index into the page's highlights
        # Read while the screen is being mounted (a worker would start only once it is).
        self._opening: Future[Opening] = Future()

        def prepare() -> None:
            try:
                self._opening.set_result(open_pages(trip, self.excerpts, sources, read, looked_in, size,
                                                      lang))
            except BaseException as exc:  # noqa: BLE001 - shown to the user
                self._opening.set_exception(exc)

        threading.Thread(target=prepare, name="tripdesk-article", daemon=True).start()

    def compose(self) -> ComposeResult:
        yield Static(lit("Article", "bold"), id="article-title")
        yield Static(lit("Reading the article…", DIM), id="article-status")
        yield ArticleView(Doc().line(("Reading the article…", "dim italic")), id="article-view")
        yield KeyFooter(id="article-footer")

    def on_mount(self) -> None:
        if self._opening.done():  # as it mostly is: then the first frame shows the article
            self._read_done(self._read_message())
        else:
            self.wait_for_pages()

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @work(thread=True, exclusive=True, group="article")
    def wait_for_pages(self) -> None:
        self.post_message(self._read_message(wait=True))

    def _read_message(self, wait: bool = False) -> ArticlesRead:
        try:
            return ArticlesRead(self._opening.result(timeout=None if wait else 0))
        except Exception as exc:  # noqa: BLE001 - shown to the user
            return ArticlesRead(None, str(exc) or type(exc).__name__)

    @on(ArticlesRead)
    def _read_done(self, message: ArticlesRead) -> None:
        opening = message.opening
        if opening is None:
            _ = words(self)
            error = message.error or _("unknown error")
            self.query_one("#article-status", Static).update(
                lit(_("The article could not be read: {error}").format(error=one_line(error)), "$error"))
            self.view.show(Doc().line(lit(error)), None)
            return
        self.pages = opening.pages
        if not self.pages:
            self.query_one("#article-title", Static).update(lit(words(self)("No article"), "bold"))
            self.view.show(Doc().line((words(self)("This record names no source, so there is no "
                                                   "article to show."), "italic")), None)
            self._status()
            return
        self._show(opening.page_index, opening.current, opening.doc, opening.at)

    # -- showing ----------------------------------------------------------------------------

    def _show(self, page_index: int, current: int | None, doc: Doc | None = None,
              at: tuple[int, int] | None = None) -> None:
        """Show a page at a highlight (`doc`: the page made ahead, `at` where its highlight is
        once wrapped, as `open_pages` gives them)."""
        self.page_index, self.current = page_index, current
        page = self.pages[page_index]
        if doc is None:
            doc = page_doc(page, self.excerpts, current, self.lang)
        target = _target(page, current)
        where = evidence_source(self.trip, page.source_id, self.lang, style="")
        count = f"{page_index + 1}/{len(self.pages)} " if len(self.pages) > 1 else ""
        # A draft's article (the desk opened on a draft) says so, as the desk's header does.
        _ = words(self)
        draft = (Content.assemble((f" {_('DRAFT — not imported')} ", "bold reverse $warning"), " ")
                 if getattr(self.app, "review", None) is not None else Content(""))
        title = Content.assemble(draft, (count, "bold"), (f"[{page.source_id}] ", DIM), where)
        shorter = Content.assemble(draft, (count, "bold"), where)
        self.query_one("#article-title", Static).update(Fitted(title, shorter))
        self.view.show(doc, target, at)
        self._status()

    def _status(self) -> None:
        total = sum(len(p.highlights) for p in self.pages)
        status = self.query_one("#article-status", Static)
        _ = words(self)
        if not self.pages:
            status.update(lit(_("No article"), DIM))
            return
        page = self.pages[self.page_index]
        if self.current is None:
            what = (_("no excerpt in this article") if total
                    else _("no excerpt recorded for this record"))
            status.update(Fitted(lit(what, "italic")))
            return
        before = sum(len(p.highlights) for p in self.pages[:self.page_index])
        excerpt = self.excerpts[page.highlights[self.current].excerpt]
        status.update(Fitted(Content.assemble(
            (_("excerpt {n} of {total}").format(n=before + self.current + 1, total=total), "bold"), " · ",
            lit(excerpt.label), (" · " + _.ngettext("{n} excerpt not found", "{n} excerpts not found",
                                                    len(page.missing)).format(n=len(page.missing))
                                 if page.missing else "", "$text-warning"))))

    # -- keys -------------------------------------------------------------------------------

    def action_step(self, delta: int) -> None:
        """To the next (1) or previous (-1) highlight, across articles."""
        order = [(p, h) for p, page in enumerate(self.pages) for h in range(len(page.highlights))]
        if not order:
            self.app.bell()
            return
        if self.current is None:
            here = next((i for i, (p, _h) in enumerate(order) if p >= self.page_index), 0)
            target = here if delta > 0 else here - 1
        else:
            target = order.index((self.page_index, self.current)) + delta
        if not 0 <= target < len(order):
            self.app.bell()
            return
        self._show(*order[target])

    def action_page(self, delta: int) -> None:
        target = self.page_index + delta
        if not self.pages or not 0 <= target < len(self.pages):
            self.app.bell()
            return
        self._show(target, 0 if self.pages[target].highlights else None)

    def action_close(self) -> None:
        self.dismiss(None)


def _doc_line_text(page: Page, highlight: Highlight) -> str:
    """The text of the document line a highlight is on (for `wrapped_line`)."""
    if page.text is None:
        return ""
    return page.text.split("\n")[highlight.line]
