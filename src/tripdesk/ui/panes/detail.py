"""The detail pane: everything recorded about the selected trip, day or event.

Places, organisations and people, agreements (title, kind, parties, signatories), quotes
(speaker, role, the original text and its translation) and the source of each fact (outlet,
headline, date, file or URL), with inferred values marked and their reasons given. Under each
record, its evidence: the excerpts of its sources it rests on, each as a quotation with its
source (outlet, date, file). The text is one `Content` (literal, wrapped to the pane) in a
scrolling container.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Callable, Iterable, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content

from ...i18n import N_, translator
from ...text import Text
from ..docview import DocView
from ..render import (
    DIM,
    INFERRED,
    INFERRED_STYLE,
    Doc,
    bilingual,
    date_inferred,
    lit,
    one_line,
    place_label,
    places_label,
    weekday,
    words,
)
from .base import DeskPane

if TYPE_CHECKING:
    from ...model import (
        Agreement,
        Day,
        DisplayLang,
        Event,
        Evidence,
        Organisation,
        Person,
        Quote,
        Source,
        Stop,
        Trip,
    )

T = TypeVar("T")

TRANSLATED_STYLE = "dim italic"
EXCERPT_STYLE = "italic"


# -- small pieces -----------------------------------------------------------------------------


def _text_line(text: Text | None, lang: DisplayLang) -> Content:
    """A text, with a note when what is shown is a translation."""
    if not text:
        return Content("")
    body = lit(text.get(lang))
    shown_translation = (text.translated is not None and lang in (text.translated, "both")
                         and text.plain is None)
    if shown_translation and text.translated_by:
        _ = translator(lang)
        body = body + lit(" (" + _("translation: {who}").format(who=_(text.translated_by)) + ")",
                          TRANSLATED_STYLE)
    return body


def _org_name(trip: Trip, org_id: str, lang: DisplayLang) -> str:
    org = trip.organisation(org_id)
    return org.name.get(lang) if org else org_id


def _person_name(trip: Trip, person_id: str, lang: DisplayLang) -> str:
    person = trip.person(person_id)
    return person.name.get(lang) if person else person_id


def _date(value: dt.date | None, inferred: bool = False, lang: str = "en") -> Content:
    if value is None:
        return lit(translator(lang)("date unknown"), DIM)
    return Content.assemble((INFERRED if inferred else "", INFERRED_STYLE), value.isoformat())


def source_line(source: Source, lang: DisplayLang) -> Content:
    """`outlet, “headline”, date, file or URL` for one source."""
    _ = translator(lang)
    published = _date(source.published, "published" in source.inferred, lang=lang)
    where = source.file or source.url or ""
    return Content.assemble(
        (f"[{source.id}] ", DIM), lit(source.outlet.get(lang), "bold"), ", ",
        *(("“", lit(one_line(source.headline.get(lang)), "italic"), "”, ") if source.headline
          else ((_("no headline"), DIM), ", ")), published,
        (", " if where else ""), lit(where, "underline" if source.url and not source.file else ""))


def add_sources(doc: Doc, trip: Trip, ids: Iterable[str], lang: DisplayLang,
                title: str = N_("Sources")) -> None:
    _ = translator(lang)
    seen: list[str] = []
    for source_id in ids:
        if source_id not in seen:
            seen.append(source_id)
    if not seen:
        return
    doc.heading(_(title))
    for source_id in seen:
        source = trip.source(source_id)
        if source is None:
            doc.line((f"[{source_id}] (" + _("not found") + ")", DIM), indent=2)
            continue
        doc.line(source_line(source, lang), indent=2)
        if source.notes:
            for text, note in bilingual(source.notes, lang):
                doc.line(lit(one_line(text), DIM), (f" ({note})" if note else "", DIM), indent=4)
        doc.inferred(source.inferred, lang, indent=4)


def evidence_source(trip: Trip, source_id: str, lang: DisplayLang, style: str = DIM) -> Content:
    """`outlet, date, file` (or the URL when there is no file) of the source an excerpt is from."""
    _ = translator(lang)
    source = trip.source(source_id)
    if source is None:
        return lit(f"[{source_id}] (" + _("not found") + ")", style)
    where = source.file or source.url or ""
    return Content.assemble(lit(source.outlet.get(lang)), ", ",
                            _date(source.published, "published" in source.inferred, lang=lang),
                            (", " if where else ""), lit(where)).stylize(style)


def add_evidence(doc: Doc, trip: Trip, items: Iterable[Evidence], lang: DisplayLang,
                 indent: int = 2) -> None:
    """Each excerpt as a quotation (wrapped under itself), and where it is from below it (once
    under excerpts of the same source that follow one another)."""
    items = list(items)
    for number, item in enumerate(items):
        doc.line(lit(f"“{one_line(item.text)}”", EXCERPT_STYLE), indent=indent, hang=1)
        if number + 1 == len(items) or items[number + 1].source != item.source:
            doc.line(("— ", DIM), evidence_source(trip, item.source, lang), indent=indent + 2)


def _add_evidence_section(doc: Doc, trip: Trip, items: tuple[Evidence, ...],
                          lang: DisplayLang) -> None:
    """The evidence of the record a detail is about, under a heading of its own."""
    _ = translator(lang)
    if items:
        doc.heading(_("Evidence") + f" ({len(items)})")
        add_evidence(doc, trip, items, lang)


def _add_entities(doc: Doc, title: str, kind: str, ids: Iterable[str],
                  find: Callable[[str], T | None], describe: Callable[[T], tuple[str, str]]) -> None:
    """A heading and a line for each entity named once in `ids`: its name in bold and what
    `describe` adds; the bare id when the trip does not hold it."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return
    doc.heading(f"{title} ({len(ids)})")
    for entity_id in ids:
        doc.anchor(f"{kind}:{entity_id}")
        entity = find(entity_id)
        if entity is None:
            doc.line(entity_id, indent=2)
            continue
        name, extra = describe(entity)
        doc.line(lit(name, "bold"), (extra, DIM), indent=2)


