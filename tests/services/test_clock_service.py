"""The clock service: finished matches are not restarted by accident, every change can be
taken back, and a line the clock timed keeps both clocks and moves with a corrected kick-off."""

import dataclasses
import datetime as dt

import pytest

from matchnotes.entry import EntryError
from matchnotes.enums import Decision, MatchStatus, MomentKind, Period
from matchnotes.errors import ValidationError
from matchnotes.minutes import parse_minute
from matchnotes.services.inputs import MomentInput
from tests.fake_time import T0, FakeTime, on_time


@pytest.fixture
def time():
    return FakeTime()


@pytest.fixture
def live(services, time):
    """The app's services on a clock the test moves (times of day are UTC here)."""
    return on_time(services, time, tz=dt.UTC)


@pytest.fixture
def match(make_match, make_player):
    match_id = make_match("England", "France", status=MatchStatus.SCHEDULED)
    make_player(match_id, "England", "Declan Rice", 4)
    make_player(match_id, "France", "Antoine Griezmann", 7)
    return match_id


def _moments(services, match_id):
    return {m.description: m for m in services.moments.moments(match_id)}


def _stored(services, match_id):
    """(minute, clock-timed, logged at) of every moment, by description."""
    return {
        d: (str(m.minute), m.clock_timed, m.logged_at)
        for d, m in _moments(services, match_id).items()
    }


# --- finished matches ---


def test_starting_a_finished_match_is_refused_unless_reopened(live, make_match):
    final = make_match("Argentina", "France")  # finished, as an imported final is
    with pytest.raises(ValidationError, match=r"The match is finished\. Reopen it"):
        live.clock.start_next(final)
    with pytest.raises(ValidationError, match="finished"):
        live.clock.set_minute(final, parse_minute("23"))
    assert live.clock.state(final).period is None
    live.clock.start_next(final, reopen=True)
    assert live.matches.get_summary(final).status is MatchStatus.LIVE


@pytest.mark.parametrize("marker", ["KO", "HT", "2H", "ET", "ET2", "PSO", "KO 18:55"])
def test_period_markers_on_a_finished_match_are_refused_with_how_to_reopen(
    live, make_match, marker
):
    final = make_match("Argentina", "France")
    for call in (live.quick_entry.preview, live.quick_entry.record):
        with pytest.raises(EntryError) as refused:
            call(final, marker)
        assert "The match is finished. Reopen it with Edit match ▸ Status: Live" in str(refused)
        assert f"type “{marker.split()[0]}” again" in str(refused)
    summary = live.matches.get_summary(final)
    assert summary.status is MatchStatus.FINISHED
    assert live.clock.state(final).period is None


def test_full_time_again_and_reopen_on_request_are_accepted(live, make_match):
    final = make_match("Argentina", "France")
    live.quick_entry.record(final, "FT")
    assert live.matches.get_summary(final).status is MatchStatus.FINISHED
    live.quick_entry.record(final, "KO", reopen=True)
    assert live.matches.get_summary(final).status is MatchStatus.LIVE
    assert live.clock.state(final).running


def test_a_shootout_may_follow_after_extra_time(live, match):
    for line in ("ET", "ET2", "AET"):
        live.quick_entry.record(match, line)
    assert live.matches.get_summary(match).status is MatchStatus.FINISHED
    live.quick_entry.record(match, "PSO")
    assert live.matches.get_summary(match).status is MatchStatus.LIVE
    assert live.clock.state(match).period is Period.SHOOTOUT


# --- undo: the change history takes a clock change back ---


def test_undo_takes_a_clock_change_back_and_redo_makes_it_again(live, make_match):
    final = make_match("Argentina", "France")

    def state():
        return live.matches.get_input(final), live.clock.state(final)

    before = state()
    live.quick_entry.record(final, "ET", reopen=True)
    after = state()
    assert after[0].decided_by is Decision.EXTRA_TIME and after[0].status is MatchStatus.LIVE
    assert live.history.next_undo().summary == "Logged Extra time"
    live.history.undo()
    assert state() == before and before[1].period is None
    live.history.redo()
    assert state() == after


# --- two clocks on every line ---


def test_a_live_line_keeps_when_it_was_typed_and_whether_the_clock_timed_it(live, match, time):
    live.quick_entry.record(match, "KO")
    time.at(16.5)
    live.quick_entry.record(match, "yc Rice timed", live.clock.minute(match))
    live.quick_entry.record(match, "12 yc Griezmann typed", live.clock.minute(match))
    stored = _stored(live, match)
    assert stored["timed"] == ("17'", True, time.now)
    assert stored["typed"] == ("12'", False, time.now)


