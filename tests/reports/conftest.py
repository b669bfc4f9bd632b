"""Report fixtures: a crowded match (60 moments, extra time, a shoot-out)."""

from __future__ import annotations

import datetime as dt

import pytest

from matchnotes.enums import Decision, LineupRole, MatchStatus, MomentKind, Period
from matchnotes.minutes import make_minute
from matchnotes.services import Services
from matchnotes.services.inputs import LineupInput, MatchInput, MomentInput

# (minute, stoppage, period or None, kind, side) — side 0 home, 1 away
_KINDS = [
    MomentKind.GOAL, MomentKind.YELLOW, MomentKind.SUBSTITUTION, MomentKind.CHANCE,
    MomentKind.SAVE, MomentKind.OWN_GOAL, MomentKind.PENALTY_MISSED, MomentKind.VAR,
    MomentKind.INJURY, MomentKind.RED, MomentKind.PENALTY_GOAL, MomentKind.SECOND_YELLOW,
    MomentKind.PENALTY_SAVED, MomentKind.PENALTY_AWARDED, MomentKind.NOTE,
]  # fmt: skip


def add_busy_match(
    services: Services, home: str = "Borussia Mönchengladbach", away: str = "Wolverhampton",
    date: dt.date = dt.date(2024, 3, 9), moments: int = 60,
) -> int:  # fmt: skip
    """A match with `moments` regular moments spread over 120+ minutes and a shoot-out."""
    match_id = services.matches.create_match(
        MatchInput(
            home=home, away=away, date=date, competition="Test Cup", season="2024",
            stage="Final", venue="Big Ground", status=MatchStatus.FINISHED,
            decided_by=Decision.PENALTIES, rating=7,
        )
    )  # fmt: skip
    players: list[list[int]] = [[], []]
    for side, team in enumerate((home, away)):
        team_id = services.catalog.ensure_team(team)
        for n in range(1, 19):
            role = LineupRole.STARTER if n <= 11 else LineupRole.SUBSTITUTE
            name = f"Player{n} {team.split()[0]}son{n}"
            services.lineups.add(match_id, LineupInput(team_id, name, role, n, None, n == 9))
        lineup = services.lineups.lineup(match_id)
        players[side] = [e.person_id for e in lineup if e.team_id == team_id]
    slots = [(m, 0) for m in range(2, 121, 2)]
    slots[21] = (45, 3)  # stoppage time in both halves and in extra time
    slots[43] = (90, 6)
    slots[58] = (120, 2)
    for i in range(moments):
        minute, stoppage = slots[i % len(slots)]
        kind = _KINDS[i % len(_KINDS)]
        side = (i * 7 // 3) % 2
        squad = players[side]
        player = squad[i % 11]
        related = squad[11 + i % 7] if kind is MomentKind.SUBSTITUTION else None
        if kind in (MomentKind.SUBSTITUTION,):
            player, related = related, player
        services.moments.log(
            match_id,
            MomentInput(make_minute(minute, stoppage), kind, player, related, None, f"moment {i}"),
        )
    for kick in range(10):  # 4–3 on penalties after five kicks each
        side = kick % 2
        scored = kick not in (3, 6, 8)
        kind = MomentKind.PENALTY_GOAL if scored else MomentKind.PENALTY_MISSED
        minute = make_minute(120, 0, Period.SHOOTOUT)
        services.moments.log(match_id, MomentInput(minute, kind, players[side][10 - kick // 2]))
    return match_id


@pytest.fixture
def busy_match_id(services: Services) -> int:
    return add_busy_match(services)


@pytest.fixture(autouse=True)
def _widgets_app(qapp):
    """pytest-qt's QApplication first: the renderers' own QGuiApplication (for the CLI)
    must never be the process's app, or later widget tests could not build widgets."""
    return qapp