def add_organisations(doc: Doc, trip: Trip, ids: Iterable[str], lang: DisplayLang) -> None:
    _ = translator(lang)

    def describe(org: Organisation) -> tuple[str, str]:
        return org.name.get(lang), f" ({_(org.kind)}" + (f", {org.city.get(lang)}" if org.city else "") + ")"

    _add_entities(doc, _("Organisations"), "organisation", ids, trip.organisation, describe)


def add_people(doc: Doc, trip: Trip, ids: Iterable[str], lang: DisplayLang) -> None:
    def describe(person: Person) -> tuple[str, str]:
        role = person.role.get(lang) if person.role else ""
        org = _org_name(trip, person.organisation, lang) if person.organisation else ""
        extra = ", ".join(x for x in (role, org) if x)
        return person.name.get(lang), f" — {extra}" if extra else ""

    _add_entities(doc, translator(lang)("People"), "person", ids, trip.person, describe)


def add_agreements(doc: Doc, trip: Trip, agreements: list[Agreement], lang: DisplayLang) -> None:
    _ = translator(lang)
    if not agreements:
        return
    doc.heading(_("Agreements") + f" ({len(agreements)})")
    for a in agreements:
        doc.anchor(f"agreement:{a.id}")
        doc.line("• ", lit(one_line(a.title.get(lang)), "bold"), indent=2)
        doc.field(_("kind"), _(a.kind), indent=4)
        add_status(doc, a, lang)
        doc.field(_("date"), _date(a.date, "date" in a.inferred, lang=lang), indent=4)
        if a.place:
            doc.field(_("place"), Content.assemble(
                (INFERRED if "place" in a.inferred else "", INFERRED_STYLE),
                lit(place_label(a.place, lang, venue=True))), indent=4)
        doc.field(_("parties"), ", ".join(trip.party_names(a, lang)) or _("not named"), indent=4)
        doc.field(_("signatories"), ", ".join(_person_name(trip, p, lang) for p in a.signatories)
                  or _("not named"), indent=4)
        if a.scope:
            doc.field(_("scope"), _text_line(a.scope, lang), indent=4)
        if a.event:
            found = trip.event(a.event)
            doc.field(_("at"), found[1].title.get(lang) if found else a.event, indent=4)
        doc.field(_("sources"), ", ".join(a.sources), indent=4, style=DIM)
        doc.inferred(a.inferred, lang, indent=4)
        add_evidence(doc, trip, a.evidence, lang, indent=4)
        if a.status.evidence or a.status.inferred:
            doc.line((_("status rests on:"), DIM), indent=4)
            doc.inferred({_("status {field}").format(field=_(k)): v for k, v in a.status.inferred.items()},
                         lang, indent=6)
            add_evidence(doc, trip, a.status.evidence, lang, indent=6)


