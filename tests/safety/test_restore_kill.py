"""A restore over a damaged database killed at every step that changes a file name: there
is always a database file afterwards (the damaged one or the restored one), never none,
and the restore can be run again to its end."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from matchnotes.cli import run
from matchnotes.db.backup import MANUAL
from matchnotes.db.backups import make_backup
from matchnotes.db.check import quick_check
from matchnotes.db.database import open_database
from matchnotes.services import Services
from matchnotes.services.inputs import LineupInput
from tests.safety.conftest import POSIX_ONLY, Pitch
from tests.safety.helpers import Zygote, damage_table, integrity

pytestmark = [POSIX_ONLY, pytest.mark.slow]


def _people(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM person").fetchone()[0])
    finally:
        conn.close()


def _damaged_with_backup(pitch: Pitch) -> int:
    """A good backup of ``pitch`` (returns its people count), then more rows, then damage."""
    make_backup(pitch.path, MANUAL)
    backed_up = _people(make_backup(pitch.path, MANUAL).path)
    db = open_database(pitch.path)
    try:
        Services.create(db.engine).lineups.add(pitch.match_id, LineupInput(pitch.team_id, "Late"))
    finally:
        db.close()
    for companion in ("-wal", "-shm"):  # opening read-only left empty ones
        pitch.path.with_name(pitch.path.name + companion).unlink(missing_ok=True)
    damage_table(pitch.path, "moment")
    return backed_up


def _run_restore(zygote: Zygote, db: Path, kill_at: int | None) -> list[str]:
    zygote.start(job="restore", db=str(db), kill_at_op=kill_at)
    found = zygote.until("dead")  # killed by itself at that step, or done
    assert (kill_at is None) == ("done" in found), found
    return found


def test_a_restore_killed_at_any_step_leaves_a_database(
    pitch: Pitch, zygote: Zygote, capsys: pytest.CaptureFixture[str]
) -> None:
    backed_up = _damaged_with_backup(pitch)
    template = pitch.path.with_name("template.sqlite")
    pitch.path.rename(template)
    backups = pitch.path.with_name(f"{pitch.path.stem}-backups")
    kept = set(backups.iterdir())

    def fresh() -> None:
        for leftover in [*pitch.path.parent.glob(f"{pitch.path.stem}.*"), *backups.iterdir()]:
            if leftover not in kept:
                leftover.unlink()
        shutil.copyfile(template, pitch.path)

    fresh()
    (line,) = [r for r in _run_restore(zygote, pitch.path, None) if r.startswith("operations ")]
    operations = int(line.split()[1])  # the uninterrupted run: how many steps to kill at
    assert operations >= 2 and quick_check(pitch.path).ok
    for kill_at in range(1, operations + 1):
        fresh()
        _run_restore(zygote, pitch.path, kill_at)
        where = f"killed at step {kill_at} of {operations}"
        assert pitch.path.exists(), f"no database file after being {where}"
        if quick_check(pitch.path).ok:
            assert _people(pitch.path) == backed_up, where
        capsys.readouterr()
        code = run(["matches", "--db", str(pitch.path)])
        assert code in (0, 1) and "No matches yet" not in capsys.readouterr().out, where
        assert run(["restore", "--newest", "--db", str(pitch.path)]) == 0, where
        assert integrity(pitch.path) == ["ok"] and _people(pitch.path) == backed_up, where
