"""Build the demo database from resources/sample/england-france-2022.json through the services.

Going through the services (not raw inserts) means the demo exercises the same
validation and derived scores a user's own logging does.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from matchnotes.enums import (
    Attendance,
    LineupRole,
    MatchStatus,
    MomentKind,
    PersonRole,
    QuoteContext,
)
from matchnotes.errors import MatchNotesError
from matchnotes.minutes import parse_minute
from matchnotes.paths import resource
from matchnotes.services import Services
from matchnotes.services.inputs import (
    BaselineInput,
    LineupInput,
    MatchInput,
    MomentInput,
    PersonInput,
    QuoteInput,
)

DEMO_FILE = resource("sample", "england-france-2022.json")


def load_demo(services: Services, path: Path = DEMO_FILE) -> int:
    """Add the demo match to the database; return its id. Sample data: nobody logged
    its moments and quotes, so they record no author."""
    from matchnotes.services.change_log import unsigned

    with unsigned():
        return _load_demo(services, path)


def _load_demo(services: Services, path: Path) -> int:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise MatchNotesError(f"The demo data {path} cannot be read: {exc}") from exc
    m = data["match"]
    sides = {t["side"]: t for t in data["teams"]}
    team_ids = {
        t["name"]: services.catalog.ensure_team(t["name"], t.get("code"), t["name"])
        for t in data["teams"]
    }
    services.catalog.ensure_venue(
        m["venue"], m.get("venue_city"), m.get("venue_country"), m.get("venue_capacity")
    )
    referee_id = services.people.create(
        PersonInput(m["referee"], PersonRole.REFEREE, nationality=m.get("referee_nationality"))
    )
    match_id = services.matches.create_match(
        MatchInput(
            home=sides["home"]["name"],
            away=sides["away"]["name"],
            date=dt.date.fromisoformat(m["date"]),
            kickoff_time=dt.time.fromisoformat(m["kickoff_time"]),
            competition=m["competition"],
            season=m["season"],
            stage=m["stage"],
            venue=m["venue"],
            venue_city=m.get("venue_city"),
            referee=services.people.get(referee_id).name,
            attendance=m.get("attendance"),
            status=MatchStatus(m["status"]),
            fan_attendance=Attendance(m.get("fan_attendance", "none")),
            watched_where=m.get("watched_where"),
            rating=m.get("rating"),
            tags=tuple(m.get("tags", ())),
        )
    )
    people = _add_lineups(services, match_id, data["teams"], team_ids)
    moment_by_minute: dict[str, int] = {}
    for item in data["moments"]:
        moment_by_minute[item["minute"]] = services.moments.log(
            match_id,
            MomentInput(
                minute=parse_minute(item["minute"]),
                kind=MomentKind(item["kind"]),
                player_id=people[item["player"]] if item.get("player") else None,
                related_player_id=people[item["related"]] if item.get("related") else None,
                description=item.get("description", ""),
            ),
        )
    for item in data["quotes"]:
        services.quotes.add(
            match_id,
            QuoteInput(
                speaker=people[item["speaker"]],
                text=item["text"],
                context=QuoteContext(item["context"]),
                place=m["venue"],
                source="kane-penalty-article.txt",
                moment_id=moment_by_minute.get(item.get("moment", "")),
            ),
        )
    for text in data.get("notes", []):
        services.notes.add(text, match_id=match_id)
    _add_baselines(services, data, people)
    return match_id


def _add_baselines(services: Services, data: dict[str, Any], people: dict[str, int]) -> None:
    """People named in the story but not in the match (Rooney), then career baselines."""
    for p in data.get("other_people", []):
        people[p["name"]] = services.people.create(
            PersonInput(p["name"], PersonRole(p["role"]), nationality=p.get("nationality"))
        )
    by_person: dict[str, list[BaselineInput]] = {}
    for b in data.get("baselines", []):
        by_person.setdefault(b["person"], []).append(
            BaselineInput(
                b["team"], dt.date.fromisoformat(b["as_of"]), b.get("caps"), b.get("goals")
            )
        )
    for name, baselines in by_person.items():
        before = services.people.get_input(people[name])
        before.baselines = tuple(baselines)
        services.people.update(people[name], before)


def _add_lineups(
    services: Services, match_id: int, teams: list[dict[str, Any]], team_ids: dict[str, int]
) -> dict[str, int]:
    """Create each player and manager with their profile, then their line-up entry."""
    people: dict[str, int] = {}
    for team in teams:
        team_id = team_ids[team["name"]]
        manager = team["manager"]
        people[manager["name"]] = services.people.create(
            PersonInput(
                manager["name"],
                PersonRole.MANAGER,
                nationality=manager.get("nationality"),
                date_of_birth=dt.date.fromisoformat(manager["date_of_birth"]),
            )
        )
        for p in team["players"]:
            people[p["name"]] = services.people.create(
                PersonInput(
                    p["name"],
                    PersonRole.PLAYER,
                    shirt_number=p["number"],
                    position=p["position"],
                    nationality=team["name"],
                    club=p.get("club"),
                    date_of_birth=dt.date.fromisoformat(p["born"]),
                )
            )
            services.lineups.add(
                match_id,
                LineupInput(
                    team_id=team_id,
                    person=people[p["name"]],
                    role=LineupRole.STARTER if p.get("starter") else LineupRole.SUBSTITUTE,
                    shirt_number=p["number"],
                    position=p["position"],
                    captain=bool(p.get("captain")),
                ),
            )
        services.lineups.add(
            match_id,
            LineupInput(team_id=team_id, person=people[manager["name"]], role=LineupRole.MANAGER),
        )
    return people
