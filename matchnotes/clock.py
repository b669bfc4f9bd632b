"""The live match clock as pure functions over a stored state (no Qt, no database).

The state lives in the match row (schema 0002), so the clock survives a restart of
the app: what is stored is *when* the running period started, not a ticking counter.

- not started:      period None
- running:          started_at set, paused_at None
- paused:           started_at and paused_at set (time stands still)
- between periods:  period = the period just played, started_at None (HT, full time…)

Minutes count as football does: the first minute of a half is 1' (0:00–0:59), the
46th minute of the first half is shown as 45+1'.

A moment the clock timed keeps its seconds into the period (schema 0005), so when the
reporter corrects a period's kick-off time ("the second half kicked off at 21:03", by
the referee's whistle) its minute is worked out again: time typed minus kick-off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from matchnotes.enums import MatchStatus, Period
from matchnotes.errors import ValidationError
from matchnotes.minutes import PERIOD_ORDER, PERIOD_RANGES, Minute, make_minute

# Minute already played when each period starts (1H starts at 0, 2H at 45, …).
PERIOD_OFFSET = {
    Period.FIRST_HALF: 0,
    Period.SECOND_HALF: 45,
    Period.EXTRA_FIRST: 90,
    Period.EXTRA_SECOND: 105,
}
BREAK_LABELS = {
    Period.FIRST_HALF: "HT",
    Period.SECOND_HALF: "FT (90')",
    Period.EXTRA_FIRST: "ET HT",
    Period.EXTRA_SECOND: "AET",
    Period.SHOOTOUT: "Pens",
}
NEXT_PERIOD = {
    None: Period.FIRST_HALF,
    Period.FIRST_HALF: Period.SECOND_HALF,
    Period.SECOND_HALF: Period.EXTRA_FIRST,
    Period.EXTRA_FIRST: Period.EXTRA_SECOND,
    Period.EXTRA_SECOND: Period.SHOOTOUT,
}


@dataclass(frozen=True)
class ClockState:
    period: Period | None = None
    started_at: dt.datetime | None = None
    paused_at: dt.datetime | None = None
    adjust_seconds: int = 0

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.paused_at is None

    @property
    def paused(self) -> bool:
        return self.started_at is not None and self.paused_at is not None


def elapsed_seconds(state: ClockState, now: dt.datetime) -> int:
    """Seconds played in the current period (0 when no period is under way)."""
    if state.started_at is None:
        return 0
    until = state.paused_at or now
    return max(0, int((until - state.started_at).total_seconds()) + state.adjust_seconds)


def minute_at(state: ClockState, now: dt.datetime) -> Minute | None:
    """The minute to log a moment at now, or None when no period is under way."""
    if state.period is None or state.started_at is None:
        return None
    return minute_from_seconds(state.period, elapsed_seconds(state, now))


def minute_from_seconds(period: Period, seconds: int) -> Minute:
    """The minute of a moment ``seconds`` into ``period``: 0 -> 1', 2820 (47:00) -> 45+3'."""
    if period is Period.SHOOTOUT:
        return make_minute(120, 0, Period.SHOOTOUT)
    last = PERIOD_RANGES[period][1]
    played = PERIOD_OFFSET[period] + max(0, seconds) // 60 + 1
    if played > last:
        return make_minute(last, min(played - last, 60), period)
    return make_minute(played, 0, period)


def seconds_into(minute: Minute) -> int:
    """The first second of ``minute`` in its period (17' -> 960); the inverse of the above."""
    if minute.period is Period.SHOOTOUT:
        return 0
    return (minute.minute + minute.stoppage - PERIOD_OFFSET[minute.period] - 1) * 60


def label_at(state: ClockState, now: dt.datetime) -> str:
    """What the clock shows: "Not started", "23'", "45+2'", "HT", "Paused at 23'"."""
    if state.period is None:
        return "Not started"
    if state.started_at is None:
        return BREAK_LABELS[state.period]
    if state.period is Period.SHOOTOUT:
        return "Shoot-out"
    minute = minute_at(state, now)
    seconds = elapsed_seconds(state, now) % 60
    text = f"{minute}".rstrip("'") + f"' {seconds:02d}s" if minute else ""
    return f"Paused at {text}" if state.paused else text


def start_period(state: ClockState, period: Period, now: dt.datetime) -> ClockState:
    """Kick off ``period`` now (KO, 2H, ET, PSO)."""
    return ClockState(period=period, started_at=now, paused_at=None, adjust_seconds=0)


def start_next(state: ClockState, now: dt.datetime) -> ClockState:
    if state.started_at is not None:
        raise ValidationError("The clock is running: end this period first.")
    if state.period is Period.SHOOTOUT:
        raise ValidationError("After the shoot-out there is no more play.")
    return start_period(state, NEXT_PERIOD[state.period], now)


def end_period(state: ClockState, now: dt.datetime) -> ClockState:
    """The whistle for half-time / full time: the clock stops between periods."""
    if state.period is None:
        raise ValidationError("The match has not kicked off yet.")
    return ClockState(period=state.period)


def pause(state: ClockState, now: dt.datetime) -> ClockState:
    if not state.running:
        raise ValidationError("The clock is not running.")
    return replace(state, paused_at=now)


def resume(state: ClockState, now: dt.datetime) -> ClockState:
    if not state.paused or state.paused_at is None or state.started_at is None:
        raise ValidationError("The clock is not paused.")
    # Move the start forward by the length of the pause: the paused time never counts.
    return replace(state, started_at=state.started_at + (now - state.paused_at), paused_at=None)


def set_minute(state: ClockState, minute: Minute, now: dt.datetime) -> ClockState:
    """Correct the clock (the reporter started late): ``minute`` begins now."""
    if minute.period is Period.SHOOTOUT:
        return start_period(state, Period.SHOOTOUT, now)
    seconds = seconds_into(minute)
    base = (
        state
        if state.period is minute.period and state.started_at
        else start_period(state, minute.period, now)
    )
    elapsed_without_adjust = elapsed_seconds(replace(base, adjust_seconds=0), now)
    return replace(base, adjust_seconds=seconds - elapsed_without_adjust)


def starts_period(before: ClockState, after: ClockState) -> bool:
    """Whether a change sets a period going (a finished match would be live again)."""
    if after.started_at is None:
        return False
    return before.started_at is None or before.period is not after.period


def kickoff_of(state: ClockState) -> dt.datetime | None:
    """When the running period kicked off by this clock (pauses and corrections included)."""
    if state.started_at is None:
        return None
    return state.started_at - dt.timedelta(seconds=state.adjust_seconds)


def correct_kickoff(
    state: ClockState, period: Period, kickoff: dt.datetime, now: dt.datetime
) -> ClockState:
    """The referee's whistle started ``period`` at ``kickoff``: the clock's new state.

    The running period is timed from then on; a later period starts then (the reporter
    came late); a period already played keeps the clock as it is (its timed lines move,
    see ``seconds_between``).
    """
    if kickoff > now:
        raise ValidationError(
            "That kick-off time has not come yet: give the time the referee's whistle "
            "started the period, like 21:03."
        )
    if period is state.period and state.started_at is not None:
        paused = state.paused_at
        return ClockState(period, kickoff, paused and max(paused, kickoff), 0)
    if state.period is None or PERIOD_ORDER[period] > PERIOD_ORDER[state.period]:
        return ClockState(period=period, started_at=kickoff)
    return state


def seconds_between(logged_at: dt.datetime, kickoff: dt.datetime) -> int:
    """Seconds into its period of a line typed at ``logged_at`` (never before the whistle)."""
    return max(0, int((logged_at - kickoff).total_seconds()))


def kickoff_from_local(time: dt.time, now: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """A time of day in the reporter's zone (21:03) as the nearest such moment to ``now``,
    in UTC: just after midnight, 23:58 is yesterday's."""
    today = now.astimezone(tz).date()
    candidates = [
        dt.datetime.combine(today + dt.timedelta(days=d), time, tzinfo=tz) for d in (-1, 0, 1)
    ]
    nearest = min(candidates, key=lambda c: abs((c - now).total_seconds()))
    return nearest.astimezone(dt.UTC)


def half_time_reached(state: ClockState, status: MatchStatus, periods: Iterable[Period]) -> bool:
    """Whether a half-time score means anything yet: not while the first half is played."""
    if status is MatchStatus.FINISHED:
        return True
    if any(p is not Period.FIRST_HALF for p in periods):
        return True
    if state.period is None:
        return False
    return state.period is not Period.FIRST_HALF or state.started_at is None
