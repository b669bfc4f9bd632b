"""Backups of a SQLite database file, for the app: the UI talks to this service, which
calls db/backups.py, db/restore.py and db/schedule.py (SQLite-only, so they live in db/).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from matchnotes.db.backup import AUTO, BEFORE_IMPORT, MANUAL, ON_OPEN
from matchnotes.db.backups import BackupInfo, database_modified_at, list_backups, make_backup
from matchnotes.db.leftovers import Leftovers, find_leftovers, finish_restore, undo_restore
from matchnotes.db.restore import (
    RestoreReport,
    newest_good_backup,
    rescue_damaged,
    restore_backup,
)
from matchnotes.db.schedule import BackupSchedule

__all__ = ["AUTO", "BEFORE_IMPORT", "MANUAL", "ON_OPEN", "BackupInfo", "BackupService"]
__all__ += ["BackupSchedule", "Leftovers", "RestoreReport"]


class BackupService:
    """The backups of one database file (none for a database server)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path

    def schedule(self) -> BackupSchedule:
        return BackupSchedule.for_file(self.db_path)

    def make(self, reason: str) -> BackupInfo:
        return make_backup(self.db_path, reason)

    def list(self) -> list[BackupInfo]:
        return list_backups(self.db_path)

    def modified_at(self) -> dt.datetime | None:
        return database_modified_at(self.db_path)

    def restore(self, backup: Path) -> RestoreReport:
        """Put ``backup`` in place; the caller has closed its connections first."""
        return restore_backup(self.db_path, backup)

    def newest_good(self) -> BackupInfo | None:
        return newest_good_backup(self.db_path)

    def rescue(self) -> RestoreReport:
        """A damaged file: the newest good backup in its place, the damaged file kept."""
        return rescue_damaged(self.db_path)

    def unfinished(self) -> Leftovers | None:
        """A restore's leftovers beside a missing database file (db/leftovers.py)."""
        return find_leftovers(self.db_path)

    def finish(self) -> None:
        """Put an interrupted restore's verified copy in place."""
        finish_restore(self.db_path)

    def undo(self) -> Path:
        """Put back the file an interrupted restore set aside; returns its old name."""
        return undo_restore(self.db_path)
