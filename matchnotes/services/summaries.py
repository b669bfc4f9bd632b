"""The matches list as plain SQL: one query text, run by two drivers.

``services.matches`` runs it through SQLAlchemy (SQLite or PostgreSQL);
``peek_newest`` runs it through the standard library's sqlite3, read-only, to put the
newest matches on screen before SQLAlchemy has even loaded (app start-up). Keeping
the text here, free of SQLAlchemy, means both read exactly the same thing.

Plain columns, not ORM entities: ten thousand rows load without building (and
identity-mapping) ten thousand Match objects. Goals are counted in SQL through the
covering index ``ix_moment_scoring``; the own-goal rule is applied by
``scores.beneficiary``, the one place those rules live.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from matchnotes.enums import Attendance, MatchStatus, MomentKind, Period
from matchnotes.scores import SCORING_KINDS, Score, ScoreEvent, beneficiary
from matchnotes.services.views import MatchSummary

_SCORING = ", ".join(f"'{kind.value}'" for kind in sorted(SCORING_KINDS))


def summaries_sql(where: str = "", limit: str = "") -> str:
    """Match rows with their names, newest first; ``where``/``limit`` are SQL fragments."""
    return (
        "SELECT m.id, m.date, m.kickoff_time, m.stage, m.home_team_id, m.away_team_id,"
        " m.status, m.fan_attendance, m.rating, m.home_score_override,"
        " m.away_score_override, h.name, a.name, c.name, s.name, v.name"
        " FROM match AS m"
        " JOIN team AS h ON h.id = m.home_team_id"
        " JOIN team AS a ON a.id = m.away_team_id"
        " LEFT OUTER JOIN season AS s ON s.id = m.season_id"
        " LEFT OUTER JOIN competition AS c ON c.id = s.competition_id"
        " LEFT OUTER JOIN venue AS v ON v.id = m.venue_id"
        f" {'WHERE ' + where if where else ''}"
        " ORDER BY m.date DESC, m.kickoff_time DESC, m.id DESC"
        f" {limit}"
    )


def goals_sql(where: str = "") -> str:
    """Goal counts per (match, period, kind, team), for the matches ``where`` selects."""
    return (
        "SELECT match_id, period, kind, team_id, count(*) FROM moment"
        f" WHERE kind IN ({_SCORING}){' AND ' + where if where else ''}"
        " GROUP BY match_id, period, kind, team_id"
    )


def build_summaries(
    rows: Iterable[Sequence[Any]], goals: Iterable[Sequence[Any]]
) -> list[MatchSummary]:
    """MatchSummary objects from the rows of the two queries above (any driver)."""
    rows = list(rows)
    sides = {row[0]: (row[4], row[5]) for row in rows}
    tallies: dict[int, dict[int, int]] = {}
    for match_id, period, kind, team_id, count in goals:
        if match_id not in sides:
            continue
        home_id, away_id = sides[match_id]
        team = beneficiary(ScoreEvent(Period(period), MomentKind(kind), team_id), home_id, away_id)
        if team is not None:
            tally = tallies.setdefault(match_id, {})
            tally[team] = tally.get(team, 0) + count
    result = []
    for row in rows:
        (match_id, date, kickoff, stage, home_id, away_id, status, fan, rating, home_over,
         away_over, home_name, away_name, comp, season, venue) = row  # fmt: skip
        if home_over is not None:
            score = Score(home_over, away_over or 0)
        else:
            tally = tallies.get(match_id, {})
            score = Score(tally.get(home_id, 0), tally.get(away_id, 0))
        result.append(
            MatchSummary(
                id=match_id, date=_date(date), kickoff_time=_time(kickoff), competition=comp,
                season=season, stage=stage, home_id=home_id, home=home_name, away_id=away_id,
                away=away_name, score=score, venue=venue, status=MatchStatus(status),
                fan_attendance=Attendance(fan), rating=rating,
            )
        )  # fmt: skip
    return result


def _date(value: str | dt.date) -> dt.date:
    # SQLite hands back the stored ISO text; PostgreSQL drivers hand back a date.
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _time(value: str | dt.time | None) -> dt.time | None:
    if value is None or isinstance(value, dt.time):
        return value
    return dt.time.fromisoformat(value)


def peek_newest(path: Path, limit: int) -> list[MatchSummary]:
    """The ``limit`` newest matches of a MatchNotes file at the current schema.

    Read-only and without SQLAlchemy, for the first frame of the window; the file has
    been recognised by ``db.file_format.inspect_sqlite_file`` but not yet checked
    (the quick check runs while this is on screen), so a damaged file may raise
    sqlite3.DatabaseError here: the caller shows an empty list instead.
    """
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute(summaries_sql(limit=f"LIMIT {int(limit)}")).fetchall()
        ids = [row[0] for row in rows]
        marks = ", ".join("?" * len(ids)) or "NULL"
        goals = conn.execute(goals_sql(f"match_id IN ({marks})"), ids).fetchall()
    finally:
        conn.close()
    return build_summaries(rows, goals)
