"""Full-text search that finds Korean words, two-syllable ones included.

SQLite's default tokenizer (unicode61) treats a run of Hangul as one token, so `협약` never
matches `업무협약을`; the trigram tokenizer matches substrings but needs three characters, so
it finds nothing for `구미` or `대전`. We do what CJK analysers in search engines do: before
indexing, every run of Hangul/CJK characters is rewritten as its overlapping character
bigrams (`업무협약을` -> `업무 무협 협약 약을`), and queries are rewritten the same way into
a phrase. Any Korean substring of two characters or more then matches exactly; a single
character matches as a prefix of a bigram. Latin text is left to unicode61 (words, case and
diacritics folded), and each Latin query word matches as a prefix.

The rewriting can be undone exactly (`unindex_text`), so a hit's indexed text also tells which
of its texts the query was found in (`matched_lines`), and `term_spans` says where in a text
the query's words are, for the reader to see them.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata

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


# A query is bounded: FTS5 spends ~2 ms on each word of a query even in a small store (and
# more in a large one), which grows faster than the words (1,000 words took 1.6-4 s, 4,000
# 21 s), so a paragraph pasted into the search would hold the store for minutes. A search of
# a few words is what the index is for; a longer text is refused with `query_problem`.
MAX_QUERY_WORDS = 16
MAX_QUERY_CHARS = 256


def query_problem(query: str) -> str | None:
    """Why a query is too long to search (for the user), or None when it is not."""
    text = query.strip()
    if len(text) > MAX_QUERY_CHARS:
        return (f"the query is {len(text):,} characters long; a search takes at most "
                f"{MAX_QUERY_CHARS} characters and {MAX_QUERY_WORDS} words: search for a few "
                "words of it")
    words = len(dict.fromkeys(_patterns()[1].findall(text)))
    if words > MAX_QUERY_WORDS:
        return (f"the query has {words} words; a search takes at most {MAX_QUERY_WORDS}: "
                "leave some out")
    return None


def match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None when it has no words.

    Every word must match (AND). A Korean word becomes a phrase of its bigrams; a Latin word
    or a single Korean character becomes a prefix query. Words in double quotes are a phrase:
    they must follow one another, as written (`"Seattle Public Library"`, `"시애틀 공공도서관"`);
    a quote left open runs to the end of the query. User input never reaches FTS5 syntax
    unquoted, so `*`, `AND`, `NEAR(` and the like are searched as text.
    """
    cjk_run, word = _patterns()
    terms: list[str] = []
    for text, quoted in query_parts(query):
        tokens = word.findall(text)
        if quoted:
            grams = [gram for token in tokens
                     for gram in (_bigrams(token) if cjk_run.fullmatch(token) else [token])]
            if grams:
                terms.append('"' + " ".join(grams) + '"')
            continue
        for token in tokens:
            if cjk_run.fullmatch(token):
                grams = _bigrams(token)
                if len(grams) == 1 and len(token) == 1:
                    terms.append(f'"{token}"*')
                else:
                    terms.append('"' + " ".join(grams) + '"')
            else:
                terms.append(f'"{token}"*')
    terms = list(dict.fromkeys(terms))  # a word said twice is looked up once
    return " AND ".join(terms) if terms else None


def query_parts(query: str) -> list[tuple[str, bool]]:
    """The query cut at its double quotes: (text, whether it is a quoted phrase), in order.
    A quote left open makes the rest of the query a phrase."""
    parts: list[tuple[str, bool]] = []
    for index, piece in enumerate(query.split('"')):
        if piece.strip():
            parts.append((piece, index % 2 == 1))
    return parts


def unindex_text(indexed: str) -> str:
    """The text that `index_text` made `indexed` from: its exact inverse.

    `index_text` puts each run of CJK characters between two spaces, as its bigrams one space
    apart (`업무협약을` -> ` 업무 무협 협약 약을 `). A run ends before a character that is not
    CJK, so a CJK character followed by a space and two CJK characters is only ever inside a
    run (the space and the first of the two go: `업무협약을` again), and after that every space
    next to a CJK character is one that the rewriting put around a run.
    """
    if indexed.isascii():
        return indexed
    inside, around = _rewriting()
    return around.sub("", inside.sub("", indexed))


