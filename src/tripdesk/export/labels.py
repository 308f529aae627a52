"""Plain-text labels shared by the exporters: names, titles, places, dates, translation notes.

Nothing here escapes anything: the Markdown exporter escapes what these return, the iCalendar
exporter uses them as they are. The words around the data are English in every language mode;
`lang` picks the language of the data ("ko", "en" or "both").
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from ..model import DisplayLang, Place, Source, Text, Trip
from ..text import as_text

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
    """A name or a short label: `구미 (Gumi)` in both languages, `Gumi` or `구미` in one
    (`ko / en` when either has brackets of its own, which would nest)."""
    if text is None:
        return ""
    nested = any(c in (text.ko or "") + (text.en or "") for c in "()")
    return _pair(text, lang, "{ko} / {en}" if nested else "{ko} ({en})")


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
            translated = text.is_translation(code)  # type: ignore[arg-type]
            out.append((value, translation_note(text.translated_by) if translated else None))
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


def _count(n: int, unit: str) -> str:
    return f"{n} {unit}{'s' if n != 1 else ''}"


def span(trip: Trip) -> str:
    """`9 days; reported as 6박 9일 (6 nights 9 days)`: the words as printed first, then what
    they say (no brackets inside brackets)."""
    days = _count(trip.day_count, "day")
    reported = trip.span_reported
    if not reported:
        return days
    counted = " ".join(([_count(reported.nights, "night")] if reported.nights is not None else [])
                       + [_count(reported.days, "day")])
    text = (reported.text or "").strip()
    return f"{days}; reported as " + (f"{text} ({counted})" if text and text != counted else counted)


def inferred_notes(inferred: dict[str, Text], lang: DisplayLang = "en") -> list[str]:
    """`† Inferred — start: the reason`, one per inferred field (the reason in `lang`)."""
    return [f"{INFERRED_MARK} Inferred — {field}: {as_text(reason).get(lang).strip()}"
            for field, reason in inferred.items()]


def source_line(source: Source, lang: DisplayLang, esc: Callable[[str], str] = str,
                link: Callable[[str], str] | None = None) -> str:
    """`outlet, “headline” (“other language”, translation note), date, file F, URL. Notes.`

    `esc` is applied to every value from the data and `link` to the URL (the Markdown exporter
    escapes; the iCalendar one takes the text as it is)."""
    bits = [esc(name(source.outlet, lang))]
    headlines = versions(source.headline, lang)
    if headlines:
        first, note = headlines[0]
        headline = f"“{esc(first)}”" + (f" ({note})" if note else "")
        for other, note in headlines[1:]:
            headline += f" (“{esc(other)}”" + (f", {note})" if note else ")")
        bits.append(headline)
    bits.append((source.published.isoformat() if source.published else "date not printed")
                + (f" {INFERRED_MARK}" if "published" in source.inferred else ""))
    if source.file:
        bits.append(f"file {esc(source.file)}")
    if source.url:
        bits.append((link or esc)(source.url))
    line = ", ".join(b for b in bits if b)
    notes = as_text(source.notes).get(lang).strip()
    if notes:
        line += f". {esc(notes)}"
    for note in inferred_notes(source.inferred, lang):
        line += f" {esc(note)}"
    return line
