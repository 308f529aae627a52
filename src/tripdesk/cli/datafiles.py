"""The commands that read trip files and keep the store: new, validate, import, doctor; and
how every command finds and opens the store (`--db`, TRIPDESK_DB, building it from the
bundled data on first use).

The importer and the loader (and PyYAML with them) are imported by the commands that read
trip files, not at module level: a launch of the desk on an up-to-date store never needs
them, and importing them cost ~40 ms of its first paint (docs/performance.md)."""

from __future__ import annotations

import argparse
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import messages, translator
from ..paths import articles_dir, bundled_data_dir, is_trip_file_name, user_path
from ..problems import Problem, TripdeskError, ValidationFailed, display_path, file_kind
from ..store import CannotWrite, Store, UnusableStore, default_db_path, set_aside
from ..store.storefiles import remove_new_store
from .common import EXIT_OK, EXIT_PROBLEMS, RichText, _console

if TYPE_CHECKING:
    from ..store.importer import ImportReport


def db_path(args: argparse.Namespace) -> Path:
    """The store's file (`--db`, else TRIPDESK_DB, else the default). Something there that is
    not a file (a folder, a device, a named pipe) is refused by name: SQLite would call it a
    disk I/O error, or wait on a pipe."""
    given = bool(getattr(args, "db", None) or os.environ.get("TRIPDESK_DB"))
    path = user_path(args.db) if getattr(args, "db", None) else default_db_path()
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        if given:
            _missing_folder(path)
        return path  # nothing there yet (or nothing reachable): the store says what it finds
    if not stat.S_ISREG(mode):
        _ = messages()
        raise TripdeskError(_("{path} is {kind}, not a database file").format(path=path, kind=file_kind(mode)),
                            _("give the store's file with --db PATH or TRIPDESK_DB"))
    return path


def _missing_folder(path: Path) -> None:
    """Refuse a store whose folder the user named but that does not exist: a mistyped `--db`
    would otherwise leave a new folder behind (the default place is made, it is ours). A file
    in the way is left for `Store.open`, which names it."""
    try:
        folders = [p for p in path.parents if not p.exists()]
        blocked = any(p.exists() and not p.is_dir() for p in path.parents)
    except OSError:
        return
    if folders and not blocked:
        _ = messages()
        raise TripdeskError(_("{path}: the folder {folder} does not exist").format(
            path=display_path(path), folder=display_path(folders[-1])),
            _("create it first, or check the path given with --db or TRIPDESK_DB"))


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
        from ..store.importer import import_paths

        import_paths(store, [folder], articles=article_folders(args, bundled=True))

    try:
        store = Store.open(path, fill=fill)
    except CannotWrite:
        if not path.is_file():
            raise
        return Store.open(path, create=False, readonly=True)
    if not store.created and folder.is_dir() and _bundled_files_changed(store, folder):
        from ..store.importer import import_paths, shadowed_bundled

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


def cmd_new(args: argparse.Namespace) -> int:
    import datetime as dt

    from ..draft.writer import check, target
    from ..export.writing import write_export
    from ..newtrip import trip_template

    destination = target(args.output, args.trip_id) or Path(f"{args.trip_id}.yaml")
    from ..files.schemajson import schema_comment

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
    from ..files.loader import load_paths

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
        from ..store.importer import known_in_store

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
    from ..store.importer import import_paths

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
            from ..store.importer import shadowed_bundled

            report.shadowed = [s for s in shadowed_bundled(store.conn, bundled_data_dir()) if s.trip_id in imported]
        return report
    except BaseException:
        store.close()
        if new:
            remove_new_store(path)
        raise
    finally:
        store.close()


def cmd_doctor(args: argparse.Namespace) -> int:
    from ..store.doctor import check_name, diagnose, healthy
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
    from ..store.doctor import Finding
    from ..store.importer import shadowed_bundled

    try:
        with Store.open(path, create=False, readonly=True) as store:
            shadows = shadowed_bundled(store.conn, bundled_data_dir())
    except Exception:  # noqa: BLE001 - an unusable store is diagnose's to report
        return []
    if not shadows:
        return []
    return [Finding("bundled data", True, shadow.message(), warning=True) for shadow in shadows]