STATUS_STYLES = {"signed": "bold $success", "cancelled": "$error", "unknown": DIM}


def add_status(doc: Doc, a: Agreement, lang: DisplayLang) -> None:
    """`status: signed · 2013-02-16` (an inferred date marked), in the status's colour."""
    _ = translator(lang)
    status = a.status
    when = _date(status.date, "date" in status.inferred, lang=lang) if status.date else Content("")
    doc.field(_("status"), Content.assemble(
        lit(status.label(lang), STATUS_STYLES.get(status.value, "bold")),
        (" · " if status.date else "", DIM), when), indent=4)


def add_quotes(doc: Doc, trip: Trip, quotes: list[Quote], lang: DisplayLang) -> None:
    _ = translator(lang)
    if not quotes:
        return
    doc.heading(_("Quotes") + f" ({len(quotes)})")
    for q in quotes:
        doc.anchor(f"quote:{q.id}")
        role = q.role.get(lang) if q.role and q.speaker is not None else ""
        when = f" · {q.date.isoformat()}" if q.date else ""
        spoke_for = trip.organisation(q.organisation) if q.organisation else None
        doc.line("• ", lit(trip.speaker_name(q, lang), "bold"),
                 (" (" + _("not named") + ")" if q.speaker is None else "", DIM),
                 lit(f", {role}" if role else ""),
                 lit(f", {spoke_for.name.get(lang)}" if spoke_for else ""), (when, DIM), indent=2)
        doc.line(lit(f"“{q.original.text}”"), (" (" + _("{lang}, original").format(lang=q.original.lang) + ")", DIM), indent=4)
        if q.translation:
            by = (", " + _("translation by {who}").format(who=_(q.translation.by)) if q.translation.by
                  else ", " + _("translation"))
            doc.line(lit(f"“{q.translation.text}”", "italic"), (f" ({q.translation.lang}{by})", DIM),
                     indent=4)
        if q.context:
            doc.field(_("context"), _text_line(q.context, lang), indent=4)
        doc.field(_("sources"), ", ".join(q.sources), indent=4, style=DIM)
        doc.inferred(q.inferred, lang, indent=4)
        add_evidence(doc, trip, q.evidence, lang, indent=4)  # besides its own words, above


# -- the three views --------------------------------------------------------------------------


