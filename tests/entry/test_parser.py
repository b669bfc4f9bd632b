"""The quick-entry grammar, piece by piece, on the demo roster (no database)."""

import pytest

from matchnotes.entry import (
    EntryError,
    MomentEntry,
    PeriodEntry,
    PersonRef,
    QuoteEntry,
    Roster,
    RosterPerson,
    parse_line,
)
from matchnotes.enums import Decision, LineupRole, MatchStatus, MomentKind, Period
from matchnotes.errors import ValidationError
from matchnotes.minutes import Minute, make_minute
from tests.entry import ENGLAND, FRANCE, demo_roster, person_id

K = MomentKind


def parse(line: str, clock: Minute | None = None, **kw: bool):
    return parse_line(line, demo_roster(), clock, **kw)


def moment(line: str, clock: Minute | None = None, **kw: bool) -> MomentEntry:
    entry = parse(line, clock, **kw)
    assert isinstance(entry, MomentEntry)
    return entry


def refused(line: str, match: str, clock: Minute | None = None, **kw: bool) -> EntryError:
    with pytest.raises(EntryError, match=match) as info:
        parse(line, clock, **kw)
    return info.value


def test_entry_error_is_a_validation_error():
    assert issubclass(EntryError, ValidationError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17", Minute(Period.FIRST_HALF, 17)),
        ("17'", Minute(Period.FIRST_HALF, 17)),
        ("45+2", Minute(Period.FIRST_HALF, 45, 2)),
        ("90+8'", Minute(Period.SECOND_HALF, 90, 8)),
        ("90 + 8", Minute(Period.SECOND_HALF, 90, 8)),
        ("105", Minute(Period.EXTRA_FIRST, 105)),
        ("120+3", Minute(Period.EXTRA_SECOND, 120, 3)),
    ],
)
def test_minutes(text, expected):
    # In a match that has gone to extra time every minute reads as written.
    assert moment(f"{text} yc Rice", extra_time=True).minute == expected
    tight = f"{text}'yc Rice" if "'" not in text else f"{text}yc Rice"
    assert moment(tight, extra_time=True).minute == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("44+2 yc Rice", "write 45\\+2"),
        ("121 yc Rice", "would be 90\\+31, more stoppage time than a match has"),
        ("45+61 yc Rice", "too many"),
        ("99999 yc Rice", "not a minute"),
        ("17", "What happened at 17'"),
    ],
)
def test_bad_minutes_are_refused_with_the_spelling_to_use(line, message):
    refused(line, message)


def test_the_clock_gives_the_minute_and_its_period_bounds_typed_ones():
    first_half = Minute(Period.FIRST_HALF, 45, 1)
    assert moment("yc Rice", first_half).minute == first_half
    refused("47 yc Rice", "still in the first half. Type 2H .* write 45\\+2", first_half)
    assert moment("45+2 yc Rice", first_half).minute == Minute(Period.FIRST_HALF, 45, 2)
    # Back-filling an earlier period is fine while the second half runs.
    assert moment("17 yc Rice", Minute(Period.SECOND_HALF, 60)).minute.minute == 17
    refused("yc Rice", "Start with the minute")


@pytest.mark.parametrize(
    ("kind", "aliases"),
    [
        (K.GOAL, ["goal", "g", "GOAL"]),
        (K.PENALTY_GOAL, ["pen", "pen goal", "p", "Penalty"]),
        (K.PENALTY_MISSED, ["pen miss", "pm", "pen missed"]),
        (K.PENALTY_SAVED, ["pen saved", "ps"]),
        (K.OWN_GOAL, ["og", "own goal", "own-goal", "OG"]),
        (K.YELLOW, ["yc", "yellow"]),
        (K.SECOND_YELLOW, ["2yc", "second yellow"]),
        (K.RED, ["rc", "red card"]),
        (K.VAR, ["var"]),
        (K.CHANCE, ["chance"]),
        (K.SAVE, ["save"]),
        (K.INJURY, ["inj", "injury"]),
        (K.NOTE, ["note"]),
        (K.PENALTY_AWARDED, ["pen won by", "pen won", "penalty awarded"]),
    ],
)
def test_every_kind_and_alias(kind, aliases):
    for alias in aliases:
        entry = moment(f"30 {alias} Kane")
        assert (entry.kind, entry.player) == (
            kind,
            PersonRef("Harry Kane", person_id("Harry Kane"), 1),
        )
        assert entry.team == ENGLAND


@pytest.mark.parametrize(
    ("who", "name"),
    [
        ("Tchouameni", "Aurélien Tchouaméni"),
        ("TCHOUAMÉNI", "Aurélien Tchouaméni"),
        ("aurelien tchouameni", "Aurélien Tchouaméni"),
        ("tchou", "Aurélien Tchouaméni"),
        ("Kolo Muani", "Randal Kolo Muani"),
        ("Muani", "Randal Kolo Muani"),
        ("Randal", "Randal Kolo Muani"),
        ("harry k", "Harry Kane"),
        ("ENG#9", "Harry Kane"),
        ("eng #9", "Harry Kane"),
        ("france #9", "Olivier Giroud"),
        ("FRA#9", "Olivier Giroud"),
        ("England Kane", "Harry Kane"),
        ("#22", None),  # two #22s: checked below
    ],
)
def test_players_by_surname_full_name_prefix_and_number(who, name):
    if name is None:
        refused(f"30 yc {who}", "#22 could be Jude Bellingham .* or Theo Hernández")
        return
    entry = moment(f"30 yc {who} late")
    assert entry.player is not None and entry.player.name == name
    assert entry.description == "late"


