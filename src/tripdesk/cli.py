"""The `tripdesk` command: the desk itself, and commands for scripts.

    tripdesk                      open the desk (the Textual app)
    tripdesk new TRIP-ID          write a trip file to fill in
    tripdesk validate [PATH...]   check trip files
    tripdesk import [PATH...]     load trip files into the store
    tripdesk list [--json]        the trips in the store
    tripdesk agreements           every agreement: date, city, kind, parties, status
    tripdesk stats                rankings of destinations and agreements
    tripdesk show TRIP            a trip's timeline
    tripdesk search QUERY         search everything
    tripdesk export TRIP          a Markdown, JSON or iCalendar briefing
    tripdesk doctor               check the store
    tripdesk draft ARTICLE...     draft a trip file from press articles

Nothing here imports Textual except the plain `tripdesk` launch. Every failure the user can
act on is a `TripdeskError`, printed as one message with its fix, never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Callable, Iterator, NoReturn, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text as _RichText

from .folding import FoldingText
from .i18n import N_, Translator, messages, speaking, translator
from .output import output_failed, prepare_streams, silence_stdout, stdout_is_utf8
from .paths import articles_dir, bundled_data_dir, is_trip_file_name, user_path
from .problems import Problem, TripdeskError, ValidationFailed, display_path, file_kind, terminal_safe
from .store import CannotWrite, Store, UnusableStore, default_db_path, queries, set_aside
from .store.storefiles import remove_new_store
from .text import DISPLAY_LANGS

if TYPE_CHECKING:
    import datetime as dt

    from .store.importer import ImportReport
    from .text import Text

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

# The importer and the loader (and PyYAML with them) are imported by the commands that read
# trip files, not at module level: a launch of the desk on an up-to-date store never needs
# them, and importing them cost ~40 ms of its first paint (docs/performance.md).


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


# Table columns fold rather than cut: rich narrows only the columns that may wrap, so a
# no_wrap id column would keep its width and squeeze the title to nothing in a narrow terminal.
# A date stays on one line where the terminal has this many columns; narrower, it folds too.
# (No column has a min_width: rich does not narrow one below it, and the table overflows.)
WHOLE_DATES_FROM = 60


def _date_column(table: Table, name: str, console: Console) -> None:
    table.add_column(name, overflow="fold", no_wrap=console.width >= WHOLE_DATES_FROM)


def RichText(text: str = "", style: str = "") -> _RichText:  # noqa: N802 - stands in for rich's Text
    """Literal text for the terminal: what it says is printed, never markup, and an escape
    sequence or other control character in it (from a trip id, a path, a file name, a
    message quoting any of them) is shown escaped, never run by the terminal. Where a table
    wraps it, Korean text folds at a syllable with nothing lost (`FoldingText`)."""
    return FoldingText(terminal_safe(text), style=style)


def _print_json(value: Any) -> None:
    """JSON for standard output: its characters as they are, or as \\u escapes where the
    locale's encoding lacks them (EUC-KR, Latin-1), which any JSON reader turns back."""
    import json

    print(json.dumps(value, ensure_ascii=not stdout_is_utf8(), indent=2))


def _console(stderr: bool = False) -> Console:
    # Data goes out as Text objects, never as markup; highlight=False keeps rich from
    # colouring numbers and URLs inside user text.
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


# -- the store as commands see it -----------------------------------------------------------


def db_path(args: argparse.Namespace) -> Path:
    """The store's file (`--db`, else TRIPDESK_DB, else the default). Something there that is
    not a file (a folder, a device, a named pipe) is refused by name: SQLite would call it a
    disk I/O error, or wait on a pipe."""
    path = user_path(args.db) if getattr(args, "db", None) else default_db_path()
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return path  # nothing there yet (or nothing reachable): the store says what it finds
    if not stat.S_ISREG(mode):
        _ = messages()
        raise TripdeskError(_("{path} is {kind}, not a database file").format(path=path, kind=file_kind(mode)),
                            _("give the store's file with --db PATH or TRIPDESK_DB"))
    return path


