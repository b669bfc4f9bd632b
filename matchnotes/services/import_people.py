"""Who a name in an imported file means: the people index one import works with.

Files spell people differently ("HWANG Heechan", "Hwang Hee-chan") and namesakes play
for different teams, so finding a person takes more than a lookup by folded name; it is
kept here, apart from the writer of matches and moments, which only asks ``get``.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from matchnotes.enums import PersonRole
from matchnotes.errors import ValidationError
from matchnotes.io.common import accent_score, loose_keys
from matchnotes.models import LineupEntry, Moment, Person, Team
from matchnotes.services.import_names import with_accents
from matchnotes.services.lookup import required_name
from matchnotes.services.name_locks import hold_name
from matchnotes.text import fold


class People:
    """Everyone in the database, indexed once per import by folded name and by a looser
    key that also ignores hyphens, dots and spaces ("Hee-chan" = "Heechan").

    Namesakes are told apart by team: Brazil's Danilo and Portugal's Danilo are two
    people, because each has played (line-up or moment) for his team only.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_key: dict[str, list[Person]] = {}
        self.by_loose: dict[str, list[Person]] = {}
        self.played: dict[int, set[str]] = {}  # person id -> folded names of their teams
        self.created: set[int] = set()
        self.updated: set[int] = set()
        self.seen: set[int] = set()
        for person in session.exec(select(Person)).all():
            self._index(person)
        for column, team_column in (
            (LineupEntry.person_id, LineupEntry.team_id),
            (Moment.player_id, Moment.team_id),
        ):
            query = select(column, Team.name_key).join(Team, col(Team.id) == team_column)
            for person_id, team_key in session.exec(query).all():
                if person_id is not None:
                    self.played.setdefault(person_id, set()).add(team_key)

    def _index(self, person: Person) -> None:
        self.by_key.setdefault(person.name_key, []).append(person)
        for key in loose_keys(person.name):
            self.by_loose.setdefault(key, []).append(person)

    def get(self, name: str, role: PersonRole | None = None, team: str | None = None) -> Person:
        name = required_name(name, "person")
        candidates = self.known(name)
        person = self._choose(name, candidates, role, fold(team) if team else None)
        if person is None and not candidates and hold_name(self.session, "person", fold(name)):
            person = self._added_meanwhile(name)
        if person is None:
            person = Person(name=name, name_key=fold(name), role=role or PersonRole.PLAYER)
            self.session.add(person)
            self.session.flush()
            self._index(person)
            self.created.add(person.id or 0)
        elif person.name_key == fold(name) and accent_score(name) > accent_score(person.name):
            person.name = name  # keep the spelling that tells more: "Aurélien" over "AURELIEN"
            self.updated.add(person.id or 0)
        if team:
            self.played.setdefault(person.id or 0, set()).add(fold(team))
        self.seen.add(person.id or 0)
        return person

    def _added_meanwhile(self, name: str) -> Person | None:
        """The one person of this name someone else's transaction wrote since this import
        read everyone (on a server; see ``name_locks``), taken into the index."""
        query = select(Person).where(Person.name_key == fold(name))
        same = list(self.session.exec(query))  # none of them was known here: index them
        for person in same:
            self._index(person)
        return same[0] if len(same) == 1 else None

    def known(self, name: str) -> list[Person]:
        """Everyone ``name`` may be by folded name, or failing that by the looser key."""
        return self.by_key.get(fold(name)) or _unique(
            p for key in loose_keys(name) for p in self.by_loose.get(key, [])
        )

    def adopt(self, person: Person, name: str) -> None:
        """``name`` was found to mean ``person`` (a line-up player): keep its accents."""
        better = with_accents(person.name, name)
        if better != person.name:
            person.name = better
            self.updated.add(person.id or 0)
        self.seen.add(person.id or 0)

    def forget(self, person: Person) -> None:
        """Take a person about to be deleted out of the index."""
        lists = [self.by_key.get(person.name_key, [])]
        lists += [self.by_loose.get(key, []) for key in loose_keys(person.name)]
        for people in lists:
            people[:] = [p for p in people if p is not person]
        ident = person.id or 0
        self.played.pop(ident, None)
        for ids in (self.created, self.updated, self.seen):
            ids.discard(ident)

    def _choose(
        self, name: str, candidates: list[Person], role: PersonRole | None, team: str | None
    ) -> Person | None:
        """The one candidate meant, None for a new person; refused when unclear."""
        if team:
            known = [
                p
                for p in candidates
                if team in self.played.get(p.id or 0, ())
                or (p.nationality and fold(p.nationality) == team)
            ]
            free = [p for p in candidates if not self.played.get(p.id or 0)]
            candidates = known or free  # someone who only played for other teams is not him
        elif len(candidates) > 1 and role:
            candidates = [p for p in candidates if p.role is role] or candidates
        if len(candidates) > 1:
            ids = ", ".join(str(p.id) for p in candidates)
            raise ValidationError(f"{len(candidates)} people are called “{name}” (ids {ids}).")
        return candidates[0] if candidates else None


def _unique(people: Iterable[Person]) -> list[Person]:
    return list({id(p): p for p in people}.values())
