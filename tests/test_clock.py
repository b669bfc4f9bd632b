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


def test_period_markers_in_quick_entry_move_the_clock(services, demo_match_id):
    services.quick_entry.record(demo_match_id, "KO")
    state = services.clock.state(demo_match_id)
    assert state.period is Period.FIRST_HALF and state.running
    assert str(services.clock.minute(demo_match_id)) == "1'"
    services.quick_entry.record(demo_match_id, "HT")
    assert services.clock.minute(demo_match_id) is None
    assert clock.label_at(services.clock.state(demo_match_id), T0) == "HT"
    services.quick_entry.record(demo_match_id, "2H")
    assert str(services.clock.minute(demo_match_id)) == "46'"
    # With the clock running the minute may be left out.
    result = services.quick_entry.record(
        demo_match_id, "yc Rice", clock_minute=services.clock.minute(demo_match_id)
    )
    assert result.moment_id is not None
    services.quick_entry.record(demo_match_id, "FT")
    assert services.matches.get_summary(demo_match_id).status is MatchStatus.FINISHED
