"""Schema 0010: the change history table, added to an old file without touching its rows."""

import shutil
from pathlib import Path

from sqlalchemy import inspect, text

from matchnotes.db.database import open_database
from matchnotes.services import Services

FIXTURES = Path(__file__).parent.parent / "fixtures"
TABLES = ("match", "moment", "quote", "note", "person", "lineup_entry", "team")


def _counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}


def test_an_old_file_gains_an_empty_history_keeps_its_rows_and_records_from_then(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema-0004.sqlite", path)
    db = open_database(path)
    try:
        assert db.report.upgraded_from == "0004"
        assert "change" in inspect(db.engine).get_table_names()
        counts = _counts(db.engine)
        assert counts["moment"] == 14 and counts["match"] >= 1
        services = Services.create(db.engine)
        assert services.history.list() == []
        moment = services.moments.moments(1)[0]
        services.moments.delete(moment.id)
        services.history.undo()
        assert _counts(db.engine) == counts
        assert next(m.id for m in services.moments.moments(1)) == moment.id
    finally:
        db.close()
