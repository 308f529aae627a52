"""Article files: where a source's article is looked for, how it is read, and how an evidence
excerpt is found in it.

A source may name its article's file (`file: 000_b8185a0e63ff7e9a.txt`). The file is looked
for, in this order (docs/data-format.md, "Evidence"):

1. beside the trip file, and in an `articles/` folder there;
2. in an `articles/` folder beside the data folder: beside the trip file's folder and beside
   each folder above it up to the folder given on the command line;
3. in the folders given with `--articles DIR` (several allowed), then in those of
   `TRIPDESK_ARTICLES` (separated by `os.pathsep`, `:` on Linux and macOS).

An article file is plain text in UTF-8 or, as many Korean news sites still serve, in a
legacy Korean encoding (CP949 or its subset EUC-KR), which is detected with
charset-normalizer, not assumed. A binary file, or one over 5 MB, is refused with a message
saying so. The text is kept as read, but for control and bidi characters (stripped as in
trip files) and line breaks (made LF).

An excerpt is found in an article when it occurs there once whitespace is ignored and every
kind of quotation mark counts as the same (`excerpts.py`), both taken in Unicode's NFC form.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, NamedTuple

from .excerpts import ArticleText as ExcerptMatcher
from .i18n import messages
from .limits import MAX_ARTICLE_BYTES
from .paths import user_path
from .files.yamlread import strip_control

ARTICLES_ENV = "TRIPDESK_ARTICLES"
ARTICLES_FOLDER = "articles"
# The encodings an article may be in besides UTF-8: CP949 is Windows' superset of EUC-KR, so
# a file detected as either is read as CP949.
KOREAN_ENCODINGS = ("cp949", "euc_kr")



def nfc(text: str) -> str:
    """Text as excerpts are matched in: NFC (a file saved on macOS may hold its Hangul
    decomposed, which reads the same)."""
    return unicodedata.normalize("NFC", text)


class SourceArticle(NamedTuple):
    """What import found of a source's article file, as the store keeps it (`articles`)."""

    source_id: str
    file: str  # as the source names it
    found: str | None  # the path it was read from; None: not found
    text: str | None
    encoding: str | None
    looked_in: tuple[str, ...]  # the folders it was looked for in, in order
    size: int | None = None  # the found file's size and modification time when it was read:
    mtime_ns: int | None = None  # a re-import reads its trip again when they change


class ArticleError(Exception):
    """An article file that cannot be read as text; the message says why and what to do."""


@dataclass(frozen=True)
class ArticleFile:
    """An article file's text, as read, and where it was found."""

    path: Path
    text: str
    encoding: str  # utf-8 or cp949
    size: int = 0  # the file's size and modification time before it was read
    mtime_ns: int = 0

    @functools.cached_property
    def matcher(self) -> ExcerptMatcher:
        """Finds excerpts in the text (`excerpts.ArticleText`, over its NFC form)."""
        return ExcerptMatcher(nfc(self.text))

    def contains(self, excerpt: str) -> bool:
        """Whether the excerpt occurs in the article, whitespace and quotation marks aside."""
        return self.matcher.find(nfc(excerpt)) is not None


