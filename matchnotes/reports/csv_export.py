"""Lists as CSV: a match's moments, a person's moments, a season's matches.

Pure: returns text. Cells that a spreadsheet would run as a formula (starting with
=, +, -, @, tab or carriage return) get a leading apostrophe, the usual defence
against CSV injection; everything else is written exactly as typed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from matchnotes.enums import Period
from matchnotes.reports.person_content import PersonReport
from matchnotes.scores import SCORING_KINDS
from matchnotes.services.inputs import RELATED_ROLE
from matchnotes.services.views import MatchDetail, MatchSummary

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

MOMENT_HEADER = [
    "minute",
    "period",
    "kind",
    "team",
    "player",
    "related_role",
    "related_player",
    "description",
    "score_home",
    "score_away",
    "logged_by",
]
MATCH_HEADER = [
    "date",
    "kickoff",
    "competition",
    "season",
    "stage",
    "home",
    "home_score",
    "away_score",
    "away",
    "venue",
    "status",
    "seen",
    "rating",
]


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """RFC 4180 text (CRLF line ends, quoted where needed) with formula-safe cells."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([safe_cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def match_moments_csv(d: MatchDetail) -> str:
    rows = []
    for m in d.moments:
        scoring = m.kind in SCORING_KINDS and m.minute.period is not Period.SHOOTOUT
        rows.append(
            [
                m.minute_text,
                m.minute.period.value,
                m.kind.value,
                m.team,
                m.player,
                RELATED_ROLE.get(m.kind) if m.related_player else "",
                m.related_player,
                m.description,
                m.score_after.home if scoring else "",
                m.score_after.away if scoring else "",
                m.author,
            ]
        )
    return to_csv(MOMENT_HEADER, rows)


def matches_csv(summaries: Iterable[MatchSummary]) -> str:
    rows = [
        [
            s.date.isoformat(),
            f"{s.kickoff_time:%H:%M}" if s.kickoff_time else "",
            s.competition,
            s.season,
            s.stage,
            s.home,
            s.score.home if s.has_result else "",
            s.score.away if s.has_result else "",
            s.away,
            s.venue,
            s.status.value,
            s.fan_attendance.value,
            s.rating,
        ]
        for s in summaries
    ]
    return to_csv(MATCH_HEADER, rows)


def person_moments_csv(r: PersonReport) -> str:
    rows = [[m.date, m.match, m.minute, m.what, m.detail] for m in r.moments]
    return to_csv(["date", "match", "minute", "moment", "detail"], rows)
