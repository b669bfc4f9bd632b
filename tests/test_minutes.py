import pytest

from matchnotes.enums import Period
from matchnotes.errors import ValidationError
from matchnotes.minutes import Minute, format_minute, make_minute, parse_minute


@pytest.mark.parametrize(
    ("text", "period", "minute", "stoppage", "shown"),
    [
        ("17", Period.FIRST_HALF, 17, 0, "17'"),
        ("17'", Period.FIRST_HALF, 17, 0, "17'"),
        ("45", Period.FIRST_HALF, 45, 0, "45'"),
        ("45+2", Period.FIRST_HALF, 45, 2, "45+2'"),
        ("46", Period.SECOND_HALF, 46, 0, "46'"),
        ("90+8'", Period.SECOND_HALF, 90, 8, "90+8'"),
        ("105", Period.EXTRA_FIRST, 105, 0, "105'"),
        ("120+3", Period.EXTRA_SECOND, 120, 3, "120+3'"),
        (" 90 + 1 ", Period.SECOND_HALF, 90, 1, "90+1'"),
    ],
)
def test_parse_minute(text, period, minute, stoppage, shown):
    parsed = parse_minute(text)
    assert parsed == Minute(period, minute, stoppage)
    assert str(parsed) == shown


def test_minutes_sort_as_football_is_played():
    order = ["1", "45", "45+2", "45+9", "46", "90", "90+8", "91", "105+1", "106", "120+3"]
    keys = [parse_minute(m).sort_key for m in order]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    shootout = make_minute(120, 0, Period.SHOOTOUT)
    assert shootout.sort_key > parse_minute("120+3").sort_key
    assert format_minute(Period.SHOOTOUT, 120) == "pens"


def test_minute_outside_its_period_says_how_to_write_it():
    with pytest.raises(ValidationError, match="Minute 47 is not in the first half; write 45\\+2"):
        parse_minute("47", Period.FIRST_HALF)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not a minute"),
        ("abc", "not a minute"),
        ("12+", "not a minute"),
        ("44+2", "write 45\\+2"),
        ("121", "write 120\\+1"),
        ("90+61", "too many"),
    ],
)
def test_bad_minutes_are_refused_with_a_hint(text, message):
    with pytest.raises(ValidationError, match=message):
        parse_minute(text)


def test_stoppage_in_the_second_half_needs_minute_90():
    with pytest.raises(ValidationError, match="write 90\\+3"):
        make_minute(60, 3, Period.SECOND_HALF)
    with pytest.raises(ValidationError, match="before the second half"):
        make_minute(30, 0, Period.SECOND_HALF)