def test_number_alone_is_ambiguous_and_lists_both_number_nines():
    error = refused(
        "30 goal #9", "#9 could be Harry Kane .* or Olivier Giroud .*: write ENG#9 or FRA#9"
    )
    assert error.candidates == ("Harry Kane (England, #9)", "Olivier Giroud (France, #9)")
    refused("#9", "#9 could be Harry Kane")
    unknown = refused("30 yc Tchouamani", "Did you mean")
    assert unknown.candidates == ("Aurélien Tchouaméni (France, #8)",)
    refused("ENG#9", "What did Harry Kane do\\? Start with the kind: “17 goal ENG#9”")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("30 goal Harry", "“Harry” could be Harry Maguire .* or Harry Kane"),
        ("30 goal Tchouamani", "Nobody in the line-ups is called “Tchouamani”. Did you mean Aur"),
        ("30 goal ENG Giroud", "Nobody in England's line-up is called “Giroud”"),
        ("30 goal ENG#27", "Nobody wears #27 in England's line-up"),
        ("30 goal #123", "not a shirt number"),
        ("30 goal", "A goal needs a player"),
        ("30 sub Mount", "sub A for B"),
        ("30 sub Mount for", "Who goes off"),
        (
            "30 sub Mount for Rabiot",
            "Adrien Rabiot \\(France\\) must be a team-mate of Mason Mount",
        ),
        ("30 goal Kane assist Griezmann", "must be a team-mate"),
        ("30 yc Rice foul on Kane", "must be a player of the other team"),
        ("30 goal Kane (Kane)", "cannot be both"),
        ('30 goal "A. Newman"', 'Which team does A. Newman play for\\? .*ENG "A. Newman"'),
        ('30 goal ENG "A. Newman', "Close the quotes"),
        ("30 xyz Kane", "“xyz” is not a kind of moment"),
    ],
)
def test_refusals_name_the_problem(line, message):
    refused(line, message)


def test_links_assist_for_won_by_and_foul_on():
    goal = moment("17 goal Tchouameni assist Griezmann low drive from 25 yards")
    assert goal.related and goal.related.name == "Antoine Griezmann"
    assert goal.description == "low drive from 25 yards"
    goal = moment("78 goal Giroud (Griezmann) header")
    assert (goal.related and goal.related.name, goal.description) == ("Antoine Griezmann", "header")
    assert moment("78 goal Giroud (deflected)").description == "(deflected)"
    sub = moment("79 sub Mount for Henderson")
    assert (sub.player and sub.player.name, sub.related and sub.related.name) == (
        "Mason Mount",
        "Jordan Henderson",
    )
    assert moment("79 sub Sterling>Saka").related == PersonRef(
        "Bukayo Saka", person_id("Bukayo Saka"), 1
    )
    pen = moment("84 pen miss Kane won by Mount over the bar")
    assert (pen.related and pen.related.name, pen.description) == ("Mason Mount", "over the bar")
    card = moment("82 yc Hernandez foul on Mount brings down Mount in the box")
    assert card.related and card.related.name == "Mason Mount"
    assert card.description == "brings down Mount in the box"


def test_optional_people_need_an_exact_name_so_free_text_stays_text():
    assert moment("30 note the crowd is loud").player is None  # not Theo Hernández
    assert moment("30 note the crowd is loud").description == "the crowd is loud"
    chance = moment("30 chance Mbappe header wide")
    assert chance.player and chance.player.name == "Kylian Mbappé"
    assert chance.team == FRANCE
    assert moment('30 var "offside" check').description == '"offside" check'
    assert moment("82 pen won").player is None
    assert moment("30 note France the better side").player is None  # "the" is no prefix here
    assert moment("30 chance ENG Kane wide").player == PersonRef(
        "Harry Kane", person_id("Harry Kane"), 1
    )


def test_own_goal_keeps_the_players_team_and_counts_for_the_other():
    entry = moment("30 og Varane")
    assert (entry.team, entry.scores_for) == (FRANCE, ENGLAND)
    assert entry.describe() == "30' · Own goal · France · Raphaël Varane, counts for England"


def test_quoted_unknown_names_are_new_people():
    entry = moment('30 goal ENG "A. Newman" tap-in')
    assert entry.player == PersonRef("A. Newman", None, ENGLAND.id)
    assert entry.player.is_new and entry.team == ENGLAND and entry.description == "tap-in"
    assert "A. Newman (new)" in entry.describe()
    sub = moment('30 sub "A. Newman" for Kane')  # the team follows from the player going off
    assert sub.player == PersonRef("A. Newman", None, ENGLAND.id)
    assert moment('30 goal "Harry Kane"').player == PersonRef(
        "Harry Kane", person_id("Harry Kane"), 1
    )


