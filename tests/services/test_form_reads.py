"""What the forms read as they open: names only, a match's moments as choices, a match's
own row for its edit form (never the whole match)."""

import datetime as dt

from matchnotes.enums import MatchStatus, PersonRole
from matchnotes.services.inputs import MatchInput, PersonInput


def test_catalog_names_are_what_the_match_form_completes(services, demo_match_id):
    services.people.create(PersonInput(name="Pierluigi Collina", role=PersonRole.REFEREE))
    names = services.catalog.names()
    assert names.teams == ("England", "France")
    assert names.venues == ("Al Bayt Stadium",)
    assert names.competitions == ("FIFA World Cup",)
    assert sorted(names.referees) == ["Pierluigi Collina", "Wilton Sampaio"]


def test_moment_choices_are_the_match_moments_in_order(services, demo_match_id):
    choices = services.quotes.moment_choices(demo_match_id)
    moments = services.matches.get_match(demo_match_id).moments
    assert [i for i, _ in choices] == [m.id for m in moments]
    assert choices[0][1] == "17' Goal Aurélien Tchouaméni"
    assert services.quotes.moment_choices(demo_match_id + 1000) == []


def test_match_input_round_trips_every_field(services):
    given = MatchInput(
        home="Wales", away="Iran", date=dt.date(2022, 11, 25), kickoff_time=dt.time(13, 0),
        competition="FIFA World Cup", season="2022", stage="Group stage",
        venue="Ahmad bin Ali Stadium", venue_city="Al Rayyan", referee="Mario Escobar",
        attendance=40875, score_override=(0, 2), status=MatchStatus.FINISHED,
        watched_where="The pub", rating=6, tags=("rainy", "cup"),
    )  # fmt: skip
    match_id = services.matches.create_match(given)
    found = services.matches.get_input(match_id)
    assert found.venue_city == "Al Rayyan" and found.referee == "Mario Escobar"
    assert found.attendance == 40875 and found.score_override == (0, 2)
    assert found.watched_where == "The pub" and found.rating == 6
    assert sorted(found.tags) == ["cup", "rainy"]
    assert (found.home, found.away, found.date, found.stage) == (
        "Wales", "Iran", dt.date(2022, 11, 25), "Group stage"
    )  # fmt: skip
