"""Pairing a scorer's spelling with a line-up player of the same match and team.

Two openfootball files spell one player differently: football.json has "Kai Lukas
Havertz", "Wout Werghost", "Koulibaly" where Football.TXT's line-ups have "Kai HAVERTZ",
"Wout WEGHORST", "Kalidou KOULIBALY". A lookup by name cannot tell those are one
person, but within one match and one team the choice is a handful of players, small
enough to accept a looser likeness, as long as exactly one player fits. The scorer's
goal then points at the line-up player, and the person made from the other spelling is
removed once nothing refers to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

from sqlalchemy import select as sa_select
from sqlmodel import Session, SQLModel, col, select

from matchnotes.enums import LineupRole, Period
from matchnotes.io.common import accent_score, loose_key
from matchnotes.models import LineupEntry, Moment, Person
from matchnotes.scores import SCORING_KINDS
from matchnotes.text import fold

SURNAME_RATIO = 0.8  # "Werghost"/"Weghorst" 0.88, "Zyiech"/"Ziyech" 0.83
_DETAILS = ("shirt_number", "position", "nationality", "club", "date_of_birth")


def _words(name: str) -> list[str]:
    return [w for w in (loose_key(word) for word in fold(name).split()) if w]


def alike(a: str, b: str) -> bool:
    """Whether two spellings may name one player: the same surname (last word), one
    name's words within the other's ("Kolo Muani", "Mohammed Kudus" / "Kudus Mohammed"),
    or surnames a letter or two apart ("Werghost" / "Weghorst")."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if wa[-1] == wb[-1] or set(wa) <= set(wb) or set(wb) <= set(wa):
        return True
    return SequenceMatcher(None, wa[-1], wb[-1]).ratio() >= SURNAME_RATIO


def lineup_player(name: str, players: Iterable[Person]) -> Person | None:
    """The one player ``name`` may mean; None when none or several fit."""
    fits = [p for p in players if alike(name, p.name)]
    return fits[0] if len(fits) == 1 else None


def with_accents(kept: str, other: str) -> str:
    """``kept`` with each word spelt as in ``other`` where that word is the same
    letters with more accents: "Aleksandar Mitrovic" + "Mitrović" -> "Aleksandar
    Mitrović". The folded name, and so the lookup key, does not change."""
    better = {fold(w): w for w in other.split()}
    words = []
    for word in kept.split():
        alt = better.get(fold(word))
        words.append(alt if alt is not None and accent_score(alt) > accent_score(word) else word)
    return " ".join(words)


def lineup_players(session: Session, match_id: int) -> dict[int, list[Person]]:
    """The players (not managers) in a match's line-ups, by team id."""
    rows = session.exec(
        select(LineupEntry.team_id, Person)
        .join(Person, col(Person.id) == LineupEntry.person_id)
        .where(LineupEntry.match_id == match_id, LineupEntry.role != LineupRole.MANAGER)
        .order_by(col(LineupEntry.id))
    ).all()
    players: dict[int, list[Person]] = {}
    for team_id, person in rows:
        players.setdefault(team_id, []).append(person)
    return players


def stray_scorers(session: Session, match_id: int) -> list[tuple[Moment, Person]]:
    """Goals whose scorer is in neither line-up of the match, each with the one player
    of the scorer's team the scorer's name may mean."""
    players = lineup_players(session, match_id)
    in_lineup = {p.id for team in players.values() for p in team}
    goals = session.exec(
        select(Moment)
        .where(Moment.match_id == match_id, col(Moment.kind).in_(SCORING_KINDS))
        .where(Moment.period != Period.SHOOTOUT)
        .order_by(col(Moment.sort_key), col(Moment.id))
    ).all()
    found = []
    for goal in goals:
        if goal.player_id is None or goal.player_id in in_lineup or goal.team_id is None:
            continue
        scorer = session.get(Person, goal.player_id)
        player = lineup_player(scorer.name, players.get(goal.team_id, [])) if scorer else None
        if player is not None:
            found.append((goal, player))
    return found


def in_any_lineup(session: Session, person_id: int) -> bool:
    query = select(LineupEntry.id).where(LineupEntry.person_id == person_id).limit(1)
    return session.exec(query).first() is not None


def is_referenced(session: Session, person_id: int) -> bool:
    """Whether any row (line-up, moment, quote, note, match referee...) points at them."""
    person = Person.__table__  # type: ignore[attr-defined]
    for table in SQLModel.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is person:
                query = sa_select(fk.parent).where(fk.parent == person_id).limit(1)
                if session.scalar(query) is not None:
                    return True
    return False


def fill_details(person: Person, other: Person) -> None:
    """Details only ``other`` knows (club, date of birth...) move to ``person``."""
    for field in _DETAILS:
        if getattr(person, field) is None and getattr(other, field) is not None:
            setattr(person, field, getattr(other, field))
