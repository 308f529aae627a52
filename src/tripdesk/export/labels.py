"""Plain-text labels shared by the exporters: names, titles, places, dates, translation notes.

Nothing here escapes anything: the Markdown exporter escapes what these return, the iCalendar
exporter uses them as they are. `lang` ("ko", "en" or "both") picks the language of the data;
the words around it (the "translation by the editors", "date not printed", the field names of
inferred values) come from the gettext catalogs in the language of the labels for `lang`
(`i18n.translator`), and dates and weekdays from CLDR (`i18n.long_date`), so no phrase is kept
in code here.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable
from urllib.parse import urlsplit

from .. import i18n
from ..i18n import N_, translator
from ..model import DisplayLang, Place, Source, Text, Trip
from ..text import as_text

INFERRED_MARK = "†"

# The names of the fields an inferred reason is about, as the catalog words them (a field the
# catalog does not know is shown by its key).
FIELD_NAMES = {
    "home_city": N_("home city"), "leader": N_("leader"), "start": N_("start"), "end": N_("end"),
    "span_reported": N_("reported length"), "status": N_("status"), "status date": N_("status date"),
    "delegation": N_("delegation"), "purpose": N_("purpose"), "themes": N_("themes"),
    "title": N_("title"), "date": N_("date"), "time": N_("time"), "place": N_("place"),
    "places": N_("places"), "published": N_("published"), "speaker": N_("speaker"),
    "kind": N_("kind"), "parties": N_("parties"),
}
# An outlet the data records as not known (the drafting tool writes 미상 / unknown outlet).
_UNKNOWN_OUTLETS = {"", "미상", "unknown", "unknown outlet", "outlet unknown", "n/a"}


def long_date(date: dt.date, lang: str = "en") -> str:
    """`Sat 12 Oct 2024`, `2024년 10월 12일 (토)`: CLDR's, in the language of the labels."""
    return i18n.long_date(date, lang)


def translation_note(by: str | None, lang: str = "en") -> str:
    """Who translated a text: the editors, or the article itself (machine translation)."""
    _ = translator(lang)
    if by == "editors":
        return _("translation by the editors")
    if by == "article":
        return _("machine translation printed with the article")
    return _("translation")


def field_name(key: str, lang: str = "en") -> str:
    message = FIELD_NAMES.get(key)
    return translator(lang)(message) if message else key


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
            out.append((value, translation_note(text.translated_by, lang) if translated else None))
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


def span(trip: Trip, lang: str = "en", *, printed: bool = True) -> str:
    """`9 days; reported as 6박 9일 (6 nights 9 days)`: the words as printed first, then what
    they say (no brackets inside brackets); `printed=False` leaves out the printed words
    (`9 days; reported as 6 nights 9 days`, for the brief)."""
    _ = translator(lang)
    days = _.ngettext("{n} day", "{n} days", trip.day_count).format(n=trip.day_count)
    reported = trip.span_reported
    if not reported:
        return days
    counted = " ".join(
        ([_.ngettext("{n} night", "{n} nights", reported.nights).format(n=reported.nights)]
         if reported.nights is not None else [])
        + [_.ngettext("{n} day", "{n} days", reported.days).format(n=reported.days)])
    text = (reported.text or "").strip() if printed else ""
    said = f"{text} ({counted})" if text and text != counted else counted
    return _("{days}; reported as {span}").format(days=days, span=said)


def inferred_notes(inferred: dict[str, Text], lang: str = "en") -> list[str]:
    """`† Inferred — start: the reason`, one per inferred field (the reason in `lang`, both
    languages in "both")."""
    _ = translator(lang)
    return [_("{mark} Inferred — {field}: {reason}").format(
                mark=INFERRED_MARK, field=field_name(key, lang), reason=as_text(reason).get(lang).strip())
            for key, reason in inferred.items()]


def outlet_known(source: Source) -> bool:
    """Whether the data names the outlet (not empty, not recorded as 미상 / unknown outlet)."""
    return not all((value or "").strip().casefold() in _UNKNOWN_OUTLETS
                   for value in (source.outlet.ko, source.outlet.en, source.outlet.plain))


def outlet(source: Source, lang: DisplayLang) -> str:
    """What names a source's outlet: its name; where the data does not know it, the web site
    the URL is on, else the saved file; "outlet not named" only when there is neither."""
    if outlet_known(source):
        return name(source.outlet, lang)
    host = urlsplit(source.url).hostname if source.url else None
    if host:
        return host.removeprefix("www.")
    if source.file:
        return translator(lang)("file {name}").format(name=source.file)
    return translator(lang)("outlet not named")


def published(source: Source, lang: str = "en") -> str:
    """The date the source was published (CLDR's), or that it prints none."""
    if source.published is None:
        return translator(lang)("date not printed")
    return i18n.long_date(source.published, lang)


def source_line(source: Source, lang: DisplayLang, esc: Callable[[str], str] = str,
                link: Callable[[str], str] | None = None, *, notes: bool = True) -> str:
    """`outlet, “headline” (“other language”, translation note), date, file F, URL. Notes.`

    The outlet is never "unknown outlet" when the source has a URL or a file (`outlet`).
    `esc` is applied to every value from the data and `link` to the URL (the Markdown exporter
    escapes; the iCalendar one takes the text as it is). `notes=False` leaves out the source's
    notes and inferred reasons (the brief)."""
    _ = translator(lang)
    known = outlet_known(source)
    bits = [esc(outlet(source, lang))] if known or (source.url and not source.file) else []
    headlines = versions(source.headline, lang)
    if headlines:
        first, note = headlines[0]
        headline = f"“{esc(first)}”" + (f" ({note})" if note else "")
        for other, note in headlines[1:]:
            headline += f" (“{esc(other)}”" + (f", {note})" if note else ")")
        bits.append(headline)
    bits.append(published(source, lang) + (f" {INFERRED_MARK}" if "published" in source.inferred else ""))
    if source.file:
        bits.append(esc(_("file {name}").format(name=source.file)))
    if source.url:
        bits.append((link or esc)(source.url))
    line = ", ".join(b for b in bits if b)
    if not notes:
        return line
    note_text = as_text(source.notes).get(lang).strip()
    if note_text:
        line += f". {esc(note_text)}"
    for note in inferred_notes(source.inferred, lang):
        line += f" {esc(note)}"
    return line
