"""The year of a trip from an anniversary of a national event the article names.

Korean reports that print no year often name an anniversary the trip falls in: `한미 동맹
70주년`, `제73주년 6·25 한국전쟁 기념식`, `한-베 수교 30주년`, `the 70th anniversary of the
Korea-U.S. alliance`. The event's year plus the count is the year (1953 + 70 = 2023). The
events are facts of history (the years of Korea's diplomatic relations as the Ministry of
Foreign Affairs lists them; re-established ties, such as Laos's, by the later year); a sister
city's anniversary, which the article itself dates, is `dates.anniversary_year`'s.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from ..i18n import N_
from .notes import Reason

# (Korean names, English names, the year). Names are matched as written, spaces optional.
EVENTS: tuple[tuple[tuple[str, ...], tuple[str, ...], int], ...] = (
    (("정전협정", "정전 협정", "정전"), ("armistice", "Korean War armistice"), 1953),
    (("6·25 한국전쟁", "6·25전쟁", "6·25 전쟁", "6.25 전쟁", "6·25", "6.25", "6ㆍ25", "한국전쟁"), ("Korean War",), 1950),
    (("한미 동맹", "한미동맹", "한·미 동맹", "한미상호방위조약"), ("Korea-U.S. alliance", "Korea-US alliance",
                                                         "South Korea-U.S. alliance"), 1953),
    (("인천상륙작전", "인천 상륙작전"), ("Incheon Landing", "Inchon Landing"), 1950),
    (("광복절", "광복"), ("liberation",), 1945),
    (("3·1운동", "3·1 운동", "3.1운동", "3·1절", "3.1절", "임시정부 수립"), ("March First Independence Movement",), 1919),
    (("미주 한인 이민", "하와이 이민", "미주 이민", "한인 이민"), ("Korean immigration to the U.S.",
                                                  "Korean immigration to America"), 1903),
    # the first Koreans came to Mexico's henequen farms in 1905; named with its country, it is not Hawaii's
    (("멕시코 한인 이민", "멕시코 이민"), ("Korean immigration to Mexico",), 1905),
)

# Korea's diplomatic relations: the other country's short and full Korean names, its English
# name, the year ties were established.
TIES: tuple[tuple[tuple[str, ...], tuple[str, ...], int], ...] = (
    (("미", "미국"), ("U.S.", "US", "United States"), 1882),
    (("영", "영국"), ("U.K.", "UK", "Britain"), 1883),
    (("독", "독일"), ("Germany",), 1883),
    (("이탈리아",), ("Italy",), 1884),
    (("프", "불", "프랑스"), ("France",), 1886),
    (("필", "필리핀"), ("Philippines",), 1949),
    (("스페인",), ("Spain",), 1950),
    (("튀르키예", "터키"), ("Turkey", "Türkiye"), 1957),
    (("태", "태국"), ("Thailand",), 1958),
    (("브라질",), ("Brazil",), 1959),
    (("말레이시아",), ("Malaysia",), 1960),
    (("호", "호주"), ("Australia",), 1961),
    (("멕시코",), ("Mexico",), 1962),
    (("뉴질랜드",), ("New Zealand",), 1962),
    (("캐", "캐나다"), ("Canada",), 1963),
    (("일", "일본"), ("Japan",), 1965),
    (("인니", "인도네시아"), ("Indonesia",), 1973),
    (("인도",), ("India",), 1973),
    (("싱", "싱가포르"), ("Singapore",), 1975),
    (("폴란드",), ("Poland",), 1989),
    (("헝가리",), ("Hungary",), 1989),
    (("러", "러시아", "소련"), ("Russia",), 1990),
    (("몽", "몽골"), ("Mongolia",), 1990),
    (("중", "중국"), ("China",), 1992),
    (("베", "베트남"), ("Vietnam",), 1992),
    (("우즈벡", "우즈베키스탄"), ("Uzbekistan",), 1992),
    (("카자흐", "카자흐스탄"), ("Kazakhstan",), 1992),
    (("라오스",), ("Laos",), 1995),
    (("캄보디아",), ("Cambodia",), 1997),
)

_COUNT_KO = r"(?:제\s*)?(\d{1,3})\s*주년"
_JOIN_KO = r"\s*[·\-ㆍ.,]?\s*"
_COUNT_EN = r"(\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+)?(?:establishment\s+of\s+)?"
_NEXT_YEAR = re.compile(r"(?:내년|이듬해|next year)\s*(?:이면|에는|에|은)?\s*$", re.I)
# A sentence that names a past year (`지난 2023년 10월, ... 이민 120주년을 맞아 방한했으며`) tells
# of that year, not of the trip: its anniversaries are left out.
_PAST_YEAR = re.compile(r"지난\s?(?:19|20)\d{2}\s?년")


def _alternatives(names: tuple[str, ...]) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s?") for n in sorted(names, key=len, reverse=True))


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], int], ...]:
    patterns: list[tuple[re.Pattern[str], int]] = []
    for ko, en, year in EVENTS:
        names = _alternatives(ko)
        # `한미 동맹 70주년`, `제73주년 6·25 한국전쟁`: the count right after or right before
        patterns.append((re.compile(rf"(?:{names})(?:\s*발발)?\s*{_COUNT_KO}"), year))
        patterns.append((re.compile(rf"{_COUNT_KO}\s*(?:을\s*맞은\s*|을\s*맞는\s*)?(?:{names})(?![가-힣])"), year))
        patterns.append((re.compile(rf"\b{_COUNT_EN}(?:{_alternatives(en)})\b", re.I), year))
    for ko, en, year in TIES:
        country = _alternatives(ko)
        ties = rf"(?:간\s*)?(?:수교|국교\s?정상화|외교\s?관계\s?수립)"
        patterns.append((re.compile(rf"(?<![가-힣])(?:한|한국)(?:{_JOIN_KO}|과\s|와\s)(?:{country})\s*{ties}\s*{_COUNT_KO}"),
                         year))
        patterns.append((re.compile(rf"{_COUNT_EN}(?:diplomatic\s+(?:ties|relations)\s+between\s+(?:South\s+)?Korea\s+"
                                    rf"and\s+(?:the\s+)?(?:{_alternatives(en)})|(?:South\s+)?Korea-(?:{_alternatives(en)})"
                                    rf"\s+diplomatic\s+(?:ties|relations))", re.I), year))
    return tuple(patterns)


def national_anniversary_year(text: str) -> tuple[int, Reason] | None:
    """The year the national anniversaries the text names fall in, when they agree on one."""
    from .dates import _sentence_around  # (dates reads this module at import)

    matches: list[tuple[int, int, int, str]] = []
    for pattern, since in _patterns():
        for m in pattern.finditer(text):
            count = int(next(g for g in m.groups() if g))
            if not 1 <= count <= 200 or _NEXT_YEAR.search(text, max(0, m.start() - 12), m.start()):
                continue
            if _PAST_YEAR.search(_sentence_around(text, m.start(), m.end())):
                continue
            year = since + count
            if year <= dt.date.today().year + 1:
                matches.append((m.start(), m.end(), year, m.group(0).strip()))
    found: dict[int, str] = {}
    for begin, end, year, words in sorted(matches):
        # `멕시코 한인 이민 120주년` holds `한인 이민 120주년`: the longer name is the event meant
        if not any(b <= begin and end <= e and (b, e) != (begin, end) for b, e, _, _ in matches):
            found.setdefault(year, words)
    if len(found) != 1:
        return None
    ((year, words),) = found.items()
    return year, Reason(N_("The article gives no year with the dates; it names '{words}', an anniversary of a "
                           "national event, so the year is {year}."), words=words, year=year)
