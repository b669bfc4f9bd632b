"""A match page after one more moment: the page it showed plus the moment a line just
logged, built from what the line's own transaction holds.

Reading the whole match again for each line cost most of a quick-entry line on a big
archive, and even reading the new moment back in a session of its own cost more than
the commit. So the line's transaction hands over the stored moment's view
(`stored_moment_view`, from the rows it loaded already), and `detail_with_moment` puts
it in its place in match order and counts the scores after it again, without the
database. A shoot-out kick returns None (the shoot-out score is derived from every
kick): the caller reads the whole match, as it does after a line that changed the
line-up (`RecordResult.appendable`).

`detail_with_changes` does the same for what other reporters changed (issue 18: the
live page): the rows told changed, read by id (`PageChanges`), put in place of the
page's, the rows gone taken out, and the scores of the whole match counted again from
the moments held, so a late goal moves every score after it.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from sqlmodel import Session

from matchnotes.enums import Decision, Period
from matchnotes.minutes import Minute, sort_key
from matchnotes.models import Match, Moment, Person, Team
from matchnotes.scores import Score, ScoreEvent, beneficiary, half_time_score, running_scores
from matchnotes.scores import shootout_score as derive_shootout
from matchnotes.services.clock import as_utc
from matchnotes.services.views import (
    LineupView,
    MatchDetail,
    MatchSummary,
    MomentView,
    NoteView,
    QuoteView,
)


def stored_moment_view(session: Session, match: Match, moment: Moment) -> MomentView:
    """The view of a moment flushed in ``session``, as `load_moment_views(ids=[...])` reads
    it back (its score counts no earlier moment). The people were loaded by the line's
    checks, so their names come from the session without a query."""
    names = {}
    for person_id in (moment.player_id, moment.related_player_id):
        person = session.get(Person, person_id) if person_id is not None else None
        names[person_id] = person.name if person is not None else None
    team = session.get(Team, moment.team_id) if moment.team_id is not None else None
    (score,) = running_scores(
        [ScoreEvent(moment.period, moment.kind, moment.team_id)],
        match.home_team_id,
        match.away_team_id,
    )
    return MomentView(
        id=moment.id or 0,
        match_id=moment.match_id,
        minute=Minute(moment.period, moment.minute, moment.stoppage),
        kind=moment.kind,
        team_id=moment.team_id,
        team=team.name if team is not None else None,
        player_id=moment.player_id,
        player=names[moment.player_id],
        related_player_id=moment.related_player_id,
        related_player=names[moment.related_player_id],
        description=moment.description,
        score_after=score,
        logged_at=as_utc(moment.logged_at) if moment.logged_at else None,
        clock_timed=moment.clock_seconds is not None,
        author=moment.author,  # signed at the flush (services/base._sign_new_rows)
        version=moment.version,
    )


def detail_with_moment(detail: MatchDetail, view: MomentView) -> MatchDetail | None:
    """``detail`` plus ``view`` in its place, the scores from it on counted again; None
    when that cannot be told from the page alone (a shoot-out kick, another match)."""
    if view.match_id != detail.id or view.minute.period is Period.SHOOTOUT:
        return None
    if any(m.id == view.id for m in detail.moments):
        return None  # shown already: the page is not the one the line was typed on
    at = bisect.bisect(detail.moments, _order(view), key=_order)
    moments = [*detail.moments[:at], view, *detail.moments[at:]]
    events = [ScoreEvent(m.minute.period, m.kind, m.team_id) for m in moments]
    s = detail.summary
    scores = running_scores(events, s.home_id, s.away_id)
    # Every score from the new moment on may move (a goal logged late).
    moments[at:] = [
        m if m.score_after == score else replace(m, score_after=score)
        for m, score in zip(moments[at:], scores[at:], strict=True)
    ]
    summary = s
    if not detail.score_is_override:  # the score the Matches list counts from the goals
        summary = replace(s, score=scores[-1])
    return replace(
        detail,
        summary=summary,
        moments=moments,
        half_time=half_time_score(events, s.home_id, s.away_id),
    )


def _order(moment: MomentView) -> tuple[int, int]:
    return (moment.minute.sort_key, moment.id)


@dataclass(frozen=True)
class MatchHeader:
    """What the page shows of the match row itself (and its tags), read again when the
    row changed; ``stored_penalties`` is the shoot-out score typed in, if any."""

    summary: MatchSummary
    venue_city: str | None
    attendance: int | None
    referee_id: int | None
    referee: str | None
    decided_by: Decision
    score_is_override: bool
    watched_where: str | None
    tags: list[str]
    stored_penalties: Score | None


@dataclass(frozen=True)
class PageChanges:
    """The rows another process changed, read again: ``moments`` and ``quotes`` are those
    of ``moment_ids`` / ``quote_ids`` that still exist (an id asked for and not read was
    deleted); the line-ups, notes and header only when they changed (else None)."""

    moment_ids: Collection[int] = ()
    moments: list[MomentView] = field(default_factory=list)
    quote_ids: Collection[int] = ()
    quotes: list[QuoteView] = field(default_factory=list)
    lineups: list[LineupView] | None = None
    notes: list[NoteView] | None = None
    header: MatchHeader | None = None


def detail_with_changes(detail: MatchDetail, changes: PageChanges) -> MatchDetail | None:
    """``detail`` with ``changes`` in place: a row read replaces the one shown (or goes in
    its place in match order), a row asked for and not read is taken out; the running,
    half-time, final and shoot-out scores are counted again from the moments held. Lists
    that did not change stay the very objects they were (the page repaints only the rest).
    None when the page cannot be told from that (the teams changed: every score moves)."""
    out = detail
    if changes.header is not None and (
        (changes.header.summary.home_id, changes.header.summary.away_id)
        != (detail.summary.home_id, detail.summary.away_id)
    ):
        return None
    if changes.moment_ids:
        moved = _with_moments(out, changes)
        if moved is None:
            return None
        out = moved
    if changes.quote_ids:
        asked, shown = set(changes.quote_ids), {q.id: q for q in out.quotes}
        kept = [q for q in out.quotes if q.id not in asked]
        quotes = sorted([*kept, *changes.quotes], key=lambda q: q.id)
        quotes = [shown[q.id] if shown.get(q.id) == q else q for q in quotes]
        if not same_rows(quotes, out.quotes):
            out = replace(out, quotes=quotes)
    if changes.lineups is not None and changes.lineups != out.lineups:
        out = replace(out, lineups=changes.lineups)
    if changes.notes is not None and changes.notes != out.notes:
        out = replace(out, notes=changes.notes)
    if changes.header is not None:
        out = _with_header(out, changes.header)
    return out


def _with_moments(detail: MatchDetail, changes: PageChanges) -> MatchDetail | None:
    """The moments asked for taken out, those read put in their places, and the scores
    counted again from the first place that changed (before it nothing moves): a few
    lines at the end of a 2,000-moment match cost a few rows, not the match."""
    asked = set(changes.moment_ids)
    shown = {m.id: m for m in detail.moments if m.id in asked}
    touched = [*shown.values(), *changes.moments]
    if any(m.minute.period is Period.SHOOTOUT for m in touched):
        return None  # the shoot-out score: typed in or counted from every kick? Read it.
    moments = [m for m in detail.moments if m.id not in asked]
    first = len(moments)  # the first place whose score may have moved
    gone = [m for m in detail.moments if m.id in shown]
    if gone:  # where the earliest row taken out was
        first = bisect.bisect_left(moments, _order(gone[0]), key=_order)
    for read in changes.moments:
        # the very row shown when nothing about it changed (the page repaints the rest)
        row = shown[read.id] if shown.get(read.id) == read else read
        at = bisect.bisect(moments, _order(row), key=_order)
        moments.insert(at, row)
        first = min(first, at)
    s = detail.summary
    score = moments[first - 1].score_after if first > 0 else Score(0, 0)
    home, away = score.home, score.away
    for at in range(first, len(moments)):
        m = moments[at]
        team = beneficiary(ScoreEvent(m.minute.period, m.kind, m.team_id), s.home_id, s.away_id)
        if team is not None:
            home, away = (home + 1, away) if team == s.home_id else (home, away + 1)
        if m.score_after.home != home or m.score_after.away != away:
            moments[at] = replace(m, score_after=Score(home, away))
    if same_rows(moments, detail.moments):
        return detail
    summary = s
    if not detail.score_is_override:  # the score the Matches list counts from the goals
        summary = replace(s, score=Score(home, away))
    # The first half comes first: half-time is the score after its last moment.
    end = bisect.bisect(moments, (sort_key(Period.SECOND_HALF, 0, 0), 0), key=_order)
    half_time = moments[end - 1].score_after if end > 0 else Score(0, 0)
    return replace(detail, summary=summary, moments=moments, half_time=half_time)


def _with_header(detail: MatchDetail, header: MatchHeader) -> MatchDetail:
    summary = header.summary
    events = [ScoreEvent(m.minute.period, m.kind, m.team_id) for m in detail.moments]
    if not header.score_is_override:  # counted from the moments held, as the page shows
        scores = running_scores(events, summary.home_id, summary.away_id)
        summary = replace(summary, score=scores[-1] if scores else Score(0, 0))
    penalties = derive_shootout(events, summary.home_id, summary.away_id)
    return replace(
        detail,
        summary=summary,
        venue_city=header.venue_city,
        attendance=header.attendance,
        referee_id=header.referee_id,
        referee=header.referee,
        decided_by=header.decided_by,
        score_is_override=header.score_is_override,
        watched_where=header.watched_where,
        tags=header.tags,
        penalties=penalties if penalties is not None else header.stored_penalties,
    )


def same_rows(new: Sequence[object], old: Sequence[object]) -> bool:
    """Whether two lists hold the very same row objects, in the same order."""
    return len(new) == len(old) and all(a is b for a, b in zip(new, old, strict=True))