def open_store(args: argparse.Namespace) -> Store:
    """Open the store, building it from the bundled data on first use and refreshing it when
    the bundled files changed since (a broken bundled file is reported, the store kept).

    The first build creates the tables and imports the bundled data in one transaction: a
    second launch at the same time waits for it and finds the store complete, and a build that
    fails removes the file it made (unless another launch has it open): no empty store is left
    behind, and the next launch builds it again. A file that was there before is never deleted.

    A store in a place that cannot be written (a shared, read-only copy, a read-only file, a
    full disk) is opened for reading, as it is: every command but `import` only reads."""
    path = db_path(args)
    folder = bundled_data_dir()

    def fill(store: Store) -> None:
        from .store.importer import import_paths

        import_paths(store, [folder], articles=article_folders(args, bundled=True))

    try:
        store = Store.open(path, fill=fill)
    except CannotWrite:
        if not path.is_file():
            raise
        return Store.open(path, create=False, readonly=True)
    if not store.created and folder.is_dir() and _bundled_files_changed(store, folder):
        from .store.importer import import_paths, shadowed_bundled

        # A bundled trip the store holds from a file imported from elsewhere is left out, as
        # `import` said when it happened (and `doctor` says): not a warning at every launch.
        left_out = [shadow.bundled for shadow in shadowed_bundled(store.conn, folder)]
        if left_out and not _bundled_files_changed(store, folder, left_out):
            return store
        try:
            report = import_paths(store, [folder], articles=article_folders(args, bundled=True),
                                  skip=left_out)
            if report.changed:
                lang = getattr(args, "lang", "en")
                refreshed = translator(lang)("the bundled data changed; store refreshed ({summary})")
                _console(stderr=True).print(
                    RichText("tripdesk: " + refreshed.format(summary=report.summary(lang))))
        except ValidationFailed as exc:
            _console(stderr=True).print(RichText("tripdesk: " + messages()(
                "the bundled data changed but does not validate; using the store as it was.") + f"\n{exc}"))
        except CannotWrite as exc:  # a full disk: the store is read as it is
            _console(stderr=True).print(RichText("tripdesk: " + messages()(
                "the bundled data changed but the store cannot be refreshed; using it as it was.") + f"\n{exc}"))
    return store


def _bundled_files_changed(store: Store, folder: Path, left_out: list[Path] | None = None) -> bool:
    """Whether the store was built from `folder` and a file there was added, removed or changed
    since (`left_out`, files not counted). One indexed query and a stat of each bundled file:
    no write, and no read of the other files' states, on a launch where nothing changed."""
    prefix = str(folder.resolve()) + os.sep
    stored = {row[0]: (row[1], row[2]) for row in store.conn.execute(
        "SELECT path, size, mtime_ns FROM files WHERE path >= ? AND path < ?",
        (prefix, prefix[:-1] + chr(ord(os.sep) + 1)))}
    if not stored:
        return False  # this store was not built from the bundled data: leave it alone
    current = {}
    for path in folder.rglob("*"):
        if is_trip_file_name(path.name) and path.is_file():
            stat = path.stat()
            current[str(path.resolve())] = (stat.st_size, stat.st_mtime_ns)
    for path in left_out or ():
        current.pop(str(path.resolve()), None)
    return current != stored


# -- commands -------------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    import datetime as dt

    from .draft.writer import check, target
    from .export.writing import write_export
    from .newtrip import trip_template

    destination = target(args.output, args.trip_id) or Path(f"{args.trip_id}.yaml")
    from .files.schemajson import schema_comment

    text = trip_template(args.trip_id, dt.date.today(), display_path(destination))
    text = f"{schema_comment(destination)}\n{text}"  # editors complete and check it as it is filled in
    problems = check(text)
    if problems:  # a bug in the template: nothing is written
        raise TripdeskError(messages()("the new trip file does not validate: {problem}").format(problem=problems[0]))
    written = write_export(destination, text, force=args.force)
    _console().print(RichText(messages()(
        "wrote {path}: replace each TODO, then `tripdesk validate {path}` (docs/data-format.md "
        "says what goes where)").format(path=display_path(written))))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from .files.loader import load_paths

    paths = [Path(p) for p in args.paths] or [bundled_data_dir()]
    articles = article_folders(args, bundled=not args.paths)
    store_path = db_path(args) if getattr(args, "db", None) else None
    if store_path is not None and not store_path.exists():
        # Nothing to clash with yet: the files are still checked on their own, and the user
        # learns that no store was part of it.
        _console(stderr=True).print(RichText("tripdesk: note: " + messages()(
            "no store at {path}: ids not checked against one").format(path=display_path(store_path))))
        store_path = None
    if store_path is not None:
        # `--db`: also what an import into that store would refuse, a trip id another file
        # holds there, an organisation, person or home city named otherwise there.
        from .store.importer import known_in_store

        with Store.open(store_path, create=False, readonly=True) as store:
            result = load_paths(paths, known=known_in_store(store, paths), articles=articles)
    else:
        result = load_paths(paths, articles=articles)
    _print_warnings(result.warnings)
    if result.problems:
        out = _console(stderr=True)
        for problem in sorted(result.problems):
            out.print(RichText(str(problem)))
        _ = translator(args.lang)
        count, files = len(result.problems), len(result.files)
        out.print(RichText(_("{problems} in {files}").format(
            problems=_.ngettext("{n} problem", "{n} problems", count).format(n=count),
            files=_.ngettext("{n} file", "{n} files", files).format(n=files))))
        return EXIT_PROBLEMS
    files, trips = len(result.files), len(result.trips)
    checked = sum(t.excerpts_checked for t in result.trips)
    unchecked = sum(t.excerpts_unchecked for t in result.trips)
    quotes = sum(t.quotes_checked for t in result.trips)
    _ = translator(args.lang)
    excerpts = ""
    if checked or unchecked or quotes:
        found = _.ngettext("{n} excerpt", "{n} excerpts", checked).format(n=checked)
        if quotes:
            found = _("{excerpts} and {quotes}").format(
                excerpts=found, quotes=_.ngettext("{n} quote", "{n} quotes", quotes).format(n=quotes))
        excerpts = "; " + _("{found} found in their articles").format(found=found)
        if unchecked:
            excerpts += ", " + _("{n} not checked (no article file)").format(n=unchecked)
    _console().print(RichText(_.ngettext("{n} file valid", "{n} files valid", files).format(n=files)
                              + f" ({_.ngettext('{n} trip', '{n} trips', trips).format(n=trips)}{excerpts})"))
    return EXIT_OK


