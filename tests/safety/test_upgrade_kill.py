"""A schema upgrade interrupted by SIGKILL: the next open upgrades correctly, and the
pre-upgrade backup (if the kill came after it) is intact."""

from __future__ import annotations

import random
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from matchnotes.db.backup import backup_dir_for
from matchnotes.db.database import open_database
from matchnotes.db.schema import current_revision, head_revision
from matchnotes.services import Services
from tests.safety.conftest import POSIX_ONLY
from tests.safety.helpers import Zygote, integrity

FIXTURE = Path(__file__).parent.parent / "fixtures" / "schema-0001.sqlite"
RANDOM_KILLS = 12
FIRST_STATEMENTS = 16  # each one a kill point: the connection set-up, 0002 and 0003
LATER_KILL_POINTS = 8  # spread over the rest (0004 runs dozens of statements)

pytestmark = [POSIX_ONLY, pytest.mark.slow]

# Found by these tests: Python's sqlite3 opens a transaction only before INSERT, UPDATE or
# DELETE, so the ALTER TABLEs of 0002 are committed one by one before the transaction
# starts, and a kill between them leaves half an upgrade that the next open trips over
# ("duplicate column name"). The fix belongs in db/schema.py's _upgrade: BEGIN IMMEDIATE
# first (not an engine-wide BEGIN, which would make writes fail instead of waiting when
# another window has written since their first read).


def _fresh_copy(folder: Path) -> Path:
    folder.mkdir()
    path = folder / "old.sqlite"
    shutil.copyfile(FIXTURE, path)
    return path


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _assert_recoverable(path: Path, where: str, expected: list[str] | None) -> list[str]:
    """The file is whole, every backup is whole and pre-upgrade, and it opens upgraded
    to exactly what an uninterrupted upgrade makes (``expected``: schema and rows)."""
    assert integrity(path) == ["ok"], where
    for backup in backup_dir_for(path).glob("*.sqlite"):
        conn = sqlite3.connect(backup)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",), where
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
            assert conn.execute("SELECT count(*) FROM moment").fetchone() == (14,), where
        finally:
            conn.close()
    db = open_database(path)
    try:
        assert current_revision(db.engine) == head_revision(), where
        services = Services.create(db.engine)
        (match,) = services.matches.list_matches()
        assert (match.home, match.away) == ("England", "France"), where
        assert len(services.moments.moments(match.id)) == 14, where
    finally:
        db.close()
    dump = _dump(path)
    if expected is not None:
        assert dump == expected, where
    return dump


def _uninterrupted_upgrade(tmp_path: Path, zygote: Zygote) -> tuple[int, list[str], float]:
    """(SQL statements it runs, the upgraded file's dump, seconds the child took)."""
    path = _fresh_copy(tmp_path / "whole")
    zygote.start(job="upgrade", db=str(path))
    zygote.until("ready")
    started = time.monotonic()
    said = zygote.until("dead")
    seconds = time.monotonic() - started
    (count,) = (int(r.split()[1]) for r in said if r.startswith("statements"))
    return count, _assert_recoverable(path, "after an uninterrupted upgrade", None), seconds


def test_upgrade_killed_before_each_of_its_statements(tmp_path: Path, zygote: Zygote) -> None:
    count, expected, _ = _uninterrupted_upgrade(tmp_path, zygote)
    assert count > 5
    later = range(FIRST_STATEMENTS + 1, count + 1)
    spread = {
        later[i * (len(later) - 1) // (LATER_KILL_POINTS - 1)] for i in range(LATER_KILL_POINTS)
    }
    failures = []
    for kill_at in sorted(
        {*range(1, min(FIRST_STATEMENTS, count) + 1), *(spread if later else ())}
    ):
        path = _fresh_copy(tmp_path / f"kill-{kill_at}")
        zygote.start(job="upgrade", db=str(path), kill_at_statement=kill_at)
        assert zygote.until("dead")[-1] == "dead 9"
        try:
            where = f"killed before SQL statement {kill_at} of {count}"
            _assert_recoverable(path, where, expected)
        except Exception as exc:
            failures.append(f"statement {kill_at}: {type(exc).__name__}: {exc}"[:300])
    assert failures == []


def test_upgrade_killed_before_its_backup_is_renamed(tmp_path: Path, zygote: Zygote) -> None:
    _, expected, _ = _uninterrupted_upgrade(tmp_path, zygote)
    path = _fresh_copy(tmp_path / "kill")
    original = path.read_bytes()
    zygote.start(job="upgrade", db=str(path), kill_before_backup_rename=True)
    assert zygote.until("dead")[-1] == "dead 9"
    assert path.read_bytes() == original, "nothing is written before the backup is made"
    assert list(backup_dir_for(path).glob("*.sqlite")) == [], "only verified backups are named"
    _assert_recoverable(path, "killed while backing up", expected)


def test_upgrade_killed_at_random_moments(tmp_path: Path, zygote: Zygote) -> None:
    _, expected, duration = _uninterrupted_upgrade(tmp_path, zygote)
    rng = random.Random()
    for run in range(RANDOM_KILLS):
        path = _fresh_copy(tmp_path / f"random-{run}")
        pid = zygote.start(job="upgrade", db=str(path))
        zygote.until("ready")
        time.sleep(rng.uniform(0, duration))
        zygote.kill(pid)
        where = f"killed at random (run {run}, within {duration:.3f} s)"
        _assert_recoverable(path, where, expected)
