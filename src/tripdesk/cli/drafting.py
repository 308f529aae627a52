"""`tripdesk draft`: press articles in, a trip file out (the `draft` extra does the work)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..i18n import messages, translator
from ..problems import TripdeskError, display_path
from ..store import queries
from .common import EXIT_OK, RichText, _console
from .datafiles import open_store
from .desk import review_desk
from .language import argv_words


def _published(value: str) -> "tuple[str, str]":
    import re

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise argparse.ArgumentTypeError(argv_words()("{value} is not a date: give YYYY-MM-DD, YYYY-MM or YYYY").format(
            value=repr(value)))
    return ("published", value)


def cmd_draft(args: argparse.Namespace) -> int:
    if args.open and args.output is None:
        raise TripdeskError(messages()("--open reviews the draft's file: name it with -o FILE or -o DIR"))
    from ..draft import require_extra

    require_extra()
    import datetime as dt

    from ..draft.articles import ArticleError, read_article
    from ..draft.assemble import draft_trip
    from ..draft.dates import YearHint
    from ..draft.writer import DraftInvalid, check, target, to_yaml
    from ..export.writing import write_export

    hint = YearHint()
    if args.published:
        value = args.published[1]
        try:
            if len(value) == 10:
                hint = YearHint(published=dt.date.fromisoformat(value))
            else:
                hint = YearHint(year=int(value[:4]), month=int(value[5:7]) if len(value) == 7 else None)
        except ValueError:
            raise TripdeskError(messages()("--published {value}: not a calendar date").format(value=value)) from None
    articles = []
    for name in args.articles:
        if name == "-":
            raw = sys.stdin.buffer.read(5 * 1024 * 1024 + 1)
        else:
            path = Path(name)
            try:
                if path.is_dir():
                    raise ArticleError(messages()("{name}: is a folder; give the article files").format(name=name))
                if path.stat().st_size > 5 * 1024 * 1024:
                    raise ArticleError(messages()("{name}: the file is {size} MB; an article is at most 5 MB "
                                                  "(is it the right file?)").format(
                        name=name, size=f"{path.stat().st_size / 1024 / 1024:.1f}"))
                raw = path.read_bytes()
            except OSError as exc:
                raise ArticleError(messages()("{name}: cannot read it ({reason})").format(
                    name=name, reason=exc.strerror or exc)) from None
        article = read_article(raw, Path(name).name if name != "-" else "-", url=args.url)
        if name != "-":
            try:
                article.file_date = dt.date.fromtimestamp(Path(name).stat().st_mtime)
            except (OSError, ValueError, OverflowError):
                pass
        if args.lang_article:
            article.language = args.lang_article
        articles.append(article)
    early = target(args.output, "draft")
    if early is not None and early.name != "draft.yaml" and early.exists() and not args.force:
        # Refused before the work, not after it (a folder target is checked once the id is known).
        raise TripdeskError(messages()("{path} already exists; not replaced (use --force to replace "
                                       "it, or choose another file with -o)").format(path=display_path(early)))
    # The store only lends its names (구미시 is gumi-city): a store that cannot be read does not
    # stop a draft, which is then made with new ids and says so.
    store_problem = None
    try:
        with open_store(args) as store:
            known = queries.known_entities(store)
    except TripdeskError as exc:
        known, store_problem = queries.KnownEntities(), exc.message
    try:
        result = draft_trip(articles, known, hint, outlet=args.outlet, url=args.url)
    except TripdeskError:
        raise
    except Exception as exc:  # a drafter bug: said in one line, nothing written
        raise TripdeskError(messages()("the drafter failed on {articles} ({error}); nothing was written. "
                                       "Please report it with the article.").format(
            articles=", ".join(a.name for a in articles), error=f"{type(exc).__name__}: {exc}")) from None
    if store_problem:
        result.review.append(messages()("ids: the store could not be read ({problem}); no id is the "
                                        "store's").format(problem=store_problem))
    sources = ", ".join(a.name for a in articles)
    # The file's first words, to the editor who opens it, in the command's language.
    header = messages()("Drafted by `tripdesk draft` from {sources}. A draft, not a curated trip: check every\n"
                        "value against its evidence, and each `inferred` reason, before `tripdesk import`."
                        ).format(sources=sources)
    text = to_yaml(result.document, header)
    problems = check(text, {a.name: a.text for a in articles if a.name != "-"})
    if problems:
        raise DraftInvalid(messages()("the draft does not validate (a drafter bug; nothing written): "
                                      "{problem}").format(problem=problems[0]))
    out = _console(stderr=True)
    destination = target(args.output, result.trip_id)
    from ..files.schemajson import schema_comment

    # Its first line points editors (yaml-language-server) at the schema, as the bundled files do.
    text = f"{schema_comment(destination)}\n{text}"
    if destination is None:
        sys.stdout.write(text)
    else:
        written = write_export(destination, text, force=args.force)
        out.print(RichText(translator(getattr(args, "lang", "en"))("wrote {path}").format(path=display_path(written))))
    _ = translator(getattr(args, "lang", "en"))
    for line in result.found:
        out.print(RichText("  " + _("found: {what}").format(what=line)))
    for line in result.review:
        out.print(RichText("  " + _("needs review: {what}").format(what=line)))
    if args.open:
        folders = list(dict.fromkeys(Path(name).parent for name in args.articles if name != "-"))
        with open_store(args) as store:
            path = store.path
        return review_desk(args, path, [written], args.into, folders)
    return EXIT_OK
