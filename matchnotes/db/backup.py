"""Backups of a SQLite database with SQLite's online backup API.

Never a plain file copy: copying an open WAL database can catch it between a
write to the log and a checkpoint. The backup API copies a consistent snapshot.

A backup is written to ``<name>.partial``, switched to a single self-contained file
(``journal_mode=DELETE``, no ``-wal``/``-shm`` beside it), verified with
``PRAGMA integrity_check`` and only then renamed to its final name: a file named
``*.sqlite`` in the backup folder is always complete and verified. A crash or a full
disk leaves at most a ``.partial`` and SQLite's files beside it (removed on failure, or
by the next backup once untouched for ten minutes).

Names: ``<name>-backups/<name>-YYYYmmdd-HHMMSS-ffffff-<reason>.sqlite`` (local time),
so a listing sorts by age and says why each was made without opening it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from matchnotes.db.check import is_damage, undecodable_schema
from matchnotes.db.disk import is_disk_full
from matchnotes.errors import MatchNotesError

_STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
_NAME_RE = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z0-9-]+)\.sqlite$")

# Why a backup was made; the reason is part of the file name.
ON_OPEN = "on-open"
AUTO = "auto"  # every 30 minutes while changes were made (BackupSchedule)
MANUAL = "manual"  # File ▸ Backups… "Back up now", `matchnotes backup`
BEFORE_IMPORT = "before-import"
BEFORE_RESTORE = "before-restore"
# Before a schema upgrade: f"before-upgrade-from-{revision}" (db/schema.py).


class BackupError(MatchNotesError):
    """A backup could not be written; the database itself was not touched."""


@dataclass(frozen=True)
class BackupName:
    """What a backup's file name says: when (local time) and why it was made."""

    made_at: dt.datetime
    reason: str


def backup_dir_for(db_path: Path) -> Path:
    """Backups live in a folder beside the database: ``<name>-backups/``."""
    return db_path.with_name(f"{db_path.stem}-backups")


def parse_backup_name(path: Path) -> BackupName | None:
    """The date and reason in a backup's name; None for any other file."""
    found = _NAME_RE.match(path.name)
    if not found:
        return None
    try:
        made_at = dt.datetime.strptime(found["stamp"], _STAMP_FORMAT)
    except ValueError:
        return None
    return BackupName(made_at, found["reason"])


def backup_sqlite(
    db_path: Path, reason: str, now: dt.datetime | None = None, progress: Progress | None = None
) -> Path:
    """Copy ``db_path`` into its backup folder and verify the copy; return its path.

    Reads the database through a read-only connection (it may be open in the app);
    never writes to it. Raises BackupError, leaving no partial file, on any failure.
    """
    made_at = now or dt.datetime.now()
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "manual"
    target = (
        backup_dir_for(db_path) / f"{db_path.stem}-{made_at.strftime(_STAMP_FORMAT)}-{slug}.sqlite"
    )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _failed(db_path, target.parent, exc) from exc
    remove_stale_partials(target.parent)
    copy_verified(db_path, target, progress=progress)
    return target


# A .partial and SQLite's files beside it while it is written; untouched for this long,
# no backup is writing them any more (one that is keeps touching them, or its journal).
_PARTIAL_ENDINGS = (".partial", ".partial-journal", ".partial-wal", ".partial-shm")
STALE_AFTER_SECONDS = 600


Progress = Callable[[int, int], None]
_STEP_PAGES = 1024  # 4 MB a step at the default page size


def remove_stale_partials(folder: Path, now: float | None = None) -> list[Path]:
    """Remove what killed backups left in ``folder`` (a .partial with its -journal,
    -wal, -shm), once untouched for STALE_AFTER_SECONDS; returns what was removed."""
    now = time.time() if now is None else now
    removed = []
    for path in folder.iterdir():
        if not path.name.endswith(_PARTIAL_ENDINGS):
            continue
        with contextlib.suppress(OSError):  # another window may be cleaning up too
            if now - path.stat().st_mtime > STALE_AFTER_SECONDS:
                path.unlink()
                removed.append(path)
    return removed


