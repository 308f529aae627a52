"""A trip as a one-page Markdown brief: what a director reads in two minutes.

The shape (CommonMark with the GFM table and footnote extensions, like the dossier):

- the title, then the trip in two lines: who (the leader, the delegation) and where, when and
  in what status (announced before the trip, or reported after it);
- the outcomes: the agreements with their kind, parties and status (signed, planned...), the
  meetings and with whom, and the leader's key quotes;
- a compact day table, where a run of days with nothing recorded is one row
  ("2월 18일~20일: 기록 없음");
- footnotes: the sources (outlet, date, headline, file and URL where known), then one note on
  the translations and one on the inferred values (marked †), each once and not repeated
  after every paragraph. The reasons themselves, the excerpts and the full texts are in the
  dossier (`tripdesk export --full`, `markdown.render_markdown`).

Every word around the data comes from the gettext catalogs and every date from CLDR in the
language of the labels, and every value from the data goes through `escape.inline`, so it
reads back as text, never as markup.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable

from .. import i18n
from ..i18n import translator
from ..model import Agreement, Day, DisplayLang, Event, Quote, Stop, Text, Trip
from . import labels as L
from .escape import inline
from .markdown import DAGGER, _autolink, _Footnotes, trip_status

# The leader's quotes a brief shows at most (in the order the file gives them): the page is
# for the outcomes, and the dossier has them all.
KEY_QUOTES = 2
TRANSLATION_NOTE = "translation"
INFERRED_NOTE = "inferred"


class _Brief:
    def __init__(self, trip: Trip, lang: DisplayLang) -> None:
        self.trip = trip
        self.lang = lang
        self._ = translator(lang)
        self.notes = _Footnotes(trip.sources)
        # The two notes take labels no source has (`translation`, `inferred`, else with -2...).
        self.note_labels = {key: self._free_label(key) for key in (TRANSLATION_NOTE, INFERRED_NOTE)}
        self.translators: dict[str, None] = {}  # who translated what the brief shows, in order
        self.inferred_fields: dict[str, None] = {}  # what of the shown values was inferred
        self.cited_notes: set[str] = set()
        self.listed: set[str] = set()  # the events the meetings list shows in full
        self.out: list[str] = []

    def _free_label(self, base: str) -> str:
        label, n = base, 2
        while label in self.notes.taken:
            label, n = f"{base}-{n}", n + 1
        self.notes.taken.add(label)
        return label

    # -- small helpers ------------------------------------------------------------------

    def block(self, *lines: str) -> None:
        if self.out:
            self.out.append("")
        self.out.extend(lines)

    def note(self, key: str) -> str:
        """The reference to the translation or inference note, the first time only."""
        if key in self.cited_notes:
            return ""
        self.cited_notes.add(key)
        return f"[^{self.note_labels[key]}]"

    def text(self, text: Text | None, short: bool = True) -> str:
        """A name or title in the brief's language, remembering who translated it."""
        if text is None:
            return ""
        if text.plain is None and text.translated and (self.lang == "both" or text.is_translation(self.lang)
                                                        or not text.get(self.lang)):
            self.translators.setdefault(text.translated_by or "", None)
        return inline(L.name(text, self.lang) if short else L.title(text, self.lang))

    def mark(self, inferred: dict[str, Text], *keys: str) -> str:
        """The dagger (and, the first time, the inference note) when any of `keys` (any at all
        when none given) is inferred."""
        found = [k for k in inferred if not keys or k in keys]
        if not found:
            return ""
        for key in found:
            self.inferred_fields.setdefault(key, None)
        return DAGGER + self.note(INFERRED_NOTE)

    def date(self, date: dt.date) -> str:
        return i18n.day_date(date, self.lang)

    def person(self, person_id: str) -> str:
        found = self.trip.person(person_id)
        return self.text(found.name) if found else inline(person_id)

    def organisation(self, org_id: str) -> str:
        found = self.trip.organisation(org_id)
        return self.text(found.name) if found else inline(org_id)

    def own_side(self) -> tuple[set[str], set[str]]:
        """The delegation's own people and organisations (not "met" by it): the leader, the
        officials, the companies and institutions that travelled, and the home city's bodies."""
        trip, d = self.trip, self.trip.delegation
        people = {trip.leader.person, *d.officials}
        home = {trip.home_city.name.ko, trip.home_city.name.en} - {None, ""}
        orgs = {*d.companies, *d.institutions}
        orgs |= {o.id for o in trip.organisations if o.city is not None and ({o.city.ko, o.city.en} & home)
                 and o.kind == "government"}
        return people, orgs

    # -- the document -------------------------------------------------------------------

    def render(self) -> str:
        trip = self.trip
        self.block(f"# {self.text(trip.title, short=False) or inline(trip.id)}")
        self.block(*self.header())
        self.agreements()
        self.meetings()
        self.quotes()
        self.days()
        self.footnotes()
        return "\n".join(self.out) + "\n"

    def header(self) -> list[str]:
        """Who; where, when and in what status: two lines (a hard line break between them)."""
        _, trip = self._, self.trip
        leader = self.person(trip.leader.person)
        role = self.text(trip.leader.role)
        who = leader + (f", {role}" if role else "") + self.mark(trip.inferred, "leader")
        d = trip.delegation
        party = []
        if d.head_count is not None:
            party.append(_.ngettext("{n} person in all", "{n} people in all", d.head_count).format(n=d.head_count))
        members = [self.organisation(o) for o in (*d.institutions, *d.companies)]
        if members:
            party.append(", ".join(members))
        home = ", ".join(x for x in (self.text(trip.home_city.name), self.text(trip.home_city.province)) if x)
        first = f"**{_('Who')}:** {who}"
        if party:
            first += " · " + _("delegation: {party}").format(party="; ".join(party))
        first += " · " + _("from {home}").format(home=home) + self.mark(trip.inferred, "home_city", "delegation")
        places = [self.text(p.city) for p in trip.destinations()]
        countries = [inline(i18n.country_name(c, self.lang))
                     for c in dict.fromkeys(p.country for p in trip.destinations())]
        where = ", ".join(dict.fromkeys(places)) + (f" ({', '.join(countries)})" if countries else "")
        when = i18n.date_range(trip.start, trip.end, self.lang) + ", " + inline(L.span(trip, self.lang, printed=False))
        second = (f"**{_('Where')}:** {where or '—'} · **{_('When')}:** {when}"
                  + self.mark(trip.inferred, "start", "end", "span_reported")
                  + f" · **{_('Status')}:** {inline(trip_status(trip.status, self.lang))}"
                  + self.mark(trip.inferred, "status") + self.notes.refs(trip.trip_sources))
        return [first + "\\", second]

    def agreements(self) -> None:
        _ = self._
        self.block("## " + _("Agreements"))
        if not self.trip.agreements:
            self.block(_("No agreement reported."))
            return
        rows = ["| " + " | ".join((_("Agreement"), _("Kind"), _("Parties"), _("Status"))) + " |",
                "| --- | --- | --- | --- |"]
        for a in self.trip.agreements:
            rows.append("| " + " | ".join((
                self.text(a.title, short=False) + self.notes.refs(a.sources)
                + self.mark(a.inferred, "title"),
                inline(_(a.kind)) + self.mark(a.inferred, "kind"),
                self.parties(a) + self.mark(a.inferred, "parties"),
                self.status(a),
            )) + " |")
        self.block(*rows)

    def parties(self, a: Agreement) -> str:
        named = [self.organisation(o) for o in a.parties]
        named += [self.text(u.description) + (f" ({u.count})" if u.count is not None else "")
                  for u in a.unnamed_parties]
        return "; ".join(named) or "—"

    def status(self, a: Agreement) -> str:
        status, date = a.status, a.status.date or a.date
        shown = inline(status.label(self.lang))
        if date:
            shown += ", " + inline(i18n.long_date(date, self.lang).replace("\n", " "))
            shown += self.mark(status.inferred, "date") or self.mark(a.inferred, "date")
        return shown + self.notes.refs(e.source for e in status.evidence)

    def meetings(self) -> None:
        """The meetings, and the other events where the delegation met someone, with whom (but
        not a signing the agreements table already gives)."""
        _ = self._
        people, orgs = self.own_side()
        signings = {a.event for a in self.trip.agreements if a.event}
        rows = []
        for holder, event in self.trip.all_events():
            met = [self.organisation(o) for o in event.organisations if o not in orgs]
            met += [self.person(p) for p in event.people if p not in people]
            if (event.kind != "meeting" and not met) or (event.kind == "signing" and event.id in signings):
                continue
            self.listed.add(event.id)
            title = self.text(event.title, short=False)
            named = [self.trip.organisation(o) for o in event.organisations if o not in orgs]
            named += [self.trip.person(p) for p in event.people if p not in people]
            # Not those the title names already (in every language it is shown in).
            met = [shown for shown, record in zip(met, named)
                   if record is None or not self.title_names(title, record.name)]
            line = f"- {self.when(holder)}: {title}"
            if met:
                line += " — " + _("with {who}").format(who=", ".join(met))
            rows.append(line + self.notes.refs(event.sources) + self.mark(event.inferred, "date"))
        self.block("## " + _("Meetings and visits"))
        self.block(*rows) if rows else self.block(_("No meeting reported."))

    def title_names(self, title: str, name: Text) -> bool:
        shown = ("ko", "en") if self.lang == "both" else (self.lang,)
        versions = {inline(name.get(code).strip()) for code in shown} - {""}  # type: ignore[arg-type]
        return bool(versions) and all(_names(title, version) for version in versions)

    def when(self, holder: Day | Stop) -> str:
        if isinstance(holder, Day):
            return self.date(holder.date)
        if holder.start is None or holder.end is None:
            return self._("during the trip")
        return self.range(holder.start, holder.end)

    def range(self, start: dt.date, end: dt.date) -> str:
        return self.date(start) if start == end else i18n.day_range(start, end, self.lang)

    def key_quotes(self) -> list[Quote]:
        """The leader's words, those said on the trip (at an event, or dated) first; shown in
        the file's order."""
        leader = [q for q in self.trip.quotes if q.speaker == self.trip.leader.person]
        chosen = sorted(leader, key=lambda q: not (q.event or q.date))[:KEY_QUOTES]
        return [q for q in leader if q in chosen]

    def quotes(self) -> None:
        quotes = self.key_quotes()
        if not quotes:
            return
        self.block("## " + self._("Key quotes"))
        for q in quotes:
            texts = self.quote_texts(q)
            lines = [f"> {t}" for t in texts]
            who = [self.person(q.speaker)] if q.speaker else []
            if q.date:
                who.append(self.date(q.date) + self.mark(q.inferred, "date"))
            lines.append(f"> — {', '.join(who)}{self.notes.refs(q.sources)}")
            self.block(*[x for pair in zip(lines, [">"] * len(lines)) for x in pair][:-1])

    def quote_texts(self, q: Quote) -> list[str]:
        """The words in the brief's language: the original when it is in that language, else the
        translation (noted once); both in `both`."""
        original, translation = q.original, q.translation
        shown = []
        if self.lang in ("both", original.lang) or translation is None:
            shown.append(inline(original.text))
        if translation is not None and translation.lang != original.lang and self.lang in ("both", translation.lang):
            self.translators.setdefault(translation.by or "", None)
            shown.append(inline(translation.text))
        return shown

    def days(self) -> None:
        """One row a day (a run of days with nothing recorded in one row), then the stops
        without a day."""
        _ = self._
        rows = ["| " + " | ".join((_("Date"), _("Where"), _("What"))) + " |", "| --- | --- | --- |"]
        empty: list[dt.date] = []

        def flush() -> None:
            if empty:
                rows.append(f"| {self.range(empty[0], empty[-1])} | — | {_('nothing recorded')} |")
                empty.clear()

        for _number, date, day in self.trip.calendar():
            if day is None or not (day.places or day.events or day.notes):
                empty.append(date)
                continue
            flush()
            rows.append(self.day_row(self.date(date), day))
        flush()
        for stop in self.trip.stops:
            rows.append(self.day_row(self.when(stop) + " " + _("(no day given)"), stop))
        self.block("## " + _("Day by day"))
        self.block(*rows)

    def day_row(self, when: str, day: Day | Stop) -> str:
        places = "; ".join(self.text(p.city) for p in day.places) or "—"
        # An event the meetings list shows in full is named here by its kind only.
        what = "; ".join(dict.fromkeys(self.event_label(e) for e in day.events))
        if not what:
            what = self._("no events recorded") if day.places or day.notes else self._("nothing recorded")
        return f"| {when} | {places}{self.mark(day.inferred, 'places')} | {what} |"

    def event_label(self, event: Event) -> str:
        if event.id in self.listed:
            return inline(self._(event.kind))
        return self.text(event.title, short=False) + self.mark(event.inferred, "date", "place")

    def footnotes(self) -> None:
        _ = self._
        defs = [f"[^{self.notes.labels[s.id]}]: " + L.source_line(s, self.lang, esc=inline, link=_autolink,
                                                                      notes=False)
                for s in self._cited_sources()]
        if self.translators:  # the title carries the one reference to the note
            self.out[0] += self.note(TRANSLATION_NOTE)
        if TRANSLATION_NOTE in self.cited_notes:
            who = "; ".join(L.translation_note(by or None, self.lang) for by in self.translators)
            defs.append(f"[^{self.note_labels[TRANSLATION_NOTE]}]: "
                        + _("Translated texts: {who}; the originals are in the full dossier.").format(who=who))
        if INFERRED_NOTE in self.cited_notes:
            fields = ", ".join(dict.fromkeys(L.field_name(k, self.lang) for k in self.inferred_fields))
            defs.append(f"[^{self.note_labels[INFERRED_NOTE]}]: "
                        + _("{mark} marks a value the editors inferred ({fields}); the reasons are in the "
                            "full dossier.").format(mark=L.INFERRED_MARK, fields=fields))
        # No command line here: the brief is forwarded to readers who have no tripdesk.
        for line in defs:
            self.block(line)

    def _cited_sources(self) -> Iterable:  # noqa: ANN201 - model.Source
        done: set[str] = set()
        for s in self.trip.sources:
            if s.id in self.notes.cited and s.id not in done:
                done.add(s.id)
                yield s


def _names(text: str, name: str) -> bool:
    """Whether `text` holds `name` as a whole name (`레드먼드 시` is not in `레드먼드 시청`)."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def render_brief(trip: Trip, lang: DisplayLang = "both") -> str:
    """The one-page brief of a trip in Markdown (`render_markdown` is the full dossier)."""
    return _Brief(trip, lang).render()


__all__ = ["render_brief"]
