"""Fixtures for the quick-entry service tests."""

import datetime as dt

import pytest

from matchnotes.services.inputs import LineupInput, MatchInput


@pytest.fixture
def fresh_match(services, demo_match_id) -> int:
    """A new England v France match with both line-ups copied from the demo, nothing logged."""
    match_id = services.matches.create_match(
        MatchInput(home="England", away="France", date=dt.date(2022, 12, 10))
    )
    for e in services.lineups.lineup(demo_match_id):
        services.lineups.add(
            match_id,
            LineupInput(e.team_id, e.person_id, e.role, e.shirt_number, e.position, e.captain),
        )
    return match_id
