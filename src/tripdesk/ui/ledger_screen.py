"""`a`: the agreements ledger, every agreement of the store in one table.

Date, home city, kind, title, parties, status and trip, oldest first; filtered by typing (in
Korean or English: a title, a party, a city, a status such as 체결 or planned), sorted by
any column (Tab), and Enter opens the agreement in its trip: the timeline on its day, the
detail scrolled to it. `tripdesk agreements` prints the same rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import queries
from ..model import AGREEMENT_KIND_NAMES, AGREEMENT_STATUS_NAMES, AGREEMENT_STATUSES
from .table_screen import TableScreen
from .tableview import Column, TableRow

if TYPE_CHECKING:
    from ..model import DisplayLang

# A kind as the ledger's narrow column shows it in Korean (the long names are for search).
KIND_KO = {"MOU": "MOU", "business agreement": "업무협약", "joint declaration": "공동선언",
           "sister-city": "자매결연", "letter of intent": "의향서", "other": "기타"}

COLUMNS = (
    Column("date", "date", "날짜", 10),
    Column("city", "city", "도시", 8),
    Column("kind", "kind", "종류", 10),
    Column("title", "agreement", "협약", 16, flex=3),
    Column("parties", "parties", "당사자", 10, flex=2),
    Column("status", "status", "상태", 12),
    Column("trip", "trip", "출장", 8, flex=1),
)


# The status as the ledger's column shows it: "agreed in principle" is cut to fit.
STATUS_SHORT_EN = {"agreed in principle": "in principle"}


def status_label(status: str, lang: DisplayLang) -> str:
    ko, en = AGREEMENT_STATUS_NAMES.get(status, (status, status))
    en = STATUS_SHORT_EN.get(status, en)
    return ko if lang == "ko" else en if lang == "en" else f"{ko}·{en}"


def kind_label(kind: str, lang: DisplayLang) -> str:
    ko = KIND_KO.get(kind, kind)
    return ko if lang == "ko" else kind if lang == "en" else f"{ko}·{kind}" if ko != kind else kind


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
                      a.status, *AGREEMENT_STATUS_NAMES.get(a.status, ()),
                      a.kind, *AGREEMENT_KIND_NAMES.get(a.kind, ()), a.id])
    rank = AGREEMENT_STATUSES.index(a.status) if a.status in AGREEMENT_STATUSES else len(AGREEMENT_STATUSES)
    keys = (a.sort_date.isoformat(), city.casefold(), a.kind, title.casefold(), parties.casefold(),
            rank, (a.trip_start.isoformat(), a.trip_id))
    return TableRow(f"{a.trip_id}/{a.id}", cells), words, keys


class LedgerScreen(TableScreen):
    """Every agreement in the store."""

    COLUMNS = COLUMNS
    TITLE_EN = "Agreements — every agreement in the store"
    TITLE_KO = "협약 — 저장된 모든 협약"
    PLACEHOLDER = "type to filter: a title, party, city, kind or status (e.g. 체결, planned)"
    PLACEHOLDER_KO = "협약명, 당사자, 도시, 종류, 상태로 거르기 (예: 체결, 예정)"

    def __init__(self) -> None:
        super().__init__(id="ledger")

    def read(self, data: Any) -> list[queries.AgreementRow]:
        return data.read(queries.agreements)

    def read_first(self, data: Any, lang: DisplayLang, count: int) -> list[queries.AgreementRow]:
        # The table's first order (by date) is the order the agreements are read in.
        return data.read(lambda store: queries.agreements(store, limit=count))

    def rows_of(self, items: list[queries.AgreementRow], lang: DisplayLang) -> list[tuple[TableRow, str, tuple[Any, ...]]]:
        return [ledger_row(a, lang) for a in items]

    def open_row(self, row: TableRow) -> None:
        from .main_screen import Wanted

        trip_id, _, agreement_id = row.id.partition("/")
        main = self.app.main  # type: ignore[attr-defined]
        self.app.pop_screen()
        if main is not None:
            main.open_trip(Wanted(trip_id, "agreement", agreement_id, focus=True, reveal=True))
