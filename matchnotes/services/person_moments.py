"""A person's moments across the database, with the score after each, without loading
every moment of every match they played in.

The score after a moment needs only the goals before it in its match, so one query
reads the person's own moments and the scoring moments of those matches (indexes:
player, related player, ``ix_moment_scoring``): for the busiest player of a big
archive 3,000 rows instead of 50,000 moments and 450 ORM match objects.
"""

from __future__ import annotations

from itertools import groupby

from sqlalchemy import and_, or_, union
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from matchnotes.enums import MomentKind, Period
from matchnotes.minutes import Minute
from matchnotes.models import Moment, Team
from matchnotes.scores import SCORING_KINDS, ScoreEvent, running_scores
from matchnotes.services.clock import as_utc
from matchnotes.services.moments import PLAYER, RELATED
from matchnotes.services.views import MomentView


def load_person_moments(
    session: Session, person_id: int, sides: dict[int, tuple[int, int]]
) -> list[MomentView]:
    """Their moments in match order (matches ordered as ``sides`` lists them);
    ``sides`` maps each match to (home team id, away team id)."""
    player, related = PLAYER, RELATED
    theirs = or_(col(Moment.player_id) == person_id, col(Moment.related_player_id) == person_id)
    their_matches = union(
        sa_select(col(Moment.match_id)).where(col(Moment.player_id) == person_id),
        sa_select(col(Moment.match_id)).where(col(Moment.related_player_id) == person_id),
    )
    scoring = and_(
        col(Moment.kind).in_([k.value for k in SCORING_KINDS]),
        col(Moment.match_id).in_(their_matches),
    )
    m = Moment.__table__.c  # type: ignore[attr-defined]  # plain columns: no ORM object per row
    rows = session.execute(
        sa_select(m.id, m.match_id, m.period, m.minute, m.stoppage, m.kind, m.team_id,
                  m.player_id, m.related_player_id, m.description, m.logged_at,
                  m.clock_seconds, col(Team.name), col(player.name), col(related.name),
                  m.author, m.version)
        .outerjoin(Team, col(Team.id) == m.team_id)
        .outerjoin(player, col(player.id) == m.player_id)
        .outerjoin(related, col(related.id) == m.related_player_id)
        .where(or_(theirs, scoring))
        .order_by(m.match_id, m.sort_key, m.id)
    ).all()  # fmt: skip
    by_match: dict[int, list[MomentView]] = {}
    for match_id, group in groupby(rows, key=lambda r: r.match_id):
        if match_id not in sides:
            continue
        moments = list(group)
        home, away = sides[match_id]
        events = [ScoreEvent(Period(r.period), MomentKind(r.kind), r.team_id) for r in moments]
        scores = running_scores(events, home, away)
        by_match[match_id] = [
            MomentView(
                id=r.id, match_id=r.match_id, minute=Minute(Period(r.period), r.minute, r.stoppage),
                kind=MomentKind(r.kind), team_id=r.team_id, team=r[12], player_id=r.player_id,
                player=r[13], related_player_id=r.related_player_id, related_player=r[14],
                description=r.description, score_after=score,
                logged_at=as_utc(r.logged_at) if r.logged_at else None,
                clock_timed=r.clock_seconds is not None, author=r.author, version=r.version,
            )
            for r, score in zip(moments, scores, strict=True)
            if person_id in (r.player_id, r.related_player_id)
        ]  # fmt: skip
    return [view for match_id in sides for view in by_match.get(match_id, [])]