def trip_doc(trip: Trip, lang: DisplayLang) -> Doc:
    _ = translator(lang)
    doc = Doc()
    doc.line(lit(one_line(trip.title.get(lang)), "bold $accent"))
    home = trip.home_city
    doc.field(_("from"), ", ".join(part for part in (home.name.get(lang), home.province.get(lang),
                                                   home.country) if part)
              + ("" if home.kind == "city" else f" ({_(home.kind)})"))
    doc.field(_("dates"), Content.assemble(
        (INFERRED if "start" in trip.inferred else "", INFERRED_STYLE), trip.start.isoformat(), " – ",
        (INFERRED if "end" in trip.inferred else "", INFERRED_STYLE), trip.end.isoformat(),
        " (" + _.ngettext("{n} day", "{n} days", trip.day_count).format(n=trip.day_count)
        + ("; " + _("reported as {text}").format(text=trip.span_reported.text)
           if trip.span_reported and trip.span_reported.text else "") + ")"))
    doc.field(_("status"), _(trip.status))
    leader = trip.person(trip.leader.person)
    doc.field(_("led by"), f"{leader.name.get(lang) if leader else trip.leader.person}, "
                        f"{trip.leader.role.get(lang)}")
    d = trip.delegation
    if d.description:
        doc.field(_("delegation"), _text_line(d.description, lang))
    if d.head_count is not None:
        doc.field(_("head count"), str(d.head_count))
    if d.officials:
        doc.field(_("officials"), ", ".join(_person_name(trip, p, lang) for p in d.officials))
    if d.companies:
        doc.field(_("companies"), ", ".join(_org_name(trip, o, lang) for o in d.companies))
    if d.institutions:
        doc.field(_("institutions"), ", ".join(_org_name(trip, o, lang) for o in d.institutions))
    places = trip.destinations()
    if places:
        doc.field(_("places"), places_label(places, lang))
    if trip.themes:
        doc.field(_("themes"), ", ".join(t.get(lang) for t in trip.themes))
    if trip.purpose:
        doc.field(_("purpose"), _text_line(trip.purpose, lang))
    doc.field(_("sources"), ", ".join(trip.trip_sources), style=DIM)
    doc.inferred(trip.inferred, lang)
    _add_evidence_section(doc, trip, trip.evidence, lang)
    events = trip.events()
    doc.heading(_("Days") + " (" + _("{days}, {recorded} recorded, {events}").format(
        days=trip.day_count, recorded=len(trip.days),
        events=_.ngettext("{n} event", "{n} events", len(events)).format(n=len(events))) + ")")
    for number, date, day in trip.calendar():
        where = places_label(day.places, lang) if day else ""
        count = " · " + _.ngettext("{n} event", "{n} events", len(day.events)).format(n=len(day.events)) if day and day.events else ""
        doc.line((_("Day {n}").format(n=number) + " ", "bold"), (f"{weekday(date, lang)} ", DIM),
                 _date(date, date_inferred(trip, date, day), lang=lang), " ",
                 lit(where or _("nothing recorded"), "" if where else "dim italic"), (count, DIM), indent=2)
    if trip.stops:
        doc.heading(_("No day given") + f" ({len(trip.stops)})")
        for stop in trip.stops:
            count = " · " + _.ngettext("{n} event", "{n} events", len(stop.events)).format(n=len(stop.events)) if stop.events else ""
            doc.line((_(stop.when()), "bold"), " ", lit(places_label(stop.places, lang)), (count, DIM), indent=2)
    add_agreements(doc, trip, list(trip.agreements), lang)
    add_quotes(doc, trip, list(trip.quotes), lang)
    add_organisations(doc, trip, [o.id for o in trip.organisations], lang)
    add_people(doc, trip, [p.id for p in trip.people], lang)
    add_sources(doc, trip, [s.id for s in trip.sources], lang)
    return doc


def _day_number(trip: Trip, date: dt.date) -> int:
    return (date - trip.start).days + 1


def day_doc(trip: Trip, date: dt.date, lang: DisplayLang) -> Doc:
    _ = translator(lang)
    doc = Doc()
    day: Day | None = next((d for d in trip.days if d.date == date), None)
    doc.line((_("Day {n}").format(n=_day_number(trip, date)) + " ", "bold $accent"), (f"{weekday(date, lang)} ", "bold"),
             (INFERRED if date_inferred(trip, date, day) else "", INFERRED_STYLE),
             (date.isoformat(), "bold"))
    doc.line(lit(one_line(trip.title.get(lang)), DIM))
    if day is None or not (day.events or day.places or day.notes):
        doc.blank().line((_("Nothing recorded for this day."), "italic"))
        agreements, quotes = trip.agreements_on(date), trip.quotes_on(date)
        add_agreements(doc, trip, agreements, lang)
        add_quotes(doc, trip, quotes, lang)
        add_sources(doc, trip, [s for x in (*agreements, *quotes) for s in x.sources], lang)
        return doc
    add_held(doc, trip, day, lang, date)
    return doc


