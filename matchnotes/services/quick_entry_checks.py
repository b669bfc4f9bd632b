"""What a quick-entry line is checked against besides its grammar: the match so far.

- how minutes read: until a match has gone to extra time, 95 is 90+5;
- a shoot-out kick needs a level score;
- a moment that repeats one logged a minute apart (the same goal typed twice) is
  not saved without the user's word (``PossibleDuplicate``).
"""

from __future__ import annotations

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from matchnotes.entry import EntryError, LoggedMoment, MomentEntry, PossibleDuplicate
from matchnotes.enums import Decision, MomentKind, Period
from matchnotes.minutes import Minute
from matchnotes.models import Match, Moment, Person
from matchnotes.scores import Score, ScoreEvent, final_score

_EXTRA_PERIODS = (Period.EXTRA_FIRST, Period.EXTRA_SECOND, Period.SHOOTOUT)


# Built once: this runs on every Enter, and building the statement costs more than
# running it (BENCHMARKS.md, quick entry).
_DUPLICATE = (
    select(Moment.id, Moment.minute, Moment.stoppage, Person.name)
    .join(Person, col(Person.id) == Moment.player_id)
    .where(
        Moment.match_id == bindparam("match_id"),
        Moment.player_id == bindparam("player_id"),
        Moment.kind == bindparam("kind"),
        Moment.period == bindparam("period"),
        (col(Moment.minute) + col(Moment.stoppage)).between(bindparam("low"), bindparam("high")),
    )
    .order_by(col(Moment.sort_key), col(Moment.id))
    .limit(1)
)


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
    rows = session.exec(
        select(Moment.period, Moment.kind, Moment.team_id).where(
            Moment.match_id == match.id, Moment.period != Period.SHOOTOUT
        )
    ).all()
    events = [ScoreEvent(Period(p), MomentKind(k), team_id) for p, k, team_id in rows]
    return final_score(events, match.home_team_id, match.away_team_id)


def find_duplicate(session: Session, match: Match, entry: MomentEntry) -> LoggedMoment | None:
    """A moment of the same kind by the same player in the same period, a minute apart at most.

    Moments without a known player (notes, a new name in quotes) are never duplicates.
    """
    player_id = entry.player.person_id if entry.player else None
    if player_id is None:
        return None
    typed = entry.minute.minute + entry.minute.stoppage  # 45+2 is the 47th minute played
    params = {
        "match_id": match.id,
        "player_id": player_id,
        "kind": entry.kind,
        "period": entry.minute.period,
        "low": typed - 1,
        "high": typed + 1,
    }
    row = session.exec(_DUPLICATE, params=params).first()
    if row is None:
        return None
    moment_id, minute, stoppage, name = row
    return LoggedMoment(
        moment_id or 0, Minute(entry.minute.period, minute, stoppage), entry.kind, name
    )
