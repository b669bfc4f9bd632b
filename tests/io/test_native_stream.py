"""The streamed MatchNotes JSON file is byte for byte the file the in-memory writer made."""

import json

from sqlmodel import Session, select

from matchnotes.io.native import TABLES, build_document, table_name
from matchnotes.reports import export
from matchnotes.services import Services
from tests.io import WORLDCUP_JSON, WORLDCUP_TXT, importer


def _old_file(database) -> bytes:
    with Session(database.engine) as session:
        conn = session.connection()
        rows = {table_name(m): list(conn.execute(select(m.__table__)).all()) for m in TABLES}
    text = json.dumps(build_document(rows), ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8")


def test_the_demo_streams_the_same_bytes(database, demo_match_id, tmp_path):
    services = Services.create(database.engine)
    services.moments.delete(services.matches.get_match(demo_match_id).moments[3].id)  # a gap
    path = export.export_all(services, tmp_path / "all.json")
    assert path.read_bytes() == _old_file(database)


def test_the_world_cup_streams_the_same_bytes(database, tmp_path):
    importer(database).import_file(WORLDCUP_TXT)
    importer(database).import_file(WORLDCUP_JSON)
    path = export.export_all(Services.create(database.engine), tmp_path / "all.json")
    assert path.read_bytes() == _old_file(database)
