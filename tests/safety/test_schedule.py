"""When automatic backups are due: on open, every 30 minutes while changes were made."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from matchnotes.db.backup import AUTO
from matchnotes.db.backups import make_backup
from matchnotes.db.schedule import BackupSchedule
from tests.safety.conftest import Pitch

T0 = dt.datetime(2025, 6, 30, 12, 0)
MINUTE = dt.timedelta(minutes=1)


def test_the_first_open_is_backed_up() -> None:
    assert BackupSchedule().due_on_open()


def test_an_open_without_changes_since_the_last_backup_is_not() -> None:
    assert not BackupSchedule(last_backup_at=T0, last_change_at=T0 - MINUTE).due_on_open()
    assert BackupSchedule(last_backup_at=T0, last_change_at=T0 + MINUTE).due_on_open()


def test_every_30_minutes_while_changes_were_made() -> None:
    schedule = BackupSchedule(last_backup_at=T0)
    assert not schedule.due(T0 + 90 * MINUTE), "no change, no backup"
    schedule.note_change(T0 + 5 * MINUTE)
    assert not schedule.due(T0 + 29 * MINUTE)
    assert schedule.due(T0 + 30 * MINUTE)
    schedule.note_backup(T0 + 30 * MINUTE)
    assert not schedule.due(T0 + 31 * MINUTE)
    schedule.note_change(T0 + 40 * MINUTE)
    assert not schedule.due(T0 + 59 * MINUTE)
    assert schedule.due(T0 + 60 * MINUTE)


def test_a_change_made_while_a_backup_is_copied_is_kept_for_the_next() -> None:
    schedule = BackupSchedule(last_backup_at=T0 - 60 * MINUTE, last_change_at=T0 - MINUTE)
    started = T0
    schedule.note_change(T0 + dt.timedelta(seconds=2))  # while the copy runs
    schedule.note_backup(started)
    assert schedule.changed
    assert schedule.due(T0 + 30 * MINUTE)


def test_an_older_change_time_does_not_hide_a_newer_one() -> None:
    schedule = BackupSchedule(last_backup_at=T0)
    schedule.note_change(T0 + 10 * MINUTE)
    schedule.note_change(T0 - 10 * MINUTE)  # e.g. an old file time read again
    schedule.note_change(None)
    assert schedule.last_change_at == T0 + 10 * MINUTE


def test_a_clock_set_back_does_not_stop_backups() -> None:
    schedule = BackupSchedule(last_backup_at=T0, last_change_at=T0 + MINUTE)
    assert schedule.due(T0 - 24 * 60 * MINUTE)


def test_for_file_reads_the_newest_backup_and_the_files_last_change(pitch: Pitch) -> None:
    assert BackupSchedule.for_file(pitch.path).due_on_open()  # no backup yet
    made = make_backup(pitch.path, AUTO)
    _set_mtime(pitch.path, made.made_at - MINUTE)
    schedule = BackupSchedule.for_file(pitch.path)
    assert schedule.last_backup_at == made.made_at
    assert not schedule.due_on_open()
    _set_mtime(pitch.path, made.made_at + MINUTE)
    assert BackupSchedule.for_file(pitch.path).due_on_open()
    assert BackupSchedule.for_file(pitch.path.with_name("new.sqlite")).due_on_open()


def _set_mtime(path: Path, when: dt.datetime) -> None:
    os.utime(path, (when.timestamp(), when.timestamp()))
