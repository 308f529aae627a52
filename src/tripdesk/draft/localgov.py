"""Korean local governments (`data/local_governments.csv`, its header names the source): the
home city of a delegation, with its province, from the names an article uses (구미시, 구미,
대전시, 경북도)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .places import _data


@dataclass(frozen=True)
class LocalGov:
    kind: str  # metropolitan | province | city | county | district (자치구) | national
    ko: str  # the full name: 구미시, 대전광역시, 경상북도
    en: str
    province: str  # the province's full Korean name ("" for a province or metropolitan city)
    aliases: tuple[str, ...]

    @property
    def short(self) -> str:
        """The name without 시/군/광역시 (구미, 대전), as the data format's home city has it."""
        return self.aliases[0] if self.aliases else self.ko

    @property
    def is_province_level(self) -> bool:
        return self.kind in ("metropolitan", "province")


@functools.cache
def governments() -> tuple[LocalGov, ...]:
    return tuple(LocalGov(r["kind"], r["ko"], r["en"], r["province"],
                          tuple(a for a in r["aliases"].split("|") if a)) for r in _data("local_governments.csv"))


@functools.cache
def by_name() -> dict[str, tuple[LocalGov, ...]]:
    """Every name (full and alias) -> the governments called so (광주: the metropolitan city
    and Gyeonggi's city; 고성: two counties)."""
    index: dict[str, list[LocalGov]] = {}
    for gov in governments():
        extra = (gov.ko.replace("특별자치도", "자치도"),) if gov.ko.endswith("특별자치도") else ()
        for name in (gov.ko, *gov.aliases, *extra):
            index.setdefault(name, []).append(gov)
    return {k: tuple(v) for k, v in index.items()}


def province_of(gov: LocalGov) -> LocalGov | None:
    for other in governments():
        if other.ko == gov.province:
            return other
    return None


_WORD = re.compile(r"[가-힣]+")


def mentions(text: str, proper_nouns: set[str] | None = None) -> list[tuple[LocalGov, int, str]]:
    """The local governments the text names, as (government, offset, words), in order. A
    short name (구미) counts when it is written before 시/군/도, or alone where the analyser
    reads it as a proper noun (`proper_nouns`; so 강화 "strengthening" is not 강화군)."""
    index = by_name()
    found = []
    for m in _WORD.finditer(text):
        word = m.group()
        for n in range(min(len(word), 8), 1, -1):
            head, tail = word[:n], word[n:]
            if head in index and re.fullmatch(r"(시|군|도|청)?(은|는|이|가|을|를|의|에|와|과|에서|에서는|로|으로|도|와의|"
                                               r"(?:장|지사|수)(?:은|는|이|가|을|를|과|와|의)?|민|의회|대표단|사절단|방문단)?", tail):
                govs = index[head]
                is_short = all(head != g.ko for g in govs) and not head.endswith(("시", "군", "도"))
                if (is_short and proper_nouns is not None and head not in proper_nouns
                        and not re.match(r"(시|군|도|청)", tail)):
                    break
                found.append((govs[0] if len(govs) == 1 else _prefer(govs), m.start(), head))
                break
    return found


def _prefer(govs: tuple[LocalGov, ...]) -> LocalGov:
    """Of governments sharing a name, the province-level one (광주광역시 before 경기 광주시)."""
    return sorted(govs, key=lambda g: (not g.is_province_level, g.ko))[0]


# National bodies that send missions abroad without a local government (docs/data-format.md:
# `kind: national`): the home is the body itself. Their English names as they write them.
NATIONAL_BODIES = {
    "대한상공회의소": "Korea Chamber of Commerce and Industry",
    "대한상의": "Korea Chamber of Commerce and Industry",
    "한국무역협회": "Korea International Trade Association",
    "중소기업중앙회": "Korea Federation of SMEs",
    "전국경제인연합회": "Federation of Korean Industries",
    "한국경제인협회": "Federation of Korean Industries",
    "대한무역투자진흥공사": "KOTRA",
    "한국관광공사": "Korea Tourism Organization",
    "대한민국시도지사협의회": "Governors Association of Korea",
    "국무총리실": "Prime Minister's Office",
    "총리실": "Prime Minister's Office",
}
# A national leader's title and the body the delegation then comes from (`김황식 국무총리가 ...
# 중남미 3개국을 순방`: the government's own mission, no local government's).
NATIONAL_TITLES = {"국무총리": "국무총리실"}


def national_body_of(role: str) -> LocalGov | None:
    """The national body a leader's title heads, if the title is a national one."""
    body = next((b for title, b in NATIONAL_TITLES.items() if role.endswith(title)), None)
    return None if body is None else LocalGov("national", body, NATIONAL_BODIES[body], "", (body,))


def national_body(text: str) -> LocalGov | None:
    """The national body the text names first as the one that sends the delegation (its
    subject: `대한상공회의소는 ... 경제사절단을 파견한다`), as a home of kind `national`."""
    best: tuple[int, str] | None = None
    for name in NATIONAL_BODIES:
        m = re.search(rf"{re.escape(name)}(?:\([^)]*\))?\s?(?:는|은|가|이|와|과)?\s", text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    if best is None:
        return None
    name = best[1]
    full = next((k for k, v in NATIONAL_BODIES.items() if v == NATIONAL_BODIES[name] and len(k) >= len(name)), name)
    return LocalGov("national", full, NATIONAL_BODIES[name], "", (full,))