@functools.cache
def _rewriting() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a bigram's repeated character with the space before it, a space around a run)."""
    return (re.compile(f"(?<=[{_CJK}]) [{_CJK}](?=[{_CJK}])"),
            re.compile(f" (?=[{_CJK}])|(?<=[{_CJK}]) "))


def term_spans(query: str, text: str) -> list[tuple[int, int]]:
    """Where the words of a query occur in a text, as (start, end) offsets in order, merged
    where they overlap: what `match_query` finds, shown to the reader.

    A Korean word is found wherever it occurs; a Latin word at the start of a word (the index
    matches it as a prefix), whatever its case and accents.
    """
    folded = _fold(text)
    spans = sorted(m.span() for pattern in _term_patterns(query, False)[0] for m in pattern.finditer(folded))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def matched_lines(query: str, bodies: list[str]) -> list[str | None]:
    """For each index row's body (`store.search_body`: one text of the item a line, in its
    indexed form), the line that holds the most of the query's words, turned back into the
    text it was: the first such line on a tie, None when no line holds any.

    The bodies are looked through together, each word once (a search keeps up to 200 rows;
    one pass per row took 4-5 ms in all), and each find is counted against its line.
    """
    text = "\n".join(bodies)
    lines = text.split("\n")
    ends = list(itertools.accumulate(len(line) + 1 for line in lines))
    firsts = [0, *itertools.accumulate(body.count("\n") + 1 for body in bodies)]
    patterns, latin = _term_patterns(query, True)
    best = _best_lines(patterns, text, ends, firsts)
    if latin and any(count < len(patterns) for _line, count in best) and _ACCENTED.search(text):
        # The Latin words are looked for in any case, but with their accents as typed: count
        # again in folded text, which only matters where there are accented letters.
        best = _best_lines(patterns, text.translate(_FOLDED), ends, firsts)
    return [unindex_text(lines[line]) if count else None for line, count in best]


# Latin letters with accents, and accents on their own.
_ACCENTED = re.compile("[\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff]")


def _best_lines(patterns: tuple[re.Pattern[str], ...], text: str, ends: list[int],
                firsts: list[int]) -> list[tuple[int, int]]:
    """(line, how many patterns match in it) of the best line of each body of `text`, whose
    lines end at the offsets `ends` and whose bodies start at the lines `firsts`."""
    counts = [0] * len(ends)
    for pattern in patterns:
        for line in {bisect.bisect_right(ends, m.start()) for m in pattern.finditer(text)}:
            counts[line] += 1
    best = []
    for first, end in itertools.pairwise(firsts):
        line = max(range(first, end), key=counts.__getitem__)
        best.append((line, counts[line]))
    return best


def _fold(text: str) -> str:
    return text.lower() if text.isascii() else text.translate(_FOLDED)


@functools.lru_cache(maxsize=64)
def _term_patterns(query: str, indexed: bool) -> tuple[tuple[re.Pattern[str], ...], bool]:
    """A pattern for each word of the query (a Korean word as it is, or as its bigrams in the
    indexed form; a Latin word at the start of a word, folded and in any case: it finds the
    word in text as written, or in folded text when the accents differ), and whether any is
    Latin."""
    cjk_run, word = _patterns()
    patterns, latin = [], False
    for token in dict.fromkeys(word.findall(query)):
        if cjk_run.fullmatch(token):
            patterns.append(re.compile(re.escape(" ".join(_bigrams(token)) if indexed else token)))
        else:
            # Only the word is matched in any case: a case-insensitive lookbehind took 3 times
            # as long to compile (~4 ms a word, for its class of every letter).
            patterns.append(re.compile(f"(?<![^\\W_{_CJK}])(?i:{re.escape(_fold(token))})"))
            latin = True
    return tuple(patterns), latin


class _FoldTable(dict[int, str]):
    """`str.translate` table: each character lower case and without its accents, one
    character for one (so offsets stay valid); Korean and other CJK characters as they are.
    Filled as characters are met."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if _patterns()[0].match(char):  # Hangul would come apart into its letters
            folded = char
        else:
            base = unicodedata.normalize("NFD", char)[0]
            lower = base.lower()
            folded = lower if len(lower) == 1 else base
        self[code] = folded
        return folded


_FOLDED = _FoldTable()
