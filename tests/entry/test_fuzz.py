"""No line may raise anything but EntryError: arbitrary text, and lines shaped like the grammar."""

from hypothesis import given, settings
from hypothesis import strategies as st

from matchnotes.entry import EntryError, Roster, RosterPerson, RosterTeam, parse_line
from matchnotes.enums import LineupRole, Period
from matchnotes.minutes import Minute, make_minute
from tests.entry import demo_roster

# Line-ups as odd as a database allows: no codes, punctuation-only names, shared names.
ODD = Roster(
    RosterTeam(1, "Bosnia and Herzegovina"),
    RosterTeam(2, "Côte d'Ivoire", "CIV"),
    (
        RosterPerson(1, ".", 1, 9),
        RosterPerson(2, "N'Golo Kanté", 2, 9),
        RosterPerson(3, "N'Golo Kanté", 2, 13),
        RosterPerson(4, "Ø", 1, None, LineupRole.MANAGER),
        RosterPerson(5, "Won", 2, 0),
    ),
)
ROSTERS = st.sampled_from([demo_roster(), ODD, Roster(RosterTeam(1, "A"), RosterTeam(2, "B"))])
CLOCKS = st.one_of(
    st.none(),
    st.sampled_from(
        [
            Minute(Period.FIRST_HALF, 45, 3),
            Minute(Period.SECOND_HALF, 70),
            Minute(Period.EXTRA_FIRST, 100),
            make_minute(120, 0, Period.SHOOTOUT),
        ]
    ),
)
PIECES = [
    *["17", "45+2", "90+8'", "120+3", "47", "0", "999", "45+", "+3", "'", "9999999999"],
    *["goal", "g", "pen", "pen goal", "p", "pen miss", "pm", "pen saved", "ps", "pen won"],
    *["og", "own goal", "yc", "2yc", "rc", "sub", "var", "chance", "save", "inj", "note"],
    *["KO", "HT", "2H", "FT", "ET", "AET", "PSO", "q", "quote", ":", "-", "—", ">", "(", ")"],
    *["Kane", "Tchouameni", "harry", "#9", "#", "#999", "ENG#9", "france", "ENG", "FRA", "#22"],
    *['"A. Newman"', '"', "“", "”", "„", "«", "»", '""', "Won", "CIV", ".", "N'Golo", "Ø"],
    *["assist", "(Griezmann)", "for", "won by", "foul on", "by", "over the bar", "Southgate"],
    *["90'+3", "17min", "17´", "95", "105+1", "45+25", ";", "; 18 goal", "(pen)", "og", "area"],
    *["missed pen", "saved penalty", "o.g.", "m", "min", "+"],
]
GRAMMAR_LINES = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=8).map(
    lambda parts: " ".join(parts)
)
FLAGS = st.tuples(st.booleans(), st.booleans())  # in the shoot-out, gone to extra time
JOINED_LINES = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)


def _parses_or_refuses(line: str, roster: Roster, clock: Minute | None, flags: tuple) -> None:
    shootout, extra_time = flags
    try:
        entry = parse_line(line, roster, clock, shootout=shootout, extra_time=extra_time)
    except EntryError as exc:
        assert str(exc)  # a message for the user, always
    else:
        assert entry.describe()


@settings(max_examples=400, deadline=None)
@given(st.text(), ROSTERS, CLOCKS, FLAGS)
def test_arbitrary_text_parses_or_raises_entry_error(line, roster, clock, flags):
    _parses_or_refuses(line, roster, clock, flags)


@settings(max_examples=600, deadline=None)
@given(st.one_of(GRAMMAR_LINES, JOINED_LINES), ROSTERS, CLOCKS, FLAGS)
def test_grammar_shaped_lines_parse_or_raise_entry_error(line, roster, clock, flags):
    _parses_or_refuses(line, roster, clock, flags)