def test_managers_only_when_no_player_matches():
    assert moment("30 yc Southgate").player == PersonRef(
        "Gareth Southgate", person_id("Gareth Southgate"), 1
    )
    manager = RosterPerson(1, "Gareth Southgate", 1, None, LineupRole.MANAGER)
    roster = Roster(ENGLAND, FRANCE, (manager, RosterPerson(2, "Gareth Barry", 1, 4)))
    entry = parse_line("30 yc Gareth", roster)
    assert isinstance(entry, MomentEntry) and entry.player and entry.player.name == "Gareth Barry"


@pytest.mark.parametrize(
    ("line", "marker", "period", "status"),
    [
        ("KO", "KO", Period.FIRST_HALF, MatchStatus.LIVE),
        ("ht", "HT", Period.FIRST_HALF, MatchStatus.LIVE),
        ("2H", "2H", Period.SECOND_HALF, MatchStatus.LIVE),
        ("FT", "FT", None, MatchStatus.FINISHED),
        ("full-time", "FT", None, MatchStatus.FINISHED),
        ("ET", "ET", Period.EXTRA_FIRST, MatchStatus.LIVE),
        ("AET", "AET", Period.EXTRA_SECOND, MatchStatus.FINISHED),
        ("PSO", "PSO", Period.SHOOTOUT, MatchStatus.LIVE),
    ],
)
def test_period_markers(line, marker, period, status):
    entry = parse(line)
    assert isinstance(entry, PeriodEntry)
    assert (entry.marker, entry.period, entry.status) == (marker, period, status)


def test_period_marker_with_a_minute_and_decisions():
    entry = parse("45+3 HT")
    assert isinstance(entry, PeriodEntry) and entry.describe() == "45+3' · Half-time"
    assert parse("FT").describe() == "Full time"
    assert [parse(m).decided_by for m in ("ET", "PSO")] == [Decision.EXTRA_TIME, Decision.PENALTIES]


def test_shootout_kicks_do_not_count_and_other_kinds_need_a_minute():
    pens = make_minute(120, 0, Period.SHOOTOUT)
    for kw in ({"shootout": True}, {}):
        clock = None if kw else pens
        kick = moment("pen goal Kane", clock, **kw)
        assert (kick.kind, kick.minute.period, kick.scores_for) == (
            K.PENALTY_GOAL,
            Period.SHOOTOUT,
            None,
        )
        assert kick.describe() == "pens · Shoot-out kick scored · England · Harry Kane"
        assert moment("pen miss Mbappe", clock, **kw).kind is K.PENALTY_MISSED
        assert moment("g Kane", clock, **kw).kind is K.PENALTY_GOAL
        refused("yc Kane", "only kicks are logged", clock, **kw)
    # A typed minute is a moment of open play, logged late.
    late = moment("118 pen Kane", shootout=True)
    assert (late.minute.period, late.scores_for) == (Period.EXTRA_SECOND, ENGLAND)


@pytest.mark.parametrize(
    ("line", "speaker", "text"),
    [
        (
            '"He\'s been incredible for us" - Southgate',
            "Gareth Southgate",
            "He's been incredible for us",
        ),
        ("“We had belief” — Kane", "Harry Kane", "We had belief"),
        ("q Southgate: Without Harry's goals...", "Gareth Southgate", "Without Harry's goals..."),
        ('quote ENG#9: "It was the execution"', "Harry Kane", "It was the execution"),
        ("q Kane: a: b", "Harry Kane", "a: b"),
    ],
)
def test_quotes(line, speaker, text):
    entry = parse(line)
    assert isinstance(entry, QuoteEntry)
    assert (entry.speaker.name, entry.text, entry.speaker.is_new) == (speaker, text, False)


def test_quote_by_a_new_speaker_typed_in_quotes():
    entry = parse('"A special night" - "Wayne Rooney"')
    assert isinstance(entry, QuoteEntry) and entry.speaker == PersonRef("Wayne Rooney")
    assert entry.describe() == "Quote · Wayne Rooney (new): “A special night”"
    refused('"A special night" - Wayne Rooney', 'Nobody .* put their name in quotes: - "Wayne')
    refused('"Great" - Harry', "could be Harry Maguire")
    refused('"Great game"', "Who said it")
    refused("q Southgate", "Put a colon")
    refused("q Southgate:   ", "no words")


def test_describe_reads_like_the_design():
    assert (
        moment("84 pen miss Kane over the bar").describe()
        == "84' · Penalty missed · England · Harry Kane — over the bar"
    )
    assert (
        moment("17 goal Tchouameni (Griezmann)").describe()
        == "17' · Goal · France · Aurélien Tchouaméni (assist Antoine Griezmann)"
    )
    assert moment("30 var goal checked").describe() == "30' · VAR decision — goal checked"


def test_long_text_is_refused():
    refused("30 note " + "x" * 2001, "at most 2,000")
    refused("x" * 13_000, "too long")
    refused("   ", "Type a moment")
