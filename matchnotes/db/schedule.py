"""When an automatic backup is due. Pure logic: the caller passes the clock.

The rules (issue 8):
- on open: when there is no backup yet, or the database changed after the newest one
  (``due_on_open``), so opening the app ten times a day without a change adds nothing;
- while the app runs: when there are changes not in a backup yet and the last backup
  is at least 30 minutes old (``due``); the app asks from a QTimer, e.g. every minute;
- before every schema upgrade (db/schema.py does it) or import: always, with the
  reasons ``before-upgrade-from-<rev>`` and ``before-import``; no decision needed.

Wiring, in the app::

    schedule = BackupSchedule.for_file(path)           # before open_database(path)
    db = open_database(path)
    if schedule.due_on_open():
        schedule.note_backup(make_backup(path, ON_OPEN).made_at)
    # QTimer, every 60 s:
    schedule.note_change(database_modified_at(path))   # or after each service write
    if schedule.due(datetime.now()):
        schedule.note_backup(make_backup(path, AUTO).made_at)

``note_backup`` takes the time the backup *started*: a change made while a backup is
being copied is newer than that, so it stays "not in a backup" and is picked up next.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from matchnotes.db.backups import database_modified_at, list_backups

INTERVAL = dt.timedelta(minutes=30)


@dataclass
class BackupSchedule:
    last_backup_at: dt.datetime | None = None
    last_change_at: dt.datetime | None = None
    interval: dt.timedelta = INTERVAL

    @classmethod
    def for_file(cls, db_path: Path) -> BackupSchedule:
        """Start from the newest backup and the file's last change (call before opening)."""
        backups = list_backups(db_path) if db_path.exists() else []
        return cls(
            last_backup_at=backups[0].made_at if backups else None,
            last_change_at=database_modified_at(db_path),
        )

    @property
    def changed(self) -> bool:
        """Whether there are changes that no backup holds yet."""
        if self.last_change_at is None:
            return False
        return self.last_backup_at is None or self.last_change_at > self.last_backup_at

    def note_change(self, at: dt.datetime | None) -> None:
        if at is not None and (self.last_change_at is None or at > self.last_change_at):
            self.last_change_at = at

    def note_backup(self, started_at: dt.datetime) -> None:
        self.last_backup_at = started_at

    def due_on_open(self) -> bool:
        return self.last_backup_at is None or self.changed

    def due(self, now: dt.datetime) -> bool:
        if not self.changed:
            return False
        if self.last_backup_at is None or now < self.last_backup_at:
            return True  # never backed up, or the clock went back: do not wait for it
        return now - self.last_backup_at >= self.interval