def article_folders(args: argparse.Namespace, bundled: bool = False) -> list[Path]:
    """The `--articles` folders, and for the bundled data the articles beside the checkout."""
    folders = [user_path(p) for p in getattr(args, "articles", None) or ()]
    if bundled and articles_dir().is_dir():
        folders.append(articles_dir())
    return folders


def _print_warnings(warnings: list[Problem]) -> None:
    out = _console(stderr=True)
    for warning in sorted(warnings):
        where = f"{warning.file}:{warning.line}:{warning.column}"
        out.print(RichText(f"{where}: warning: {warning.path}: {warning.message}"))


def cmd_import(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths] or [bundled_data_dir()]
    articles = article_folders(args, bundled=not args.paths)
    path = db_path(args)
    try:
        report = _import_into(path, paths, articles, rebuild=args.rebuild)
    except UnusableStore as exc:
        if not args.rebuild:
            raise
        # --rebuild recovers from a file that is not a usable store: it is moved aside, never
        # deleted, and a new store is built in its place.
        aside = set_aside(path)
        _console(stderr=True).print(RichText(f"tripdesk: {exc.message}\ntripdesk: " + messages()(
            "moved it aside to {path} (nothing was deleted) and building a new store").format(path=aside)))
        report = _import_into(path, paths, articles, rebuild=True)  # a failure leaves no new store
    _print_warnings(report.warnings)
    for shadow in report.shadowed:  # said once, here: the launches that follow leave it out quietly
        _console(stderr=True).print(RichText(f"tripdesk: note: {shadow.message()}"))
    _console().print(RichText(translator(args.lang)("imported into {path}: {summary}").format(
        path=path, summary=report.summary(args.lang))))
    return EXIT_OK


def _import_into(path: Path, paths: list[Path], articles: list[Path], *, rebuild: bool) -> ImportReport:
    """Import into the store at `path`; a store this import created is removed again when the
    import fails (no empty store is left behind)."""
    from .store.importer import import_paths

    try:
        new = not path.exists()
    except OSError:
        new = False  # Store.open says why it cannot reach it
    store = Store.open(path)
    try:
        if rebuild:
            store.check_integrity()  # a damaged file is set aside, not built upon
        report = import_paths(store, paths, rebuild=rebuild, articles=articles)
        imported = set(report.added + report.updated)
        if imported:
            from .store.importer import shadowed_bundled

            report.shadowed = [s for s in shadowed_bundled(store.conn, bundled_data_dir()) if s.trip_id in imported]
        return report
    except BaseException:
        store.close()
        if new:
            remove_new_store(path)
        raise
    finally:
        store.close()


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        trips = queries.all_trips(store)
    if args.json:
        _print_json([_trip_json(t) for t in trips])
        return EXIT_OK
    _ = translator(args.lang)
    table = Table(show_lines=False)
    # Every column folds rather than cut: the title first (rich narrows the widest first), the
    # others only when the terminal is too narrow for them whole.
    for column in (N_("id"), N_("home city"), N_("dates"), N_("days")):
        table.add_column(_(column), overflow="fold")
    table.add_column(_("title"), ratio=1)
    for t in trips:
        table.add_row(*(RichText(x) for x in (
            t.id, t.home_city.get(args.lang), f"{t.start.isoformat()}..{t.end:%m-%d}",
            str(t.day_count), t.title.get(args.lang))))
    _console().print(table)
    return EXIT_OK


