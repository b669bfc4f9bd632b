"""The roster of one match for quick entry: who a typed line can name, nearest first.

1. the match's line-up;
2. people of this match's moments and quotes who are not in it (an imported match has
   its scorers but no line-up);
3. the teams' people: their recent line-ups and moments, and the squad (people whose
   nationality or club is the team, as a squads import leaves them);
and, for quote speakers only, anyone in the database by name (``directory``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from matchnotes.entry import Roster, RosterPerson, RosterTeam
from matchnotes.entry.roster import Directory, Source
from matchnotes.enums import LineupRole, MomentKind, PersonRole
from matchnotes.models import LineupEntry, Match, Moment, Person, Quote, Team
from matchnotes.services.base import get_or_404
from matchnotes.text import fold

RECENT_MATCHES = 10  # per team: whose line-ups and moments count as its recent people
DIRECTORY_LIMIT = 25
# The second person of these kinds plays for the first one's team; of cards ("foul
# on"), for the other; of the rest, who knows.
SAME_TEAM_KINDS = frozenset(
    {MomentKind.GOAL, MomentKind.SUBSTITUTION, MomentKind.PENALTY_GOAL}
    | {MomentKind.PENALTY_MISSED, MomentKind.PENALTY_SAVED, MomentKind.PENALTY_AWARDED}
)
OTHER_TEAM_KINDS = frozenset({MomentKind.YELLOW, MomentKind.SECOND_YELLOW, MomentKind.RED})


def load_roster(session: Session, match: Match) -> Roster:
    home = _team(get_or_404(session, Team, match.home_team_id, "team"))
    away = _team(get_or_404(session, Team, match.away_team_id, "team"))
    roster = Roster(home, away)
    found = _Found()
    rows = session.exec(
        select(LineupEntry, Person.name)
        .join(Person, col(Person.id) == LineupEntry.person_id)
        .where(LineupEntry.match_id == match.id)
        .order_by(col(LineupEntry.team_id), col(LineupEntry.sort_order), col(LineupEntry.id))
    ).all()
    for e, name in rows:
        found.lineup.append(RosterPerson(e.person_id, name, e.team_id, e.shirt_number, e.role))
    for person_id, team_id in _named_in(session, [match.id or 0], roster):
        found.add(person_id, team_id, Source.MATCH)
    for speaker_id in session.exec(select(Quote.speaker_id).where(Quote.match_id == match.id)):
        found.add(speaker_id, None, Source.MATCH)
    recent = _recent_matches(session, match, home.id) + _recent_matches(session, match, away.id)
    with_lineups = set()
    for match_id, person_id, team_id, role in _recent_lineups(session, recent, roster):
        with_lineups.add(match_id)
        found.add(person_id, team_id, Source.TEAM)
        if role == LineupRole.MANAGER:
            found.managers.add(person_id)
    # Moments tell who played only where no line-up does (imported matches).
    without = [i for i in recent if i not in with_lineups]
    for person_id, team_id in _named_in(session, without, roster, recent=True):
        found.add(person_id, team_id, Source.TEAM)
    for person_id, team_id in _squads(session, roster):
        found.add(person_id, team_id, Source.TEAM)
    people = found.resolve(session)
    return Roster(home, away, people, directory=directory_of(session))


def directory_of(session: Session) -> Directory:
    """The quote speakers' lookup of the whole database, valid while ``session`` is open."""
    return lambda typed: _directory(session, typed)


def _team(team: Team) -> RosterTeam:
    return RosterTeam(team.id or 0, team.name, team.code)


class _Found:
    """People as they are found, nearest source first; a person is kept once per team,
    and not at all beyond the line-up when they are in it."""

    def __init__(self) -> None:
        self.lineup: list[RosterPerson] = []
        self.pending: list[tuple[int, int | None, Source]] = []
        self.managers: set[int] = set()  # managers in a recent line-up

    def add(self, person_id: int | None, team_id: int | None, source: Source) -> None:
        if person_id is not None:
            self.pending.append((person_id, team_id, source))

    def resolve(self, session: Session) -> tuple[RosterPerson, ...]:
        ids = {p[0] for p in self.pending} - {p.person_id for p in self.lineup}
        query = select(Person.id, Person.name, Person.role, Person.shirt_number)
        known = {row[0]: row for row in session.exec(query.where(col(Person.id).in_(ids)))}
        teams: dict[int, set[int]] = {}
        for person_id, team_id, _ in self.pending:
            if team_id is not None:
                teams.setdefault(person_id, set()).add(team_id)
        found: dict[tuple[int, int | None], RosterPerson] = {}
        for person_id, team_id, source in self.pending:
            if person_id not in known:
                continue
            if team_id is None and teams.get(person_id):
                # A speaker of this match takes the one team other sources give them.
                if len(teams[person_id]) > 1:
                    continue
                (team_id,) = teams[person_id]
            _, name, role, number = known[person_id]
            manager = role is PersonRole.MANAGER or person_id in self.managers
            found.setdefault(
                (person_id, team_id),
                RosterPerson(person_id, name, team_id, number,
                             LineupRole.MANAGER if manager else LineupRole.STARTER, source),
            )  # fmt: skip
        return (*self.lineup, *found.values())


