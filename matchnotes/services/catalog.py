"""Competitions, seasons, teams and venues: the reference lists matches point at."""

from __future__ import annotations

from sqlalchemy import func, or_
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from matchnotes.enums import PersonRole
from matchnotes.errors import ValidationError
from matchnotes.models import Competition, Match, Person, Season, Team, Venue
from matchnotes.services.base import Service, get_or_404
from matchnotes.services.conflicts import check_seen, get_seen, team_words
from matchnotes.services.lookup import required_name, team_by_name, venue_by_name
from matchnotes.services.views import CatalogNames, CompetitionView, TeamView, VenueView
from matchnotes.text import clean, fold


class CatalogService(Service):
    # --- teams ---
    def ensure_team(self, name: str, code: str | None = None, country: str | None = None) -> int:
        """The id of the team with this name, created if new; fills in a missing code/country."""
        with self._write() as session:
            team = team_by_name(session, name)
            if code and not team.code:
                team.code = _team_code(code)
            if country and not team.country:
                team.country = clean(country)
            assert team.id is not None
            return team.id

    def update_team(
        self, team_id: int, name: str, code: str | None = None, country: str | None = None,
        *, seen: int | None = None,
    ) -> None:  # fmt: skip
        """Rename a team, set its code and country. ``seen``: the version the user's screen
        showed; a team changed since is not overwritten (ConflictError)."""
        with self._write() as session:
            team = get_seen(session, Team, team_id, "team", seen)
            yours = team_words({"name": name, "code": code, "country": country})
            check_seen(session, team, seen, yours)
            name = required_name(name, "team")
            clash = session.exec(
                select(Team).where(Team.name_key == fold(name), Team.id != team_id)
            ).first()
            if clash:
                raise ValidationError(f"Another team is already called “{clash.name}”.")
            team.name, team.name_key = name, fold(name)
            team.code = _team_code(code) if code else None
            team.country = clean(country) or None

    def teams(self) -> list[TeamView]:
        with self._read() as session:
            counts = dict(
                session.exec(
                    select(Team.id, func.count(col(Match.id)))
                    .join(
                        Match,
                        or_(col(Match.home_team_id) == Team.id, col(Match.away_team_id) == Team.id),
                    )
                    .group_by(col(Team.id))
                ).all()
            )
            rows = session.exec(select(Team).order_by(Team.name_key)).all()
            return [
                TeamView(t.id or 0, t.name, t.code, t.country, counts.get(t.id, 0), t.version)
                for t in rows
            ]

    def team(self, team_id: int) -> TeamView:
        with self._read() as session:
            t = get_or_404(session, Team, team_id, "team")
            return TeamView(t.id or 0, t.name, t.code, t.country, version=t.version)

    def names(self) -> CatalogNames:
        """Every team, venue and competition name, and the referees': what the match
        form completes (names only, without the teams list's match counts)."""
        people = Person.__table__.c  # type: ignore[attr-defined]
        with self._read() as session:

            def of(model: type) -> tuple[str, ...]:
                table = model.__table__.c  # type: ignore[attr-defined]
                return tuple(
                    session.execute(sa_select(table.name).order_by(table.name_key)).scalars()
                )

            referees = sa_select(people.name).where(people.role == PersonRole.REFEREE)
            return CatalogNames(of(Team), of(Venue), of(Competition),
                                tuple(session.execute(referees).scalars()))  # fmt: skip

    # --- venues ---
    def ensure_venue(
        self,
        name: str,
        city: str | None = None,
        country: str | None = None,
        capacity: int | None = None,
    ) -> int:
        with self._write() as session:
            venue = venue_by_name(session, name, city)
            if country and not venue.country:
                venue.country = clean(country)
            if capacity and not venue.capacity:
                venue.capacity = capacity
            assert venue.id is not None
            return venue.id

    def venues(self) -> list[VenueView]:
        with self._read() as session:
            rows = session.exec(select(Venue).order_by(Venue.name_key)).all()
            return [VenueView(v.id or 0, v.name, v.city, v.country, v.capacity) for v in rows]

    # --- competitions ---
    def competitions(self) -> list[CompetitionView]:
        with self._read() as session:
            comps = session.exec(select(Competition).order_by(Competition.name_key)).all()
            seasons = session.exec(select(Season).order_by(Season.name)).all()
            by_comp: dict[int, list[str]] = {}
            for s in seasons:
                by_comp.setdefault(s.competition_id, []).append(s.name)
            return [
                CompetitionView(c.id or 0, c.name, tuple(by_comp.get(c.id or 0, []))) for c in comps
            ]


def _team_code(code: str) -> str:
    code = clean(code).upper()
    if not (2 <= len(code) <= 5) or not code.isalpha():
        raise ValidationError(f"A team code is 2 to 5 letters, like ENG or FRA, not “{code}”.")
    return code