def _trip_json(t: queries.TripRow) -> dict[str, Any]:
    return {
        "id": t.id,
        "home_city": {"id": t.home_city_id, "ko": t.home_city.ko, "en": t.home_city.en},
        "title": t.title.to_document(),
        "start": t.start.isoformat(),
        "end": t.end.isoformat(),
        "days": t.day_count,
        "span_reported": t.span_text,
        "status": t.status,
    }


AGREEMENT_COLUMNS = ("date", "home_city", "kind", "title", "parties", "status", "status_date", "trip",
                     "agreement")


def cmd_agreements(args: argparse.Namespace) -> int:
    from .model import agreement_status_label

    with open_store(args) as store:
        if args.city is not None and args.city not in {c.id for c in queries.home_cities(store)}:
            ids = sorted(c.id for c in queries.home_cities(store))
            _ = translator(args.lang)
            raise TripdeskError(_("no home city with id '{id}'").format(id=args.city),
                                _("the home cities are: {ids}").format(ids=", ".join(ids)) if ids
                                else _("the store has no trips"))
        rows = queries.agreements(store, city=args.city, kind=args.kind, since=args.since)
    lang = args.lang

    def cells(a: queries.AgreementRow) -> list[str]:
        return [a.date.isoformat() if a.date else "", a.home_city.get(lang), a.kind, a.title.get(lang),
                "; ".join(name.get(lang) for _id, name in a.parties), a.status,
                a.status_date.isoformat() if a.status_date else "", a.trip_id, a.id]

    if args.json:
        _print_json([{
            "trip": a.trip_id, "id": a.id, "date": a.date.isoformat() if a.date else None,
            "home_city": {"id": a.home_city_id, **_names(a.home_city)},
            "kind": a.kind, "title": a.title.to_document(),
            "parties": [{"id": i, **_names(name)} for i, name in a.parties],
            "status": a.status, "status_date": a.status_date.isoformat() if a.status_date else None,
        } for a in rows])
        return EXIT_OK
    if args.csv:
        import csv

        # A byte-order mark first: spreadsheets (Excel above all) then read the Korean as
        # UTF-8, not as the system's legacy code page. Lines end in CRLF, as RFC 4180 has it.
        sys.stdout.write("\ufeff")
        writer = csv.writer(sys.stdout, lineterminator="\r\n")
        writer.writerow(AGREEMENT_COLUMNS)
        writer.writerows(cells(a) for a in rows)
        return EXIT_OK
    _ = translator(lang)
    table = Table(show_lines=False)
    out = _console()
    _date_column(table, _("date"), out)
    for column in (N_("home city"), N_("kind"), N_("status"), N_("title"), N_("parties"), N_("trip")):
        # The title and parties wrap, and are given room first: they are what a row is about.
        wraps = column in ("title", "parties")
        table.add_column(_(column), ratio=2 if column == "title" else 1 if wraps else None,
                         overflow="fold")
    for a in rows:
        date, city, kind, title, parties, _value, _status_date, trip, _id = cells(a)
        status = agreement_status_label(a.status, lang)
        table.add_row(*(RichText(x) for x in (date or "-", city, _(kind), status, title, parties, trip)))
    out.print(table)
    if not rows:
        _console(stderr=True).print(RichText(_("no agreements match") if args.city or args.kind or args.since
                                             else _("no agreements in the store")))
    return EXIT_OK


# Each ranking: its key in the JSON, its table's title and the heading of its names' column.
STATS_TITLES = {"cities": (N_("Destinations: cities"), N_("cities")),
                "states": (N_("Destinations: states"), N_("states")),
                "countries": (N_("Destinations: countries"), N_("countries")),
                "agreement_kinds": (N_("Agreements by kind"), N_("kind")),
                "agreement_statuses": (N_("Agreements by status"), N_("status"))}


