"""The match clock: football minutes, pauses, corrections, and surviving a restart."""

import datetime as dt

import pytest

from matchnotes import clock
from matchnotes.clock import ClockState
from matchnotes.enums import MatchStatus, Period
from matchnotes.errors import ValidationError
from matchnotes.minutes import parse_minute
from matchnotes.services.clock import ClockService

T0 = dt.datetime(2022, 12, 10, 19, 0, tzinfo=dt.UTC)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=minutes * 60)


def test_first_half_minutes_count_like_football():
    s = clock.start_period(ClockState(), Period.FIRST_HALF, T0)
    assert str(clock.minute_at(s, at(0))) == "1'"
    assert str(clock.minute_at(s, at(16.5))) == "17'"
    assert str(clock.minute_at(s, at(44.99))) == "45'"
    assert str(clock.minute_at(s, at(46.2))) == "45+2'"
    assert clock.label_at(s, at(16.5)) == "17' 30s"


def test_half_time_then_second_half_and_stoppage():
    s = clock.start_period(ClockState(), Period.FIRST_HALF, T0)
    s = clock.end_period(s, at(48))
    assert clock.label_at(s, at(50)) == "HT" and clock.minute_at(s, at(50)) is None
    s = clock.start_next(s, at(63))
    assert s.period is Period.SECOND_HALF
    assert str(clock.minute_at(s, at(63))) == "46'"
    assert str(clock.minute_at(s, at(63 + 52.5))) == "90+8'"


def test_pause_does_not_count_and_set_minute_corrects():
    s = clock.start_period(ClockState(), Period.FIRST_HALF, T0)
    s = clock.pause(s, at(10.5))
    assert clock.label_at(s, at(20)) == "Paused at 11' 30s"
    s = clock.resume(s, at(20))
    assert str(clock.minute_at(s, at(20.5))) == "12'"
    s = clock.set_minute(s, parse_minute("30"), at(21))
    assert str(clock.minute_at(s, at(21))) == "30'"
    assert str(clock.minute_at(s, at(22))) == "31'"
    late = clock.set_minute(ClockState(), parse_minute("54"), at(0))
    assert late.period is Period.SECOND_HALF and str(clock.minute_at(late, at(0.5))) == "54'"


def test_invalid_clock_moves_are_refused():
    with pytest.raises(ValidationError, match="not kicked off"):
        clock.end_period(ClockState(), T0)
    running = clock.start_period(ClockState(), Period.FIRST_HALF, T0)
    with pytest.raises(ValidationError, match="end this period first"):
        clock.start_next(running, T0)
    with pytest.raises(ValidationError, match="not paused"):
        clock.resume(running, T0)


def test_clock_survives_a_restart(database, make_match):
    match = make_match(status=MatchStatus.SCHEDULED)
    now = [at(0)]
    first = ClockService(database.engine, now=lambda: now[0])
    first.start_next(match)
    now[0] = at(16.5)
    assert str(first.minute(match)) == "17'"
    # A new service (the app restarted) on the same database sees the same clock.
    again = ClockService(database.engine, now=lambda: at(53.1))
    assert str(again.minute(match)) == "45+9'"
    again.end_period(match)
    assert again.minute(match) is None
    again.finish(match)
    assert again.state(match).period is Period.FIRST_HALF


def test_period_markers_in_quick_entry_move_the_clock(services, make_match):
    match = make_match(status=MatchStatus.SCHEDULED)
    services.quick_entry.record(match, "KO")
    state = services.clock.state(match)
    assert state.period is Period.FIRST_HALF and state.running
    assert str(services.clock.minute(match)) == "1'"
    services.quick_entry.record(match, "HT")
    assert services.clock.minute(match) is None
    assert clock.label_at(services.clock.state(match), T0) == "HT"
    services.quick_entry.record(match, "2H")
    assert str(services.clock.minute(match)) == "46'"
    services.quick_entry.record(match, "FT")
    assert services.matches.get_summary(match).status is MatchStatus.FINISHED


# --- the pure helpers behind the guards, the two clocks and kick-off corrections ---


