"""Schema 0005: moments keep when a live line was typed and the clock's seconds."""

import shutil
from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from matchnotes.db.database import open_database
from matchnotes.db.schema import alembic_config
from matchnotes.enums import SearchKind
from matchnotes.services.search import SearchService

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _moment_columns(engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("moment")}


def test_a_0004_file_gains_the_columns_empty_and_keeps_its_search_index(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema-0004.sqlite", path)
    db = open_database(path)
    try:
        assert db.report.upgraded_from == "0004"
        assert {"logged_at", "clock_seconds"} <= _moment_columns(db.engine)
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT logged_at, clock_seconds FROM moment")).all()
        assert len(rows) == 14 and set(rows) == {(None, None)}  # every minute was typed
        # Columns were added in place: the search index's triggers on moment still fire.
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE moment SET description = 'zigzagging run' WHERE id = 1"))
        hits = SearchService(db.engine).search("zigzagging").groups[SearchKind.MOMENT]
        assert [h.id for h in hits] == [1]
    finally:
        db.close()


def test_the_downgrade_drops_the_columns_and_keeps_the_moments(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema-0004.sqlite", path)
    db = open_database(path)
    try:
        config = alembic_config()
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0004")
        assert not {"logged_at", "clock_seconds"} & _moment_columns(db.engine)
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM moment")).scalar() == 14
    finally:
        db.close()
