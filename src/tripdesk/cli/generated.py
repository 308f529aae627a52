"""The commands that write files for other programs or serve the store: schema (the JSON
Schema of trip files), serve (the desk in a browser), datasette (its configuration, or
Datasette itself on the store)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..i18n import messages, translator
from ..problems import TripdeskError, display_path
from .common import EXIT_OK, EXIT_PROBLEMS, RichText, _console
from .datafiles import open_store


def cmd_schema(args: argparse.Namespace) -> int:
    from ..files.schemajson import schema_text

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
    from ..export import write_export
    from ..export.writing import ExportExists

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
    from ..web.serve import serve

    with open_store(args) as store:  # built or refreshed once here, not by each browser's desk
        path = store.path
    serve(path, args.lang, host=args.host, port=args.port, url=args.public_url)
    return EXIT_OK


def cmd_datasette(args: argparse.Namespace) -> int:
    from ..web.datasette_config import metadata_text, serve

    with open_store(args) as store:  # built or refreshed now: Datasette only reads it
        path = store.path
    text = metadata_text(path, args.lang)
    if not args.serve:
        if args.output:
            write_generated(args.output, text, args.lang, force=args.force)
        else:
            sys.stdout.write(text)
        return EXIT_OK
    from ..web.serve import exposure_warning

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
