"""Column declarations of every table in the app (see table_model.ReadModelTable)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from matchnotes.enums import Attendance
from matchnotes.labels import ATTENDANCE_LABELS, CONTEXT_LABELS, KIND_LABELS, ROLE_LABELS
from matchnotes.services.inputs import RELATED_ROLE
from matchnotes.services.views import (
    LineupView,
    MatchSummary,
    MomentView,
    NoteView,
    PersonView,
    QuoteView,
    TeamView,
)
from matchnotes.ui.icons import kind_icon
from matchnotes.ui.models.table_model import Column

CENTER = Qt.AlignmentFlag.AlignCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


SEEN_LABELS = {**ATTENDANCE_LABELS, Attendance.NONE: ""}  # blank: not in the diary
SEEN_TIPS = {Attendance.ATTENDED: "You were there: in your diary (Ctrl+D to change)",
             Attendance.WATCHED: "You watched it: in your diary (Ctrl+D to change)",
             Attendance.NONE: "Not in your diary: Ctrl+D marks it attended or watched"}  # fmt: skip


def _opt(value: object) -> str:
    return "" if value is None else str(value)


MATCH_COLUMNS: list[Column[MatchSummary]] = [
    Column("Date", lambda m: f"{m.date:%Y-%m-%d}",
           sort=lambda m: f"{m.date.isoformat()} {m.kickoff_time or ''}"),
    Column("Competition", lambda m: _opt(m.competition)),
    Column("Stage", lambda m: _opt(m.stage)),
    Column("Home", lambda m: m.home, align=RIGHT),
    Column("Score", lambda m: m.score_text, sort=lambda m: m.score.home - m.score.away,
           align=CENTER),
    Column("Away", lambda m: m.away),
    Column("Venue", lambda m: _opt(m.venue), stretch=True),
    Column("Seen", lambda m: SEEN_LABELS[m.fan_attendance],
           tooltip=lambda m: SEEN_TIPS[m.fan_attendance]),
    Column("Rating", lambda m: _opt(m.rating), sort=lambda m: -1 if m.rating is None else m.rating,
           align=CENTER),
]  # fmt: skip


def _players(m: MomentView) -> str:
    if m.related_player:
        return f"{m.player or ''} ({RELATED_ROLE.get(m.kind, 'with')} {m.related_player})"
    return m.player or ""


def _logged(m: MomentView) -> str:
    """The second clock of a live line: when it was typed, in the reporter's time."""
    return f"{m.logged_at.astimezone():%H:%M:%S}" if m.logged_at else ""


def _by_tip(author: str | None, at: object) -> str:
    """Who logged a moment or quote ("Logged by Sam at 20:47"); empty: imported or older."""
    if not author:
        return "Imported, or logged before the app recorded who logged what."
    when = f" at {at.astimezone():%H:%M}" if isinstance(at, dt.datetime) else ""
    return f"Logged by {author}{when}"


def _logged_tip(m: MomentView) -> str:
    if m.logged_at is None:
        return "Logged after the fact: the minute was typed."
    source = (
        "the match clock gave the minute (a corrected kick-off time moves it)"
        if m.clock_timed
        else "the minute was typed"
    )
    return f"Typed at {_logged(m)}; {source}."


MOMENT_COLUMNS: list[Column[MomentView]] = [
    Column("Min", lambda m: m.minute_text, sort=lambda m: m.minute.sort_key, align=RIGHT),
    Column("Kind", lambda m: KIND_LABELS[m.kind], icon=lambda m: kind_icon(m.kind)),
    Column("Team", lambda m: _opt(m.team)),
    Column("Players", _players),
    Column("Description", lambda m: m.description, tooltip=lambda m: m.description, stretch=True),
    Column("Score", lambda m: str(m.score_after), align=CENTER),
    Column("Logged", _logged, tooltip=_logged_tip, align=RIGHT),
    Column("By", lambda m: _opt(m.author), tooltip=lambda m: _by_tip(m.author, m.logged_at)),
]

LINEUP_COLUMNS: list[Column[LineupView]] = [
    Column("#", lambda e: _opt(e.shirt_number), sort=lambda e: e.shirt_number or 0, align=RIGHT),
    Column("Name", lambda e: e.name + (" (c)" if e.captain else ""), stretch=True),
    Column("Pos", lambda e: _opt(e.position)),
    Column("Role", lambda e: e.role.value.capitalize()),
]

# Who logged each quote, as moments show it: the library (sorted by it in SQL too),
# a person's page and the match page.
QUOTE_COLUMNS: list[Column[QuoteView]] = [
    Column("Speaker", lambda q: q.speaker),
    Column("Quote", lambda q: q.text, tooltip=lambda q: q.text, stretch=True),
    Column("Context", lambda q: CONTEXT_LABELS[q.context]),
    Column("Match", lambda q: q.match_title),
    Column("By", lambda q: _opt(q.author), tooltip=lambda q: _by_tip(q.author, None)),
]
PAGE_QUOTE_COLUMNS = QUOTE_COLUMNS

NOTE_COLUMNS: list[Column[NoteView]] = [
    Column("Written", lambda n: f"{n.created_at:%Y-%m-%d %H:%M}"),
    Column("Note", lambda n: n.text, tooltip=lambda n: n.text, stretch=True),
]

PERSON_COLUMNS: list[Column[PersonView]] = [
    Column("Name", lambda p: p.name),
    Column("Role", lambda p: ROLE_LABELS[p.role]),
    Column("#", lambda p: _opt(p.shirt_number), sort=lambda p: p.shirt_number or 0, align=RIGHT),
    Column("Pos", lambda p: _opt(p.position)),
    Column("Nationality", lambda p: _opt(p.nationality)),
    Column("Club", lambda p: _opt(p.club), stretch=True),
]

TEAM_COLUMNS: list[Column[TeamView]] = [
    Column("Team", lambda t: t.name, stretch=True),
    Column("Code", lambda t: _opt(t.code)),
    Column("Country", lambda t: _opt(t.country)),
    Column("Matches", lambda t: str(t.match_count), sort=lambda t: t.match_count, align=RIGHT),
]
