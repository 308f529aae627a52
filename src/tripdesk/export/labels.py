"""Plain-text labels shared by the exporters: names, titles, places, dates, translation notes.

Nothing here escapes anything: the Markdown exporter escapes what these return, the iCalendar
exporter uses them as they are. The words around the data are English in every language mode;
`lang` picks the language of the data ("ko", "en" or "both").
"""

from __future__ import annotations

import datetime as dt

from ..model import DisplayLang, Place, Text, Trip

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

TRANSLATED_BY = {
    "editors": "translation by the editors",
    "article": "machine translation printed with the article",
}
STATUS = {
    "announced": "announced plan (reported before the trip)",
    "reported": "report after the fact",
}
INFERRED_MARK = "†"


def long_date(date: dt.date) -> str:
    """`Sat 12 Oct 2024`, the same whatever the locale."""
    return f"{WEEKDAYS[date.weekday()]} {date.day} {MONTHS[date.month - 1]} {date.year}"


def translation_note(by: str | None) -> str:
    return TRANSLATED_BY.get(by or "", "translation")


def _pair(text: Text, lang: DisplayLang, both: str) -> str:
    if text.plain is not None:
        return text.plain.strip()
    ko, en = (text.ko or "").strip(), (text.en or "").strip()
    if lang == "both" and ko and en and ko != en:
        return both.format(ko=ko, en=en)
    return text.get(lang).strip()


def name(text: Text | None, lang: DisplayLang) -> str:
    """A name or a short label: `구미 (Gumi)` in both languages, `Gumi` or `구미` in one."""
    return "" if text is None else _pair(text, lang, "{ko} ({en})")


def title(text: Text | None, lang: DisplayLang) -> str:
    """A title: `구미시 대표단 미국 방문 / Gumi City delegation visit` in both languages."""
    return "" if text is None else _pair(text, lang, "{ko} / {en}")


def versions(text: Text | None, lang: DisplayLang) -> list[tuple[str, str | None]]:
    """A longer text as (text, translation note or None) pairs: both languages in "both"
    (Korean first), else the one asked for, falling back to the other."""
    if text is None or not text:
        return []
    if text.plain is not None:
        return [(text.plain, None)]
    if lang == "both":
        langs = ["ko", "en"]
    else:
        other = "en" if lang == "ko" else "ko"
        langs = [lang if getattr(text, lang) else other]
    out: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for code in langs:
        value = getattr(text, code)
        if value and value not in seen:
            seen.add(value)
            note = translation_note(text.translated_by) if text.is_translation(code) else None  # type: ignore[arg-type]
            out.append((value, note))
    return out


def place(value: Place, lang: DisplayLang) -> str:
    """`venue, city, state, country`, leaving out what is not known."""
    bits = [name(value.venue, lang), name(value.city, lang), value.state or "", value.country]
    return ", ".join(b for b in bits if b)


def person(trip: Trip, person_id: str, lang: DisplayLang) -> str:
    found = trip.person(person_id)
    return name(found.name, lang) if found else person_id


def organisation(trip: Trip, org_id: str, lang: DisplayLang) -> str:
    found = trip.organisation(org_id)
    return name(found.name, lang) if found else org_id


def span(trip: Trip) -> str:
    """`9 days; reported as 6박 9일 = 6 nights 9 days`."""
    days = f"{trip.day_count} day{'s' if trip.day_count != 1 else ''}"
    reported = trip.span_reported
    if reported is None:
        return days
    counted = (f"{reported.nights} night{'s' if reported.nights != 1 else ''} "
               if reported.nights is not None else "") + f"{reported.days} day{'s' if reported.days != 1 else ''}"
    as_printed = f"{reported.text.strip()} = {counted}" if reported.text and reported.text.strip() else counted
    return f"{days}; reported as {as_printed}"


def inferred_notes(inferred: dict[str, str]) -> list[str]:
    """`† Inferred — start: the reason`, one per inferred field."""
    return [f"{INFERRED_MARK} Inferred — {field}: {reason.strip()}" for field, reason in inferred.items()]
