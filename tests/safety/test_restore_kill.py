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
    with capsys.disabled():
        print(f"restore killed at each of its {operations} steps: a database every time")


@pytest.fixture
def interrupted(pitch: Pitch) -> tuple[Path, Path, Path]:
    """What an older MatchNotes left when killed at the last rename of a restore: the
    damaged file renamed aside, a complete .partial, no database."""
    _damaged_with_backup(pitch)
    (backup,) = list(pitch.path.with_name(f"{pitch.path.stem}-backups").glob("*.sqlite"))[:1]
    damaged = pitch.path.with_name("live.damaged-20250101-120000.sqlite")
    partial = pitch.path.with_name("live.sqlite.partial")
    pitch.path.rename(damaged)
    shutil.copyfile(backup, partial)
    return pitch.path, damaged, partial


def test_a_missing_database_beside_a_restores_leftovers_is_not_created_empty(
    interrupted: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, damaged, partial = interrupted
    for command in (["matches"], ["check"], ["log", "--match", "1", "12 goal"]):
        capsys.readouterr()
        assert run([*command, "--db", str(db)]) == 1
        err = capsys.readouterr().err
        assert "unfinished restore" in err and partial.name in err and damaged.name in err
        assert "matchnotes restore --finish" in err and "--undo" in err
        assert not db.exists(), "nothing was created"
    assert run(["restore", "--finish", "--db", str(db)]) == 0
    assert integrity(db) == ["ok"] and not partial.exists()
    assert run(["matches", "--db", str(db)]) == 0


def test_an_interrupted_restore_can_be_undone(interrupted: tuple[Path, Path, Path]) -> None:
    db, damaged, partial = interrupted
    before = damaged.read_bytes()
    assert run(["restore", "--undo", "--db", str(db)]) == 0
    assert db.read_bytes() == before and not damaged.exists() and not partial.exists()


def test_restore_newest_works_onto_a_missing_database(
    interrupted: tuple[Path, Path, Path],
) -> None:
    db, _damaged, _partial = interrupted
    assert run(["restore", "--newest", "--db", str(db)]) == 0
    assert integrity(db) == ["ok"]
