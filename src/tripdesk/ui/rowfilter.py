"""What a table's filter finds: the rows whose folded text holds every word typed.

The ledger and the entities list of a large store filter tens of thousands of rows on each
letter typed. A row matches when each word of the query, case folded and without spaces, is
in the row's folded text (`folded`): names and aliases in both languages, kinds, titles,
parties, as each screen's `rows_of` gives them. The scan is done by C loops (`map`,
`itertools.compress` over the texts in the order shown), not a Python statement per row,
and gives exactly the rows (and the order) the plain scan gives (tests/test_rowfilter.py).
Most of its cost is the substring search itself: on the 17,256 agreements of the
10,000-trip store (355 folded characters a row) a first letter costs ~1.1 ms, a second one
over the rows the first kept ~7 ms (docs/performance.md, "The filter letters").
"""

from __future__ import annotations

from itertools import compress, repeat
from operator import contains
from typing import Sequence


def folded(text: str) -> str:
    """What the filter compares: case folded, spaces removed ("Blizzard Ent" = "blizzardent")."""
    return "".join(text.casefold().split())


def query_words(query: str) -> list[str]:
    """The words of what was typed, each folded."""
    return [folded(w) for w in query.split()]


def matching(candidates: list[int], haystacks: Sequence[str], words: Sequence[str],
             texts: list[str] | None = None) -> list[int]:
    """The candidates (row numbers, in the order shown) whose text (`haystacks[row]`) holds
    every word, in the same order. `texts`: the candidates' texts in their order, when the
    caller keeps them (saves a look-up per row)."""
    if not words:
        return candidates
    if texts is None:
        texts = list(map(haystacks.__getitem__, candidates))
    # The longest word first: it keeps the fewest rows for the others to look in.
    ordered = sorted(set(words), key=len, reverse=True)
    for n, word in enumerate(ordered):
        keep = list(map(contains, texts, repeat(word)))
        candidates = list(compress(candidates, keep))
        if n + 1 < len(ordered):
            texts = list(compress(texts, keep))
    return candidates


def extends(old: Sequence[str], new: Sequence[str]) -> bool:
    """Whether every row matching `new` matches `old` too: as many words or more, each of the
    old ones inside the new word in its place (typing on, or a space and another word)."""
    return len(old) <= len(new) and all(n.find(o) >= 0 for o, n in zip(old, new))
