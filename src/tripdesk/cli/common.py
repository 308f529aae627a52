"""What every command shares: exit statuses, the console that prints user text literally
(never markup), JSON for standard output, and finding a trip in the store by id."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text as _RichText

from ..folding import FoldingText
from ..i18n import translator
from ..output import stdout_is_utf8
from ..problems import TripdeskError, terminal_safe
from ..store import Store, queries

if TYPE_CHECKING:
    from ..text import Text


EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


# Table columns fold rather than cut: rich narrows only the columns that may wrap, so a
# no_wrap id column would keep its width and squeeze the title to nothing in a narrow terminal.
# A date stays on one line where the terminal has this many columns; narrower, it folds too.
# (No column has a min_width: rich does not narrow one below it, and the table overflows.)
WHOLE_DATES_FROM = 60


def _date_column(table: Table, name: str, console: Console) -> None:
    table.add_column(name, overflow="fold", no_wrap=console.width >= WHOLE_DATES_FROM)


def RichText(text: str = "", style: str = "") -> _RichText:  # noqa: N802 - stands in for rich's Text
    """Literal text for the terminal: what it says is printed, never markup, and an escape
    sequence or other control character in it (from a trip id, a path, a file name, a
    message quoting any of them) is shown escaped, never run by the terminal. Where a table
    wraps it, Korean text folds at a syllable with nothing lost (`FoldingText`)."""
    return FoldingText(terminal_safe(text), style=style)


def _print_json(value: Any) -> None:
    """JSON for standard output: its characters as they are, or as \\u escapes where the
    locale's encoding lacks them (EUC-KR, Latin-1), which any JSON reader turns back."""
    import json

    print(json.dumps(value, ensure_ascii=not stdout_is_utf8(), indent=2))


def _console(stderr: bool = False) -> Console:
    # Data goes out as Text objects, never as markup; highlight=False keeps rich from
    # colouring numbers and URLs inside user text.
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _names(name: "Text") -> dict[str, str | None]:
    """A name as `{"ko": ..., "en": ...}` (a language-neutral name in both)."""
    return {"ko": name.ko or name.plain, "en": name.en or name.plain}


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def require_trip(store: Store, trip_id: str, lang: str = "en"):  # noqa: ANN201 - returns model.Trip
    # An id that is not text (bytes no encoding could read) names no trip: not asked.
    trip = queries.load_trip(store, trip_id) if trip_id.isascii() or _is_text(trip_id) else None
    if trip is None:
        _ = translator(lang)
        close = queries.closest_trip_ids(store, trip_id)
        hint = (_("did you mean {ids}?").format(ids=", ".join(close)) if close
                else _("run `tripdesk list` to see the trip ids"))
        raise TripdeskError(_("no trip with id '{id}'").format(id=trip_id), hint)
    return trip
