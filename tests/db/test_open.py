"""Opening databases: what is refused, untouched, and what is set on every connection."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from matchnotes.db.database import open_database
from matchnotes.db.file_format import head_revision
from matchnotes.errors import DatabaseRefusedError

FIXTURE = Path(__file__).parent.parent / "fixtures" / "schema-0001.sqlite"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_refused_untouched(path: Path, message: str) -> None:
    before = _digest(path)
    siblings = set(path.parent.iterdir())
    with pytest.raises(DatabaseRefusedError, match=message):
        open_database(path)
    assert _digest(path) == before, "a refused file must keep its bytes"
    assert set(path.parent.iterdir()) == siblings, "nothing may be created beside it"


def test_a_new_file_is_created_at_the_newest_schema(tmp_path):
    db = open_database(tmp_path / "sub" / "new.sqlite")
    assert db.report.created
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            head_revision()
        )
    db.close()


@pytest.mark.sqlite_only  # PRAGMAs are SQLite's
def test_every_connection_gets_the_pragmas(database):
    with database.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_a_second_open_while_the_first_is_still_open(database, db_path):
    """The first commit may still sit in the -wal file; it must count."""
    second = open_database(db_path)
    assert not second.report.created
    second.close()


def test_text_file_is_refused(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Kane 54' pen\n" * 50)
    _assert_refused_untouched(path, "not a SQLite file at all")


def test_binary_junk_is_refused(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(bytes(range(256)) * 40)
    _assert_refused_untouched(path, "not a SQLite file")


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.touch()
    _assert_refused_untouched(path, "empty file")


def test_another_programs_sqlite_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.execute("INSERT INTO bookmarks VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    _assert_refused_untouched(path, "another program")


def test_truncated_file_is_refused(tmp_path, demo_match_id, database, db_path):
    database.close()
    _checkpoint(db_path)
    path = tmp_path / "truncated.sqlite"
    data = db_path.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    path.write_bytes(data[: page * 3])  # whole pages, but far fewer than the header says
    _assert_refused_untouched(path, "truncated")
    odd = tmp_path / "odd.sqlite"
    odd.write_bytes(data[: page * 3 + 100])
    _assert_refused_untouched(odd, "truncated")


def test_newer_schema_is_refused(tmp_path, database, db_path):
    database.close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    _checkpoint(db_path)
    _assert_refused_untouched(db_path, "newer version of MatchNotes")


def test_missing_schema_version_is_reported_as_damaged(tmp_path, database, db_path):
    database.close()
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TABLE alembic_version")
    conn.commit()
    conn.close()
    _checkpoint(db_path)
    _assert_refused_untouched(db_path, "damaged")


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(DatabaseRefusedError, match="is a folder"):
        open_database(tmp_path)


def test_fixture_copy_is_pristine():
    """The committed first-schema fixture is a single file in rollback-journal mode."""
    header = FIXTURE.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert header[18:20] == b"\x01\x01"  # legacy journal mode: no -wal file needed
    assert not FIXTURE.with_name(FIXTURE.name + "-wal").exists()


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the main file so the file alone holds the database."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()


def copy_fixture(tmp_path: Path) -> Path:
    target = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURE, target)
    return target
