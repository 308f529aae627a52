"""Finding an evidence excerpt in its article, as a reader would: whitespace and the kind of
quotation mark do not count.

An excerpt is copied from an article by hand, so it may break a line where the article does
not, drop a space the article has ("전략을모색한다" for "전략을 모색한다"), or write straight
quotes where the article has curly ones (or the other way round). `ArticleText` normalises the
article once (no whitespace; every quotation mark, single or double, as one mark) and finds
any number of excerpts in it, giving where each stands in the article as written.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterator

# Quotation marks, single and double, straight, curly, low, prime-like and full-width (Korean
# articles use “ ” ‘ ’ and sometimes 「 」 『 』, which are quotation brackets).
QUOTE_MARKS = frozenset("\"'“”„‟‘’‚‛«»‹›″′〝〞〟＂＇「」『』")
QUOTE = '"'  # what every quotation mark becomes


def _normal(char: str) -> str:
    """One character as the match sees it ('' for whitespace)."""
    if char.isspace():
        return ""
    return QUOTE if char in QUOTE_MARKS else char


def normalise(text: str) -> str:
    """`text` without whitespace, with every quotation mark the same."""
    return "".join(_normal(char) for char in text)


class ArticleText:
    """An article's text, normalised once for finding excerpts in it."""

    def __init__(self, text: str) -> None:
        self.text = text
        kept: list[str] = []
        at: list[int] = []  # index in `text` of each character of the normalised text
        for index, char in enumerate(text):
            normal = _normal(char)
            if normal:
                kept.append(normal)
                at.append(index)
        self._normal = "".join(kept)
        self._at = at

    def find(self, excerpt: str, start: int = 0) -> tuple[int, int] | None:
        """Where `excerpt` first occurs at or after `start` (an index of `text`): its start and
        end in `text`, or None (also for an excerpt of whitespace alone)."""
        for span in self.find_all(excerpt, start):
            return span
        return None

    def find_all(self, excerpt: str, start: int = 0) -> Iterator[tuple[int, int]]:
        """Every place `excerpt` occurs (not overlapping), as (start, end) in `text`."""
        needle = normalise(excerpt)
        if not needle:
            return
        at = self._at
        position = bisect_left(at, start)  # the first normalised character at `start` or later
        while True:
            found = self._normal.find(needle, position)
            if found < 0:
                return
            last = found + len(needle) - 1
            yield at[found], at[last] + 1
            position = last + 1


def contains(article: str, excerpt: str) -> bool:
    """Whether `excerpt` occurs in `article`, whitespace and quotation marks aside."""
    needle = normalise(excerpt)
    return bool(needle) and needle in normalise(article)
