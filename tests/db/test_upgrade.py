"""Every released schema, as a committed fixture file, opens through the migrations."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from matchnotes.db.backup import backup_dir_for
from matchnotes.db.database import open_database
from matchnotes.db.schema import head_revision
from matchnotes.db.search import include_name
from matchnotes.scores import Score
from matchnotes.services import Services

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.sqlite")), ids=lambda p: p.stem)
def test_old_schema_upgrades_with_a_backup_first(tmp_path, fixture):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(fixture, path)
    original = fixture.read_bytes()
    old_revision = fixture.stem.removeprefix("schema-")

    db = open_database(path)
    try:
        if old_revision != head_revision():
            assert db.report.upgraded_from == old_revision
            backup = db.report.backup
            assert backup is not None and backup.parent == backup_dir_for(path)
            conn = sqlite3.connect(backup)
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
                old_revision,
            )
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert conn.execute("SELECT count(*) FROM moment").fetchone() == (14,)
            conn.close()
        services = Services.create(db.engine)
        (match,) = services.matches.list_matches()
        assert (match.home, match.away, match.score) == ("England", "France", Score(1, 2))
        detail = services.matches.get_match(match.id)
        assert len(detail.moments) == 14
        assert len(detail.quotes) == 4
        assert sum(1 for e in detail.lineups if e.captain) == 2
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": include_name})
            diff = compare_metadata(context, SQLModel.metadata)
            assert diff == [], "the upgraded schema must equal the models"
    finally:
        db.close()
    assert fixture.read_bytes() == original


def test_models_match_the_newest_migration(database):
    with database.engine.connect() as conn:
        # The search index's FTS5 tables are SQLite-only and not models: leave them out.
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": include_name}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def test_second_open_of_an_upgraded_file_needs_no_backup(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema-0001.sqlite", path)
    open_database(path).close()
    again = open_database(path)
    assert again.report.upgraded_from is None and again.report.backup is None
    again.close()


def test_revision_graph_read_from_files_agrees_with_alembic():
    from alembic.script import ScriptDirectory

    from matchnotes.db.file_format import head_revision, known_revisions
    from matchnotes.db.schema import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {r.revision for r in script.walk_revisions()}
