"""The words around the data in the user's language: gettext catalogs and CLDR dates.

Every label, title, message and table header the desk, the CLI and the exports print is an
English msgid looked up in the `tripdesk` gettext catalog of the display language
(`locale/{ko,en}/LC_MESSAGES/tripdesk.po`, extracted with `pybabel extract`, compiled to .mo by
the build hook in `hatch_build.py`). Code asks for a `Translator` and calls it:

    _ = translator(lang)
    _("Timeline")                          # '일정' in ko
    _.ngettext("{n} trip", "{n} trips", n).format(n=n)

Strings defined at import time (constants, tables of labels) are marked with `N_()` for the
extractor and translated where they are shown.

Which language the words are in: `ko` and `en` are themselves; `both` (names and texts in both
languages) keeps the words in the language of the user's locale, Korean for a Korean locale,
so the labels are not doubled; `Translator.pair` gives `일정 · Itinerary` where both are wanted.

Dates, weekdays and ranges come from CLDR through Babel (`2013년 2월 15일 (금)`,
`Fri 15 Feb 2013`: English dates are written day-month-year as in British English, which no
reader misreads). Babel and its locale data take ~30 ms to load, so they are imported when the
first date is formatted, never at the desk's first paint (tests/test_ui_prepared.py).
"""

from __future__ import annotations

import datetime as dt
import gettext
import os
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from .text import Lang

if TYPE_CHECKING:
    from .text import DisplayLang

DOMAIN = "tripdesk"
LOCALE_DIR = Path(__file__).parent / "locale"
CLDR_LOCALES: dict[str, str] = {"ko": "ko_KR", "en": "en_GB"}
# The msgctxt of a table's column headings (`date`, `city`, ...): a heading may be a word
# the catalog holds with another sense ("city" as a kind of home is 시, a column of cities 도시).
HEADING_CONTEXT = "heading"


def N_(message: str) -> str:
    """Marks `message` for extraction without translating it (for constants)."""
    return message


def NC_(context: str, message: str) -> str:  # noqa: N802 - gettext's name for it
    """Marks `message` in `context` (its msgctxt) for extraction without translating it."""
    return message


