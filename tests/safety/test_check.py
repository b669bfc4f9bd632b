"""Damaged files: found by the full and the quick check, never written to, and rescued by
restoring the newest good backup while the damaged file is kept beside it."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys

import pytest

from matchnotes.db.backup import MANUAL
from matchnotes.db.backups import make_backup
from matchnotes.db.check import (
    DatabaseDamagedError,
    check_database,
    quick_check,
    quick_check_on_open,
)
from matchnotes.db.database import open_database
from matchnotes.db.restore import keep_damaged_copy, rescue_damaged
from matchnotes.errors import DatabaseRefusedError, MatchNotesError
from matchnotes.services import Services
from tests.safety.conftest import Pitch
from tests.safety.helpers import damage_table, integrity, read_only


def test_an_intact_file_passes_both_checks(pitch: Pitch) -> None:
    assert check_database(pitch.path).ok and check_database(pitch.path).full
    assert quick_check(pitch.path).ok
    assert "no problems" in check_database(pitch.path).summary()
    quick_check_on_open(pitch.path)


@pytest.mark.parametrize("table", ["moment", "lineup_entry", "person"])
def test_flipped_bytes_in_a_page_are_found_and_the_file_is_not_written(
    pitch: Pitch, table: str
) -> None:
    damage_table(pitch.path, table)
    damaged = pitch.path.read_bytes()
    full, quick = check_database(pitch.path), quick_check(pitch.path)
    assert not full.ok and not quick.ok
    assert "problem(s) found" in full.summary()
    with pytest.raises(DatabaseDamagedError, match="is damaged") as refused:
        quick_check_on_open(pitch.path)
    assert refused.value.path == pitch.path and refused.value.problems
    assert pitch.path.read_bytes() == damaged
    wal = pitch.path.with_name(pitch.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # a read-only look leaves it empty


def test_a_broken_foreign_key_is_found_by_the_full_check_only(pitch: Pitch) -> None:
    conn = sqlite3.connect(pitch.path)  # foreign_keys is off by default: the damage gets in
    conn.execute("UPDATE lineup_entry SET person_id = 999")
    conn.commit()
    conn.close()
    report = check_database(pitch.path)
    assert not report.ok
    assert any("lineup_entry" in p and "person" in p for p in report.problems)
    assert quick_check(pitch.path).ok


def test_a_file_that_is_not_ours_is_refused_not_reported_damaged(tmp_path) -> None:
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(DatabaseRefusedError, match="not a MatchNotes database"):
        check_database(other)
    with pytest.raises(DatabaseRefusedError, match="no database file"):
        check_database(tmp_path / "missing.sqlite")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_folder_is_not_mistaken_for_damage(pitch: Pitch) -> None:
    with read_only(pitch.path.parent):
        quick_check_on_open(pitch.path)  # read as immutable: it can be checked there
        assert check_database(pitch.path).ok
        with pytest.raises(DatabaseRefusedError, match="read-only") as refused:
            open_database(pitch.path)
    assert not isinstance(refused.value, DatabaseDamagedError)


def test_the_app_refuses_to_open_a_damaged_file(pitch: Pitch) -> None:
    damage_table(pitch.path, "moment")
    damaged = pitch.path.read_bytes()
    with pytest.raises(DatabaseDamagedError):
        open_database(pitch.path).close()
    assert pitch.path.read_bytes() == damaged


def test_rescue_restores_the_newest_good_backup_and_keeps_the_damaged_file(pitch: Pitch) -> None:
    good = make_backup(pitch.path, MANUAL, dt.datetime(2025, 1, 1, 9))
    bad = make_backup(pitch.path, MANUAL, dt.datetime(2025, 1, 1, 10))
    damage_table(bad.path, "moment")
    damage_table(pitch.path, "moment")
    damaged = pitch.path.read_bytes()
    wal = pitch.path.with_name(pitch.path.name + "-wal")
    wal.write_bytes(b"the last commits, maybe")
    report = rescue_damaged(pitch.path)
    assert report.restored_from == good.path and report.safety_backup is None
    assert report.damaged_copy is not None
    assert report.damaged_copy.name.startswith("live.damaged-")
    assert report.damaged_copy.suffix == ".sqlite"
    assert report.damaged_copy.read_bytes() == damaged
    rescued_wal = report.damaged_copy.with_name(report.damaged_copy.name + "-wal")
    assert rescued_wal.read_bytes() == b"the last commits, maybe"
    assert not wal.exists(), "a stale -wal must not be replayed into the restored file"
    assert integrity(pitch.path) == ["ok"]
    db = open_database(pitch.path)
    try:
        assert len(Services.create(db.engine).matches.list_matches()) == 1
    finally:
        db.close()


def test_rescue_without_a_good_backup_changes_nothing(pitch: Pitch) -> None:
    damage_table(pitch.path, "moment")
    damaged = pitch.path.read_bytes()
    with pytest.raises(MatchNotesError, match="no good backup"):
        rescue_damaged(pitch.path)
    assert pitch.path.read_bytes() == damaged
    assert sorted(p.name for p in pitch.path.parent.iterdir()) == [pitch.path.name]


def test_keeping_a_copy_twice_in_a_second_keeps_both(pitch: Pitch) -> None:
    now = dt.datetime(2025, 5, 6, 7, 8, 9)
    first = keep_damaged_copy(pitch.path, now)
    second = keep_damaged_copy(pitch.path, now)
    assert pitch.path.read_bytes() == first.read_bytes() == second.read_bytes()
    assert first.name == "live.damaged-20250506-070809.sqlite"
    assert second.name == "live.damaged-20250506-070809-2.sqlite"
