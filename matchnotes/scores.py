"""Scores derived from moments: the running score, half-time, full time, shoot-out.

Pure functions over plain tuples so that the services, reports and tests share one
rule set:
- a goal or penalty goal counts for the team of the scorer;
- an own goal counts for the other side (the moment's team is the player's own);
- missed and saved penalties count for nothing;
- shoot-out kicks (period PSO) never change the match score, only the shoot-out tally.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from matchnotes.enums import MomentKind, Period

SCORING_KINDS = frozenset({MomentKind.GOAL, MomentKind.PENALTY_GOAL, MomentKind.OWN_GOAL})
SHOOTOUT_SCORED = frozenset({MomentKind.GOAL, MomentKind.PENALTY_GOAL})


@dataclass(frozen=True)
class Score:
    home: int
    away: int

    def __str__(self) -> str:
        return f"{self.home}–{self.away}"


@dataclass(frozen=True)
class ScoreEvent:
    """The facts about one moment that scoring needs."""

    period: Period
    kind: MomentKind
    team_id: int | None


def beneficiary(event: ScoreEvent, home_id: int, away_id: int) -> int | None:
    """The team a moment scores for in normal play, or None if it scores nothing."""
    if event.period is Period.SHOOTOUT or event.kind not in SCORING_KINDS:
        return None
    if event.team_id not in (home_id, away_id):
        return None
    if event.kind is MomentKind.OWN_GOAL:
        return away_id if event.team_id == home_id else home_id
    return event.team_id


def running_scores(events: Iterable[ScoreEvent], home_id: int, away_id: int) -> list[Score]:
    """The score after each moment, in the order given (which must be match order)."""
    home = away = 0
    scores = []
    for event in events:
        team = beneficiary(event, home_id, away_id)
        if team == home_id:
            home += 1
        elif team == away_id:
            away += 1
        scores.append(Score(home, away))
    return scores


def final_score(events: Iterable[ScoreEvent], home_id: int, away_id: int) -> Score:
    scores = running_scores(events, home_id, away_id)
    return scores[-1] if scores else Score(0, 0)


def half_time_score(events: Iterable[ScoreEvent], home_id: int, away_id: int) -> Score:
    first_half = [e for e in events if e.period is Period.FIRST_HALF]
    return final_score(first_half, home_id, away_id)


def shootout_score(events: Iterable[ScoreEvent], home_id: int, away_id: int) -> Score | None:
    """Kicks scored in the shoot-out, or None when no shoot-out kick was logged."""
    kicks = [e for e in events if e.period is Period.SHOOTOUT and e.kind in _KICK_KINDS]
    if not kicks:
        return None
    home = sum(1 for e in kicks if e.kind in SHOOTOUT_SCORED and e.team_id == home_id)
    away = sum(1 for e in kicks if e.kind in SHOOTOUT_SCORED and e.team_id == away_id)
    return Score(home, away)


_KICK_KINDS = frozenset(
    {MomentKind.GOAL, MomentKind.PENALTY_GOAL, MomentKind.PENALTY_MISSED, MomentKind.PENALTY_SAVED}
)
