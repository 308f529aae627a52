"""A trip's timeline as Rich renderables, for `tripdesk show` (no Textual needed).

Every string from the data goes in as a `rich.text.Text` (never parsed as markup), and every
inferred value is marked with `*` and its reason. With `evidence`, each record is followed by
the excerpts it rests on, quoted, with their source id (`tripdesk show TRIP --evidence`).
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.rule import Rule

from .folding import FoldingText

from .model import DisplayLang, Evidence, Trip
from .i18n import translator, weekday
from .text import as_text


EVIDENCE_STYLE = "green"


def lines_for(trip: Trip, lang: DisplayLang, evidence: bool = False) -> list[tuple[str, str]]:
    """(style, line) pairs: the plain skeleton shared by `show` and tests; with `evidence`,
    the excerpts under each record."""
    _ = translator(lang)
    out: list[tuple[str, str]] = []

    def inferred(key: str, reason: object) -> str:
        return _("{field} inferred:").format(field=_(key)) + " " + as_text(reason).get(lang)  # type: ignore[arg-type]

    def excerpts(items: tuple[Evidence, ...], indent: str) -> None:
        if evidence:
            out.extend((EVIDENCE_STYLE, f"{indent}“{e.text}” ({e.source})") for e in items)

    leader = trip.person(trip.leader.person)
    out.append(("bold", trip.title.get(lang)))
    out.append(("", f"{trip.home_city.name.get(lang)} · {trip.start} .. {trip.end} · "
                    + _.ngettext("{n} day", "{n} days", trip.day_count).format(n=trip.day_count)
                    + (f" ({trip.span_reported.text})" if trip.span_reported and trip.span_reported.text else "")
                + f" · {_(trip.status)}"))
    if leader:
        out.append(("", _("led by {name}, {role}").format(name=leader.name.get(lang),
                                                         role=trip.leader.role.get(lang))))
    for key, reason in trip.inferred.items():
        out.append(("italic", "* " + inferred(key, reason)))
    excerpts(trip.evidence, "  ")
    for number, date, day in trip.calendar():
        places = ", ".join(p.label(lang) for p in day.places) if day else ""
        out.append(("bold cyan", _("Day {n}").format(n=number) + f" · {weekday(date, lang)} {date.isoformat()}"
                    + (f" · {places}" if places else "")))
        if day is None or not (day.events or day.places):
            out.append(("dim", "    " + _("nothing recorded")))
            continue
        for key, reason in day.inferred.items():
            out.append(("italic", "    * " + inferred(key, reason)))
        excerpts(day.evidence, "    ")
        for event in day.events:
            time = event.time or "--:--"
            mark = " *" if event.inferred else ""
            out.append(("", f"  {time}  [{_(event.kind)}] {event.title.get(lang)}{mark}  "
                            f"({', '.join(event.sources)})"))
            for key, reason in event.inferred.items():
                out.append(("italic dim", "      * " + inferred(key, reason)))
            excerpts(event.evidence, "      ")
    if trip.agreements:
        out.append(("bold", _("Agreements")))
        for a in trip.agreements:
            parties = ", ".join(trip.party_names(a, lang))
            out.append(("", f"  {a.date or '?'}  {_(a.kind)}: {a.title.get(lang)} — {parties} "
                            f"({', '.join(a.sources)})"))
            excerpts(a.evidence, "      ")
    if trip.quotes:
        out.append(("bold", _("Quotes")))
        for q in trip.quotes:
            out.append(("", f"  {trip.speaker_name(q, lang)}: “{q.original.text}”"))
            if q.translation and lang != "ko":
                out.append(("dim", "    (" + (_("translation by {who}").format(who=_(q.translation.by))
                                              if q.translation.by else _("translation")) + f") {q.translation.text}"))
            excerpts(q.evidence, "    ")
    out.append(("bold", _("Sources")))
    for s in trip.sources:
        published = s.published.isoformat() if s.published else _("date unknown")
        headline = f"“{s.headline.get(lang)}”" if s.headline else _("no headline")
        out.append(("", f"  {s.id}: {s.outlet.get(lang)}, {headline}, {published}, {s.location}"))
    return out


def render_timeline(trip: Trip, lang: DisplayLang, evidence: bool = False) -> RenderableType:
    parts: list[RenderableType] = []
    for style, line in lines_for(trip, lang, evidence):
        if style == "bold cyan":
            parts.append(Rule(style="dim"))
        parts.append(FoldingText(line, style=style))  # Korean folds at a syllable, nothing lost
    return Group(*parts)


__all__ = ["lines_for", "render_timeline"]
