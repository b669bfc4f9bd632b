"""Key moments: log, edit and delete them; list them with the running score."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from matchnotes.enums import MomentKind, Period
from matchnotes.errors import ValidationError
from matchnotes.minutes import Minute
from matchnotes.models import LineupEntry, Match, Moment, Person, Team
from matchnotes.scores import ScoreEvent, running_scores
from matchnotes.services.base import Service, get_or_404
from matchnotes.services.clock import as_utc, stamp, utc_now
from matchnotes.services.conflicts import check_seen, describe, get_seen
from matchnotes.services.inputs import (
    NEEDS_PLAYER,
    SHOOTOUT_KINDS,
    MomentInput,
    checked_description,
)
from matchnotes.services.views import MomentView


class MomentService(Service):
    def log(self, match_id: int, data: MomentInput) -> int:
        """Record a moment; it is committed before this returns."""
        with self._write() as session:
            match = get_or_404(session, Match, match_id, "match")
            moment = Moment(
                match_id=match_id,
                period=data.minute.period,
                minute=0,
                sort_key=0,
                kind=data.kind,
            )
            apply_moment_input(session, match, moment, data)
            stamp(match, moment, timed_by_clock=False, now=utc_now())  # the form's minute is typed
            session.add(moment)
            session.flush()
            assert moment.id is not None
            return moment.id

    def update(self, moment_id: int, data: MomentInput) -> None:
        """Refused (ConflictError) when ``data.version`` is older than the moment's."""
        with self._write() as session:
            moment = get_seen(session, Moment, moment_id, "moment", data.version)
            check_seen(session, moment, data.version, _in_words(session, data))
            match = get_or_404(session, Match, moment.match_id, "match")
            timed_minute = Minute(moment.period, moment.minute, moment.stoppage)
            apply_moment_input(session, match, moment, data)
            if data.minute != timed_minute:
                moment.clock_seconds = None  # a minute typed by hand: not the clock's any more

    def delete(self, moment_id: int, *, seen: int | None = None) -> None:
        """``seen``: the version the user saw; a newer one is not deleted."""
        with self._write() as session:
            moment = get_seen(session, Moment, moment_id, "moment", seen)
            check_seen(session, moment, seen, "delete it")
            session.delete(moment)

    def moments(self, match_id: int) -> list[MomentView]:
        """The match's moments in match order, each with the score after it."""
        with self._read() as session:
            match = get_or_404(session, Match, match_id, "match")
            return load_moment_views(session, match)

    def get_input(self, moment_id: int) -> tuple[int, MomentInput]:
        """(match id, the moment as the edit form shows it)."""
        with self._read() as session:
            m = get_or_404(session, Moment, moment_id, "moment")
            return m.match_id, MomentInput(
                minute=Minute(m.period, m.minute, m.stoppage),
                kind=m.kind,
                player_id=m.player_id,
                related_player_id=m.related_player_id,
                team_id=m.team_id,
                description=m.description,
                version=m.version,
            )


def _in_words(session: Session, data: MomentInput) -> str:
    image = {"period": data.minute.period.value, "minute": data.minute.minute,
             "stoppage": data.minute.stoppage, "kind": MomentKind(data.kind).value,
             "player_id": data.player_id, "description": data.description}  # fmt: skip
    return describe(session.connection(), "moment", image)


def apply_moment_input(session: Session, match: Match, moment: Moment, data: MomentInput) -> None:
    if data.kind in NEEDS_PLAYER and data.player_id is None:
        raise ValidationError(f"A {data.kind.value.replace('_', ' ')} needs a player.")
    if data.minute.period is Period.SHOOTOUT and data.kind not in SHOOTOUT_KINDS:
        raise ValidationError(
            "In the shoot-out only kicks are logged: penalty goal, missed or saved."
        )
    if data.player_id is not None and data.player_id == data.related_player_id:
        raise ValidationError("The same player cannot be both players of a moment.")
    team_id = data.team_id
    for person_id in (data.player_id, data.related_player_id):
        if person_id is not None:
            get_or_404(session, Person, person_id, "person")
    if team_id is None and data.player_id is not None:
        team_id = session.exec(
            select(LineupEntry.team_id).where(
                LineupEntry.match_id == match.id, LineupEntry.person_id == data.player_id
            )
        ).first()
    if team_id is not None and team_id not in (match.home_team_id, match.away_team_id):
        raise ValidationError("A moment's team must be the home or the away team.")
    if team_id is None and data.kind in NEEDS_PLAYER:
        raise ValidationError(
            "Which team? The player is not in this match's line-ups: add them or choose a team."
        )
    description = checked_description(data.description)
    moment.period = data.minute.period
    moment.minute = data.minute.minute
    moment.stoppage = data.minute.stoppage
    moment.sort_key = data.minute.sort_key
    moment.kind = data.kind
    moment.team_id = team_id
    moment.player_id = data.player_id
    moment.related_player_id = data.related_player_id
    moment.description = description


# Made once: an alias made per query is a web of cycles (columns, annotations) that only
# a full garbage collection frees, ~1,700 objects a match page (issue 16).
PLAYER, RELATED = aliased(Person, name="player"), aliased(Person, name="related")


def load_moment_views(
    session: Session, match: Match, ids: Collection[int] | None = None
) -> list[MomentView]:
    """One query for all of a match's moments with names; scores computed in order.

    ``ids``: just those moments (by primary key, whatever the size of the match; their
    scores then count only each other: the caller counts them again in place)."""
    player, related = PLAYER, RELATED
    rows = session.exec(
        select(Moment, Team.name, player.name, related.name)
        .outerjoin(Team, col(Team.id) == Moment.team_id)
        .outerjoin(player, col(player.id) == Moment.player_id)
        .outerjoin(related, col(related.id) == Moment.related_player_id)
        .where(Moment.match_id == match.id, *([col(Moment.id).in_(ids)] if ids is not None else []))
        .order_by(col(Moment.sort_key), col(Moment.id))
    ).all()
    events = [ScoreEvent(m.period, m.kind, m.team_id) for m, *_ in rows]
    scores = running_scores(events, match.home_team_id, match.away_team_id)
    return [
        MomentView(
            id=m.id or 0,
            match_id=m.match_id,
            minute=Minute(m.period, m.minute, m.stoppage),
            kind=m.kind,
            team_id=m.team_id,
            team=team,
            player_id=m.player_id,
            player=player_name,
            related_player_id=m.related_player_id,
            related_player=related_name,
            description=m.description,
            score_after=score,
            logged_at=as_utc(m.logged_at) if m.logged_at else None,
            clock_timed=m.clock_seconds is not None,
            author=m.author,
            version=m.version,
        )
        for (m, team, player_name, related_name), score in zip(rows, scores, strict=True)
    ]
