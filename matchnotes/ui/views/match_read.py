"""What the match page reads on its worker as it opens, and its header as rich text."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from matchnotes.clock import ClockState
from matchnotes.draft.model import Draft
from matchnotes.enums import Decision
from matchnotes.labels import DECISION_LABELS, STATUS_LABELS
from matchnotes.services import Services
from matchnotes.services.views import MatchDetail
from matchnotes.ui.dialogs.seen_dialog import Seen, seen_line


@dataclass(frozen=True)
class PageRead:
    """All the page shows, read together on a worker."""

    detail: MatchDetail
    clock: ClockState
    draft: Draft
    draft_saved: bool


def read_page(services: Services, match_id: int) -> PageRead:
    """Worker side: no widgets here."""
    detail = services.matches.get_match(match_id)
    drafts = services.draft
    return PageRead(detail, services.clock.state(match_id), drafts.current(match_id),
                    drafts.is_saved(match_id))  # fmt: skip


def header_html(d: MatchDetail, half_time: bool = True) -> str:
    """The header as rich text; every user string is escaped (names are text, not HTML).

    ``half_time``: whether the first half is over (no "HT 0–1" while it is played)."""
    s = d.summary
    result = f"{escape(s.home)} {s.score.home}–{s.score.away} {escape(s.away)}"
    extra = []
    if d.moments and half_time:
        extra.append(f"HT {d.half_time}")
    if d.decided_by is not Decision.REGULAR:
        extra.append(DECISION_LABELS[d.decided_by].lower())
    if d.penalties:
        extra.append(f"{d.penalties} on penalties")
    lines = [
        " · ".join(escape(x) for x in (s.competition, s.season, s.stage) if x),
        f"{s.date:%A %d %B %Y}" + (f", kick-off {s.kickoff_time:%H:%M}" if s.kickoff_time else ""),
        ", ".join(escape(x) for x in (s.venue, d.venue_city) if x),
        " · ".join(x for x in (
            f"Attendance {d.attendance:,}" if d.attendance else "",
            f"Referee {escape(d.referee)}" if d.referee else "",
            STATUS_LABELS[s.status],
        ) if x),
        escape(seen_line(Seen(s.fan_attendance, d.watched_where, s.rating))),
    ]  # fmt: skip
    small = "<br>".join(line for line in lines if line)
    extra_html = f" <span style='font-size:small'>({', '.join(extra)})</span>" if extra else ""
    return f"<h2 style='margin:0'>{result}{extra_html}</h2><p>{small}</p>"
