"""The brief (or the dossier) as a printable HTML page: what is e-mailed and printed.

The page is rendered from the same Markdown as `tripdesk export --format md` (brief.py,
markdown.py) with markdown-it-py (CommonMark, GFM tables, footnotes), so the two never say
different things, and carries a print stylesheet: A4 with margins a printer keeps, fonts with
Korean fallbacks, table rows and footnotes that are not split across pages, and the words of
Korean kept whole when a line wraps (`word-break: keep-all`).

The data is never markup here either: every value was escaped for Markdown by
`escape.inline` (so it reads back as text), and the renderer is configured with raw HTML off,
so even a `<script>` that escaped the escaping would be written as text. The page's title is
escaped with `html.escape`.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..model import Trip

# Sans-serif first (the desk's look, and the narrower Korean faces), then the Korean faces of
# Windows, macOS and Linux (Nanum, Noto CJK), so that Hangul never falls back to a box.
FONTS = ('"Noto Sans", "Helvetica Neue", Arial, "Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", '
         '"Malgun Gothic", "NanumGothic", "Nanum Gothic", "NanumBarunGothic", sans-serif')

STYLESHEET = f"""
@page {{ size: A4; margin: 11mm 13mm; }}
:root {{ color: #111; background: #fff; }}
body {{ font-family: {FONTS}; font-size: 10.5pt; line-height: 1.4; margin: 0 auto; max-width: 46em;
        padding: 1.5em; word-break: keep-all; overflow-wrap: break-word; }}
h1 {{ font-size: 15pt; line-height: 1.25; margin: 0 0 0.5em; }}
h2 {{ font-size: 11.5pt; margin: 1.1em 0 0.35em; border-bottom: 1px solid #999; break-after: avoid; }}
h3 {{ font-size: 10.5pt; margin: 0.9em 0 0.3em; break-after: avoid; }}
p, ul, blockquote {{ margin: 0.35em 0; }}
ul {{ padding-left: 1.3em; }}
blockquote {{ margin-left: 0; padding-left: 0.8em; border-left: 3px solid #bbb; color: #222; }}
table {{ border-collapse: collapse; width: 100%; margin: 0.35em 0; }}
thead {{ display: table-header-group; }}
tr, li, blockquote, .footnote-item {{ break-inside: avoid; }}
th, td {{ border: 1px solid #bbb; padding: 0.15em 0.4em; text-align: left; vertical-align: top; }}
th {{ background: #eee; }}
table.days td:first-child, table.days th:first-child {{ white-space: nowrap; }}
a {{ color: inherit; }}
.footnote-ref, .footnote-ref a {{ text-decoration: none; }}
hr.footnotes-sep {{ border: 0; border-top: 1px solid #999; margin: 0.9em 0 0.3em; }}
section.footnotes {{ font-size: 8.5pt; line-height: 1.3; }}
section.footnotes ol {{ padding-left: 1.6em; margin: 0; }}
section.footnotes p {{ margin: 0.1em 0; }}
@media print {{
  body {{ font-size: 9pt; line-height: 1.28; max-width: none; padding: 0; }}
  h1 {{ font-size: 13pt; }}
  h2 {{ font-size: 10.5pt; margin: 0.8em 0 0.3em; }}
  p, ul, blockquote {{ margin: 0.3em 0; }}
  th, td {{ padding: 0.1em 0.35em; }}
  section.footnotes {{ font-size: 7.8pt; }}
  a {{ text-decoration: none; }}
  .footnote-backref {{ display: none; }}
}}
""".strip()


def _parser() -> Any:
    """CommonMark with GFM tables and footnotes, raw HTML off (imported on first use)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    parser = MarkdownIt("commonmark", {"html": False}).enable("table").use(footnote_plugin)
    parser.add_render_rule("footnote_caption", _caption)
    return parser


def _caption(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    """`[3]`, also where a footnote is cited again (the plugin writes `[3:1]`)."""
    return f"[{tokens[idx].meta['id'] + 1}]"


def markdown_to_html(markdown: str) -> str:
    parser = _parser()
    env: dict[str, Any] = {}
    tokens = parser.parse(markdown, env)
    # The brief's day table (date, where, what) keeps each date on one line.
    for i, token in enumerate(tokens):
        if token.type == "table_open" and _columns(tokens, i) == 3:
            token.attrSet("class", "days")
    return parser.renderer.render(tokens, parser.options, env)


def _columns(tokens: list[Any], start: int) -> int:
    """The number of header cells of the table that opens at `start`."""
    count = 0
    for token in tokens[start + 1:]:
        if token.type == "th_open":
            count += 1
        elif token.type == "tr_close":
            return count
    return count


def render_html(trip: Trip, markdown: str, lang: str) -> str:
    """A whole HTML page of `markdown` (the brief or the dossier of `trip`)."""
    title = trip.title.get(lang if lang in ("ko", "en") else "ko").strip() or trip.id  # type: ignore[arg-type]
    page_lang = lang if lang in ("ko", "en") else "ko"  # both: Korean first
    return (f'<!DOCTYPE html>\n<html lang="{page_lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="tripdesk">\n'
            f"<title>{escape(' '.join(title.split()))}</title>\n<style>\n{STYLESHEET}\n</style>\n</head>\n"
            f"<body>\n<main>\n{markdown_to_html(markdown)}</main>\n</body>\n</html>\n")


__all__ = ["STYLESHEET", "markdown_to_html", "render_html"]
