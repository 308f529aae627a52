"""`a`: the agreements ledger, every agreement of the store in one table.

Date, home city, kind, title, parties, status and trip, oldest first; filtered by typing (in
Korean or English: a title, a party, a city, a status such as 체결 or planned), sorted by
any column (Tab), and Enter opens the agreement in its trip: the timeline on its day, the
detail scrolled to it. `tripdesk agreements` prints the same rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...i18n import N_, NC_, translator
from ...model import AGREEMENT_KIND_NAMES, AGREEMENT_STATUSES, agreement_status_label, agreement_status_names
from ...store import queries
from ..tableview import Column, TableRow
from .table import TableScreen

if TYPE_CHECKING:
    from ...model import DisplayLang

# A kind or status as the ledger's narrow columns show it, where the catalog's word is too
# long ("양해각서(MOU)", "agreed in principle"): in the context SHORT_CONTEXT.
SHORT_CONTEXT = "ledger column"  # (written out in each NC_, which the extractor reads)
SHORT_WORDS = {"MOU": NC_("ledger column", "MOU"), "agreed in principle": NC_("ledger column", "agreed in principle")}

COLUMNS = (
    Column("date", "date", 10),
    Column("city", "city", 8),
    Column("kind", "kind", 10),
    Column("title", "agreement", 16, flex=3),
    Column("parties", "parties", 10, flex=2),
    Column("status", "status", 12),
    Column("trip", "trip", 8, flex=1),
)


def _short(word: str, long: str, lang: DisplayLang) -> str:
    if word in SHORT_WORDS:
        return translator(lang).pgettext(SHORT_CONTEXT, word)
    return long


def status_label(status: str, lang: DisplayLang) -> str:
    """A status in the column's words (`체결·signed` in both)."""
    if lang == "both":
        return "·".join(dict.fromkeys(status_label(status, one) for one in ("ko", "en")))  # type: ignore[arg-type]
    return _short(status, agreement_status_label(status, lang), lang)


def kind_label(kind: str, lang: DisplayLang) -> str:
    """A kind in the column's words (`업무협약·business agreement` in both)."""
    if lang == "both":
        return "·".join(dict.fromkeys(kind_label(kind, one) for one in ("ko", "en")))  # type: ignore[arg-type]
    return _short(kind, translator(lang)(kind), lang)


def ledger_row(a: queries.AgreementRow, lang: DisplayLang) -> tuple[TableRow, str, tuple[Any, ...]]:
    """The row of one agreement, the words the filter finds it by (both languages), and its
    sort keys."""
    date = a.date.isoformat() if a.date else "—"
    city = a.home_city.get(lang)
    title = a.title.get(lang)
    parties = ", ".join(name.get(lang) for _id, name in a.parties)
    status = status_label(a.status, lang)
    cells = (date, city, kind_label(a.kind, lang), title, parties, status, a.trip_id)
    words = " ".join([*cells, *a.home_city.all_strings(), *a.title.all_strings(),
                      *(s for _id, name in a.parties for s in name.all_strings()),
                      a.status, *agreement_status_names(a.status),
                      a.kind, *AGREEMENT_KIND_NAMES.get(a.kind, ()), a.id])
    rank = AGREEMENT_STATUSES.index(a.status) if a.status in AGREEMENT_STATUSES else len(AGREEMENT_STATUSES)
    keys = (a.sort_date.isoformat(), city.casefold(), a.kind, title.casefold(), parties.casefold(),
            rank, (a.trip_start.isoformat(), a.trip_id))
    return TableRow(f"{a.trip_id}/{a.id}", cells), words, keys


class LedgerScreen(TableScreen):
    """Every agreement in the store."""

    COLUMNS = COLUMNS
    TITLE = N_("Agreements — every agreement in the store")
    PLACEHOLDER = N_("type to filter: a title, party, city, kind or status (e.g. 체결, planned)")

    def __init__(self) -> None:
        super().__init__(id="ledger")

    def read(self, data: Any) -> list[queries.AgreementRow]:
        return data.read(queries.agreements)

    @classmethod
    def read_first(cls, data: Any, lang: DisplayLang, count: int) -> list[queries.AgreementRow]:
        # The table's first order (by date) is the order the agreements are read in.
        return data.read(lambda store: queries.agreements(store, limit=count))

    def rows_of(self, items: list[queries.AgreementRow], lang: DisplayLang) -> list[tuple[TableRow, str, tuple[Any, ...]]]:
        return [ledger_row(a, lang) for a in items]

    def open_row(self, row: TableRow) -> None:
        from .main import Wanted

        trip_id, _, agreement_id = row.id.partition("/")
        main = self.app.main  # type: ignore[attr-defined]
        self.app.pop_screen()
        if main is not None:
            main.open_trip(Wanted(trip_id, "agreement", agreement_id, focus=True, reveal=True))
