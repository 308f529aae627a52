"""Dates in Korean press prose: mentions, the trip's range and span, and the year worked out.

Korean reports rarely print a year: `10월 12일부터 20일까지 6박 9일 일정으로`, `15일에는`,
`지난 17일`, `오는 9일`, `이튿날`. This module finds those mentions (with their exact place in
the text, for the evidence), picks the trip's range, checks it against the reported span
(`N박 M일`) and any weekday printed beside a date, and works out what the text leaves out:

- the year: printed beside the dates; else from the published date (the trip date nearest
  to it); else from an anniversary (`한미 동맹 70주년`: anniversaries.py; a sister city's
  `1992년 ... 24주년`); else from a year named with an event of the trip (`AUSA 2024`, `CES 2025`); else
  from weekdays (`15일(화)`), the latest year that fits; else it cannot be decided and
  `NoYear` says so;
- the month of a range given as days only (`5일부터 12일까지`): the published date's, else
  the month a trade fair named in the text is held in (`RECURRING_EVENTS`).

Every value carries how it was found (`Dated.reason`), in a sentence for `inferred`.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from ..i18n import N_, messages
from ..problems import TripdeskError
from . import notes
from .anniversaries import national_anniversary_year
from .notes import Reason

WEEKDAYS_KO = "월화수목금토일"  # Monday first, as datetime.weekday()


class NoTripDates(TripdeskError):
    """The article gives no dates for a trip."""


class NoYear(TripdeskError):
    """The article's dates have no year and nothing in it decides one."""


# Recurring trade fairs and conventions that Korean delegations attend, with the months they
# are held in and their city; they give the month (and, named with a year, the year) of a
# trip whose article prints only days. Months from the organisers' published schedules.
RECURRING_EVENTS: dict[str, tuple[tuple[int, ...], str]] = {
    "CES": ((1,), "Las Vegas"),
    "AUSA": ((10,), "Washington"),
    "MWC": ((2, 3), "Barcelona"),
    "하노버 메세": ((4,), "Hannover"),
    "Hannover Messe": ((4,), "Hannover"),
    "IFA": ((9,), "Berlin"),
    "게임스컴": ((8,), "Cologne"),
    "Gamescom": ((8,), "Cologne"),
    "SelectUSA": ((5, 6), "Washington"),
    "셀렉트USA": ((5, 6), "Washington"),
    "BIO International": ((6,), ""),
    "바이오 인터내셔널": ((6,), ""),
    "BIO USA": ((6,), ""),  # the BIO International Convention, as Korean reports call it
    "바이오 USA": ((6,), ""),
    "바이오USA": ((6,), ""),
    "MEDICA": ((11,), "Düsseldorf"),
    "메디카": ((11,), "Düsseldorf"),
    "COMPUTEX": ((5, 6), "Taipei"),
    "컴퓨텍스": ((5, 6), "Taipei"),
    "Web Summit": ((11,), "Lisbon"),
    "웹서밋": ((11,), "Lisbon"),
    "SXSW": ((3,), "Austin"),
    "NAB Show": ((4,), "Las Vegas"),
    "파리에어쇼": ((6,), "Paris"),  # odd years, mid-June, Le Bourget
    "파리 에어쇼": ((6,), "Paris"),
    "Paris Air Show": ((6,), "Paris"),
    "판버러 에어쇼": ((7,), "Farnborough"),  # even years, July
    "판버러에어쇼": ((7,), "Farnborough"),
    "Farnborough Airshow": ((7,), "Farnborough"),
    "다보스포럼": ((1,), "Davos"),  # the World Economic Forum's annual meeting, January
    "다보스 포럼": ((1,), "Davos"),
    "Davos Forum": ((1,), "Davos"),
    "스마트시티 엑스포 월드 콩그레스": ((11,), "Barcelona"),
    "Smart City Expo World Congress": ((11,), "Barcelona"),
    "MIPIM": ((3,), "Cannes"),
    "ITB 베를린": ((3,), "Berlin"),
    "ITB Berlin": ((3,), "Berlin"),
}


@dataclass(frozen=True)
class Mention:
    """A date as the text gives it; `year`/`month` None when the text leaves them out."""

    begin: int  # offsets in the text
    end: int
    text: str
    day: int
    month: int | None = None
    year: int | None = None
    weekday: int | None = None  # 0 = Monday, when printed as `15일(화)`
    relative: str | None = None  # 지난 (past) | 오는 (coming)
    repaired: Reason | None = None  # how a damaged form was read
    month_offset: int | None = None  # 다음 달 2일 (+1), 지난달 30일 (-1), 이달 5일 (0)


@dataclass(frozen=True)
class Span:
    nights: int | None
    days: int
    text: str
    repaired: str | None = None


@dataclass
class Dated:
    """A date worked out, with the reason when the text does not state it whole."""

    date: dt.date
    reason: Reason | None = None


@dataclass
class TripDates:
    start: Dated
    end: Dated
    evidence: str  # the text the range was read from
    span: Span | None = None
    warnings: list[str] = field(default_factory=list)
    one_day: bool = False  # the article tells of one day (not a start or a day it happens to name)
    tied: bool = False  # no range: the first and last of the days the article ties the delegation to


_NUM = r"(\d{1,2})"
_FULL = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일|(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})\b")
_MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\s*일")
# `11.8(금) 미국 현지에서`: a month and day with its weekday, no 일
_DOTTED_WEEKDAY = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})(?=\s?\((?:월|화|수|목|금|토|일)\))")
# (`5일 간의 방일 일정`: a length with a space before 간, unlike `15일 간담회`)
_DAY = re.compile(r"(?<![\d.월박])(\d{1,2})\s*일(?!(?:간|째|정|반|대|본|보|원|환)|\s*동안|\s간(?:의|\s?일정))")
# `212일` from a text that lost its `월`: month and day run together, read only before 부터/~.
# `6박 8일(6. 8.~6. 16.)`: months and days with dots, as a range (a lone `6. 8.` may be anything).
_DOTTED_RANGE = re.compile(r"(?<![\d.])(?:1[0-2]|0?[1-9])\.\s?(?:[12]\d|3[01]|0?[1-9])\.?\s*[~∼〜\-–]\s*"
                           r"(?:1[0-2]|0?[1-9])\.\s?(?:[12]\d|3[01]|0?[1-9])\.?(?![\d.])")
_DOTTED_SIDE = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.?")
_RUN_TOGETHER = re.compile(r"(?<![\d.])(1[0-2]|[1-9])([0-3]\d)\s*일(?=\s*(?:부터|~|∼|-|–))")
# `12~17일`: the first day of a range that shares the second's 일.
_BARE_START = re.compile(r"(?<![\d.월])(\d{1,2})(?=\s*[~∼〜\-–]\s*\d{1,2}\s*일)")
# `다음 달 2일`, `지난달 30일`, `이달 5일`: a day in a month named relative to the article's.
_RELATIVE_MONTH = re.compile(r"(다음\s?달|내달|지난\s?달|전달|이번\s?달|이달)\s*(\d{1,2})\s*일(?!(?:간|째)|\s*동안)")
_MONTH_OFFSETS = {"다음달": 1, "내달": 1, "지난달": -1, "전달": -1, "이번달": 0, "이달": 0}
_WEEKDAY = re.compile(r"\s*\(\s*([월화수목금토일])\s*(?:요일)?\s*\)")
_SPAN = re.compile(r"(\d{1,2})\s*박\s*(\d{1,2})\s*일")
_DAMAGED_SPAN = re.compile(r"(?<![\d박])([1-9])([1-9])\s*일간")
_RANGE_JOIN = re.compile(r"\s*(?:부터|~|∼|〜|-|–|—|to|through|until|till|and)\s*(?:오는\s*|지난\s*|내년\s*|이듬해\s*|the\s+)?")
_YEAR_NAMED = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d년])(?!\.\d)")
# `이날부터`: from the day of the report the sentence has just named.
_THAT_DAY_ON = re.compile(r"이날(?=\s*부터)")
_REPORT_DAY = re.compile(r"(?<![\d.월])(\d{1,2})\s*일\s*(?:[가-힣A-Za-z]+\s*)?(?:에\s*)?따르면|"
                         r"(?<![\d.월])(\d{1,2})\s*일\s*밝혔다|(?<![\d.월])(\d{1,2})\s*일\s*(?:발표|전했다|말했다)")


