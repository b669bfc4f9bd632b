"""Quick-entry tests. ``demo_roster()`` is the demo match's roster without a database,
for the pure parser tests and the fuzz test (hypothesis dislikes per-test fixtures)."""

import json
from functools import cache

from matchnotes.demo import DEMO_FILE
from matchnotes.entry import Roster, RosterPerson, RosterTeam
from matchnotes.enums import LineupRole

ENGLAND, FRANCE = RosterTeam(1, "England", "ENG"), RosterTeam(2, "France", "FRA")


@cache
def demo_roster() -> Roster:
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    people = []
    for team, side in zip((ENGLAND, FRANCE), data["teams"], strict=True):
        for p in side["players"]:
            role = LineupRole.STARTER if p.get("starter") else LineupRole.SUBSTITUTE
            people.append(RosterPerson(len(people) + 1, p["name"], team.id, p["number"], role))
        manager = side["manager"]["name"]
        people.append(RosterPerson(len(people) + 1, manager, team.id, None, LineupRole.MANAGER))
    return Roster(ENGLAND, FRANCE, tuple(people))


def person_id(name: str) -> int:
    return next(p.person_id for p in demo_roster().people if p.name == name)
