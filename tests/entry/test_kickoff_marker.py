"""The marker form "2H 21:03" (the period kicked off at 21:03) and which minutes the
clock gave: the parser's part of correcting a kick-off time."""

import datetime as dt

import pytest

from matchnotes.entry import EntryError, MomentEntry, PeriodEntry, parse_line
from matchnotes.enums import Period
from matchnotes.minutes import make_minute
from tests.entry import demo_roster


def parse(line: str, clock=None):
    return parse_line(line, demo_roster(), clock)


@pytest.mark.parametrize(
    ("line", "period", "time"),
    [
        ("2H 21:03", Period.SECOND_HALF, dt.time(21, 3)),
        ("KO at 20.00", Period.FIRST_HALF, dt.time(20, 0)),
        ("second half 21h03", Period.SECOND_HALF, dt.time(21, 3)),
        ("et 9:50", Period.EXTRA_FIRST, dt.time(9, 50)),
        ("PSO 23:59", Period.SHOOTOUT, dt.time(23, 59)),
    ],
)
def test_a_starting_marker_takes_the_time_its_period_kicked_off(line, period, time):
    entry = parse(line)
    assert isinstance(entry, PeriodEntry)
    assert (entry.period, entry.kickoff) == (period, time)
    assert entry.describe().endswith(f" — whistle at {time:%H:%M}")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("HT 21:48", "HT takes no time"),
        ("FT 22:50", "FT takes no time"),
        ("AET 23:10", "AET takes no time"),
        ("2H 25:03", "25:03 is not a time"),
        ("KO 20:75", "20:75 is not a time"),
    ],
)
def test_a_time_that_cannot_be_a_kickoff_is_refused(line, message):
    with pytest.raises(EntryError, match=message):
        parse(line)


def test_a_time_in_a_moments_text_stays_text():
    entry = parse("17 note stadium clock said 21:03")
    assert isinstance(entry, MomentEntry) and entry.description == "stadium clock said 21:03"
    assert parse("KO").kickoff is None


def test_a_moment_says_whether_its_minute_came_from_the_clock():
    clock = make_minute(23)
    assert parse("yc Griezmann", clock).clock_timed
    assert not parse("23 yc Griezmann", clock).clock_timed
    shootout = make_minute(120, 0, Period.SHOOTOUT)
    assert not parse("pen goal Kane", shootout).clock_timed
