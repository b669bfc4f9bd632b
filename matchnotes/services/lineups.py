"""Line-ups: who played for which team in a match (starter, substitute, captain, number)."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from matchnotes.enums import LineupRole, PersonRole
from matchnotes.errors import ValidationError
from matchnotes.models import LineupEntry, Match, Person, Team
from matchnotes.services.base import Service, get_or_404
from matchnotes.services.inputs import LineupInput
from matchnotes.services.lookup import person_by_name
from matchnotes.services.views import LineupView
from matchnotes.text import clean


class LineupService(Service):
    def add(self, match_id: int, data: LineupInput) -> int:
        with self._write() as session:
            match = get_or_404(session, Match, match_id, "match")
            entry = LineupEntry(match_id=match_id, team_id=data.team_id, person_id=0)
            self._apply(session, match, entry, data)
            entry.sort_order = 1 + (
                session.exec(
                    select(func.coalesce(func.max(LineupEntry.sort_order), 0)).where(
                        LineupEntry.match_id == match_id, LineupEntry.team_id == data.team_id
                    )
                ).one()
            )
            session.add(entry)
            session.flush()
            assert entry.id is not None
            return entry.id

    def update(self, entry_id: int, data: LineupInput) -> None:
        with self._write() as session:
            entry = get_or_404(session, LineupEntry, entry_id, "line-up entry")
            match = get_or_404(session, Match, entry.match_id, "match")
            self._apply(session, match, entry, data)

    def remove(self, entry_id: int) -> None:
        with self._write() as session:
            session.delete(get_or_404(session, LineupEntry, entry_id, "line-up entry"))

    def get_input(self, entry_id: int) -> tuple[int, LineupInput, str]:
        """(match id, the entry as the edit form shows it, the person's name)."""
        with self._read() as session:
            e = get_or_404(session, LineupEntry, entry_id, "line-up entry")
            person = get_or_404(session, Person, e.person_id, "person")
            data = LineupInput(e.team_id, e.person_id, e.role, e.shirt_number, e.position,
                               e.captain)  # fmt: skip
            return e.match_id, data, person.name

    def lineup(self, match_id: int) -> list[LineupView]:
        with self._read() as session:
            get_or_404(session, Match, match_id, "match")
            return load_lineup_views(session, match_id)

    def _apply(self, session: Session, match: Match, entry: LineupEntry, data: LineupInput) -> None:
        if data.team_id not in (match.home_team_id, match.away_team_id):
            raise ValidationError("A line-up entry must be for the home or the away team.")
        role = PersonRole.MANAGER if data.role is LineupRole.MANAGER else PersonRole.PLAYER
        if isinstance(data.person, int):
            person = get_or_404(session, Person, data.person, "person")
        else:
            person = person_by_name(session, data.person, role)
        clash = session.exec(
            select(LineupEntry).where(
                LineupEntry.match_id == match.id,
                LineupEntry.person_id == person.id,
                LineupEntry.id != entry.id if entry.id else True,
            )
        ).first()
        if clash:
            raise ValidationError(f"{person.name} is already in this match's line-ups.")
        if data.shirt_number is not None:
            if not 0 <= data.shirt_number <= 99:
                raise ValidationError("A shirt number is from 0 to 99.")
            taken = session.exec(
                select(Person.name)
                .join(LineupEntry, col(LineupEntry.person_id) == Person.id)
                .where(
                    LineupEntry.match_id == match.id,
                    LineupEntry.team_id == data.team_id,
                    LineupEntry.shirt_number == data.shirt_number,
                    LineupEntry.person_id != person.id,
                )
            ).first()
            if taken:
                raise ValidationError(f"#{data.shirt_number} is already worn by {taken}.")
        if data.captain:
            for other in session.exec(
                select(LineupEntry).where(
                    LineupEntry.match_id == match.id,
                    LineupEntry.team_id == data.team_id,
                    col(LineupEntry.captain).is_(True),
                )
            ):
                other.captain = False  # one captain per team: the new one takes the armband
        entry.team_id = data.team_id
        entry.person_id = person.id or 0
        entry.role = data.role
        entry.shirt_number = data.shirt_number
        entry.position = clean(data.position).upper() or None
        entry.captain = data.captain


def load_lineup_views(session: Session, match_id: int) -> list[LineupView]:
    rows = session.exec(
        select(LineupEntry, Person.name, Team.name)
        .join(Person, col(Person.id) == LineupEntry.person_id)
        .join(Team, col(Team.id) == LineupEntry.team_id)
        .where(LineupEntry.match_id == match_id)
        .order_by(col(LineupEntry.team_id), col(LineupEntry.sort_order), col(LineupEntry.id))
    ).all()
    role_order = {LineupRole.STARTER: 0, LineupRole.SUBSTITUTE: 1, LineupRole.MANAGER: 2}
    views = [
        LineupView(
            id=e.id or 0,
            team_id=e.team_id,
            team=team,
            person_id=e.person_id,
            name=name,
            role=e.role,
            shirt_number=e.shirt_number,
            position=e.position,
            captain=e.captain,
        )
        for e, name, team in rows
    ]
    return sorted(views, key=lambda v: (v.team_id, role_order[v.role]))
