"""Variant Korean spellings of foreign place names: 보스톤 for 보스턴, 라스베이가스 for
라스베이거스, 애드먼튼 for 에드먼턴, 똘루카 for 톨루카.

Korean writes a foreign name by ear, and older or regional papers spell it otherwise than the
gazetteer does: a vowel heard another way (ㅓ/ㅏ/ㅗ/ㅡ), ㅐ for ㅔ, a tense consonant for an
aspirated one, a consonant written or left out (스트래퍼드, 스트랫퍼드), 스 for 즈 (a final s heard as
z: 베이커즈필드, 베이커스필드; costing as much as a vowel, not nothing, since Japanese names keep them
apart: 이즈미 is as near 이스미 as 이즈모, and where both are known neither is taken). `nearest()` compares names
letter by letter (jamo): a vowel changed, added or dropped costs 1, a consonant added or dropped
2, a consonant changed more than is ever taken; so a name one or two vowels (or one consonant
written or not) away from a known one is found, and a different name is not.
"""

from __future__ import annotations

import functools

_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ("", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ",
           "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ")
# Letters that spell one sound in loanwords: a tense consonant for an aspirated one (똘루카),
# ㅐ for ㅔ (애드먼튼), ㅒ for ㅖ.
_SAME = str.maketrans({"ㄲ": "ㅋ", "ㄸ": "ㅌ", "ㅃ": "ㅍ", "ㅉ": "ㅊ", "ㅆ": "ㅅ", "ㅐ": "ㅔ", "ㅒ": "ㅖ"})

_Z = "z"  # the ㅈ of 즈 (see `jamo`)
# Consonants one sound may be heard as: changing one for the other costs as much as a vowel.
_NEAR_CONSONANTS = ({_Z, "ㅅ"},)
VOWEL_COST = 1  # a vowel changed, added or dropped
CONSONANT_COST = 2  # a consonant added or dropped
MOST = 2  # the largest difference taken for a variant spelling


@functools.cache
def jamo(word: str) -> str:
    """The word's letters, a silent ㅇ left out, variant letters made one."""
    out = []
    for ch in word:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            continue
        initial, vowel, final = _INITIALS[code // 588], _VOWELS[code % 588 // 28], _FINALS[code % 28]
        if initial == "ㅈ" and vowel == "ㅡ" and not final:
            initial = _Z  # 즈: a z, which a final s may be heard as (베이커스필드, 베이커즈필드)
        out.append(("" if initial == "ㅇ" else initial) + vowel + final)
    return "".join(out).translate(_SAME)


def _cost(letter: str) -> int:
    return VOWEL_COST if letter in _VOWELS else CONSONANT_COST


def distance(a: str, b: str, most: int = MOST) -> int:
    """The weighted edit distance between two names' letters (more than `most`: most + 1)."""
    x, y = jamo(a), jamo(b)
    if abs(len(x) - len(y)) > most:
        return most + 1
    previous = [0]
    for letter in y:
        previous.append(previous[-1] + _cost(letter))
    for i, p in enumerate(x, 1):
        row = [previous[0] + _cost(p)]
        for j, q in enumerate(y, 1):
            # (a consonant is never heard as another: 야마나 is not 야마가)
            change = (0 if p == q or {p, q} == {_Z, "ㅈ"} else
                      VOWEL_COST if p in _VOWELS and q in _VOWELS or {p, q} in _NEAR_CONSONANTS else MOST + 1)
            row.append(min(previous[j - 1] + change, previous[j] + _cost(p), row[j - 1] + _cost(q)))
        if min(row) > most:
            return most + 1
        previous = row
    return min(previous[-1], most + 1)


def nearest(word: str, names: tuple[str, ...]) -> list[str]:
    """The known names the word may be a variant spelling of: those nearest it, at most `MOST`
    apart (several when they are equally near: the caller decides whether they name one place)."""
    scored = [(distance(word, name), name) for name in names if name != word]
    best = min((d for d, _ in scored), default=MOST + 1)
    return [] if best > MOST else sorted(name for d, name in scored if d == best)
