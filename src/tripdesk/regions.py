"""Regions and countries by name: what a place's `state` and `country` are, and what a search
for "California", "캘리포니아", "Washington State", "CA", "미국" or "United States" means.

The first-level regions (US states and D.C., Korean provinces and metropolitan cities) are a
small table shipped with tripdesk, `data/regions.csv`, with its sources; country names come
from CLDR through Babel (the desk's i18n library), in English and Korean. Names are compared
without case, spacing or punctuation, and a Korean name with or without its 주 ("state").
Pure data; read on first use, never at launch.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

TABLE = Path(__file__).resolve().parent / "data" / "regions.csv"


class Region(NamedTuple):
    """A state or province (`code` is what the store keeps as a place's state) or a country
    (`code` its ISO 3166-1 code)."""

    kind: str  # "state" | "country"
    country: str
    code: str
    en: str
    ko: str

    def label(self, lang: str = "en") -> str:
        """`California / 캘리포니아 (CA, US)`, `미국 / United States (US)` in Korean: for saying
        why a hit matched, the name in `lang` first."""
        names = (self.ko, self.en) if lang == "ko" else (self.en, self.ko)
        name = " / ".join(n for n in names if n)
        if self.kind == "country":
            return f"{name} ({self.code})"
        code = f"{self.code}, " if self.code != self.en else ""
        return f"{name} ({code}{self.country})"


def compared(name: str) -> str:
    """A name as compared: letters and digits only, case folded, Korean syllables whole."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", name).casefold())


@functools.cache
def _states() -> tuple[dict[str, Region], dict[tuple[str, str], Region]]:
    """(compared name -> region, (country, code) -> region) of the table's regions."""
    by_name: dict[str, Region] = {}
    by_code: dict[tuple[str, str], Region] = {}
    with TABLE.open(encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        for row in rows:
            region = Region("state", row["country"], row["code"], row["en"], row["ko"])
            by_code[(region.country, region.code)] = region
            names = [row["en"], row["ko"], *filter(None, row["other"].split("|"))]
            for name in names:
                if not name:
                    continue
                key = compared(name)
                by_name.setdefault(key, region)
                if key.endswith("주") and len(key) > 2:  # 캘리포니아주 -> 캘리포니아 as well
                    by_name.setdefault(key[:-1], region)
                elif region.country == "US" and re.fullmatch(r"[가-힣]+", key):
                    by_name.setdefault(key + "주", region)
    return by_name, by_code


@functools.cache
def _countries() -> dict[str, Region]:
    """Compared country name (English or Korean, CLDR's) or code -> the country."""
    from babel import Locale

    english, korean = Locale("en").territories, Locale("ko").territories
    out: dict[str, Region] = {}
    for code, name in english.items():
        if not re.fullmatch(r"[A-Z]{2}", code):
            continue
        region = Region("country", code, code, name, korean.get(code, ""))
        for key in (compared(code), compared(name), compared(region.ko)):
            if key:
                out.setdefault(key, region)
    for alias, code in (("USA", "US"), ("America", "US"), ("United States of America", "US"),
                        ("미합중국", "US"), ("South Korea", "KR"), ("Korea", "KR"), ("한국", "KR")):
        out.setdefault(compared(alias), out[compared(english[code])])
    return out


def country_names(code: str) -> tuple[str, str]:
    """(English, Korean) name of a country code, from CLDR (the code itself when unknown)."""
    found = _countries().get(compared(code))
    if found is None or found.code != code:
        return code, code
    return found.en, found.ko or found.en


def state_names(country: str, code: str) -> tuple[str, str]:
    """(English, Korean) name of a place's `state` as the store keeps it (`CA` -> California,
    캘리포니아); a state not in the table, as written."""
    found = _states()[1].get((country, code))
    if found is None:
        return code, code
    return found.en, found.ko or found.en


def state(country: str, value: str) -> Region | None:
    """The region a place's `state` names in `country` (its code or any of its names)."""
    by_name, by_code = _states()
    found = by_code.get((country, value.strip().upper())) if country == "US" else None
    if found is None:
        found = by_name.get(compared(value))
        if found is not None and found.country != country:
            found = None
    return found


def normal_state(country: str, value: str | None) -> str | None:
    """A place's `state` as the store keeps it: a known region's code (`Texas`, `tx`, `텍사스`
    -> `TX`; `경북` -> `North Gyeongsang Province`), anything else as written."""
    if value is None:
        return None
    found = state(country, value)
    return found.code if found is not None else value


def named(query: str) -> Region | None:
    """The region or country a whole search query names, if it names one.

    A two-letter query is a code only in capitals ("CA", "US": a state's postal code, a
    country's ISO code); "ca" is left to the word search. A state's name wins over a
    country's (Georgia the state, not the country: the trips go to the US)."""
    text = query.strip()
    if re.fullmatch(r"[A-Z]{2}", text):
        _, by_code = _states()
        country = _countries().get(compared(text))
        return by_code.get(("US", text)) or (country if country is not None and country.code == text else None)
    if len(text) < 2 or re.fullmatch(r"[A-Za-z]{2}", text):
        return None
    key = compared(text)
    return _states()[0].get(key) or _countries().get(key)
