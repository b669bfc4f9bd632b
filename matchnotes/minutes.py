"""Match minutes: 17, 45+2, 90+8, 120+3, and the period each one belongs to.

A minute is stored as (period, minute, stoppage) so that 45+2 sorts after 45 and
before 46, and is shown exactly as a reporter writes it. Pure Python: used by the
services, the quick-entry parser and every report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matchnotes.enums import Period
from matchnotes.errors import ValidationError

# (first minute, last regular minute) of each period; stoppage follows the last one.
PERIOD_RANGES: dict[Period, tuple[int, int]] = {
    Period.FIRST_HALF: (0, 45),
    Period.SECOND_HALF: (46, 90),
    Period.EXTRA_FIRST: (91, 105),
    Period.EXTRA_SECOND: (106, 120),
    Period.SHOOTOUT: (120, 120),
}
PERIOD_ORDER: dict[Period, int] = {p: i for i, p in enumerate(PERIOD_RANGES)}
PERIOD_NAMES: dict[Period, str] = {
    Period.FIRST_HALF: "first half",
    Period.SECOND_HALF: "second half",
    Period.EXTRA_FIRST: "first half of extra time",
    Period.EXTRA_SECOND: "second half of extra time",
    Period.SHOOTOUT: "penalty shoot-out",
}
MAX_STOPPAGE = 60
_MINUTE_RE = re.compile(r"^\s*(\d{1,3})\s*(?:\+\s*(\d{1,2}))?\s*'?\s*$")


@dataclass(frozen=True, order=False)
class Minute:
    period: Period
    minute: int
    stoppage: int = 0

    @property
    def sort_key(self) -> int:
        return sort_key(self.period, self.minute, self.stoppage)

    def __str__(self) -> str:
        return format_minute(self.period, self.minute, self.stoppage)


def sort_key(period: Period, minute: int, stoppage: int) -> int:
    """One integer that orders moments across periods: 1H 45+9 < 2H 46 < ET1 91."""
    return PERIOD_ORDER[period] * 100_000 + minute * 100 + stoppage


def format_minute(period: Period, minute: int, stoppage: int = 0) -> str:
    """The minute as users write it: 17', 45+2', 120+3'; shoot-out kicks show as 'pens'."""
    if period is Period.SHOOTOUT:
        return "pens"
    return f"{minute}+{stoppage}'" if stoppage else f"{minute}'"


def period_for(minute: int) -> Period:
    """The period a plain minute falls in (45 is still the first half)."""
    for period, (_first, last) in PERIOD_RANGES.items():
        if minute <= last:
            return period
    return Period.EXTRA_SECOND


def make_minute(minute: int, stoppage: int = 0, period: Period | None = None) -> Minute:
    """Validate a minute and return it with its period.

    Raises ValidationError with a message that says how to write it instead.
    """
    if minute < 0 or stoppage < 0:
        raise ValidationError("A minute cannot be negative.")
    if stoppage > MAX_STOPPAGE:
        raise ValidationError(
            f"{stoppage} minutes of stoppage time is too many (at most {MAX_STOPPAGE})."
        )
    if period is Period.SHOOTOUT:
        return Minute(Period.SHOOTOUT, 120, 0)
    if minute > 120:
        raise ValidationError(
            f"Minute {minute} is after the end of extra time; write 120+{minute - 120}."
        )
    if period is None:
        period = period_for(minute)
        if stoppage and minute not in (45, 90, 105, 120):
            raise ValidationError(
                f"Stoppage time follows the last minute of a period (45, 90, 105 or 120), "
                f"not {minute}: write {period_end(period)}+{stoppage}."
            )
    first, last = PERIOD_RANGES[period]
    if minute > last:
        raise ValidationError(
            f"Minute {minute} is not in the {PERIOD_NAMES[period]}; write {last}+{minute - last}."
        )
    if minute < first:
        raise ValidationError(
            f"Minute {minute} is before the {PERIOD_NAMES[period]}, which starts at minute {first}."
        )
    if stoppage and minute != last:
        raise ValidationError(
            f"Stoppage time follows minute {last} in the {PERIOD_NAMES[period]}; "
            f"write {last}+{stoppage}."
        )
    return Minute(period, minute, stoppage)


def written_minute(minute: int, stoppage: int = 0, *, extra_time: bool = True) -> Minute:
    """A minute as reporters and files write it, made valid (the importers and quick entry
    share this rule): past 90 without a plus is stoppage time of the second half unless
    the match went to extra time (95 -> 90+5), and past 120 is stoppage of extra time
    (125 -> 120+5). Raises ValidationError like ``make_minute``."""
    if not stoppage:
        if minute > 90 and not extra_time:
            minute, stoppage = 90, minute - 90
        elif minute > 120:
            minute, stoppage = 120, minute - 120
    return make_minute(minute, stoppage)


# The most stoppage time a typed line may add (docs/quick-entry.md): generous bounds
# that real stoppage stays well inside, so 45+25 is taken for the typo it is.
STOPPAGE_LIMITS: dict[int, int] = {45: 20, 90: 30, 105: 20, 120: 30}


def check_plausible(minute: Minute) -> None:
    """Refuse stoppage time no period has had (45+25 is a typo): ValidationError."""
    limit = STOPPAGE_LIMITS.get(minute.minute)
    if limit is not None and minute.period is not Period.SHOOTOUT and minute.stoppage > limit:
        raise ValidationError(
            f"{minute.minute}+{minute.stoppage} is more stoppage time than a period has "
            f"(at most {minute.minute}+{limit}); check the minute."
        )


def period_end(period: Period) -> int:
    return PERIOD_RANGES[period][1]


def parse_minute(text: str, period: Period | None = None) -> Minute:
    """Parse "17", "17'", "45+2", "90+8'" into a validated Minute."""
    match = _MINUTE_RE.match(text or "")
    if not match:
        raise ValidationError(f"“{text}” is not a minute; write it like 17, 45+2 or 90+8'.")
    return make_minute(int(match.group(1)), int(match.group(2) or 0), period)