def cmd_stats(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        summary = queries.summary(store)
        ranks = queries.rankings(store)
    if args.json:
        _print_json({
            "trips": summary.trips, "home_cities": summary.cities,
            "years": [summary.first_year, summary.last_year],
            **{name: [{"key": r.key, **_names(r.label), "count": r.count} for r in getattr(ranks, name)]
               for name in STATS_TITLES},
        })
        return EXIT_OK
    out = _console()
    _ = translator(args.lang)
    out.print(RichText(summary.label(args.lang)))
    counted = {"agreement_kinds": N_("agreements"), "agreement_statuses": N_("agreements")}
    for name, (title, names) in STATS_TITLES.items():
        table = Table(title=_(title), title_justify="left", show_lines=False)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column(_(names), overflow="fold")
        table.add_column(_(counted.get(name, N_("trips"))), justify="right", no_wrap=True)
        rows = getattr(ranks, name)[:args.top]
        for rank, r in enumerate(rows, 1):
            table.add_row(str(rank), RichText(r.label.get(args.lang)), str(r.count))
        out.print(table)
    return EXIT_OK


def _names(name: "Text") -> dict[str, str | None]:
    """A name as `{"ko": ..., "en": ...}` (a language-neutral name in both)."""
    return {"ko": name.ko or name.plain, "en": name.en or name.plain}


def _iso_date(value: str) -> "dt.date":
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(argv_words()("{value} is not a date: give YYYY-MM-DD").format(
            value=repr(value))) from None


def cmd_show(args: argparse.Namespace) -> int:
    from .timeline import render_timeline

    with open_store(args) as store:
        trip = require_trip(store, args.trip, args.lang)
    _console().print(render_timeline(trip, args.lang, evidence=args.evidence))
    return EXIT_OK


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def require_trip(store: Store, trip_id: str, lang: str = "en"):  # noqa: ANN201 - returns model.Trip
    # An id that is not text (bytes no encoding could read) names no trip: not asked.
    trip = queries.load_trip(store, trip_id) if trip_id.isascii() or _is_text(trip_id) else None
    if trip is None:
        _ = translator(lang)
        close = queries.closest_trip_ids(store, trip_id)
        hint = (_("did you mean {ids}?").format(ids=", ".join(close)) if close
                else _("run `tripdesk list` to see the trip ids"))
        raise TripdeskError(_("no trip with id '{id}'").format(id=trip_id), hint)
    return trip


def cmd_search(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        hits = queries.search(store, args.query, limit=args.limit)
    _ = translator(args.lang)
    notes = queries.query_notes(args.query)
    if not hits and '"' in args.query:
        notes.append(queries.NOTE_PHRASE_EMPTY)
    for note in notes:  # what the query holds that is not read as the user may mean it (stderr)
        _console(stderr=True).print(RichText(f"tripdesk: {_(note)}"))
    if args.json:
        _print_json([{
            "kind": h.kind, "trip": h.trip_id, "date": h.date.isoformat() if h.date else None,
            "ref": h.ref, "label": h.label.to_document(), "matched": h.matched,
        } for h in hits])
        return EXIT_OK if hits else EXIT_PROBLEMS
    if not hits:
        _console(stderr=True).print(RichText(_("nothing found for {query}").format(query=repr(args.query))))
        return EXIT_PROBLEMS
    table = Table(show_lines=False)
    out = _console()
    table.add_column(_("trip"), overflow="fold")
    _date_column(table, _("day"), out)
    for column in (N_("kind"), N_("match")):
        table.add_column(_(column), overflow="fold")
    for h in hits:
        label = h.label.get(args.lang)
        match = RichText(label)
        why = queries.reason_text(h.reason, args.lang) if h.reason is not None else h.matched
        if why and why not in label:  # found in another of the item's texts, or a place's
            match.append("\n" + terminal_safe(why), style="dim")
        table.add_row(RichText(h.trip_id), RichText(h.date.isoformat() if h.date else "-"),
                      RichText(_(h.kind)), match)
    out.print(table)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export_target, render, write_export

    with open_store(args) as store:
        trip = require_trip(store, args.trip, args.lang)
    if not args.output:
        # The same UTF-8 bytes as a file gets, whatever the terminal's encoding, and no "\r\n"
        # made of the .ics file's own "\r\n" by a text-mode stream on Windows.
        text = render(trip, args.format or "md", args.lang, full=args.full)
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a replaced stream with no bytes underneath
            sys.stdout.write(text)
            return EXIT_OK
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
        return EXIT_OK
    # A folder gets <trip-id>.<format>; a known extension picks the format (and must agree with
    # --format); any other name gets --format, else Markdown. The app's `e` uses the same rules.
    output, fmt = export_target(args.output, trip.id, args.format)
    text = render(trip, fmt, args.lang, full=args.full)
    written = write_export(output, text, force=args.force)
    _console().print(RichText(translator(getattr(args, "lang", "en"))("wrote {path}").format(path=display_path(written))))
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace) -> int:
    from .store.doctor import check_name, diagnose, healthy
    path = db_path(args)  # as it is: doctor never creates or fills a store
    findings = diagnose(path) + _bundled_left_out(path)
    out = _console()
    _ = translator(args.lang)
    out.print(RichText(f"tripdesk doctor: {display_path(path)}"))
    for finding in findings:
        # (each check's status word stays as it is, for scripts that look for PROBLEM)
        status = ("skipped" if finding.skipped else "warning" if finding.warning
                  else "ok" if finding.ok else "PROBLEM")
        out.print(RichText(f"  {status:8} {check_name(finding.check)}: {finding.message}"))
        if finding.fix and (finding.warning or not finding.ok):
            out.print(RichText(f"  {'':8} " + _("fix: {fix}").format(fix=finding.fix)))
    if healthy(findings):
        skipped = sum(f.skipped for f in findings)
        out.print(RichText(_("the store is healthy") + (
            " (" + _.ngettext("{n} check skipped", "{n} checks skipped", skipped).format(n=skipped) + ")"
            if skipped else "")))
        return EXIT_OK
    count = sum(not f.ok for f in findings)
    out.print(RichText(_.ngettext("{n} problem found", "{n} problems found", count).format(n=count)))
    return EXIT_PROBLEMS


def _bundled_left_out(path: Path) -> list:  # noqa: ANN201 - doctor.Finding
    """doctor's word on bundled trip files the store leaves out (their trip imported from
    elsewhere): a warning, not a problem; nothing when the store cannot be read (diagnose says
    why)."""
    from .store.doctor import Finding
    from .store.importer import shadowed_bundled

    try:
        with Store.open(path, create=False, readonly=True) as store:
            shadows = shadowed_bundled(store.conn, bundled_data_dir())
    except Exception:  # noqa: BLE001 - an unusable store is diagnose's to report
        return []
    if not shadows:
        return []
    return [Finding("bundled data", True, shadow.message(), warning=True) for shadow in shadows]


def cmd_schema(args: argparse.Namespace) -> int:
    from .files.schemajson import schema_text

    text = schema_text()
    if args.check:
        path = Path(args.check)
        try:
            current = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            _ = messages()
            raise TripdeskError(_("{path}: cannot read it: {reason}").format(
                path=display_path(path), reason=getattr(exc, 'strerror', None) or exc),
                _("write it with `tripdesk schema -o {path}`").format(path=display_path(path))) from None
        if current != text:
            _console(stderr=True).print(RichText(messages()(
                "{path} is not the schema of this tripdesk's trip format; regenerate it with "
                "`tripdesk schema -o {path}`").format(path=display_path(path))))
            return EXIT_PROBLEMS
        _console().print(RichText(translator(args.lang)("{path} is up to date").format(path=display_path(path))))
        return EXIT_OK
    if args.output:
        write_generated(args.output, text, args.lang, force=args.force)
        return EXIT_OK
    sys.stdout.write(text)
    return EXIT_OK


def write_generated(output: str, text: str, lang: str = "en", *, force: bool = False) -> Path:
    """Write a file tripdesk generates (a schema, a configuration), saying where. A file that
    is already there is replaced whole and atomically when tripdesk generated it too (the
    same kind of document: regenerating it is the point) or with `force`; any other file is
    left alone (a trip file named by mistake is never overwritten)."""
    from .export import write_export
    from .export.writing import ExportExists

    path = Path(output)
    if not force and os.path.lexists(path) and not _generated_like(path, text):
        raise ExportExists(path)
    written = write_export(path, text, force=True)
    _console().print(RichText(translator(lang)("wrote {path}").format(path=display_path(written))))
    return written


def _generated_like(path: Path, text: str) -> bool:
    """Whether the file at `path` is a JSON document tripdesk generated, of the same kind as
    `text` (the same top-level keys, and a title that names tripdesk)."""
    import json

    try:
        if not path.is_file() or path.stat().st_size > 10_000_000:
            return False
        old, new = json.loads(path.read_text(encoding="utf-8")), json.loads(text)
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    if not isinstance(old, dict) or not isinstance(new, dict):
        return False
    title = old.get("title")
    return (set(old) == set(new) and isinstance(title, str) and "tripdesk" in title.lower())


def cmd_serve(args: argparse.Namespace) -> int:
    from .web.serve import serve

    with open_store(args) as store:  # built or refreshed once here, not by each browser's desk
        path = store.path
    serve(path, args.lang, host=args.host, port=args.port, url=args.public_url)
    return EXIT_OK


def cmd_datasette(args: argparse.Namespace) -> int:
    from .web.datasette_config import metadata_text, serve

    with open_store(args) as store:  # built or refreshed now: Datasette only reads it
        path = store.path
    text = metadata_text(path, args.lang)
    if not args.serve:
        if args.output:
            write_generated(args.output, text, args.lang, force=args.force)
        else:
            sys.stdout.write(text)
        return EXIT_OK
    from .web.serve import exposure_warning

    warning = exposure_warning(args.host, args.port, "the store")
    if warning:
        _console(stderr=True).print(RichText(warning))
    if args.output:
        return serve(path, write_generated(args.output, text, args.lang, force=args.force), args.host, args.port, args.immutable)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="tripdesk-datasette-") as folder:
        metadata = Path(folder) / "metadata.json"
        metadata.write_text(text, encoding="utf-8")
        return serve(path, metadata, args.host, args.port, args.immutable)


