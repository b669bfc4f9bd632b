"""MatchNotes JSON carries the spellings imports learnt (schema 0014's aliases): a backup
restored, then the same openfootball or archive file imported again, still finds the
user's "USA" for "United States" instead of creating a second team."""

import json

import pytest
from sqlalchemy import delete, func, select
from sqlmodel import Session

from matchnotes.db.database import open_database
from matchnotes.io import ImportFileError
from matchnotes.models import Alias, Competition, Team
from matchnotes.services.import_aliases import Aliases
from matchnotes.services.imports import ImportService
from tests.db_compare import assert_same_tables
from tests.io import importer


@pytest.fixture
def second(tmp_path):
    database = open_database(tmp_path / "second.sqlite")
    yield database
    database.close()


def _learn(database, kind, spelling, target):
    with Session(database.engine) as session, session.begin():
        Aliases.load(session).learn(session, kind, spelling, target)


def _team(database, name):
    with database.engine.connect() as conn:
        return conn.execute(select(Team.id).where(Team.name == name)).scalar_one()


@pytest.fixture
def with_aliases(database, services, demo_match_id):
    usa = services.catalog.ensure_team("USA")
    _learn(database, "team", "United States", usa)
    _learn(database, "team", "Angleterre", _team(database, "England"))
    with database.engine.connect() as conn:
        comp_id = conn.execute(select(Competition.id).order_by(Competition.id)).scalars().first()
    _learn(database, "competition", "World Cup", comp_id)
    _learn(database, "stage", "Quarter-finals", "Quarter-final")
    return usa


def _aliases(database):
    with database.engine.connect() as conn:
        rows = conn.execute(
            select(Alias.kind, Alias.key, Alias.spelling, Alias.target_name, Team.name)
            .outerjoin(Team, (Alias.kind == "team") & (Team.id == Alias.target_id))
            .order_by(Alias.kind, Alias.key)
        )
        return [tuple(r) for r in rows]


def test_aliases_round_trip_into_an_empty_database(database, with_aliases, second, tmp_path):
    path = tmp_path / "all.json"
    importer(database).export_file(path)
    rows = json.loads(path.read_text(encoding="utf-8"))["tables"]["alias"]
    assert {r["spelling"] for r in rows} == {"United States", "Angleterre", "World Cup",
                                             "Quarter-finals"}  # fmt: skip
    assert all("key" not in r for r in rows)  # rebuilt from the spelling
    summary = ImportService(second.engine).import_file(path)
    assert summary.tallies["learnt spellings"].added == 4
    assert_same_tables(database.engine, second.engine)
    assert ("team", "united states", "United States", None, "USA") in _aliases(second)


def test_a_second_import_adds_no_alias_and_a_merge_keeps_the_users_rows(
    database, with_aliases, tmp_path
):
    path = tmp_path / "all.json"
    importer(database).export_file(path)
    before = _aliases(database)
    summary = ImportService(database.engine).import_file(path)
    assert summary.tallies["learnt spellings"].added == 0
    assert _aliases(database) == before


def test_an_alias_whose_team_is_gone_is_left_out(database, with_aliases, services, tmp_path):
    gone = services.catalog.ensure_team("Yugoslavia")
    _learn(database, "team", "Jugoslavija", gone)
    with database.engine.begin() as conn:
        conn.execute(delete(Team).where(Team.id == gone))  # aliases have no foreign key
    path = tmp_path / "all.json"
    importer(database).export_file(path)
    rows = json.loads(path.read_text(encoding="utf-8"))["tables"]["alias"]
    assert "Jugoslavija" not in {r["spelling"] for r in rows} and len(rows) == 4


def test_a_match_file_carries_no_aliases(database, with_aliases, demo_match_id, tmp_path):
    path = tmp_path / "one.json"
    importer(database).export_file(path, match_id=demo_match_id)
    assert json.loads(path.read_text(encoding="utf-8"))["tables"]["alias"] == []


@pytest.mark.parametrize(
    ("alias", "where", "words"),
    [
        ({"kind": "player", "spelling": "Leo", "target_id": 1}, "tables.alias[0].kind",
         "is not one of team, competition, stage"),
        ({"kind": "team", "spelling": "USA", "target_id": 99}, "tables.alias[0].target_id",
         "there is no team with id 99"),
        ({"kind": "stage", "spelling": "QF"}, "tables.alias[0].kind", "needs its spelling"),
    ],
)  # fmt: skip
def test_a_bad_alias_is_refused_and_nothing_is_imported(database, tmp_path, alias, where, words):
    row = {"id": 1, "target_id": None, "target_name": None} | alias
    doc = {"format": "matchnotes", "version": 1,
           "tables": {"team": [{"id": 1, "name": "USA"}], "alias": [row]}}  # fmt: skip
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        ImportService(database.engine).import_file(path)
    assert where in str(caught.value) and words in str(caught.value)
    with database.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Alias)).scalar_one() == 0
        assert conn.execute(select(func.count()).select_from(Team)).scalar_one() == 0
