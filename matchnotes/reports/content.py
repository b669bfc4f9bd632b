"""What a match or season report says, built from the read models (a person: person_content).

Pure (no Qt, no database): the PDF, Markdown and CSV renderers all format these
same dataclasses, so the three formats cannot disagree about the facts. Every
string here is raw user text; each renderer escapes it for its own format.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from dataclasses import dataclass, field

from matchnotes.draft.model import Draft
from matchnotes.enums import Attendance, Decision, LineupRole, MomentKind, Period
from matchnotes.labels import ATTENDANCE_LABELS, CONTEXT_LABELS, KIND_LABELS
from matchnotes.scores import SCORING_KINDS
from matchnotes.services.inputs import RELATED_ROLE
from matchnotes.services.views import (
    LineupView,
    MatchDetail,
    MatchSummary,
    MomentView,
    QuoteView,
)
from matchnotes.text import counted


class Mark(enum.StrEnum):
    """Something that happened to a player, shown next to the name in a line-up."""

    GOAL = "goal"
    PEN_GOAL = "penalty goal"
    OWN_GOAL = "own goal"
    ASSIST = "assist"
    PEN_MISSED = "penalty missed"
    PEN_SAVED = "penalty saved"
    YELLOW = "yellow card"
    SECOND_YELLOW = "second yellow"
    RED = "red card"
    ON = "came on"
    OFF = "went off"


_PLAYER_MARKS = {
    MomentKind.GOAL: Mark.GOAL,
    MomentKind.PENALTY_GOAL: Mark.PEN_GOAL,
    MomentKind.OWN_GOAL: Mark.OWN_GOAL,
    MomentKind.PENALTY_MISSED: Mark.PEN_MISSED,
    MomentKind.PENALTY_SAVED: Mark.PEN_SAVED,
    MomentKind.YELLOW: Mark.YELLOW,
    MomentKind.SECOND_YELLOW: Mark.SECOND_YELLOW,
    MomentKind.RED: Mark.RED,
    MomentKind.SUBSTITUTION: Mark.ON,
}
_RELATED_MARKS = {MomentKind.GOAL: Mark.ASSIST, MomentKind.SUBSTITUTION: Mark.OFF}


@dataclass(frozen=True)
class SheetLine:
    number: str
    name: str
    position: str
    captain: bool
    marks: tuple[tuple[Mark, str], ...]  # (what, minute text), in match order


@dataclass(frozen=True)
class TeamSheet:
    team: str
    starters: list[SheetLine]
    substitutes: list[SheetLine]
    managers: list[str]

    @property
    def empty(self) -> bool:
        return not (self.starters or self.substitutes or self.managers)


@dataclass(frozen=True)
class MomentRow:
    id: int
    minute: str
    kind: MomentKind
    what: str
    team: str
    who: str
    description: str
    score: str  # the score after a goal; empty for other moments
    author: str = ""  # who logged it (empty: not known)


@dataclass(frozen=True)
class QuoteRow:
    text: str
    speaker: str
    context: str
    about: str  # "on the 84' penalty missed", or the match for a person's quotes, or ""
    author: str = ""  # who logged it (empty: not known)


@dataclass(frozen=True)
class MatchReport:
    title: str
    home: str
    away: str
    score: str
    competition_line: str
    result_lines: list[str]
    facts: list[tuple[str, str]]
    sheets: tuple[TeamSheet, TeamSheet]
    moments: list[MomentRow]
    quotes: list[QuoteRow]
    notes: list[str]
    # The report draft (issue 19): (section, paragraph) — "headline", "standfirst", "body".
    draft: list[tuple[str, str]] = field(default_factory=list)


def long_date(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def competition_line(s: MatchSummary) -> str:
    return " · ".join(x for x in (s.competition, s.season, s.stage) if x)


def result_lines(d: MatchDetail) -> list[str]:
    """Half-time, extra time and penalties, as they apply."""
    s = d.summary
    lines = [f"Half-time {d.half_time}"] if d.moments and not d.score_is_override else []
    if d.decided_by is not Decision.REGULAR:
        lines.append("After extra time")
    if d.penalties is not None:
        p = d.penalties
        winner = s.home if p.home > p.away else s.away if p.away > p.home else None
        high, low = max(p.home, p.away), min(p.home, p.away)
        lines.append(f"{winner} win {high}–{low} on penalties" if winner else f"{p} on penalties")
    return lines


def match_facts(d: MatchDetail) -> list[tuple[str, str]]:
    s = d.summary
    facts = [("Date", long_date(s.date))]
    if s.kickoff_time:
        facts.append(("Kick-off", f"{s.kickoff_time:%H:%M}"))
    venue = ", ".join(x for x in (s.venue, d.venue_city) if x)
    facts += [("Venue", venue)] if venue else []
    facts += [("Attendance", f"{d.attendance:,}")] if d.attendance else []
    facts += [("Referee", d.referee)] if d.referee else []
    if s.fan_attendance is not Attendance.NONE:
        seen = ATTENDANCE_LABELS[s.fan_attendance]
        facts.append(("Seen", f"{seen}, {d.watched_where}" if d.watched_where else seen))
    facts += [("Rating", f"{s.rating}/10")] if s.rating is not None else []
    facts += [("Tags", ", ".join(d.tags))] if d.tags else []
    return facts


def who_line(m: MomentView) -> str:
    who = m.player or ""
    if m.related_player:
        who += f" ({RELATED_ROLE.get(m.kind, 'with')} {m.related_player})"
    return who


def moment_row(m: MomentView) -> MomentRow:
    scoring = m.kind in SCORING_KINDS and m.minute.period is not Period.SHOOTOUT
    what = KIND_LABELS[m.kind]
    if m.minute.period is Period.SHOOTOUT:
        what = f"Shoot-out: {what.lower()}"
    return MomentRow(
        m.id, m.minute_text, m.kind, what, m.team or "", who_line(m), m.description,
        str(m.score_after) if scoring else "", m.author or "",
    )  # fmt: skip


def _sheet(team: str, entries: list[LineupView], moments: list[MomentView]) -> TeamSheet:
    marks: dict[int, list[tuple[Mark, str]]] = {}
    for m in moments:
        if m.minute.period is Period.SHOOTOUT:
            continue  # kicks are listed with the moments, not as match events
        if m.player_id is not None and m.kind in _PLAYER_MARKS:
            marks.setdefault(m.player_id, []).append((_PLAYER_MARKS[m.kind], m.minute_text))
        if m.related_player_id is not None and m.kind in _RELATED_MARKS:
            mark = _RELATED_MARKS[m.kind]
            marks.setdefault(m.related_player_id, []).append((mark, m.minute_text))

    def line(e: LineupView) -> SheetLine:
        number = "" if e.shirt_number is None else str(e.shirt_number)
        got = tuple(marks.get(e.person_id, ()))
        return SheetLine(number, e.name, e.position or "", e.captain, got)

    return TeamSheet(
        team=team,
        starters=[line(e) for e in entries if e.role is LineupRole.STARTER],
        substitutes=[line(e) for e in entries if e.role is LineupRole.SUBSTITUTE],
        managers=[e.name for e in entries if e.role is LineupRole.MANAGER],
    )


def quote_row(q: QuoteView, moments: dict[int, MomentView] | None = None) -> QuoteRow:
    """A quote; `moments` given (a match report) names the moment it is about, if any,
    otherwise (a person's report) the match it was said at."""
    about = ""
    if moments is not None:
        moment = moments.get(q.moment_id or -1)
        if moment is not None:
            about = f"on the {moment.minute_text} {KIND_LABELS[moment.kind].lower()}"
    elif q.match_title:
        about = q.match_title
    return QuoteRow(q.text, q.speaker, CONTEXT_LABELS[q.context], about, q.author or "")


def match_report(d: MatchDetail, draft: Draft | None = None) -> MatchReport:
    s = d.summary
    by_id = {m.id: m for m in d.moments}
    return MatchReport(
        title=s.title,
        home=s.home,
        away=s.away,
        score=s.score_text,
        competition_line=competition_line(s),
        result_lines=result_lines(d),
        facts=match_facts(d),
        sheets=(
            _sheet(s.home, d.lineup_of(s.home_id), d.moments),
            _sheet(s.away, d.lineup_of(s.away_id), d.moments),
        ),
        moments=[moment_row(m) for m in d.moments],
        quotes=[quote_row(q, by_id) for q in d.quotes],
        notes=[n.text for n in d.notes],
        draft=draft.texts() if draft is not None else [],
    )


# --- a season or a year ------------------------------------------------------------


@dataclass(frozen=True)
class SeasonRow:
    date: str
    competition: str
    match: str  # "Home 1–2 Away", with "aet" / penalties as they apply
    venue: str
    seen: str
    rating: str


@dataclass(frozen=True)
class SeasonReport:
    title: str
    summary: str
    rows: list[SeasonRow]
    grounds: list[tuple[str, int]]  # (ground, matches attended there)
    notes: list[tuple[str, list[str]]]  # (match heading, its notes)
    competition_header: str = "Competition"  # "Stage" when every match shares one


def _result(d: MatchDetail) -> str:
    s = d.summary
    extra = " aet" if d.decided_by is not Decision.REGULAR else ""
    pens = f", {d.penalties} pens" if d.penalties is not None else ""
    return f"{s.home} {s.score_text} {s.away}{extra}{pens}"


def season_report(details: list[MatchDetail], title: str) -> SeasonReport:
    ordered = sorted(details, key=lambda d: (d.summary.date, d.summary.kickoff_time or dt.time()))
    rows, grounds, notes = [], Counter[str](), []
    # One competition and season (the usual season report): the column says the stage.
    one = len({(d.summary.competition, d.summary.season) for d in ordered}) == 1
    for d in ordered:
        s = d.summary
        venue = ", ".join(x for x in (s.venue, d.venue_city) if x)
        if s.fan_attendance is Attendance.ATTENDED and venue:
            grounds[venue] += 1
        seen = "" if s.fan_attendance is Attendance.NONE else ATTENDANCE_LABELS[s.fan_attendance]
        rating = "" if s.rating is None else str(s.rating)
        stage = (s.stage or "") if one else competition_line(s)
        rows.append(SeasonRow(short_date(s.date), stage, _result(d), venue, seen, rating))
        if d.notes:
            notes.append((f"{short_date(s.date)} — {s.title}", [n.text for n in d.notes]))
    ratings = [d.summary.rating for d in ordered if d.summary.rating is not None]
    seen_at = Counter(d.summary.fan_attendance for d in ordered)
    parts = [counted(len(ordered), "match")]
    parts += [f"{seen_at[Attendance.ATTENDED]} attended"] if seen_at[Attendance.ATTENDED] else []
    parts += [f"{seen_at[Attendance.WATCHED]} watched"] if seen_at[Attendance.WATCHED] else []
    parts += [counted(len(grounds), "ground")] if grounds else []
    parts += [f"average rating {sum(ratings) / len(ratings):.1f}"] if ratings else []
    return SeasonReport(
        title=title,
        summary=" · ".join(parts),
        rows=rows,
        grounds=sorted(grounds.items(), key=lambda g: (-g[1], g[0])),
        notes=notes,
        competition_header="Stage" if one else "Competition",
    )
