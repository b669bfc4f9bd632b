"""The start of a quick-entry line: its minute, and whether a ";" starts another line.

Minutes: 17, 17', 17min, 45+2, 90'+3, 95.

A minute is read as the importers read one (``minutes.written_minute``): in a match
that has not gone to extra time, 95 is 90+5. What no reporter means is refused with
the way out: minute 0, stoppage no period has had (45+25), extra time in a match
without it (105+1), and a minute after the running clock's period (54 while the
clock is in the first half: start the second half, or write 45+9).
docs/quick-entry.md has the rules.
"""

from __future__ import annotations

import re

from matchnotes.entry.errors import EntryError
from matchnotes.entry.names import phrase, tokenize, words
from matchnotes.entry.vocabulary import KIND_ALIASES, LONGEST_ALIAS, PERIOD_MARKERS
from matchnotes.enums import Period
from matchnotes.errors import ValidationError
from matchnotes.minutes import (
    MAX_STOPPAGE,
    PERIOD_NAMES,
    PERIOD_ORDER,
    STOPPAGE_LIMITS,
    Minute,
    check_plausible,
    period_end,
    written_minute,
)

_TICK = r"['’′´‘`]"  # 17' as keyboards type it (´ on a German one, ’ from a phone)
# 17, 17', 17 min, 17m, 45+2, 90'+3, 90 + 8' at the start of a line; 5 digits is no minute.
_MINUTE = re.compile(
    rf"([0-9]{{1,4}})(?![0-9])(?:\s*{_TICK}?\s*\+\s*([0-9]{{1,4}})(?![0-9]))?"
    rf"(?:\s*{_TICK}|\s*min(?:ute)?s?\.?(?=\s|$)|m(?=\s|$)|(?=\s|$))",
    re.IGNORECASE,
)
# The marker that starts the period after the clock's, and what it starts.
_NEXT = {
    Period.FIRST_HALF: ("2H", "the second half"),
    Period.SECOND_HALF: ("ET", "extra time"),
    Period.EXTRA_FIRST: ("ET2", "the second half of extra time"),
}
EXTRA_PERIODS = frozenset({Period.EXTRA_FIRST, Period.EXTRA_SECOND, Period.SHOOTOUT})

Typed = tuple[int, int]  # (minute, stoppage) as typed: 45+2 is (45, 2)


def split_minute(text: str) -> tuple[Typed | None, str]:
    """The typed minute at the start of ``text`` (if any) and the rest of the line."""
    found = _MINUTE.match(text)
    if not found:
        return None, text
    return (int(found.group(1)), int(found.group(2) or 0)), text[found.end() :].strip()


def typed_minute(typed: Typed, clock: Minute | None, *, extra_time: bool) -> Minute:
    """The minute a line means, or EntryError saying how to write it.

    ``clock`` (the running clock's minute) bounds it: a minute after the clock's period
    is refused, with the marker that starts the next period. Pass None for markers.
    """
    minute, stoppage = typed
    if minute > 120 + MAX_STOPPAGE:
        raise EntryError(f"{minute} is not a minute of a match; write it like 17, 45+2 or 90+8.")
    if minute == 0:
        raise EntryError("There is no minute 0: the first minute of a match is 1.")
    if not extra_time and minute > 90 and stoppage:
        raise EntryError(
            f"{minute}+{stoppage} is in extra time, and this match has not gone to extra "
            "time: type ET first to start it."
        )
    if not extra_time and minute - 90 > STOPPAGE_LIMITS[90]:
        raise EntryError(
            f"Minute {minute} would be 90+{minute - 90}, more stoppage time than a match has. "
            "If extra time has started, type ET first."
        )
    try:
        result = written_minute(minute, stoppage, extra_time=extra_time)
        check_plausible(result)
    except ValidationError as exc:
        raise EntryError(str(exc)) from None
    if (
        clock is not None
        and clock.period in _NEXT
        and PERIOD_ORDER[result.period] > PERIOD_ORDER[clock.period]
    ):
        raise EntryError(_clock_behind(clock.period, typed))
    return result


def clock_minute(clock: Minute) -> Minute:
    """The running clock's minute for a line without one, unless it is past any stoppage:
    45+25 on the clock means the half-time whistle was never typed."""
    try:
        check_plausible(clock)
    except ValidationError:
        way_out = ""
        if clock.period in _NEXT:
            marker, starts = _NEXT[clock.period]
            way_out = f"If {starts} has started, type {marker}; or "
        raise EntryError(
            f"The clock says {clock}, more stoppage time than a period has. "
            f"{way_out or 'Correct the clock, or '}start the line with the minute."
        ) from None
    return clock


def _clock_behind(period: Period, typed: Typed) -> str:
    """54 while the clock runs in the first half: the half-time whistle was never typed."""
    marker, starts = _NEXT[period]
    text = (
        f"The clock is still in the {PERIOD_NAMES[period]}. Type {marker} first to start {starts}"
    )
    minute, stoppage = typed
    last = period_end(period)
    if not stoppage and minute - last <= STOPPAGE_LIMITS[last]:
        text += f" (or write {last}+{minute - last} if it was stoppage time)"
    return text + "."


def refuse_two_lines(text: str) -> None:
    """ "17 goal Kane; 18 goal Saka" is two lines: say so rather than log one with the other
    as its text. A ";" before anything else ("over the bar; Lloris guessed") is text."""
    head, sep, tail = text.partition(";")
    while sep:
        after = tail.strip()
        if after and _starts_a_line(after):
            second = after.split(";")[0].strip()
            raise EntryError(
                f"One line, one moment: “;” starts another one here. Log “{head.strip()}” "
                f"first (Enter), then type “{second}”. Inside a text, use a comma."
            )
        more_head, sep, tail = tail.partition(";")
        head = f"{head};{more_head}"


def _starts_a_line(text: str) -> bool:
    """[MINUTE] KIND…, a marker, or q Speaker: — not "25 yards out" nor a quoted remark."""
    rest = split_minute(text)[1]
    said = words(rest)
    if said[:1] in (("q",), ("quote",)) or " ".join(said) in PERIOD_MARKERS:
        return True
    tokens = tokenize(rest)
    return any((phrase(tokens, 0, n) or "") in KIND_ALIASES for n in range(1, LONGEST_ALIAS + 1))