def cmd_app(args: argparse.Namespace) -> int:
    store = open_store(args)
    path = store.path
    store.close()
    if getattr(args, "drafts", None):
        return review_desk(args, path, [Path(p) for p in args.drafts], args.review_into,
                           [Path(p) for p in args.review_articles or ()])
    from .ui.data import DeskData, pause_collection, resume_collection  # no Textual there

    # What the first frame shows is read in a thread while Textual is imported (SQLite runs
    # beside the imports, on another core), and nothing is garbage-collected before the first
    # frame (the app resumes the collector then): docs/performance.md, first paint.
    data = DeskData(path)
    data.start_early()
    pause_collection()
    try:
        from .ui.app import TripdeskApp  # the only place the CLI touches Textual

        app = TripdeskApp(db_path=path, language=args.lang, data=data)
        app.run()
    finally:
        resume_collection()  # if the app ended before its first frame
    return app.return_code or EXIT_OK  # 1 when the app ended on an error (Textual printed it)


def review_desk(args: argparse.Namespace, store: Path, drafts: list[Path], into: str | None,
                articles: list[Path]) -> int:
    """The desk on draft files before they are imported: a scratch store holding only them
    (their articles too, for `v`), marked DRAFT in the header; `i` imports the trip shown into
    `store`, its file copied into `into` (else left where the draft is)."""
    from .review import open_review

    review = open_review(drafts, store, Path(into) if into else None, articles)
    try:
        from .ui.app import TripdeskApp

        app = TripdeskApp(language=args.lang, review=review)
        app.run()
    finally:
        review.close()
    return app.return_code or EXIT_OK


