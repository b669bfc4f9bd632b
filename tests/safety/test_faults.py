"""A read-only file or folder, or a full disk, during a change, a backup, a restore and an
export: a clear message, the database intact, no partial file left behind."""

from __future__ import annotations

import errno
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

import matchnotes.db.backup as backup_module
import matchnotes.db.restore as restore_module
from matchnotes.db.backup import MANUAL, BackupError, backup_dir_for, backup_sqlite
from matchnotes.db.backups import list_backups, make_backup
from matchnotes.db.database import open_database
from matchnotes.db.restore import rescue_damaged, restore_backup
from matchnotes.enums import MomentKind, Period
from matchnotes.errors import DatabaseRefusedError, MatchNotesError
from matchnotes.minutes import Minute
from matchnotes.reports.export import write_text
from matchnotes.services import Services
from matchnotes.services.inputs import MomentInput
from tests.safety.conftest import Pitch
from tests.safety.helpers import damage_table, integrity, read_only

DISK_FULL = "The disk is full"
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def _chance(text: str) -> MomentInput:
    return MomentInput(Minute(Period.FIRST_HALF, 1), MomentKind.CHANCE, description=text)


def _descriptions(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT description FROM moment ORDER BY id")]
    finally:
        conn.close()


def _no_leftovers(folder: Path) -> None:
    endings = (".part", ".partial", ".partial-journal", ".partial-wal", ".partial-shm")
    leftovers = [p.name for p in folder.rglob("*") if p.name.endswith(endings)]
    assert leftovers == [], "no partial file may be left behind"


# --- read-only ---------------------------------------------------------------------


@POSIX
def test_a_change_to_a_read_only_file_is_refused_plainly(pitch: Pitch) -> None:
    before = pitch.path.read_bytes()
    with read_only(pitch.path):
        db = open_database(pitch.path)
        try:
            services = Services.create(db.engine)
            assert services.matches.list_matches(), "a read-only file can still be read"
            with pytest.raises(MatchNotesError, match="read-only, so the change was not saved"):
                services.moments.log(pitch.match_id, _chance("not saved"))
        finally:
            db.close()
    assert pitch.path.read_bytes() == before
    assert integrity(pitch.path) == ["ok"]


@POSIX
def test_a_folder_made_read_only_while_the_app_is_open_loses_nothing(pitch: Pitch) -> None:
    db = open_database(pitch.path)
    try:
        services = Services.create(db.engine)
        services.moments.log(pitch.match_id, _chance("before"))  # the -wal exists now
        with read_only(pitch.path.parent):
            services.moments.log(pitch.match_id, _chance("during"))  # saved in the -wal
    finally:
        db.close()
    assert _descriptions(pitch.path) == ["before", "during"]
    assert integrity(pitch.path) == ["ok"]


@POSIX
def test_opening_a_file_in_a_read_only_folder_says_so(pitch: Pitch) -> None:
    # SQLite must create the -shm/-wal beside a WAL database, even to read it.
    with read_only(pitch.path.parent), pytest.raises(DatabaseRefusedError) as refused:
        open_database(pitch.path).close()
    assert "read-only" in str(refused.value) and "damaged" not in str(refused.value)


@POSIX
def test_a_backup_into_a_read_only_folder_says_so_and_leaves_nothing(pitch: Pitch) -> None:
    folder = backup_dir_for(pitch.path)
    folder.mkdir()
    before = pitch.path.read_bytes()
    with read_only(folder), pytest.raises(BackupError, match="read-only"):
        make_backup(pitch.path, MANUAL)
    assert list(folder.iterdir()) == []
    folder.rmdir()
    with read_only(pitch.path.parent), pytest.raises(BackupError, match="read-only"):
        make_backup(pitch.path, MANUAL)  # the backup folder cannot even be created
    assert pitch.path.read_bytes() == before
    assert not folder.exists()
    _no_leftovers(pitch.path.parent)


@POSIX
def test_an_export_into_a_read_only_folder_says_so_and_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with read_only(folder), pytest.raises(MatchNotesError, match="cannot be written"):
        write_text(folder / "match.md", "# England 1–2 France\n")
    assert list(folder.iterdir()) == []


# --- full disk -----------------------------------------------------------------------


def test_a_change_on_a_full_disk_is_refused_and_nothing_half_saved(pitch: Pitch) -> None:
    db = open_database(pitch.path)

    @event.listens_for(db.engine, "connect")
    def no_room_to_grow(dbapi_connection: Any, _record: Any) -> None:
        # SQLite says SQLITE_FULL exactly as when the disk has no room for another page.
        (pages,) = dbapi_connection.execute("PRAGMA page_count").fetchone()
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    db.engine.dispose()
    saved = []
    try:
        services = Services.create(db.engine)
        with pytest.raises(MatchNotesError, match=DISK_FULL):
            for n in range(100):
                services.moments.log(pitch.match_id, _chance(f"{n:04d} " + "x" * 1900))
                saved.append(n)
    finally:
        db.close()
    assert 0 < len(saved) < 100
    assert [d[:4] for d in _descriptions(pitch.path)] == [f"{n:04d}" for n in saved]
    assert integrity(pitch.path) == ["ok"]


def test_a_backup_on_a_full_disk_says_so_and_leaves_nothing(
    pitch: Pitch, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_connect = backup_module._connect_target

    def small_disk(path: Path) -> sqlite3.Connection:
        conn = real_connect(path)
        conn.execute("PRAGMA max_page_count = 3")
        return conn

    monkeypatch.setattr(backup_module, "_connect_target", small_disk)
    before = pitch.path.read_bytes()
    with pytest.raises(BackupError, match=DISK_FULL):
        make_backup(pitch.path, MANUAL)
    assert pitch.path.read_bytes() == before
    assert list_backups(pitch.path) == []
    _no_leftovers(pitch.path.parent)


def test_a_backup_whose_last_write_hits_a_full_disk_leaves_nothing(
    pitch: Pitch, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(_path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module, "_fsync", no_space)
    with pytest.raises(BackupError, match=DISK_FULL):
        backup_sqlite(pitch.path, MANUAL)
    assert list(backup_dir_for(pitch.path).iterdir()) == []


def test_a_restore_on_a_full_disk_leaves_the_database_as_it_was(
    pitch: Pitch, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = pitch.path.read_bytes()
    db = open_database(pitch.path)
    try:  # a backup bigger than the live file will be: restoring it must grow the file
        for n in range(20):
            Services.create(db.engine).moments.log(pitch.match_id, _chance(f"{n} " + "y" * 1900))
    finally:
        db.close()
    backup = make_backup(pitch.path, MANUAL)
    pitch.path.write_bytes(small)
    real_connect = restore_module._connect_live

    def full_disk(path: Path) -> sqlite3.Connection:
        conn = real_connect(path)
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(restore_module, "_connect_live", full_disk)
    with pytest.raises(MatchNotesError, match="left as it was"):
        restore_backup(pitch.path, backup.path)
    assert _descriptions(pitch.path) == []
    assert integrity(pitch.path) == ["ok"]


def test_an_export_on_a_full_disk_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "match.md"
    target.write_text("previous export\n")
    real_write = Path.write_text

    def half_then_full(self: Path, data: str, *args: Any, **kwargs: Any) -> int:
        real_write(self, data[:5], *args, **kwargs)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", half_then_full)
    with pytest.raises(MatchNotesError, match="No space left"):
        write_text(target, "# England 1–2 France\n")
    monkeypatch.undo()
    assert target.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["match.md"]


def test_a_rescue_on_a_full_disk_puts_the_damaged_file_back(
    pitch: Pitch, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_backup(pitch.path, MANUAL)
    damage_table(pitch.path, "moment")
    damaged = pitch.path.read_bytes()
    real_connect = backup_module._connect_target

    def small_disk(path: Path) -> sqlite3.Connection:
        conn = real_connect(path)
        conn.execute("PRAGMA max_page_count = 3")
        return conn

    monkeypatch.setattr(backup_module, "_connect_target", small_disk)
    with pytest.raises(MatchNotesError, match="Nothing was changed"):
        rescue_damaged(pitch.path)
    assert pitch.path.read_bytes() == damaged, "the damaged file is back where it was"
    assert not list(pitch.path.parent.glob("*.damaged-*"))
    _no_leftovers(pitch.path.parent)
