"""Career baselines: tallies count the baseline plus what is logged after it; a team's
record holder comes from the baselines known."""

import datetime as dt

import pytest

from matchnotes.enums import MomentKind
from matchnotes.errors import ValidationError
from matchnotes.minutes import make_minute
from matchnotes.services.inputs import BaselineInput, MomentInput, PersonInput


def _person(services, name):
    (person,) = services.people.find(name)
    return person.id


def test_the_demo_counts_kanes_penalty_as_his_53rd_england_goal(services, demo_match_id):
    page = services.people.page(_person(services, "kane"))
    (england,) = page.tallies
    assert (england.goals, england.appearances, england.caps_known) == (53, 1, False)
    assert england.baseline_as_of == dt.date(2022, 12, 4)
    rooney = services.people.page(_person(services, "rooney"))
    assert [(t.team, t.appearances, t.goals) for t in rooney.tallies] == [("England", 120, 53)]


def test_the_record_holder_before_and_after_the_match(services, demo_match_id):
    assert services.people.team_record("England", dt.date(2022, 12, 10))[1:] == (
        "Wayne Rooney", 53,
    )  # fmt: skip
    after = services.people.team_record("England", dt.date(2022, 12, 11))
    assert after[2] == 53  # Kane level: both on 53
    assert services.people.team_record("France", dt.date(2022, 12, 11)) is None


def test_a_match_up_to_the_baseline_date_is_not_counted_twice(services, make_match, make_player):
    match_id = make_match("England", "Wales", dt.date(2020, 1, 1))
    scorer = make_player(match_id, "England", "Ann Striker")
    services.moments.log(match_id, _goal(scorer))
    data = services.people.get_input(scorer)
    data.baselines = (BaselineInput("England", dt.date(2020, 1, 1), 10, 4),)
    services.people.update(scorer, data)
    (tally,) = services.people.page(scorer).tallies
    assert (tally.appearances, tally.goals) == (10, 4)  # the logged match is in the 10
    data = services.people.get_input(scorer)  # as saved (its version too), edited again
    data.baselines = (BaselineInput("England", dt.date(2019, 12, 31), 9, 3),)
    services.people.update(scorer, data)
    (tally,) = services.people.page(scorer).tallies
    assert (tally.appearances, tally.goals) == (10, 4)  # 9 + 1 logged, 3 + 1 logged


def test_bad_baselines_are_refused_with_what_to_do(services):
    person = services.people.create(PersonInput("Ann Striker"))
    cases = [
        (BaselineInput("", dt.date(2020, 1, 1), 1, 1), "needs the team"),
        (BaselineInput("England", dt.date(2020, 1, 1)), "Give the caps or the goals"),
        (BaselineInput("England", dt.date(2020, 1, 1), -1, 1), "not possible"),
        (BaselineInput("England", dt.date(1700, 1, 1), 1, 1), "not a plausible date"),
    ]
    for baseline, message in cases:
        with pytest.raises(ValidationError, match=message):
            services.people.update(person, PersonInput("Ann Striker", baselines=(baseline,)))
    assert services.people.get_input(person).baselines == ()


def test_undoing_a_person_delete_brings_the_baseline_back(services, demo_match_id):
    rooney = _person(services, "rooney")
    services.people.delete(rooney)
    services.history.undo()
    assert services.people.get_input(rooney).baselines[0].goals == 53


def _goal(scorer):
    return MomentInput(make_minute(10, 0), MomentKind.GOAL, scorer, None, None, "")
