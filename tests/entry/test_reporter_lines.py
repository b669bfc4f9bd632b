"""Lines a hurried reporter types (issue 13 findings), on the demo roster (no database).

Each finding has its own test: wrong acceptances are refused with a message (or read
as the importer reads them), wrong refusals are accepted. docs/quick-entry.md has the rules.
"""

import pytest

from matchnotes.entry import EntryError, MomentEntry, PeriodEntry, parse_line
from matchnotes.enums import MomentKind, Period
from matchnotes.io.common import game_minute
from matchnotes.minutes import Minute
from tests.entry import ENGLAND, FRANCE, demo_roster

K = MomentKind
FIRST_HALF_CLOCK = Minute(Period.FIRST_HALF, 45, 9)


def moment(line: str, clock: Minute | None = None, **kw: bool) -> MomentEntry:
    entry = parse_line(line, demo_roster(), clock, **kw)
    assert isinstance(entry, MomentEntry)
    return entry


def refused(line: str, match: str, clock: Minute | None = None, **kw: bool) -> str:
    with pytest.raises(EntryError, match=match) as info:
        parse_line(line, demo_roster(), clock, **kw)
    return str(info.value)


# --- minutes past 90 read as the importer reads them ---


@pytest.mark.parametrize(("typed", "stoppage"), [(91, 1), (95, 5), (99, 9), (105, 15), (120, 30)])
def test_past_90_before_extra_time_is_second_half_stoppage(typed, stoppage):
    entry = moment(f"{typed} goal kane")
    assert entry.minute == Minute(Period.SECOND_HALF, 90, stoppage)
    assert str(entry.minute) == f"90+{stoppage}'"
    # The importer reads the same minute the same way (one rule: minutes.written_minute).
    assert game_minute("goals[0]", typed, extra_time=False) == entry.minute


def test_past_90_is_extra_time_once_the_match_has_some():
    assert moment("95 goal kane", extra_time=True).minute == Minute(Period.EXTRA_FIRST, 95)
    assert moment("125 goal kane", extra_time=True).minute == Minute(Period.EXTRA_SECOND, 120, 5)
    assert game_minute("m", 125, extra_time=True) == Minute(Period.EXTRA_SECOND, 120, 5)
    # A clock in extra time, or the shoot-out, says the match has gone to extra time.
    assert moment("95 goal kane", Minute(Period.EXTRA_FIRST, 96)).minute.minute == 95
    assert moment("118 pen Kane", shootout=True).minute.period is Period.EXTRA_SECOND


@pytest.mark.parametrize("line", ["105+1 goal kane", "120+3 goal kane", "120+3 yc france #9"])
def test_extra_time_stoppage_before_extra_time_is_refused(line):
    message = refused(line, "is in extra time, and this match has not gone to extra time")
    assert message.endswith("type ET first to start it.")
    assert moment(line, extra_time=True).minute.period in (Period.EXTRA_FIRST, Period.EXTRA_SECOND)


def test_a_minute_past_the_stoppage_limit_before_extra_time_says_type_et():
    refused("121 goal kane", "Minute 121 would be 90\\+31, .* If extra time has started, type ET")


# --- minute 0 and implausible stoppage ---


def test_minute_zero_is_refused():
    refused("0 goal kane", "There is no minute 0: the first minute of a match is 1")
    refused("0' yc Rice", "no minute 0")


@pytest.mark.parametrize(
    ("line", "limit"),
    [
        ("45+25 goal kane", "45\\+20"),
        ("90+31 goal kane", "90\\+30"),
        ("105+21 yc Rice", "105\\+20"),
    ],
)
def test_implausible_stoppage_is_refused_with_the_limit(line, limit):
    message = f"more stoppage time than a period has \\(at most {limit}\\); check the minute"
    refused(line, message, extra_time=True)


def test_stoppage_within_the_limits_is_accepted():
    assert str(moment("45+20 goal kane").minute) == "45+20'"
    assert str(moment("90+30 goal kane").minute) == "90+30'"
    assert str(moment("120+30 goal kane", extra_time=True).minute) == "120+30'"


# --- the clock still in the first half ---


def test_a_second_half_minute_on_a_first_half_clock_offers_the_way_out():
    message = refused("54 pen goal Kane", "The clock is still in the first half", FIRST_HALF_CLOCK)
    assert message == (
        "The clock is still in the first half. Type 2H first to start the second half "
        "(or write 45+9 if it was stoppage time)."
    )
    # The way out works: 2H is a marker, and then 54 is a second-half minute.
    start = parse_line("2H", demo_roster(), FIRST_HALF_CLOCK)
    assert isinstance(start, PeriodEntry) and start.period is Period.SECOND_HALF
    kick = moment("54 pen goal Kane", Minute(Period.SECOND_HALF, 46))
    assert (kick.minute, kick.kind) == (Minute(Period.SECOND_HALF, 54), K.PENALTY_GOAL)
    # ... and so does the other one.
    assert moment("45+9 pen goal Kane", FIRST_HALF_CLOCK).minute == Minute(Period.FIRST_HALF, 45, 9)


