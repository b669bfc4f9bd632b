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
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from sqlmodel import Session

from matchnotes.enums import Period
from matchnotes.minutes import Minute
from matchnotes.models import Match, Moment, Person, Team
from matchnotes.scores import ScoreEvent, half_time_score, running_scores
from matchnotes.services.clock import as_utc
from matchnotes.services.views import MatchDetail, MomentView


def stored_moment_view(session: Session, match: Match, moment: Moment) -> MomentView:
    """The view of a moment flushed in ``session``, as `load_moment_views(only=...)` reads
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