# English: October 12, Oct. 12, 12 October, the 15th; months by name.
MONTHS_EN = {name: i + 1 for i, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"))) for name in names}
_MONTH_EN = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
            r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_EN_MONTH_DAY = re.compile(rf"\b{_MONTH_EN}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d{{2}}))?")
_EN_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_EN}(?:,?\s+((?:19|20)\d{{2}}))?")
_EN_ORDINAL = re.compile(r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b")
# `October 12 to 20`, `October 12-20`: the end day after a joining word.
_EN_RANGE_END = re.compile(r"\s*(?:to|through|until|till|and|-|–|~)\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b(?![:.]\d)(?!\s*(?:%|percent|nights|days|people|companies))")
# `the 22nd of last month`, `the 3rd of next month`: a day of the month before or after the article's.
_EN_RELATIVE_MONTH = re.compile(r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+of\s+(last|next|this)\s+month\b", re.I)
_EN_MONTH_OFFSETS = {"last": -1, "next": 1, "this": 0}
_NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                            "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
_EN_SPAN = re.compile(r"\b(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s+nights?\s+(?:and\s+)?(\d{1,2}|"
                      + "|".join(_NUMBER_WORDS) + r")\s+days?\b", re.I)


_EN_COUNT = r"(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
_EN_DAYS_NIGHTS = re.compile(rf"\b{_EN_COUNT}-days?,?\s+(?:and\s+)?{_EN_COUNT}-nights?\b", re.I)
_EN_NIGHTS_DAYS = re.compile(rf"\b{_EN_COUNT}-nights?,?\s+(?:and\s+)?{_EN_COUNT}-days?\b", re.I)  # `four-night, seven-day`
# `an 11-day trip`, `a four-day visit`, `a 6-day itinerary`: a length without nights.
_EN_DAYS = re.compile(rf"\b{_EN_COUNT}-day\s+(?:official\s+|overseas\s+|business\s+|working\s+)?"
                      r"(?:trip|visit|tour|itinerary|mission|schedule|journey|swing|stay)\b", re.I)
WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# `August 11 (Mon, local time)`, `Oct. 3 (Tuesday)`: the weekday printed beside an English date.
_WEEKDAY_EN = re.compile(r"\s*\(\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?(?=[\s,)])", re.I)
_EN_WEEKDAY_WORD = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def find_mentions(text: str) -> list[Mention]:
    """Every date mention in the text, in order, the longest reading of each place."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    def add(m: re.Match[str], **values: object) -> None:
        begin, end = m.span()
        wd = _WEEKDAY.match(text, end)
        weekday = None
        if wd:
            weekday = WEEKDAYS_KO.index(wd.group(1))
            end = wd.end()
        elif (wd := _WEEKDAY_EN.match(text, end)):
            weekday = [w[:3] for w in WEEKDAYS_EN].index(wd.group(1).lower())
        before = text[max(0, begin - 4):begin]
        relative = "지난" if "지난" in before else "오는" if "오는" in before else None
        found.append(Mention(begin, end, text[begin:end], weekday=weekday, relative=relative, **values))  # type: ignore[arg-type]
        taken.append((begin, end))

    for m in _SPAN.finditer(text):
        taken.append(m.span())
    for m in _FULL.finditer(text):
        g = m.groups()
        y, mo, d = (g[0], g[1], g[2]) if g[0] else (g[3], g[4], g[5])
        if _valid(int(y), int(mo), int(d)):
            add(m, year=int(y), month=int(mo), day=int(d))
    for r in _DOTTED_RANGE.finditer(text):
        if free(*r.span()):
            first = _DOTTED_SIDE.match(text, r.start())
            last = _DOTTED_SIDE.search(text, first.end() + 1, r.end()) if first else None
            if first and last and _valid(2000, int(first.group(1)), int(first.group(2))) and _valid(
                    2000, int(last.group(1)), int(last.group(2))):
                add(first, month=int(first.group(1)), day=int(first.group(2)))
                add(last, month=int(last.group(1)), day=int(last.group(2)))
    for m in _MONTH_DAY.finditer(text):
        if free(*m.span()) and _valid(2000, int(m.group(1)), int(m.group(2))):
            add(m, month=int(m.group(1)), day=int(m.group(2)))
    for pattern in (_DOTTED, _DOTTED_WEEKDAY):
        for m in pattern.finditer(text):
            if free(*m.span()) and _valid(2000, int(m.group(1)), int(m.group(2))):
                add(m, month=int(m.group(1)), day=int(m.group(2)))
    for m in _RUN_TOGETHER.finditer(text):
        if free(*m.span()) and _valid(2000, int(m.group(1)), int(m.group(2))):
            add(m, month=int(m.group(1)), day=int(m.group(2)),
                repaired=Reason(N_("'{text}' is read as {month}월 {day}일 (the text lost the 월 between month "
                                   "and day)."), text=m.group(0), month=int(m.group(1)), day=int(m.group(2))))
    for m in _RELATIVE_MONTH.finditer(text):
        if free(*m.span()) and 1 <= int(m.group(2)) <= 31:
            add(m, day=int(m.group(2)), month_offset=_MONTH_OFFSETS[re.sub(r"\s", "", m.group(1))])
    for m in _DAY.finditer(text):
        if free(*m.span()) and 1 <= int(m.group(1)) <= 31:
            add(m, day=int(m.group(1)))
    for m in _BARE_START.finditer(text):
        if free(*m.span()) and 1 <= int(m.group(1)) <= 31:
            add(m, day=int(m.group(1)))
    for m in _THAT_DAY_ON.finditer(text):  # `26일 여수시에 따르면 주 시장은 이날부터 다음 달 5일까지`
        said = None
        for said in _REPORT_DAY.finditer(text, max(0, m.start() - 600), m.start()):
            pass
        # (`... 기념행사를 한다고 13일 밝혔다. 이를 위해 ... 방문단은 이날부터 16일까지`: a later sentence,
        # with no other day between them)
        between = text[said.end():m.start()] if said is not None else ""
        if said is not None and free(*m.span()) and (
                (said.start() >= m.start() - 80 and not re.search(r"[.!?]\s|다\.", between))
                or not re.search(r"(?<!\d)\d{1,2}\s*일|이튿날|다음\s*날|전날", between)):
            add(m, day=int(next(g for g in said.groups() if g)))
    for m in _EN_SPAN.finditer(text):
        taken.append(m.span())
    for m in _EN_MONTH_DAY.finditer(text):
        month, day = MONTHS_EN[m.group(1).lower()], int(m.group(2))
        if free(*m.span()) and _valid(2000, month, day):
            add(m, month=month, day=day, year=int(m.group(3)) if m.group(3) else None)
            _en_range_end(text, m.end(), add, free)
    for m in _EN_DAY_MONTH.finditer(text):
        month, day = MONTHS_EN[m.group(2).lower()], int(m.group(1))
        if free(*m.span()) and _valid(2000, month, day):
            add(m, month=month, day=day, year=int(m.group(3)) if m.group(3) else None)
    for m in _EN_RELATIVE_MONTH.finditer(text):  # `the 22nd of last month`, `on the 3rd of next month`
        if free(*m.span()) and 1 <= int(m.group(1)) <= 31:
            add(m, day=int(m.group(1)), month_offset=_EN_MONTH_OFFSETS[m.group(2).lower()])
    for m in _EN_ORDINAL.finditer(text):
        if free(*m.span()) and 1 <= int(m.group(1)) <= 31:
            add(m, day=int(m.group(1)))
            _en_range_end(text, m.end(), add, free)
    return sorted(found, key=lambda x: x.begin)


def _en_range_end(text: str, at: int, add, free) -> None:  # noqa: ANN001
    """The end day of `October 12 to 20`, a mention of its own."""
    m = _EN_RANGE_END.match(text, at)
    if m and 1 <= int(m.group(1)) <= 31:
        end = re.compile(r"\d{1,2}(?:st|nd|rd|th)?").search(text, m.start(1))
        if end and free(end.start(), end.end()):
            add(end, day=int(m.group(1)))


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def find_span(text: str) -> tuple[Span, int] | None:
    """The first `N박 M일` (or `six nights and nine days`) of the text, and where it is."""
    m = _SPAN.search(text)
    if m:
        return Span(int(m.group(1)), int(m.group(2)), m.group(0)), m.start()
    m = _EN_SPAN.search(text)
    if m:
        return Span(_number(m.group(1)), _number(m.group(2)), m.group(0)), m.start()
    m = _DAYS_SPAN.search(text)
    if m:
        days = int(m.group(1)) if m.group(1) else DAY_COUNTS[m.group(2)]
        if days >= 2:
            return Span(None, days, m.group(0)), m.start()
    m = _EN_DAYS_NIGHTS.search(text)
    if m:
        return Span(_number(m.group(2)), _number(m.group(1)), m.group(0)), m.start()
    m = _EN_NIGHTS_DAYS.search(text)
    if m:
        return Span(_number(m.group(1)), _number(m.group(2)), m.group(0)), m.start()
    m = _EN_DAYS.search(text)
    if m and _number(m.group(1)) >= 2:
        return Span(None, _number(m.group(1)), m.group(0)), m.start()
    return None


_QUOTED = re.compile(r"“[^“”\n]{10,}?”|\"[^\"\n]{10,}?\"")


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    """Whether offset `at` falls within one of `spans` (quotations, the day of a report)."""
    return any(a <= at < b for a, b in spans)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where the text quotes someone (`“...”`): a range of days inside a quote is what a speaker
    said, not the article's own dates for the trip."""
    return [m.span() for m in _QUOTED.finditer(text)]


def find_ranges(text: str, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Pairs of mentions joined as a range (`A부터 B까지`, `A~B`)."""
    ranges = []
    for a, b in zip(mentions, mentions[1:]):
        between = text[a.end:b.begin]
        if _RANGE_JOIN.fullmatch(between) or re.fullmatch(r"\s*부터\s*", between):
            ranges.append((a, b))
    return ranges


# Lengths in days written as words: 이틀 (2 days), 사흘 (3) ... 열흘 (10).
DAY_COUNTS = {"이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "여드레": 8, "아흐레": 9, "열흘": 10}
_COUNT_WORD = "|".join(DAY_COUNTS)
_LENGTH = re.compile(r"\s*(?:부터)\s*(?:\d{1,2}\s*박\s*)?(?:(\d{1,2})\s*일(?:간|\s간(?=의|\s?일정)|\s*일정|\s*동안)|"
                     rf"({_COUNT_WORD})\s*(?:간|\s*일정|\s*동안))")
_LENGTH_LATER = re.compile(r"\s*부터\s+[^\d.\n“”\"]{1,40}?\s(\d{1,2})\s*박\s*(\d{1,2})\s*일(?=간|\s*일정|\s*동안)")
# `사흘 일정으로`, `3일 일정으로`: a reported length without nights.
# (`17일 일정` alone may be the 17th's programme: a number needs 간 or 으로; `8월 1일~7일 일정으로`
# is a range's last day.)
_DAYS_SPAN = re.compile(rf"(?<![\d박~∼～〜–-])(?<![~∼～〜–-]\s)(?:(\d{{1,2}})\s*일(?:간의?\s*일정|\s*일정으로)|({_COUNT_WORD})\s*(?:간의?\s*)?일정)")


# English: `a 10-day schedule from the 22nd`, `an 11-day trip starting on Oct. 21`: the length
# right before the start.
_EN_TRIP_WORD = r"(?:trip|visit|tour|itinerary|schedule|mission|journey|swing|stay)"
# (`a 10-day trip to Europe and Central Asia starting Oct. 5`: the places may come between)
_EN_LENGTH_FROM = re.compile(rf"\b{_EN_COUNT}-day\s+(?:[\w-]+\s+){{0,2}}?{_EN_TRIP_WORD}\s+"
                             r"(?:(?:to|in|across)\s+[^.\n]{1,60}?\s+)?(?:from|starting|beginning)(?:\s+on)?\s+$", re.I)
# `will depart on Oct. 3 for an eight-day trip`, `left for Vietnam on Oct. 2 on a five-day visit`:
# the length right after a day of setting out.
_EN_LENGTH_AFTER = re.compile(rf",?\s+(?:for|on)\s+(?:a|an)\s+{_EN_COUNT}-day\s+(?:[\w-]+\s+){{0,2}}?"
                              rf"{_EN_TRIP_WORD}\b", re.I)


def start_and_length(text: str, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """`23일부터 7일간`, `10일부터 사흘 일정으로`: a start and a length, as a range whose end is
    the last day; in English the length before the start (`a 10-day schedule from the 22nd`)."""
    for mention in mentions:
        en = _EN_LENGTH_FROM.search(text, max(0, mention.begin - 140), mention.begin)
        if en and 1 < _number(en.group(1)) <= 60:
            return [(mention, Mention(en.start(), en.end(), en.group(0).strip(), day=-_number(en.group(1))))]
        en = _EN_LENGTH_AFTER.match(text, mention.end)
        if en and 1 < _number(en.group(1)) <= 60 and mention.day > 0 and _EN_SETS_OUT.search(
                text, max(0, mention.begin - 120), mention.begin):
            return [(mention, Mention(en.start(1), en.end(), en.group(0).strip(" ,"), day=-_number(en.group(1))))]
        en = _EN_FOR_DAYS.match(text, mention.end)
        if en and 1 < _number(en.group(1)) <= 60 and mention.day > 0 and _EN_FROM_THE.search(
                text, max(0, mention.begin - 20), mention.begin):
            # `From the 18th, Daejeon City Executive Mayor ... is carrying out ... diplomacy ... for 5 days`
            return [(mention, Mention(en.start(1), en.end(), en.group(0).strip(" ,"), day=-_number(en.group(1))))]
        m = _LENGTH.match(text, mention.end)
        if not m:
            later = _LENGTH_LATER.match(text, mention.end)
            if later and 1 < int(later.group(2)) <= 60:
                # `오는 20일부터 서산시장 이완섭을 비롯한 방문단이 2박 4일 일정으로`: the span a few words on
                return [(mention, Mention(later.start(1), later.end(), later.group(0).strip(),
                                          day=-int(later.group(2))))]
            continue
        length = int(m.group(1)) if m.group(1) else DAY_COUNTS[m.group(2)]
        if 1 < length <= 60:
            group = 1 if m.group(1) else 2
            end = Mention(m.start(group), m.end(), m.group(0).strip(), day=-length)
            return [(mention, end)]
    return []


# `From the 18th, ... for 5 days`: a sentence that opens with its start and ends with a length.
_EN_FROM_THE = re.compile(r"(?:^|[.\n]\s*)From\s+(?:the\s+)?$")
# (the length closes the sentence and nothing of time comes before it: not `... where the fair runs for
# 3 days, and Bangkok, returning home on the 26th`, nor `a 9-day trip ..., including Hanoi for 3 days`)
_EN_FOR_DAYS = re.compile(rf"(?:(?!\b(?:\d{{1,2}}(?:st|nd|rd|th)|returning|through|until|including|trip|runs?|held)\b)[^.\n]){{0,240}}?"
                          rf"\bfor\s+{_EN_COUNT}\s+days(?=\s*(?:[.\n]|$))", re.I)

# (`25일 인천공항을 통해 출국했다`: up to three words between the day and the verb)
_SETS_OUT = re.compile(r"\s*(?:부터|(?:[가-힣]{1,6}\s){0,3}(?:출국|출발|출장길에|방문길에))")
_RETURNS = re.compile(r"\s*(?:(?:오전|오후|새벽|밤|저녁|아침)\s*)?(?:[가-힣]{1,4}\s)?(?:귀국|돌아(?:왔|온다|올|와)|복귀(?:했|한다|할))")
# `31일 ... 간담회를 열고 ... 공유했다. 오 지사는 지난 25일부터 중국 출장길에 올라 이날 복귀했다`: back on
# the day the sentence before is of.
_BACK_THAT_DAY = re.compile(r"이날\s?(?:[가-힣]{1,4}\s)?(?:귀국|복귀|돌아)")


# `지난 4일 밤늦게 군산에 도착했다`: back in a Korean city (or at a Korean airport), not abroad.
_ARRIVES = re.compile(r"\s*(?:(?:오전|오후|새벽|밤|밤늦게|늦게|저녁)\s*)?([가-힣]{2,8}?)(?:\s?국제)?(?:공항)?에\s?"
                      r"(?:무사히\s?)?도착(?:했|한|하|해)")
_KOREAN_AIRPORTS = ("인천", "김포", "김해", "제주", "청주", "대구", "무안", "양양")


def _arrives_home(text: str, at: int) -> bool:
    """Whether the words after a day say the delegation arrived back in Korea that day."""
    from . import localgov

    m = _ARRIVES.match(text, at)
    if m is None:
        return False
    place = m.group(1)  # (a local government's bare name, 군산 for 군산시, is one of its names)
    return place in _KOREAN_AIRPORTS or place in ("한국", "국내", "고국") or place in localgov.by_name()


# `오는 11일 동해시장 ... 일행은 동해항에서 ... 블라디보스톡 출장길에 올라`, `지난달 28일 미국 보령머드축제
# 월드 투어에 나선`: setting out, told further on in the sentence of the day.
SETS_OUT_LATER = re.compile(r"(?:출장|방문|순방|투어|여정|장도|해외\s?일정)(?:\s?길)?에\s?(?:올랐|오른|올라|오르|나섰|나선|나서)|"
                             r"출국(?:했|한|하|해|길)|출발(?:했|한|하|해)")


def _end_of_sentence(text: str, at: int) -> int:
    """Where the sentence going on at `at` ends (its `다.` or its line's end)."""
    return min([i for i in (text.find("다.", at), text.find("\n", at)) if i >= 0] or [len(text)])


def _sets_out_later(text: str, first: Mention, mentions: list[Mention]) -> bool:
    """Whether the sentence of a day goes on to say the delegation set out (with no other day
    named before the words that say so)."""
    if any(_inside(first.begin, [m.span()]) for m in _REPORT_DAY.finditer(text, max(0, first.begin - 2))):
        return False  # `10일 동해시에 따르면`: the day of the report
    stop = _end_of_sentence(text, first.end)
    verb = SETS_OUT_LATER.search(text, first.end, min(stop, first.end + 120))
    return verb is not None and not any(first.end <= m.begin < verb.start() for m in mentions)


def _departure_and_return(text: str, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """`지난 17일부터 ... 참석했고 ... 19일 귀국했다`, `8일 출국해 ... 12일 귀국한다`: the day the
    delegation set out and, later in the text (or in the lead just before: `순방을 성공리에 마치고 6일
    귀국했다. 지난달 31일 ... 순방 길에 올랐던`), the day it came home, as the trip's range."""
    for i, first in enumerate(mentions):
        if first.day < 0 or not (_SETS_OUT.match(text, first.end) or _sets_out_later(text, first, mentions)):
            continue
        for last in mentions[i + 1:] + [m for m in mentions[:i] if first.begin - m.begin <= 300]:
            if not (_RETURNS.match(text, last.end) or _arrives_home(text, last.end)):
                continue
            months_agree = first.month is None or last.month is None or (first.month, first.day) <= (last.month, last.day)
            # (`지난달 28일 ... 나선 ... 지난 8일 귀국했다`: set out the month before the one of coming home)
            month_before = first.month_offset is not None and last.month_offset is None and (
                first.month_offset < 0 or first.month_offset == 0 and first.day <= last.day)
            if months_agree and (last.month is not None or first.month is not None or first.day <= last.day
                                 or month_before):
                return [(first, last)]
        if _BACK_THAT_DAY.search(text, first.end, _end_of_sentence(text, first.end)):
            before = [m for m in mentions[:i] if 0 < first.begin - m.begin <= 300 and m.day > first.day
                      and m.month == first.month and m.month_offset is None]
            if before:
                return [(first, before[-1])]
    return []


# A trip cut short: a return in the past, told with its cause (`급거 귀국`, `일정을 전면 취소하고`).
_CUT_SHORT = re.compile(r"급거|조기\s?귀국|일정을?\s?(?:전면\s?|모두\s?)?취소|일정을?\s?앞당겨|일정을?\s?중단")
_CAME_HOME = re.compile(r"[^.\n]{0,30}?(?:귀국했|귀국한\s?것|돌아왔)")


def _cut_short(text: str, mentions: list[Mention], first: Mention, last: Mention) -> tuple[Mention, str] | None:
    """A day inside the planned range on which the delegation came home early, and the words
    that say why, or None."""
    if last.day < 0 or last.month_offset is not None or first.month_offset is not None:
        return None
    month = first.month
    for m in mentions:
        if m is first or m is last or m.year is not None or m.month_offset is not None:
            continue
        if (m.month or month) != month or (last.month or month) != month or not first.day < m.day < last.day:
            continue
        if not _CAME_HOME.match(text, m.end):
            continue
        why = _CUT_SHORT.search(_sentence_around(text, m.begin, m.end))
        if why is not None:
            return m, why.group(0)
    return None


# English: `embarked on a 13-day mission ... on May 6, returned home on May 18`, `left for Tokyo
# on Oct. 3 ... will return on Oct. 7`.
_EN_SETS_OUT = re.compile(r"\b(?:embark(?:s|ed)?|depart(?:s|ed)?|left|leaves?|set(?:s)? (?:out|off)|head(?:s|ed)? "
                          r"(?:for|to)|flew|flies|fly)\b[^.\n]{0,80}?\b(?:on|from)\s+(?:the\s+)?$", re.I)
_EN_RETURNS = re.compile(r"\breturn(?:s|ed|ing)?\b(?:\s+(?:home|to\s+(?:Korea|Seoul|the\s+country)))?"
                         r"[^.\n]{0,30}?\bon\s+(?:the\s+)?$", re.I)


def _en_departure_and_return(text: str, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """`embarked on ... on May 6, returned home on May 18`: the day of setting out and the day
    of coming home, later in the text, as the trip's range (English)."""
    for i, first in enumerate(mentions):
        if first.day < 0 or not _EN_SETS_OUT.search(text, max(0, first.begin - 120), first.begin):
            continue
        for last in mentions[i + 1:]:
            if _EN_RETURNS.search(text, max(0, last.begin - 60), last.begin) and (
                    last.month is None or first.month is None or (first.month, first.day) <= (last.month, last.day)):
                return [(first, last)]
    # `returned to Korea on April 25 after ... visits to the US, Australia ...` first, `visited the US on
    # April 15` after it: the return told first, and the earliest day of a visit before it
    back = next((m for m in mentions if m.month is not None and m.day > 0
                 and _EN_RETURNS.search(text, max(0, m.begin - 60), m.begin)), None)
    if back is not None:
        visits = [m for m in mentions if m.month is not None and m.day > 0 and m is not back
                  and (visit := _EN_VISITED_DAY.search(text, max(0, m.begin - 80), m.begin)) is not None
                  and not _korean_place_en(visit.group(1)) and m.year in (None, back.year)
                  and 0 < (back.month - m.month) * 31 + back.day - m.day <= 21]
        if visits:
            return [(min(visits, key=lambda m: (m.month, m.day)), back)]
    return []


# `Governor Kim visited the US on April 15`: a visit abroad on a day, in English.
_EN_VISITED_DAY = re.compile(r"\b(?:visited|arrived\s+in)\s+(?:the\s+)?([A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,2})\s+on\s+$")


def _korean_place_en(name: str) -> bool:
    """Whether an English place name is Korea or one of its local governments (`Gyeongbuk`): a
    visit there is a guest's, not the delegation's."""
    from .english import home_mentions

    return bool(re.match(r"(?:South\s+)?Korea\b", name)) or bool(home_mentions(name))


# English weekdays around the published date: `Starting Friday, Oh will visit Paris`, `a
# four-day trip there through Wednesday`.
_EN_STARTS_ON = re.compile(rf"\b(?:[Ss]tarting|[Bb]eginning|[Ff]rom|leaves?(?:\s+on)?|departs?(?:\s+on)?|left\s+on|"
                           rf"set(?:s)?\s+(?:out|off)\s+on|(?:(?:first\s+)?(?:fly|flies|flew|travel(?:s|ed)?|head(?:s|ed)?)"
                           rf"\s+(?:first\s+)?to|(?:leaves?|left|leaving|depart(?:s|ed|ing)?)\s+for|embark(?:s|ed)?\s+on\s+an?"
                           rf"\s+[\w-]+\s+(?:[\w-]+\s+)?{_EN_TRIP_WORD}\s+to)"
                           rf"\s+(?:the\s+)?[A-Z][\w\-]*(?:\s[A-Z][\w\-]*){{0,2}}\s+on)\s+(?:this\s+|next\s+)?"
                           rf"{_EN_WEEKDAY_WORD}\b")
_EN_ENDS_ON = re.compile(rf"\b(?:through|until|till|returns?\s+(?:home\s+)?on|returning\s+(?:home\s+)?on|"
                         rf"return(?:s|ing)?\s+home)\s+(?:on\s+)?(?:this\s+|next\s+)?{_EN_WEEKDAY_WORD}\b")
_EN_FUTURE = re.compile(r"\b(?:will|plans?|planned|is to|are to|scheduled|set to|expected to|starting|beginning)\b", re.I)


def _weekday_near(anchor: dt.date, weekday: int, forward: bool) -> dt.date:
    """The date of `weekday` nearest `anchor` on its side (forward: on or after it)."""
    step = (weekday - anchor.weekday()) % 7 if forward else -((anchor.weekday() - weekday) % 7)
    return anchor + dt.timedelta(days=step)


def _en_weekday_trip(text: str, hint: "YearHint", span: Span | None) -> TripDates | None:
    """The range of an English report that dates the trip by weekdays and a length (`an
    11-day trip` ... `Starting Friday`; `a four-day trip through Wednesday`), counted from the
    published date: the weekday on or after it where the text speaks of the future, else on
    or before it."""
    if hint.published is None:
        return None
    if span is None:
        return _en_weekday_bounds(text, hint) or _en_last_weekdays(text, hint)
    for pattern, is_start in ((_EN_STARTS_ON, True), (_EN_ENDS_ON, False)):
        m = pattern.search(text)
        if not m:
            continue
        weekday = WEEKDAYS_EN.index(m.group(1).lower())
        sentence = _sentence_around(text, m.start(), m.end())
        forward = bool(_EN_FUTURE.search(sentence))
        day = _weekday_near(hint.published, weekday, forward)
        length = dt.timedelta(days=span.days - 1)
        start, end = (day, day + length) if is_start else (day - length, day)
        why = Reason(N_("'{words}' is read as the first such weekday on or after the published date {date} "
                        "({source}), and the trip as the length the article gives ('{span}')."), words=m.group(0),
                     date=hint.published, source=hint.source, span=span.text) if forward else Reason(
            N_("'{words}' is read as the last such weekday on or before the published date {date} ({source}), and "
               "the trip as the length the article gives ('{span}')."), words=m.group(0), date=hint.published,
            source=hint.source, span=span.text)
        return TripDates(start=Dated(start, why), end=Dated(end, why), evidence=sentence, span=span)
    return None


# A wire dateline with no year and the weekday of the report: `SEOUL, Sept. 14 (Yonhap) -- ...,
# his office said Thursday.`
_EN_DATELINE_DAY = re.compile(rf"^[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+)*,\s+{_MONTH_EN}\.?\s+(\d{{1,2}})\s*\(")
_EN_SAID_ON = re.compile(rf"\b(?:said|announced|told|reported|added)\b[^.\n]{{0,40}}?\b(?:on\s+)?{_EN_WEEKDAY_WORD}\b")


def dateline_weekday(text: str) -> tuple[dt.date, str] | None:
    """The report's date from a wire dateline without its year and the weekday the report
    names (`SEOUL, Sept. 14 (Yonhap) -- ... said Thursday`): the latest year, up to this one, in
    which that day is that weekday (the same weekday comes back every 5 to 11 years: an
    assumption to check), with the words it was read from."""
    m = _EN_DATELINE_DAY.search(text.lstrip())
    if m is None:
        return None
    paragraph = text.lstrip().split("\n", 1)[0]
    said = _EN_SAID_ON.search(paragraph)
    if said is None:
        return None
    month, day = MONTHS_EN[m.group(1).lower().rstrip(".")], int(m.group(2))
    weekday = WEEKDAYS_EN.index(said.group(1).lower())
    for year in range(dt.date.today().year, 1989, -1):
        if _valid(year, month, day) and dt.date(year, month, day).weekday() == weekday:
            return dt.date(year, month, day), f"{m.group(0).rstrip('( ')} ... {said.group(0)}"
    return None


def _en_weekday_bounds(text: str, hint: "YearHint") -> TripDates | None:
    """An English report with no length that names the weekday the trip starts and the one it
    ends (`will first fly to Paris on Tuesday ... before returning home Friday`), each counted
    from the published date as `_en_weekday_trip` counts one."""
    found = []
    for pattern in (_EN_STARTS_ON, _EN_ENDS_ON):
        m = pattern.search(text) or (_EN_VISITED_ON.search(text) if pattern is _EN_STARTS_ON else None)
        if not m:
            return None
        sentence = _sentence_around(text, m.start(), m.end())
        day = _weekday_near(hint.published, WEEKDAYS_EN.index(m.group(1).lower()), bool(_EN_FUTURE.search(sentence)))
        found.append((m, day, sentence))
    (m1, start, sentence), (m2, end, _) = found
    if not dt.timedelta(0) <= end - start <= dt.timedelta(days=21):
        return None
    why = Reason(N_("'{first}' and '{last}' are read as the nearest such weekdays to the published date {date} "
                    "({source}): after it where the text speaks of what will be, before it where of what was."),
                 first=m1.group(0), last=m2.group(0), date=hint.published, source=hint.source)
    start_why = why
    if m1.re is _EN_VISITED_ON:
        sentence = found[1][2]  # the range is told where it ends; the visit is a day of it
        start_why = Reason(N_("The article does not say when the trip began; it starts here on the first day it puts "
                              "the delegation abroad ('{first}', the nearest such weekday before the published date "
                              "{date}, {source}): it may have begun earlier."), first=m1.group(0),
                           date=hint.published, source=hint.source)
    return TripDates(start=Dated(start, start_why), end=Dated(end, why), evidence=sentence, span=None)


# `during his visit to Beijing last Thursday and Friday`: the days of a visit just past.
_EN_LAST_WEEKDAYS = re.compile(rf"\b(?:visit(?:ed|ing)?|trip|tour(?:ed)?|met|meeting|talks)\b[^.\n]{{0,60}}?\blast\s+"
                               rf"{_EN_WEEKDAY_WORD}(?:\s+and\s+{_EN_WEEKDAY_WORD})?\b")


def _en_last_weekdays(text: str, hint: "YearHint") -> TripDates | None:
    """A report of a visit dated only by the weekdays just past (`his visit to Beijing last
    Thursday and Friday`): each the last such weekday before the published date."""
    m = _EN_LAST_WEEKDAYS.search(text)
    if m is None or hint.published is None:
        return None
    first = _weekday_near(hint.published - dt.timedelta(days=1), WEEKDAYS_EN.index(m.group(1).lower()), False)
    last = first
    if m.group(2):
        gap = (WEEKDAYS_EN.index(m.group(2).lower()) - first.weekday()) % 7
        last = first + dt.timedelta(days=gap)
        if last >= hint.published:
            return None
    why = Reason(N_("'{words}' is read as the days just before the published date {date} ({source})."),
                 words=m.group(0)[m.group(0).find("last"):], date=hint.published, source=hint.source)
    return TripDates(start=Dated(first, why), end=Dated(last, why),
                     evidence=_sentence_around(text, m.start(), m.end()), span=None)


# With no departure told, the first day a report puts the leader abroad: `Mayor Jeong visited
# Torrance, a city in southern California on Wednesday`.
_EN_VISITED_ON = re.compile(rf"\b(?:visited|arrived\s+in|met\s+with|toured)\b[^.\n]{{0,80}}?\bon\s+{_EN_WEEKDAY_WORD}\b")


# An event's own dates, not the trip's: `CES는 7∼10일 ... 라스베이거스 컨벤션센터에서 열린다`
# (the sentence says the event is held and names no one of the delegation).
# (`이번 협약으로 오는 9월 5일부터 6일까지 '에어로마트 사천 2019' 행사를 개최하기로 하고`: to be held)
_SIGNED_REPORTED = re.compile(r"(?:체결|서명|맺었)[가-힣]{0,3}고\s*\d{1,2}\s*일\s*밝혔")
# A signing ceremony told as held on the day the sentence before is of (`이날 협약식에서는`).
_CEREMONY_THAT_DAY = re.compile(r"이날\s?(?:[가-힣]{1,4}\s)?(?:협약식|체결식|서명식|조인식)")
_HELD = re.compile(r"(?:열린다|열렸다|열리며|열리고|열리는|열린\s|개최된다|개최됐다|개최되며|개최되는|개최된\s|진행된다|"
                   r"개최하기로|개최키로|열기로|치러지는|치러진다|치러졌|치러지며)")
_DELEGATION = re.compile(r"대표단|방문단|사절단|일행|출장단|교류단|개척단|단장|출장|순방|출국|방문한다|방문했다|"
                         r"[가-힣]{2,4}\s?(?:지사|시장|군수|구청장|도지사)(?:는|은|이|가|과|와)")


def _event_range(text: str, first: Mention, last: Mention) -> bool:
    """Whether the range is the dates of an event the sentence says is held (`CES는 7∼10일
    ... 열린다`), in a sentence that names no one of the delegation: not the trip's range."""
    sentence = _sentence_around(text, first.begin, last.end)
    after = sentence[sentence.find(last.text) + len(last.text):] if last.text in sentence else sentence
    return bool(_HELD.search(after)) and not _DELEGATION.search(sentence)


_SETS_OUT_VERB = re.compile(r"출국|출발|출장길|방문길|길에\s?(?:올랐|오른|나섰|나선)|떠났|떠난다|떠나|"
                            r"비행기에\s?(?:몸을\s?)?(?:실|싣|올)")  # `미국행 비행기에 몸을 실은`


def _departure_and_span(text: str, mentions: list[Mention], span: tuple[Span, int] | None
                        ) -> list[tuple[Mention, Mention]]:
    """`8일 ... 6박 8일 일정으로 미국 출장길에 올랐다`: the day of the sentence that reports the
    departure, before its span, starts the trip; the span's days give its end. The span may be
    printed more than once (a headline's `6박8일` above the lead's `6박 8일간`): each is tried."""
    if span is None or not span[0].days or span[0].days < 2:
        return []
    reported = [m.span() for m in _REPORT_DAY.finditer(text)]

    def sets_out(m: Mention) -> bool:  # (`9일 ... 출국, 18일까지 8박 10일`: the 18th is the end)
        return (m.day >= 0 and m.month_offset is None and not _inside(m.begin, reported)
                and not text.startswith("까지", m.end))

    in_ranges = {x.begin for r in find_ranges(text, mentions) for x in r}  # (`15일부터 20일까지 4박5일`: told)
    places = [span[1]] + [m.start() for m in _SPAN.finditer(text) if m.start() != span[1]
                          and (int(m.group(1)), int(m.group(2))) == (span[0].nights, span[0].days)]
    for at in places:
        written = _SPAN.match(text, at)
        length = written.end() - at if written else len(span[0].text)
        sentence = _sentence_around(text, at, at + length)
        begin = text.find(sentence)
        if begin < 0:
            continue
        # `9월 21일 7박 10일 일정으로 ... 방문`: the day right before the span starts the trip; `오는 14일까지
        # 7박 9일 일정으로`: the day before the span, with 까지, ends it
        for m in reversed([m for m in mentions if begin <= m.begin < at and m.day > 0 and m.year is None
                           and not _inside(m.begin, reported) and m.begin not in in_ranges]):
            between = text[m.end:at]
            if not between.strip() and m.month_offset is None:
                if _WRAPPED_UP.match(text, at + length):
                    # `28일 10박12일 일정의 해외순방을 마무리했다`: the day the span ends (not yet when its
                    # start falls in the month before: `3일 10박12일 ... 마무리했다`)
                    if m.day - span[0].days + 1 >= 1:
                        return [(dataclasses.replace(m, day=m.day - span[0].days + 1, weekday=None), m)]
                return [(m, Mention(at, at + length, text[at:at + length], day=-span[0].days))]
            if re.fullmatch(r"\s*까지\s*", between) and m.day - span[0].days + 1 >= 1:
                return [(dataclasses.replace(m, day=m.day - span[0].days + 1, weekday=None), m)]
            break
        before = [m for m in mentions if begin <= m.begin < at and sets_out(m)] if _SETS_OUT_VERB.search(sentence) else []
        if not before:
            # `김 지사가 22일 유럽 출장을 떠난다. 20일 충남도에 따르면 김 지사는 6박 8일 일정으로`: the
            # departure told in a sentence of its own just before the span's
            before = [m for m in mentions if at - 300 <= m.begin < begin and sets_out(m)
                      and _SETS_OUT_VERB.search(_sentence_around(text, m.begin, m.end))]
        if not before and _WRAPPED_UP.match(text, at + length):
            # `3박4일 방일 일정을 마무리하고 전날 귀국했다. 지난 1일 출국한 방문단은`: the departure told in
            # the sentence after the span's, its day right before the verb
            after_end = begin + len(sentence)
            before = [m for m in mentions if after_end <= m.begin < after_end + 200 and sets_out(m)
                      and m.relative == "지난"
                      and _SETS_OUT_RIGHT_AFTER.match(text, m.end)][:1]
        if before:
            return [(before[-1], Mention(at, at + length, text[at:at + length], day=-span[0].days))]
        # `2박 3일간의 일정으로 ... 지난달 25일 상락시를 방문했다`: the one day after the span, the day of
        # the visit the sentence reports, starts the trip (not `방문 중인`: a day within it)
        after = [m for m in mentions if at < m.begin < begin + len(sentence) and m.day > 0 and m.year is None
                 and not _inside(m.begin, reported) and m.begin not in in_ranges]
        if (len(after) == 1 and _VISITS_THAT_DAY.match(text, after[0].end) and not _ONGOING.search(sentence)
                and after[0].month_offset in (None, 0, -1)):
            return [(after[0], Mention(at, at + length, text[at:at + length], day=-span[0].days))]
    return []


# A span whose programme is done (`10박12일 일정의 해외순방을 마무리했다`, `3박4일 방일 일정을 마치고`).
_WRAPPED_UP = re.compile(r"\s*(?:간의?\s*|의\s*)?(?:[가-힣]{1,6}(?<![해고로서며나와과])\s){0,2}?(?:일정|출장|방문|순방|해외순방)[을를]\s*(?:모두\s*)?"
                         r"(?:마무리|마치|마쳤|끝내|끝냈)")
_SETS_OUT_RIGHT_AFTER = re.compile(r"\s*(?:[가-힣]{1,6}\s)?(?:출국|출발)")

# The verb of a visit right after its day and place (`25일 상락시를 방문했다`, `8일 출국했다`).
_VISITS_THAT_DAY = re.compile(r"[^.\n\d]{0,30}?(?:방문했|방문한다|방문할\s?예정|방문하였|출국|떠났|떠난다)")


def named_years(text: str) -> dict[int, str]:
    """Years printed in the text outside dates, with the words around the first of each
    (`AUSA 2024`, `CES 2025`, `2024 코리아 위크`)."""
    years: dict[int, str] = {}
    for m in _YEAR_NAMED.finditer(text):
        year = int(m.group(1))
        after = text[m.end():m.end() + 3]
        if re.match(r"(\s*년|%|명|개|억|만|원|여|천|조|\s*년도)", after):
            continue
        if _home_event(text, m.start(), m.end()):
            continue
        if _BID.match(text, m.end()):  # `2027 하계세계대학경기대회 충청권 유치`: an event still to be won
            continue
        before = text[max(0, m.start() - 20):m.start()]
        phrase = (re.findall(r"[\w가-힣·\-]+\s*$", before) or [""])[0] + m.group(1)
        if phrase == m.group(1):  # (`'2023 한국주간'`: the words after a year that opens a name)
            phrase += (re.findall(r"^\s?[\w가-힣·\-]+", text[m.end():m.end() + 20]) or [""])[0]
        years.setdefault(year, phrase.strip())
    return years


_BID = re.compile(r"\s?[가-힣A-Za-z·\s]{0,20}?(?:대회|박람회|엑스포|올림픽|게임|총회|유니버시아드)[가-힣\s]{0,10}?유치")


def _home_event(text: str, begin: int, at: int) -> bool:
    """Whether the year text[begin:at] begins the name of an event of a Korean local government
    (`2020함양산삼엑스포`): held at home, before or after the trip, it does not date a trip
    abroad. Not the year of an event named before it (`CES 2025 대전통합관`: CES's year)."""
    from . import localgov

    if re.search(r"[A-Za-z]\s?$", text[max(0, begin - 3):begin]):
        return False
    m = re.match(r"\s?([가-힣]{2,5})", text[at:at + 8])
    if m is None:
        return False
    names = localgov.by_name()
    word = m.group(1)
    if _KOREA_ABROAD.match(text, at):  # `'2023 한국주간' 행사` in Ulaanbaatar: Korea shown abroad
        return False
    if word.startswith(_KOREAN_REGIONS):  # `2027 충청권 하계세계대학경기대회`: a region of Korea hosts it
        return True
    # (a short name ending in 도 is a county's, `2017 완도국제해조류박람회`; 경기도 and the like are provinces,
    # and 청도 is Qingdao too, as older press writes it: `2011 청도국제맥주축제`)
    return any(word.startswith(name) for name, govs in names.items() if len(name) >= 2 and not (
        name.endswith(("시", "군")) or (name.endswith("도") and (
            any(g.kind == "province" for g in govs) or name in _READ_AS_A_CITY_ABROAD))))


# Counties' short names that older press also writes for a city abroad, in its Sino-Korean reading
# (青島, Qingdao: 청도).
_READ_AS_A_CITY_ABROAD = frozenset({"청도"})


# Events that show Korea in a city abroad: `2023 한국주간`, `2019 한국의 날`, `2024 코리아 위크`.
_KOREA_ABROAD = re.compile(r"\s?(?:한국|코리아)\s?(?:주간|위크|의\s?날|문화\s?(?:주간|축제|페스티벌|제)|상품전|우수상품)")

# Regions of Korea larger than one local government, as event names use them.
_KOREAN_REGIONS = ("충청", "영남", "호남", "수도권", "전라", "경상", "대경권", "동남권", "서남권", "한국", "대한민국", "전국")


_FOUNDED = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*년[^.\n]{0,40}?(?:체결|결연|맺|협약|수교|교류|개설|시작)")
# `양도시 자매결연(1997년) 21주년`: the year of the tie in brackets after it
_FOUNDED_GLOSSED = re.compile(r"(?:결연|협약|협정|수교|교류)\s*\(\s*((?:19|20)\d{2})\s*년?\s*\)")
_ANNIVERSARY = re.compile(r"(?<!\d)(\d{1,3})\s*(?:주년|년째|년\s?전)")
_YEARS_SINCE = re.compile(r"이후\s*(\d{1,3})\s*년간")  # `1964년 ... 승인한 이후 60년간`: with its year only
_NEXT_YEAR_WORDS = re.compile(r"내년|이듬해")
# Local governments' own diplomacy, which tripdesk records, begins with the first sister ties
# of the 1960s; a year worked out before then is a misreading.
_EARLIEST_TRIP_YEAR = 1960


def anniversary_year(text: str) -> tuple[int, Reason] | None:
    """This year from an anniversary: `1992년부터 자매결연 ... 24주년` is 2016. A year and a count
    in one sentence (`1964년 ... 승인한 이후 60년간`) are taken together first; an anniversary
    the sentence puts next year (`60주년 기념행사가 내년 ... 개최된다`) is one year on."""
    founded = [(int(m.group(1)), m.group(0), _sentence_around(text, m.start(), m.end()))
               for pattern in (_FOUNDED, _FOUNDED_GLOSSED) for m in pattern.finditer(text)]
    counts = []
    for m in _ANNIVERSARY.finditer(text):
        sentence = _sentence_around(text, m.start(), m.end())
        counts.append((int(m.group(1)), m.group(0), sentence, -1 if _NEXT_YEAR_WORDS.search(sentence) else 0))
    for m in _YEARS_SINCE.finditer(text):
        sentence = _sentence_around(text, m.start(), m.end())
        counts.append((int(m.group(1)), m.group(0), sentence, 0))

    def pairs(same_sentence: bool) -> dict[int, tuple[str, str, int, int, int]]:
        found: dict[int, tuple[str, str, int, int, int]] = {}
        for y, founded_words, founded_in in founded:
            for n, words, counted_in, shift in counts:
                if same_sentence != (founded_in == counted_in) or (not same_sentence and words.endswith("년간")):
                    continue
                year = y + n + shift
                # a count and a year from different sentences may be of different things: 1903's
                # immigration and a sister tie's 20주년 are no trip's 1922
                if 1 <= n <= 100 and _EARLIEST_TRIP_YEAR <= year <= dt.date.today().year + 1:
                    found.setdefault(year, (words, founded_words, y, n, shift))
        return found

    years = pairs(same_sentence=True) or pairs(same_sentence=False)
    if len(years) != 1:
        return None
    ((year, (count, founded_words, y, n, shift)),) = years.items()
    if shift:
        return year, Reason(N_("The article gives no year with the dates; it says '{count}' of '{founded}' falls next "
                               "year, so this year is {since} + {n} - 1 = {year}."), count=count,
                            founded=founded_words, since=y, n=n, year=year)
    return year, Reason(N_("The article gives no year with the dates; it says '{count}' of '{founded}', so this "
                           "year is {since} + {n} = {year}."), count=count, founded=founded_words, since=y, n=n,
                        year=year)


def recurring_event(text: str) -> tuple[str, tuple[int, ...]] | None:
    """The first recurring trade fair the text names (as a word), and its months."""
    best: tuple[int, str, tuple[int, ...]] | None = None
    for name, (months, _city) in RECURRING_EVENTS.items():
        m = re.search(rf"(?<![A-Za-z가-힣]){re.escape(name)}(?![A-Za-z])", text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name, months)
    return (best[1], best[2]) if best else None


_EN_REPORT_DAY = re.compile(r"[Aa]ccording to [^.,]{2,40}? on the (\d{1,2})(?:st|nd|rd|th)|"
                            r"\b[Oo]n the (\d{1,2})(?:st|nd|rd|th),\s+[^.,]{2,40}?\s(?:announced|said|stated)\b|"
                            r"\bsaid on the (\d{1,2})(?:st|nd|rd|th)|announced on the (\d{1,2})(?:st|nd|rd|th)")


def apart_from_report(sentence: str, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The sentence's mentions that give the day of the report (`24일 대전시에 따르면`), not a day
    of the trip, and the others."""
    m = _REPORT_DAY.search(sentence) or _EN_REPORT_DAY.search(sentence)
    told = [x for x in mentions if m is not None and _inside(x.begin, [m.span()])]
    return told, [x for x in mentions if x not in told]


def signed_on_the_report_day(text: str, sentence: str, start: dt.date, end: dt.date
                             ) -> tuple[dt.date, str, str] | None:
    """For a sentence that reports a signing on the day of the report (`... 협약을 체결했다고 27일
    밝혔다`), when a sentence after it tells the ceremony as held that day (`이날 협약식에서는`): the
    report's day, if it is one of the trip, with the words of both."""
    report = report_day(sentence) if _SIGNED_REPORTED.search(sentence) else None
    if report is None:
        return None
    day, words = report
    after = text[text.find(sentence) + len(sentence):][:600]
    that_day = re.search(rf"(?:^|\n|다\.\s)\s*({_CEREMONY_THAT_DAY.pattern})", after)
    date = resolve_day(Mention(0, 0, words, day=day), start, end)
    if that_day is None or date is None:
        return None
    return date, words.strip(), that_day.group(1)


def report_day(text: str) -> tuple[int, str] | None:
    """The day of the report, from `10일 구미시에 따르면`, `...고 10일 밝혔다` or `according
    to Gumi City on the 10th`."""
    m = _REPORT_DAY.search(text) or _EN_REPORT_DAY.search(text)
    if not m:
        return None
    day = int(next(g for g in m.groups() if g))
    return day, m.group(0)


@dataclass
class YearHint:
    """What the caller knows of the article's date beyond its text (`--published`)."""

    published: dt.date | None = None
    year: int | None = None  # a published year without month and day
    month: int | None = None
    source: str = "--published"
    # `published` is not the article's date but a stand-in for it (the day a page or file was
    # saved, `assemble`): a date no later than two months after it is taken, never the nearest
    # in the year after (a page saved in October about a trip "in February" is of that February).
    assumed: bool = False


# How far after an assumed date (the day a page was saved) a trip may still be: an article
# announcing a trip is saved before it.
ASSUMED_AHEAD = dt.timedelta(days=62)


def nearest(month: int, day: int, anchor: dt.date, *, assumed: bool = False, past: bool = False) -> dt.date:
    """The date `month`/`day` nearest to `anchor` (a year before, the same year, or after);
    with `assumed`, the latest no later than two months after it (no later than it, `past`:
    the text says `지난 11일`)."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if _valid(year, month, day):
            options.append(dt.date(year, month, day))
    if assumed:
        ahead = dt.timedelta(0) if past else ASSUMED_AHEAD
        return max(d for d in options if d <= anchor + ahead) if any(
            d <= anchor + ahead for d in options) else min(options)
    return min(options, key=lambda d: abs((d - anchor).days))


def trip_dates(text: str, hint: YearHint | None = None) -> TripDates:
    """The trip's start and end, worked out as this module's docstring says.

    Raises `NoTripDates` when the text has no date range or dated span, `NoYear` when the
    year cannot be decided."""
    hint = hint or YearHint()
    mentions = find_mentions(text)
    ranges = find_ranges(text, mentions)
    span_found = find_span(text)
    span = span_found[0] if span_found else None
    quoted = _quoted_spans(text)
    said = [r for r in ranges if _inside(r[0].begin, quoted)]
    ranges = [r for r in ranges if r not in said]  # `“...21일부터 25일까지 열리는 박람회...”` is what was said
    held = [r for r in ranges if _event_range(text, *r)]
    ranges = [r for r in ranges if r not in held]
    # `이에 앞서 김항곤 성주군수는 24~29일까지 ... 방문 ... 이끌어 낸 바 있다`: another, earlier journey told
    # as background, not the trip (the last resort but one)
    background = [r for r in ranges if _BACKGROUND.search(_sentence_around(text, r[0].begin, r[1].end))]
    ranges = [r for r in ranges if r not in background]
    # `오는 12일부터 이틀간 일본 ... 방문한다` ... `앞서 남 지사는 지난 5~7일 중국 광둥성(廣東省)을 방문`: a
    # sentence that begins `앞서` tells the journey before, when the article dates another
    before = [r for r in ranges if _BEFORE_THAT.match(_sentence_around(text, r[0].begin, r[1].end))]
    if before and ([r for r in ranges if r not in before] or start_and_length(text, mentions)):
        background += before
        ranges = [r for r in ranges if r not in before]
    # The days that may set out or come home: not those of an event's range (`오는 9월 5일부터 6일까지 ...
    # 행사를 개최하기로` ... `14일 캐나다로 출국해 ... 20일 귀국할 예정이다`)
    in_held = {x.begin for r in held for x in r}
    free = [m for m in mentions if m.begin not in in_held]
    if not ranges:
        ranges = start_and_length(text, mentions)
    if not ranges:
        ranges = _departure_and_span(text, mentions, span_found)
    if not ranges:
        ranges = _departure_and_return(text, free) or _en_departure_and_return(text, free)
    if not ranges:
        weekday_trip = _en_weekday_trip(text, hint, span)
        if weekday_trip is not None:
            return weekday_trip
        if hint.published is None and (weekday := _EN_STARTS_ON.search(text) or _EN_ENDS_ON.search(text)
                                       or _EN_LAST_WEEKDAYS.search(text)):
            # `Oh will depart Saturday`: weekdays counted from an article date the text lacks
            raise NoYear(messages()("the article dates the trip by weekdays ('{words}') but gives no date of its "
                                    "own to count them from; give it with --published YYYY-MM-DD").format(
                words=weekday.group(0)))
    tied_before_held = None
    if not ranges and held:
        # `지난14일 ... 방문했다` before `15일부터 21일까지 ... 치러지는 ... 행사는`: a day of the delegation's
        # before the event's first, so the days the article ties, not the event's
        tied = _days_tied(text, mentions, quoted)
        if tied is not None and tied[0].month in (None, held[0][0].month) and tied[0].day < held[0][0].day \
                and held[0][0].month_offset is None and tied[0].month_offset is None:
            tied_before_held = tied
    if not ranges and tied_before_held is None:
        ranges = held  # an event's dates are better than none: the delegation may attend it all
    days_only: Reason | None = None
    one_day = False
    if not ranges:
        tied = tied_before_held or _days_tied(text, mentions, quoted)
        if tied is not None:
            ranges = [tied]
            one_day = tied[0] is _wire_dateline_day(text, mentions)
            days_only = Reason(N_("The article gives no range of days for the trip; it ties the delegation to "
                                  "'{first}' and '{last}', so the trip is taken to run from the first of them to the "
                                  "last (the real trip may be longer: check it)."),
                               first=tied[0].text.strip(), last=tied[1].text.strip())
    if not ranges and span is not None and (home := _SPAN_THEN_HOME.search(text)) is not None and int(
            home.group(2)) == span.days:
        # `3박4일동안 6개 공식 일정을 소화하고 18일 귀국했다`: the day home alone, at the end of the span (which
        # then gives the start, below)
        back = next((m for m in mentions if m.begin == home.start(3)), None)
        if back is not None:
            ranges = [(back, back)]
            days_only = Reason(N_("The article gives no range of days for the trip, only the day the delegation "
                                  "comes home ('{words}')."), words=home.group(0))
    if not ranges and (only := _start_only(text, mentions, quoted)) is not None:
        ranges = [(only, only)]
        days_only = Reason(N_("The article gives only the day the trip starts ('{start}'), not its end or length; "
                              "the draft ends the trip that day: check it."), start=only.text.strip())
    if not ranges:
        ranges = background
    if not ranges:
        ranges = said  # what a speaker said of days is the last resort
    if not ranges:
        raise NoTripDates(messages()("the article gives no dates for a trip (no range such as '10월 12일부터 "
                                     "20일까지')"))
    # The trip's range: the one nearest the reported span, else the first (the lead).
    if span_found:
        first, last = min(ranges, key=lambda r: abs(r[0].begin - span_found[1]))
        lengthy = (start_and_length(text, mentions) or _departure_and_span(text, mentions, span_found)
                   if days_only is None else [])
        if lengthy and (first, last) not in lengthy and (
                -lengthy[0][1].day == span_found[0].days
                or _days_between(*lengthy[0]) == span_found[0].days) and (
                last.month in (None, first.month) and last.year is None
                and _days_between(first, last) not in (None, span_found[0].days)):
            # `지난 15일부터 4박 5일간 ... 17일부터 19일까지는 웨이하이시`, `6일 7박 9일 일정으로 미국
            # 출장길에 오른다 ... 먼저 8~9일 산타클라라시`: the start and the reported length, not a leg
            # of the trip that the span does not fit
            first, last = lengthy[0]
    else:
        first, last = ranges[0]
    if days_only is None and (first, last) in ranges:
        # `11일 미국 출장길에 올랐다 ... 13∼14일에는 필라델피아시 ... 17일 귀국한다`: a leg inside the
        # days of setting out and coming home is not the trip (unless the reported span fits it)
        around = _departure_and_return(text, free) or _en_departure_and_return(text, free)
        if around and around[0][0] is not first and _inside_days(first, last, *around[0]) and not (
                span_found and _days_between(first, last) == span_found[0].days):
            first, last = around[0]
    leg = _next_leg(text, ranges, first, last, span_found, mentions if days_only is None else None)
    evidence = _sentence_around(text, first.begin, last.end if last.begin >= first.begin else first.end)
    if leg is not None:
        # `from April 9-15 ... His overseas trip also includes a stop in Japan from April 16-19`
        reasons_leg = Reason(N_("The range '{first}' to '{last}' is followed by a further leg abroad ending "
                                "'{leg}', the day after; the trip ends with it."),
                             first=first.text.strip(), last=last.text.strip(), leg=leg.text.strip())
        last = leg
    reasons_start: list[Reason] = [days_only] if days_only else []
    reasons_end: list[Reason] = [days_only] if days_only else []
    if leg is not None:
        reasons_end.append(reasons_leg)
    earlier = _leg_before(text, mentions, first) if days_only is None else None
    if earlier is not None:
        # `3일과 4일 이틀간 일본을 방문한다. 이어 오는 6일부터 11일까지 4박 6일 동안은 프랑스와 독일을`
        reasons_start.append(Reason(N_("The range '{first}' is told as the next leg ('이어') of a visit abroad on "
                                       "'{leg}'; the trip starts with that visit."),
                                    first=first.text.strip(), leg=earlier.text.strip()))
        if last.day < 0:  # (`29일부터 사흘 간`: the length counts from the range's own start)
            last = dataclasses.replace(last, day=last.day - (first.day - earlier.day))
        first = earlier
    cut = _cut_short(text, mentions, first, last) if days_only is None else None
    if cut is not None:
        # `나머지 일정을 전면 취소하고 11월 24일 ... 귀국했다` before `11월17일부터 25일까지 ... 계획으로`
        reasons_end.append(Reason(N_("The trip was cut short: the article says the delegation came home on '{back}' "
                                     "('{words}'), before the planned end '{planned}'."),
                                  back=cut[0].text.strip(), words=cut[1], planned=last.text.strip()))
        last = cut[0]
    if first.repaired:
        reasons_start.append(first.repaired)
    month = first.month
    offset_year = None
    if month is None and first.month_offset is not None and not (hint.assumed and last.month is not None):
        # (`이달 23일부터 7월 1일까지` on a page saved months later: the end's month says which)
        anchored = _anchored_month(hint, first.month_offset)
        back = 1
        while anchored is not None and hint.assumed and back <= 2 and not _valid(anchored[0], anchored[1], first.day):
            # (`지난달 31일` from an assumed day in December: November has no 31st, so the article's
            # month is not the assumed one; the nearest earlier month with that day is taken)
            anchored = _anchored_month(hint, first.month_offset - back)
            back += 1
        if anchored is not None:
            offset_year, month, why = anchored
            reasons_start.append(Reason(N_("'{text}' names its month relative to the article's: {why}"),
                                        text=first.text, why=why))
    if (month is None and first.month_offset is None and last.month is None and last.month_offset
            and last.day >= 0):
        # 28일부터 다음 달 2일까지: the start is in the month before the end's, the article's own,
        # unless a date with its month inside the trip says which (`7월 1일 투르시에서`).
        inside = _month_inside(mentions, first, last)
        shares_month = _shares_its_month(first, last)
        anchored = (_anchored_month(hint, last.month_offset - (0 if shares_month else 1))
                    if inside is None else None)
        if inside is None and shares_month and anchored is not None:
            offset_year, month, why = anchored
            reasons_start.append(Reason(N_("'{text}' is in the month of '{end}', which the article names relative "
                                           "to its own: {why}"), text=first.text, end=last.text, why=why))
            anchored = None
        if inside is not None:
            month, other = inside
            reasons_start.append(Reason(N_("The article gives the start day without a month; '{text}', which "
                                           "falls within the trip, puts the start in month {month}."),
                                        text=other.text, month=month))
        elif anchored is not None:
            offset_year, month, why = anchored
            reasons_start.append(Reason(N_("'{text}' ends in '{end}', so the start is in the month before it: "
                                           "{why}"), text=first.text, end=last.text, why=why))
    if month is None and last.month is not None and last.day >= 0:
        # 31일부터 8월 4일까지: the start is in the end's month, or the month before it.
        month = last.month if first.day <= last.day else (last.month - 2) % 12 + 1
    if month is None:
        # a length, or the days of a range in one month (`오는 2일부터 8일까지` ... `9월 4일에는`)
        length = -last.day if last.day < 0 else (_days_between(first, last) if last.month_offset is None else None)
        month, why = _month_for_days(text, hint, first.day, mentions, length, relative=first.relative)
        reasons_start.append(why)
    year = first.year or last.year or offset_year
    if year is None:
        year, why = _year_for(text, hint, month, first, last)
        reasons_start.append(why)
    if first.month is None and last.year is not None and last.month is not None and month > last.month:
        year = last.year - 1  # 28일부터 2025년 1월 3일까지 starts in December 2024
    try:
        start = dt.date(year, first.month or month, first.day)
    except ValueError:
        raise NoTripDates(messages()("the trip's start '{text}' is not a calendar date").format(
            text=first.text)) from None
    if last.day < 0:  # a length in days, not an end date
        end = start + dt.timedelta(days=-last.day - 1)
        reasons_end.append(Reason(N_("The article gives the start and the length ('{text}'); the end is the "
                                     "last of those days."), text=last.text))
        return TripDates(start=Dated(start, Reason.joined(reasons_start)),
                         end=Dated(end, Reason.joined(reasons_end)), evidence=evidence, span=span, warnings=[])
    end_month = last.month or (first.month or month)
    end_year = last.year or year
    if last.year is None and last.month is not None and last.month < (first.month or month):
        end_year += 1  # 30일부터 내년 1월 9일까지: into the next year
    if last.month is None and last.month_offset is not None:  # 28일부터 다음 달 2일까지
        # Counted from the start's month, which is the article's (or the month before the end's)
        # unless the article says otherwise: the two ends stay one trip apart.
        steps = (last.month_offset - first.month_offset if first.month_offset is not None
                 else 0 if _shares_its_month(first, last) else 1)
        end_year, end_month = start.year + (start.month - 1 + steps) // 12, (start.month - 1 + steps) % 12 + 1
    elif last.month is None and last.day < start.day:  # 28일부터 3일까지: into the next month
        end_month = end_month % 12 + 1
        end_year += 1 if end_month == 1 else 0
    if (first.month is None and last.month is None and last.month_offset is None and last.day >= start.day
            and not _valid(end_year, end_month, last.day) and month == start.month):
        # `지난 25일부터 ... 이날(31일) 복귀` with a month worked out as November: no 31st there, so the
        # month is the nearest earlier one that has both days
        earlier = start.replace(day=1) - dt.timedelta(days=1)
        while not _valid(earlier.year, earlier.month, last.day):
            earlier = earlier.replace(day=1) - dt.timedelta(days=1)
        start = earlier.replace(day=first.day)
        end_year, end_month = start.year, start.month
        reasons_start.append(Reason(N_("Month {month} has no day {day}, the end's; the month is the nearest earlier "
                                       "one that has it."), month=month, day=last.day))
    try:
        end = dt.date(end_year, end_month, last.day)
    except ValueError:
        raise NoTripDates(messages()("the trip's end '{text}' is not a calendar date").format(
            text=last.text)) from None
    if (span is not None and first.year is None and last.year is None and offset_year is None
            and start.month == 2 and end.month == 3 and (end - start).days + 1 != span.days):
        fitted = _february_that_fits(start, end, span.days)
        if fitted is not None:
            start, end = fitted
            reasons_start.append(Reason(N_("The range crosses the end of February and the reported span ({span}) "
                                           "fits it only in a year whose February has {days} days; the nearest "
                                           "such year is {year}."), span=span.text,
                                        days=29 if calendar.isleap(start.year) else 28, year=start.year))
            reasons_end.append(Reason(N_("The article gives '{text}' without year; it is the end of the range "
                                         "that starts on {start}."), text=last.text.strip(), start=start))
    if (span is not None and first.month is None and first.year is None and (hint is None or hint.assumed)
            and last.day >= 0 and start.month != end.month and (end - start).days + 1 != span.days):
        fitted = _month_that_fits(start, last.day, span.days)
        if fitted is not None:
            start, end = fitted
            reasons_start.append(Reason(N_("The range runs into the next month, and the reported span ({span}) fits "
                                           "it only from a month of {days} days; the nearest such start is {start}."),
                                        span=span.text, days=calendar.monthrange(start.year, start.month)[1],
                                        start=start))
            reasons_end.append(Reason(N_("The article gives '{text}' without month or year; it is the end of the "
                                         "range that starts on {start}."), text=last.text.strip(), start=start))
    ongoing = _ONGOING.search(text)
    if days_only and ongoing and hint is not None and hint.published is not None and not hint.assumed:
        # A Korean paper's date is the day before in the Americas (Seoul is 13 to 17 hours ahead):
        # a report of the 17th that a delegation is in Santa Clara says so of the 16th there.
        behind = _in_the_americas(text[max(0, ongoing.start() - 60):ongoing.end()])
        there = hint.published - dt.timedelta(days=1) if behind else hint.published
        if end < there <= end + dt.timedelta(days=14):
            end = there
            reasons_end.append(
                Reason(N_("The article, of {published}, says the trip is still under way ('{words}'), and it is "
                          "{date} in the Americas then: it ends no earlier than that day. Check it."),
                       published=hint.published, date=end, words=ongoing.group(0)) if behind else
                Reason(N_("The article, of {date}, says the trip is still under way ('{words}'): it "
                          "ends no earlier than that day. Check it."), date=end, words=ongoing.group(0)))
    home = _home_the_day_after(text, mentions, last, end)
    if home is not None:
        mention, end = home
        reasons_end.append(Reason(N_("The range ends on {last}, but the article says '{text}': the trip ends on the "
                                     "day the delegation is back home."), last=notes.when(end - dt.timedelta(
                                         days=mention.day - last.day)), text=_words_around(text, mention)))
    elif days_only is not None:
        pass
    elif last.month_offset is not None:
        reasons_end.append(Reason(N_("'{text}' names its month relative to the article's (or the start's); it "
                                     "is the end of the range that starts on {start}."),
                                  text=last.text.strip(), start=start))
    elif last.month is None:
        reasons_end.append(Reason(N_("The article gives '{text}' without month or year; it is the end of the "
                                     "range that starts on {start}."), text=last.text.strip(), start=start))
    elif last.year is None:
        reasons_end.append(Reason(N_("The article gives '{text}' without year; it is the end of the range that "
                                     "starts on {start}."), text=last.text.strip(), start=start))
    ended = _SPAN_THEN_HOME.search(text) if days_only is not None and span is not None else None
    if ended is not None and int(ended.group(3)) == end.day and int(ended.group(2)) == span.days \
            and (end - start).days + 1 < span.days:
        # `고창군 대표단은 3박4일 일정을 마치고 23일 귀국한다`, with only the 21st told before: the span ends
        # on the day home
        start = end - dt.timedelta(days=span.days - 1)
        reasons_start = [Reason(N_("The article says the delegation comes home on {date} at the end of its {span} "
                                   "('{words}'): the trip starts on the first of those days."),
                                date=end, span=span.text, words=ended.group(0))] + [
            r for r in reasons_start if r is not days_only]
    warnings = []
    days = (end - start).days + 1
    if span is None:
        damaged = _DAMAGED_SPAN.search(text, last.end, last.end + 40)
        if damaged and int(damaged.group(2)) == days and 0 < days - int(damaged.group(1)) <= 2:
            span = Span(int(damaged.group(1)), days, f"{damaged.group(1)}박 {damaged.group(2)}일",
                        repaired=messages()("the text reads '{text}', read as {nights}박 {days}일 (the 박 was "
                                            "lost)").format(text=damaged.group(0), nights=damaged.group(1),
                                                            days=damaged.group(2)))
    if span is not None and span.days != days:
        warnings.append(messages()("the reported span {span} is {span_days} days but {start} to {end} is "
                                   "{days}; span left out").format(span=span.text, span_days=span.days,
                                                                  start=notes.when(start), end=notes.when(end),
                                                                  days=days))
        span = None
    for mention, date in ((first, start), (last, end)):
        if mention.weekday is not None and date.weekday() != mention.weekday:
            warnings.append(messages()("'{text}' says {said} but {date} is a {weekday}").format(
                text=mention.text, said=f"{WEEKDAYS_KO[mention.weekday]}요일", date=notes.when(date),
                weekday=f"{WEEKDAYS_KO[date.weekday()]}요일"))
    if span is not None and reasons_start:
        reasons_start.append(Reason(N_("The range agrees with the reported span ({span})."), span=span.text))
    return TripDates(
        start=Dated(start, Reason.joined(reasons_start)),
        end=Dated(end, Reason.joined(reasons_end) or (Reason.joined(reasons_start) if year != (last.year or first.year)
                                                      else None)),
        evidence=evidence, span=span, warnings=warnings, one_day=one_day or (days_only is None and start == end),
        tied=days_only is not None)


_HOME_AFTER_ITS_WORK = re.compile(r"\s*(?:\([^)]{0,12}\)\s*)?[^.\n\d]{0,25}?(?:일정을|출장을|방문을|순방을)\s*(?:모두\s*)?"
                                  r"(?:마치고|끝내고|마무리하고)\s*(?:[가-힣]{1,4}\s)?(?:귀국|돌아)")
# (`3박4일동안 6개 공식 일정을 소화하고 18일 귀국했다`: the programme done over the span)
_SPAN_THEN_HOME = re.compile(r"(\d{1,2})\s*박\s*(\d{1,2})\s*일(?:간의?)?\s*(?:의\s*)?(?:(?:일정|출장|방문|순방)|"
                             r"동안\s[^.\n]{0,20}?일정을)[^.\n]{0,15}?"
                             r"(?:마치고|끝내고|마무리하고|소화하고)\s*(?:오는\s*|지난\s*)?(\d{1,2})\s*일\s*(?:[가-힣]{1,4}\s)?"
                             r"(?:귀국|돌아)")


# A leg told after the trip's range: it goes on abroad, not home (`a stop in Japan`, `이어 일본`).
_NEXT_LEG = re.compile(r"\b(?:also\s+includes?|a\s+(?:stop|leg)|(?:then|before)\s+(?:head|mov|travel|fly)\w*|"
                       r"followed\s+by)\b|이어(?:서)?\s|거쳐", re.I)
_BACK_HOME = re.compile(r"귀국|돌아|return(?:s|ing)?\s+home|back\s+home", re.I)


def _leg_before(text: str, mentions: list[Mention], first: Mention) -> Mention | None:
    """The first day of a visit abroad told before a range that goes on from it, a week or less
    before: in the sentence just before one that starts with `이어` (`3일과 4일 이틀간 일본을 방문한다.
    이어 오는 6일부터 11일까지 ...`), or anywhere before one that says a part of the trip is over
    (`지난 27일(현지시간) 코칸드시청에서 ... 체결했다` ... `우즈베키스탄 일정을 마치고, 29일부터 사흘 간`)."""
    from .places import names_a_city_abroad

    sentence = _sentence_around(text, first.begin, first.end)
    at = text.find(sentence)
    if at <= 0:
        return None
    previous = text[:at].rstrip()
    if re.match(r"\s*이어(?:서)?\s", sentence):
        last = _sentence_around(previous, len(previous) - 1, len(previous)) if previous else ""
        told = [last] if last and _names_a_country(last) else []
    elif re.search(r"일정을\s*(?:모두\s*)?마치고", sentence[:max(0, first.begin - at)]):
        told = [_sentence_around(text, m.begin, m.end) for m in mentions if at - 1500 <= m.begin < at]
        told = [s for s in told if _ON_THE_TRIP.search(s) or _names_a_country(s) or names_a_city_abroad(s)]
    else:
        return None
    days = []
    for before in told:
        if not _ON_THE_TRIP.search(before) and not _SIGNED_THERE.search(before):
            continue
        begin = previous.rfind(before)
        days += [m for m in mentions if begin <= m.begin < begin + len(before) and m.year is None
                 and m.month in (None, first.month) and m.month_offset is None and 0 < first.day - m.day <= 7]
    return min(days, key=lambda m: m.day) if days else None


def _next_leg(text: str, ranges: list[tuple[Mention, Mention]], first: Mention, last: Mention,
              span_found: tuple[Span, int] | None, mentions: list[Mention] | None = None) -> Mention | None:
    """The end of a further leg that starts the day after the trip's range ends, in a sentence
    that goes on abroad (not one about the days back home); not when a reported span is given
    (it says how long the whole trip is)."""
    if span_found is not None or last.day < 0:
        return None
    for begin, end in ranges:
        if begin.begin <= last.end or end.day < 0:
            continue
        last_month = last.month or first.month
        if begin.month is not None and last_month is not None:
            gap = (dt.date(2000, begin.month, begin.day) - dt.date(2000, last_month, last.day)).days
        elif begin.month is None and last_month is None:
            gap = begin.day - last.day
        else:
            continue
        sentence = _sentence_around(text, begin.begin, end.end)
        if gap == 1 and _NEXT_LEG.search(sentence) and not _BACK_HOME.search(sentence):
            return end
    # `지난 15~16일 지난시를 방문해 ... 17일 하택시를 방문해`: a visit told on the day after the range
    reported = [m.span() for m in _REPORT_DAY.finditer(text)]
    for mention in mentions or []:
        if (mention.begin <= last.end or mention.month_offset is not None or mention.year is not None
                or mention.day != last.day + 1 or mention.month not in (None, last.month or first.month)
                or _inside(mention.begin, reported)):
            continue
        sentence = _sentence_around(text, mention.begin, mention.end)
        if _ON_THE_TRIP.search(sentence) and not _BACK_HOME.search(sentence) and not _inside(
                mention.begin, _quoted_spans(text)):
            return mention
    return None


def _shares_its_month(first: Mention, last: Mention) -> bool:
    """`from the 5th to the 9th of last month`: a start day not after the end's is in the month
    the end names relative to the article (in Korean the month comes before its day and is the
    end's alone: `5일부터 다음 달 9일까지`)."""
    return first.day <= last.day and bool(re.search(r"\bmonth\b", last.text))


def _month_that_fits(start: dt.date, last_day: int, days: int) -> tuple[dt.date, dt.date] | None:
    """A range that runs into the next month (`26일부터 다음 달 4일까지 7박 9일`), moved to the
    start month nearest its own (earlier first) whose length makes it last `days`: a month
    worked out from an assumed date (the day a page was saved) may have a day too many."""
    for step in (-1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6):
        month_index = start.year * 12 + start.month - 1 + step
        year, month = divmod(month_index, 12)
        if start.day > calendar.monthrange(year, month + 1)[1]:
            continue
        moved = dt.date(year, month + 1, start.day)
        after = month_index + 1
        end_year, end_month = divmod(after, 12)
        if last_day > calendar.monthrange(end_year, end_month + 1)[1]:
            continue
        moved_end = dt.date(end_year, end_month + 1, last_day)
        if (moved_end - moved).days + 1 == days:
            return moved, moved_end
    return None


def _february_that_fits(start: dt.date, end: dt.date, days: int) -> tuple[dt.date, dt.date] | None:
    """The range moved to the year nearest its own (earlier first) in which it lasts `days`:
    `27일부터 3월 1일까지 3박 4일` is four days only when February has 29 (a worked-out year
    that is not a leap year is wrong)."""
    for step in (-1, 1, -2, 2, -3, 3, -4, 4):
        moved_start, moved_end = start.replace(year=start.year + step), end.replace(year=end.year + step)
        if (moved_end - moved_start).days + 1 == days:
            return moved_start, moved_end
    return None


def _home_the_day_after(text: str, mentions: list[Mention], last: Mention, end: dt.date
                        ) -> tuple[Mention, dt.date] | None:
    """`1일부터 3일까지 ... 방문하고 4일 귀국한다`: a return home one or two days after the range's
    last day (an overnight flight back), written after the range, is the trip's real end."""
    for mention in mentions:
        if mention.begin <= last.end or mention.begin > last.end + 600:
            continue
        if mention.month is not None or mention.month_offset is not None or not _RETURNS.match(text, mention.end):
            continue
        if 0 < mention.day - last.day <= 2:
            return mention, end + dt.timedelta(days=mention.day - last.day)
    return None


def _words_around(text: str, mention: Mention) -> str:
    """The mention and the word after it (`4일 귀국한다`)."""
    m = re.match(r"\S*", text[mention.end:].lstrip())
    return (mention.text + " " + (m.group(0) if m else "")).strip()


# What a delegation does on a day: the verbs that tie a day to the trip when there is no range.
# (Not 참석 or 체결 alone: a meeting attended or an agreement signed may be at home; a signing
# `베트남 송콩시에서` is abroad.)
_ON_THE_TRIP = re.compile(r"방문|찾아|찾았|도착|당도|떠난|떠났|체류|머물|머무|현지\s*시간|현지\s*시각|"
                          r"(?:장|관|지사|대사|총영사|주석|서기)(?:을|를)\s?예방|"  # `16일 심양시장을 예방하고`: a call
                          r"\blocal time\b|\bvisiting\b|\bvisited\b|\barrived in\b")
# (`지난 21일 ... 미국 노스캐롤라이나주 벌링턴시에서 로니 월 시장과 만나 ... 합의했다`, `8일 ... 하워드카운티
# 정부청사에서 ... 미팅을 갖고`, `12일 베트남 후에성 풍디엔현과 우호교류 협약을 맺었다`)
# (`몬트레이 시청에서 열린 공식 환담에는`, `시의회에서 ... 협약식을 맺었다`, `LA 옥스퍼드 팔래스 호텔에서 열린
# ... 분과위원회에 참석한`, `인도네시아 자카르타에서 ... 지회장과 간담회를 갖고`: attending is abroad where the
# sentence names a place abroad)
# (`9일에는 LA 힐튼호텔에서 ... 수출 상담회를 열었다`, `뉴저지 소재 ... 한남체인에서 ... 홍보특판전을 개장했다`,
# `7일 저녁 우래옥에서 워싱턴 지역 ... 설명회 행사를 가졌다`: an event the delegation holds there)
_SIGNED_THERE = re.compile(r"에서\s[^\n]{0,80}?(?:체결|서명|조인|합의|만나|만났|면담|회담|미팅|환담|간담회|참석|교환|"
                           r"(?:상담회|설명회|판촉전|특판전|판매전|시식회|판촉\s?행사|홍보\s?행사|간담회|포럼|세미나|공연)(?:\s?행사)?"
                           r"(?:을|를)\s?(?:열었|열어|열고|개최|펼쳤|개장|개막|가졌|갖고|가진)|"
                           # (`포틀랜드에서는 지난 29일 파머스 마켓에서 ... 브랜드를 홍보하였으며`)
                           r"(?:을|를)\s?홍보(?:하였|했|하고|하며))|"
                           r"(?:협약|협정|MOU|양해각서|결연)식?(?:을|를)?\s*(?:체결|맺)|"
                           r"(?:협약|협정|결연|조인|서명)식(?:을|를)?\s*(?:진행|가졌|개최)|"  # `협약식을 진행했다`
                           # `자매결연식이 5일 사세보시 청사에서 이인재 파주시장을 비롯 ... 참석한 가운데 열렸다`
                           r"(?:협약|협정|결연|조인|서명)식이\s[^.\n]{0,40}?에서\s[^.\n]{0,200}?(?:열렸|개최됐|진행됐)|"
                           # `우호교류 협정을 일본의 미야자키현 아야정과 체결했다`: the party between
                           r"(?:협약|협정|MOU|양해각서|결연)(?:을|를)\s[^.\n]{0,40}?(?:과|와)\s(?:체결|맺)|"
                           r"\bsigned\b[^.]{0,160}?\b(?:at|in)\s+(?:the\s+)?[A-Z]")  # `signed ... at Qingdao City Hall, China`


# A room of the home government's own (`시청 대회의실에서 ... 베트남 시장 진출 설명회를 가졌다`): a
# briefing at home about a country, not an event there.
_HOME_VENUE = re.compile(r"(?<![가-힣])(?:시청|군청|도청|구청|청사)\s?[가-힣]*(?:회의실|상황실|기자실|브리핑룸|강당)에서")


# A wire dateline (`DA LAT, Vietnam, Dec. 21 (Yonhap) --`) and what a delegation did there that day.
_EN_DATELINE_LINE = re.compile(rf"(?m)^[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+)*,(?:\s[A-Z][a-z]+,)?\s+{_MONTH_EN}\s+\d{{1,2}}"
                               r"\s*\([^)]{2,30}\)\s*(?:--|—|–)")
_EN_DONE_THERE = re.compile(r"\b(?:signed|forged|visited|met|held|attended|toured|concluded)\b")


def _names_a_country(sentence: str) -> bool:
    """Whether the sentence names a country other than Korea (`베트남 송콩시에서`), a US state,
    or a city abroad by a name of three syllables or more (`살리나스 시청에서`, `풀러튼 시는`)."""
    from .places import countries_named, names_a_city_abroad, states_named

    if names_a_city_abroad(sentence):
        return True
    if set(countries_named(sentence)) - {"KR"}:  # (`일본의 미야자키현`: with its particle)
        return True

    if states_named(sentence):  # `메릴랜드`, `노스캐롤라이나주`: a US state is abroad
        return True
    from .english import countries_named

    return bool(set(countries_named(sentence)) - {"KR"}) if re.search(r"[A-Za-z]{3}", sentence) else False


_BACKGROUND = re.compile(r"바\s*있다|이에\s*앞서")
_BEFORE_THAT = re.compile(r"\s*앞서\s")


def _countries_of(text: str) -> frozenset[str]:
    """The countries abroad the text names anywhere (`중국 단둥시` in its headline)."""
    from .places import countries_named

    return countries_named(text) - {"KR"}


def _names_a_city_of(sentence: str, countries: frozenset[str]) -> bool:
    """Whether the sentence names a city (`단둥시 복서덕 호텔`) of a country the article names."""
    if not countries:
        return False
    from .places import find_places

    return any(p.city.country in countries for p in find_places(sentence))


_AMERICAS = frozenset({"US", "CA", "MX", "GT", "CU", "PA", "CR", "CO", "VE", "EC", "PE", "BO", "BR", "PY", "UY", "AR",
                       "CL"})


def _in_the_americas(text: str) -> bool:
    """Whether the words (`미국을 방문 중인`) name a country of the Americas, or a US state, and
    no other abroad."""
    from .places import countries_named, states_named

    named = set(countries_named(text)) - {"KR"}
    if re.search(r"[A-Za-z]{3}", text):
        from .english import countries_named as countries_named_en

        named |= set(countries_named_en(text)) - {"KR"}
    if states_named(text):
        named.add("US")
    return bool(named) and named <= _AMERICAS


# A report written while the trip goes on: `유럽을 방문 중인 최 시장은`.
_ONGOING = re.compile(r"(?:방문|순방|출장)\s?중(?:인|이다|이며|에)|(?:머물고|체류하고)\s?있")


def _wire_dateline_day(text: str, mentions: list[Mention]) -> Mention | None:
    """`DA LAT, Vietnam, Dec. 21 (Yonhap) -- ... forged a sisterhood Saturday`: the day of a wire
    report of one day abroad, dated by its dateline."""
    if re.search("[가-힣]", text):
        return None
    line = _EN_DATELINE_LINE.search(text)
    on = next((m for m in mentions if line and line.start() <= m.begin < line.end() and m.month), None)
    return on if on is not None and _EN_DONE_THERE.search(text[line.end():line.end() + 400]) else None


# `지난 17일 황핑린 러산시장 권한대행을 만나 ... 서명했다` in a report of a visit made at the host's invitation
# (`이번 방문과 합의서 체결은 러산시의 공식 초청으로 이뤄졌다`): met there, that day.
_MEETS_A_HOST = re.compile(r"(?:시장|성장|주지사|현장|주석|서기)[^.\n]{0,20}?(?:을|를)\s?(?:만나|만났|면담)")
_INVITED_ABROAD = re.compile(r"이번\s?(?:방문|순방|출장)[^.\n]{0,40}?초청(?:으로|을\s?받아|에\s?따라|에\s?의해)")


# `on the 31st, Mayor Yoo met with Mayor Yamanaka Takeharu of Yokohama` in a report of a leader `currently on a
# business trip to Japan`.
_EN_MEETS_A_HOST = re.compile(r"\bmet\s+(?:with\s+)?(?:[A-Z][\w.'-]*\s+){1,5}of\s+[A-Z]")
_EN_ON_A_TRIP = re.compile(r"\b(?:currently\s+)?on\s+an?\s+(?:official\s+|business\s+|working\s+)?(?:trip|visit|tour)\s+"
                           r"to\s+[A-Z]")


# The day a trip's event or programme closed: `10일 오후 성황리에 마무리됐다`, `12일 일정을 모두 마쳤다`.
_PROGRAMME_WRAPPED = re.compile(r"\s*(?:\(현지\s*시[각간]\)\s*)?(?:오전|오후|저녁)?\s*(?:성황리에\s*|성공적으로\s*)?"
                                r"(?:(?:일정|행사|방문|순방)(?:을|를)\s*모두\s*)?(?:마무리(?:됐|되었|했|하였)|마쳤|막을\s*내렸|폐막했)")


def _days_tied(text: str, mentions: list[Mention], quoted: list[tuple[int, int]]) -> tuple[Mention, Mention] | None:
    """For an article with no range (`지난 23일(현지시간) 시안시를 방문해 ... 24일 베트남 방문`): the
    first and last days it ties the delegation to (a day in a sentence that visits, meets or
    signs, not in a quote, not the day of the report), at most two weeks apart; None when the
    days have months of their own (they would be a range) or none is tied."""
    report = _REPORT_DAY.search(text) or _EN_REPORT_DAY.search(text)
    reported_day = int(next(g for g in report.groups() if g)) if report is not None else 0
    abroad = _countries_of(text)
    tied = []
    for m in mentions:
        # (a day with its month is one of them too: `앞서 3일 ... 떠난` ... `4월 9일 ... 합의했다`)
        # (`이달 3일`: this month; `지난달 30일(현지시각)`: a day abroad last month)
        if m.day < 1 or m.year is not None or _inside(m.begin, quoted) or (report and _inside(m.begin, [report.span()])):
            continue
        if re.search(r"한국\s*시[각간]\s*(?:으로\s*)?$", text[max(0, m.begin - 12):m.begin]):
            continue  # `현지시각 10일 오후 (한국시각 11일 오전 5시30분)`: the same moment, told in Korea's time
        sentence = _sentence_around(text, m.begin, m.end)
        # (`지난달 28일 몬트레이 시청에서 열린 공식 환담에는`: a meeting abroad last month)
        if m.month_offset not in (None, 0) and not (m.month_offset == -1 and (
                re.match(r"\s*\(?\s*현지\s*시[각간]", text[m.end:m.end + 12])
                or (_SIGNED_THERE.search(sentence) and _names_a_country(sentence)))):
            continue
        if (_ON_THE_TRIP.search(sentence) or (_SIGNED_THERE.search(sentence) and not _HOME_VENUE.search(sentence) and (
                _names_a_country(sentence) or _names_a_city_of(sentence, abroad)))
                or (_MEETS_A_HOST.search(sentence) and _INVITED_ABROAD.search(text)
                    and _names_a_city_of(sentence, abroad))
                or (_EN_MEETS_A_HOST.search(sentence) and _EN_ON_A_TRIP.search(text))
                or (tied and (_RETURNS.match(text, m.end) or _HOME_AFTER_ITS_WORK.match(text, m.end)))):
            # (`... 1일(현지시간) ... 오는 4일 귀국 예정이다`, `지난 25일 중국 출장 일정을 마치고 귀국했다`)
            tied.append(m)
    if tied and _bare_days(tied):
        # `기념행사가 10일 오후 성황리에 마무리됐다` in the lead, `지난 7일부터 ... 일본을 방문했다` after it: the
        # trip's programme wrapped up on a later day
        last = max(m.day for m in tied)
        tied += [m for m in mentions if m not in tied and _bare_days([m]) and m.year is None
                 and 0 < m.day - last <= 7 and not _inside(m.begin, quoted)
                 and _PROGRAMME_WRAPPED.match(text, m.end)]
    if not tied and (on := _wire_dateline_day(text, mentions)) is not None:
        return on, on
    if report is not None and (not tied or all(m.month is None and m.month_offset in (None, 0) for m in tied)):
        # `7일 충남도에 따르면 ... 이완구 도지사는 전날 상파울루주를 방문, ... 서명했다`: the day before; also
        # told in a sentence or two after the report's (`... 16일 밝혔다. 이용록 군수는 전날(현지시간) 중국
        # 전장시에서 ... 협약을 했다`); before the days tied after it too (`25일 밝혔다` ... `전날 로스앤젤레스
        # 한인회 사무실에서 ... 업무협약을 체결하고` ... `26일은 ... 마무리한다`)
        day = reported_day
        told = _sentence_around(text, report.start(), report.end())
        sentences = [told]
        rest = text[text.find(told) + len(told):]
        for _ in range(3 if tied else 1):
            rest = rest.lstrip()
            if not rest:
                break
            nxt = _sentence_around(text, text.find(rest), text.find(rest) + 1)
            sentences.append(nxt)
            rest = rest[len(nxt):]
        for sentence in sentences:
            if day > 1 and sentence and re.search(r"전날|하루\s?전", sentence) and (
                    _ON_THE_TRIP.search(sentence) or _SIGNED_THERE.search(sentence)):
                words = re.search(r"전날|하루\s?전", sentence)
                at = text.find(sentence)
                before = Mention(at + words.start(), at + words.end(), words.group(0), day=day - 1)
                if not tied:
                    tied = [before]
                else:
                    # (`이달 10일까지 중국에 머무르는 최 군수 일행은 전날 ... 좌담회를 갖고`: the stay's last day
                    # may be a few more days on)
                    first = min(tied, key=lambda m: m.day)
                    if 0 < first.day - before.day <= (6 if text.startswith("까지", first.end) else 3):
                        # (the report's month, as `이달` says of the day it comes before)
                        offset = 0 if any(m.month_offset == 0 for m in tied) else None
                        tied = [dataclasses.replace(before, month_offset=offset), *tied]
                break
    if not tied and report is not None:
        # `서명했다고 25일 밝혔다. 현지 시각으로 이날 오후 살리나스 시청에서 열린 체결식에는`: the report's day, abroad
        day = reported_day
        after = text[report.start():report.start() + 400]
        # (`19일 군에 따르면, 이날 체결식은 양 지역 대표단이 참석한 가운데 ... 진행됐다`, in a report of a
        # signing in China: the ceremony abroad, that day)
        there = next((s for s in re.split(r"(?<=다\.)\s+|\n+", after)
                      if re.search(r"이날", s) and (re.search(r"현지\s*시[각간]", s) or (
                          abroad and _CEREMONY_THAT_DAY.search(s)
                          and re.search(r"대표단|방문단", s)))), None)
        if there is not None:
            at = text.find(there)
            words = re.search(r"이날", there)
            tied = [Mention(at + words.start(), at + words.end(), words.group(0), day=day)]
    if tied and report is not None and _SIGNED_REPORTED.search(text, max(0, report.start() - 40), report.end()):
        # `응에안성과 자매결연 협약을 체결했다고 27일 밝혔다` ... `이날 협약식에서는`, after `26일 하노이 일정에서`:
        # the signing told on the report's day, that day abroad too
        day = reported_day
        after = text[report.end():report.end() + 400]
        there = next((s for s in re.split(r"(?<=다\.)\s+|\n+", after) if _CEREMONY_THAT_DAY.match(s.lstrip())), None)
        if there is not None and _bare_days(tied) and 0 < day - max(m.day for m in tied) <= 3:
            at = text.find(there)
            words = re.search(r"이날", there)
            tied = tied + [Mention(at + words.start(), at + words.end(), words.group(0), day=day)]
    if not tied:
        return None
    months = {m.month for m in tied if m.month is not None}
    if len(months) > 1:
        return None
    # Days without a month that wrap over a month's end (`지난 29일`, `30일`, `31일`, `지난 1일`, `3일`):
    # those after the widest gap between them are of the month before.
    bare = sorted({m.day for m in tied if m.month is None and m.month_offset is None})
    wrap_from = 32
    if len(bare) > 1 and bare[-1] - bare[0] > 14:
        gaps = [(bare[k + 1] - bare[k], bare[k + 1]) for k in range(len(bare) - 1)]
        widest, after = max(gaps)
        if widest > bare[0] + 31 - bare[-1]:
            wrap_from = after

    def order(m: Mention) -> int:  # (`지난달 30일(현지시각)` before `지난 3일 귀국`)
        earlier = m.month is None and m.month_offset is None and m.day >= wrap_from
        return (m.month_offset or (-1 if earlier else 0)) * 31 + m.day

    first = min(tied, key=order)
    last = max((m for m in tied if order(m) - order(first) <= 14), key=order)
    return first, last


def _bare_days(mentions: list[Mention]) -> bool:
    """Whether the mentions are days without a month of their own (`24일`, not `10월 24일` or `지난달 30일`)."""
    return all(m.month is None and m.month_offset is None for m in mentions)


def _days_between(first: Mention, last: Mention) -> int | None:
    """The days from `first` to `last` counted in, when both are in one month (or have none)."""
    if last.day < first.day or (first.month is not None and last.month not in (None, first.month)):
        return None
    return last.day - first.day + 1


def _inside_days(first: Mention, last: Mention, start: Mention, end: Mention) -> bool:
    """Whether the days `first`..`last` fall within `start`..`end`, all in one month."""
    months = {m.month for m in (first, last, start, end) if m.month is not None}
    return (len(months) <= 1 and min(first.day, last.day) >= 0 and start.day <= first.day
            and last.day <= end.day and start.day <= end.day)


_FIRST_OF_TERM = re.compile(r"민선\s?([1-9])\s?기(?:\s?(?:들어|출범\s?(?:이후|후)|이후|취임\s?후)?\s?|\s)첫")
_STARTS_FROM = re.compile(r"\s*부터")
_EN_FROM = re.compile(r"\b(?:from|starting|beginning)\s+(?:on\s+)?(?:the\s+)?$|"
                      # `will officially begin their schedule in their Chinese sister city on Wednesday, September 25`
                      r"\bbegin(?:s|ning)?\b[^.\n]{0,80}?\bon\s+(?:[A-Z][a-z]+day,?\s+)?$", re.I)
# (`대표단이 오는 27일부터 컬버시를 방뭉할 예정이다`: a delegation from a day on, the verb misspelt)
_VISIT_WORDS = re.compile(r"방문|순방|출장|찾는다|찾을|대표단|방문단|사절단|\bvisit|\btrip\b|\btour\b|\btravel|\bschedule\b")


def _start_only(text: str, mentions: list[Mention], quoted: list[tuple[int, int]]) -> Mention | None:
    """`will visit Connecticut from June 9`, `9일부터 미국을 방문한다`: the first day a trip starts
    on, in a sentence of a visit, for an article that gives no end and no length."""
    for m in mentions:
        if m.day < 1 or _inside(m.begin, quoted):
            continue
        starts = _STARTS_FROM.match(text, m.end) or _EN_FROM.search(text, max(0, m.begin - 120), m.begin)
        if starts and _VISIT_WORDS.search(_sentence_around(text, m.begin, m.end)):
            return m
    return None


def _month_inside(mentions: list[Mention], first: Mention, last: Mention) -> tuple[int, Mention] | None:
    """For `28일부터 다음 달 2일까지`: the start's month from another mention with its month that
    falls within the trip (`7월 1일` puts the start in June; `6월 30일` in June)."""
    for other in mentions:
        if other.month is None or other.year is not None or other in (first, last):
            continue
        if other.relative == "지난" and first.relative != "지난":  # `지난 6월 24일 체결했던`: before a coming trip
            continue
        if other.day >= first.day:
            return other.month, other
        if other.day <= last.day:
            return (other.month - 2) % 12 + 1, other
    return None


def _anchored_month(hint: YearHint, offset: int) -> tuple[int, int, Reason] | None:
    """The year and month `offset` months from the article's (다음 달: +1), when the article's
    month is known, with how it was found."""
    if hint.published is not None:
        year, month = hint.published.year, hint.published.month
        index = year * 12 + month - 1 + offset
        return index // 12, index % 12 + 1, Reason(
            N_("month {month} of {year}, worked out from {date}, {source}. Check it.") if hint.assumed else
            N_("month {month} of {year}, from the published date {date} ({source})."),
            month=index % 12 + 1, year=index // 12, date=hint.published, source=hint.source)
    if hint.year is not None and hint.month is not None:
        year, month = hint.year, hint.month
        index = year * 12 + month - 1 + offset
        return index // 12, index % 12 + 1, Reason(N_("month {month} of {year}, from {source}'s month."),
                                                   month=index % 12 + 1, year=index // 12, source=hint.source)
    return None


def _month_for_days(text: str, hint: YearHint, day: int, mentions: list[Mention] | None = None,
                    length: int | None = None, relative: str | None = None) -> tuple[int, Reason]:
    # `지난 11일` is on or before the article's date, `오는 9일` on or after it.
    past, coming = relative == "지난", relative == "오는"
    if length and mentions:
        # 31일부터 3박 4일 ... 오는 11월 2일: the month in which another dated mention of the
        # text falls inside the trip.
        for other in mentions:
            if other.month is None or (other.relative == "지난" and relative != "지난"):
                continue  # (`지난 3월 5일 체결한 협약`: a day recalled from before a coming trip)
            if other.year is not None and hint.published is not None and other.year != hint.published.year:
                continue  # (`2024년 05월 05일 일요일`, the date bar of the day a 2016 page was saved)
            if (other.year is not None and hint.published is not None and not hint.assumed
                    and _valid(other.year, other.month, other.day)
                    and abs((dt.date(other.year, other.month, other.day) - hint.published).days) > 60):
                continue  # (`2015년 1월 1일자로 ... 광역시가 됐으며`, in an article of June: a fact of the past)
            for month in (other.month, (other.month - 2) % 12 + 1):
                year = 2001 if month <= other.month else 2000  # a December start of a January mention
                if not _valid(year, month, day):
                    continue
                start = dt.date(year, month, day)
                inside = dt.date(2001, other.month, other.day) if _valid(2001, other.month, other.day) else None
                if inside is not None and start <= inside <= start + dt.timedelta(days=length - 1):
                    return month, Reason(N_("The article gives the start day without a month; '{text}', which "
                                            "falls within the trip, puts the start in month {month}."),
                                         text=other.text, month=month)
    event = recurring_event(text)
    if hint.published is not None and hint.assumed and not (event and len(event[1]) == 1):
        date = nearest_month(day, hint.published, past=past)
        return date.month, Reason(N_("The article gives days without a month and has no date of its own; the month "
                                     "is worked out from {date}, {source}. Check it."),
                                  date=hint.published, source=hint.source)
    if hint.published is not None and not hint.assumed:
        date = nearest_month(day, hint.published, past=past, coming=coming)
        if date != nearest_month(day, hint.published):
            return date.month, Reason(
                N_("The article gives days without a month; '{relative}' puts them before the published date {date} "
                   "({source}), so the month is that of the last such day before it.") if past else
                N_("The article gives days without a month; '{relative}' puts them after the published date {date} "
                   "({source}), so the month is that of the first such day after it."),
                relative=relative, date=hint.published, source=hint.source)
        return date.month, Reason(N_("The article gives days without a month; the month is that of the date "
                                     "nearest to the published date {date} ({source})."),
                                  date=hint.published, source=hint.source)
    if hint.month is not None and not hint.assumed:
        return hint.month, Reason(N_("The article gives days without a month; the month is {source}'s."),
                                  source=hint.source)
    if event and len(event[1]) == 1:  # (before a date the draft only assumes: the article's own word)
        name, (month,) = event
        return month, Reason(N_("The article gives days without a month; {name}, which the article names, "
                                "is held every year in month {month}."), name=name, month=month)
    raise NoYear(messages()("the article gives the trip's days without a month (e.g. '5일부터 12일까지') and "
                            "nothing in it decides one; give the article's date with --published YYYY-MM-DD"))


def nearest_month(day: int, anchor: dt.date, *, past: bool = False, coming: bool = False) -> dt.date:
    """The date of `day` nearest to `anchor` in its month or the one before or after; with
    `past` (`지난 11일`), the latest on or before it; with `coming` (`오는 9일`), the earliest on
    or after it."""
    options = []
    for delta in (-1, 0, 1):
        month = (anchor.month - 1 + delta) % 12 + 1
        year = anchor.year + (anchor.month - 1 + delta) // 12
        if _valid(year, month, day):
            options.append(dt.date(year, month, day))
    if past and any(d <= anchor for d in options):
        return max(d for d in options if d <= anchor)
    if coming and any(d >= anchor for d in options):
        return min(d for d in options if d >= anchor)
    return min(options, key=lambda d: abs((d - anchor).days))


def _year_for(text: str, hint: YearHint, month: int, first: Mention, last: Mention) -> tuple[int, Reason]:
    if hint.published is not None and hint.assumed:
        # An assumed date (the day a page was saved) may be years after the trip: what the text
        # itself says of the year (an anniversary, a year named, a weekday) comes first.
        try:
            return _year_from_text(text, month, first, last)
        except NoYear:
            pass
        date = nearest(month, first.day, hint.published, assumed=True, past=first.relative == "지난")
        return date.year, Reason(N_("The article gives no year and has no date of its own; the year is worked out "
                                    "from {date}, {source}. Check it."), date=hint.published, source=hint.source)
    if hint.published is not None:
        date = nearest(month, first.day, hint.published)
        return date.year, Reason(N_("The article gives no year; it is that of the date nearest to the "
                                    "published date {date} ({source})."), date=hint.published, source=hint.source)
    if hint.year is not None:
        return hint.year, Reason(N_("The article gives no year; the year is {source}'s ({year})."),
                                 source=hint.source, year=hint.year)
    return _year_from_text(text, month, first, last)


def _year_from_text(text: str, month: int, first: Mention, last: Mention) -> tuple[int, Reason]:
    """The trip's year from the text alone: an anniversary, the one year it names (or the one
    named beside the dates), a weekday printed beside a date; else `NoYear`."""
    titled = _YEAR_TITLING_THE_DATES.search(text, max(0, first.begin - 60), first.begin)
    if titled is not None:
        # `‘2024 달성군체육회 생활체육 우수사례 견학(11.5.~11.8.)’`: the dates are the titled trip's own
        year = int(titled.group(1))
        if not 1990 <= year <= dt.date.today().year + 1:
            raise _undecided_year()
        return year, Reason(N_("The article gives no year with the dates; they are printed in '{phrase}', so the "
                               "year is {year}."), phrase=titled.group(0).rstrip("( "), year=year)
    glossed = _YEAR_GLOSSED.search(text)
    if glossed is not None:
        # `강원도는 지난해(2018년)부터 평창 평화포럼을 개최하는 등`: last year, with its number
        year = int(glossed.group(2)) + _GLOSS_OFFSET[glossed.group(1)]
        return year, Reason(N_("The article gives no year with the dates; it writes '{words}', so the year is "
                               "{year}."), words=glossed.group(0), year=year)
    anniversary = national_anniversary_year(text) or anniversary_year(text)
    if anniversary is not None:
        return anniversary
    quoted = _quoted_spans(text)
    since = next((m for pattern in (_COUNTED_SINCE, _COUNTED_SINCE_EN) for m in pattern.finditer(text)
                  if not _inside(m.start(), quoted) and not _opened_quote(text, m.start())), None)
    if since is not None:
        # `the first ... in seven years since the MOU with Yancheng City ... in 2017`, `2017년 이후 7년 만에`
        named = {k: v for k, v in since.groupdict().items() if v}
        year = int(named["year"]) + _number(named["n"])
        if 1990 <= year <= dt.date.today().year + 1:
            return year, Reason(N_("The article gives no year with the dates; '{words}' counts the years since "
                                   "{since}, so the year is {year}."), words=since.group(0).strip(),
                                since=named["year"], year=year)
    years = named_years(text)
    recent = {y: p for y, p in years.items() if 1990 <= y <= dt.date.today().year + 2}
    titled = [y for y in recent if re.search(rf"(?<![\d.]){y} (?:[A-Z][a-z]+ ){{1,5}}(?:[A-Z][a-z]+|[A-Z]{{2,}})", text)
              and not re.search(rf"\b(?:next|host|hosting|bid for|to host the)\s+(?:the\s+)?{y}\b", text)]
    if len(recent) > 1 and len(titled) == 1:
        # `the 2023 World Korean Business Convention`: an event of the trip named with its year
        # (not `to host the next WKBC in 2024`, a bare year).
        year = titled[0]
        return year, Reason(N_("The article gives no year with the dates; it names '{phrase}', so the year is "
                               "{year}."), phrase=recent[year], year=year)
    if len(recent) == 1:
        (year, phrase), = recent.items()
        return year, Reason(N_("The article gives no year with the dates; it names '{phrase}', so the year is "
                               "{year}."), phrase=phrase, year=year)
    if len(recent) > 1:
        # The year named in the same sentence as an event of the trip (AUSA 2024), else none.
        near = [y for y, p in recent.items() if _near(text, p, first.begin, 400)]
        if len(near) == 1:
            return near[0], Reason(N_("The article gives no year with the dates; '{phrase}' is named beside "
                                      "them, so the year is {year}."), phrase=recent[near[0]], year=near[0])
    printed = [m for m in find_mentions(text) if m.weekday is not None and m not in (first, last)]
    for mention in (first, last, *printed):  # a weekday beside the range's days, else beside another date
        if mention.weekday is not None:
            mm = mention.month or month
            for year in range(dt.date.today().year + 1, 1989, -1):
                if _valid(year, mm, mention.day) and dt.date(year, mm, mention.day).weekday() == mention.weekday:
                    return year, Reason(N_("The article gives no year; '{text}' is a {weekday} in {year}, the "
                                           "latest year in which it is (check it: the same weekday comes back "
                                           "every 5 to 11 years)."),
                                        text=mention.text, weekday=f"{WEEKDAYS_KO[mention.weekday]}요일", year=year)
    term = _FIRST_OF_TERM.search(text)
    if term is not None:
        # `민선 5기 들어 첫 해외 마케팅`: the first trip of an elected term (from 1 July of its first
        # year: 1995, 1998, then every four years) is the first such day in it
        n = int(term.group(1))
        begins = 1995 if n == 1 else 1998 + 4 * (n - 2)
        year = begins if (month, first.day) >= (7, 1) else begins + 1
        return year, Reason(N_("The article gives no year with the dates; it calls the trip the first of '{term}', "
                               "the elected term from July {begins}, so the year is that of its first such day, "
                               "{year}."), term=term.group(0).strip(), begins=begins, year=year)
    raise _undecided_year()


def _undecided_year() -> NoYear:
    """The error of a text whose dates no year of its own decides."""
    return NoYear(messages()("the article gives the trip's dates without a year and nothing in it (a year, a "
                             "weekday, a dated event) decides one; give the article's date with --published "
                             "YYYY-MM-DD (or just the year: --published YYYY)"))


# A year leading a title with the trip's dates in brackets right after it: `2024 ... 견학(11.5.~11.8.)`.
_YEAR_TITLING_THE_DATES = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?!\s*(?:년|만|억|천|원|명|여|개|%)|\d)"
                                     r"[^.\n“”\"'‘’\d()]{1,40}\(\s*$")
# `지난해(2018년)`, `올해(2019년)`, `내년(2020년)`: a year named relative to the article's, with its number.
_YEAR_GLOSSED = re.compile(r"(지난해|작년|올해|금년|내년)\s*\(\s*((?:19|20)\d{2})\s*년?\s*\)")
_GLOSS_OFFSET = {"지난해": 1, "작년": 1, "올해": 0, "금년": 0, "내년": -1}
_COUNTED_SINCE = re.compile(r"(?P<year>(?:19|20)\d{2})년[^.\n]{0,40}?이후\s*(?P<n>\d{1,2})년\s*만(?:에|의|이다)")
_COUNTED_SINCE_EN = re.compile(rf"\bin\s+(?P<n>\d{{1,2}}|{'|'.join(_NUMBER_WORDS)})\s+years\s+since\b[^.\n]{{0,100}}?"
                             r"\b(?:in\s+)?(?P<year>(?:19|20)\d{2})\b", re.I)


def _opened_quote(text: str, at: int) -> bool:
    """Whether a quotation opened earlier on the line is still open at `at` (a quote whose
    closing mark the page lost: `조해녕 대구시장은 “지난 1981년 ... 15년 만에 ...며 “향후 ...`)."""
    line = text[text.rfind("\n", 0, at) + 1:at]
    return line.count("“") > line.count("”")


def _near(text: str, phrase: str, pos: int, distance: int) -> bool:
    i = text.find(phrase)
    return i >= 0 and abs(i - pos) <= distance


def _sentence_around(text: str, begin: int, end: int) -> str:
    """The sentence (or line) holding text[begin:end], verbatim."""
    ended = text.rfind("다.", 0, begin)
    left = max(text.rfind(". ", 0, begin), text.rfind("\n", 0, begin), ended + 1 if ended >= 0 else -1)
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left + 1 if left >= 0 else 0:right].strip()


# -- days tied to the text --------------------------------------------------------------------

_SAME_DAY = re.compile(r"이날|같은 날|당일|[Oo]n the same day|[Tt]hat day")
# `타잉화성과 자매결연 체결 협약식은 이날(6.20) 오후 4시`: 이날 with its month and day
_SAME_DAY_WITH_ITS_DATE = re.compile(r"(?:이날|당일)\s*\(\s*(\d{1,2})\s*[./]\s*(\d{1,2})\.?\s*\)")
_NEXT_DAY = re.compile(r"이튿날|다음 ?날|이튼날|[Tt]he (?:next|following) day")
# (not `첫 날갯짓`, a first flap of wings, nor an event's first day: `박람회 개막 첫 날`)
_FIRST_DAY = re.compile(r"(?<!개막\s)(?<!개막)(?<!개최\s)(?<!행사\s)(?<!대회\s)(?<!박람회\s)(?<!전시회\s)"
                        r"(?:일정|순방|방문)?\s*첫\s?날(?![개갯씨])|[Oo]n the first day of the (?:trip|visit|tour)")
_ORDINAL_DAY = re.compile(r"(?:(?:일정|순방|출장)\s*)?(둘|셋|넷|닷새|다섯|여섯)째\s*날")
_LAST_DAY = re.compile(r"(?:(?:일정|순방|출장)\s*)?마지막\s?날")
_ORDINALS = {"둘": 2, "셋": 3, "넷": 4, "다섯": 5, "닷새": 5, "여섯": 6}
# '애틀랜타 방문 둘째 날' counts the days in one city, not the trip's ('이번 방문 둘째 날' does).
_IN_ONE_CITY = re.compile(r"(?<!이번)\s방문\s*$")


def trip_day_words(sentence: str) -> list[re.Match[str]]:
    """The words that count a day of the trip from its start or end (첫날, 둘째 날, 마지막 날),
    in order; not those counting the days in one city."""
    found = [m for pattern in (_FIRST_DAY, _ORDINAL_DAY, _LAST_DAY) for m in pattern.finditer(sentence)
             if not (pattern is not _FIRST_DAY and _IN_ONE_CITY.search(sentence, 0, m.start()))]
    return sorted(found, key=lambda m: m.start())


def next_day_cut(sentence: str) -> int | None:
    """Where a sentence that has told of one day moves on to the next (`이날 ... 시찰하고 다음 날
    ... 체결할 예정이다`): the offset of its `다음 날` when a day was named before it."""
    for m in _NEXT_DAY.finditer(sentence):
        before = sentence[:m.start()]
        if m.start() > 0 and (_SAME_DAY.search(before) or find_mentions(before) or trip_day_words(before)):
            return m.start()
    return None


def resolve_day(mention: Mention, start: dt.date, end: dt.date) -> dt.date | None:
    """The trip date a mention of a day means, or None when it is not a day of the trip."""
    candidates = []
    if mention.year and mention.month:
        candidates.append((mention.year, mention.month))
    elif mention.month:
        candidates += [(start.year, mention.month), (end.year, mention.month)]
    else:
        candidates += [(start.year, start.month), (end.year, end.month)]
    for year, month in candidates:
        if _valid(year, month, mention.day):
            date = dt.date(year, month, mention.day)
            if start <= date <= end:
                return date
    return None


def relative_day(sentence: str, previous: dt.date | None, start: dt.date,
                 end: dt.date | None = None) -> tuple[dt.date, str] | None:
    """A day the sentence names relative to the last one (이날, 이튿날), to the start (첫날,
    둘째 날) or to the end (마지막 날), with the words it was read from."""
    m = _SAME_DAY_WITH_ITS_DATE.search(sentence)
    if m:  # `이날(6.20) 오후 4시`: the day its date says, whatever day was told before
        told = Mention(m.start(), m.end(), m.group(0), day=int(m.group(2)), month=int(m.group(1)))
        window = (start, end) if end is not None else (start.replace(month=1, day=1), start.replace(month=12, day=31))
        if (date := resolve_day(told, *window)) is not None:
            return date, m.group(0)
    m = _NEXT_DAY.search(sentence)
    if m and previous is not None:
        return previous + dt.timedelta(days=1), m.group(0)
    m = _SAME_DAY.search(sentence)
    if m and previous is not None:
        return previous, m.group(0)
    for m in trip_day_words(sentence)[:1]:
        if m.re is _FIRST_DAY:
            return start, m.group(0)
        if m.re is _ORDINAL_DAY:
            return start + dt.timedelta(days=_ORDINALS[m.group(1)] - 1), m.group(0)
        if end is not None:
            return end, m.group(0)
    m = _FIRST_PROGRAMME.search(sentence)
    if m and (not re.search(r"[가-힣]\s$", sentence[:m.start()])
              or re.search(r"(?:[가-힣](?:은|는|이|가)|것으로|것으로써)\s$", sentence[:m.start()])):
        # `... 시찰하는 것으로 첫 일정을 시작해`, `방일 첫 일정으로`: the trip's first day (not `뉴욕 첫 일정`,
        # the first in one city of several)
        return start, m.group(0).strip()
    return _en_weekday_day(sentence, start, end)


# The trip's first programme (`첫 일정을 시작해`, `방일 첫 일정으로`), with the word of the trip before it.
_FIRST_PROGRAMME = re.compile(r"(?:^|(?<=[\s,]))(?:(?:방미|방일|방중|순방|출장|방문|이번|공식)\s?)?(첫\s?일정)"
                              r"(?:으로|을|은|인|이|에)")


# `On Tuesday, he will ...`, `Starting Friday, Oh will visit Paris`; not `officials said on Monday`.
# (`will depart Saturday for Toronto`, `to be held in New York next Thursday`: a verb of travel
# or `next` before the weekday names the day as well)
_EN_ON_WEEKDAY = re.compile(rf"(?<!said )(?<!announced )(?<!told )\b(?:([Oo]n|[Ss]tarting|[Bb]eginning|[Ff]rom|"
                            rf"depart(?:s|ing)?|leav(?:e|es|ing)|left|fl(?:y|ies|ew)|arriv(?:e|es|ed|ing))\s+"
                            rf"(?:on\s+)?(?:this\s+|next\s+)?|(?:[Nn]ext|[Tt]his)\s+){_EN_WEEKDAY_WORD}\b")


def _en_weekday_day(sentence: str, start: dt.date, end: dt.date | None) -> tuple[dt.date, str] | None:
    """The trip day an English weekday names: the only day of the trip on that weekday, or
    the start where the words start the trip on it (`Starting Friday`)."""
    m = _EN_ON_WEEKDAY.search(sentence)
    if not m or end is None:
        return None
    weekday = WEEKDAYS_EN.index(m.group(2).lower())
    days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    on = [d for d in days if d.weekday() == weekday]
    if len(on) == 1:
        return on[0], m.group(0)
    if on and on[0] == start and (m.group(1) or "").lower() in ("starting", "beginning", "from"):
        return start, m.group(0)
    return None
