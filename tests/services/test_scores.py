"""Derived scores through the services: goals, penalties, own goals, shoot-outs."""

from matchnotes.enums import Decision, MomentKind, Period
from matchnotes.minutes import make_minute, parse_minute
from matchnotes.scores import Score
from matchnotes.services.inputs import MomentInput


def _log(services, match_id, minute, kind, player, period=None, **kw):
    m = make_minute(120, 0, Period.SHOOTOUT) if period is Period.SHOOTOUT else parse_minute(minute)
    return services.moments.log(match_id, MomentInput(m, kind, player_id=player, **kw))


def test_running_score_counts_goals_and_penalty_goals_not_misses(services, make_match, make_player):
    match = make_match("England", "France")
    kane = make_player(match, "England", "Harry Kane", 9)
    giroud = make_player(match, "France", "Olivier Giroud", 9)
    _log(services, match, "17", MomentKind.GOAL, giroud)
    _log(services, match, "54", MomentKind.PENALTY_GOAL, kane)
    _log(services, match, "84", MomentKind.PENALTY_MISSED, kane, description="over the bar")
    _log(services, match, "60", MomentKind.PENALTY_SAVED, kane)
    moments = services.moments.moments(match)
    assert [m.minute_text for m in moments] == ["17'", "54'", "60'", "84'"]
    assert [str(m.score_after) for m in moments] == ["0–1", "1–1", "1–1", "1–1"]
    assert services.matches.get_summary(match).score == Score(1, 1)


def test_own_goal_counts_for_the_other_side(services, make_match, make_player):
    match = make_match("Home", "Away")
    defender = make_player(match, "Home", "Unlucky Defender", 4)
    _log(services, match, "30", MomentKind.OWN_GOAL, defender)
    moment = services.moments.moments(match)[0]
    assert moment.team == "Home"  # the player's own team is kept
    assert moment.score_after == Score(0, 1)
    detail = services.matches.get_match(match)
    assert detail.summary.score == Score(0, 1)
    assert detail.half_time == Score(0, 1)


def test_shootout_kicks_do_not_change_the_match_score(services, make_match, make_player):
    match = make_match("Argentina", "France", decided_by=Decision.PENALTIES)
    messi = make_player(match, "Argentina", "Lionel Messi", 10)
    montiel = make_player(match, "Argentina", "Gonzalo Montiel", 4)
    mbappe = make_player(match, "France", "Kylian Mbappé", 10)
    coman = make_player(match, "France", "Kingsley Coman", 20)
    _log(services, match, "23", MomentKind.PENALTY_GOAL, messi)
    _log(services, match, "80", MomentKind.PENALTY_GOAL, mbappe)
    _log(services, match, "", MomentKind.PENALTY_GOAL, mbappe, period=Period.SHOOTOUT)
    _log(services, match, "", MomentKind.PENALTY_GOAL, messi, period=Period.SHOOTOUT)
    _log(services, match, "", MomentKind.PENALTY_SAVED, coman, period=Period.SHOOTOUT)
    _log(services, match, "", MomentKind.PENALTY_GOAL, montiel, period=Period.SHOOTOUT)
    detail = services.matches.get_match(match)
    assert detail.summary.score == Score(1, 1)
    assert detail.penalties == Score(2, 1)
    assert [m.minute_text for m in detail.moments][-4:] == ["pens"] * 4
    assert all(m.score_after == Score(1, 1) for m in detail.moments[1:])


def test_manual_override_for_a_match_logged_without_moments(services, make_match):
    match = make_match("Leeds", "Chelsea", score_override=(3, 2))
    assert services.matches.get_summary(match).score == Score(3, 2)
    assert services.matches.get_match(match).score_is_override


def test_stoppage_time_goal_sorts_before_second_half(services, make_match, make_player):
    match = make_match()
    a = make_player(match, "Home FC", "A Striker", 9)
    _log(services, match, "46", MomentKind.GOAL, a)
    _log(services, match, "45+2", MomentKind.GOAL, a)
    _log(services, match, "45", MomentKind.GOAL, a)
    assert [m.minute_text for m in services.moments.moments(match)] == ["45'", "45+2'", "46'"]
    assert services.matches.get_match(match).half_time == Score(2, 0)
