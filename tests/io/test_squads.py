"""openfootball squads: shirt numbers, positions, dates of birth, nationality by team."""

import datetime as dt

from matchnotes.enums import PersonRole
from tests.io import SQUADS_TXT, WORLDCUP_JSON, WORLDCUP_TXT, importer


def _one(services, name):
    (person,) = services.people.find(name)
    return person


def test_squads_alone_create_every_player_and_manager(database, services):
    summary = importer(database).import_file(SQUADS_TXT)
    assert (summary.subject, summary.added, summary.updated) == ("people", 863, 0)
    kane = _one(services, "Harry Kane")
    assert (kane.shirt_number, kane.position, kane.date_of_birth, kane.nationality) == (
        9, "FW", dt.date(1993, 7, 28), "England",
    )  # fmt: skip
    manager = _one(services, "Southgate")
    assert (manager.role, manager.nationality, manager.position) == (
        PersonRole.MANAGER,
        "ENG",
        None,
    )
    again = importer(database).import_file(SQUADS_TXT)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 863)


def test_squads_complete_the_people_of_imported_matches(database, services):
    for path in (WORLDCUP_JSON, WORLDCUP_TXT):
        importer(database).import_file(path)
    people_before = len(services.people.find("", limit=10_000))
    summary = importer(database).import_file(SQUADS_TXT)
    tchouameni = _one(services, "tchouameni")
    assert (tchouameni.name, tchouameni.shirt_number, tchouameni.nationality) == (
        "Aurelién Tchouaméni", 8, "France",
    )  # fmt: skip
    danilos = sorted(services.people.find("Danilo"), key=lambda p: p.nationality or "")
    assert [(p.nationality, p.date_of_birth.year) for p in danilos] == [
        ("Brazil", 1991), ("Portugal", 1991),
    ]  # fmt: skip
    # Only squad members who never played (nor scored) are new.
    assert summary.added == len(services.people.find("", limit=10_000)) - people_before
    assert summary.updated > 600
