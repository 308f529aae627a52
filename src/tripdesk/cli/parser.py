"""The command line's grammar: every command, its options and their help, in the user's
language; and the fast path that reads a plain desk launch without building the parser."""

from __future__ import annotations

import argparse
import sys
from typing import IO, TYPE_CHECKING, Any, Callable, NoReturn, Sequence

from ..i18n import N_, translator
from ..problems import terminal_safe
from ..text import DISPLAY_LANGS
from .common import EXIT_USAGE
from .datafiles import cmd_doctor, cmd_import, cmd_new, cmd_validate
from .drafting import _published, cmd_draft
from .generated import cmd_datasette, cmd_schema, cmd_serve
from .language import argv_words, default_language
from .reading import cmd_agreements, cmd_export, cmd_list, cmd_search, cmd_show, cmd_stats

if TYPE_CHECKING:
    import datetime as dt


def package_version() -> str:
    # importlib.metadata costs ~35 ms at start-up: import it only when the version is asked for.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tripdesk")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0+unknown"


class _VersionAction(argparse.Action):
    """`--version`, computing the version only when the option is given."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=default,
                         help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(f"tripdesk {package_version()}")
        parser.exit()


def _iso_date(value: str) -> "dt.date":
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(argv_words()("{value} is not a date: give YYYY-MM-DD").format(
            value=repr(value))) from None


ARTICLES_HELP = N_("a folder to look for the sources' article files in (besides the trip file's "
                 "folder and an articles/ folder beside the data folder); repeat for several. "
                 "TRIPDESK_ARTICLES names more, separated by ':'")


def wrap_cells(text: str, width: int) -> list[str]:
    """`text`'s words in lines of at most `width` terminal cells (a Korean letter counts two;
    textwrap, which argparse uses, counts one and lets Korean help run past the edge). A word
    wider than a line is cut between letters."""
    from rich.cells import cell_len

    width = max(width, 1)
    lines: list[str] = []
    line = ""
    for word in text.split():
        while cell_len(word) > width:  # a word wider than a line: as much as fits, then the rest
            cut = 1
            while cut < len(word) and cell_len(word[:cut + 1]) <= width:
                cut += 1
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:cut])
            word = word[cut:]
        if line and cell_len(line) + 1 + cell_len(word) > width:
            lines.append(line)
            line = ""
        line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


class _CellFormatter(argparse.HelpFormatter):
    """argparse's help layout, its text wrapped by terminal cells (`wrap_cells`)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_cells(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap_cells(text, width - len(indent)))

    def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None) -> str:
        # argparse lines the usage's later lines up under the program by the prefix's length
        # in characters: "사용법: " is 5 characters and 8 cells.
        from rich.cells import cell_len

        text = super()._format_usage(usage, actions, groups, prefix)
        shown = argparse._("usage: ") if prefix is None else prefix  # type: ignore[attr-defined]
        extra = cell_len(shown) - len(shown)
        if extra <= 0:
            return text
        first, *rest = text.split("\n")
        return "\n".join([first, *(" " * extra + line if line.strip() else line for line in rest)])


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose errors show what the user typed escaped: it quotes most of it
    with repr(), but not all ("unrecognized arguments: <ESC>[31m" reached the terminal); its
    help is wrapped by terminal cells."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _CellFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        # "PROG: error:" stays as it is, for scripts that look for it; the message is in the
        # words of the command line's language (`parsing`).
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {terminal_safe(message)}\n")

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        # argparse drops a failed write of --help to standard output (exit status 0, the help
        # lost); it is raised instead, and `main` says that standard output could not be written.
        if message and (file is None or file is sys.stdout):
            sys.stdout.write(message)
            return
        super()._print_message(message, file)


MAX_HITS = 10_000  # what --limit takes: more than a reader reads, and SQLite's integers hold it


