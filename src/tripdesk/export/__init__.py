"""Exports of a trip: a Markdown brief or dossier, the same as a printable HTML page, the JSON
document, an iCalendar file.

    render(trip, "md" | "html" | "json" | "ics", lang, full=False)
                                                -> the text (md, html: the one-page brief;
                                                   with full, the complete dossier)
    default_path(trip_id, fmt, folder)          -> exports/<trip-id>.<fmt>, never outside folder
    export_target(output, trip_id, fmt)         -> (path, format) from the path the user gave:
                                                   a folder gets <trip-id>.<fmt>, the extension
                                                   picks the format
    write_export(path, text, force=False)       -> a safe write that never replaces a file
                                                   unless forced (else ExportExists)
    download_target(name, trip_id)              -> (file name, format) of a download, for the
                                                   desk in a web browser (`tripdesk serve`)

Used by `tripdesk export` and the desk's `e` key. Nothing here imports Textual.
"""

from __future__ import annotations

from pathlib import Path

from ..model import DISPLAY_LANGS, Trip
from ..problems import TripdeskError
from ..i18n import messages
from . import writing
from .brief import render_brief
from .ics import render_ics
from .jsonfmt import render_json
from .markdown import render_markdown
from .writing import MIME_TYPES, ExportExists, download_target, write_export

FORMATS = ("md", "html", "json", "ics")


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise TripdeskError(messages()("unknown export format {format}").format(format=repr(fmt)),
                            messages()("use one of {choices}").format(choices=", ".join(FORMATS)))


def render(trip: Trip, fmt: str = "md", lang: str = "both", *, full: bool = False) -> str:
    """The trip as text in the given format; `lang` ("ko", "en" or "both") picks the language
    of the Markdown, HTML and iCalendar text (the JSON holds every language). Markdown and
    HTML are the one-page brief, or with `full` the complete dossier."""
    _check(fmt)
    if lang not in DISPLAY_LANGS:
        raise TripdeskError(messages()("unknown language {lang}").format(lang=repr(lang)),
                            messages()("use one of {choices}").format(choices=", ".join(DISPLAY_LANGS)))
    if fmt == "json":
        return render_json(trip)
    if fmt == "ics":
        return render_ics(trip, lang)  # type: ignore[arg-type]
    markdown = render_markdown(trip, lang) if full else render_brief(trip, lang)  # type: ignore[arg-type]
    if fmt == "html":
        from .html import render_html  # markdown-it-py, on first use

        return render_html(trip, markdown, lang)
    return markdown


def default_path(trip_id: str, fmt: str = "md", folder: Path = Path("exports")) -> Path:
    """`<folder>/<trip-id>.<fmt>`; an id that is not a plain trip id (with '/', '..', NUL...)
    raises TripdeskError rather than lead anywhere else."""
    _check(fmt)
    return writing.default_path(trip_id, fmt, Path(folder))


def export_target(output: str | Path, trip_id: str, fmt: str | None = None, *,
                  unknown_extension: str | None = "md") -> tuple[Path, str]:
    """See `writing.export_target`: the CLI's -o and the app's dialog both come through here."""
    if fmt is not None:
        _check(fmt)
    if unknown_extension is not None:
        _check(unknown_extension)
    return writing.export_target(output, trip_id, fmt, unknown_extension=unknown_extension)


__all__ = ["FORMATS", "MIME_TYPES", "ExportExists", "default_path", "download_target", "export_target", "render",
           "write_export"]
