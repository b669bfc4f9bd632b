"""Backups: verified single files, listed with date, size, match count and reason; restore
backs the current file up first; a damaged backup is never restored."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from matchnotes.db.backup import MANUAL, ON_OPEN, BackupError, backup_dir_for, backup_sqlite
from matchnotes.db.backups import database_modified_at, list_backups, make_backup
from matchnotes.db.database import open_database
from matchnotes.db.file_format import head_revision
from matchnotes.db.restore import newest_good_backup, restore_backup
from matchnotes.errors import DatabaseRefusedError
from matchnotes.services import Services
from matchnotes.services.inputs import MatchInput
from tests.safety.conftest import Pitch
from tests.safety.helpers import damage_table, integrity

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _add_match(path: Path, home: str) -> None:
    db = open_database(path)
    try:
        Services.create(db.engine).matches.create_match(
            MatchInput(home=home, away="Away FC", date=dt.date(2024, 6, 1))
        )
    finally:
        db.close()


def _homes(path: Path) -> set[str]:
    db = open_database(path)
    try:
        return {m.home for m in Services.create(db.engine).matches.list_matches()}
    finally:
        db.close()


def test_a_backup_is_one_verified_file_named_by_time_and_reason(pitch: Pitch) -> None:
    db = open_database(pitch.path)  # open, with its -wal: the backup must still be whole
    try:
        made = backup_sqlite(pitch.path, "Before import!", dt.datetime(2025, 3, 4, 5, 6, 7, 8))
    finally:
        db.close()
    assert made.parent == backup_dir_for(pitch.path)
    assert made.name == "live-20250304-050607-000008-before-import.sqlite"
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]  # no -wal, no .partial
    conn = sqlite3.connect(f"file:{made}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


def test_backups_are_listed_newest_first_with_size_matches_and_reason(pitch: Pitch) -> None:
    first = make_backup(pitch.path, ON_OPEN, dt.datetime(2025, 1, 1, 9))
    _add_match(pitch.path, "Later FC")
    second = make_backup(pitch.path, MANUAL, dt.datetime(2025, 1, 1, 10))
    (backup_dir_for(pitch.path) / "notes.txt").write_text("not a backup")
    listed = list_backups(pitch.path)
    assert listed == [second, first]
    assert (second.made_at, second.reason, second.match_count) == (
        dt.datetime(2025, 1, 1, 10), "manual", 2
    )  # fmt: skip
    assert (first.reason, first.match_count, first.revision) == ("on-open", 1, head_revision())
    assert first.size == first.path.stat().st_size > 0


def test_restore_brings_back_the_backup_and_keeps_the_current_file_as_a_backup(
    pitch: Pitch,
) -> None:
    backup = make_backup(pitch.path, MANUAL)
    _add_match(pitch.path, "Added After FC")
    other_instance = open_database(pitch.path)  # a second window with the file open
    try:
        report = restore_backup(pitch.path, backup.path)
        assert _homes(pitch.path) == {"Home FC"}
        # The restore went through SQLite, so the other window sees it, not a stale file.
        services = Services.create(other_instance.engine)
        assert {m.home for m in services.matches.list_matches()} == {"Home FC"}
    finally:
        other_instance.close()
    assert report.restored_from == backup.path and report.damaged_copy is None
    assert report.safety_backup is not None
    assert _homes(report.safety_backup) == {"Home FC", "Added After FC"}
    assert integrity(pitch.path) == ["ok"]


def test_an_older_schema_backup_is_restored_then_upgraded_on_open(pitch: Pitch) -> None:
    old = pitch.path.with_name("old.sqlite")
    shutil.copyfile(FIXTURES / "schema-0001.sqlite", old)
    restore_backup(pitch.path, old)
    db = open_database(pitch.path)
    try:
        assert db.report.upgraded_from == "0001" and db.report.backup is not None
        (match,) = Services.create(db.engine).matches.list_matches()
        assert (match.home, match.away) == ("England", "France")
    finally:
        db.close()


def test_a_damaged_or_foreign_backup_is_refused_and_nothing_changes(pitch: Pitch) -> None:
    damaged = make_backup(pitch.path, MANUAL).path
    damage_table(damaged, "moment")
    foreign = pitch.path.with_name("other.sqlite")
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    before = pitch.path.read_bytes()
    for bad in (damaged, foreign):
        with pytest.raises(DatabaseRefusedError):
            restore_backup(pitch.path, bad)
    assert pitch.path.read_bytes() == before
    assert newest_good_backup(pitch.path) is None  # the only backup is the damaged one


def test_the_newest_good_backup_skips_damaged_ones(pitch: Pitch) -> None:
    good = make_backup(pitch.path, MANUAL, dt.datetime(2025, 1, 1, 9))
    newer = make_backup(pitch.path, MANUAL, dt.datetime(2025, 1, 1, 10))
    damage_table(newer.path, "moment")
    assert newest_good_backup(pitch.path) == good


def test_backing_up_a_damaged_database_keeps_no_backup(pitch: Pitch) -> None:
    damage_table(pitch.path, "moment")
    with pytest.raises(BackupError, match="is damaged"):
        backup_sqlite(pitch.path, MANUAL)
    assert list(backup_dir_for(pitch.path).iterdir()) == []


def test_database_modified_at_ignores_the_empty_log_an_open_creates(pitch: Pitch) -> None:
    an_hour_ago = dt.datetime.now().timestamp() - 3600  # clear of coarse file-time clocks
    os.utime(pitch.path, (an_hour_ago, an_hour_ago))
    before = database_modified_at(pitch.path)
    db = open_database(pitch.path)
    try:
        assert database_modified_at(pitch.path) == before
    finally:
        db.close()
    _add_match(pitch.path, "Changed FC")
    after = database_modified_at(pitch.path)
    assert before is not None and after is not None and after > before
