"""A match as plain text and as JSON-ready dicts (the CLI's ``show`` and ``matches``).

Pure: no Qt, no database. Shapes are documented in docs/cli.md.
"""

from __future__ import annotations

from typing import Any

from matchnotes.enums import Decision, LineupRole
from matchnotes.labels import CONTEXT_LABELS, DECISION_LABELS, KIND_LABELS
from matchnotes.services.inputs import RELATED_ROLE
from matchnotes.services.views import (
    LineupView,
    MatchDetail,
    MatchSummary,
    MomentView,
    QuoteView,
)


def summary_as_dict(m: MatchSummary) -> dict[str, Any]:
    return {
        "id": m.id,
        "date": m.date.isoformat(),
        "kickoff_time": m.kickoff_time.strftime("%H:%M") if m.kickoff_time else None,
        "competition": m.competition,
        "season": m.season,
        "stage": m.stage,
        "home": m.home,
        "away": m.away,
        "score": {"home": m.score.home, "away": m.score.away} if m.has_result else None,
        "venue": m.venue,
        "status": m.status.value,
    }


def moment_as_dict(m: MomentView) -> dict[str, Any]:
    return {
        "id": m.id,
        "minute": m.minute_text,
        "period": m.minute.period.value,
        "kind": m.kind.value,
        "team": m.team,
        "player": m.player,
        "related_player": m.related_player,
        "related_role": RELATED_ROLE.get(m.kind) if m.related_player else None,
        "description": m.description,
        "score_after": {"home": m.score_after.home, "away": m.score_after.away},
        "author": m.author,
    }


def quote_as_dict(q: QuoteView) -> dict[str, Any]:
    return {
        "id": q.id,
        "speaker": q.speaker,
        "text": q.text,
        "context": q.context.value,
        "place": q.place,
        "source": q.source,
        "moment_id": q.moment_id,
        "author": q.author,
    }


def _lineup_as_dict(e: LineupView) -> dict[str, Any]:
    return {
        "person_id": e.person_id,
        "name": e.name,
        "role": e.role.value,
        "shirt_number": e.shirt_number,
        "position": e.position,
        "captain": e.captain,
    }


def match_as_dict(d: MatchDetail) -> dict[str, Any]:
    s = d.summary
    return {
        **summary_as_dict(s),
        "venue_city": d.venue_city,
        "attendance": d.attendance,
        "referee": d.referee,
        "decided_by": d.decided_by.value,
        "half_time": {"home": d.half_time.home, "away": d.half_time.away},
        "penalties": {"home": d.penalties.home, "away": d.penalties.away} if d.penalties else None,
        "lineups": {
            "home": [_lineup_as_dict(e) for e in d.lineup_of(s.home_id)],
            "away": [_lineup_as_dict(e) for e in d.lineup_of(s.away_id)],
        },
        "moments": [moment_as_dict(m) for m in d.moments],
        "quotes": [quote_as_dict(q) for q in d.quotes],
        "notes": [n.text for n in d.notes],
        "tags": d.tags,
    }


def moment_line(m: MomentView) -> str:
    who = m.player or ""
    if m.related_player:
        who += f" ({RELATED_ROLE.get(m.kind, 'with')} {m.related_player})"
    parts = [f"{m.minute_text:>6}", f"{KIND_LABELS[m.kind]:<15}", f"{m.team or '':<12}", who]
    line = "  ".join(parts).rstrip()
    if m.description:
        line += f" — {m.description}"
    return f"{line}   [{m.score_after}]"


def match_as_text(d: MatchDetail) -> str:
    s = d.summary
    lines = [f"{s.home} {s.score_text} {s.away}"]
    if d.decided_by is not Decision.REGULAR:
        extra = DECISION_LABELS[d.decided_by].lower()
        if d.penalties:
            extra += f", {d.penalties} on penalties"
        lines[0] += f" ({extra})"
    header = [
        " · ".join(x for x in (s.competition, s.season, s.stage) if x),
        f"{s.date:%A %d %B %Y}" + (f", {s.kickoff_time:%H:%M}" if s.kickoff_time else ""),
        ", ".join(x for x in (s.venue, d.venue_city) if x),
        f"Attendance {d.attendance:,}" if d.attendance else "",
        f"Referee {d.referee}" if d.referee else "",
        f"Half-time {d.half_time}" if d.moments else "",
    ]
    lines += [h for h in header if h]
    for team_id, team in ((s.home_id, s.home), (s.away_id, s.away)):
        entries = d.lineup_of(team_id)
        if entries:
            lines += ["", f"{team}:"]
            for role in LineupRole:
                names = [_lineup_name(e) for e in entries if e.role is role]
                if names:
                    label = {"starter": "XI", "substitute": "Subs", "manager": "Manager"}[role]
                    lines.append(f"  {label}: " + ", ".join(names))
    if d.moments:
        lines += ["", "Moments:"] + [moment_line(m) for m in d.moments]
    if d.quotes:
        lines += ["", "Quotes:"]
        for q in d.quotes:
            lines.append(f"  “{q.text}” — {q.speaker} ({CONTEXT_LABELS[q.context].lower()})")
    if d.notes:
        lines += ["", "Notes:"] + [f"  {n.text}" for n in d.notes]
    return "\n".join(lines) + "\n"


def _lineup_name(e: LineupView) -> str:
    number = f"{e.shirt_number} " if e.shirt_number is not None else ""
    return f"{number}{e.name}" + (" (c)" if e.captain else "")
