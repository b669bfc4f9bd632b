"""The match clock, stored on the match so it survives a restart (see matchnotes/clock.py).

Every change is one transaction, and ``snapshot``/``restore`` let the app's Undo take it
back exactly: the clock, the match's status and result, and the minutes of the lines the
clock timed (a corrected kick-off time moves them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlmodel import Session, col, select

from matchnotes import clock
from matchnotes.clock import ClockState
from matchnotes.enums import MatchStatus, Period
from matchnotes.errors import ValidationError
from matchnotes.minutes import Minute
from matchnotes.models import Match, Moment
from matchnotes.services.base import Service, get_or_404

Now = Callable[[], dt.datetime]
Step = Callable[[ClockState, dt.datetime], ClockState]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def finished_message(what: str) -> str:
    return (
        f"The match is finished. Reopen it with Edit match ▸ Status: Live (or "
        f"`matchnotes log --reopen`) first, then {what} again."
    )


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


def apply_state(match: Match, new: ClockState, reopen: bool, what: str) -> None:
    """Store ``new``; a finished match starts a period again only when told to reopen."""
    if match.status is MatchStatus.FINISHED and clock.starts_period(state_of(match), new):
        if not reopen:
            raise ValidationError(finished_message(what))
        match.status = MatchStatus.LIVE
    store(match, new)


def retime(session: Session, match_id: int, period: Period, kickoff: dt.datetime) -> None:
    """The lines the clock timed in ``period`` count from the corrected kick-off."""
    for moment in _timed(session, match_id, period):
        if moment.logged_at is not None:
            _set_seconds(moment, clock.seconds_between(as_utc(moment.logged_at), kickoff))


def shift(session: Session, match_id: int, period: Period, seconds: int) -> None:
    """The clock was put ``seconds`` forward: its timed lines in ``period`` move too."""
    for moment in _timed(session, match_id, period):
        _set_seconds(moment, (moment.clock_seconds or 0) + seconds)


def stamp(match: Match, moment: Moment, timed_by_clock: bool, now: dt.datetime) -> None:
    """A line typed now: keep the wall-clock time if the match is live, and the clock's
    seconds if it gave the minute (kept consistent with the minute the user saw)."""
    if match.status is not MatchStatus.LIVE:
        return
    moment.logged_at = now
    state = state_of(match)
    if not timed_by_clock or state.started_at is None or state.period is not moment.period:
        return
    seconds = clock.elapsed_seconds(state, now)
    shown = Minute(moment.period, moment.minute, moment.stoppage)
    if clock.minute_from_seconds(state.period, seconds) != shown:
        seconds = clock.seconds_into(shown)  # the minute turned between preview and save
    moment.clock_seconds = seconds


class ClockService(Service):
    def __init__(self, engine: object, now: Now = utc_now) -> None:
        super().__init__(engine)  # type: ignore[arg-type]
        self.now = now  # injectable, so tests can move time

    def state(self, match_id: int) -> ClockState:
        with self._read() as session:
            return state_of(get_or_404(session, Match, match_id, "match"))

    def minute(self, match_id: int) -> Minute | None:
        return clock.minute_at(self.state(match_id), self.now())

    def start_next(self, match_id: int, reopen: bool = False) -> ClockState:
        return self._change(match_id, clock.start_next, reopen)

    def start(self, match_id: int, period: Period, reopen: bool = False) -> ClockState:
        return self._change(match_id, lambda s, now: clock.start_period(s, period, now), reopen)

    def end_period(self, match_id: int) -> ClockState:
        return self._change(match_id, clock.end_period)

    def pause(self, match_id: int) -> ClockState:
        return self._change(match_id, clock.pause)

    def resume(self, match_id: int) -> ClockState:
        return self._change(match_id, clock.resume)

    def set_minute(self, match_id: int, minute: Minute, reopen: bool = False) -> ClockState:
        """Correct the clock to ``minute`` now; its timed lines in this period move with it."""
        with self._write() as session:
            match = get_or_404(session, Match, match_id, "match")
            now, before = self.now(), state_of(match)
            after = clock.set_minute(before, minute, now)
            apply_state(match, after, reopen, "set the clock")
            if not clock.starts_period(before, after) and after.period is not None:
                moved = clock.elapsed_seconds(after, now) - clock.elapsed_seconds(before, now)
                shift(session, match_id, after.period, moved)
            return after

    def correct_kickoff(
        self, match_id: int, period: Period, kickoff: dt.datetime, reopen: bool = False
    ) -> ClockState:
        """``period`` kicked off at ``kickoff`` (UTC) by the referee's whistle."""
        with self._write() as session:
            match = get_or_404(session, Match, match_id, "match")
            after = clock.correct_kickoff(state_of(match), period, kickoff, self.now())
            apply_state(match, after, reopen, "correct the kick-off time")
            retime(session, match_id, period, kickoff)
            return after

    def finish(self, match_id: int) -> ClockState:
        """Full time: stop the clock and mark the match finished."""
        with self._write() as session:
            match = get_or_404(session, Match, match_id, "match")
            state = ClockState(period=match.clock_period or Period.SECOND_HALF)
            store(match, state)
            match.status = MatchStatus.FINISHED
            return state

    def _change(self, match_id: int, step: Step, reopen: bool = False) -> ClockState:
        with self._write() as session:
            match = get_or_404(session, Match, match_id, "match")
            state = step(state_of(match), self.now())
            apply_state(match, state, reopen, "start the clock")
            return state


def _timed(session: Session, match_id: int, period: Period | None) -> list[Moment]:
    query = select(Moment).where(Moment.match_id == match_id, col(Moment.clock_seconds).isnot(None))
    if period is not None:
        query = query.where(Moment.period == period)
    return list(session.exec(query).all())


def _set_seconds(moment: Moment, seconds: int) -> None:
    moment.clock_seconds = max(0, seconds)
    _set_minute(moment, clock.minute_from_seconds(moment.period, moment.clock_seconds))


def _set_minute(moment: Moment, minute: Minute) -> None:
    moment.minute, moment.stoppage, moment.sort_key = (
        minute.minute,
        minute.stoppage,
        minute.sort_key,
    )


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands datetimes back naive; they were stored as UTC."""
    return None if value is None else as_utc(value)


def as_utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
