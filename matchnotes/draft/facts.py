"""What a draft can say, as gathered from the database by services/draft.py.

Every fact keeps the source it came from (``Source``) with a stamp of its content, so a
sentence built on it can tell later whether that source changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    kind: str  # "match", "moment", "quote", "tally"
    ident: int
    stamp: str  # a digest of what the sentence used; another stamp later = stale

    @staticmethod
    def of(kind: str, ident: int, *content: object) -> Source:
        digest = hashlib.sha1(repr(content).encode("utf-8"), usedforsecurity=False)
        return Source(kind, ident, digest.hexdigest()[:12])


@dataclass(frozen=True)
class Player:
    id: int
    name: str
    team: str | None = None
    club: str | None = None
    age: int | None = None  # on the day, from the date of birth
    captain: bool = False
    position: str | None = None  # GK / DF / MF / FW
    manager: bool = False


@dataclass(frozen=True)
class Milestone:
    """A goal's place in a career: baseline + logged (``tally`` is its source)."""

    nth: int  # his nth goal for the team
    team: str
    tally: Source
    holder: str | None = None  # the record holder before this goal (another person)
    holder_goals: int | None = None
    holder_source: Source | None = None

    @property
    def record(self) -> str | None:
        """ "equalled" or "broken" when this goal reaches or passes the record."""
        if self.holder_goals is None or self.nth < self.holder_goals:
            return None
        if self.nth == self.holder_goals:
            return "equalled"
        return "broken" if self.nth - 1 <= self.holder_goals else None


@dataclass(frozen=True)
class Goal:
    source: Source
    minute: str  # as shown: 54', 90+8'
    minute_number: int  # 54 (the minute without stoppage)
    stoppage: int
    penalty: bool
    own_goal: bool
    team: str  # the team the goal counts for
    scorer: Player
    helper: Player | None  # the assist, or who won the penalty
    header: bool
    score_before: tuple[int, int]  # (home, away)
    score_after: tuple[int, int]
    nth_in_match: int  # the scorer's 1st, 2nd, 3rd goal of the match
    milestone: Milestone | None = None
    club_mate_keeper: Player | None = None  # scored past a club team-mate in goal
    winner: bool = False  # the eventual winner's decisive goal
    order: int = 0  # the moment's sort key: 45+10 before 46, extra time after 90+8


@dataclass(frozen=True)
class Miss:
    source: Source
    minute: str
    minute_number: int
    saved: bool
    team: str
    taker: Player
    won_by: Player | None
    fouled_by: Player | None  # booked for the foul on won_by
    foul_source: Source | None
    how: str | None  # "over the bar", "post"… from the notes' own words
    score_at: tuple[int, int]
    taker_side: int  # 0 home, 1 away
    second_penalty: bool  # the team had a penalty earlier in the match
    order: int = 0  # the moment's sort key


@dataclass(frozen=True)
class QuoteFact:
    source: Source
    speaker: Player
    text: str
    moment_id: int | None


@dataclass(frozen=True)
class MatchFacts:
    match_id: int
    source: Source
    home: str
    away: str
    score: tuple[int, int]
    date: dt.date
    competition: str | None
    season: str | None
    stage: str | None
    venue: str | None
    city: str | None
    finished: bool
    shootout: tuple[int, int] | None  # shoot-out score when it was decided by one
    extra_time: bool
    goals: list[Goal] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    quotes: list[QuoteFact] = field(default_factory=list)

    @property
    def winner_side(self) -> int | None:
        home, away = self.shootout or self.score
        return None if home == away else (0 if home > away else 1)

    def team(self, side: int) -> str:
        return self.home if side == 0 else self.away
