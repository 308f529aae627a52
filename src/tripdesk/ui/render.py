"""Content helpers shared by the panes: literal text, cutting to a width, inferred marks.

Every string that comes from the store goes through `lit()` (or `Content(...)` directly),
which never parses markup: `[@click=app.quit]x[/]` in a trip title stays those characters.
Styles are only ever given by this module's callers, as constants.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from rich.cells import cell_len, get_character_cell_size
from textual.content import Content, Span
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from ..i18n import N_, Translator, translator
from ..text import DISPLAY_LANGS, Text, as_text

if TYPE_CHECKING:
    from ..model import Day, DisplayLang, Place, Trip

INFERRED = "*"
"""The mark put before every inferred value (the same as `tripdesk show`)."""

INFERRED_STYLE = "italic $warning"
DIM = "dim"
HEADING = "bold $accent"

# Each language named in itself, so a reader finds their own whatever the words' language.
LANGUAGE_NAMES: dict[str, str] = {"ko": "한국어", "en": "English", "both": "한국어+English"}
LANGUAGE_CYCLE = DISPLAY_LANGS  # the order `L` goes through them


def next_language(lang: str) -> DisplayLang:
    """The language after `lang` in the cycle Korean → English → both → Korean."""
    try:
        return LANGUAGE_CYCLE[(LANGUAGE_CYCLE.index(lang) + 1) % len(LANGUAGE_CYCLE)]  # type: ignore[arg-type]
    except ValueError:
        return "en"


def words(node: object) -> Translator:
    """The translator of the desk's display language, for a widget or screen (`node.app`)."""
    try:
        lang = getattr(node.app, "language", "en")  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - not attached to an app yet
        lang = "en"
    return translator(lang)


# The kinds of events, statuses and records, words of the catalog (`kind_label`).
KIND_WORDS = (N_("visit"), N_("meeting"), N_("signing"), N_("exhibition"), N_("speech"), N_("travel"),
              N_("networking"), N_("conference"), N_("ceremony"), N_("promotion"), N_("other"),
              N_("announced"), N_("reported"),
              # agreements
              N_("MOU"), N_("business agreement"), N_("joint declaration"), N_("sister-city"),
              N_("letter of intent"), N_("economic agreement"), N_("investment agreement"),
              N_("exchange agreement"), N_("friendship city"),
              # organisations and home cities
              N_("government"), N_("company"), N_("association"), N_("university"), N_("research"),
              N_("venue"), N_("event"), N_("media"), N_("city"), N_("county"), N_("district"), N_("province"), N_("national"),
              # inferred fields
              N_("start"), N_("end"), N_("date"), N_("time"), N_("place"), N_("places"),
              N_("published"), N_("speaker"), N_("year"),
              # who translated
              N_("editors"), N_("article"),
              # a stop without a day (`Stop.when`)
              N_("during the trip"),
              # what a search hit is
              N_("trip"), N_("day"), N_("organisation"), N_("person"), N_("source"), N_("stop"))


def pad_cells(text: str, width: int) -> str:
    """`text` padded with spaces to `width` cells (Korean counts two)."""
    return text + " " * max(width - cell_len(text), 0)


def kind_label(kind: str, lang: str, width: int = 0) -> str:
    """An event's kind in the words' language, padded to `width` cells."""
    return pad_cells(translator(lang)(kind), width)


def lit(text: str | None, style: str = "") -> Content:
    """Literal content: the characters of `text`, never parsed as markup."""
    if not text:
        return Content("")
    return Content.styled(text, style) if style else Content(text)


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """`1 trip`, `4 trips` (`plural` when adding an s will not do: `2 cities`)."""
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def bilingual(text: Text | None, lang: str) -> list[tuple[str, str | None]]:
    """A text as (text, translation note or None) pairs: the display language's (else the
    other's) in `ko` and `en`; in `both` the Korean then the English, neither left out. The
    note (`translation by the editors`, in the words of `lang`) marks a translation."""
    text = as_text(text)
    if not text:
        return []
    if text.plain is not None:
        return [(text.plain, None)]
    _ = translator(lang)
    codes = ["ko", "en"] if lang == "both" else [lang if getattr(text, lang) else ("en" if lang == "ko" else "ko")]
    out: list[tuple[str, str | None]] = []
    for code in codes:
        value = getattr(text, code)
        if value and all(value != shown for shown, _note in out):
            note = None
            if text.is_translation(code):  # type: ignore[arg-type]
                note = (_("translation by {who}").format(who=_(text.translated_by))
                        if text.translated_by else _("translation"))
            out.append((value, note))
    return out


def tx(text: Text | None, lang: DisplayLang) -> str:
    """A model `Text` in the display language ('' for none)."""
    return text.get(lang) if text else ""


def weekday(date: dt.date, lang: DisplayLang) -> str:
    """The weekday's short name in the words' language (CLDR), whatever the process locale."""
    from ..i18n import weekday as cldr_weekday

    return cldr_weekday(date, lang)


