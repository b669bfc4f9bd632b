"""The match clock, stored on the match so it survives a restart (see matchnotes/clock.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from matchnotes import clock
from matchnotes.clock import ClockState
from matchnotes.enums import MatchStatus, Period
from matchnotes.minutes import Minute
from matchnotes.models import Match
from matchnotes.services.base import Service, get_or_404

Now = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def state_of(match: Match) -> ClockState:
    return ClockState(
        period=match.clock_period,
        started_at=_aware(match.clock_started_at),
        paused_at=_aware(match.clock_paused_at),
        adjust_seconds=match.clock_adjust_seconds,
    )


def store(match: Match, state: ClockState) -> None:
    match.clock_period = state.period
    match.clock_started_at = state.started_at
    match.clock_paused_at = state.paused_at
    match.clock_adjust_seconds = state.adjust_seconds
    if state.period is not None and match.status is MatchStatus.SCHEDULED:
        match.status = MatchStatus.LIVE


class ClockService(Service):
    def __init__(self, engine: object, now: Now = utc_now) -> None:
        super().__init__(engine)  # type: ignore[arg-type]
        self.now = now  # injectable, so tests can move time

    def state(self, match_id: int) -> ClockState:
        with self._read() as session:
            return state_of(get_or_404(session, Match, match_id, "match"))

    def minute(self, match_id: int) -> Minute | None:
        return clock.minute_at(self.state(match_id), self.now())

    def start_next(self, match_id: int) -> ClockState:
        return self._change(match_id, clock.start_next)

    def start(self, match_id: int, period: Period) -> ClockState:
        return self._change(match_id, lambda s, now: clock.start_period(s, period, now))

    def end_period(self, match_id: int) -> ClockState:
        return self._change(match_id, clock.end_period)

    def pause(self, match_id: int) -> ClockState:
        return self._change(match_id, clock.pause)

    def resume(self, match_id: int) -> ClockState:
        return self._change(match_id, clock.resume)

    def set_minute(self, match_id: int, minute: Minute) -> ClockState:
        return self._change(match_id, lambda s, now: clock.set_minute(s, minute, now))

    def finish(self, match_id: int) -> ClockState:
        """Full time: stop the clock and mark the match finished."""
        with self._write() as session:
            match = get_or_404(session, Match, match_id, "match")
            state = ClockState(period=match.clock_period or Period.SECOND_HALF)
            store(match, state)
            match.status = MatchStatus.FINISHED
            return state

    def _change(
        self, match_id: int, step: Callable[[ClockState, dt.datetime], ClockState]
    ) -> ClockState:
        with self._write() as session:
            match = get_or_404(session, Match, match_id, "match")
            state = step(state_of(match), self.now())
            store(match, state)
            return state


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands datetimes back naive; they were stored as UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value
