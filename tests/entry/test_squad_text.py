"""The line-up editor's text: typed, pasted and openfootball squads lines; every problem
with its line number and what to do; never an exception but the module's own."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matchnotes.entry.squad_files import squad_file_sections, squad_section_text
from matchnotes.entry.squad_text import (
    SquadLine,
    SquadTextError,
    format_squad,
    parse_squad_text,
    read_squad_text,
)
from matchnotes.enums import LineupRole

STARTER, SUB, MANAGER = LineupRole.STARTER, LineupRole.SUBSTITUTE, LineupRole.MANAGER
SQUADS = Path(__file__).parent / "data" / "worldcup-2022-squads-excerpt.txt"


def _rows(text):
    parsed = parse_squad_text(text)
    assert parsed.problems == ()
    return [(s.shirt_number, s.name, s.role, s.position, s.captain) for s in parsed.lines]


def _problems(text):
    return [(p.line, p.message) for p in parse_squad_text(text).problems]


def test_the_brief_example():
    text = """1 Hugo Lloris (c) GK
5 Jules Koundé
Substitutes:
16 Steve Mandanda GK
Manager: Didier Deschamps"""
    assert _rows(text) == [
        (1, "Hugo Lloris", STARTER, "GK", True),
        (5, "Jules Koundé", STARTER, None, False),
        (16, "Steve Mandanda", SUB, "GK", False),
        (None, "Didier Deschamps", MANAGER, None, False),
    ]
    assert [s.line for s in parse_squad_text(text).lines] == [1, 2, 4, 5]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("#9 Harry Kane FW", (9, "Harry Kane", STARTER, "FW", False)),
        ("9. Harry Kane (C)", (9, "Harry Kane", STARTER, None, True)),
        ("9) Harry Kane [c] fw", (9, "Harry Kane", STARTER, "FW", True)),
        ("9 - Harry Kane - FW", (9, "Harry Kane", STARTER, "FW", False)),
        ("9\tHarry Kane\tFW", (9, "Harry Kane", STARTER, "FW", False)),
        ("GK 1 Hugo Lloris", (1, "Hugo Lloris", STARTER, "GK", False)),
        ("1 GK Hugo Lloris", (1, "Hugo Lloris", STARTER, "GK", False)),
        ("Harry Kane", (None, "Harry Kane", STARTER, None, False)),
        ("9, Harry KANE, FW, b. 1993/07/28", (9, "Harry Kane", STARTER, "FW", False)),
        ("9, Harry Kane, FW", (9, "Harry Kane", STARTER, "FW", False)),
        ("5, Jules Koundé", (5, "Jules Koundé", STARTER, None, False)),
        ("5 Jules Koundé, DF", (5, "Jules Koundé", STARTER, "DF", False)),
        ("-, Didier Deschamps (FRA), MG, b. 1968/10/15",
         (None, "Didier Deschamps", MANAGER, None, False)),
        ("Didier Deschamps (coach)", (None, "Didier Deschamps", MANAGER, None, False)),
        ("0 Kylian Mbappé (ID 12) FWD", (0, "Kylian Mbappé", STARTER, "FW", False)),
    ],
)  # fmt: skip
def test_one_line_many_spellings(line, expected):
    assert _rows(line) == [expected]


def test_headings_set_role_and_position_and_may_carry_names():
    text = """Starting XI
Goalkeepers:
1 Jordan Pickford
Defenders: 2 Kyle Walker, 5 John Stones
Subs: Nick Pope GK; Ben White
Forwards:
24 Callum Wilson
Coach: Gareth Southgate
11 Marcus Rashford"""
    assert _rows(text) == [
        (1, "Jordan Pickford", STARTER, "GK", False),
        (2, "Kyle Walker", STARTER, "DF", False),
        (5, "John Stones", STARTER, "DF", False),
        (None, "Nick Pope", SUB, "GK", False),
        (None, "Ben White", SUB, None, False),
        (24, "Callum Wilson", SUB, "FW", False),
        (None, "Gareth Southgate", MANAGER, None, False),
        (11, "Marcus Rashford", SUB, "FW", False),  # "Coach: X" is one line, not a section
    ]


def test_manager_heading_alone_makes_a_section():
    assert _rows("Manager\nGareth Southgate") == [(None, "Gareth Southgate", MANAGER, None, False)]


def test_comments_blank_lines_and_a_pasted_squads_section():
    text = "# from the team sheet\n\n// nothing\n== France   # 26 Players\n\n1, Hugo LLORIS, GK\n"
    parsed = parse_squad_text(text)
    assert parsed.team == "France"
    assert [(s.line, s.name) for s in parsed.lines] == [(6, "Hugo Lloris")]


def test_every_problem_has_its_line_and_what_to_do():
    text = """1 Hugo Lloris (c) GK