def date_inferred(trip: Trip, date: dt.date, day: Day | None = None) -> bool:
    """Whether a calendar day's date rests on an inferred value.

    Days are counted from the trip's start, so an inferred start (typically a year the
    sources do not print) makes every day's date inferred; an inferred end makes the last
    day's; and a day may have its own `inferred.date`.
    """
    if "start" in trip.inferred:
        return True
    if date == trip.end and "end" in trip.inferred:
        return True
    return day is not None and "date" in day.inferred


def place_label(place: Place, lang: DisplayLang, venue: bool = False) -> str:
    label = place.label(lang)
    if venue and place.venue:
        return f"{place.venue.get(lang)}, {label}"
    return label


def places_label(places: Iterable[Place], lang: DisplayLang) -> str:
    return " / ".join(place_label(p, lang) for p in places)


def _fitting(text: str, cells: int) -> int:
    """How many of `text`'s characters fit in `cells` (a double-width one that would stick
    out by half is left out)."""
    used = 0
    for index, char in enumerate(text):
        used += get_character_cell_size(char)
        if used > cells:
            return index
    return len(text)


def fit(content: Content, width: int) -> Content:
    """Cut one line of content to `width` cells, ending in '…' (styled as the text it
    replaces) when it is cut.

    Unlike `Content.truncate`, the ellipsis follows the last character kept: a double-width
    character that does not fit leaves a free cell at the end, not a space before the '…'
    ("가나다…" rather than "가나 …").
    """
    if width <= 0:
        return Content("")
    if content.cell_length <= width:
        return content
    kept = content[:_fitting(content.plain, width - 1)].rstrip()
    replaced = content[len(kept):len(kept) + 1]
    return kept + Content("…", [Span(0, 1, span.style) for span in replaced.spans])


