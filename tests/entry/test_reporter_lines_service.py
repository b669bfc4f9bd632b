"""Reporter lines against a match so far: extra time, shoot-out score, duplicates, the CLI."""

import json

import pytest
from sqlmodel import Session

from matchnotes.cli import run
from matchnotes.entry import EntryError, MomentEntry, PossibleDuplicate
from matchnotes.enums import Decision, MomentKind, Period
from matchnotes.minutes import Minute
from matchnotes.models import Match
from matchnotes.scores import Score
from matchnotes.services.quick_entry import QuickEntryService


@pytest.fixture
def quick(database) -> QuickEntryService:
    return QuickEntryService(database.engine)


def _minutes(services, match_id: int) -> list[str]:
    return [m.minute_text for m in services.moments.moments(match_id)]


def test_95_before_extra_time_is_stored_as_90_plus_5(services, database, quick, fresh_match):
    quick.record(fresh_match, "95 goal kane")
    (goal,) = services.moments.moments(fresh_match)
    assert goal.minute == Minute(Period.SECOND_HALF, 90, 5)
    with Session(database.engine) as session:
        match = session.get(Match, fresh_match)
        assert match is not None and match.decided_by is Decision.REGULAR


def test_95_after_et_is_extra_time(services, quick, fresh_match):
    quick.record(fresh_match, "ET")
    quick.record(fresh_match, "95 goal kane")
    assert services.moments.moments(fresh_match)[0].minute == Minute(Period.EXTRA_FIRST, 95)


def test_extra_time_stoppage_before_extra_time_saves_nothing(services, quick, fresh_match):
    for line in ["105+1 goal kane", "120+3 goal kane"]:
        with pytest.raises(EntryError, match="type ET first"):
            quick.record(fresh_match, line)
    assert services.moments.moments(fresh_match) == []


def test_a_shootout_kick_after_an_uneven_score_is_refused(services, quick, fresh_match):
    for line in ["KO", "54 pen Kane", "78 goal Giroud", "88 goal Saka", "ET", "PSO"]:
        quick.record(fresh_match, line)
    with pytest.raises(EntryError, match=r"A shoot-out follows a level score; the score is 2–1\."):
        quick.preview(fresh_match, "pen goal Kane")
    with pytest.raises(EntryError, match="the score is 2–1"):
        quick.record(fresh_match, "pen goal Kane")
    assert len(services.moments.moments(fresh_match)) == 3
    quick.record(fresh_match, "118 goal Giroud")  # 2–2: now the kicks count
    quick.record(fresh_match, "pen goal Kane")
    assert services.matches.get_match(fresh_match).penalties == Score(1, 0)


def test_a_trailing_pen_is_stored_as_a_penalty_goal(services, quick, fresh_match):
    quick.record(fresh_match, "54 goal kane pen")
    (goal,) = services.moments.moments(fresh_match)
    assert (goal.kind, goal.description) == (MomentKind.PENALTY_GOAL, "")


def test_two_moments_on_one_line_save_nothing(services, quick, fresh_match):
    with pytest.raises(EntryError, match="One line, one moment"):
        quick.record(fresh_match, "17 goal kane; 18 goal saka")
    assert services.moments.moments(fresh_match) == []


def test_the_clock_in_the_first_half_and_the_way_out(services, quick, fresh_match):
    quick.record(fresh_match, "KO")  # the clock runs in the first half
    clock = services.clock.minute(fresh_match)
    assert clock is not None and clock.period is Period.FIRST_HALF
    with pytest.raises(EntryError, match=r"The clock is still in the first half\. Type 2H first"):
        quick.record(fresh_match, "54 pen goal Kane", clock)
    quick.record(fresh_match, "2H")
    clock = services.clock.minute(fresh_match)
    assert clock == Minute(Period.SECOND_HALF, 46)
    quick.record(fresh_match, "54 pen goal Kane", clock)
    assert _minutes(services, fresh_match) == ["54'"]


def test_the_same_goal_twice_asks_first(services, quick, fresh_match):
    first = quick.record(fresh_match, "54 goal Kane")
    for again in ["54 goal kane", "55 goal ENG#9", "53' goal Harry Kane"]:
        with pytest.raises(PossibleDuplicate) as info:
            quick.record(fresh_match, again)
        assert info.value.existing.moment_id == first.moment_id
        assert info.value.existing.label == "54' Goal Harry Kane"
        assert str(info.value) == "Looks like 54' Goal Harry Kane again: it is logged already."
    with pytest.raises(PossibleDuplicate):
        quick.preview(fresh_match, "54 goal Kane")
    assert services.matches.get_summary(fresh_match).score == Score(1, 0)
    saved = quick.record(fresh_match, "54 goal Kane", allow_duplicate=True)
    assert saved.moment_id and saved.moment_id != first.moment_id
    assert services.matches.get_summary(fresh_match).score == Score(2, 0)


def test_near_but_different_moments_are_not_duplicates(services, quick, fresh_match):
    quick.record(fresh_match, "45+1 goal Kane")
    for line in ["45+3 goal Kane", "46 goal Kane", "45+1 pen Kane", "45+1 goal Saka"]:
        assert isinstance(quick.preview(fresh_match, line), MomentEntry)
    quick.record(fresh_match, "30 note the crowd sings")
    assert isinstance(quick.preview(fresh_match, "30 note the crowd sings"), MomentEntry)


def test_cli_log_names_the_duplicate_and_saves_it_with_the_flag(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite")
    assert run(["demo", "--db", db]) == 0
    capsys.readouterr()
    assert run(["log", "--db", db, "--match", "1", "54 pen Kane"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("matchnotes: Looks like 54' Penalty goal Harry Kane again")
    assert "(moment " in err and "--allow-duplicate" in err
    assert run(["log", "--db", db, "--match", "1", "--dry-run", "--force", "54 pen Kane"]) == 0
    assert capsys.readouterr().out.startswith("Would save: 54' · Penalty goal")
    assert run(["log", "--db", db, "--match", "1", "--allow-duplicate", "54 pen Kane"]) == 0
    assert capsys.readouterr().out.startswith("Saved: 54' · Penalty goal")
    assert run(["show", "1", "--json", "--db", db]) == 0
    score = json.loads(capsys.readouterr().out)["score"]
    assert score == {"home": 2, "away": 2}