123 Jules Koundé
GK
Formation: 4-2-3-1
5 Raphaël Varane (vc)
1 Alphonse Areola
hugo LLORIS
10 Kylian Mbappé (c)
9, Olivier GIROUD, FW, b. 1986/13/30
== England"""
    problems = _problems("== France\n" + text)
    assert [line for line, _ in problems] == [3, 4, 5, 6, 7, 8, 9, 10, 11]
    messages = dict(problems)
    assert messages[3] == "shirt number 123 is not from 0 to 99; correct it or leave it out."
    assert "“GK” has no name; write the player's name" in messages[4]
    assert "“Formation:” is not a heading; use “Substitutes:”" in messages[5]
    assert "“(vc)” is not something a line-up can say; write (c)" in messages[6]
    assert messages[7] == "#1 is worn by Hugo Lloris (line 2); change one of the numbers."
    assert messages[8] == "hugo LLORIS is already on line 2; remove one of the two."
    assert messages[9] == "Hugo Lloris (line 2) is already captain; keep one (c)."
    assert "“1986/13/30” is not a date of birth" in messages[10]
    assert "a second team (“England”) starts here" in messages[11]
    with pytest.raises(SquadTextError) as caught:
        read_squad_text(text)
    assert str(caught.value).splitlines()[0].startswith("Line 2: shirt number 123")


def test_a_twelfth_starter_is_refused_where_it_is():
    text = "\n".join(f"{n} Player {chr(64 + n)}" for n in range(1, 13))
    assert _problems(text) == [
        (12, "this is starter number 12, but a team starts with 11; put “Substitutes:” "
             "above the substitutes."),
    ]  # fmt: skip
    assert _problems("Substitutes:\n" + text) == []


def test_format_round_trips_with_ids_for_shared_names():
    lines = [
        SquadLine(1, "Hugo Lloris", STARTER, 1, "GK", True, 4),
        SquadLine(2, "Danilo", STARTER, 2, None, False, 7),
        SquadLine(4, "Steve Mandanda", SUB, 16, "GK", False, 5),
        SquadLine(5, "Didier Deschamps", MANAGER, None, None, False, 6),
    ]
    text = format_squad(lines, with_ids=frozenset({7}))
    assert text == (
        "1 Hugo Lloris (c) GK\n2 Danilo (id 7)\nSubstitutes:\n16 Steve Mandanda GK\n"
        "Manager: Didier Deschamps\n"
    )
    back = parse_squad_text(text).lines
    assert [(s.name, s.role, s.shirt_number, s.position, s.captain) for s in back] == [
        (s.name, s.role, s.shirt_number, s.position, s.captain) for s in lines
    ]
    assert back[1].person_id == 7 and back[0].person_id is None


def test_squads_file_sections_become_editor_text():
    sections = squad_file_sections(SQUADS.read_text(encoding="utf-8"), SQUADS.name)
    assert [(s.team, len(s.lines)) for s in sections] == [("France", 27), ("England", 27)]
    text = squad_section_text(sections[1], "squads.txt")
    assert text.splitlines()[:3] == [
        "# England squad from squads.txt: move the starting XI above “Substitutes:”",
        "Substitutes:",
        "1 Jordan Pickford GK",
    ]
    parsed = parse_squad_text(text)
    assert parsed.problems == ()
    assert len(parsed.of_role(SUB)) == 26
    assert [s.name for s in parsed.of_role(MANAGER)] == ["Gareth Southgate"]


PIECES = [
    *["1", "#9", "99", "100", "-", "(c)", "[c]", "(id 3)", "(id", ")", "GK", "fw", "MG", ","],
    *[";", ":", "Substitutes:", "Subs", "Manager:", "Coach", "Defenders:", "== France", "= x"],
    *["#", "# note", "//", "b.", "1993/07/28", "Hugo", "LLORIS", "Koundé", "(FRA)", "\t", "٣"],
    *["(manager)", "(vc)", "x" * 250, "9" * 5000, "\u2028", "\x00", "(", "[", "Ø"],
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=7).map(" ".join), max_size=15))
def test_fuzz_shaped_lines_only_ever_report_problems(lines):
    _check_never_raises("\n".join(lines))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_fuzz_any_text(text):
    _check_never_raises(text)


def _check_never_raises(text):
    parsed = parse_squad_text(text)
    assert all(p.line >= 1 and p.message for p in parsed.problems)
    for s in parsed.lines:
        assert s.name.strip() and (s.shirt_number is None or 0 <= s.shirt_number <= 99)
    try:
        read_squad_text(text)
    except SquadTextError as exc:
        assert exc.problems == parsed.problems
    if not parsed.problems:  # what parses cleanly formats back to the same people
        again = parse_squad_text(format_squad(parsed.lines))
        assert again.problems == ()
        assert sorted(_people(again)) == sorted(_people(parsed))


def _people(parsed):
    return [(s.name, s.role.value, s.shirt_number or -1, s.position or "", s.captain)
            for s in parsed.lines]  # fmt: skip
