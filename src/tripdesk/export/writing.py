"""Writing an export safely: a temporary file in the same folder, then a rename.

- The text goes to `.<name>.<random>.tmp` beside the target, is flushed to disk, then renamed
  over the target, so a reader never sees half a file and a failure leaves the target as it was.
- Without `force` an existing file (or a symlink, even a dangling one) is never replaced: the
  rename is done with a hard link, which fails if the name is taken, so there is no window
  between the check and the write. Where hard links are not supported, it checks and renames.
- Only a regular file (or a symbolic link, which is replaced, not followed) is ever replaced:
  a device, a named pipe, a socket, or a link to one of them (`/dev/stdout`, `/proc/self/fd/1`)
  is refused, with or without `force`, rather than swapped for a regular file.
- The temporary name is shortened where the target's name is near the file system's limit on
  a name (255 bytes), so any name the target can have works.
- `default_path` never lets a trip id lead outside the chosen folder.
- `export_target` turns what the user typed (`-o` on the command line, the path in the app's
  export dialog) into the file to write and its format; both use it, so they agree.
- `download_target` does the same for the desk in a web browser, where an export is a download:
  a file name only, and nothing is written on the server.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from pathlib import Path

from ..paths import user_path
from ..problems import TripdeskError, file_kind, visible
from ..i18n import messages
from ..files.schema import ID_PATTERN

# The file extensions that name a format (any case).
EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json", ".ics": "ics"}

# Extensions of document formats tripdesk does not write: Markdown or HTML in a file called
# brief.pdf would open as a broken PDF, so such a name is refused, whatever --format says.
_NOT_WRITTEN = {".pdf", ".doc", ".docx", ".odt", ".rtf", ".hwp", ".hwpx", ".xls", ".xlsx", ".ods", ".csv"}

# Names that are devices on Windows, whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


class ExportExists(TripdeskError):
    """The target file exists and `force` was not given (the app asks, then writes with force)."""

    def __init__(self, path: Path) -> None:
        _ = messages()
        super().__init__(_("{path} already exists; not replaced").format(path=visible(str(path))),
                         _("use --force to replace it, or choose another file with -o"))
        self.path = path


def safe_file_name(trip_id: str, fmt: str) -> str:
    """`<trip-id>.<fmt>`, refusing any id that is not a plain trip id (a slug)."""
    if not isinstance(trip_id, str) or not ID_PATTERN.fullmatch(trip_id) or trip_id in _RESERVED:
        _ = messages()
        raise TripdeskError(_("{id} is not a trip id that can name a file").format(id=repr(trip_id)),
                            _("trip ids are lower-case letters, digits and '-' (see `tripdesk list`)"))
    return f"{trip_id}.{fmt}"


def default_path(trip_id: str, fmt: str, folder: Path) -> Path:
    path = Path(folder) / safe_file_name(trip_id, fmt)
    # Belt and braces: the name has no separator, so the file sits directly in the folder.
    if path.parent != Path(folder) or path.name != f"{trip_id}.{fmt}":  # pragma: no cover
        raise TripdeskError(messages()("{id} would be written outside {folder}").format(id=repr(trip_id), folder=folder))
    return path


def format_for_name(path: str | Path) -> str | None:
    """The format a file name's extension names (`.md`, `.markdown`, `.html`, `.htm`, `.json`,
    `.ics`), else None."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def export_target(output: str | Path, trip_id: str, fmt: str | None = None, *,
                  unknown_extension: str | None = "md") -> tuple[Path, str]:
    """The file to write and the format to write it in, from the path the user gave.

    - an existing folder, or a path ending in a separator: `<folder>/<trip-id>.<fmt>` (`fmt`,
      else Markdown);
    - a document format tripdesk does not write (.pdf, .docx, .hwp ...): refused, saying how
      to get a PDF;
    - a file whose extension names a format: that format; if `fmt` names another, refused
      (Markdown in a file called x.ics helps nobody);
    - any other file: `fmt`, else `unknown_extension`; when that is None (the app, which has no
      format option), refused with the extensions it knows.
    """
    text = os.fspath(output)
    path = user_path(text)
    if _is_dir(path) or text.endswith(("/", os.sep)):
        fmt = fmt or "md"
        return default_path(trip_id, fmt, path), fmt
    named = format_for_name(path)
    known = ", ".join(EXTENSIONS)
    if path.suffix.lower() in _NOT_WRITTEN:
        _ = messages()
        raise TripdeskError(
            _("{name}: tripdesk does not write {suffix} files").format(name=visible(path.name), suffix=path.suffix),
            _("for a PDF, export the printable HTML page (a name ending .html) and print it to PDF from a "
              "browser (it is laid out for A4); other names: end the file name with {known}").format(known=known))
    if named is not None:
        if fmt is not None and fmt != named:
            raise TripdeskError(messages()("{name} ends {suffix} but the format asked for is {format}; leave "
                                           "out --format, or give a file name ending .{format}").format(
                name=visible(path.name), suffix=path.suffix, format=fmt))
        return path, named
    if fmt is not None:
        return path, fmt
    if unknown_extension is None:
        raise TripdeskError(_unknown_ending(visible(path.name), visible(path.suffix), known))
    return path, unknown_extension


