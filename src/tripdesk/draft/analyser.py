"""The Korean morphological analyser (kiwipiepy), loaded once, on first use.

Loading the model takes about a second; every extractor shares the one `Kiwi`. `analyse()`
keeps the last texts' tokens, since several extractors read the same sentences.
"""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass
from typing import Any

_lock = threading.Lock()
_kiwi: Any = None


def kiwi() -> Any:
    """The shared analyser, loaded on first call (thread-safe)."""
    global _kiwi
    if _kiwi is None:
        with _lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi()
    return _kiwi


@dataclass(frozen=True)
class Token:
    form: str
    tag: str
    begin: int  # offsets in the analysed text
    end: int


@functools.lru_cache(maxsize=64)
def analyse(text: str) -> tuple[Token, ...]:
    """The morphemes of a text, with their offsets, line by line: the analyser reads across a
    line break as across a space, so a headline without a full stop ran into the line after it
    (`... 기념행사’ 참석` + `한범덕 충북 청주시장이` read as 참석하+ㄴ 범덕)."""
    tokens: list[Token] = []
    at = 0
    for line in text.split("\n"):
        if line.strip():
            tokens += (Token(t.form, t.tag, at + t.start, at + t.start + t.len) for t in kiwi().tokenize(line))
        at += len(line) + 1
    return tuple(tokens)


def proper_nouns(text: str) -> set[str]:
    """The forms tagged as proper nouns (NNP) in the text."""
    return {t.form for t in analyse(text) if t.tag == "NNP"}


def common_nouns(text: str) -> set[str]:
    """The forms tagged as common nouns (NNG) in the text, and never as proper nouns: words
    such as 브랜드 (brand) or 센터 that a gazetteer may also list as a city's name."""
    tokens = analyse(text)
    proper = {t.form for t in tokens if t.tag == "NNP"}
    return {t.form for t in tokens if t.tag == "NNG"} - proper


@functools.lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_split(text))


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of a text as (begin, end) offsets, paragraph by paragraph."""
    return list(_sentences(text))


def clear_caches() -> None:
    """Forget the texts analysed so far (the benchmark analyses each text afresh)."""
    analyse.cache_clear()
    _sentences.cache_clear()


# English sentences end at . ! ? before a capital, except after an abbreviation (U.S., D.C.).
_EN_END = re.compile(r"([.!?][”\"’)]?)\s+(?=[A-Z“\"‘(])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.){1,3}[”\"’)]?$|\b(?:Mr|Mrs|Ms|Dr|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|"
                           r"Nov|Dec|Inc|Corp|Co|Ltd|vs|etc)\.$")


def _split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        if paragraph.strip():
            if len(re.findall("[가-힣]", paragraph)) * 4 < len(re.findall("[A-Za-z]", paragraph)):
                spans += [(offset + b, offset + e) for b, e in _english_sentences(paragraph)]
            else:
                spans += [(offset + b, offset + e) for b, e in _whole_quotes(
                    paragraph, [(sent.start, sent.end) for sent in kiwi().split_into_sents(paragraph)])]
        offset += len(paragraph) + 1
    return spans


_QUOTE_MARK = re.compile(r"[“”\"]")


def _inside_quote(text: str) -> bool:
    """Whether `text` ends inside a double quotation it opened (an odd number of marks: pages
    mix “ with a straight closing mark)."""
    return len(_QUOTE_MARK.findall(text)) % 2 == 1


def _whole_quotes(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The analyser's sentences, those it split inside a quotation joined again (`그는 “... 지향한다.
    주민과 함께 ... 있다"고 강조했다`: kiwi keeps “...” together, not a quote that closes with ")."""
    joined: list[tuple[int, int]] = []
    for begin, end in spans:
        if joined and _inside_quote(paragraph[joined[-1][0]:joined[-1][1]]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((begin, end))
    return joined


def _english_sentences(paragraph: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _EN_END.finditer(paragraph):
        if _ABBREVIATION.search(paragraph[start:m.end(1)]):
            continue
        if _inside_quote(paragraph[start:m.end(1)]) and _QUOTE_MARK.search(paragraph, m.end()):
            continue  # `“... and beyond. We are committed ...," Jeong said.`: one sentence, quote and all
        spans.append((start, m.end(1)))
        start = m.end()
    spans.append((start, len(paragraph.rstrip())))
    return [(b, e) for b, e in spans if paragraph[b:e].strip()]
