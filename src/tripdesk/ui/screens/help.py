"""`?`: every key of the desk, what it does, and its binding id (for remapping).

The list is laid out for the width it is shown at, counting cells (Korean takes two): three
columns (keys, what they do, binding id) when there is room, the description wrapped under
itself; on a narrow screen, keys and what they do (wrapped), then the id on a line of its own.
Columns are always at least one space apart, so every id stands alone.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from ...i18n import N_
from ..keys import DIALOG_KEYS, KEYMAP_ENV
from ..render import DIM, HEADING, INFERRED, INFERRED_STYLE, lit, words

INDENT = 2  # cells before a key
KEY_WIDTH = 14  # the keys' column (wider keys get a line of their own)
MIN_DESCRIPTION = 20  # the narrowest description column of the three-column layout
NARROW_HANG = 4  # under 3 columns: the id and wrapped lines start this far in from the keys
DEFAULT_WIDTH = 85  # the layout before the help is on screen (the widest help box)
KEY_STYLE = "bold $text-accent"
# How `/` reads a query (queries.search), for the help's "Searching" section.
SEARCH_NOTES = (
    N_("• Every word must match; A OR B (OR in capitals) finds the hits of either."),
    N_("• Begin with a kind to keep only its hits: quote: 미국, org: Seattle, agreement:, "
       "event:, day:, trip:, person:."),
    N_("• A place alone (Seattle, California, 캘리포니아, CA, 미국) finds the trips, days and "
       "events there by their places; in quotes (\"Seattle\") it is searched as a word."),
    N_("• Words in quotes are a phrase, found only in that order: \"Seattle Public Library\", "
       "\"시애틀 공공도서관\"."),
    N_("• NOT, a leading - and a small \"or\" are searched as words (the search says so)."),
    N_("• ↑ in the search box recalls earlier queries; the search opens again on the last one, "
       "its hits and the hit you were on."),
)


class HelpScroll(VerticalScroll, inherit_bindings=False):
    """The list of keys, scrolled with the keys of the detail pane (no sideways scrolling)."""

    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False, id="help.down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="help.up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="help.first"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="help.last"),
        Binding("pageup", "page_up", "Page up", show=False, id="help.page_up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="help.page_down"),
    ]


class HelpBody(Widget):
    """The list of keys, laid out for the body's width whenever it is drawn."""

    def __init__(self, help_screen: "HelpScreen", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._help = help_screen

    def get_content_height(self, container, viewport, width: int) -> int:  # noqa: ANN001
        return len(self._help.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._help.lines(self.content_region.width))


class HelpScreen(ModalScreen[None]):
    """The keys, grouped by where they work."""

    AUTO_FOCUS = "#help-scroll"

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
        *DIALOG_KEYS,
    ]

    def __init__(self, sections: list[tuple[str, list[Binding]]], keymap: dict[str, str]) -> None:
        super().__init__(id="help")
        self.sections = sections
        self.keymap = keymap
        self._laid_out: tuple[int, list[Content]] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            _ = words(self)
            yield Static(lit(_("Keys"), "bold"), id="help-title")
            with HelpScroll(id="help-scroll"):
                yield HelpBody(self, id="help-body")
            yield Static(lit(_("Esc, q or ? closes"), DIM), id="help-foot")

    @property
    def content(self) -> Content:
        """The list as shown now (laid out for the body's width)."""
        body = self.query("#help-body")
        width = body.first().content_region.width if body else 0
        return Content("\n").join(self.lines(width or DEFAULT_WIDTH))

    def action_close(self) -> None:
        self.dismiss(None)

    # -- layout -----------------------------------------------------------------------------

    def _keys(self, binding: Binding) -> str:
        keys = self.keymap.get(binding.id or "", binding.key)
        shown = []
        for key in keys.split(","):
            key = key.strip()
            display = self.app.get_key_display(Binding(key, binding.action))
            if display not in shown:
                shown.append(display)
        return " ".join(shown)

    def lines(self, width: int) -> list[Content]:
        """The list laid out for `width` cells (kept until the width changes)."""
        width = max(width, 1)
        if self._laid_out is None or self._laid_out[0] != width:
            self._laid_out = (width, self._lay_out(width))
        return self._laid_out[1]

    def _lay_out(self, width: int) -> list[Content]:
        _ = words(self)
        rows = [(self._keys(b), _(b.tooltip or b.description), b.id or "")
                for _title, bindings in self.sections for b in bindings]
        id_width = max((Content(i).cell_length for _k, _w, i in rows), default=0)
        description = width - INDENT - KEY_WIDTH - 1 - id_width
        columns = description >= MIN_DESCRIPTION
        out: list[Content] = []
        for title, bindings in self.sections:
            if out:
                out.append(Content(""))
            out.extend(_wrap(lit(_(title), HEADING), width))
            for binding in bindings:
                keys = lit(self._keys(binding), KEY_STYLE)
                what = lit(_(binding.tooltip or binding.description))
                ident = lit(binding.id or "", DIM)
                if columns:
                    out.extend(_three_columns(keys, what, ident, description))
                else:
                    out.extend(_stacked(keys, what, ident, width))
        out.append(Content(""))
        out.extend(_wrap(lit(_("Marks"), HEADING), width))
        out.extend(_wrap(Content.assemble((INFERRED, INFERRED_STYLE),
                                          "  " + _("an inferred value: the detail pane gives the reason")),
                         width, INDENT, INDENT + 3))
        out.extend(_wrap(Content.assemble(("--:--", DIM), "  " + _("no time recorded")),
                         width, INDENT, INDENT + 7))
        out.append(Content(""))
        out.extend(_wrap(lit(_("Searching"), HEADING), width))
        for line in SEARCH_NOTES:
            out.extend(_wrap(lit(_(line)), width, INDENT, INDENT + 2))
        out.append(Content(""))
        out.extend(_wrap(lit(_("Remapping keys"), HEADING), width))
        out.extend(_wrap(lit(_("Point {variable} at a TOML file with a [keymap] table of "
                               '"binding.id" = "key,key" lines, e.g. "app.quit" = "ctrl+q".')
                             .format(variable=KEYMAP_ENV)),
                         width, INDENT, INDENT))
        out.extend(_wrap(lit(_("The mouse works too: click a city, trip, day or event."), DIM),
                         width, INDENT, INDENT))
        return out


