"""Whether a failed write means "the disk is full", so messages can say so.

SQLite reports a full disk as SQLITE_FULL only when a write returns ENOSPC where it
expects it; a disk with a few kilobytes left usually fails earlier, while SQLite grows
its -shm index or a -wal, and that comes back as a bare "disk I/O error". So an I/O
error is checked against the free space of the folder (shutil.disk_usage).
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

LOW_SPACE = 1024 * 1024  # bytes: below this, a failed write is put down to a full disk
_NO_ROOM_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def free_space(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def is_disk_full(exc: BaseException, folder: Path | None) -> bool:
    """True when ``exc`` (a sqlite3 or OSError, or SQLAlchemy's wrapper of one) means
    there is no room left on the disk holding ``folder``."""
    exc = getattr(exc, "orig", None) or exc  # SQLAlchemy's DBAPIError wraps sqlite3's
    name = getattr(exc, "sqlite_errorname", "")
    detail = str(exc).lower()
    if name == "SQLITE_FULL" or ("disk" in detail and "full" in detail):
        return True
    if isinstance(exc, OSError) and exc.errno in _NO_ROOM_ERRNOS:
        return True
    io_error = name.startswith("SQLITE_IOERR") or "disk i/o error" in detail
    if io_error and name != "SQLITE_IOERR_SHORT_READ" and folder is not None:
        free = free_space(folder)
        return free is not None and free < LOW_SPACE
    return False


def disk_full_message(what: str, folder: Path | None) -> str:
    """``what`` says what did not happen: "the change was not saved"."""
    free = free_space(folder) if folder is not None else None
    left = f" (only {free // 1024} KB free)" if free is not None and free < LOW_SPACE else ""
    return f"The disk is full{left}, so {what}. Free some space and try again."
