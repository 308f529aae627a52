"""The store's files on disk: the database and the `-wal` and `-shm` files SQLite keeps beside it.

A store is in WAL mode: reading it normally needs a `-shm` file beside it (the index of the
WAL), which SQLite creates if it is missing. Where it cannot (a shared store in a folder the
user cannot write, a store file made read-only, a full disk), or where it should not (it would
be this user's file, 0444 like the store, which its owner could not write afterwards), the
store is read as immutable, which needs nothing beside it, as long as the WAL holds nothing
that is not in the database file yet (`wal_pending`). A `-shm` or empty `-wal` left behind
that this user cannot write, and that nobody is using, is removed before the store is written
(`clear_stale_companions`): SQLite rebuilds both, and would otherwise refuse every write.
"""

from __future__ import annotations

import fcntl
import os
import struct
from pathlib import Path

COMPANIONS = ("-wal", "-shm", "-journal")

# The byte of the -shm file on which every connection using it holds a read lock, and the
# bytes of the database file SQLite locks to read and write (its unix VFS: os_unix.c).
_SHM_DMS_BYTE = 128
_DB_LOCK_BYTES = (0x40000000, 512)


def companion(path: Path, suffix: str) -> Path:
    """`<database>-wal`, `-shm` or `-journal`."""
    return path.with_name(path.name + suffix)


def writable_here(path: Path) -> bool:
    """Whether this user may write the database file and the folder it is in (where SQLite
    creates the -wal and -shm files). Root may, unless the file system or the file is
    immutable."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def wal_pending(path: Path) -> bool:
    """Whether the -wal file holds transactions not yet copied into the database file (a read
    must then see them: an immutable one would not)."""
    try:
        return companion(path, "-wal").stat().st_size > 0
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell: assume it does


def file_stamp(path: Path) -> tuple[int, int, int] | None:
    """(inode, size, modification time) of the database file: what changes when another
    process writes it (or replaces it). None when it cannot be looked at."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def in_use(path: Path) -> bool:
    """Whether another process has the store open: SQLite holds a lock on the DMS byte of its
    -shm file while it uses the WAL, and on the database's lock bytes while it reads or
    writes. True when that cannot be told."""
    for file, start, length in ((companion(path, "-shm"), _SHM_DMS_BYTE, 1), (path, *_DB_LOCK_BYTES)):
        try:
            fd = os.open(file, os.O_RDONLY)
        except FileNotFoundError:
            continue
        except OSError:
            return True
        try:
            query = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, start, length, 0)
            answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
            if struct.unpack("hhqqi", answer)[0] != fcntl.F_UNLCK:
                return True
        except (OSError, struct.error):
            return True
        finally:
            os.close(fd)
    return False


def clear_stale_companions(path: Path) -> None:
    """Remove a -shm file, and an empty -wal file, that this user cannot write (another user
    read the store and left them behind) when nobody uses the store: SQLite makes them again,
    while with them every write fails as if the database were read-only. Nothing else is ever
    removed; where the folder cannot be written, nothing is."""
    stale = [companion(path, suffix) for suffix in ("-shm", "-wal")]
    stale = [file for file in stale if file.exists() and not os.access(file, os.W_OK)]
    if not stale or not writable_here(path) or in_use(path):
        return
    for file in stale:
        if file.name.endswith("-wal") and wal_pending(path):
            continue  # it holds transactions: never removed
        try:
            file.unlink()
        except OSError:
            pass  # SQLite says what is wrong when it opens the store


def remove_new_store(path: Path) -> None:
    """Remove a database this process created, and its companions, after its first build
    failed, unless another process has it open meanwhile: no empty store is left behind."""
    if in_use(path):
        return
    for suffix in ("", *COMPANIONS):
        try:
            companion(path, suffix).unlink(missing_ok=True)
        except OSError:
            pass
