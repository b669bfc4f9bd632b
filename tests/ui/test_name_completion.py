"""What the quick-entry popup offers for the words before the cursor (pure, no Qt)."""

import pytest

from matchnotes.entry import Roster, RosterPerson, RosterTeam
from matchnotes.enums import LineupRole
from matchnotes.ui.widgets.name_completion import completion_at

ENG = RosterTeam(1, "England", "ENG")
FRA = RosterTeam(2, "France", "FRA")
ROSTER = Roster(
    ENG,
    FRA,
    (
        RosterPerson(1, "Harry Kane", 1, 9),
        RosterPerson(2, "Harry Maguire", 1, 6),
        RosterPerson(3, "Mason Mount", 1, 19),
        RosterPerson(4, "Gareth Southgate", 1, role=LineupRole.MANAGER),
        RosterPerson(5, "Olivier Giroud", 2, 9),
        RosterPerson(6, "Theo Hernández", 2, 22),
        RosterPerson(7, "Lucas Hernández", 2, 21),
        RosterPerson(8, "Randal Kolo Muani", 2, 12),
        RosterPerson(9, "N'Golo Kanté", 2, 13),
        RosterPerson(10, "Steve Mandanda", 2, 16),
    ),
)


def offered(line, cursor=None):
    completion = completion_at(line, len(line) if cursor is None else cursor, ROSTER)
    return [c.text for c in completion.candidates] if completion and completion.offer else []


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("84 pen miss ka", ["Kane", "Kanté"]),
        ("84 pen miss KANT", ["Kanté"]),  # accents and case do not matter
        ("yc ngo", ["N'Golo Kanté"]),  # nor apostrophes
        ("yc hern", ["Lucas Hernández", "Theo Hernández"]),  # the first name tells them apart
        ("yc hernandez", ["Lucas Hernández", "Theo Hernández"]),  # whole, yet two people
        ("sub kolo m", ["Kolo Muani"]),  # several words
        ("90 yc ENG ma", ["Maguire", "Mason Mount"]),  # the team narrows it: no Mandanda
        ("90 yc ma", ["Maguire", "Mandanda", "Mason Mount"]),
        ("78 goal Giroud (Har", ["Harry Kane", "Harry Maguire"]),
        ("79 sub Mount>gi", ["Giroud"]),
        ('"We believed" - South', ["Southgate"]),  # managers speak
        ("q Sou", ["Southgate"]),
    ],
)
def test_names_offered(line, names):
    assert offered(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "8",  # a minute
        "84 p",  # a kind
        "84 pen",
        "84 go",  # the kind "goal", not Giroud's first name
        "84 own go",  # still the kind "own goal"
        "84 goal Giroud",  # whole: nothing left to help with
        "84 goal giroud ",  # the word is finished
        "84 goal #9",
        "84 goal ENG#9",
        '84 goal ENG "Har',  # inside quotes: a new person's name
        '"Harry was',  # a quote's words
        "q Southgate: Harry",  # after the speaker, the quote's words
        "84 goal H",  # one letter
    ],
)
def test_nothing_offered(line):
    assert offered(line) == []


def test_a_name_replaces_the_typed_words_and_the_rest_of_the_word_under_the_cursor():
    completion = completion_at("17 goal girxx low", len("17 goal gi"), ROSTER)
    assert completion is not None and completion.line[completion.start : completion.end] == "gi"
    assert completion.apply(completion.candidates[0]) == ("17 goal Giroud low", 15)


def test_candidates_show_who_they_are():
    completion = completion_at("yc so", 5, ROSTER)
    assert completion is not None
    assert [c.label for c in completion.candidates] == ["Gareth Southgate · ENG manager"]
    completion = completion_at("yc kan", 6, ROSTER)
    assert completion is not None
    assert [c.label for c in completion.candidates] == [
        "Harry Kane · ENG #9",
        "N'Golo Kanté · FRA #13",
    ]
