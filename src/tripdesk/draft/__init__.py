"""Drafting trips from press articles: `tripdesk draft ARTICLE...`.

An article (plain text in any Korean encoding, a saved HTML page, or standard input) goes in;
a trip document in the data format comes out, every value with the verbatim `evidence` it
rests on and an `inferred` reason where the article does not state it outright. Nothing is
invented: what cannot be decided is left out and listed for review.

The modules, one per step:

- `articles`: bytes to an `Article` (encoding detection, HTML main text and metadata, page
  furniture dropped, the Korean text apart from a machine translation printed with it);
- `analyser`: the Korean morphological analyser (kiwipiepy), loaded once, lazily;
- `dates`: dates, ranges, spans (`N박 M일`), weekdays, and the year worked out;
- `places`: the gazetteer of world cities with Korean names, countries, US states;
- `localgov`: the table of Korean local governments (the home city and its province);
- `entities`: people, organisations and their ids (the store's, when a name matches);
- `english`: the same findings in English articles (people, home, cities, organisations);
- `agreements`, `quotes`: the agreements and the quoted words with their speakers;
- `assemble`: all of it put together into one trip document, and what needs review;
- `writer`: the document as YAML, checked by the validator (excerpts included) before writing.

`draft_trip()` is a pure function of the articles' texts and the store's known entities, so
that a desk can draft in a worker and show the result before anything is written. The heavy
dependencies are the `draft` extra; `require_extra()` says how to install them.
"""

from __future__ import annotations

from .deps import MissingExtra, require_extra

__all__ = ["MissingExtra", "require_extra"]
