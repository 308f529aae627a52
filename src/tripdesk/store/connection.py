"""Opening a store's SQLite file: connections, the write transaction, and what goes wrong.

The errors a store raises (`UnusableStore`, `CannotWrite`, `DiskFull`), setting an unusable
file aside, where the default store lives, and `guarded`, which turns SQLite's errors into
messages that say what to do.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from ..i18n import N_, messages
from ..paths import user_path
from ..problems import TripdeskError, display_path
from .storefiles import companion, wal_pending, writable_here

if TYPE_CHECKING:
    import sqlite_utils

    from .database import Store


BUSY_TIMEOUT_MS = 2000
# The fixes said most often (msgids: `messages()(REBUILD_HINT)` says one in the command's language).
REBUILD_HINT = N_("run `tripdesk import --rebuild` to build a new store from the data files")
# tripdesk is installed from a clone of its repository (README), not from a package index.
UPDATE_HINT = N_("update tripdesk (git pull in your checkout, then pip install -e . again)")
# How long opening a store that has no tables yet waits for another process creating them
# (a first launch builds the store from the bundled data while it holds the lock).
FIRST_BUILD_TIMEOUT_MS = 30_000


class UnusableStore(TripdeskError):
    """The file is not a store this tripdesk can use (not SQLite, damaged, another schema).

    `tripdesk import --rebuild` sets such a file aside (see `set_aside`) and builds a new one.
    """


class CannotWrite(TripdeskError):
    """The database (or the folder it is in) cannot be written; it may still be read."""


class DiskFull(CannotWrite):
    """The disk holding the database is full: nothing was written; it may still be read."""


WRITE_HINT = N_("make the folder writable, or choose another place with --db PATH or TRIPDESK_DB")


def set_aside(path: Path) -> Path:
    """Rename an unusable database (and its -wal, -shm, -journal) to `<name>.broken-<time>`.

    Nothing is deleted: the file stays there for whoever wants to look into it.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    try:
        os.replace(path, target)
        for suffix in ("-wal", "-shm", "-journal"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                os.replace(companion, target.with_name(target.name + suffix))
    except OSError as exc:
        _ = messages()
        raise TripdeskError(_("{name}: cannot move the unusable database aside: {reason}").format(
            name=display_path(path), reason=exc.strerror),
            _("move or delete it yourself, then run the command again")) from None
    return target


def default_db_path() -> Path:
    """`TRIPDESK_DB` if set, else tripdesk.db in the platform's user data directory."""
    env = os.environ.get("TRIPDESK_DB")
    if env:
        return user_path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("tripdesk", appauthor=False)) / "tripdesk.db"


class StoreChanged(Exception):
    """Another process committed to the store after this one read what it plans from."""


class _Transaction:
    """`with store.transaction:` — BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error.

    Inside another `with store.transaction:` of the same store it is part of that one (the
    outer block alone commits or rolls back). `store.transaction_since(version)` also checks,
    once the write lock is held, that nobody committed since `data_version()` was `version`.
    """

    def __init__(self, store: Store, since: int | None = None) -> None:
        self.store = store
        self.since = since

    def __enter__(self) -> Store:
        store = self.store
        if store._depth:
            store._depth += 1
            return store
        try:
            store.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _database_error(display_path(store.path), exc, store.path) from None
        store._depth = 1
        store._next_search_rowid = 0
        if self.since is not None and store.data_version() != self.since:
            self.__exit__(StoreChanged, None, None)
            raise StoreChanged
        return store

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        store = self.store
        store._depth -= 1
        if store._depth:
            return  # the outer block commits, or rolls back on the error passing through it
        store._next_search_rowid = None
        if exc_type is None:
            try:
                store.conn.execute("COMMIT")
                return
            except sqlite3.DatabaseError as error:
                self._rollback()
                raise _database_error(display_path(store.path), error, store.path) from None
        self._rollback()
        if isinstance(exc, sqlite3.DatabaseError):  # a damaged file found while writing
            raise _database_error(display_path(store.path), exc, store.path) from None

    def _rollback(self) -> None:
        if self.store.conn.in_transaction:
            try:
                self.store.conn.execute("ROLLBACK")
            except sqlite3.DatabaseError:
                pass  # SQLite rolls a failed transaction back by itself


def sqlite_utils_db(conn: sqlite3.Connection) -> "sqlite_utils.Database":
    """sqlite-utils over a connection (imported here, on first use: see `Store.db`). Nothing
    more is run on the connection: no plugins, no PRAGMA recursive_triggers."""
    import sqlite_utils

    return sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)


def connect(path: Path, *, readonly: bool = False, create: bool = True,
            isolation_level: str | None = "") -> tuple[sqlite3.Connection, int, set[str]]:
    """A connection with our settings, the schema version and the table names.

    `readonly` opens it read-only, writing nothing beside it that this user could not: where
    this user cannot write the store and its folder (a shared copy, a file made read-only),
    or SQLite cannot create the `-shm` file of the WAL there (a full disk), the store is read
    as immutable, needing no `-shm`, unless its WAL holds transactions the database file does
    not have yet (see `storefiles`). Without `create`, a missing file is an error rather than
    a new database. Raises sqlite3.DatabaseError.
    """
    if not readonly:
        return _connect(path, "rwc" if create else "rw", isolation_level)
    return connect_readonly(path, isolation_level)[:3]