# What a download may be called: textual-serve sends the name in a Content-Disposition
# header unquoted, where a space, a quote or a Korean letter would break or be mangled.
_DOWNLOAD_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,150}")

# The MIME type of each format, for a download.
MIME_TYPES = {"md": "text/markdown", "html": "text/html", "json": "application/json", "ics": "text/calendar"}


def _unknown_ending(name: str, suffix: str, known: str) -> str:
    """What is said of a file name whose extension picks no format."""
    _ = messages()
    if suffix:
        return _("{name} has '{suffix}': end the file name with {known} (the extension picks the "
                 "format)").format(name=name, suffix=suffix, known=known)
    return _("{name} has no extension: end the file name with {known} (the extension picks the "
             "format)").format(name=name, known=known)


def download_target(value: str, trip_id: str) -> tuple[str, str]:
    """The name a download gets in the browser and its format, from what the user typed in the
    desk served on the web (`tripdesk serve`): a file name whose extension picks the format,
    by the rules of `export_target`; nothing typed gets `<trip-id>.md`. There is no folder:
    the browser chooses where the file goes, and nothing is written on the server."""
    name = value.strip() or safe_file_name(trip_id, "md")
    _ = messages()
    if "/" in name or "\\" in name:
        raise TripdeskError(_("{name} is a path: give a file name only (your browser chooses the "
                              "folder)").format(name=visible(name, 60)))
    fmt = format_for_name(name)
    if fmt is None:
        raise TripdeskError(_unknown_ending(visible(name, 60), visible(Path(name).suffix, 20), ", ".join(EXTENSIONS)))
    if not _DOWNLOAD_NAME.fullmatch(name):
        raise TripdeskError(_("{name}: a download's name can hold only Latin letters, digits, '.', '-' "
                              "and '_', starting with a letter or digit").format(name=visible(name, 60)))
    return name, fmt


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):  # no permission to look, a NUL in the name...
        return False


# What the temporary name adds to the target's: "." before it, ".<8 hex digits>.tmp" after.
_TEMP_EXTRA = len(".") + len(".12345678.tmp")
# The longest file name most file systems take (ext4, XFS, Btrfs, tmpfs, APFS, NTFS), in bytes.
_NAME_MAX = 255


def _temp_file(folder: Path, name: str) -> tuple[Path, int]:
    stem = _shortened(name, _name_max(folder) - _TEMP_EXTRA)
    for _ in range(100):
        temp = folder / f".{stem}.{secrets.token_hex(4)}.tmp"
        try:
            # 0o666 less the umask, like any new file (mkstemp would make it private).
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            return temp, os.open(temp, flags, 0o666)
        except FileExistsError:
            continue
    raise TripdeskError(messages()("could not create a temporary file in {folder}").format(folder=folder))  # pragma: no cover


def _name_max(folder: Path) -> int:
    try:
        return min(os.pathconf(folder, "PC_NAME_MAX"), _NAME_MAX)
    except (OSError, ValueError, AttributeError):  # no such folder yet, or not POSIX
        return _NAME_MAX


def _shortened(name: str, max_bytes: int) -> str:
    """`name` cut (at a character) to at most `max_bytes` bytes as the file system stores it."""
    while name and len(os.fsencode(name)) > max_bytes:
        name = name[:-1]
    return name


def _refuse_special(path: Path) -> None:
    """Refuse a target that exists and is neither a regular file nor a symbolic link that is
    dangling or leads to a regular file: writing a file in its place would swap a device, a
    named pipe or a socket (or the link to one) for a regular file."""
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            mode = os.stat(path).st_mode
    except (OSError, ValueError):  # nothing there, or a dangling link: a name to take
        return
    if not stat.S_ISREG(mode):
        _ = messages()
        raise TripdeskError(
            _("{path} is {kind}, not a regular file; exports only replace regular files").format(
                path=visible(str(path)), kind=file_kind(mode)),
            _("choose a file name (or a folder ending in /) with -o, or leave out -o to write to "
              "standard output"))


def write_export(path: Path, text: str, *, force: bool = False) -> Path:
    path = Path(path)
    if _is_dir(path):
        _ = messages()
        raise TripdeskError(_("{path} is a folder").format(path=visible(str(path))),
                            _("give a file name, such as {example}").format(example=visible(str(path / 'trip.md'))))
    _refuse_special(path)
    if not force and os.path.lexists(path):
        raise ExportExists(path)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temp, fd = _temp_file(folder, path.name)
    except OSError as exc:
        raise TripdeskError(messages()("cannot write to {folder}: {reason}").format(
            folder=visible(str(folder)), reason=exc.strerror or exc)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            _refuse_special(path)  # made one since the check above: still never replaced
            os.replace(temp, path)
        else:
            _place_new(temp, path)
    except OSError as exc:
        raise TripdeskError(messages()("cannot write {path}: {reason}").format(
            path=visible(str(path)), reason=exc.strerror or exc)) from exc
    finally:
        temp.unlink(missing_ok=True)
    return path


def _place_new(temp: Path, path: Path) -> None:
    """Give the finished temp file the target's name, only if that name is free."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise ExportExists(path) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK,
                             errno.ENOSYS, errno.EACCES):
            raise
        # No hard links here (some network and FAT file systems): check, then rename.
        if os.path.lexists(path):
            raise ExportExists(path) from None
        os.replace(temp, path)