def add_held(doc: Doc, trip: Trip, held: Day | Stop, lang: DisplayLang, date: dt.date | None) -> None:
    """What a day (or a stop without a day) holds: places, notes, its events, the agreements
    and quotes of its events (and, of a day, of its date), who and what they name, sources."""
    _ = translator(lang)
    if held.places:
        doc.field(_("places"), Content.assemble(
            (INFERRED if "places" in held.inferred else "", INFERRED_STYLE),
            lit(places_label(held.places, lang))))
    if held.notes:
        doc.field(_("notes"), _text_line(held.notes, lang))
    doc.inferred(held.inferred, lang)
    add_evidence(doc, trip, held.evidence, lang)
    event_ids = {e.id for e in held.events}
    if held.events:
        doc.heading(_("Events") + f" ({len(held.events)})")
    for event in held.events:
        time = event.time or "--:--"
        doc.line((time, DIM if not event.time else ""), " ",
                 (INFERRED if event.inferred else " ", INFERRED_STYLE), " ",
                 (_(event.kind), "$text-secondary"), " ", lit(one_line(event.title.get(lang)), "bold"),
                 indent=2)
        if event.place:
            doc.field(_("place"), place_label(event.place, lang, venue=True), indent=6)
        if event.organisations:
            doc.field(_("with"), ", ".join(_org_name(trip, o, lang) for o in event.organisations), indent=6)
        if event.people:
            doc.field(_("people"), ", ".join(_person_name(trip, p, lang) for p in event.people), indent=6)
        doc.field(_("sources"), ", ".join(event.sources), indent=6, style=DIM)
        add_evidence(doc, trip, event.evidence, lang, indent=6)
    agreements = [a for a in trip.agreements if (date is not None and a.date == date) or a.event in event_ids]
    quotes = [q for q in trip.quotes if (date is not None and q.date == date) or q.event in event_ids]
    add_agreements(doc, trip, agreements, lang)
    add_quotes(doc, trip, quotes, lang)
    add_organisations(doc, trip, [o for e in held.events for o in e.organisations], lang)
    add_people(doc, trip, [p for e in held.events for p in e.people], lang)
    add_sources(doc, trip, [s for e in held.events for s in e.sources]
                + [s for x in (*agreements, *quotes) for s in x.sources], lang)


def event_doc(trip: Trip, day: Day | Stop, event: Event, lang: DisplayLang) -> Doc:
    _ = translator(lang)
    from ...model import Stop  # the model is read with the first trip, after the first frame

    doc = Doc()
    doc.line(lit(one_line(event.title.get(lang)), "bold $accent"))
    if isinstance(day, Stop):  # no day given: the span it falls in, or the whole trip
        date = Content.assemble((_(day.when()), ""), (" (" + _("no day given") + ")", DIM))
    else:
        date = Content.assemble(
            (_("Day {n}").format(n=_day_number(trip, day.date)) + f" · {weekday(day.date, lang)} ", ""),
            (INFERRED if "date" in event.inferred or date_inferred(trip, day.date, day) else "",
             INFERRED_STYLE), day.date.isoformat())
    when = Content.assemble(
        date, (" · " if event.time else ""), (INFERRED if event.time and "time" in event.inferred else "",
                                               INFERRED_STYLE), event.time or "")
    doc.field(_("when"), when)
    doc.field(_("kind"), _(event.kind))
    if event.place:
        doc.field(_("place"), Content.assemble(
            (INFERRED if "place" in event.inferred else "", INFERRED_STYLE),
            lit(place_label(event.place, lang, venue=True))))
    elif day.places:
        doc.field(_("place"), lit(places_label(day.places, lang)))
    if event.description:
        doc.blank().line(_text_line(event.description, lang), hang=0)
    if event.inferred:
        doc.blank().inferred(event.inferred, lang)
    _add_evidence_section(doc, trip, event.evidence, lang)
    add_organisations(doc, trip, event.organisations, lang)
    add_people(doc, trip, event.people, lang)
    agreements = [a for a in trip.agreements if a.event == event.id]
    quotes = [q for q in trip.quotes if q.event == event.id]
    add_agreements(doc, trip, agreements, lang)
    add_quotes(doc, trip, quotes, lang)
    add_sources(doc, trip, list(event.sources) + [s for x in (*agreements, *quotes) for s in x.sources],
                lang)
    return doc