def connect_readonly(path: Path, isolation_level: str | None = "") -> tuple[sqlite3.Connection, int, set[str], bool]:
    """`connect(path, readonly=True)`, and whether the store is read as immutable."""
    if writable_here(path) or companion(path, "-shm").exists():
        try:
            return (*_connect(path, "ro", isolation_level), False)
        except sqlite3.DatabaseError as exc:
            if not (cannot_write(exc) or disk_trouble(exc)) or not path.is_file() or wal_pending(path):
                raise
    elif wal_pending(path):
        # The WAL must be read: SQLite says if it cannot.
        return (*_connect(path, "ro", isolation_level), False)
    return (*_connect(path, "ro", isolation_level, immutable=True), True)


def cannot_write(exc: sqlite3.DatabaseError) -> bool:
    """Whether an error says the database cannot be written where it is (it may be read)."""
    text = str(exc)
    return "readonly" in text or "read-only" in text or "unable to open" in text


def disk_trouble(exc: sqlite3.DatabaseError) -> bool:
    """Whether an error is the disk's (full, or failing to read or write), not the store's."""
    text = str(exc)
    return "disk I/O error" in text or "full" in text


def disk_full(path: Path) -> bool:
    """Whether the file system holding `path` has (almost) no space left for this user."""
    try:
        stats = os.statvfs(path.parent)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < 1024 * 1024


class UnreadableWal(TripdeskError):
    """A store whose WAL holds transactions, in a place where they cannot be read without
    writing a -shm file beside it."""

    def __init__(self, name: str) -> None:
        _ = messages()
        super().__init__(_("{name}: the store's latest changes are still in its -wal file, which "
                           "cannot be read here without writing a -shm file beside it").format(name=name),
                         _("run any tripdesk command as a user who can write the folder (it moves the "
                           "changes into the database), or copy the database with its -wal file to a "
                           "folder you can write"))


def _connect(path: Path, mode: str, isolation_level: str | None,
             immutable: bool = False) -> tuple[sqlite3.Connection, int, set[str]]:
    if mode == "rwc":
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=isolation_level)
    else:
        flags = f"?mode={mode}" + ("&immutable=1" if immutable else "")
        conn = sqlite3.connect(path.absolute().as_uri() + flags, uri=True, check_same_thread=False,
                               isolation_level=isolation_level)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        version, tables = _version_and_tables(conn)
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn, version, tables


def _version_and_tables(conn: sqlite3.Connection) -> tuple[int, set[str]]:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return version, {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _database_error(name: str, exc: sqlite3.DatabaseError, path: Path | None = None) -> TripdeskError:
    """The error to show for an SQLite error. Only damage found in the file is met with the
    advice to rebuild the store: a full disk, a read-only place or a failing disk is not
    damage, and a rebuild would not help (nor would it keep the trips of other folders)."""
    text = str(exc)
    _ = messages()
    if isinstance(exc, sqlite3.IntegrityError):
        # Only an import writes, inside one transaction that is now rolled back. It checks
        # that nobody committed since it read the store, so this is not expected; if it comes
        # back, the store's tables disagree with each other, which doctor finds and explains.
        return TripdeskError(_("{name}: the store changed during this import; nothing was "
                               "written ({error})").format(name=name, error=text),
                             _("run the import again; if it fails the same way, run `tripdesk "
                               "doctor` to see what is wrong"))
    if "locked" in text or "busy" in text:
        return TripdeskError(_("{name}: the database is busy: another tripdesk import is running").format(
            name=name), _("wait for it to finish, then run the command again"))
    if cannot_write(exc):
        return CannotWrite(_("{name}: cannot write the database here ({error})").format(name=name, error=text),
                           _(WRITE_HINT))
    # SQLITE_FULL, or an I/O error on a full disk (making the -shm file): the transaction was
    # rolled back, nothing was written.
    if "full" in text or "disk I/O error" in text and path is not None and disk_full(path):
        return DiskFull(_("{name}: the disk is full; nothing was written ({error})").format(name=name, error=text),
                        _("free some space, then run the command again"))
    if "disk I/O error" in text:
        return TripdeskError(_("{name}: the disk could not be read or written ({error}); nothing "
                               "was written").format(name=name, error=text),
                             _("check the disk (space, permissions, errors in the system log), then "
                               "run the command again; `tripdesk doctor` says whether the store "
                               "itself is damaged"))
    if "not a database" in text or "malformed" in text or "disk image" in text:
        return UnusableStore(_("{name}: the file is not a usable tripdesk database ({error})").format(
            name=name, error=text), _(REBUILD_HINT))
    return TripdeskError(_("{name}: database error: {error}").format(name=name, error=text),
                         _("run `tripdesk doctor` to see whether the store is damaged and what to do"))


_F = TypeVar("_F", bound=Callable[..., Any])


def guarded(func: _F) -> _F:
    """Report an SQLite error of a function that takes the store first as a TripdeskError.

    A damaged page can go unnoticed until a query reads it; the user then gets the message
    and its fix (`tripdesk import --rebuild`) instead of a traceback.
    """

    @functools.wraps(func)
    def wrapper(store: "Store", *args: Any, **kwargs: Any) -> Any:
        try:
            store.reopen_if_changed()  # a stat, for a store read as immutable; else nothing
            return func(store, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise _database_error(display_path(store.path), exc, store.path) from None

    return wrapper  # type: ignore[return-value]


def file_digest(data: bytes) -> str:
    """The sha256 of a file's content, as the `files` table keeps it."""
    import hashlib  # here: ~4 ms of the desk's start-up, which never hashes a file

    return hashlib.sha256(data).hexdigest()
