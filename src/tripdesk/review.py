"""Review a draft before it is imported: a scratch store holding only the draft, and the
one step that then imports it into the real store.

    review = open_review([Path("drafts/gumi-2024-us.yaml")], store=Path("tripdesk.db"),
                         into=Path("data/trips"), articles=[Path("articles")])
    review.scratch                 -> a store (in a temporary folder) the desk opens
    review.plan("gumi-2024-us")    -> where the file goes and whether that overwrites one
    review.import_trip("gumi-2024-us", overwrite=False)  -> ImportReport of the real store
    review.close()                 -> the temporary folder removed

The scratch store is what `tripdesk import` would build of the draft files alone, their
articles included, so the desk's article view (`v`) shows each fact's excerpt highlighted in
its article without the draft touching the real store. Importing writes the trip file where
`plan` says (the data folder named with `--into`, else where the draft is: never over an
existing file unless asked) and imports that file into the real store.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .files.loader import find_trip_files, load_paths
from .i18n import messages
from .problems import TripdeskError, ValidationFailed, display_path
from .store import Store
from .store.importer import ImportReport, import_paths


@dataclass(frozen=True)
class Plan:
    """Where importing a drafted trip puts its file: `source` (the draft) is copied to
    `target` unless they are the same file; `exists` when that would replace a file."""

    trip_id: str
    source: Path
    target: Path
    exists: bool

    @property
    def copies(self) -> bool:
        return _same(self.source, self.target) is False


@dataclass
class DraftReview:
    """Draft files in a scratch store, and the real store they go into."""

    files: dict[str, Path]  # trip id -> its draft file
    store: Path
    into: Path | None
    articles: tuple[Path, ...]
    scratch: Path
    _folder: tempfile.TemporaryDirectory[str] | None = field(default=None, repr=False)

    def plan(self, trip_id: str) -> Plan:
        source = self.files[trip_id]
        target = (self.into / source.name) if self.into is not None else source
        return Plan(trip_id, source, target, target.exists() and not _same(source, target))

    def import_trip(self, trip_id: str, overwrite: bool = False) -> ImportReport:
        """Write the trip file where `plan` says and import it into the real store. A file
        already there is replaced only with `overwrite`; nothing is written when the import
        finds a problem (a copied file is removed again)."""
        plan = self.plan(trip_id)
        copied = False
        backup: Path | None = None
        made: Path | None = None  # the data folder, when this import created it
        if plan.copies:
            if plan.exists and not overwrite:
                raise TripdeskError(messages()("{path} already exists").format(path=display_path(plan.target)),
                                    messages()("confirm replacing it, or choose another folder with --into"))
            if not plan.target.parent.exists():
                made = plan.target.parent
                made.mkdir(parents=True)
            if plan.exists:
                backup = _aside(plan.target)
            shutil.copyfile(plan.source, plan.target)
            copied = True
        try:
            with Store.open(self.store) as store:
                return import_paths(store, [plan.target], articles=self.articles + (plan.source.parent,))
        except BaseException:
            if copied:
                plan.target.unlink(missing_ok=True)
                if backup is not None:
                    os.replace(backup, plan.target)
            if made is not None:
                made.rmdir()  # nothing is left of a refused import, not even its folder
            raise
        finally:
            if copied and backup is not None and backup.exists():
                backup.unlink()

    def close(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


def open_review(paths: Iterable[Path], store: Path, into: Path | None = None,
                articles: Iterable[Path] = ()) -> DraftReview:
    """The draft files under `paths` imported into a scratch store of their own (raises
    ValidationFailed when a draft does not validate: the problems are the user's to fix
    first). `store` is the real store, `into` the data folder the files go to."""
    paths = [Path(p) for p in paths]
    articles = tuple(Path(a) for a in articles)
    files, problems = find_trip_files(paths)
    if problems:
        raise ValidationFailed(problems)
    if not files:
        raise TripdeskError(messages()("no trip files to review in {paths}").format(
            paths=", ".join(display_path(p) for p in paths)),
            messages()("give the draft's .yaml file (tripdesk draft ... -o FILE writes one)"))
    if into is not None and into.exists() and not into.is_dir():
        raise TripdeskError(messages()("{path} is not a folder").format(path=display_path(into)),
                            messages()("give the data folder with --into"))
    folders = articles + tuple(dict.fromkeys(f.parent for f in files))
    loaded = load_paths(files, articles=folders)
    if loaded.problems:
        raise ValidationFailed(loaded.problems)
    folder = tempfile.TemporaryDirectory(prefix="tripdesk-review-")
    scratch = Path(folder.name) / "draft.db"
    try:
        with Store.open(scratch) as scratch_store:
            import_paths(scratch_store, files, articles=folders)
    except BaseException:
        folder.cleanup()
        raise
    return DraftReview({t.trip.id: t.path for t in loaded.trips}, store, into, folders, scratch, folder)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _aside(path: Path) -> Path:
    """Move a file about to be replaced aside, so that a failed import can put it back."""
    backup = path.with_name(f".{path.name}.tripdesk-replaced")
    os.replace(path, backup)
    return backup
