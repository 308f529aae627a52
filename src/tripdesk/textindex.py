"""Full-text search that finds Korean words, two-syllable ones included.

SQLite's default tokenizer (unicode61) treats a run of Hangul as one token, so `협약` never
matches `업무협약을`; the trigram tokenizer matches substrings but needs three characters, so
it finds nothing for `구미` or `대전`. We do what CJK analysers in search engines do: before
indexing, every run of Hangul/CJK characters is rewritten as its overlapping character
bigrams (`업무협약을` -> `업무 무협 협약 약을`), and queries are rewritten the same way into
a phrase. Any Korean substring of two characters or more then matches exactly; a single
character matches as a prefix of a bigram. Latin text is left to unicode61 (words, case and
diacritics folded), and each Latin query word matches as a prefix.
"""

from __future__ import annotations

import functools
import re

# Hangul syllables and jamo, CJK ideographs, kana.
_CJK = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a run of CJK characters, a query word), compiled on first use: the character classes
    take ~10 ms to compile, which every launch of the desk paid before its first frame."""
    return re.compile(f"[{_CJK}]+"), re.compile(f"[{_CJK}]+|[^\\W_{_CJK}]+", re.UNICODE)


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_text(text: str) -> str:
    """The form of a text that goes into the FTS index."""
    if text.isascii():  # nothing to rewrite (most English texts): skip the regex
        return text
    out = _INDEXED.get(text)
    if out is None:
        out = _patterns()[0].sub(_spaced_bigrams, text)
        if len(text) <= _INDEXED_LENGTH:
            if len(_INDEXED) >= _INDEXED_MAX:
                _INDEXED.clear()
            _INDEXED[text] = out
    return out


# Short texts already rewritten, whole: the names of organisations, people, cities and places
# and the kinds of agreement come back in many rows of every trip and in every trip that
# names them, and rewriting each took one Python call per Korean word.
# Bounded like `_REWRITTEN`; longer texts (descriptions, quotes) seldom come back.
_INDEXED: dict[str, str] = {}
_INDEXED_MAX = 50_000
_INDEXED_LENGTH = 80


# The bigrams of each run already rewritten: names, places and common words come back in every
# trip, and an import rewrites ~65 texts a trip (see docs/performance.md). Bounded: it is
# emptied when it holds `_REWRITTEN_MAX` runs.
_REWRITTEN: dict[str, str] = {}
_REWRITTEN_MAX = 50_000


def _spaced_bigrams(match: re.Match[str]) -> str:
    """A run of CJK characters as its bigrams, with a space on either side."""
    run = match.group()
    out = _REWRITTEN.get(run)
    if out is None:
        if len(_REWRITTEN) >= _REWRITTEN_MAX:
            _REWRITTEN.clear()
        out = _REWRITTEN[run] = " " + " ".join(_bigrams(run)) + " "
    return out


def match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None when it has no words.

    Every word must match (AND). A Korean word becomes a phrase of its bigrams; a Latin word
    or a single Korean character becomes a prefix query. User input never reaches FTS5 syntax
    unquoted, so `"`, `*`, `AND`, `NEAR(` and the like are searched as text.
    """
    cjk_run, word = _patterns()
    terms: list[str] = []
    for token in word.findall(query):
        if cjk_run.fullmatch(token):
            grams = _bigrams(token)
            if len(grams) == 1 and len(token) == 1:
                terms.append(f'"{token}"*')
            else:
                terms.append('"' + " ".join(grams) + '"')
        else:
            terms.append(f'"{token}"*')
    return " AND ".join(terms) if terms else None