def stop_doc(trip: Trip, number: int, lang: DisplayLang) -> Doc:
    """A stop without a day: when (a span, or the whole trip), its places, notes and events."""
    _ = translator(lang)
    stop = trip.stops[number]
    doc = Doc()
    when = (_("During the trip") if stop.start is None or stop.end is None
            else _("On {date}").format(date=stop.start) if stop.start == stop.end
            else _("Between {start} and {end}").format(start=stop.start, end=stop.end))
    doc.line((when, "bold $accent"), (" · " + _("no day given"), DIM))
    doc.line(lit(one_line(trip.title.get(lang)), DIM))
    add_held(doc, trip, stop, lang, None)
    return doc


def detail_doc(trip: Trip, ref: str, lang: DisplayLang) -> Doc:
    """The detail for a timeline option id: "trip", "day:<date>", "event:<id>", a stop's
    "stop:<n>", or a "whole trip" record's "agreement:<id>" or "quote:<id>"."""
    what, _colon, ident = ref.partition(":")
    if what == "stop" and ident.isdigit() and int(ident) < len(trip.stops):
        return stop_doc(trip, int(ident), lang)
    if what == "day":
        try:
            return day_doc(trip, dt.date.fromisoformat(ident), lang)
        except ValueError:
            pass
    if what == "event":
        found = trip.event(ident)
        if found is not None:
            return event_doc(trip, found[0], found[1], lang)
    if what in ("agreement", "quote"):  # a "whole trip" row: a record no day holds
        doc = whole_trip_doc(trip, what, ident, lang)
        if doc is not None:
            return doc
    return trip_doc(trip, lang)


def whole_trip_doc(trip: Trip, what: str, ident: str, lang: DisplayLang) -> Doc | None:
    """An agreement or a quote on its own, with its sources (None: the trip has no such)."""
    _ = translator(lang)
    items = trip.agreements if what == "agreement" else trip.quotes
    item = next((x for x in items if x.id == ident), None)
    if item is None:
        return None
    doc = Doc()
    doc.line(lit(one_line(trip.title.get(lang)), "bold $accent"))
    doc.line((_("Whole trip: no day of the timeline holds this agreement") if what == "agreement"
              else _("Whole trip: no day of the timeline holds this quote"), DIM))
    if what == "agreement":
        add_agreements(doc, trip, [item], lang)  # type: ignore[list-item]
        add_organisations(doc, trip, item.parties, lang)  # type: ignore[union-attr]
        add_people(doc, trip, item.signatories, lang)  # type: ignore[union-attr]
    else:
        add_quotes(doc, trip, [item], lang)  # type: ignore[list-item]
    add_sources(doc, trip, item.sources, lang)
    return doc


