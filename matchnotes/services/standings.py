"""A competition's season as tables, a knock-out bracket and top scorers (pure).

Works on the matches list's read models, so the rules are the ones the list shows:
a group is the "Group X" part of a stage ("Group A, Matchday 1"); a knock-out round is
any other stage, ordered by how far into a tournament it comes (then by date). Only
finished matches count in a table: three points a win, one a draw, ranked by points,
goal difference, goals scored, then name (head-to-head and fair play, which decide
rare ties, are not modelled and the page says so).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from matchnotes.enums import MatchStatus
from matchnotes.scores import Score
from matchnotes.services.views import MatchSummary

_GROUP = re.compile(r"\bgroup\s+(\w+)", re.IGNORECASE)
_MATCHDAY = re.compile(r"^\s*(matchday|round|week|spieltag|journée)\s+\d+\s*$", re.IGNORECASE)
# How far into a tournament a round comes; the first keyword found decides, so the
# specific ones ("semi", "quarter", "third") come before "final", which they contain.
_ROUND_ORDER = (
    ("third", 70),
    ("3rd", 70),
    ("semi", 60),
    ("quarter", 50),
    ("round of 16", 40),
    ("last 16", 40),
    ("eighth", 40),
    ("round of 32", 30),
    ("round of 64", 20),
    ("play-off", 10),
    ("playoff", 10),
    ("final", 80),
)


@dataclass(frozen=True)
class StandingRow:
    team_id: int
    team: str
    played: int = 0
    won: int = 0
    drawn: int = 0
    lost: int = 0
    goals_for: int = 0
    goals_against: int = 0

    @property
    def goal_difference(self) -> int:
        return self.goals_for - self.goals_against

    @property
    def points(self) -> int:
        return 3 * self.won + self.drawn


@dataclass(frozen=True)
class GroupTable:
    name: str  # "Group A"
    rows: tuple[StandingRow, ...]
    matches: int  # finished matches counted
    unplayed: int  # scheduled or live matches of the group, not counted yet


@dataclass(frozen=True)
class KnockoutTie:
    match: MatchSummary
    shootout: Score | None
    winner_id: int | None  # None while not played, or a draw with no shoot-out known


@dataclass(frozen=True)
class KnockoutRound:
    name: str
    ties: tuple[KnockoutTie, ...]


@dataclass(frozen=True)
class Scorer:
    person_id: int
    name: str
    team: str | None
    goals: int
    penalties: int  # of which from the spot


@dataclass(frozen=True)
class SeasonTables:
    groups: tuple[GroupTable, ...] = ()
    rounds: tuple[KnockoutRound, ...] = ()
    other: tuple[MatchSummary, ...] = field(default=())  # matches with no stage


def group_of(stage: str | None) -> str | None:
    """ "Group A, Matchday 1" -> "Group A"; None for a stage that is not a group's."""
    found = _GROUP.search(stage or "")
    if not found:
        return None
    letter = found.group(1)
    return f"Group {letter.upper() if len(letter) == 1 else letter}"


def round_of(stage: str | None) -> str | None:
    """The knock-out round a stage names ("Quarter-finals"), None for a group or none."""
    if not stage or group_of(stage):
        return None
    parts = [p.strip() for p in stage.split(",") if p.strip() and not _MATCHDAY.match(p)]
    return ", ".join(parts) or None


def round_rank(name: str) -> int:
    lowered = name.lower()
    return next((rank for word, rank in _ROUND_ORDER if word in lowered), 0)


def is_played(match: MatchSummary) -> bool:
    """Finished, or a result typed without setting the status (goals but not live); a
    scheduled 0–0 has no result yet and a live match is not over."""
    return match.has_result and match.status is not MatchStatus.LIVE


def season_tables(
    matches: Iterable[MatchSummary], shootouts: dict[int, Score] | None = None
) -> SeasonTables:
    """Group tables and knock-out rounds from a season's matches (any order)."""
    shootouts = shootouts or {}
    groups: dict[str, list[MatchSummary]] = {}
    rounds: dict[str, list[MatchSummary]] = {}
    other: list[MatchSummary] = []
    for m in sorted(matches, key=lambda m: (m.date, m.kickoff_time or _MIDNIGHT, m.id)):
        if group := group_of(m.stage):
            groups.setdefault(group, []).append(m)
        elif name := round_of(m.stage):
            rounds.setdefault(name, []).append(m)
        else:
            other.append(m)
    tables = tuple(_group_table(name, ms) for name, ms in sorted(groups.items()))
    ordered = sorted(rounds.items(), key=lambda kv: (round_rank(kv[0]), kv[1][0].date, kv[0]))
    knockout = [
        KnockoutRound(name, tuple(_tie(m, shootouts.get(m.id)) for m in ms)) for name, ms in ordered
    ]
    return SeasonTables(groups=tables, rounds=_bracket_order(knockout), other=tuple(other))


def _bracket_order(rounds: list[KnockoutRound]) -> tuple[KnockoutRound, ...]:
    """Each round's ties in the order that puts a tie beside the two it follows: from the
    last round back, the tie a team came through is listed where that team plays next.
    A third-place match follows no tie of its own and keeps its place."""
    main = [r for r in rounds if round_rank(r.name) != 70]
    for i in range(len(main) - 2, -1, -1):  # the final's order is its own
        main[i] = KnockoutRound(main[i].name, _ordered_by(main[i].ties, main[i + 1].ties))
    by_name = {r.name: r for r in main}
    return tuple(by_name.get(r.name, r) for r in rounds)


def _ordered_by(
    ties: tuple[KnockoutTie, ...], next_ties: tuple[KnockoutTie, ...]
) -> tuple[KnockoutTie, ...]:
    left = list(ties)
    ordered: list[KnockoutTie] = []
    for tie in next_ties:
        for team in (tie.match.home_id, tie.match.away_id):
            found = next((t for t in left if team in (t.match.home_id, t.match.away_id)), None)
            if found is not None:
                left.remove(found)
                ordered.append(found)
    return tuple(ordered + left)


def _group_table(name: str, matches: Sequence[MatchSummary]) -> GroupTable:
    rows: dict[int, StandingRow] = {}
    played = 0
    for m in matches:
        for team_id, team in ((m.home_id, m.home), (m.away_id, m.away)):
            rows.setdefault(team_id, StandingRow(team_id, team))
        if not is_played(m):
            continue
        played += 1
        rows[m.home_id] = _add(rows[m.home_id], m.score.home, m.score.away)
        rows[m.away_id] = _add(rows[m.away_id], m.score.away, m.score.home)
    ranked = sorted(
        rows.values(),
        key=lambda r: (-r.points, -r.goal_difference, -r.goals_for, r.team.casefold()),
    )
    return GroupTable(name, tuple(ranked), played, len(matches) - played)


def _add(row: StandingRow, scored: int, conceded: int) -> StandingRow:
    return StandingRow(
        row.team_id,
        row.team,
        row.played + 1,
        row.won + (scored > conceded),
        row.drawn + (scored == conceded),
        row.lost + (scored < conceded),
        row.goals_for + scored,
        row.goals_against + conceded,
    )


def _tie(m: MatchSummary, shootout: Score | None) -> KnockoutTie:
    if not is_played(m):
        return KnockoutTie(m, shootout, None)
    home, away = m.score.home, m.score.away
    if home == away and shootout is not None:
        home, away = shootout.home, shootout.away
    winner = m.home_id if home > away else m.away_id if away > home else None
    return KnockoutTie(m, shootout, winner)


_MIDNIGHT = dt.time(0, 0)
