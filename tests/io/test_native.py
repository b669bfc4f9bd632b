"""MatchNotes JSON: export, then import into an empty database, reproduces everything."""

import json
import re

import pytest
from sqlmodel import SQLModel

from matchnotes.db.database import open_database
from matchnotes.io import ImportFileError
from matchnotes.io.native import TABLES, table_name
from matchnotes.services import Services
from matchnotes.services.imports import ImportService
from tests.io import WORLDCUP_JSON, WORLDCUP_TXT, importer


@pytest.fixture
def second(tmp_path):
    database = open_database(tmp_path / "second.sqlite")
    yield database
    database.close()


def test_every_table_is_exported():
    # but the change history: it is about this file's rows (undo), not the story
    not_carried = {"change"}
    assert {table_name(m) for m in TABLES} == set(SQLModel.metadata.tables) - not_carried


def test_the_demo_database_round_trips_field_for_field(database, demo_match_id, second, tmp_path):
    first = importer(database).export_data()
    assert (first["format"], first["version"]) == ("matchnotes", 1)
    assert all(first["tables"][name] for name in ("match", "moment", "quote", "note", "tag"))
    path = tmp_path / "export.json"
    importer(database).export_file(path)
    summary = ImportService(second.engine).import_file(path)
    assert summary.added == 1 and summary.tallies["moments"].added == len(first["tables"]["moment"])
    assert ImportService(second.engine).export_data() == first
    detail = Services.create(second.engine).matches.get_match(1)
    assert detail.summary.title == "England 1–2 France"


def test_reimporting_an_export_changes_nothing(database, demo_match_id, tmp_path):
    path = tmp_path / "export.json"
    importer(database).export_file(path)
    before = importer(database).export_data()
    summary = importer(database).import_file(path)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 1)
    assert importer(database).export_data() == before


def test_one_match_exports_with_what_it_points_at(database, services, demo_match_id, second):
    importer(database).import_file(WORLDCUP_JSON)
    importer(database).import_file(WORLDCUP_TXT)
    by_teams = {(m.home, m.away): m.id for m in services.matches.list_matches()}
    doc = importer(database).export_data(by_teams["Argentina", "France"])
    tables = doc["tables"]
    assert len(tables["match"]) == 1 and len(tables["team"]) == 2
    assert len(tables["moment"]) == len(
        services.matches.get_match(by_teams["Argentina", "France"]).moments
    )
    data = json.dumps(doc).encode()
    ImportService(second.engine).import_bytes(data, "final.json")
    final = Services.create(second.engine).matches.get_match(1)
    assert str(final.summary.score) == "3–3" and str(final.penalties) == "4–2"
    assert ImportService(second.engine).export_data() == doc


def test_the_demo_match_merges_into_a_database_that_has_it(
    database, services, demo_match_id, second
):
    doc = importer(database).export_data(demo_match_id)
    other = ImportService(second.engine)
    other.import_file(WORLDCUP_JSON)
    summary = other.import_bytes(json.dumps(doc).encode(), "demo.json")
    assert (summary.added, summary.updated) == (0, 1)  # the same England v France, enriched
    assert len(Services.create(second.engine).matches.list_matches()) == 64


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["tables"]["moment"][0].update(minute="17"),
            "moment[0].minute: expected a whole",
        ),
        (lambda d: d["tables"]["moment"][0].update(minute=47, period="1H"), "write 45+2"),
        (lambda d: d["tables"]["match"][0].update(home_team_id=99), "no team with id 99"),
        (lambda d: d["tables"]["match"][0].update(status="abandoned"), "not one of scheduled"),
        (lambda d: d["tables"]["match"][0].pop("date"), "match[0].date: is missing"),
        (lambda d: d["tables"]["person"][0].update(shoe_size=44), "not a field"),
        (lambda d: d["tables"].update(players=[]), "tables.players: is not a MatchNotes table"),
        (lambda d: d["tables"]["match"][0].update(rating=11), "match[0]: A rating is from 0 to 10"),
    ],
)
def test_a_damaged_export_is_refused_whole(database, demo_match_id, second, change, message):
    doc = importer(database).export_data()
    change(doc)
    with pytest.raises(ImportFileError, match=re.escape(message)):
        ImportService(second.engine).import_bytes(json.dumps(doc).encode(), "backup.json")
    assert ImportService(second.engine).export_data()["tables"]["team"] == []
