"""Backups of a SQLite database with SQLite's online backup API.

Never a plain file copy: copying an open WAL database can catch it between a
write to the log and a checkpoint. The backup API copies a consistent snapshot.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

from matchnotes.errors import MatchNotesError


def backup_dir_for(db_path: Path) -> Path:
    """Backups live in a folder beside the database: ``<name>-backups/``."""
    return db_path.with_name(f"{db_path.stem}-backups")


def backup_sqlite(db_path: Path, reason: str) -> Path:
    """Copy ``db_path`` into its backup folder and verify the copy; return its path."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir_for(db_path) / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    partial = target.with_suffix(".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest)
                (verdict,) = dest.execute("PRAGMA integrity_check").fetchone()
            finally:
                dest.close()
        finally:
            source.close()
        if verdict != "ok":
            raise MatchNotesError(f"The backup of {db_path} failed its integrity check: {verdict}")
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise MatchNotesError(
            f"Could not back up {db_path} to {target.parent}: {exc}. "
            "Free some disk space or check the folder's permissions, then try again."
        ) from exc
    return target