def read_article(path: Path) -> ArticleFile:
    """Read an article file as text; raises ArticleError for a file that is not one."""
    try:
        stat = path.stat()
        size = stat.st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(messages()("is {size} MB, more than the {most} MB an article file may "
                                          "be; keep the article's text alone in it").format(
                size=f"{size / 1024 / 1024:.1f}", most=MAX_ARTICLE_BYTES // 1024 // 1024))
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(messages()("cannot be read: {reason}").format(reason=exc.strerror or exc)) from None
    text, encoding = decode_article(data)
    return ArticleFile(path, strip_control(text), encoding, size, stat.st_mtime_ns)


def decode_article(data: bytes) -> tuple[str, str]:
    """(text, encoding) of an article file's bytes; raises ArticleError when they are not
    UTF-8 or a legacy Korean encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(messages()("is saved as UTF-16; save it as UTF-8"))
    if b"\x00" in data:
        raise ArticleError(messages()("is a binary file, not text; give the article as a plain text file"))
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Imported here: only a file that is not UTF-8 needs it (the desk never reads one).
    import charset_normalizer

    best = charset_normalizer.from_bytes(data, cp_isolation=list(KOREAN_ENCODINGS)).best()
    if best is not None:
        return data.decode("cp949"), "cp949"
    other = charset_normalizer.from_bytes(data).best()
    if other is not None:
        raise ArticleError(messages()("is neither UTF-8 nor a Korean encoding (CP949/EUC-KR) (it looks "
                                      "like {encoding}); save it as UTF-8").format(encoding=other.encoding))
    raise ArticleError(messages()("is neither UTF-8 nor a Korean encoding (CP949/EUC-KR); save it as UTF-8"))


def env_folders() -> list[Path]:
    """The folders of TRIPDESK_ARTICLES (empty entries ignored)."""
    value = os.environ.get(ARTICLES_ENV, "")
    return [user_path(part) for part in value.split(os.pathsep) if part.strip()]


def search_folders(trip_file: Path, root: Path | None = None,
                   extra: Iterable[Path] = ()) -> list[Path]:
    """The folders an article of this trip file is looked for in, in order, each once.

    `root` is the folder given on the command line that the file was found under (None when
    the file itself was given); `extra` the `--articles` folders, TRIPDESK_ARTICLES's follow.
    """
    folder = trip_file.parent
    out = [folder, folder / ARTICLES_FOLDER]
    for above in _up_to(folder, root):
        out.append(above.parent / ARTICLES_FOLDER)
    out += list(extra)
    out += env_folders()
    return list(dict.fromkeys(out))


def _up_to(folder: Path, root: Path | None) -> list[Path]:
    """`folder` and the folders above it up to `root` (just `folder` without a root, or when
    it is not under the root)."""
    if root is None:
        return [folder]
    chain = [folder]
    current = folder
    while current != root and current.parent != current:
        try:
            current.relative_to(root)
        except ValueError:
            return [folder]
        current = current.parent
        chain.append(current)
    return chain


@dataclass
class ArticleFinder:
    """Finds and reads the article files of trips, each file read once per process.

    Picklable (folders and nothing open), so that import's worker processes each get one.
    """

    extra: tuple[Path, ...] = ()  # the --articles folders
    roots: tuple[Path, ...] = ()  # the folders given on the command line
    _read: dict[Path, ArticleFile | ArticleError] = field(default_factory=dict, repr=False)

    def folders(self, trip_file: Path) -> list[Path]:
        """`search_folders` of a trip file found under one of `roots` (or given itself)."""
        root = next((r for r in self.roots if trip_file.is_relative_to(r)), None)
        return search_folders(trip_file, root, self.extra)

    def find(self, name: str, folders: list[Path]) -> Path | None:
        """The first existing file of that name in the folders (an absolute name: itself)."""
        # A name from a trip file is data, not a path typed at a shell: `~` stays a character
        # (a source `file: ~kim/a.txt` is looked for as such, never in someone's home folder).
        given = Path(name)
        candidates = [given] if given.is_absolute() else [folder / given for folder in folders]
        for candidate in candidates:
            try:
                if candidate.is_file():
                    return candidate
            except (OSError, ValueError):  # a name too long or with a NUL, a folder not readable
                continue
        return None

    def read(self, path: Path) -> ArticleFile:
        """`read_article`, once per file (raises ArticleError)."""
        key = path.absolute()
        found = self._read.get(key)
        if found is None:
            try:
                found = read_article(path)
            except ArticleError as exc:
                found = exc
            if len(self._read) > 512:
                self._read.clear()
            self._read[key] = found
        if isinstance(found, ArticleError):
            raise found
        return found

    def __getstate__(self) -> dict[str, object]:
        return {"extra": self.extra, "roots": self.roots, "_read": {}}
