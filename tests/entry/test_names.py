"""Names in a line: initials, particles, near misses and hints, nearest people first.

Pure parser tests on the demo roster (tests/entry/__init__.py) and small hand-made ones.
"""

from dataclasses import replace

import pytest

from matchnotes.entry import EntryError, MomentEntry, PersonRef, Roster, RosterPerson, parse_line
from matchnotes.entry.roster import Source
from matchnotes.enums import LineupRole
from tests.entry import ENGLAND, FRANCE, demo_roster, person_id


def player(line: str, roster: Roster | None = None) -> PersonRef:
    entry = parse_line(line, roster or demo_roster())
    assert isinstance(entry, MomentEntry) and entry.player is not None
    return entry.player


def refusal(line: str, roster: Roster | None = None) -> EntryError:
    with pytest.raises(EntryError) as info:
        parse_line(line, roster or demo_roster())
    return info.value


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("A. Tchouameni", "Aurélien Tchouaméni"),
        ("A Tchouaméni", "Aurélien Tchouaméni"),
        ("a.tchouameni", "Aurélien Tchouaméni"),
        ("H. Kane", "Harry Kane"),
        ("R. Kolo Muani", "Randal Kolo Muani"),
        ("R. K. Muani", "Randal Kolo Muani"),
        ("K. Mbappe", "Kylian Mbappé"),
        ("A. Tchou", "Aurélien Tchouaméni"),  # an initial and a beginning
    ],
)
def test_an_initial_and_the_surname(typed, name):
    assert player(f"17 goal {typed}").name == name


def test_a_wrong_initial_is_not_the_player():
    error = refusal("17 goal B. Tchouameni")
    assert "Nobody in the line-ups is called “B. Tchouameni”" in str(error)
    assert error.candidates == ("Aurélien Tchouaméni (France, #8)",)


def test_a_particle_is_no_beginning_of_a_name():
    # "de" used to be taken as the beginning of Declan, and "paul" as the description.
    error = refusal("17 goal de paul")
    assert "Declan" not in str(error)
    assert "Nobody in the line-ups is called “de paul”." in str(error)
    de_paul = RosterPerson(99, "Rodrigo De Paul", FRANCE.id, 7)
    roster = replace(demo_roster(), people=(*demo_roster().people, de_paul))
    assert player("17 goal de paul", roster).name == "Rodrigo De Paul"
    assert player("17 goal De Paul low shot", roster).person_id == 99


def test_near_misses_compare_whole_names_and_surnames():
    de_paul = RosterPerson(99, "Rodrigo De Paul", FRANCE.id, 7)
    roster = replace(demo_roster(), people=(*demo_roster().people, de_paul))
    error = refusal("17 goal de pual", roster)
    assert error.candidates == ("Rodrigo De Paul (France, #7)",)
    assert "Nobody in the line-ups is called “de pual”. Did you mean Rodrigo De Paul" in str(error)
    assert refusal("17 goal Grizman").candidates == ("Antoine Griezmann (France, #7)",)
    assert refusal("17 goal Mbape").candidates == ("Kylian Mbappé (France, #10)",)
    assert refusal("17 goal Zzyzx").candidates == ()


def test_the_new_person_hint_names_the_team_of_the_player_meant():
    message = str(refusal("17 goal Tchouamani"))
    assert "Did you mean Aurélien Tchouaméni (France, #8)?" in message
    assert message.endswith('in quotes after their team\'s name: FRA "Tchouamani".')
    assert 'ENG "Tchouamani"' not in message
    # Nobody near: either team, said generically.
    assert str(refusal("17 goal Zzyzx")).endswith(
        'after their team\'s name: ENG "Zzyzx" or FRA "Zzyzx".'
    )
    # A team typed before the name is the team of the new person.
    assert str(refusal("17 goal ENG Tchouamani")).endswith('name: ENG "Tchouamani".')


def _with_others(*others: RosterPerson) -> Roster:
    return replace(demo_roster(), people=(*demo_roster().people, *others))


def test_the_lineup_comes_before_the_match_and_the_squads():
    # Another Kane in England's squad: the line-up's Harry Kane is meant.
    squad_kane = RosterPerson(90, "Martin Kane", ENGLAND.id, 30, source=Source.TEAM)
    roster = _with_others(squad_kane)
    assert player("17 goal Kane", roster) == PersonRef("Harry Kane", person_id("Harry Kane"), 1)
    assert player("17 goal Martin Kane", roster) == PersonRef(
        "Martin Kane", 90, ENGLAND.id, LineupRole.STARTER
    )
    # Two of one source are ambiguous, listed with their teams.
    scorer = RosterPerson(91, "Lionel Messi", None, source=Source.MATCH)
    squad = [
        RosterPerson(92, "Emiliano Martínez", FRANCE.id, 33, source=Source.TEAM),
        RosterPerson(93, "Lautaro Martínez", FRANCE.id, 34, source=Source.TEAM),
    ]
    roster = _with_others(scorer, *squad)
    error = refusal("17 yc Martinez", roster)
    assert error.candidates == (
        "Emiliano Martínez (France, #33)",
        "Lautaro Martínez (France, #34)",
    )
    assert "Nobody in the line-ups or squads" in str(refusal("17 yc Zzyzx", roster))
    assert player("17 yc FRA#34", roster).name == "Lautaro Martínez"  # a squad number
    assert player("17 yc FRA#22", roster).name == "Theo Hernández"  # the line-up's first


def test_someone_found_outside_the_lineup_joins_it():
    deschamps = RosterPerson(94, "Didier Deschamps", FRANCE.id, role=LineupRole.MANAGER)
    roster = Roster(
        ENGLAND,
        FRANCE,
        (
            RosterPerson(90, "Lionel Messi", FRANCE.id, 10, source=Source.MATCH),
            replace(deschamps, source=Source.TEAM),
        ),
    )
    messi = player("100 yc Messi", roster)
    assert messi == PersonRef("Lionel Messi", 90, FRANCE.id, LineupRole.STARTER)
    assert str(messi) == "Lionel Messi (joins the line-up)"
    assert player("100 yc Deschamps", roster).joins is LineupRole.MANAGER
    # Without a known team they cannot join: the line must say the team.
    roster = Roster(ENGLAND, FRANCE, (RosterPerson(95, "Wayne Rooney", None, source=Source.MATCH),))
    assert "Which team does Wayne Rooney play for" in str(refusal("17 yc Rooney", roster))
    # A note may mention a speaker of the match: it stays text.
    note = parse_line("30 note Rooney in the studio", roster)
    assert isinstance(note, MomentEntry) and note.player is None
    assert note.description == "Rooney in the studio"


def test_one_person_of_both_teams_is_named_with_the_team():
    both = [
        RosterPerson(96, "Danilo", ENGLAND.id, source=Source.TEAM),
        RosterPerson(96, "Danilo", FRANCE.id, source=Source.TEAM),
    ]
    roster = Roster(ENGLAND, FRANCE, tuple(both))
    assert "put the team before the name (ENG or FRA)" in str(refusal("17 yc Danilo", roster))
    assert player("17 yc FRA Danilo", roster).team_id == FRANCE.id
