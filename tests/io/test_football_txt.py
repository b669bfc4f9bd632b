"""Football.TXT match reports: line-ups, bookings, substitutions, referees, shoot-outs,
merged into the matches of football.json."""

import datetime as dt

import pytest

from matchnotes.enums import Decision, LineupRole, MomentKind, Period
from matchnotes.io.detect import parse_bytes
from tests.io import WORLDCUP_JSON, WORLDCUP_TXT, importer


def _by_teams(services):
    return {(m.home, m.away): m.id for m in services.matches.list_matches()}


@pytest.fixture
def merged(database, services):
    importer(database).import_file(WORLDCUP_JSON)
    summary = importer(database).import_file(WORLDCUP_TXT)
    return summary, _by_teams(services)


def test_the_txt_on_top_of_the_json_adds_line_ups_and_bookings(merged, services):
    summary, matches = merged
    assert (summary.added, summary.updated, summary.skipped) == (0, 64, [])
    assert len(matches) == 64
    match = services.matches.get_match(matches["England", "France"])
    england = match.lineup_of(match.summary.home_id)
    france = match.lineup_of(match.summary.away_id)
    assert [e.role for e in england].count(LineupRole.STARTER) == 11
    assert [e.role for e in france].count(LineupRole.STARTER) == 11
    assert {e.name for e in england if e.role is LineupRole.SUBSTITUTE} == {
        "Jack Grealish", "Mason Mount", "Raheem Sterling", "Marcus Rashford",
    }  # fmt: skip
    assert [e.name for e in england if e.captain] == ["Harry Kane"]
    assert [e.name for e in france if e.captain] == ["Hugo Lloris"]
    assert england[0].position == "GK"
    booking = next(
        m for m in match.moments if m.kind is MomentKind.YELLOW and m.minute_text == "82'"
    )
    # The JSON's better-accented spelling is kept, and it is the same person as the scorer.
    assert (booking.player, booking.team) == ("Théo Hernandez", "France")
    assert {e.name for e in france} >= {"Aurelién Tchouaméni", "Théo Hernandez"}
    assert (match.referee, match.attendance) == ("Wilton Sampaio", 68895)
    assert str(match.summary.score) == "1–2" and not match.score_is_override
    sub = next(m for m in match.moments if m.player == "Jack Grealish")
    assert (sub.kind, sub.minute_text, sub.related_player) == (
        MomentKind.SUBSTITUTION, "90+8'", "John Stones",
    )  # fmt: skip
    # The JSON's stage, venue and kick-off stay; the TXT only fills blanks.
    assert match.summary.stage == "Quarter-finals" and match.summary.venue == "Al Bayt Stadium"


def test_the_goals_are_not_doubled_and_people_are_merged(merged, services):
    assert merged[0].skipped == []
    totals = [m.score for m in services.matches.list_matches()]
    assert sum(s.home + s.away for s in totals) == 172
    scorers = services.people.find("theo HERNANDEZ")
    assert [p.name for p in scorers] == ["Théo Hernandez"]
    assert len(services.people.find("Danilo")) == 2  # Brazil's and Portugal's


def test_the_final_gets_its_shootout_kick_by_kick(merged, services):
    _, matches = merged
    final = services.matches.get_match(matches["Argentina", "France"])
    kicks = [m for m in final.moments if m.minute.period is Period.SHOOTOUT]
    assert [(k.player, k.kind is MomentKind.PENALTY_GOAL, k.team) for k in kicks] == [
        ("Kylian Mbappé", True, "France"),
        ("Lionel Messi", True, "Argentina"),
        ("Kingsley Coman", False, "France"),
        ("Paulo Dybala", True, "Argentina"),
        ("Aurelién Tchouaméni", False, "France"),
        ("Leandro Paredes", True, "Argentina"),
        ("Randal Kolo Muani", True, "France"),
        ("Gonzalo Montiel", True, "Argentina"),
    ]
    assert str(final.penalties) == "4–2" and str(final.summary.score) == "3–3"
    late = [
        m for m in final.moments if m.player == "Emiliano Martinez" and m.kind is MomentKind.YELLOW
    ]
    assert late[0].minute_text == "120+5'"  # written 125' in the file


def test_reimporting_the_txt_changes_nothing(merged, database):
    again = importer(database).import_file(WORLDCUP_TXT)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 64)
    assert not again.tallies.get("moments") and not again.tallies.get("lineup entries")


