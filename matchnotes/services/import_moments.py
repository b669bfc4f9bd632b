"""The moments an imported match brings: goals, bookings, substitutions, shoot-out kicks.

Each kind has its own rule for telling an existing moment from a new one (goals are
paired in order and keep their ids, so quotes stay linked; a booking is one of a kind
per player; a kick is one per player), which is enough logic for a module of its own.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from matchnotes.enums import MomentKind, Period, PersonRole
from matchnotes.errors import ValidationError
from matchnotes.io.common import loose_keys
from matchnotes.io.records import MatchRecord, other
from matchnotes.io.summary import Tally
from matchnotes.minutes import make_minute
from matchnotes.models import LineupEntry, Match, Moment, Person, Team
from matchnotes.services.import_names import in_any_lineup, lineup_player
from matchnotes.services.import_people import People


def set_field(obj: Any, field: str, value: Any) -> bool:
    """Set a field if it differs; True when it changed."""
    if getattr(obj, field) == value:
        return False
    setattr(obj, field, value)
    return True


class MomentWriter:
    """Writes one match record's moments inside the import's Session."""

    def __init__(self, session: Session, people: People, tally: Tally) -> None:
        self.s, self.people, self.moments = session, people, tally

    def moment(self, match: Match, moment: Moment | None, fields: dict[str, Any]) -> bool:
        """Insert a moment, or bring an existing one in line; True when anything changed."""
        fields = dict(fields)
        minute = fields.pop("minute")
        fields.update(period=minute.period, minute=minute.minute, stoppage=minute.stoppage)
        fields["sort_key"] = minute.sort_key
        if moment is None:
            self.s.add(Moment(match_id=match.id or 0, **fields))
            self.moments.added += 1
            return True
        if any([set_field(moment, f, v) for f, v in fields.items()]):
            self.moments.updated += 1
            return True
        return False

    def goals(
        self,
        match: Match,
        rec: MatchRecord,
        sides: dict[str, Team],
        existing: list[Moment],
        players: dict[int, list[Person]],
    ) -> bool:
        """The file's goals replace the logged ones: equal goals stay as they are, the
        others are corrected in order (keeping their ids, so quotes stay linked).
        ``players`` are the match's line-ups by team, where scorers are looked for first."""
        wanted = []
        for goal in rec.goals or []:
            # An own goal is listed for the side it counted for; the moment has the scorer's team.
            team = sides[other(goal.side) if goal.kind is MomentKind.OWN_GOAL else goal.side]
            player = self._scorer(goal.name, team, players.get(team.id or 0, []))
            wanted.append(
                {
                    "minute": goal.minute,
                    "kind": goal.kind,
                    "team_id": team.id,
                    "player_id": player.id,
                }
            )
        existing = sorted(existing, key=lambda m: (m.sort_key, m.id or 0))
        keep = [e for e in existing if any(_same_goal(e, w) for w in wanted)]
        rest = [e for e in existing if e not in keep]
        changed = False
        for w in wanted:
            same = next((e for e in keep if _same_goal(e, w)), None)
            if same is not None:
                keep.remove(same)
                continue
            changed |= self.moment(match, rest.pop(0) if rest else None, w)
        for extra in rest + keep:
            self.s.delete(extra)
            self.moments.removed += 1
            changed = True
        return changed

    def _scorer(self, name: str, team: Team, players: list[Person]) -> Person:
        """The line-up player a differently spelt scorer means ("Kai Lukas Havertz" for
        Kai Havertz) when exactly one fits, unless the name is that of someone with
        line-ups of his own; otherwise the person found by name."""
        keys = loose_keys(name)
        if not any(keys & loose_keys(p.name) for p in players) and not any(
            in_any_lineup(self.s, p.id or 0) for p in self.people.known(name)
        ):
            player = lineup_player(name, players)
            if player is not None:
                self.people.adopt(player, name)
                return player
        return self.people.get(name, PersonRole.PLAYER, team.name)

    def events(
        self, match: Match, rec: MatchRecord, sides: dict[str, Team], moments: list[Moment]
    ) -> bool:
        """Bookings and substitutions: one of a kind per player, so a corrected minute
        updates the moment instead of adding another."""
        changed = False
        for event in rec.events:
            team = sides[event.side]
            player = self.people.get(event.player, PersonRole.PLAYER, team.name)
            related = (
                self.people.get(event.related, PersonRole.PLAYER, team.name)
                if event.related
                else None
            )
            found = next(
                (
                    m
                    for m in moments
                    if m.kind is event.kind
                    and m.player_id == player.id
                    and m.period is not Period.SHOOTOUT
                ),
                None,
            )
            fields = {
                "minute": event.minute,
                "kind": event.kind,
                "team_id": team.id,
                "player_id": player.id,
                "related_player_id": related.id if related else None,
            }
            changed |= self.moment(match, found, fields)
        return changed

    def kicks(
        self, match: Match, rec: MatchRecord, sides: dict[str, Team], moments: list[Moment]
    ) -> bool:
        changed = False
        shootout = make_minute(120, period=Period.SHOOTOUT)
        for kick in rec.kicks:
            team = sides[kick.side] if kick.side else None
            player = self.people.get(kick.name, PersonRole.PLAYER, team.name if team else None)
            if team is None:
                team_id = self.s.exec(
                    select(LineupEntry.team_id).where(
                        LineupEntry.match_id == match.id, LineupEntry.person_id == player.id
                    )
                ).first()
                if team_id is None:
                    raise ValidationError(f"Cannot tell which team {kick.name} took a kick for.")
            else:
                team_id = team.id
            found = next(
                (m for m in moments if m.period is Period.SHOOTOUT and m.player_id == player.id),
                None,
            )
            fields = {
                "minute": shootout,
                "kind": kick.kind,
                "team_id": team_id,
                "player_id": player.id,
            }
            changed |= self.moment(match, found, fields)
        return changed


def _same_goal(moment: Moment, wanted: dict[str, Any]) -> bool:
    minute = wanted["minute"]
    return (
        (moment.period, moment.minute, moment.stoppage)
        == (minute.period, minute.minute, minute.stoppage)
        and moment.kind is wanted["kind"]
        and moment.team_id == wanted["team_id"]
        and moment.player_id == wanted["player_id"]
    )
