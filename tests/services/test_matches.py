import datetime as dt

import pytest

from matchnotes.enums import Decision, MatchStatus, MomentKind
from matchnotes.errors import NotFoundError, ValidationError
from matchnotes.minutes import parse_minute
from matchnotes.services.inputs import MatchInput, MomentInput, QuoteInput


def test_create_edit_and_list_a_match(services):
    match_id = services.matches.create_match(
        MatchInput(
            home="England", away="France", date=dt.date(2022, 12, 10),
            kickoff_time=dt.time(22), competition="FIFA World Cup", stage="Quarter-final",
            venue="Al Bayt Stadium", venue_city="Al Khor", referee="Wilton Sampaio",
            attendance=68895, status=MatchStatus.FINISHED, tags=("World Cup", "world cup"),
        )
    )  # fmt: skip
    (summary,) = services.matches.list_matches()
    assert (summary.home, summary.away, summary.season) == ("England", "France", "2022")
    detail = services.matches.get_match(match_id)
    assert detail.referee == "Wilton Sampaio" and detail.venue_city == "Al Khor"
    assert detail.tags == ["World Cup"]  # same tag folded once

    form = services.matches.get_input(match_id)
    form.stage, form.rating = "Quarter-final (2nd leg)", 8
    services.matches.update_match(match_id, form)
    again = services.matches.get_summary(match_id)
    assert again.stage == "Quarter-final (2nd leg)" and again.rating == 8


def test_teams_and_venues_are_found_regardless_of_accents_and_case(services, make_match):
    make_match("Curaçao", "Atlético Madrid", venue="Estádio do Maracanã")
    make_match("CURACAO", "atletico madrid", venue="estadio do maracana")
    assert len(services.catalog.teams()) == 2
    assert len(services.catalog.venues()) == 1
    assert services.catalog.teams()[0].match_count == 2


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"away": "england"}, "two different teams"),
        ({"home": "  "}, "needs a name"),
        ({"rating": 12}, "0 to 10"),
        ({"attendance": -5}, "not possible"),
        ({"penalties": (4, 2)}, "decided on penalties"),
        ({"season": "2022"}, "fill in the competition"),
        ({"date": dt.date(1066, 10, 14)}, "plausible"),
    ],
)
def test_invalid_match_is_refused_and_nothing_is_saved(services, fields, message):
    data = {"home": "England", "away": "France", "date": dt.date(2022, 12, 10), **fields}
    with pytest.raises(ValidationError, match=message):
        services.matches.create_match(MatchInput(**data))
    assert services.matches.list_matches() == []


def test_penalties_score_is_stored_when_kicks_are_not_logged(services, make_match):
    match = make_match("Argentina", "France", decided_by=Decision.PENALTIES, penalties=(4, 2),
                       score_override=(3, 3))  # fmt: skip
    detail = services.matches.get_match(match)
    assert str(detail.summary.score) == "3–3" and str(detail.penalties) == "4–2"


def test_delete_reports_and_removes_what_goes_with_the_match(services, demo_match_id):
    impact = services.matches.deletion_impact(demo_match_id)
    assert (impact.moments, impact.quotes, impact.notes) == (14, 4, 2)
    assert impact.title == "England v France, 10 Dec 2022"
    services.matches.delete_match(demo_match_id)
    assert services.matches.list_matches() == []
    with pytest.raises(NotFoundError):
        services.matches.get_match(demo_match_id)
    # people stay: a player's history outlives one deleted match
    assert services.people.find("kane")


def test_moment_team_follows_the_line_up_and_is_required(services, make_match, make_player):
    match = make_match("England", "France")
    kane = make_player(match, "England", "Harry Kane", 9)
    stranger = services.people.find("nobody")
    assert stranger == []
    moment = services.moments.log(match, MomentInput(parse_minute("54"), MomentKind.PENALTY_GOAL,
                                                     player_id=kane))  # fmt: skip
    assert services.moments.moments(match)[0].team == "England"
    services.moments.delete(moment)
    with pytest.raises(ValidationError, match="needs a player"):
        services.moments.log(match, MomentInput(parse_minute("54"), MomentKind.GOAL))
    assert services.moments.moments(match) == []


def test_quote_linked_to_a_moment_of_another_match_is_refused(services, make_match, make_player):
    first, second = make_match("A", "B"), make_match("C", "D")
    scorer = make_player(first, "A", "Scorer", 9)
    moment = services.moments.log(first, MomentInput(parse_minute("3"), MomentKind.GOAL,
                                                     player_id=scorer))  # fmt: skip
    with pytest.raises(ValidationError, match="its own match"):
        services.quotes.add(second, QuoteInput("Coach", "Great goal", moment_id=moment))
    quote = services.quotes.add(first, QuoteInput("Coach", "Great goal", moment_id=moment))
    services.moments.delete(moment)  # the quote stays, unlinked
    (view,) = services.quotes.for_match(first)
    assert view.id == quote and view.moment_id is None
