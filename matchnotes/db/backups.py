"""The backups of a database: make one (and rotate), list them.

What File ▸ Backups… and `matchnotes backup` build on. Backups live in
``<name>-backups/`` beside the database (db/backup.py); the rotation policy is in
db/rotation.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from matchnotes.db.backup import backup_dir_for, backup_sqlite, parse_backup_name
from matchnotes.db.check import connect_read_only
from matchnotes.db.rotation import rotate_backups


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: dt.datetime  # local time, from the file name
    reason: str  # "on-open", "auto", "manual", "before-import", "before-upgrade-from-0001", …
    size: int  # bytes
    match_count: int | None  # None: the file could not be read
    revision: str | None  # schema revision (Alembic) of the backup


def make_backup(
    db_path: Path,
    reason: str,
    now: dt.datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BackupInfo:
    """Back up ``db_path`` (verified), then rotate its backups. Raises BackupError.

    Copying and verifying reads the whole file: the app calls this from a worker
    thread for large databases (sqlite3 releases the GIL while it works).
    """
    now = now or dt.datetime.now()
    path = backup_sqlite(db_path, reason, now, progress)
    rotate_backups(db_path, now)
    return describe_backup(path)


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of ``db_path``, newest first (unreadable ones included, match_count None)."""
    folder = backup_dir_for(db_path)
    if not folder.is_dir():
        return []
    found = [describe_backup(p) for p in folder.glob("*.sqlite") if parse_backup_name(p)]
    return sorted(found, key=lambda info: info.made_at, reverse=True)


def describe_backup(path: Path) -> BackupInfo:
    name = parse_backup_name(path)
    made_at = name.made_at if name else dt.datetime.fromtimestamp(path.stat().st_mtime)
    match_count: int | None = None
    revision: str | None = None
    with contextlib.suppress(sqlite3.Error, UnicodeDecodeError):  # damaged: shown as unknown
        conn = connect_read_only(path)
        try:
            match_count = int(conn.execute("SELECT count(*) FROM match").fetchone()[0])
            revision = str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
        finally:
            conn.close()
    return BackupInfo(
        path=path,
        made_at=made_at,
        reason=name.reason if name else "",
        size=path.stat().st_size,
        match_count=match_count,
        revision=revision,
    )


def database_modified_at(db_path: Path) -> dt.datetime | None:
    """When the database last changed on disk (its file or its -wal log), local time.

    Lets BackupSchedule see changes made by any window, without hooks in the services.
    """
    times = []
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        with contextlib.suppress(OSError):
            stat = path.stat()
            if stat.st_size:  # opening a database creates an empty -wal: not a change
                times.append(stat.st_mtime)
    return dt.datetime.fromtimestamp(max(times)) if times else None