def fit_str(text: str, width: int) -> str:
    """`fit` for a plain string."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return text[:_fitting(text, width - 1)].rstrip() + "…"


class Fitted(Visual):
    """Lines of content that are never wrapped, each cut by `fit` to the width it is drawn at.

    For texts from the store in a widget whose width changes (a dialog, a list of hits):
    CSS `text-overflow: ellipsis` cuts with `Content.truncate`, which puts a space before
    the '…' when the cut falls inside a double-width character.

    `shorter` are other forms of the same text, each shorter than the one before, with as
    many lines: the first form whose lines all fit is drawn whole, and only when none does is
    the shortest cut.
    """

    def __init__(self, content: Content, *shorter: Content) -> None:
        self._forms = [form.split("\n", allow_blank=True) for form in (content, *shorter)]
        if len({len(lines) for lines in self._forms}) > 1:
            raise ValueError("every form of a Fitted text must have as many lines")

    def _form(self, width: int) -> list[Content]:
        return next((lines for lines in self._forms
                     if all(line.cell_length <= width for line in lines)), self._forms[-1])

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((line.cell_length for line in self._forms[0]), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self._forms[0])

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        fitted = Content("\n").join([fit(line, width) for line in self._form(width)])
        return fitted.render_strips(width, height, style, options)


MIN_ROOM = 12
"""The cells a wrapped line of a document keeps for its text, before its indents."""


def narrowed_indents(width: int, indent: int, hang: int) -> tuple[int, int]:
    """The indent and hanging indent a line wrapped to `width` cells keeps: as given while
    they leave `MIN_ROOM` cells for the text, else less (the hang first, then the indent), so
    that a line in a narrow view still wraps whole instead of running past its edge (where
    the view would cut it, with no mark)."""
    short = MIN_ROOM - (width - indent - hang)
    if short > 0:
        cut = min(hang, short)
        hang, short = hang - cut, short - cut
        indent = max(indent - short, 0)
    return indent, hang


_LINE_BREAKS = re.compile(r"[ \t\n\r]*[\t\n\r][ \t\n\r]*")


def one_line(text: str) -> str:
    """Newlines and tabs as spaces, for labels that must stay on one line. Only those: a
    no-break space or an ideographic space in the text stays as it is (`str.split` would
    have made it a plain space, and a title in `both` mode, Korean and English on one line,
    then lost the English half's no-break spaces)."""
    if "\n" not in text and "\t" not in text and "\r" not in text:
        return text
    return _LINE_BREAKS.sub(" ", text).strip(" ")


def join(lines: Sequence[Content]) -> Content:
    return Content("\n").join(lines)


class Doc:
    """Builds a multi-line Content, a line at a time (for the detail pane and dialogs).

    Each line keeps its indent, so `build(width)` can wrap long lines with a hanging indent
    (continuation lines start under the text, not at the left edge).
    """

    def __init__(self) -> None:
        self._lines: list[tuple[int, int, Content]] = []  # (indent, hang, body)
        self._anchors: dict[str, int] = {}  # name -> index of the line it marks
        # `wrap_ahead`: the first lines wrapped for a width, and the rest still to wrap
        self._ahead: tuple[int, list[Content], Iterator[Content] | None] | None = None

    def anchor(self, name: str) -> "Doc":
        """Name the next line (e.g. `agreement:<id>`), so a view can scroll to it. The first
        line given a name keeps it."""
        self._anchors.setdefault(name, len(self._lines))
        return self

    def line(self, *parts: str | Content | tuple[str, str], indent: int = 0, hang: int = 2) -> "Doc":
        """One line from parts: a `str` is literal, `(text, style)` is literal text styled."""
        pieces: list[Content] = []
        for part in parts:
            if isinstance(part, Content):
                pieces.append(part)
            elif isinstance(part, tuple):
                pieces.append(lit(part[0], part[1]))
            else:
                pieces.append(lit(part))
        self._lines.append((indent, hang, Content("").join(pieces) if pieces else Content("")))
        return self

    def heading(self, title: str) -> "Doc":
        if self._lines:
            self.blank()
        return self.line((title, HEADING))

    def field(self, label: str, value: str | Content, indent: int = 0,
              style: str = "") -> "Doc":
        """`label: value`, skipped when value is empty."""
        if not value:
            return self
        body = value if isinstance(value, Content) else lit(value, style)
        return self.line((f"{label}: ", DIM), body, indent=indent)

    def inferred(self, inferred: dict[str, Text], lang: str = "en", indent: int = 0) -> "Doc":
        """One `* field inferred: reason` line per inferred value, in the words of `lang`; a
        reason given in both languages is shown in the display language (its translation
        marked), in `both` the Korean then the English, each on its own line."""
        _ = translator(lang)
        for key, reason in inferred.items():
            head = (f"{INFERRED} " + _("{field} inferred:").format(field=_(key)) + " ", INFERRED_STYLE)
            for text, note in bilingual(reason, lang):
                self.line(head, lit(one_line(text), "italic"),
                          (f" ({note})" if note else "", DIM), indent=indent, hang=2)
                head = ("  ", "")
        return self

    def blank(self) -> "Doc":
        self._lines.append((0, 0, Content("")))
        return self

    def __len__(self) -> int:
        return len(self._lines)

    def lines(self, width: int | None = None) -> list[Content]:
        """The document's lines; with `width`, long lines are wrapped under their own indent."""
        return list(self.iter_lines(width))

    def anchor_line(self, name: str) -> int | None:
        """The index of the (unwrapped) line named `name`, if there is one."""
        return self._anchors.get(name)

    def wrapped_index(self, index: int, width: int | None = None) -> int:
        """Where line `index` starts once the lines before it are wrapped to `width`."""
        count = 0
        for number, _ in self.iter_numbered(width):
            if number >= index:
                break
            count += 1
        return count

    def wrap_ahead(self, width: int, count: int) -> "Doc":
        """Wrap the first `count` lines for `width` now (e.g. in a thread, before the document
        is shown); the view that shows it takes them with `start_wrapped`."""
        rest: Iterator[Content] | None = self.iter_lines(width)
        first: list[Content] = []
        for line in rest:  # type: ignore[union-attr]
            first.append(line)
            if len(first) >= count:
                break
        else:
            rest = None  # all of it
        self._ahead = (width, first, rest)
        return self

    def start_wrapped(self, width: int) -> tuple[list[Content], Iterator[Content] | None]:
        """The lines wrapped ahead for `width` (once) and an iterator of the rest (None: there
        is no more); without them, no lines and an iterator of all (`iter_lines`)."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead[0] == width:
            return list(ahead[1]), ahead[2]
        return [], self.iter_lines(width)

    def iter_lines(self, width: int | None = None) -> Iterator[Content]:
        """`lines()` one at a time, so that a view can wrap only as far as it shows."""
        for _, line in self.iter_numbered(width):
            yield line

    def iter_numbered(self, width: int | None = None) -> Iterator[tuple[int, Content]]:
        """`iter_lines()` with the index of the unwrapped line each wrapped line comes from."""
        for index, (indent, hang, body) in enumerate(self._lines):
            if "\n" in body.plain:
                pieces = body.split("\n")
            elif not width or body.cell_length <= width - indent:
                yield index, (Content(" " * indent) + body if indent else body)
                continue
            else:
                pieces = [body]
            if width:
                indent, hang = narrowed_indents(width, indent, hang)
            room = width - indent - hang if width else 0  # no width: the lines as they are
            for number, piece in enumerate(p for part in pieces
                                           for p in (part.wrap(room) if width else [part])):
                lead = indent + (hang if number else 0)
                yield index, (Content(" " * lead) + piece if lead else piece)

    def build(self, width: int | None = None) -> Content:
        """The document as one Content (wrapped to `width` when given)."""
        return join(self.lines(width))