def test_the_txt_alone_creates_the_matches(database, services):
    summary = importer(database).import_file(WORLDCUP_TXT)
    assert summary.added == 64
    matches = _by_teams(services)
    final = services.matches.get_match(matches["Argentina", "France"])
    s = final.summary
    assert (s.competition, s.season, s.stage, s.venue) == (
        "World Cup",
        "2022",
        "Final",
        "Lusail Stadium",
    )
    assert (s.date, s.kickoff_time, final.venue_city) == (
        dt.date(2022, 12, 18),
        dt.time(18),
        "Al Daayen",
    )
    assert final.decided_by is Decision.PENALTIES and str(final.summary.score) == "3–3"
    assert [m.minute_text for m in final.moments if m.kind.value.endswith("goal")][:6] == [
        "23'", "36'", "80'", "81'", "108'", "118'",
    ]  # fmt: skip
    qatar = services.matches.get_summary(matches["Qatar", "Ecuador"])
    assert qatar.stage == "Group A" and str(qatar.score) == "0–2"


def test_the_txt_on_the_demo_match_adds_nothing_twice(database, services, demo_match_id):
    before = services.matches.get_match(demo_match_id)
    importer(database).import_file(WORLDCUP_TXT)
    after = services.matches.get_match(demo_match_id)
    assert len(after.lineups) == len(before.lineups)
    assert len(after.moments) == len(before.moments)
    assert after.summary.competition == "FIFA World Cup"


# --- the parser on its own --------------------------------------------------------------

SMALL = """= Test League 2023/24
# Dates   Sat Dec 30 2023 - Mon Jan 1 2024

▪ Matchday 20
Sat Dec 30 15:00 @ Home Park, Townsville, Att: 1200
  Home FC v Away FC  1-1 a.e.t., 2-1 pen.
     (Al PHA 44'; Be TA 119'(og))

Penalties: Zed ONE (missed), 0-1 Al PHA, 1-1 Be TA,
               Al PHAS (saved), 2-1 Cee Dee

Home FC: Keeper ONE - Be TA [c] [Y 10'] [Y/R 95'] (96' Cee Dee), Zed ONE
Away FC: Keeper TWO [R 130'] - Al PHA, Al PHAS

Mon Jan 1 12:00
  Away FC v Home FC
"""


def test_the_parser_reads_kicks_cards_and_years():
    parsed = parse_bytes(SMALL.encode(), "small.txt")
    first, second = parsed.matches
    assert (first.competition, first.season, first.stage) == (
        "Test League",
        "2023/24",
        "Matchday 20",
    )
    assert (first.date, second.date) == (dt.date(2023, 12, 30), dt.date(2024, 1, 1))
    assert (first.venue, first.venue_city, first.attendance) == ("Home Park", "Townsville", 1200)
    assert first.penalties == (2, 1) and first.decided_by is Decision.PENALTIES
    goals = [(g.name, g.side, g.kind, str(g.minute)) for g in first.goals or []]
    assert goals == [
        ("Al Pha", "home", MomentKind.GOAL, "44'"),
        ("Be Ta", "away", MomentKind.OWN_GOAL, "119'"),
    ]
    kicks = [(k.name, k.side, k.kind) for k in first.kicks]
    assert kicks == [
        ("Zed One", "home", MomentKind.PENALTY_MISSED),
        ("Al Pha", "away", MomentKind.PENALTY_GOAL),
        ("Be Ta", "home", MomentKind.PENALTY_GOAL),
        ("Al Phas", "away", MomentKind.PENALTY_SAVED),
        ("Cee Dee", "home", MomentKind.PENALTY_GOAL),
    ]
    cards = [
        (e.player, e.kind, str(e.minute))
        for e in first.events
        if e.kind is not MomentKind.SUBSTITUTION
    ]
    assert cards == [
        ("Be Ta", MomentKind.YELLOW, "10'"),
        ("Be Ta", MomentKind.SECOND_YELLOW, "95'"),
        ("Keeper Two", MomentKind.RED, "120+10'"),
    ]
    assert second.score is None and second.goals is None and second.status.value == "scheduled"


def test_softened_capitals():
    parsed = parse_bytes(WORLDCUP_TXT.read_bytes(), "wc.txt")
    names = {e.name for m in parsed.matches for e in m.lineups}
    assert {"Weston McKennie", "Jamie MacLaren", "Kellyn Perry-Acosta", "Vinicius Jr"} <= names