def _named_in(
    session: Session, match_ids: Sequence[int], roster: Roster, recent: bool = False
) -> Iterable[tuple[int | None, int | None]]:
    """(person, team) of every player and second person of these matches' moments; of
    other matches (``recent``), only those who played for this match's teams."""
    if not match_ids:
        return []
    kind, team, player, related = (
        Moment.kind, col(Moment.team_id), col(Moment.player_id), col(Moment.related_player_id)
    )  # fmt: skip
    where = [col(Moment.match_id).in_(match_ids)]
    if recent:
        # Distinct pairs: matches of moments come down to two squads. The teams are
        # picked here, not in SQL, which would read every moment of both teams by team_id.
        players = select(player, team).where(*where).distinct()
        seconds = select(related, team).where(*where, col(kind).in_(SAME_TEAM_KINDS)).distinct()
        ours = {t.id for t in roster.teams}
        pairs = [*session.exec(players).all(), *session.exec(seconds).all()]
        return [(p, t) for p, t in pairs if t in ours]
    named: list[tuple[int | None, int | None]] = []
    query = select(kind, team, player, related).where(*where).distinct()
    for k, t, p, r in session.exec(query).all():
        named.append((p, t))
        if r is not None and k in SAME_TEAM_KINDS:
            named.append((r, t))
        elif r is not None and k in OTHER_TEAM_KINDS:
            other = roster.other(t)
            named.append((r, other.id if other else None))
    return named


def _recent_matches(session: Session, match: Match, team_id: int) -> list[int]:
    query = (
        select(Match.id)
        .where(
            or_(col(Match.home_team_id) == team_id, col(Match.away_team_id) == team_id),
            Match.id != match.id,
            Match.date <= match.date,
        )
        .order_by(col(Match.date).desc(), col(Match.id).desc())
        .limit(RECENT_MATCHES)
    )
    return [i for i in session.exec(query).all() if i is not None]


def _recent_lineups(
    session: Session, match_ids: list[int], roster: Roster
) -> list[tuple[int, int, int, str]]:
    """(match, person, team, role) of this match's teams' line-ups in these matches."""
    if not match_ids:
        return []
    query = select(
        LineupEntry.match_id, LineupEntry.person_id, LineupEntry.team_id, LineupEntry.role
    ).where(
        col(LineupEntry.match_id).in_(match_ids),
        col(LineupEntry.team_id).in_([t.id for t in roster.teams]),
    )
    return [(m, p, t, str(r)) for m, p, t, r in session.exec(query).all()]


def _squads(session: Session, roster: Roster) -> list[tuple[int, int]]:
    """(player, team) for players whose nationality or club is a team of the match
    ("Argentina", "ARG"). Managers are left out: a squads file gives their own
    nationality, not the team's."""
    spelled: dict[str, int] = {}
    for team in roster.teams:
        for spelling in (team.name.lower(), fold(team.name), (team.code or "").lower()):
            if spelling:
                spelled[spelling] = team.id
    nationality, club = func.lower(Person.nationality), func.lower(Person.club)
    query = select(Person.id, nationality, club).where(
        Person.role != PersonRole.MANAGER,
        or_(nationality.in_(spelled), club.in_(spelled)),
    )
    found = []
    for person_id, *teams in session.exec(query).all():
        for spelling in teams:
            if person_id is not None and spelling in spelled:
                found.append((person_id, spelled[spelling]))
    return found


def _directory(session: Session, typed: tuple[str, ...]) -> Sequence[RosterPerson]:
    """People of the whole database whose name has the longest typed word in it."""
    longest = max(typed, key=len, default="")
    if len(longest) < 2:
        return []
    query = select(Person.id, Person.name, Person.role)
    query = query.where(col(Person.name_key).contains(longest, autoescape=True))
    people = []
    for person_id, name, role in session.exec(query.limit(DIRECTORY_LIMIT)).all():
        manager = role is PersonRole.MANAGER
        role_in_match = LineupRole.MANAGER if manager else LineupRole.STARTER
        people.append(
            RosterPerson(person_id or 0, name, None, None, role_in_match, Source.DIRECTORY)
        )
    return people
