"""A Datasette plugin: SQL functions that search the store the way the desk does.

The store's full-text index (`search`) holds each Korean word as its character bigrams
(`textindex`), so a query has to be rewritten the same way before FTS5 can match it; Datasette's
own table search quotes each word as it is, which finds a word of exactly two syllables and
nothing longer. These functions let a query do what `tripdesk search` does:

    tripdesk_match(q)          the FTS5 MATCH expression for what the user typed (NULL: no words)
    tripdesk_text(body)        an indexed text turned back into the text it was
    tripdesk_matched(q, body)  which of a hit's texts holds the words, as it was written

Datasette loads the plugin through the `datasette` entry point in pyproject.toml wherever
tripdesk is installed; the canned query `search_everything` of `tripdesk datasette` uses them.
"""

from __future__ import annotations

import sqlite3

from datasette import hookimpl

from ..store.textindex import match_query, matched_lines, unindex_text


def tripdesk_match(query: str | None) -> str | None:
    return match_query(query) if query else None


def tripdesk_text(body: str | None) -> str | None:
    return unindex_text(body) if body is not None else None


def tripdesk_matched(query: str | None, body: str | None) -> str | None:
    if not query or body is None:
        return None
    return matched_lines(query, [body])[0]


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("tripdesk_match", 1, tripdesk_match, deterministic=True)
    conn.create_function("tripdesk_text", 1, tripdesk_text, deterministic=True)
    conn.create_function("tripdesk_matched", 2, tripdesk_matched, deterministic=True)
