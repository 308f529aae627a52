"""How the drafter's summary (`tripdesk draft`'s "found:" and "needs review:" lines) writes a
date: in the language of the command that runs (`i18n.messages()`).

The lines themselves are whole sentences in the catalog (`messages()("...").format(...)`,
where they are made); only the dates they name need a hand. English keeps the draft file's
own spelling (`2025-01-05`, what the editor then finds in the YAML); Korean has CLDR's
(`2025년 1월 5일`), as the rest of the Korean CLI and the exports write a date.
"""

from __future__ import annotations

import datetime as dt

from ..i18n import date_range, messages


def when(date: dt.date) -> str:
    """`2025-01-05` in English, `2025년 1월 5일` in Korean."""
    words = messages()
    if words.labels == "en":
        return date.isoformat()
    return date_range(date, date, words.labels)  # one day: CLDR's year, month and day