def locale_language() -> Lang:
    """Korean when the process locale is Korean (LC_ALL, LC_MESSAGES, LANG as gettext reads
    them, the first one set), English otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


def label_language(lang: str) -> Lang:
    """The language of the words for display language `lang` (`both`: the locale's)."""
    if lang in ("ko", "en"):
        return lang  # type: ignore[return-value]
    return locale_language()


class Translator:
    """The catalog of one language; calling it translates a msgid."""

    def __init__(self, lang: str, labels: Lang, catalog: gettext.NullTranslations) -> None:
        self.lang = lang
        self.labels = labels
        self._catalog = catalog

    def __call__(self, message: str) -> str:
        return self._catalog.gettext(message)

    gettext = __call__

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalog.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._catalog.pgettext(context, message)

    def pair(self, message: str) -> str:
        """`일정 · Itinerary` in `both`, else the message in the one language."""
        if self.lang == "both":
            ko, en = _catalog("ko").gettext(message), _catalog("en").gettext(message)
            return ko if ko == en else f"{ko} · {en}"
        return self(message)

    def __repr__(self) -> str:
        return f"Translator({self.lang!r}, labels={self.labels!r})"


def translator(lang: DisplayLang | str) -> Translator:
    """The translator for display language `lang` ('ko', 'en' or 'both'; anything else is
    English)."""
    labels = label_language(lang)
    return _translator(lang if lang in ("ko", "en", "both") else "en", labels)


# Where the words of what is said below the CLI come from, innermost last (`speaking`).
_SPOKEN: list[Callable[[], Translator]] = []


def messages() -> Translator:
    """The translator of what is said below the command line and the desk: the problems the
    loader and the schema report, `TripdeskError`s and their `fix:`, doctor's findings. They
    are made deep inside code that knows no display language, so the command that runs says
    which one with `speaking`; English outside one (a test calling the loader, a script).
    A plain module value rather than a context variable: doctor's checks run in a thread
    and import's in forked worker processes, and both should speak as the command does."""
    return _SPOKEN[-1]() if _SPOKEN else translator("en")


@contextmanager
def speaking(lang: str | Callable[[], str]) -> Iterator[None]:
    """While a command runs: `messages()` is the translator of display language `lang`, or of
    the language `lang()` gives at the time (the desk, whose language changes as it runs)."""
    if callable(lang):
        current = lang
        _SPOKEN.append(lambda: translator(current()))
    else:
        words = translator(lang)
        _SPOKEN.append(lambda: words)
    try:
        yield
    finally:
        _SPOKEN.pop()


@lru_cache(maxsize=None)
def _translator(lang: str, labels: Lang) -> Translator:
    return Translator(lang, labels, _catalog(labels))


@lru_cache(maxsize=None)
def _catalog(labels: Lang) -> gettext.NullTranslations:
    """The compiled catalog; the .po itself (compiled in memory by Babel) when there is no .mo
    or it is older than the .po, as in a checkout whose catalogs were just edited."""
    folder = LOCALE_DIR / labels / "LC_MESSAGES"
    mo, po = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    try:
        if not po.exists() or (mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime):
            with mo.open("rb") as handle:
                return gettext.GNUTranslations(handle)
    except OSError:
        pass
    if po.exists():
        return _compiled_in_memory(po)
    return gettext.NullTranslations()


def _compiled_in_memory(po: Path) -> gettext.NullTranslations:
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


# -- dates (CLDR, through Babel, loaded on first use) ---------------------------------------


def _cldr(lang: str) -> Any:
    return _babel_locale(CLDR_LOCALES[label_language(lang)])


@lru_cache(maxsize=None)
def _babel_locale(name: str) -> Any:
    from babel import Locale

    return Locale.parse(name)


def _skeleton(skeleton: str, date: dt.date, lang: str) -> str:
    from babel.dates import format_skeleton

    return format_skeleton(skeleton, date, locale=_cldr(lang))


def long_date(date: dt.date, lang: str) -> str:
    """`2013년 2월 15일 (금)`, `Fri 15 Feb 2013` (CLDR's British pattern, without its comma)."""
    if label_language(lang) == "en":
        from babel.dates import format_date

        return format_date(date, "EEE d MMM y", locale=_cldr(lang))
    return _skeleton("yMMMEd", date, lang)


def day_date(date: dt.date, lang: str) -> str:
    """A date within a trip, its year understood: `2월 15일 (금)`, `Fri 15 Feb`."""
    return _skeleton("MMMEd", date, lang)


def short_date(date: dt.date, lang: str) -> str:
    """Month and day: `2월 15일`, `15 Feb`."""
    return _skeleton("MMMd", date, lang)


def weekday(date: dt.date, lang: str, width: str = "abbreviated") -> str:
    """`금`, `Fri` (`wide`: `금요일`, `Friday`)."""
    from babel.dates import format_date

    pattern = "EEEE" if width == "wide" else "E"
    return format_date(date, pattern, locale=_cldr(lang))


def date_range(start: dt.date, end: dt.date, lang: str) -> str:
    """`2013년 2월 15일~22일`, `15–22 Feb 2013` (one date when they are the same)."""
    from babel.dates import format_interval

    return _plain_spaces(format_interval(start, end, "yMMMd", locale=_cldr(lang)))


def day_range(start: dt.date, end: dt.date, lang: str) -> str:
    """Days within a trip, the year understood: `2월 18일~20일`, `18–20 Feb`."""
    from babel.dates import format_interval

    return _plain_spaces(format_interval(start, end, "MMMd", locale=_cldr(lang)))


def country_name(code: str, lang: str) -> str:
    """A country by its ISO code, named by CLDR: `미국`, `United States` (the code when CLDR
    has no name for it)."""
    return _cldr(lang).territories.get(code.upper(), code)


def _plain_spaces(text: str) -> str:
    """CLDR's thin and narrow no-break spaces (`15\u2009–\u200922 Feb`) as plain spaces: the
    text goes to terminals, CSV and search, where they are surprises."""
    return text.replace("\u2009", " ").replace("\u202f", " ").replace("\xa0", " ")