def _published(value: str) -> "tuple[str, str]":
    import re

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise argparse.ArgumentTypeError(argv_words()("{value} is not a date: give YYYY-MM-DD, YYYY-MM or YYYY").format(
            value=repr(value)))
    return ("published", value)


def cmd_draft(args: argparse.Namespace) -> int:
    if args.open and args.output is None:
        raise TripdeskError(messages()("--open reviews the draft's file: name it with -o FILE or -o DIR"))
    from .draft import require_extra

    require_extra()
    import datetime as dt

    from .draft.articles import ArticleError, read_article
    from .draft.assemble import draft_trip
    from .draft.dates import YearHint
    from .draft.writer import DraftInvalid, check, target, to_yaml
    from .export.writing import write_export

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
    from .files.schemajson import schema_comment

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


# -- parser ---------------------------------------------------------------------------------


def default_language() -> str:
    """Korean when the locale is Korean, English otherwise."""
    from .i18n import locale_language

    return locale_language()


ARTICLES_HELP = N_("a folder to look for the sources' article files in (besides the trip file's "
                 "folder and an articles/ folder beside the data folder); repeat for several. "
                 "TRIPDESK_ARTICLES names more, separated by ':'")


# argparse's own words, as Python 3.11's argparse asks gettext for them (its domain is not
# installed anywhere we know of): in our catalog, shown in the command line's language.
ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"), N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"), N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"), N_("one of the arguments %s is required"),
    N_("expected one argument"), N_("expected at most one argument"), N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"), N_("can't open '%(filename)s': %(error)s"),
    N_("whole number"),
)
_ARGV_WORDS: list[Translator] = []  # the words of the command line being parsed (`parsing`)


def argv_language(argv: Sequence[str]) -> str:
    """The display language a command line asks for (its last `--lang`), else the locale's."""
    lang = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if name == "--lang":
            value = value if equals else (argv[i + 1] if i + 1 < len(argv) else "")
            if value in DISPLAY_LANGS:
                lang = value
    return lang or default_language()


def argv_words() -> Translator:
    """The translator of the command line being parsed (English outside `parsing`)."""
    return _ARGV_WORDS[-1] if _ARGV_WORDS else translator("en")


@contextmanager
def parsing(lang: str) -> Iterator[Translator]:
    """While the parser is built and reads the command line: argparse's own words ("usage:",
    "options", its errors) and ours in display language `lang`'s words."""
    words = translator(lang)
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = words.gettext, words.ngettext  # type: ignore[attr-defined]
    _ARGV_WORDS.append(words)
    try:
        yield words
    finally:
        _ARGV_WORDS.pop()
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


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

    from .model import AGREEMENT_KINDS

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