def _whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`; anything else is refused with
    what it takes (a `--limit` of -1 meant "no limit" to SQLite, 10**20 overflowed it)."""

    def number(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(argv_words()("{value} is not a whole number").format(
                value=repr(text))) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(argv_words()("{value} is not from {low} to {high}").format(
                value=value, low=f"{low:,}", high=f"{high:,}"))
        return value

    number.__name__ = argv_words()("whole number")  # what argparse calls the type in its messages
    return number


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The parser, its help in the words of display language `lang` (default: the locale's).
    argparse's own words ("usage:", "options", its errors) follow them while `parsing` runs."""
    _ = translator(lang or default_language())

    def common_options(defaults: bool) -> argparse.ArgumentParser:
        # The options are accepted before and after the command. After it, their default is
        # SUPPRESS so that `tripdesk --db X import` keeps the X given before the command.
        common = _Parser(add_help=False)
        common.add_argument("--db", metavar="PATH",
                            default=None if defaults else argparse.SUPPRESS,
                            help=_("the database file (default: $TRIPDESK_DB, else tripdesk.db in "
                                 "the user data directory)"))
        common.add_argument("--lang", choices=DISPLAY_LANGS,
                            default=default_language() if defaults else argparse.SUPPRESS,
                            help=_("language of names and titles (default: from the locale)"))
        return common

    parser = _Parser(
        prog="tripdesk", parents=[common_options(defaults=True)],
        description=_("Explore the timelines of official trips abroad: where a delegation went, "
                    "whom it met, what was signed and said, and the source of every fact. "
                    "Without a command, opens the desk."),
        epilog=_("Run `tripdesk COMMAND --help` for the options of a command."))
    parser.add_argument("--version", action=_VersionAction, help=_("show the version and exit"))
    parser.add_argument("--drafts", metavar="PATH", action="append", default=None,
                        help=_("open the desk on draft trip files (a file or a folder; repeat for "
                             "several) before they are imported: shown apart from the store, marked "
                             "DRAFT; i imports the trip shown into the store"))
    parser.add_argument("--into", dest="review_into", metavar="DIR", default=None,
                        help=_("with --drafts: the data folder i copies the draft's file into "
                             "(default: it stays where it is); a file there is replaced only when "
                             "you confirm it"))
    parser.add_argument("--articles", dest="review_articles", metavar="DIR", action="append",
                        default=None, help=_("with --drafts: {help}").format(help=_(ARTICLES_HELP)))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], help_text: str,
            example: str, **options: Any) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common_options(defaults=False)], help=help_text, description=help_text,
                           epilog=_("example: {example}").format(example=example), **options)
        p.set_defaults(func=func)
        return p

    p = add("new", cmd_new, _("Write a new trip file that validates as it is: every required "
            "field, with TODO placeholders and a comment saying what goes where."),
            "tripdesk new gumi-2026-jp -o data/trips/")
    p.add_argument("trip_id", metavar="TRIP-ID", help=_("the new trip's id (lower-case letters, "
                   "digits and '-'); the file is TRIP-ID.yaml unless -o names another"))
    p.add_argument("-o", "--output", metavar="FILE|DIR",
                   help=_("write to FILE, or DIR/TRIP-ID.yaml (default: TRIP-ID.yaml here); an "
                        "existing file is never replaced without --force"))
    p.add_argument("--force", action="store_true", help=_("replace the file if it exists"))

    p = add("validate", cmd_validate, _("Check trip files against the format and each other (and, "
            "given --db, against the trips already in that store: trip, organisation, person "
            "and home-city ids); print every problem as file:line:col: field: message."),
            "tripdesk validate data/ --db trips.db")
    p.add_argument("paths", nargs="*", metavar="PATH", help=_("files or folders (default: the bundled data)"))

    p.add_argument("--articles", action="append", metavar="DIR",
                   help=_(ARTICLES_HELP))

    p = add("import", cmd_import, _("Load trip files into the store in one transaction: if any "
            "file fails validation, nothing is written."), "tripdesk import data/trips")
    p.add_argument("paths", nargs="*", metavar="PATH", help=_("files or folders (default: the bundled data)"))
    p.add_argument("--articles", action="append", metavar="DIR", help=_(ARTICLES_HELP))
    p.add_argument("--rebuild", action="store_true",
                   help=_("re-read every file and drop every trip not among them; a database "
                        "file that is not usable is moved aside to <db>.broken-<time>"))

    p = add("list", cmd_list, _("List the trips in the store."), "tripdesk list --json")
    p.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))

    from ..model import AGREEMENT_KINDS

    p = add("agreements", cmd_agreements, _("List every agreement in the store, oldest first: date, "
            "home city, kind, title, parties, status (signed, agreed in principle, planned, "
            "pledged, cancelled, unknown) and trip."), "tripdesk agreements --csv > agreements.csv")
    output = p.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))
    output.add_argument("--csv", action="store_true", help=_("print CSV (UTF-8 with a byte-order "
                        "mark, for spreadsheets) instead of a table"))
    p.add_argument("--city", metavar="ID", help=_("only the agreements of this home city's trips (its id, "
                   "as `tripdesk list --json` gives it)"))
    p.add_argument("--kind", choices=AGREEMENT_KINDS, help=_("only agreements of this kind"))
    p.add_argument("--since", type=_iso_date, metavar="DATE",
                   help=_("only agreements dated on or after DATE (YYYY-MM-DD); an undated one "
                        "counts at its trip's start"))

    p = add("stats", cmd_stats, _("Rank the destinations (cities, states, countries) by the trips "
            "that went there, and the agreements by kind and by status."), "tripdesk stats --json")
    p.add_argument("--json", action="store_true", help=_("print JSON (every line of every ranking) "
                   "instead of tables"))
    p.add_argument("--top", type=_whole_number(1, 10_000), default=10, metavar="N",
                   help=_("lines of each table, 1 to 10,000 (default 10; --json gives them all)"))

    p = add("show", cmd_show, _("Print a trip's timeline, day by day, with its sources."),
            "tripdesk show gumi-2024-us")
    p.add_argument("trip", metavar="TRIP", help=_("the trip id (see `tripdesk list`)"))
    p.add_argument("--evidence", action="store_true",
                   help=_("under each record, the excerpts of its sources it rests on"))

    p = add("search", cmd_search, _("Search titles, descriptions, names, agreements and quotes, "
            "in Korean and English."), "tripdesk search 협약")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))
    p.add_argument("--limit", type=_whole_number(1, MAX_HITS), default=200,
                   help=_("at most this many hits, 1 to {most} (default 200)").format(most=f"{MAX_HITS:,}"))

    p = add("export", cmd_export, _("Export a trip as a one-page brief in Markdown or printable HTML "
            "(with --full, the complete dossier), its JSON document (which `tripdesk import` reads "
            "back) or an iCalendar file; to standard output unless -o is given."),
            "tripdesk export gumi-2024-us --format md -o exports/")
    p.add_argument("trip", metavar="TRIP", help=_("the trip id (see `tripdesk list`)"))
    p.add_argument("--format", choices=("md", "html", "json", "ics"), default=None,
                   help=_("md, html (the same as a printable A4 page), json or ics (default: from the "
                        "-o file's extension, else md; a .md, .markdown, .html, .htm, .json or .ics "
                        "file must be given its own format)"))
    p.add_argument("-o", "--output", metavar="FILE",
                   help=_("write to FILE instead of standard output; a folder (ending in /) gets "
                        "<trip-id>.<format>. An existing file is never replaced without --force"))
    p.add_argument("--force", action="store_true", help=_("replace the -o file if it exists"))
    p.add_argument("--full", action="store_true",
                   help=_("the complete dossier instead of the one-page brief: every day, every event's "
                        "details, the people and organisations, each fact's excerpts and each "
                        "inferred value's reason (md and html)"))

    p = add("datasette", cmd_datasette, _("Write a Datasette configuration (metadata.json) for the "
            "store: descriptions, labels, facets, and canned queries (agreements ledger, trips by "
            "destination, one organisation, search that finds Korean words as the desk does); "
            "with --serve, start Datasette on the store, read-only."),
            "tripdesk datasette --serve --port 8001")
    p.add_argument("-o", "--output", metavar="FILE", help=_("write the configuration to FILE "
                   "instead of standard output (one written before is replaced; any other file "
                   "only with --force)"))
    p.add_argument("--force", action="store_true", help=_("replace the -o file whatever it holds"))
    p.add_argument("--serve", action="store_true", help=_("start Datasette on the store (needs the "
                   "web extra); it opens the file read-only"))
    p.add_argument("--host", default="127.0.0.1", help=_("with --serve: the address to listen on "
                   "(default 127.0.0.1, this machine only)"))
    p.add_argument("--port", type=_whole_number(1, 65_535), default=8001,
                   help=_("with --serve: the port, 1 to 65535 (default 8001)"))
    p.add_argument("--immutable", action="store_true", help=_("with --serve: open the store as "
                   "immutable (faster; only for a store no import will change while it is served)"))

    p = add("schema", cmd_schema, _("Print the JSON Schema (2020-12) of a trip file, generated "
            "from the format `tripdesk validate` checks: editors (VS Code, Neovim, Helix, through "
            "yaml-language-server) use it for completion and errors as you type."),
            "tripdesk schema -o trip.schema.json")
    p.add_argument("-o", "--output", metavar="FILE", help=_("write it to FILE instead of standard "
                   "output (a schema written before is replaced; any other file only with --force)"))
    p.add_argument("--force", action="store_true", help=_("replace the -o file whatever it holds"))
    p.add_argument("--check", metavar="FILE", help=_("exit 1 unless FILE holds exactly this schema "
                   "(for a data repository's CI)"))

    p = add("serve", cmd_serve, _("Serve the desk in a web browser (textual-serve): each browser "
            "gets a desk of its own, and exports arrive as downloads. There is no login: it "
            "listens on 127.0.0.1 unless --host says otherwise, and warns when it does."),
            "tripdesk serve --port 8000")
    p.add_argument("--host", default="127.0.0.1", help=_("the address to listen on (default "
                   "127.0.0.1, this machine only; 0.0.0.0 is every interface)"))
    p.add_argument("--port", type=_whole_number(1, 65_535), default=8000,
                   help=_("the port, 1 to 65535 (default 8000)"))
    p.add_argument("--public-url", metavar="URL", help=_("the address browsers use, when it is not "
                   "http://HOST:PORT (behind a proxy, or listening on 0.0.0.0)"))

    add("doctor", cmd_doctor, _("Check the store: SQLite integrity and foreign keys, the "
        "full-text index in step with its tables, the schema version; say how to fix each "
        "problem. Exit status 1 when there is one."), "tripdesk doctor")

    p = add("draft", cmd_draft, _("Draft a trip file from press articles about one trip (text in any "
            "Korean encoding, saved HTML, or - for standard input): dates, places, days, events, "
            "agreements and quotes, each with the excerpt it came from. Needs the draft extra: "
            "pip install 'tripdesk[draft]'."),
            "tripdesk draft article.txt -o drafts/", conflict_handler="resolve")
    p.add_argument("articles", nargs="+", metavar="ARTICLE", help=_("article files about the same trip"))
    p.add_argument("-o", "--output", metavar="FILE|DIR",
                   help=_("write the draft to FILE, or DIR/<trip-id>.yaml (default: standard output); "
                        "an existing file is never replaced without --force"))
    p.add_argument("--force", action="store_true", help=_("replace the -o file if it exists"))
    p.add_argument("--open", action="store_true",
                   help=_("then open the draft in the desk, apart from the store (marked DRAFT), each "
                        "fact beside its excerpt in the article (v); i imports it into the store"))
    p.add_argument("--into", metavar="DIR", default=None,
                   help=_("with --open: the data folder i copies the draft's file into before importing "
                        "it (default: the file stays where -o wrote it)"))
    p.add_argument("--published", type=_published, metavar="DATE",
                   help=_("the article's date (YYYY-MM-DD, or YYYY-MM, YYYY) when the text does not "
                        "print it: it gives the year of dates printed without one"))
    p.add_argument("--url", metavar="URL", help=_("where the article was published"))
    p.add_argument("--outlet", metavar="NAME", help=_("the outlet (newspaper) when the text does not name it"))
    # After `draft`, --lang is the articles' language (the desk's display language has no use
    # here; given before the command it is still read as that).
    p.add_argument("--lang", dest="lang_article", choices=("ko", "en"), default=None,
                   help=_("the articles' language: ko or en (default: detected from the text)"))

    return parser


def desk_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a plain launch of the desk (nothing but well-formed `--db` and
    `--lang`), read without the parser; None for anything else, which the parser reads.

    Building the parser and its seven commands takes 5-13 ms (argparse looks up a translation
    of each of its messages on disk), on the way to the desk's first frame
    (docs/performance.md). `tests/test_cli.py` checks that both read a launch the same.
    """
    values: dict[str, str | None] = {"db": None, "lang": None}
    i = 0
    while i < len(argv):
        name, equals, value = argv[i].partition("=")
        if name not in ("--db", "--lang"):
            return None
        if not equals:
            if i + 1 == len(argv) or argv[i + 1].startswith("-"):
                return None
            value = argv[i + 1]
            i += 1
        values[name[2:]] = value
        i += 1
    if values["lang"] is not None and values["lang"] not in DISPLAY_LANGS:
        return None
    return argparse.Namespace(db=values["db"], lang=values["lang"] or default_language(), command=None,
                              drafts=None, review_into=None, review_articles=None)
