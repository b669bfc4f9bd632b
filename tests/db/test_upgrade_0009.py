"""Schema 0009: career baselines, a new table; every existing row stays."""

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import inspect, text

from matchnotes.db.database import open_database

FIXTURES = Path(__file__).parent.parent / "fixtures"
TABLES = ("match", "person", "team", "moment", "quote", "note", "lineup_entry")


def _counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}


def test_a_0004_file_gains_an_empty_baseline_table_and_keeps_every_row(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema-0004.sqlite", path)
    with sqlite3.connect(path) as conn:
        before = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    conn.close()
    db = open_database(path)
    try:
        assert "career_baseline" in inspect(db.engine).get_table_names()
        assert _counts(db.engine) == before and before["moment"] == 14
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM career_baseline")).scalar() == 0
    finally:
        db.close()
