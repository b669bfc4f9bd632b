"""openfootball football.json: the 2022 World Cup, goals in minute order, re-imports."""

import datetime as dt

import pytest

from matchnotes.enums import Decision, MatchStatus, MomentKind, Period
from matchnotes.io.detect import parse_bytes
from tests.io import WORLDCUP_JSON, importer


@pytest.fixture
def imported(database, services):
    summary = importer(database).import_file(WORLDCUP_JSON)
    return summary, {(m.home, m.away): m for m in services.matches.list_matches()}


def test_the_world_cup_imports_64_matches_and_172_goals(imported, services):
    summary, matches = imported
    assert (summary.added, summary.updated, summary.skipped) == (64, 0, [])
    assert summary.tallies["moments"].added == 172
    assert summary.tallies["teams"].added == 32
    assert summary.tallies["venues"].added == 8
    assert len(matches) == 64
    goals = sum(m.score.home + m.score.away for m in matches.values())
    assert goals == 172
    assert all(m.status is MatchStatus.FINISHED for m in matches.values())
    qatar = matches["Qatar", "Ecuador"]
    assert (qatar.competition, qatar.season, qatar.stage) == (
        "World Cup", "2022", "Group A, Matchday 1",
    )  # fmt: skip
    assert (qatar.date, qatar.kickoff_time, qatar.venue) == (
        dt.date(2022, 11, 20), dt.time(19), "Al Bayt Stadium",
    )  # fmt: skip


def test_the_final_has_its_goals_in_minute_order_and_the_shootout(imported, services):
    _, matches = imported
    final = services.matches.get_match(matches["Argentina", "France"].id)
    assert str(final.summary.score) == "3–3"
    assert final.decided_by is Decision.PENALTIES
    assert str(final.penalties) == "4–2"
    assert str(final.half_time) == "2–0"
    assert not final.score_is_override
    assert final.venue_city == "Lusail"
    assert [(m.minute_text, m.player, str(m.score_after)) for m in final.moments] == [
        ("23'", "Lionel Messi", "1–0"),
        ("36'", "Ángel Di María", "2–0"),
        ("80'", "Kylian Mbappé", "2–1"),
        ("81'", "Kylian Mbappé", "2–2"),
        ("108'", "Lionel Messi", "3–2"),
        ("118'", "Kylian Mbappé", "3–3"),
    ]
    assert final.moments[0].kind is MomentKind.PENALTY_GOAL
    assert final.moments[4].minute.period is Period.EXTRA_SECOND


def test_england_france_has_kanes_penalty_at_54(imported, services):
    _, matches = imported
    match = services.matches.get_match(matches["England", "France"].id)
    assert str(match.summary.score) == "1–2"
    kane = next(m for m in match.moments if m.player == "Harry Kane")
    assert (kane.minute_text, kane.kind, kane.team) == ("54'", MomentKind.PENALTY_GOAL, "England")


def test_stoppage_time_and_own_goals(imported, services):
    _, matches = imported
    wales = services.matches.get_match(matches["Wales", "Iran"].id)
    assert [m.minute_text for m in wales.moments] == ["90+8'", "90+11'"]
    # Listed under Australia, counted for Australia, scored by an Argentinian.
    arg = services.matches.get_match(matches["Argentina", "Australia"].id)
    own = next(m for m in arg.moments if m.kind is MomentKind.OWN_GOAL)
    assert (own.player, own.team, str(own.score_after)) == ("Enzo Fernández", "Argentina", "2–1")
    assert str(arg.summary.score) == "2–1"


def test_a_one_word_scorer_takes_the_full_name_of_his_teammate(imported, services):
    _, matches = imported
    poland = services.matches.get_match(matches["France", "Poland"].id)
    assert {m.player for m in poland.moments} >= {"Kylian Mbappé"}
    assert services.people.find("Mbappé")[0].name == "Kylian Mbappé"
    assert len(services.people.find("Mbappé")) == 1


def test_reimport_creates_no_duplicates(imported, database, services):
    again = importer(database).import_file(WORLDCUP_JSON)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 64)
    assert again.tallies["moments"].added == 0
    assert "people" not in again.to_dict()["details"]
    assert len(services.matches.list_matches()) == 64


def test_reimport_updates_what_changed(imported, database, services, tmp_path):
    text = WORLDCUP_JSON.read_text(encoding="utf-8")
    changed = text.replace('"name": "Wout Werghost"', '"name": "Wout Weghorst"').replace(
        '"ground": "Stadium 974, Doha"', '"ground": "Stadium 974, Ras Abu Aboud"'
    )
    path = tmp_path / "worldcup.json"
    path.write_text(changed, encoding="utf-8")
    summary = importer(database).import_file(path)
    assert summary.added == 0 and summary.updated > 1
    assert summary.tallies["moments"].updated == 2  # his two goals
    assert summary.tallies["people"].added == 1 and summary.tallies["venues"].added == 1
    _, matches = imported
    ned = services.matches.get_match(matches["Netherlands", "Argentina"].id)
    assert "Wout Weghorst" in {m.player for m in ned.moments}


def test_goals_that_do_not_add_up_keep_the_score_as_an_override(database, services):
    data = b"""{"name": "Test Cup 2024", "matches": [
      {"date": "2024-06-01", "team1": "A", "team2": "B", "score": {"ft": [2, 1]},
       "goals1": [{"name": "X", "minute": 10}], "goals2": []},
      {"date": "2024-06-02", "team1": "C", "team2": "D", "score": {"ft": [1, 0]}},
      {"date": "2024-06-03", "team1": "A", "team2": "C", "score": {"ft": [0, 0]}},
      {"date": "2024-07-01", "team1": "B", "team2": "D", "time": "20:45 UTC+2"}
    ]}"""
    importer(database).import_bytes(data, "test.json")
    by_teams = {(m.home, m.away): m for m in services.matches.list_matches()}
    ab = services.matches.get_match(by_teams["A", "B"].id)
    assert ab.score_is_override and str(ab.summary.score) == "2–1"
    assert services.matches.get_match(by_teams["C", "D"].id).score_is_override
    assert not services.matches.get_match(by_teams["A", "C"].id).score_is_override
    fixture = by_teams["B", "D"]
    assert fixture.status is MatchStatus.SCHEDULED and fixture.kickoff_time == dt.time(20, 45)


def test_the_parser_sorts_goals_and_needs_no_database():
    parsed = parse_bytes(WORLDCUP_JSON.read_bytes(), "worldcup-2022.json")
    assert parsed.format == "openfootball-json"
    for record in parsed.matches:
        keys = [g.minute.sort_key for g in record.goals or []]
        assert keys == sorted(keys)


def test_the_json_on_the_demo_match_keeps_its_moments_and_quotes(database, services, demo_match_id):
    before = services.matches.get_match(demo_match_id)
    summary = importer(database).import_file(WORLDCUP_JSON)
    # The user's "FIFA World Cup / Quarter-final" is kept; the file's spelling is an alias.
    assert (summary.added, summary.updated, summary.unchanged) == (63, 0, 1)
    after = services.matches.get_match(demo_match_id)
    assert [(m.id, m.player) for m in after.moments] == [(m.id, m.player) for m in before.moments]
    assert after.quotes == before.quotes and after.lineups == before.lineups
    assert (after.summary.competition, after.summary.stage) == ("FIFA World Cup", "Quarter-final")
    assert len(services.matches.list_matches()) == 64