def copy_verified(
    source_path: Path,
    target: Path,
    before_replace: Callable[[], None] | None = None,
    progress: Progress | None = None,
) -> None:
    """Write a verified single-file copy of ``source_path`` to ``target`` (via .partial);
    ``before_replace`` runs once the copy is verified and on disk, before the rename.
    With ``progress(pages done, pages)`` the copy goes in steps (the CLI's bar);
    without, in one step, which a busy writer elsewhere cannot keep restarting."""
    partial = target.with_name(target.name + ".partial")
    try:
        source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
        try:
            source.execute("PRAGMA busy_timeout=5000")
            dest = _connect_target(partial)
            try:
                if progress is None:
                    source.backup(dest)
                else:
                    source.backup(
                        dest,
                        pages=_STEP_PAGES,
                        progress=lambda _, left, all: progress(all - left, all),
                    )
                # The copied header says WAL; one self-contained file is easier to keep,
                # list, open read-only and mail to someone.
                dest.execute("PRAGMA journal_mode=DELETE").fetchone()
                verdict = "\n".join(r[0] for r in dest.execute("PRAGMA integrity_check"))
            finally:
                dest.close()
        finally:
            source.close()
        if verdict != "ok":
            raise BackupError(
                f"The copy of {source_path} failed its integrity check, so it was not kept "
                f"({verdict.splitlines()[0]}). The database itself may be damaged: "
                "run a full check (`matchnotes check`)."
            )
        _fsync(partial)
        if before_replace is not None:
            before_replace()
        partial.replace(target)
        _fsync_dir(target.parent)
    except BackupError:
        _remove(partial)
        raise
    except (OSError, sqlite3.Error) as exc:
        _remove(partial)
        raise _failed(source_path, target.parent, exc) from exc
    except UnicodeDecodeError as exc:  # SQLite's message quotes a schema that is not text
        _remove(partial)
        raise BackupError(
            f"{source_path} is damaged ({undecodable_schema(exc)}), so no backup was made "
            "and the existing backups were kept. Restore a backup (`matchnotes restore`)."
        ) from exc


def _connect_target(path: Path) -> sqlite3.Connection:
    """A connection to a new empty file (a leftover .partial is replaced). Tests patch this.

    The file is created here rather than by SQLite so that a read-only folder or a full
    disk is reported as such, not as SQLite's "unable to open database file".
    """
    path.unlink(missing_ok=True)
    path.touch(exist_ok=False)
    return sqlite3.connect(path)


def _failed(db_path: Path, folder: Path, exc: BaseException) -> BackupError:
    detail = str(exc).lower()
    if isinstance(exc, sqlite3.Error) and is_damage(exc):
        return BackupError(
            f"{db_path} is damaged ({exc}), so no backup was made and the existing backups "
            "were kept. Run a full check (`matchnotes check`) and restore a backup."
        )
    if is_disk_full(exc, folder if folder.is_dir() else folder.parent):
        return BackupError(
            f"The disk is full, so no backup of {db_path} was made in {folder}. "
            "Free some space and try again; the database itself is unchanged."
        )
    read_only = isinstance(exc, PermissionError) or getattr(exc, "errno", None) == 30  # EROFS
    if read_only or "readonly" in detail or "read-only" in detail:
        return BackupError(
            f"The backup folder {folder} is read-only, so no backup of {db_path} was made. "
            "Check the folder's permissions; the database itself is unchanged."
        )
    return BackupError(
        f"Could not back up {db_path} to {folder}: {exc}. "
        "Free some disk space or check the folder's permissions, then try again."
    )


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible, nor needed, on Windows."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove(partial: Path) -> None:
    """Remove a failed .partial and whatever SQLite left beside it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            partial.with_name(partial.name + suffix).unlink(missing_ok=True)