def test_minutes_and_seconds_are_inverse_and_stoppage_is_capped():
    assert str(clock.minute_from_seconds(Period.FIRST_HALF, 0)) == "1'"
    assert str(clock.minute_from_seconds(Period.FIRST_HALF, 47 * 60)) == "45+3'"
    assert str(clock.minute_from_seconds(Period.SECOND_HALF, 59)) == "46'"
    assert str(clock.minute_from_seconds(Period.EXTRA_SECOND, 200 * 60)) == "120+60'"
    assert clock.minute_from_seconds(Period.FIRST_HALF, -5) == parse_minute("1")
    for text in ("1", "17", "45+2", "46", "90+8", "91", "105+1", "120+3"):
        minute = parse_minute(text)
        assert clock.minute_from_seconds(minute.period, clock.seconds_into(minute)) == minute


def test_starts_period_says_when_a_change_sets_play_going():
    running = clock.start_period(ClockState(), Period.FIRST_HALF, T0)
    half_time = clock.end_period(running, at(47))
    assert clock.starts_period(ClockState(), running)
    assert clock.starts_period(half_time, clock.start_next(half_time, at(60)))
    assert not clock.starts_period(running, clock.pause(running, at(3)))
    assert not clock.starts_period(running, half_time)
    assert not clock.starts_period(running, clock.set_minute(running, parse_minute("9"), at(3)))


def test_correcting_the_running_periods_kickoff_times_it_from_the_whistle():
    running = clock.start_period(ClockState(), Period.SECOND_HALF, at(60))
    fixed = clock.correct_kickoff(running, Period.SECOND_HALF, at(58), at(70))
    assert str(clock.minute_at(fixed, at(70))) == "58'"  # 12 minutes played, not 10
    assert clock.kickoff_of(fixed) == at(58)
    paused = clock.pause(running, at(65))
    fixed = clock.correct_kickoff(paused, Period.SECOND_HALF, at(58), at(70))
    assert fixed.paused and str(clock.minute_at(fixed, at(80))) == "53'"


def test_a_later_period_starts_at_its_kickoff_and_an_earlier_one_keeps_the_clock():
    half_time = clock.end_period(clock.start_period(ClockState(), Period.FIRST_HALF, T0), at(47))
    second = clock.correct_kickoff(half_time, Period.SECOND_HALF, at(62), at(65))
    assert second.period is Period.SECOND_HALF and str(clock.minute_at(second, at(65))) == "49'"
    assert clock.correct_kickoff(second, Period.FIRST_HALF, at(-1), at(65)) == second
    late = clock.correct_kickoff(ClockState(), Period.FIRST_HALF, at(0), at(20))
    assert str(clock.minute_at(late, at(20))) == "21'"


def test_a_kickoff_still_to_come_is_refused():
    with pytest.raises(ValidationError, match="has not come yet"):
        clock.correct_kickoff(ClockState(), Period.FIRST_HALF, at(5), at(0))


def test_a_line_is_never_timed_before_the_whistle():
    assert clock.seconds_between(at(10.5), at(0)) == 630
    assert clock.seconds_between(at(0), at(1)) == 0


def test_a_local_kickoff_time_is_the_nearest_such_moment_in_utc():
    paris = dt.timezone(dt.timedelta(hours=1))
    evening = dt.datetime(2022, 12, 10, 21, 30, tzinfo=dt.UTC)  # 22:30 in Paris
    found = clock.kickoff_from_local(dt.time(22, 3), evening, paris)
    assert found == dt.datetime(2022, 12, 10, 21, 3, tzinfo=dt.UTC)
    after_midnight = dt.datetime(2022, 12, 10, 23, 10, tzinfo=dt.UTC)  # 00:10 on the 11th
    found = clock.kickoff_from_local(dt.time(23, 58), after_midnight, paris)
    assert found == dt.datetime(2022, 12, 10, 22, 58, tzinfo=dt.UTC)  # the evening before


def test_half_time_score_means_something_only_after_half_time():
    live = MatchStatus.LIVE
    first = clock.start_period(ClockState(), Period.FIRST_HALF, T0)
    assert not clock.half_time_reached(first, live, [Period.FIRST_HALF])
    assert not clock.half_time_reached(ClockState(), live, [Period.FIRST_HALF])
    assert clock.half_time_reached(clock.end_period(first, at(47)), live, [])
    assert clock.half_time_reached(ClockState(), live, [Period.SECOND_HALF])
    second = clock.start_period(ClockState(), Period.SECOND_HALF, T0)
    assert clock.half_time_reached(second, live, [])
    assert clock.half_time_reached(ClockState(), MatchStatus.FINISHED, [Period.FIRST_HALF])