def test_a_line_typed_after_the_match_has_no_wall_clock_time(live, make_match, make_player):
    final = make_match("England", "France")
    make_player(final, "England", "Declan Rice", 4)
    live.quick_entry.record(final, "17 yc Rice late")
    assert _stored(live, final)["late"] == ("17'", False, None)


def test_a_moment_from_the_form_while_live_is_stamped_but_not_clock_timed(live, match):
    live.quick_entry.record(match, "KO")
    live.moments.log(match, MomentInput(parse_minute("5"), MomentKind.CHANCE, description="form"))
    minute, timed, logged_at = _stored(live, match)["form"]
    assert (minute, timed) == ("5'", False) and logged_at is not None


def test_typing_a_minute_over_a_clock_timed_one_makes_it_typed(live, match, time):
    live.quick_entry.record(match, "KO")
    time.at(3)
    live.quick_entry.record(match, "chance early", live.clock.minute(match))
    moment = _moments(live, match)["early"]
    _, data = live.moments.get_input(moment.id)
    live.moments.update(moment.id, dataclasses.replace(data, description="early!"))
    assert _stored(live, match)["early!"][:2] == ("4'", True)  # minute unchanged: still timed
    # The form's old values again: no version given, so no check against the edit above.
    again = dataclasses.replace(data, minute=parse_minute("2"), version=None)
    live.moments.update(moment.id, again)
    assert _stored(live, match)["early"][:2] == ("2'", False)


# --- corrected kick-off times move the clock-timed lines ---


def _second_half_with_lines(live, match, time):
    live.quick_entry.record(match, "KO")
    time.at(10)
    live.quick_entry.record(match, "chance first half", live.clock.minute(match))
    time.at(47)
    live.quick_entry.record(match, "HT")
    time.at(62)
    live.quick_entry.record(match, "2H")  # the reporter was two minutes late: 20:00 really
    time.at(70.5)
    live.quick_entry.record(match, "chance timed", live.clock.minute(match))
    live.quick_entry.record(match, "50 chance typed", live.clock.minute(match))


def test_correcting_the_second_half_kickoff_moves_only_its_clock_timed_lines(live, match, time):
    _second_half_with_lines(live, match, time)
    assert _stored(live, match)["timed"][0] == "54'"
    live.clock.correct_kickoff(match, Period.SECOND_HALF, T0 + dt.timedelta(minutes=60))
    stored = _stored(live, match)
    assert stored["timed"][:2] == ("56'", True)  # 10.5 minutes after 20:00
    assert stored["typed"][:2] == ("50'", False)
    assert stored["first half"][:2] == ("11'", True)
    assert str(live.clock.minute(match)) == "56'"
    live.history.undo()
    assert _stored(live, match)["timed"][0] == "54'" and str(live.clock.minute(match)) == "54'"


def test_the_quick_entry_marker_with_a_time_corrects_a_period_already_played(live, match, time):
    _second_half_with_lines(live, match, time)
    entry = live.quick_entry.preview(match, "KO 18:58")
    assert entry.describe() == "Kick-off — whistle at 18:58"
    live.quick_entry.record(match, "KO 18:58")
    assert _stored(live, match)["first half"][:2] == ("13'", True)
    assert str(live.clock.minute(match)) == "54'"  # the second half's clock is untouched
    with pytest.raises(ValidationError, match="kick-off time has not come yet"):
        live.quick_entry.record(match, "2H 20:15")


def test_a_period_marker_with_a_time_starts_a_period_the_reporter_came_late_to(live, match, time):
    time.at(20)
    live.quick_entry.record(match, "KO 19:00")
    assert str(live.clock.minute(match)) == "21'"
    assert live.matches.get_summary(match).status is MatchStatus.LIVE


def test_setting_the_clocks_minute_moves_its_clock_timed_lines(live, match, time):
    live.quick_entry.record(match, "KO")
    time.at(5.2)
    live.quick_entry.record(match, "chance timed", live.clock.minute(match))
    live.quick_entry.record(match, "2 chance typed", live.clock.minute(match))
    time.at(6)
    live.clock.set_minute(match, parse_minute("23"))  # 22 minutes played, not 6
    stored = _stored(live, match)
    assert stored["timed"][0] == "22'" and stored["typed"][0] == "2'"