class DetailScroll(DocView):
    """The scrolling body of the detail pane (focusable, so it can be read with the keys).

    It can be asked to scroll a named line of its document (an agreement, a quote, an
    organisation or a person: see `Doc.anchor`) to the top of the view: at once when the
    view has its width, else as soon as it is laid out.
    """

    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False, id="detail.down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="detail.up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="detail.first"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="detail.last"),
        Binding("space", "page_down", "Page down", show=False, id="detail.page_down"),
    ]

    _anchor: str | None = None  # a line to scroll to once the document is wrapped

    def update(self, doc: Doc, scroll_home: bool = True, anchor: str | None = None) -> None:
        """Show another document (at the line named `anchor`, if given)."""
        self._anchor = anchor
        super().update(doc, scroll_home=False)
        if anchor is None and scroll_home and (self.scroll_offset.x or self.scroll_offset.y):
            # At once (`DocView` scrolls after the next refresh): a line asked for right after
            # this must not be scrolled away again.
            self.scroll_to(0, 0, animate=False, immediate=True)
        self._go_to_anchor()

    def scroll_to_anchor(self, anchor: str) -> None:
        """Scroll the line named `anchor` to the top of the view."""
        self._anchor = anchor
        self._go_to_anchor()

    def on_resize(self) -> None:
        # Called before `DocView.on_resize`: wrap first (the document shown while the view had
        # no width is wrapped now), then go to a line asked for meanwhile.
        if self._anchor is not None:
            self._rewrap()
            self._go_to_anchor()

    def _go_to_anchor(self) -> None:
        name = self._anchor
        width = self._text_width()
        if name is None or width <= 0 or self._wrapped_for != width:
            return  # not wrapped for the view yet: when it is laid out
        self._anchor = None
        index = self.doc.anchor_line(name)
        if index is None:  # not in this document: its top
            self.scroll_to(0, 0, animate=False, immediate=True)
            return
        y = self.doc.wrapped_index(index, width)
        self._wrap_to(y + self.scrollable_content_region.height)  # the scroll range reaches it
        self.scroll_to(0, y, animate=False, immediate=True)


PLACEHOLDER = N_("Details of the selected trip, day or event appear here.")


class DetailPane(DeskPane):
    """The selected trip, day or event."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[str, str, str] | None = None
        self._doc: Doc = Doc().line(PLACEHOLDER)

    def compose(self) -> ComposeResult:
        yield DetailScroll(Doc().line((words(self)(PLACEHOLDER), "dim italic")), id="detail-scroll")

    def on_mount(self) -> None:
        self.border_title = words(self)("Detail")

    def relabel(self) -> None:
        """The title, and the note shown before any trip, in the app's language (a trip's
        detail is drawn again by `show`)."""
        self.border_title = words(self)("Detail")
        if self._shown is None:
            self.clear()

    def clear(self) -> None:
        """No trip's detail: the note that says what appears here (the trip shown is gone)."""
        self._shown = None
        self._doc = Doc().line((words(self)(PLACEHOLDER), "dim italic"))
        self.view.update(self._doc)

    @property
    def view(self) -> DetailScroll:
        return self.query_one(DetailScroll)

    @property
    def text(self) -> str:
        """What the pane shows, as plain text (unwrapped); built only when asked for."""
        return self._doc.build().plain

    def show(self, trip: Trip, ref: str, lang: DisplayLang, force: bool = False,
             anchor: str | None = None, doc: Doc | None = None) -> None:
        """Show a trip ("trip"), a day ("day:<date>") or an event ("event:<id>").

        `anchor` ("agreement:<id>", "quote:<id>", "organisation:<id>", "person:<id>") scrolls
        that item of the detail to the top of the view. `doc`: the detail already built
        (`prepared.prepare`), else it is built here.
        """
        key = (trip.id, ref, lang)
        if key == self._shown and not force:
            if anchor is not None:
                self.view.scroll_to_anchor(anchor)
            return
        same_item = self._shown is not None and self._shown[:2] == key[:2]
        self._shown = key
        doc = self._doc = doc if doc is not None else detail_doc(trip, ref, lang)
        self.view.update(doc, scroll_home=not same_item, anchor=anchor)
