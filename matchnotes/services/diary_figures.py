"""A fan's diary in figures (pure): what was seen per year or all time, grounds with
first visits, countries, teams, one team's results when attending, goals, players,
the biggest win, "on this day" and streaks. Fed by ``services/diary_stats.py``."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from matchnotes.enums import Attendance
from matchnotes.scores import Score


@dataclass(frozen=True)
class SeenMatch:
    id: int
    date: dt.date
    home_id: int
    home: str
    away_id: int
    away: str
    score: Score
    seen: Attendance  # attended or watched
    venue: str | None
    city: str | None
    country: str | None
    competition: str | None

    @property
    def title(self) -> str:
        return f"{self.home} {self.score} {self.away}"


@dataclass(frozen=True)
class Ground:
    name: str
    city: str | None
    country: str | None
    visits: int  # in the period
    first_visit: dt.date  # ever
    new: bool  # first visited in the period


@dataclass(frozen=True)
class TeamRecord:
    team: str
    won: int
    drawn: int
    lost: int

    @property
    def played(self) -> int:
        return self.won + self.drawn + self.lost


@dataclass(frozen=True)
class Streak:
    what: str  # "wins in a row"
    length: int
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class DiaryFigures:
    period: str  # "2022" or "All time"
    matches: int
    attended: int
    watched: int
    goals: int
    per_year: tuple[tuple[int, int, int], ...]  # (year, attended, watched), every year
    grounds: tuple[Ground, ...]
    countries: tuple[tuple[str, int], ...]
    teams: tuple[tuple[str, int], ...]
    players: tuple[tuple[str, int, int], ...]  # (name, matches seen them in, person id)
    biggest_win: SeenMatch | None
    on_this_day: tuple[SeenMatch, ...]
    team: str | None  # the chosen team
    team_record: TeamRecord | None  # its results in the matches attended
    team_per_year: tuple[tuple[int, int, int, int], ...]  # (year, won, drawn, lost)
    streaks: tuple[Streak, ...]


def figures(
    seen: Sequence[SeenMatch],
    players: Iterable[tuple[int, str, int]],  # (match id, name, person id), no two alike
    *,
    year: int | None,
    team_id: int | None,
    today: dt.date,
) -> DiaryFigures:
    """Figures for one year (``year``) or all time, from every match the fan has seen."""
    ordered = sorted(seen, key=lambda m: (m.date, m.id))
    chosen = [m for m in ordered if year is None or m.date.year == year]
    ids = {m.id for m in chosen}
    attended = [m for m in chosen if m.seen is Attendance.ATTENDED]
    team_name = next(
        (
            m.home if m.home_id == team_id else m.away
            for m in ordered
            if team_id in (m.home_id, m.away_id)
        ),
        None,
    )
    record_matches = [m for m in attended if team_id in (m.home_id, m.away_id)]
    # ``players`` comes distinct (the SQL's UNION). No set() of it here: one C call over
    # 150,000 rows held the interpreter lock (and so the window) for 100 ms.
    seen_players = Counter((person, name) for match_id, name, person in players if match_id in ids)
    return DiaryFigures(
        period=str(year) if year is not None else "All time",
        matches=len(chosen),
        attended=len(attended),
        watched=len(chosen) - len(attended),
        goals=sum(m.score.home + m.score.away for m in chosen),
        per_year=_per_year(ordered),
        grounds=_grounds(ordered, attended),
        countries=_counted(m.country for m in attended),
        teams=_counted(name for m in chosen for name in (m.home, m.away)),
        players=tuple(
            (name, count, person)
            for (person, name), count in sorted(
                seen_players.items(), key=lambda kv: (-kv[1], kv[0][1].casefold())
            )
        ),
        biggest_win=max(
            (m for m in chosen if m.score.home != m.score.away),
            key=lambda m: (abs(m.score.home - m.score.away), m.score.home + m.score.away, m.date),
            default=None,
        ),
        on_this_day=tuple(
            m
            for m in reversed(ordered)
            if (m.date.month, m.date.day) == (today.month, today.day) and m.date < today
        ),
        team=team_name,
        team_record=_record(team_name, record_matches, team_id) if team_name else None,
        team_per_year=_team_years(ordered, team_id) if team_name else (),
        streaks=_streaks(record_matches, team_id) if team_name else (),
    )


def result_for(match: SeenMatch, team_id: int | None) -> str | None:
    """'W', 'D' or 'L' for the team, None when it did not play."""
    if team_id == match.home_id:
        ours, theirs = match.score.home, match.score.away
    elif team_id == match.away_id:
        ours, theirs = match.score.away, match.score.home
    else:
        return None
    return "W" if ours > theirs else "D" if ours == theirs else "L"


def _per_year(ordered: Sequence[SeenMatch]) -> tuple[tuple[int, int, int], ...]:
    if not ordered:
        return ()
    years = range(ordered[0].date.year, ordered[-1].date.year + 1)
    att = Counter(m.date.year for m in ordered if m.seen is Attendance.ATTENDED)
    tv = Counter(m.date.year for m in ordered if m.seen is not Attendance.ATTENDED)
    return tuple((y, att[y], tv[y]) for y in years)


def _grounds(ordered: Sequence[SeenMatch], attended: Sequence[SeenMatch]) -> tuple[Ground, ...]:
    first: dict[tuple[str, str | None], dt.date] = {}
    for m in ordered:
        if m.venue and m.seen is Attendance.ATTENDED:
            first.setdefault((m.venue, m.city), m.date)
    visits = Counter((m.venue, m.city) for m in attended if m.venue)
    period = {m.date for m in attended}
    where = {(m.venue, m.city): m.country for m in attended if m.venue}
    grounds = [
        Ground(
            name,
            city,
            where[(name, city)],
            count,
            first[(name, city)],
            first[(name, city)] in period,
        )
        for (name, city), count in visits.items()
        if name is not None
    ]
    return tuple(sorted(grounds, key=lambda g: (g.first_visit, g.name)))


def _counted(values: Iterable[str | None]) -> tuple[tuple[str, int], ...]:
    counts = Counter(v for v in values if v)
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold())))


def _record(team: str, matches: Sequence[SeenMatch], team_id: int | None) -> TeamRecord:
    results = Counter(result_for(m, team_id) for m in matches)
    return TeamRecord(team, results["W"], results["D"], results["L"])


def _team_years(
    ordered: Sequence[SeenMatch], team_id: int | None
) -> tuple[tuple[int, int, int, int], ...]:
    years: dict[int, Counter[str | None]] = {}
    for m in ordered:
        if m.seen is Attendance.ATTENDED and (r := result_for(m, team_id)) is not None:
            years.setdefault(m.date.year, Counter())[r] += 1
    return tuple((y, c["W"], c["D"], c["L"]) for y, c in sorted(years.items()))


def _streaks(matches: Sequence[SeenMatch], team_id: int | None) -> tuple[Streak, ...]:
    """The longest runs in the matches attended: wins, unbeaten, without a win."""
    runs = (("wins in a row", {"W"}), ("unbeaten", {"W", "D"}), ("without a win", {"D", "L"}))
    found = []
    for what, kinds in runs:
        best: list[SeenMatch] = []
        current: list[SeenMatch] = []
        for m in matches:
            current = [*current, m] if result_for(m, team_id) in kinds else []
            if len(current) > len(best):
                best = current
        if len(best) >= 2:
            found.append(Streak(what, len(best), best[0].date, best[-1].date))
    return tuple(found)
