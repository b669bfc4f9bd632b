"""A schema whose SQL holds bytes that are not UTF-8 (one flipped byte of a trigger):
refused as damaged, with the rescue offered, like any other damage; never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from matchnotes.cli import run
from matchnotes.db.backup import MANUAL, BackupError, backup_sqlite
from matchnotes.db.backups import list_backups, make_backup
from matchnotes.db.check import DatabaseDamagedError, check_database
from matchnotes.db.database import open_database
from matchnotes.db.file_format import inspect_sqlite_file
from matchnotes.db.restore import rescue_damaged

# Offsets into "CREATE TRIGGER search_index_match_ad AFTER DELETE ON "match" …": a keyword
# ("AFT\xb0R": SQLite's syntax error quotes the byte) and a table name ("ma\xb0ch").
FLIPS = [40, 56]


def flip_trigger_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    at = data.find(b"CREATE TRIGGER")
    wal = path.with_name(path.name + "-wal")
    assert at > 0 and (not wal.exists() or wal.stat().st_size == 0), "all of it in the file"
    data[at + offset] = 0xB0
    path.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert run(["demo", "--db", str(path)]) == 0
    return path


@pytest.fixture(params=FLIPS)
def broken(request: pytest.FixtureRequest, demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "notes.sqlite"
    shutil.copyfile(demo_template, path)
    make_backup(path, MANUAL)
    flip_trigger_byte(path, request.param)
    return path


def test_opening_refuses_it_as_damaged(broken: Path) -> None:
    before = broken.read_bytes()
    with pytest.raises(DatabaseDamagedError, match="damaged"):
        inspect_sqlite_file(broken)
    with pytest.raises(DatabaseDamagedError, match="not valid UTF-8"):
        open_database(broken)
    assert broken.read_bytes() == before


def test_the_check_reports_it_and_a_backup_refuses_it(broken: Path) -> None:
    report = check_database(broken)
    assert not report.ok and "not valid UTF-8" in report.problems[0]
    with pytest.raises(BackupError, match="is damaged"):
        backup_sqlite(broken, MANUAL)
    assert len(list_backups(broken)) == 1 and list_backups(broken)[0].match_count == 1


def test_the_cli_refuses_checks_and_restores(broken: Path, capsys: pytest.CaptureFixture) -> None:
    capsys.readouterr()
    assert run(["matches", "--db", str(broken)]) == 1
    assert "is damaged" in capsys.readouterr().err
    assert run(["check", "--db", str(broken)]) == 1
    assert "problem(s) found" in capsys.readouterr().out
    assert run(["restore", "--newest", "--db", str(broken)]) == 0
    assert "The damaged file is kept as" in capsys.readouterr().out
    assert run(["matches", "--db", str(broken)]) == 0
    assert "England 1–2 France" in capsys.readouterr().out


def test_restoring_a_named_backup_over_it_works(broken: Path) -> None:
    assert run(["restore", str(rescue_source(broken)), "--db", str(broken)]) == 0
    assert check_database(broken).ok


def test_the_rescue_puts_the_newest_good_backup_in_place(broken: Path) -> None:
    report = rescue_damaged(broken)
    assert report.damaged_copy is not None and report.damaged_copy.exists()
    assert check_database(broken).ok


def rescue_source(db: Path) -> Path:
    (backup,) = (db.parent / f"{db.stem}-backups").glob("*.sqlite")
    return backup