def test_the_clock_message_offers_stoppage_only_when_it_is_plausible():
    message = refused("80 goal Kane", "still in the first half", FIRST_HALF_CLOCK)
    assert "45+" not in message  # 45+35 is no stoppage time
    message = refused("90+3 goal Kane", "still in the first half", FIRST_HALF_CLOCK)
    assert message.endswith("Type 2H first to start the second half.")
    second_half = Minute(Period.SECOND_HALF, 90, 2)
    refused(
        "95 goal Kane",
        "Type ET first to start extra time \\(or write 90\\+5",
        second_half,
        extra_time=True,
    )
    assert moment("95 goal Kane", second_half).minute == Minute(Period.SECOND_HALF, 90, 5)


def test_a_clock_left_running_past_any_stoppage_is_not_used_silently():
    forgot_ht = Minute(Period.FIRST_HALF, 45, 25)
    message = refused("yc Rice", "The clock says 45\\+25', more stoppage time", forgot_ht)
    assert message.endswith(
        "If the second half has started, type 2H; or start the line with the minute."
    )
    assert moment("yc Rice", Minute(Period.FIRST_HALF, 45, 20)).minute.stoppage == 20
    refused("yc Rice", "Correct the clock, or start the line", Minute(Period.EXTRA_SECOND, 120, 31))


def test_a_marker_with_a_minute_is_not_bounded_by_the_clock():
    entry = parse_line("46 2H", demo_roster(), FIRST_HALF_CLOCK)
    assert isinstance(entry, PeriodEntry) and entry.marker == "2H"


# --- goals marked pen / og after the scorer ---


@pytest.mark.parametrize(
    ("line", "kind", "description"),
    [
        ("54 goal kane pen", K.PENALTY_GOAL, ""),
        ("54 goal kane p", K.PENALTY_GOAL, ""),
        ("54 goal Kane (pen)", K.PENALTY_GOAL, ""),
        ("54 goal Kane pen, low to the left", K.PENALTY_GOAL, "low to the left"),
        ("54 goal Kane pen won by Saka", K.PENALTY_GOAL, ""),
        ("54 goal Kane og", K.OWN_GOAL, ""),
        ("54 goal Kane o.g. deflection", K.OWN_GOAL, "deflection"),
        ("54 goal Kane own goal", K.OWN_GOAL, ""),
        ("54 goal Kane penalty area scramble", K.GOAL, "penalty area scramble"),
        ("54 goal Kane (pen", K.GOAL, "(pen"),
    ],
)
def test_a_trailing_pen_or_og_marks_the_goal(line, kind, description):
    entry = moment(line)
    assert (entry.kind, entry.description) == (kind, description)
    assert entry.scores_for == (FRANCE if kind is K.OWN_GOAL else ENGLAND)


def test_a_penalty_marked_after_the_scorer_keeps_who_won_it():
    entry = moment("54 goal Kane pen won by Saka")
    assert entry.related is not None and entry.related.name == "Bukayo Saka"


@pytest.mark.parametrize("line", ["54 goal Kane (Saka) pen", "54 goal Kane assist Saka og"])
def test_pen_or_og_after_an_assist_is_refused_not_kept_as_text(line):
    refused(line, "Put pen or og right after the scorer, with no assist")


# --- one line, one moment ---


@pytest.mark.parametrize(
    "line", ["17 goal kane; 18 goal saka", "17 goal kane;HT", "17 goal kane ; yc Rice late"]
)
def test_a_semicolon_before_another_moment_is_refused(line):
    message = refused(line, "One line, one moment")
    assert "Log “17 goal kane” first (Enter)" in message


def test_a_semicolon_inside_a_description_stays_text():
    entry = moment("84 pen miss Kane over the bar; Lloris guessed right")
    assert entry.description == "over the bar; Lloris guessed right"
    assert moment("30 goal Kane; 25 yards out").description == "25 yards out"


# --- what was refused and must be accepted ---


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("90'+3", Minute(Period.SECOND_HALF, 90, 3)),
        ("90’+3’", Minute(Period.SECOND_HALF, 90, 3)),
        ("17min", Minute(Period.FIRST_HALF, 17)),
        ("17 min", Minute(Period.FIRST_HALF, 17)),
        ("17mins", Minute(Period.FIRST_HALF, 17)),
        ("17m", Minute(Period.FIRST_HALF, 17)),
        ("17'", Minute(Period.FIRST_HALF, 17)),
        ("17’", Minute(Period.FIRST_HALF, 17)),
        ("17´", Minute(Period.FIRST_HALF, 17)),
        ("17 '", Minute(Period.FIRST_HALF, 17)),
    ],
)
def test_minutes_as_reporters_type_them(typed, expected):
    entry = moment(f"{typed} goal kane")
    assert (entry.minute, entry.kind, entry.description) == (expected, K.GOAL, "")


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("missed pen", K.PENALTY_MISSED),
        ("missed penalty", K.PENALTY_MISSED),
        ("pen missed", K.PENALTY_MISSED),
        ("penalty miss", K.PENALTY_MISSED),
        ("saved pen", K.PENALTY_SAVED),
        ("saved penalty", K.PENALTY_SAVED),
        ("pen saved", K.PENALTY_SAVED),
    ],
)
def test_penalty_kinds_in_either_order(words, kind):
    entry = moment(f"84 {words} kane over the bar")
    assert (entry.kind, entry.player and entry.player.name) == (kind, "Harry Kane")
    assert entry.description == "over the bar"
