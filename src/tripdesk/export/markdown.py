"""A trip as a Markdown briefing (CommonMark with the GFM table and footnote extensions).

The shape: the title, a list of facts, the itinerary day by day, the agreements as a table, the
quotes as block quotes, the people and organisations, and the sources as footnote definitions
that every event, agreement and quote cites. Inferred values carry a dagger and their reason.

Every record with evidence excerpts (the trip's dates and leader, a day's places, an event, an
agreement, a quote) also cites a footnote of its own, right after its sources', which quotes
the sentences it rests on with their outlet: the reader sees the words behind each fact
without opening the article. Those footnotes are defined under "Evidence", in the order of
the facts, each named by its fact so that the section also reads on its own as plain text.

Every value from the data goes through `escape.inline`, so it reads back as text and never as
markup; the only markup is this module's own.
"""

from __future__ import annotations

import re
from typing import Iterable

from .. import i18n
from ..i18n import N_, translator
from ..model import Agreement, Day, DisplayLang, Event, Evidence, Quote, Source, Stop, Text, Trip
from . import labels as L
from .escape import inline

DAGGER = " " + L.INFERRED_MARK
# A URL becomes an autolink when it is http(s) and all on one line, with no `<`/`>` (which would
# end the autolink). Characters outside the URL-safe set (`|`, `^`, `{`, `"`, non-ASCII...) are
# percent-encoded first, so the link's text and its target are the same working URL.
_URL = re.compile(r"https?://[^\s<>\x00-\x1f\x7f-\x9f\ud800-\udfff]+")
_NOT_URL_SAFE = re.compile(r"[^A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")

# Which line of the facts list (its label, a msgid) carries the dagger of an inferred trip field.
_TRIP_FACT = {
    "home_city": N_("Home city"), "leader": N_("Leader"), "start": N_("Dates"), "end": N_("Dates"),
    "span_reported": N_("Dates"), "status": N_("Status"), "delegation": N_("Delegation"),
    "purpose": N_("Purpose"), "themes": N_("Themes"),
}
# The agreement table's columns that carry their own dagger; the title carries the others'.
_AGREEMENT_COLUMNS = ("kind", "parties", "date", "place")


class _Footnotes:
    """Footnote labels for the sources, and which of them the document cites."""

    def __init__(self, sources: Iterable[Source]) -> None:
        self.labels: dict[str, str] = {}
        taken: set[str] = set()
        for source in sources:
            if source.id in self.labels:
                continue
            base = re.sub(r"[^a-z0-9-]+", "-", source.id.lower()).strip("-") or "source"
            label, n = base, 2
            while label in taken:
                label, n = f"{base}-{n}", n + 1
            taken.add(label)
            self.labels[source.id] = label
        self.cited: set[str] = set()
        self.taken = taken
        # (label, what the fact is, its excerpts) of each evidence footnote, in order.
        self.evidence: list[tuple[str, str, tuple[Evidence, ...]]] = []

    def excerpts(self, what: str, items: tuple[Evidence, ...]) -> str:
        """A reference to a new footnote quoting a fact's excerpts ('' when it has none).
        `what` names the fact (already escaped) in the footnote."""
        if not items:
            return ""
        n = len(self.evidence) + 1
        label = f"evidence-{n}"
        while label in self.taken:  # a source id may be evidence-1 too
            n += 1
            label = f"evidence-{n}"
        self.taken.add(label)
        self.evidence.append((label, what, items))
        return f"[^{label}]"

    def refs(self, source_ids: Iterable[str]) -> str:
        out = []
        for source_id in dict.fromkeys(source_ids):
            label = self.labels.get(source_id)
            if label is not None:  # the loader makes sure every cited source exists
                self.cited.add(source_id)
                out.append(f"[^{label}]")
        return "".join(out)


