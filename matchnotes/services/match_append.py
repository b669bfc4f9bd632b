"""A match page after one more moment: the page it showed plus that moment, read alone.

Reading the whole match again for each line cost most of a quick-entry line on a big
archive. The new moment is put in its place in match order and the scores after it
counted again. A shoot-out kick, or a line that changed the line-up, returns None: the
caller reads the whole match. The summary (score, status) is the caller's to
read again.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from sqlalchemy import func
from sqlmodel import Session, select

from matchnotes.enums import Period
from matchnotes.models import LineupEntry, Match, Moment
from matchnotes.scores import ScoreEvent, half_time_score, running_scores
from matchnotes.services.moments import load_moment_views
from matchnotes.services.views import MatchDetail, MomentView


def detail_with_moment(session: Session, detail: MatchDetail, moment_id: int) -> MatchDetail | None:
    moment = session.get(Moment, moment_id)
    match = session.get(Match, detail.id)
    if moment is None or match is None or moment.match_id != detail.id:
        return None
    if moment.period is Period.SHOOTOUT:
        return None  # the shoot-out score is derived from every kick
    lineup = session.exec(
        select(func.count()).select_from(LineupEntry).where(LineupEntry.match_id == detail.id)
    ).one()
    if lineup != len(detail.lineups):
        return None  # the line added someone to the line-up
    (view,) = load_moment_views(session, match, only=moment_id)
    at = bisect.bisect(detail.moments, (moment.sort_key, moment_id), key=_order)
    moments = [*detail.moments[:at], view, *detail.moments[at:]]
    events = [ScoreEvent(m.minute.period, m.kind, m.team_id) for m in moments]
    home, away = match.home_team_id, match.away_team_id
    scores = running_scores(events, home, away)
    # Every score from the new moment on may move (a goal logged late).
    moments[at:] = [
        m if m.score_after == score else replace(m, score_after=score)
        for m, score in zip(moments[at:], scores[at:], strict=True)
    ]
    return replace(detail, moments=moments, half_time=half_time_score(events, home, away))


def _order(moment: MomentView) -> tuple[int, int]:
    return (moment.minute.sort_key, moment.id)