def _three_columns(keys: Content, what: Content, ident: Content, room: int) -> list[Content]:
    """`  keys          what it does (wrapped under itself)   binding.id`."""
    lead = Content(" " * (INDENT + KEY_WIDTH))
    out: list[Content] = []
    if keys.cell_length > KEY_WIDTH - 1:  # keys too wide for their column: a line of their own
        out.append(Content(" " * INDENT) + keys)
        first = lead
    else:
        first = Content(" " * INDENT) + keys.pad_right(KEY_WIDTH - keys.cell_length)
    pieces = what.wrap(room) if what.plain else [Content("")]
    out.append(first + pieces[0].pad_right(room - pieces[0].cell_length) + Content(" ") + ident)
    out.extend(lead + piece for piece in pieces[1:])
    return out


def _stacked(keys: Content, what: Content, ident: Content, width: int) -> list[Content]:
    """Narrow: `  keys  what it does` (wrapped, hanging), then the id on a line of its own."""
    out = _wrap(Content.assemble(keys, "  ", what), width, INDENT, INDENT + NARROW_HANG)
    out.extend(_wrap(ident, width, INDENT + NARROW_HANG, INDENT + NARROW_HANG))
    return out


def _wrap(content: Content, width: int, first: int = 0, rest: int = 0) -> list[Content]:
    """`content` wrapped to `width` cells: the first line `first` cells in, the others `rest`."""
    room = width - max(first, rest)
    if room < 8:  # too narrow to indent: use the whole width
        first = rest = 0
        room = width
    lines = content.wrap(max(room, 1))
    return [Content(" " * (first if n == 0 else rest)) + line for n, line in enumerate(lines)]
