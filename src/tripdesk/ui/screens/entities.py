"""`o`: organisations and people across trips, and everything that names one of them.

The list: every organisation and person of the store with the number of trips, events,
agreements and quotes naming them (for an organisation, the quotes of its people), sorted by
name or by any count (Tab), filtered by typing a name in either language or an alias
(블리자드 or Blizzard finds Blizzard Entertainment). Enter opens the entity's page
(`EntityScreen`): its trips, oldest first, each followed by its events, agreements and quotes
that name it; Enter on a line opens that record in the timeline and detail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...i18n import N_, translator
from ...store import queries
from ..render import one_line, words
from ..tableview import Column, TableRow
from .table import TableScreen

if TYPE_CHECKING:
    from ...model import DisplayLang

LIST_COLUMNS = (
    Column("name", "name", 16, flex=3),
    Column("kind", "kind", 12, flex=1),
    Column("trips", "trips", 7, numeric=True),
    Column("events", "events", 8, numeric=True),
    Column("agreements", "agreem.", 9, numeric=True),
    Column("quotes", "quotes", 8, numeric=True),
)

def entity_row(e: queries.EntityRow, lang: DisplayLang) -> tuple[TableRow, str, tuple[Any, ...]]:
    name = e.name.get(lang)
    kind = "person" if e.kind == "person" else (e.detail or "organisation")
    _ = translator(lang)
    shown_kind = _(kind)
    if e.kind == "person" and e.detail:  # a person's role, as the sources give it
        shown_kind = e.detail if lang == "ko" else f"{shown_kind}: {e.detail}"
    cells = (name, shown_kind, str(e.trips), str(e.events), str(e.agreements), str(e.quotes))
    words = " ".join([*e.name.all_strings(), *e.aliases, e.id, kind, translator("ko")(kind), e.detail or ""])
    keys = (name.casefold(), shown_kind.casefold(), e.trips, e.events, e.agreements, e.quotes)
    return TableRow(f"{e.kind}:{e.id}", cells), words, keys


class EntitiesScreen(TableScreen):
    """Every organisation and person of the store."""

    COLUMNS = LIST_COLUMNS
    TITLE = N_("Organisations and people — across every trip")
    PLACEHOLDER = N_("type a name or alias, Korean or English (e.g. 블리자드, Blizzard)")

    def __init__(self) -> None:
        super().__init__(id="entities")

    def read(self, data: Any) -> list[queries.EntityRow]:
        return data.read(queries.entities)

    @classmethod
    def read_first(cls, data: Any, lang: DisplayLang, count: int) -> list[queries.EntityRow]:
        """The first by name in the reader's language (the table's first order), counted
        alone: the first names (`queries.first_entity_names`), then the counts of those."""
        def by_name(e: Any) -> str:
            return e.name.get(lang).casefold()

        names = data.read(lambda store: queries.first_entity_names(store, lang, count))
        chosen = [(e.kind, e.id) for e in names]
        # (`entities` reads them in the order ties keep, as the table's stable sort does)
        return sorted(data.read(lambda store: queries.entities(store, chosen)), key=by_name)

    def rows_of(self, items: list[queries.EntityRow], lang: DisplayLang) -> list[tuple[TableRow, str, tuple[Any, ...]]]:
        return [entity_row(e, lang) for e in items]

    def open_row(self, row: TableRow) -> None:
        kind, _, entity_id = row.id.partition(":")
        entity = next((e for e in self.items if e.kind == kind and e.id == entity_id), None)
        if entity is not None:
            self.app.push_screen(EntityScreen(entity))


PAGE_COLUMNS = (
    Column("date", "date", 10),
    Column("what", "record", 10),
    Column("label", "", 20, flex=1),
)

# What a record is (`Mention.what`), words of the catalog.
WHAT_WORDS = (N_("trip"), N_("event"), N_("agreement"), N_("quote"))
TRIP_STYLE = "bold $text-accent"


def mention_rows(mentions: list[queries.Mention], lang: DisplayLang) -> list[tuple[TableRow, str, tuple[Any, ...]]]:
    """A line for each trip (its year, home city and title), then one for each record of it
    that names the entity; a trip that names it only through its records gets its line too."""
    _ = translator(lang)
    out: list[tuple[TableRow, str, tuple[Any, ...]]] = []
    seen: set[str] = set()
    for position, m in enumerate(mentions):
        if m.trip_id not in seen:
            seen.add(m.trip_id)
            title = f"{m.trip_start.year} · {m.home_city.get(lang)} · {one_line(m.trip_title.get(lang))}"
            cells = (m.trip_start.isoformat(), _("trip"), title)
            words = " ".join([title, *m.trip_title.all_strings(), m.trip_id])
            out.append((TableRow(f"{m.trip_id}/trip/", cells, TRIP_STYLE), words, (position,)))
            if m.what == "trip":
                continue
        what = _(m.what)
        label = one_line(m.label.get(lang))
        cells = (m.date.isoformat() if m.date else "—", what, label)
        words = " ".join([label, *m.label.all_strings(), m.what, translator("ko")(m.what), m.trip_id])
        out.append((TableRow(f"{m.trip_id}/{m.what}/{m.ident}", cells), words, (position,)))
    return out


class EntityScreen(TableScreen):
    """Everything that names one organisation or person, trip by trip."""

    COLUMNS = PAGE_COLUMNS
    PLACEHOLDER = N_("type to filter these records")
    SORTABLE = False  # trip by trip, as the page reads

    def __init__(self, entity: queries.EntityRow) -> None:
        super().__init__(id="entity")
        self.entity = entity

    def title_line(self):  # noqa: ANN201 - Content
        from ..render import lit

        e = self.entity
        _ = words(self)
        aliases = _(" (also {aliases})").format(aliases=", ".join(e.aliases)) if e.aliases else ""
        counts = " · ".join((_.ngettext("{n} trip", "{n} trips", e.trips).format(n=e.trips),
                             _.ngettext("{n} event", "{n} events", e.events).format(n=e.events),
                             _.ngettext("{n} agreement", "{n} agreements", e.agreements).format(n=e.agreements),
                             _.ngettext("{n} quote", "{n} quotes", e.quotes).format(n=e.quotes)))
        return lit(f"{e.name.get(self.lang)}{aliases} — {counts}", "bold")

    def cache_key(self) -> tuple[Any, ...]:
        return (self.entity.kind, self.entity.id)

    def read(self, data: Any) -> list[queries.Mention]:
        e = self.entity
        return data.read(lambda store: queries.mentions(store, e.kind, e.id))

    def rows_of(self, items: list[queries.Mention], lang: DisplayLang) -> list[tuple[TableRow, str, tuple[Any, ...]]]:
        return mention_rows(items, lang)

    def open_row(self, row: TableRow) -> None:
        from .main import Wanted

        trip_id, what, ident = row.id.split("/", 2)
        main = self.app.main  # type: ignore[attr-defined]
        while len(self.app.screen_stack) > 1 and self.app.screen is not main:
            self.app.pop_screen()
        if main is not None:  # a trip's line opens the trip; a record's, the record in it
            main.open_trip(Wanted(trip_id, what, ident, focus=True, reveal=True))
