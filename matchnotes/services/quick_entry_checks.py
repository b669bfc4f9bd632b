"""What a quick-entry line is checked against besides its grammar: the match so far.

- how minutes read: until a match has gone to extra time, 95 is 90+5;
- a shoot-out kick needs a level score;
- a moment that repeats one logged a minute apart (the same goal typed twice) is
  not saved without the user's word (``PossibleDuplicate``).
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from matchnotes.entry import EntryError, LoggedMoment, MomentEntry, PossibleDuplicate
from matchnotes.enums import Decision, Period
from matchnotes.minutes import Minute
from matchnotes.models import Match, Moment, Person
from matchnotes.scores import Score, ScoreEvent, final_score

_EXTRA_PERIODS = (Period.EXTRA_FIRST, Period.EXTRA_SECOND, Period.SHOOTOUT)


def went_to_extra_time(match: Match) -> bool:
    """ET (or PSO) was typed, the clock has run in extra time, or the result says so."""
    return match.decided_by is not Decision.REGULAR or match.clock_period in _EXTRA_PERIODS


def check_moment(
    session: Session, match: Match, entry: MomentEntry, *, allow_duplicate: bool
) -> None:
    """Raise EntryError (or PossibleDuplicate) for a moment the match so far contradicts."""
    if entry.is_shootout_kick:
        score = score_before_shootout(session, match)
        if score.home != score.away:
            raise EntryError(f"A shoot-out follows a level score; the score is {score}.")
    if not allow_duplicate:
        existing = find_duplicate(session, match, entry)
        if existing is not None:
            raise PossibleDuplicate(existing)


def score_before_shootout(session: Session, match: Match) -> Score:
    if match.home_score_override is not None:  # a match logged without its goals
        return Score(match.home_score_override, match.away_score_override or 0)
    moments = session.exec(
        select(Moment).where(Moment.match_id == match.id, Moment.period != Period.SHOOTOUT)
    ).all()
    events = [ScoreEvent(m.period, m.kind, m.team_id) for m in moments]
    return final_score(events, match.home_team_id, match.away_team_id)


def find_duplicate(session: Session, match: Match, entry: MomentEntry) -> LoggedMoment | None:
    """A moment of the same kind by the same player in the same period, a minute apart at most.

    Moments without a known player (notes, a new name in quotes) are never duplicates.
    """
    player_id = entry.player.person_id if entry.player else None
    if player_id is None:
        return None
    rows = session.exec(
        select(Moment, Person.name)
        .join(Person, col(Person.id) == Moment.player_id)
        .where(
            Moment.match_id == match.id,
            Moment.kind == entry.kind,
            Moment.player_id == player_id,
            Moment.period == entry.minute.period,
        )
        .order_by(col(Moment.sort_key), col(Moment.id))
    ).all()
    typed = entry.minute.minute + entry.minute.stoppage  # 45+2 is the 47th minute played
    for moment, name in rows:
        if abs(moment.minute + moment.stoppage - typed) <= 1:
            minute = Minute(moment.period, moment.minute, moment.stoppage)
            return LoggedMoment(moment.id or 0, minute, moment.kind, name)
    return None
