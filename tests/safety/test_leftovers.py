"""Small leftovers and small lies: files a killed backup leaves, files that looking at a
refused database creates, and whom a message blames."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from matchnotes.cli import run
from matchnotes.db.backup import MANUAL, backup_dir_for
from matchnotes.db.backups import make_backup
from matchnotes.db.check import check_database
from matchnotes.db.file_format import inspect_sqlite_file
from matchnotes.errors import DatabaseRefusedError
from tests.safety.conftest import Pitch

KILLED = ("-20240101-120000-000000-manual.sqlite.partial", "-journal", "-wal", "-shm")


def _killed_backup(folder: Path, stem: str, age: float) -> list[Path]:
    """What a backup killed while copying leaves: its .partial and SQLite's companions."""
    base = folder / f"{stem}{KILLED[0]}"
    made = [base, *(base.with_name(base.name + suffix) for suffix in KILLED[1:])]
    for path in made:
        path.write_bytes(b"\0" * 512)
        os.utime(path, (time.time() - age, time.time() - age))
    return made


def test_the_next_backup_removes_what_a_killed_backup_left(pitch: Pitch) -> None:
    folder = backup_dir_for(pitch.path)
    folder.mkdir()
    stale = _killed_backup(folder, pitch.path.stem, age=3600)
    orphan = folder / f"{pitch.path.stem}-20240101-110000-000000-auto.sqlite.partial-journal"
    orphan.write_bytes(b"\0" * 512)  # its .partial was removed, the journal was not
    os.utime(orphan, (time.time() - 3600, time.time() - 3600))
    make_backup(pitch.path, MANUAL)
    assert [p for p in [*stale, orphan] if p.exists()] == []
    assert [p.suffix for p in folder.iterdir()] == [".sqlite"]


def test_a_backup_being_written_by_another_window_is_left_alone(pitch: Pitch) -> None:
    folder = backup_dir_for(pitch.path)
    folder.mkdir()
    fresh = _killed_backup(folder, pitch.path.stem, age=0)  # seconds old: maybe at work
    make_backup(pitch.path, MANUAL)
    assert all(p.exists() for p in fresh)


def _beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def test_looking_at_a_refused_file_creates_nothing_beside_it(pitch: Pitch, tmp_path: Path) -> None:
    conn = sqlite3.connect(pitch.path)
    with conn:
        conn.execute("PRAGMA application_id = 1234")  # another program's database now
    conn.close()
    assert _beside(pitch.path) == ["live.sqlite"]
    with pytest.raises(DatabaseRefusedError, match="another program"):
        inspect_sqlite_file(pitch.path)
    assert run(["check", "--db", str(pitch.path)]) == 1
    assert run(["matches", "--db", str(pitch.path)]) == 1
    assert _beside(pitch.path) == ["live.sqlite"], "no -wal or -shm was created"


def test_checking_a_file_creates_nothing_beside_it(pitch: Pitch) -> None:
    assert check_database(pitch.path).ok
    assert _beside(pitch.path) == ["live.sqlite"]


def test_a_refused_import_into_a_new_file_leaves_nothing(tmp_path: Path) -> None:
    garbage = tmp_path / "notes.txt"
    garbage.write_text("hello world\n")
    new = tmp_path / "new.sqlite"
    assert run(["import", str(garbage), "--db", str(new)]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_refused_import_into_a_file_keeps_it_and_its_backup(pitch: Pitch) -> None:
    garbage = pitch.path.with_name("notes.txt")
    garbage.write_text("hello world\n")
    assert run(["import", str(garbage), "--db", str(pitch.path)]) == 1
    assert check_database(pitch.path).ok
    (kept,) = backup_dir_for(pitch.path).iterdir()
    assert kept.name.endswith("-before-import.sqlite")


@pytest.mark.parametrize("keep", [65536, 40000])  # whole pages, or cut mid-page
def test_restoring_a_truncated_backup_blames_the_backup(
    pitch: Pitch, capsys: pytest.CaptureFixture[str], keep: int
) -> None:
    backup = make_backup(pitch.path, MANUAL).path
    backup.write_bytes(backup.read_bytes()[:keep])
    before = pitch.path.read_bytes()
    capsys.readouterr()
    assert run(["restore", str(backup), "--db", str(pitch.path)]) == 1
    err = capsys.readouterr().err
    assert f"The backup {backup} is damaged" in err and "was not restored" in err
    assert "Restore the newest good backup" not in err
    assert pitch.path.read_bytes() == before
