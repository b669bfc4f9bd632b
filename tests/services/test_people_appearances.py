"""Appearances on a person's page count matches without a line-up where a moment names them."""

import datetime as dt

from matchnotes.enums import LineupRole, MomentKind, PersonRole
from matchnotes.minutes import make_minute
from matchnotes.services.inputs import LineupInput, MomentInput, PersonInput
from tests.io import WORLDCUP_JSON


def _person(services, name: str) -> int:
    (person,) = services.people.find(name)
    return person.id


def test_an_imported_scorer_appeared_in_every_match_he_scored_in(services):
    services.imports.import_file(WORLDCUP_JSON)
    page = services.people.page(_person(services, "Lionel Messi"))
    (argentina,) = page.tallies
    assert (argentina.team, argentina.goals) == ("Argentina", 7)
    assert argentina.appearances == len(page.matches) == 6
    assert argentina.starts == 0  # nobody said he started


def test_a_lineup_match_and_a_scorer_only_match_are_two_appearances(
    services, make_match, make_player
):
    first = make_match("England", "France", dt.date(2022, 12, 10))
    second = make_match("England", "Wales", dt.date(2022, 11, 29))
    kane = make_player(first, "England", "Harry Kane", 9)
    england = services.matches.get_summary(second).home_id
    for match_id in (first, second):
        services.moments.log(
            match_id, MomentInput(make_minute(30), MomentKind.GOAL, kane, team_id=england)
        )
    (tally,) = services.people.page(kane).tallies
    assert (tally.appearances, tally.starts, tally.goals) == (2, 1, 2)
    # Coming on is one appearance, not two with the moment that names him.
    third = make_match("England", "Iran", dt.date(2022, 11, 21))
    services.moments.log(
        third, MomentInput(make_minute(70), MomentKind.SUBSTITUTION, kane, team_id=england)
    )
    (tally,) = services.people.page(kane).tallies
    assert tally.appearances == 3


def test_fouled_players_appear_for_the_other_side_and_managers_do_not(services, make_match):
    match = make_match("England", "France", dt.date(2022, 12, 10))
    summary = services.matches.get_summary(match)
    saka = services.people.create(PersonInput("Bukayo Saka"))
    hernandez = services.people.create(PersonInput("Theo Hernández"))
    coach = services.people.create(PersonInput("Didier Deschamps", PersonRole.MANAGER))
    card = MomentInput(make_minute(82), MomentKind.YELLOW, hernandez, saka, summary.away_id)
    services.moments.log(match, card)
    services.moments.log(
        match, MomentInput(make_minute(85), MomentKind.YELLOW, coach, team_id=summary.away_id)
    )
    ((name, apps),) = [(t.team, t.appearances) for t in services.people.page(saka).tallies]
    assert (name, apps) == ("England", 1)
    (french,) = services.people.page(hernandez).tallies
    assert (french.team, french.appearances, french.yellow_cards) == ("France", 1, 1)
    (manager,) = services.people.page(coach).tallies
    assert (manager.appearances, manager.yellow_cards) == (0, 1)
    # A manager in the line-up is no player either.
    services.lineups.add(match, LineupInput(summary.away_id, coach, LineupRole.MANAGER))
    assert services.people.page(coach).tallies[0].appearances == 0
