"""Where the match timeline puts things, without Qt: the minute scale and the lanes.

The scale is in abstract units (one regular minute = 1) that the painter maps onto
any width. Stoppage time is compressed (half a unit per minute, at most six units)
so 90+8 stays visible without stretching the second half; the shoot-out is a block
of kicks after extra time. Lane packing keeps glyphs and labels from overlapping.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from matchnotes.enums import Period
from matchnotes.minutes import Minute

STOPPAGE_UNIT = 0.5
MAX_STOPPAGE_UNITS = 6.0
GAP_UNITS = 4.0  # the break between two periods (half-time, full time)
KICK_UNITS = 3.0  # one round of the shoot-out
MIN_KICKS = 5

# (period, minute at its left edge, last regular minute)
_REGULAR = (
    (Period.FIRST_HALF, 0, 45),
    (Period.SECOND_HALF, 45, 90),
    (Period.EXTRA_FIRST, 90, 105),
    (Period.EXTRA_SECOND, 105, 120),
)
GAP_LABELS = {Period.SECOND_HALF: "HT", Period.EXTRA_FIRST: "FT", Period.SHOOTOUT: "AET"}


@dataclass(frozen=True)
class Segment:
    period: Period
    start: float
    regular_end: float  # where stoppage time (or the end) begins
    end: float
    first_minute: int
    stoppage: int  # the most stoppage minutes logged in this period


@dataclass(frozen=True)
class Scale:
    segments: tuple[Segment, ...]
    total: float

    def segment(self, period: Period) -> Segment | None:
        return next((s for s in self.segments if s.period is period), None)

    def position(self, minute: Minute, kick: int = 0) -> float:
        """Units from the left edge; `kick` is the kick's number within its team (from 0)."""
        seg = self.segment(minute.period) or self.segments[-1]
        if seg.period is Period.SHOOTOUT:
            return min(seg.start + KICK_UNITS * (kick + 0.5), seg.end)
        if minute.stoppage and seg.stoppage:
            share = min(minute.stoppage, seg.stoppage) / seg.stoppage
            return seg.regular_end + (seg.end - seg.regular_end) * share
        last = seg.first_minute + (seg.regular_end - seg.start)
        return seg.start + max(0.0, min(minute.minute, last) - seg.first_minute)

    def ticks(self) -> list[tuple[float, int]]:
        """(units, minute) every 15 minutes inside the regular part of each period."""
        out = []
        for seg in self.segments:
            if seg.period is Period.SHOOTOUT:
                continue
            last = int(seg.first_minute + seg.regular_end - seg.start)
            for minute in range(seg.first_minute + 15, last, 15):
                out.append((seg.start + minute - seg.first_minute, minute))
        return out


def build_scale(minutes: Iterable[Minute], *, extra_time: bool = False, kicks: int = 0) -> Scale:
    """The scale for a match: both halves always; extra time and the shoot-out when
    the result says so or a moment was logged there. `kicks` is the most shoot-out
    kicks taken by one team."""
    minutes = list(minutes)
    periods = {m.period for m in minutes}
    shootout = kicks > 0 or Period.SHOOTOUT in periods
    extra = extra_time or shootout or bool({Period.EXTRA_FIRST, Period.EXTRA_SECOND} & periods)
    segments: list[Segment] = []
    x = 0.0
    for period, first, last in _REGULAR:
        if period in (Period.EXTRA_FIRST, Period.EXTRA_SECOND) and not extra:
            break
        stoppage = max((m.stoppage for m in minutes if m.period is period), default=0)
        zone = min(MAX_STOPPAGE_UNITS, max(1.5, stoppage * STOPPAGE_UNIT)) if stoppage else 0.0
        if segments:
            x += GAP_UNITS
        segments.append(
            Segment(period, x, x + last - first, x + last - first + zone, first, stoppage)
        )
        x = segments[-1].end
    if shootout:
        x += GAP_UNITS
        width = KICK_UNITS * max(MIN_KICKS, kicks)
        segments.append(Segment(Period.SHOOTOUT, x, x + width, x + width, 120, 0))
        x += width
    return Scale(tuple(segments), x)


def pack_lanes(intervals: Sequence[tuple[float, float]], max_lanes: int) -> list[int]:
    """A lane for each (start, end) interval, given in start order: the lowest lane that
    is free; when all `max_lanes` are busy, the one that frees soonest (overlap is then
    unavoidable, and spread as evenly as possible)."""
    ends: list[float] = []
    lanes = []
    for start, end in intervals:
        free = [i for i, e in enumerate(ends) if e <= start]
        if free or len(ends) >= max(1, max_lanes):
            lane = free[0] if free else min(range(len(ends)), key=lambda i: ends[i])
            ends[lane] = max(ends[lane], end)
        else:
            lane = len(ends)
            ends.append(end)
        lanes.append(lane)
    return lanes


@dataclass(frozen=True)
class LabelRequest:
    key: int
    anchor: float  # the x the label belongs to (the glyph's centre)
    width: float
    priority: int  # lower is placed first, nearer the axis


def place_labels(
    requests: Iterable[LabelRequest], left: float, right: float, rows: int, pad: float,
    slack: float,
) -> dict[int, tuple[int, float]]:  # fmt: skip
    """Give each label a row and a left edge so that no two labels in a row overlap.

    Labels are tried in priority order, each in the nearest row where it fits, centred
    on its anchor or shifted by up to `slack` either way; a label that fits nowhere is
    left out (its glyph still shows, and the moment is listed in the report).
    """
    taken = [_Row(pad) for _ in range(max(0, rows))]
    placed: dict[int, tuple[int, float]] = {}
    for req in sorted(requests, key=lambda r: (r.priority, r.anchor)):
        width = req.width
        if width > right - left:
            continue
        centred = req.anchor - width / 2
        candidates = (centred, req.anchor - slack, req.anchor + slack - width)
        # Clamped to the edges, two may be the same place: each is tried once, in order.
        fitted = list(dict.fromkeys(min(max(x, left), right - width) for x in candidates))
        for row, spans in enumerate(taken):
            x0 = spans.first_free(fitted, width, pad)
            if x0 is not None:
                spans.add(x0, x0 + width)
                placed[req.key] = (row, x0)
                break
    return placed


class _Row:
    """The labels of one row, kept in order. Each was added only where its padded span
    was free, so with a pad of zero or more and widths above zero no two overlap and
    their ends are in order too: the span that starts last before ``end`` is the only
    one that can reach past ``start`` (a busy match asks this thousands of times)."""

    def __init__(self, pad: float) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []
        self.ordered = pad >= 0

    def first_free(self, xs: list[float], width: float, pad: float) -> float | None:
        """The first left edge in ``xs`` where a label this wide (and its pad) is free."""
        starts, ends = self.starts, self.ends
        for x in xs:
            start, end = x - pad, x + width + pad
            if not self.ordered:
                if all(end <= a or start >= b for a, b in zip(starts, ends, strict=True)):
                    return x
                continue
            before = bisect.bisect_left(starts, end)  # the spans starting before `end`
            if before == 0 or ends[before - 1] <= start:
                return x
        return None

    def add(self, start: float, end: float) -> None:
        self.ordered = self.ordered and end > start  # an empty span breaks the order
        at = bisect.bisect(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)