class _Briefing:
    def __init__(self, trip: Trip, lang: DisplayLang) -> None:
        self.trip = trip
        self.lang = lang
        self.notes = _Footnotes(trip.sources)
        self.out: list[str] = []
        self._ = translator(lang)

    # -- small helpers ------------------------------------------------------------------

    def block(self, *block_lines: str) -> None:
        """Add a block (paragraph, list, table...) with a blank line before it."""
        if self.out:
            self.out.append("")
        self.out.extend(block_lines)

    def name(self, text: Text | None) -> str:
        return inline(L.name(text, self.lang))

    def title(self, text: Text | None) -> str:
        return inline(L.title(text, self.lang))

    def versions(self, text: Text | None) -> list[str]:
        """Each language version of a longer text on one line, translations marked."""
        return [inline(value) + (f" ({note})" if note else "") for value, note in L.versions(text, self.lang)]

    def place(self, place) -> str:  # noqa: ANN001 - model.Place
        return inline(L.place(place, self.lang))

    def people(self, ids: Iterable[str]) -> str:
        return ", ".join(inline(L.person(self.trip, i, self.lang)) for i in ids)

    def organisations(self, ids: Iterable[str], sep: str = ", ") -> str:
        return sep.join(inline(L.organisation(self.trip, i, self.lang)) for i in ids)

    def inferred(self, inferred: dict[str, Text]) -> list[str]:
        return [inline(note) for note in L.inferred_notes(inferred, self.lang)]

    def date(self, date) -> str:  # noqa: ANN001 - datetime.date
        return i18n.long_date(date, self.lang)

    def when(self, holder: Stop) -> str:
        """A stop's span (`during the trip` in the reader's words)."""
        if holder.start is None or holder.end is None:
            return self._("during the trip")
        if holder.start == holder.end:
            return self.date(holder.start)
        return i18n.date_range(holder.start, holder.end, self.lang)

    @staticmethod
    def mark(inferred: dict[str, str] | bool) -> str:
        """The dagger when anything (or the one thing asked about) is inferred."""
        return DAGGER if inferred else ""

    # -- the document -------------------------------------------------------------------

    def render(self) -> str:
        trip = self.trip
        # The title in the first language as the heading (a translation note on a line of its
        # own under it, not in the heading), the other language (if any) under it.
        titles = L.versions(trip.title, self.lang) or [(trip.id, None)]
        (first, note), others = titles[0], titles[1:]
        self.block(f"# {inline(first)}{self.mark(_except(trip.inferred, _TRIP_FACT))}")
        if note:
            self.block(self._("Title: {note}.").format(note=inline(note)))
        for value, other_note in others:
            self.block(inline(value) + (f" ({other_note})" if other_note else ""))
        _ = self._
        if _has_evidence(trip):
            intro = _("Every fact is footnoted to its source (see Sources) and to the words of the source "
                      "it rests on (see Evidence).")
        else:
            intro = _("Every fact is footnoted to its source (see Sources).")
        self.block(intro + " " + _("{mark} marks a value the editors inferred; the reason follows it.").format(
            mark=L.INFERRED_MARK))
        self.facts()
        self.itinerary()
        self.agreements()
        self.quotes()
        self.entities()
        self.evidence()
        self.sources()
        return "\n".join(self.out) + "\n"

    def facts(self) -> None:
        trip, d = self.trip, self.trip.delegation
        marked = {_TRIP_FACT[key] for key in trip.inferred if key in _TRIP_FACT}

        _ = self._

        def fact(label: str, value: str, *more: str) -> list[str]:
            head = f"- **{_(label)}:**" + (f" {value}" if value else "") + (DAGGER if label in marked else "")
            return [head, *(f"  - {m}" for m in more)]

        def long_fact(label: str, text: Text | None) -> list[str]:
            versions = self.versions(text)
            if len(versions) == 1:
                return fact(label, versions[0])
            return fact(label, "", *versions)

        home = trip.home_city
        home_bits = [self.name(home.name), self.name(home.province), inline(home.country)]
        leader = self.people([trip.leader.person])
        role = self.name(trip.leader.role)
        out = fact(N_("Home city"), ", ".join(b for b in home_bits if b)
                   + ("" if home.kind == "city" else f" ({inline(_(home.kind))})"))
        out += fact(N_("Leader"), leader + (f", {role}" if role else ""))
        out += fact(N_("Dates"), f"{i18n.date_range(trip.start, trip.end, self.lang)}, "
                    f"{inline(L.span(trip, self.lang))}"
                    + self.notes.excerpts(_("The trip: its dates, leader and delegation"), trip.evidence))
        out += fact(N_("Status"), inline(trip_status(trip.status, self.lang)))
        parts = []
        for label, ids, render in ((_("officials"), d.officials, self.people),
                                   (_("companies"), d.companies, self.organisations),
                                   (_("institutions"), d.institutions, self.organisations)):
            if ids:
                parts.append(f"{label}: {render(ids)}")
        if d.head_count is not None:
            parts.append(_.ngettext("{n} person in all", "{n} people in all", d.head_count).format(n=d.head_count))
        if parts or d.description:
            out += fact(N_("Delegation"), "; ".join(parts), *self.versions(d.description))
        if trip.purpose:
            out += long_fact(N_("Purpose"), trip.purpose)
        if trip.themes:
            out += fact(N_("Themes"), ", ".join(self.name(t) for t in trip.themes))
        refs = self.notes.refs(trip.trip_sources)
        if refs:
            out += fact(N_("Sources"), refs)
        self.block(*out)
        for note in self.inferred(trip.inferred):
            self.block(note)

    def itinerary(self) -> None:
        _ = self._
        self.block("## " + _("Itinerary"))
        for number, date, day in self.trip.calendar():
            places = "; ".join(self.place(p) for p in day.places) if day else ""
            head = "### " + _("Day {number} · {date}").format(number=number, date=self.date(date)) \
                + (f" · {places}" if places else "")
            if day is not None:
                head += self.notes.excerpts(_("Day {number} ({date}), where the delegation was").format(
                    number=number, date=date.isoformat()), day.evidence)
            self.block(head + (self.mark(day.inferred) if day else ""))
            if day is None:
                self.block(_("Nothing recorded."))
                continue
            self.day(day)
        for stop in self.trip.stops:
            places = "; ".join(self.place(p) for p in stop.places)
            head = "### " + _("No day given · {when}").format(when=self.when(stop)) + (f" · {places}" if places else "")
            head += self.notes.excerpts(_("{when}, where the delegation was").format(when=self.when(stop)),
                                        stop.evidence)
            self.block(head + self.mark(stop.inferred))
            self.day(stop)

    def held_when(self, holder: Day | Stop) -> str:
        """When an event was: its day's date, or (no day given) its stop's span."""
        if isinstance(holder, Stop):
            return self._("{when}, no day given").format(when=self.when(holder))
        return self.date(holder.date)

    def day(self, day: Day | Stop) -> None:
        for note in self.inferred(day.inferred):
            self.block(note)
        for version in self.versions(day.notes):
            self.block(version)
        if day.events:
            self.block(*(line for event in day.events for line in self.event(event, day)))
        elif not day.notes:
            self.block(self._("Nothing recorded.") if not day.places else self._("No events recorded."))

    def event(self, event: Event, day: Day | Stop) -> list[str]:
        head = [f"**{event.time}**"] if event.time else []
        _ = self._
        when = self.when(day) if isinstance(day, Stop) else day.date.isoformat()
        head += [inline(_(event.kind)), self.title(event.title) + self.notes.refs(event.sources)
                 + self.notes.excerpts(f"{self.title(event.title)} ({when})", event.evidence)]
        more = list(self.versions(event.description))
        if event.place is not None and day.places != (event.place,):  # not just the day's heading
            more.append(_("Place: {place}").format(place=self.place(event.place)))
        met = [x for x in (self.organisations(event.organisations), self.people(event.people)) if x]
        if met:
            more.append(_("With: {who}").format(who="; ".join(met)))
        more += self.inferred(event.inferred)
        return ["- " + " · ".join(head) + self.mark(event.inferred), *(f"  - {m}" for m in more)]

    def agreements(self) -> None:
        if not self.trip.agreements:
            return
        _ = self._
        self.block("## " + _("Agreements"))
        header = (_("Agreement"), _("Kind"), _("Parties"), _("Date"), _("Place"))
        rows = ["| " + " | ".join(header) + " |", "| --- | --- | --- | --- | --- |"]
        for a in self.trip.agreements:
            marks = {column: self.mark(column in a.inferred) for column in _AGREEMENT_COLUMNS}
            cells = [
                self.title(a.title) + self.notes.refs(a.sources)
                + self.notes.excerpts(self.title(a.title), a.evidence)
                + self.mark(_except(a.inferred, _AGREEMENT_COLUMNS)),
                inline(_(a.kind)) + marks["kind"],
                ("; ".join(filter(None, [self.organisations(a.parties, "; "),
                                         *(self.name(u.description) + (f" ({u.count})" if u.count else "")
                                           for u in a.unnamed_parties)])) or "—") + marks["parties"],
                (a.date.isoformat() if a.date else "—") + marks["date"],
                (self.place(a.place) if a.place else "—") + marks["place"],
            ]
            rows.append("| " + " | ".join(cells) + " |")
        self.block(*rows)
        details = [line for a in self.trip.agreements for line in self.agreement_details(a)]
        if details:
            self.block(*details)

    def agreement_details(self, a: Agreement) -> list[str]:
        _ = self._
        more = self.status(a)
        more += [_("Scope: {scope}").format(scope=v) for v in self.versions(a.scope)]
        if a.signatories:
            more.append(_("Signed by: {people}").format(people=self.people(a.signatories)))
        found = self.trip.event(a.event) if a.event else None
        if found:
            more.append(_("At: {event} ({when})").format(event=self.title(found[1].title),
                                                        when=self.held_when(found[0])))
        more += self.inferred(a.inferred)
        if not more:
            return []
        return [f"- {self.title(a.title)}{self.mark(a.inferred)}", *(f"  - {m}" for m in more)]

    def status(self, a: Agreement) -> list[str]:
        """`Status: signed, 2013-02-16† — “excerpt”[1]` (nothing for a status the file does not give)."""
        status = a.status
        if status.value == "unknown" and not status.evidence:
            return []
        line = self._("Status: {status}").format(status=inline(status.label(self.lang)))
        if status.date:
            line += f", {status.date.isoformat()}{self.mark('date' in status.inferred)}"
        quoted = [f"“{inline(e.text)}”{self.notes.refs((e.source,))}" for e in status.evidence]
        if quoted:
            line += " — " + "; ".join(quoted)
        return [line, *self.inferred({f"status {k}": v for k, v in status.inferred.items()})]

    def quotes(self) -> None:
        if not self.trip.quotes:
            return
        self.block("## " + self._("Quotes"))
        for q in self.trip.quotes:
            self.quote(q)

    def quote(self, q: Quote) -> None:
        quoted = [f"> {inline(q.original.text)}"]
        t = q.translation
        if t and t.lang != q.original.lang and self.lang in ("both", t.lang):
            quoted += [">", f"> {inline(t.text)} ({L.translation_note(t.by, self.lang)})"]
        speaker = self.trip.person(q.speaker) if q.speaker else None
        role = q.role or (speaker.role if speaker else None)
        if q.speaker is None:  # not named: their role is who they are
            who = [self._("{role} (not named)").format(role=self.name(role))]
        else:
            who = [self.name(speaker.name) if speaker else inline(q.speaker)]
            if role:
                who.append(self.name(role))
        if q.organisation:
            who.append(self.organisations([q.organisation]))
        if q.date:
            who.append(q.date.isoformat() + self.mark("date" in q.inferred))
        quoted += [">", "> — " + ", ".join(who) + self.notes.refs(q.sources)
                   + self.notes.excerpts(self._("The words of {who}").format(who=who[0]), q.evidence)
                   + self.mark(_except(q.inferred, ("date",)))]
        self.block(*quoted)
        found = self.trip.event(q.event) if q.event else None
        if found:
            self.block(self._("Said at: {event} ({when})").format(event=self.title(found[1].title),
                                                                   when=self.held_when(found[0])))
        for version in self.versions(q.context):
            self.block(self._("Context: {context}").format(context=version))
        for note in self.inferred(q.inferred):
            self.block(note)

    def entities(self) -> None:
        trip = self.trip
        if not (trip.people or trip.organisations):
            return
        _ = self._
        self.block("## " + _("People and organisations"))
        if trip.people:
            rows = []
            for p in trip.people:
                about = [self.name(p.role)]
                if p.organisation and not self.named_in_role(p.role, p.organisation):
                    about.append(inline(L.organisation(trip, p.organisation, self.lang)))
                about = [x for x in about if x]
                rows.append(f"- {self.name(p.name)}" + (f" — {', '.join(about)}" if about else "")
                            + self.aliases(p.aliases))
            self.block("### " + _("People"))
            self.block(*rows)
        if trip.organisations:
            rows = []
            for o in trip.organisations:
                about = [x for x in (inline(_(o.kind)), self.name(o.city)) if x]
                rows.append(f"- {self.name(o.name)} — {', '.join(about)}" + self.aliases(o.aliases))
            self.block("### " + _("Organisations"))
            self.block(*rows)

    def aliases(self, aliases: tuple[str, ...]) -> str:
        shown = [inline(a) for a in aliases if a.strip()]
        return " " + self._("(also: {names})").format(names=", ".join(shown)) if shown else ""

    def named_in_role(self, role: Text | None, org_id: str) -> bool:
        """Whether the role already names the organisation in every language shown ("Executive
        Vice Chairman, Korea Defense Industry Association"), so that naming it again is noise."""
        org = self.trip.organisation(org_id)
        if role is None or org is None:
            return False
        shown = ("ko", "en") if self.lang == "both" else (self.lang,)
        pairs = [(org.name.get(code).strip().casefold(), role.get(code).casefold()) for code in shown]
        return all(name and name in role_text for name, role_text in pairs)

    def evidence(self) -> None:
        if not self.notes.evidence:
            return
        self.block("## " + self._("Evidence"))
        self.block(self._("The words each fact rests on, as its source prints them (footnoted where the fact is)."))
        for label, what, items in self.notes.evidence:
            # The excerpts of one source together, then that source once.
            by_source: dict[str, list[str]] = {}
            for e in items:
                by_source.setdefault(e.source, []).append(f"“{inline(e.text)}”")
            quoted = "; ".join(f"{' '.join(texts)} ({self.outlet(source)})" for source, texts in by_source.items())
            self.block(f"[^{label}]: {what}: {quoted}")

    def outlet(self, source_id: str) -> str:
        """A source as an excerpt names it: its outlet, date and file (or URL, or id), which
        tell apart two articles of one outlet or of outlets not named."""
        source = self.trip.source(source_id)
        if source is None:  # the loader makes sure every cited source exists
            return inline(source_id)
        date = source.published.isoformat() if source.published else self._("date not printed")
        where = source.file or source.url or source.id
        if not L.outlet_known(source):  # the file or the web site names it: never "unknown outlet"
            return f"{date}, {inline(where)}"
        return f"{self.name(source.outlet)}, {date}, {inline(where)}"

    def sources(self) -> None:
        self.block("## " + self._("Sources"))
        uncited = [s for s in self.trip.sources if s.id not in self.notes.cited]
        if uncited:
            self.block(self._("Also consulted, not cited above:"))
            self.block(*(f"- {self.source(s)}" for s in uncited))
        done: set[str] = set()
        for s in self.trip.sources:
            if s.id in self.notes.cited and s.id not in done:
                done.add(s.id)
                self.block(f"[^{self.notes.labels[s.id]}]: {self.source(s)}")

    def source(self, s: Source) -> str:
        return L.source_line(s, self.lang, esc=inline, link=_autolink)


def _has_evidence(trip: Trip) -> bool:
    return bool(trip.evidence) or any(day.evidence or any(e.evidence for e in day.events) for day in trip.days) \
        or any(a.evidence for a in trip.agreements) or any(q.evidence for q in trip.quotes)


def _except(inferred: dict[str, str], keys: Iterable[str]) -> dict[str, str]:
    return {k: v for k, v in inferred.items() if k not in keys}


def _autolink(url: str) -> str:
    """`<https://...>` for a plain http(s) URL (percent-encoded where it needs to be); anything
    else is escaped text."""
    if not _URL.fullmatch(url):
        return inline(url)
    encoded = _NOT_URL_SAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), url)
    return f"<{encoded}>"


def trip_status(status: str, lang: str) -> str:
    """`report after the fact` / `announced plan (reported before the trip)`, in the reader's words."""
    _ = translator(lang)
    if status == "announced":
        return _("announced plan (reported before the trip)")
    if status == "reported":
        return _("report after the fact")
    return status


def render_markdown(trip: Trip, lang: DisplayLang = "both") -> str:
    return _Briefing(trip, lang).render()


__all__ = ["render_markdown"]
