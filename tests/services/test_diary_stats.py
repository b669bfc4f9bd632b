"""The diary in figures: only matches marked attended or watched count; grounds with
first visits, countries, a team's record when attending, streaks, on this day."""

import datetime as dt

from matchnotes.enums import Attendance, MatchStatus
from matchnotes.services.inputs import MatchInput


def _seen(services, home, away, date, score, seen=Attendance.ATTENDED, venue=None, city=None):
    match_id = services.matches.create_match(
        MatchInput(home=home, away=away, date=date, status=MatchStatus.FINISHED,
                   score_override=score,
                   fan_attendance=seen, venue=venue, venue_city=city)
    )  # fmt: skip
    return match_id


def _diary(services):
    d = dt.date
    _seen(services, "Arsenal", "Leeds", d(2019, 12, 6), (3, 0), venue="Highbury", city="London")
    _seen(services, "Arsenal", "Hull", d(2020, 2, 1), (2, 2), venue="Highbury", city="London")
    _seen(services, "Leeds", "Arsenal", d(2020, 3, 1), (0, 1), venue="Elland Road", city="Leeds")
    _seen(services, "Arsenal", "Wigan", d(2020, 4, 1), (5, 0), venue="Highbury", city="London")
    _seen(
        services,
        "Chelsea",
        "Arsenal",
        d(2020, 5, 1),
        (2, 1),
        venue="Stamford Bridge",
        city="London",
    )
    _seen(services, "Arsenal", "Spurs", d(2020, 6, 1), (1, 0), seen=Attendance.WATCHED)
    _seen(services, "Everton", "Arsenal", d(2020, 7, 1), (4, 0), seen=Attendance.NONE)  # not seen
    return {t.name: t.id for t in services.catalog.teams()}


def test_all_time_counts_only_what_was_seen(services, demo_match_id):
    _diary(services)
    f = services.diary_stats.figures(today=dt.date(2026, 12, 6))
    assert (f.period, f.matches, f.attended, f.watched) == ("All time", 7, 5, 2)  # demo: watched
    assert f.goals == 3 + 4 + 1 + 5 + 3 + 1 + 3  # the 4–0 not seen is left out
    assert [(g.name, g.visits, g.first_visit) for g in f.grounds] == [
        ("Highbury", 3, dt.date(2019, 12, 6)),
        ("Elland Road", 1, dt.date(2020, 3, 1)),
        ("Stamford Bridge", 1, dt.date(2020, 5, 1)),
    ]
    assert f.per_year == ((2019, 1, 0), (2020, 4, 1), (2021, 0, 0), (2022, 0, 1))
    assert f.biggest_win.title == "Arsenal 5–0 Wigan"
    assert [m.title for m in f.on_this_day] == ["Arsenal 3–0 Leeds"]  # 6 December 2019
    assert ("Harry Kane", 1) in [(name, n) for name, n, _id in f.players]  # the line-ups


def test_a_year_and_a_team_record_with_streaks(services):
    teams = _diary(services)
    f = services.diary_stats.figures(2020, teams["Arsenal"], today=dt.date(2026, 1, 1))
    assert (f.matches, f.attended, f.watched) == (5, 4, 1)
    assert [(g.name, g.new) for g in f.grounds] == [
        ("Highbury", False), ("Elland Road", True), ("Stamford Bridge", True)]  # fmt: skip
    record = f.team_record
    assert (f.team, record.won, record.drawn, record.lost) == ("Arsenal", 2, 1, 1)  # attended only
    assert f.team_per_year == ((2019, 1, 0, 0), (2020, 2, 1, 1))
    assert [(s.what, s.length) for s in f.streaks] == [("wins in a row", 2), ("unbeaten", 3)]
    every = services.diary_stats.figures(None, teams["Arsenal"]).streaks  # 2019 counts too
    assert [(s.what, s.length, s.first) for s in every] == [
        ("wins in a row", 2, dt.date(2020, 3, 1)),
        ("unbeaten", 4, dt.date(2019, 12, 6)),
    ]
    assert services.diary_stats.teams_seen()[0] == (teams["Arsenal"], "Arsenal")
