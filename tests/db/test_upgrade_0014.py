"""Schema 0014: the alias table, added to an old file without touching its rows; the
upgraded file then learns an import's spellings like a new one."""

import shutil
from pathlib import Path

from sqlalchemy import inspect, text

from matchnotes.db.database import open_database
from matchnotes.services.imports import ImportService

FIXTURES = Path(__file__).parent.parent / "fixtures"
DATA = Path(__file__).parent.parent / "data" / "openfootball"
TABLES = ("match", "moment", "quote", "note", "person", "lineup_entry", "team", "competition")


def _counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}


def test_an_old_file_gains_aliases_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema-0005.sqlite", path)
    db = open_database(path)
    try:
        assert db.report.upgraded_from == "0005"
        assert "alias" in inspect(db.engine).get_table_names()
        counts = _counts(db.engine)
        assert counts["match"] == 1 and counts["moment"] > 0
        ImportService(db.engine).import_file(DATA / "worldcup-2022.json")
        with db.engine.connect() as conn:
            names = conn.execute(text("SELECT name FROM competition")).scalars().all()
            learnt = conn.execute(text("SELECT kind, key FROM alias ORDER BY id")).all()
        assert names == ["FIFA World Cup"]  # the old file's competition, not renamed
        assert ("competition", "world cup") in learnt
    finally:
        db.close()
