"""CSV of fixtures/results and of people: header row, documented columns, clear errors."""

import datetime as dt

import pytest

from matchnotes.db.database import open_database
from matchnotes.enums import Decision, MatchStatus, PersonRole
from matchnotes.io import ImportFileError
from matchnotes.services import Services
from matchnotes.services.imports import ImportService
from tests.io import DATA, WORLDCUP_JSON, importer

FIXTURES = (DATA / "fixtures.csv").read_text(encoding="utf-8")  # semicolons, spaced header


def test_fixtures_and_results_import(database, services):
    summary = importer(database).import_bytes(FIXTURES.encode(), "fixtures.csv")
    assert (summary.format, summary.added) == ("CSV of fixtures and results", 3)
    by_teams = {(m.home, m.away): m for m in services.matches.list_matches()}
    result = services.matches.get_match(by_teams["Arsenal", "Chelsea"].id)
    assert str(result.summary.score) == "2–1" and result.score_is_override
    assert (result.referee, result.attendance, result.venue_city) == (
        "Michael Oliver",
        60000,
        "London",
    )
    assert result.summary.kickoff_time == dt.time(20, 45)
    fixture = by_teams["Chelsea", "Arsenal"]
    assert fixture.status is MatchStatus.SCHEDULED and fixture.kickoff_time is None
    cup = services.matches.get_match(by_teams["Man City", "Man United"].id)
    assert cup.decided_by is Decision.PENALTIES and str(cup.penalties) == "3–4"
    again = importer(database).import_bytes(FIXTURES.encode(), "fixtures.csv")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)


def test_exported_results_import_into_another_database(database, services, tmp_path):
    importer(database).import_file(WORLDCUP_JSON)
    path = tmp_path / "results.csv"
    importer(database).export_csv(path, "matches")
    assert path.read_text(encoding="utf-8").startswith("date,time,home,away,home_score")
    assert importer(database).import_file(path).unchanged == 64  # same results, no duplicates
    other = open_database(tmp_path / "other.sqlite")
    try:
        assert ImportService(other.engine).import_file(path).added == 64
        theirs = {
            (m.home, m.away, str(m.score))
            for m in Services.create(other.engine).matches.list_matches()
        }
    finally:
        other.close()
    assert theirs == {(m.home, m.away, str(m.score)) for m in services.matches.list_matches()}


def test_people_import_and_export(database, services, tmp_path):
    data = (
        "name,role,team,shirt_number,position,nationality,club,date_of_birth\n"
        "Harry Kane,player,England,9,fw,England,Tottenham Hotspur,1993-07-28\n"
        "Gareth Southgate,manager,England,,,England,,1970-09-03\n"
        "Wilton Sampaio,referee,,,,Brazil,,\n"
    )
    summary = importer(database).import_bytes(data.encode(), "people.csv")
    assert (summary.subject, summary.added) == ("people", 3)
    (kane,) = services.people.find("kane")
    assert (kane.shirt_number, kane.position, kane.club) == (9, "FW", "Tottenham Hotspur")
    (ref,) = services.people.find("sampaio")
    assert ref.role is PersonRole.REFEREE
    path = tmp_path / "people.csv"
    importer(database).export_csv(path, "people")
    again = importer(database).import_file(path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("date,home,away,hom_score\n", "line 1: unknown column “hom_score”"),
        ("date,home\n2024-01-01,A\n", "line 1: the column “away” is missing"),
        ("date,home,away\n2024-01-01,A,A\n", "line 2: A cannot play against itself"),
        (
            "date,home,away,home_score\n2024-01-01,A,B,2\n",
            "“home_score” and “away_score” go together",
        ),
        ("date,home,away,status\n2024-01-01,A,B,postponed\n", "“postponed” in column “status”"),
        ("name,shirt_number\nX,100\n", "line 2: “100” in column “shirt_number” is not a number"),
        ("name,role\n,player\n", "line 2: the “name” is empty"),
    ],
)
def test_bad_csv_files_are_refused(database, data, message):
    with pytest.raises(ImportFileError, match=message):
        importer(database).import_bytes(data.encode(), "data.csv")


def test_a_bad_row_can_be_skipped(database, services):
    data = "date,home,away\n2024-01-01,A,B\n01/02/2024,C,D\n2024-01-03,E,F\n"
    summary = importer(database).import_bytes(data.encode(), "data.csv", skip_errors=True)
    assert summary.added == 2
    assert [str(p) for p in summary.skipped] == [
        "line 3: “01/02/2024” in column “date” is not a date like 2022-12-10."
    ]
