"""What a person's report says: profile, record, matches, moments, quotes, notes.

Pure, like content.py (which holds the match and season reports and shared pieces).
"""

from __future__ import annotations

from dataclasses import dataclass

from matchnotes.enums import MomentKind
from matchnotes.labels import KIND_LABELS, ROLE_LABELS
from matchnotes.reports.content import QuoteRow, competition_line, quote_row, short_date
from matchnotes.services.inputs import RELATED_ROLE
from matchnotes.services.views import MomentView, PersonPage, TeamTally


@dataclass(frozen=True)
class PersonMomentRow:
    date: str
    match: str
    minute: str
    what: str
    detail: str


@dataclass(frozen=True)
class PersonReport:
    name: str
    subtitle: str
    facts: list[tuple[str, str]]
    tallies: list[TeamTally]
    matches: list[tuple[str, str, str]]  # (date, competition line, "Home 1–2 Away")
    moments: list[PersonMomentRow]
    quotes: list[QuoteRow]
    notes: list[str]


def _person_moment(m: MomentView, person_id: int, title: str, day: str) -> PersonMomentRow:
    label = KIND_LABELS[m.kind]
    if m.player_id == person_id:
        what = {MomentKind.SUBSTITUTION: "Came on"}.get(m.kind, label)
        rel = RELATED_ROLE.get(m.kind, "with")
        detail = f"{rel} {m.related_player}" if m.related_player else ""
    else:  # the person is the second player of the moment
        what = {
            MomentKind.GOAL: "Assist",
            MomentKind.SUBSTITUTION: "Went off",
            MomentKind.YELLOW: "Fouled",
            MomentKind.SECOND_YELLOW: "Fouled",
            MomentKind.RED: "Fouled",
        }.get(m.kind, "Won the penalty")
        detail = f"{label.lower()}: {m.player}" if m.player else label.lower()
    if m.description:
        detail = f"{detail} — {m.description}" if detail else m.description
    return PersonMomentRow(day, title, m.minute_text, what, detail)


def person_report(page: PersonPage, notes: list[str] | None = None) -> PersonReport:
    p = page.person
    subtitle = " · ".join(
        x
        for x in (
            ROLE_LABELS[p.role],
            p.position,
            f"#{p.shirt_number}" if p.shirt_number is not None else None,
        )
        if x
    )
    facts = [("Club", p.club or ""), ("Nationality", p.nationality or "")]
    if p.date_of_birth:
        facts.append(("Born", f"{p.date_of_birth.day} {p.date_of_birth:%B %Y}"))
    summaries = {s.id: s for s in page.matches}
    ordered = sorted(page.matches, key=lambda s: (s.date, s.id))
    moments = []
    for m in page.moments:
        s = summaries.get(m.match_id)
        title, day = (s.title, short_date(s.date)) if s else ("", "")
        moments.append(_person_moment(m, p.id, title, day))
    return PersonReport(
        name=p.name,
        subtitle=subtitle,
        facts=[(k, v) for k, v in facts if v],
        tallies=page.tallies,
        matches=[(short_date(s.date), competition_line(s), s.title) for s in ordered],
        moments=moments,
        quotes=[quote_row(q) for q in page.quotes],
        notes=list(notes or []),
    )


def apps_text(t: TeamTally) -> str:
    """Appearances; "+?" when a baseline gives goals but not the caps before it."""
    return str(t.appearances) if t.caps_known else f"{t.appearances}+?"