# The arguments that are text, not paths: a trip id, a query.
_TEXT_ARGUMENTS = ("trip", "query")


def argument_text(value: str) -> str:
    """An argument that is text (not a path) as the user typed it. Python decodes arguments
    in the locale's encoding; UTF-8 typed where the locale says otherwise (a UTF-8 terminal
    with an EUC-KR or Latin-1 locale) is read as the UTF-8 it is. Text in the locale's own
    encoding is seldom valid UTF-8 as well, and is kept as decoded; what no encoding reads is
    kept too, and shown escaped wherever it is echoed."""
    if value.isascii() or _codec_name(sys.getfilesystemencoding()) == "utf-8":
        return value
    try:
        return _typed_bytes(value).decode("utf-8")
    except UnicodeError:
        return value


def _typed_bytes(value: str) -> bytes:
    """The bytes an argument was decoded from: each character as the locale's codec encodes
    it, a byte the C library could not decode (a lone surrogate) as that byte, and one it
    decoded byte for character (C1 controls, in glibc's EUC-KR) as that byte."""
    encoding = sys.getfilesystemencoding()
    out = bytearray()
    for char in value:
        if "\udc80" <= char <= "\udcff":
            out.append(ord(char) - 0xDC00)
            continue
        try:
            out += char.encode(encoding)
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                raise
            out.append(ord(char))
    return bytes(out)


def _codec_name(encoding: str) -> str:
    import codecs

    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; its exit status. Nothing a user can do (bad input, a full disk, a closed
    output, a locale without Korean) ends in a traceback: each is one message."""
    prepare_streams()
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = desk_args(argv)
        if args is None:
            lang = argv_language(argv)
            with parsing(lang):
                args = build_parser(lang).parse_args(argv)
    except SystemExit as done:  # --help, --version or a usage error: argparse has printed
        raise SystemExit(_flushed(done.code if isinstance(done.code, int) else EXIT_PROBLEMS)) from None
    except OSError as exc:  # --version's line to a full device or a closed output
        return _output_failed(exc, EXIT_PROBLEMS)
    for name in _TEXT_ARGUMENTS:
        if isinstance(getattr(args, name, None), str):
            setattr(args, name, argument_text(getattr(args, name)))
    # What is said below the command line (problems, errors and their fixes, doctor's
    # findings) is in the command's language too.
    with speaking(getattr(args, "lang", None) or default_language()):
        return _flushed(_run(getattr(args, "func", cmd_app), args))


def _flushed(code: int) -> int:
    """`code`, once standard output is flushed: a full device fails here, not at exit."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        return _output_failed(exc, code)
    return code


def _output_failed(exc: OSError | ValueError, code: int) -> int:
    """The exit status when writing standard output failed: quiet for a reader that left
    (a closed pipe), else one message."""
    silence_stdout()
    if isinstance(exc, BrokenPipeError):
        return code
    _say("tripdesk: error: " + messages()("cannot write to standard output: {reason}").format(reason=_why(exc)))
    return code or EXIT_PROBLEMS


def _run(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return func(args)
    except ValidationFailed as exc:
        _say(*(str(problem) for problem in sorted(exc.problems)), f"tripdesk: {exc.hint}")
        return EXIT_PROBLEMS
    except TripdeskError as exc:
        _say(f"tripdesk: error: {exc}")
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `tripdesk list | head`: the reader has what it wanted
        silence_stdout()
        return EXIT_OK
    except OSError as exc:
        # Every file tripdesk reads or writes itself is reported as a TripdeskError naming it:
        # an OSError naming no file is the output's (a full device, a closed stream).
        if exc.filename is None or output_failed():
            silence_stdout()
            _say("tripdesk: error: " + messages()("cannot write to standard output: {reason}").format(
                reason=_why(exc)))
        else:
            _say(f"tripdesk: error: {exc.filename}: {_why(exc)}")
        return EXIT_PROBLEMS
    except Exception as exc:  # noqa: BLE001 - the last resort: a bug, said in one line
        if os.environ.get("TRIPDESK_DEBUG"):
            raise
        _say(f"tripdesk: internal error: {type(exc).__name__}: {exc}\n  " + messages()("fix: {fix}").format(
            fix=messages()("this is a bug in tripdesk; please report it with the command you ran "
                           "(TRIPDESK_DEBUG=1 shows the traceback)")))
        return EXIT_PROBLEMS


def _why(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)


def _say(*lines: str) -> None:
    """Lines for standard error; nothing more when it cannot be written either (2>/dev/full)."""
    out = _console(stderr=True)
    try:
        for line in lines:
            out.print(RichText(line))
    except (OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
