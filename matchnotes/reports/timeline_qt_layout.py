"""Where each moment of a match goes on the timeline, measured with Qt font metrics.

The painter, the hit test and the height hint share this one layout, so what is
clicked is what was drawn. The scale and the overlap rules themselves are pure
(timeline_layout.py); this module adds sizes from the font and the home/away sides.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF

from matchnotes.enums import Decision, MomentKind, Period
from matchnotes.labels import KIND_LABELS
from matchnotes.reports.timeline_layout import LabelRequest, build_scale, pack_lanes, place_labels
from matchnotes.scores import SCORING_KINDS
from matchnotes.services.views import MatchDetail, MomentView

_PRIORITY = {
    MomentKind.GOAL: 0, MomentKind.PENALTY_GOAL: 0, MomentKind.OWN_GOAL: 0,
    MomentKind.PENALTY_MISSED: 1, MomentKind.PENALTY_SAVED: 1, MomentKind.RED: 2,
    MomentKind.SECOND_YELLOW: 2, MomentKind.PENALTY_AWARDED: 3, MomentKind.YELLOW: 4,
    MomentKind.SUBSTITUTION: 5,
}  # fmt: skip
_SUFFIX = {
    MomentKind.PENALTY_GOAL: " (pen)", MomentKind.OWN_GOAL: " (og)",
    MomentKind.PENALTY_MISSED: " (missed)", MomentKind.PENALTY_SAVED: " (saved)",
    MomentKind.PENALTY_AWARDED: " (pen won)",
}  # fmt: skip


def surname(name: str) -> str:
    """All but the first name: "Kane", "Kolo Muani"; a single name stays whole."""
    parts = name.split(maxsplit=1)
    return parts[-1] if parts else ""


def _label_text(m: MomentView) -> str:
    who = surname(m.player) if m.player else KIND_LABELS[m.kind]
    if m.kind is MomentKind.SUBSTITUTION and m.related_player:
        who += f" for {surname(m.related_player)}"
    if m.minute.period is Period.SHOOTOUT:
        return who
    return f"{m.minute_text} {who}{_SUFFIX.get(m.kind, '')}"


class TextWidths:
    """A font's text widths, each text measured once: shaping the labels again was most
    of laying out a busy match, and a match page lays out the same labels after each
    line. Keep one per font and paint device (the widths are theirs)."""

    def __init__(self, fm: QFontMetricsF) -> None:
        self.fm = fm
        self._widths: dict[str, float] = {}

    def horizontalAdvance(self, text: str) -> float:  # named as QFontMetricsF names it
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > 4096:  # many matches shown in turn: start again
                self._widths.clear()
            width = self._widths[text] = self.fm.horizontalAdvance(text)
        return width

    def height(self) -> float:
        return self.fm.height()


Metrics = QFontMetricsF | TextWidths


@dataclass
class TimelineItem:
    moment: MomentView
    below: bool  # away team: below the axis
    x: float
    text: str
    score: str
    center: QPointF
    glyph: QRectF
    label: QRectF | None = None


@dataclass(frozen=True)
class _Arranged:
    """One side laid out, before it is put on the page: each glyph's lane, each label's
    (row, left edge) by index, and the height it all needs."""

    lanes: list[int]
    glyph_area: float
    placed: dict[int, tuple[int, float]]
    widths: list[float]
    need: float


class KeptSides:
    """The sides the last few layouts arranged, by everything an arrangement follows from;
    a widget keeps one across its layouts (a new layout per line on a busy match)."""

    def __init__(self, size: int = 8) -> None:
        self.size = size
        self._sides: dict[tuple[object, ...], _Arranged] = {}

    def get(self, key: tuple[object, ...]) -> _Arranged | None:
        return self._sides.get(key)

    def put(self, key: tuple[object, ...], arranged: _Arranged) -> _Arranged:
        self._sides[key] = arranged
        while len(self._sides) > self.size:
            del self._sides[next(iter(self._sides))]  # the oldest
        return arranged


class TimelineLayout:
    """Every position on the timeline for one rect, detail and font."""

    def __init__(
        self, rect: QRectF, d: MatchDetail, fm: Metrics, *, unlimited: bool = False,
        selected_id: int | None = None, bold: Metrics | None = None,
        kept: KeptSides | None = None,
    ) -> None:  # fmt: skip
        s = d.summary
        self.kept = kept if kept is not None else KeptSides()
        fm = fm if isinstance(fm, TextWidths) else TextWidths(fm)  # both passes measure
        bold = bold if bold is None or isinstance(bold, TextWidths) else TextWidths(bold)
        self.selected_id, self.bold = selected_id, bold or fm
        u = self.u = fm.height()
        self.pad, self.band_h, self.gap = 0.35 * u, 1.35 * u, 0.3 * u
        self.g, self.row_h = 1.05 * u, 1.35 * u
        self.lane_h = self.g + 0.25 * u
        inner = rect.adjusted(self.pad, self.pad, -self.pad, -self.pad)
        names = [s.home, s.away]
        self.gutter = 0.0
        if inner.width() > 24 * u:
            self.gutter = min(max(fm.horizontalAdvance(n) for n in names) + u, inner.width() * 0.2)
        self.left, self.right = inner.left() + self.gutter, inner.right() - 0.2 * u
        self.axis_y = inner.center().y()
        kicks: dict[int | None, int] = {}
        kick_of = {}
        for m in d.moments:
            if m.minute.period is Period.SHOOTOUT:
                kick_of[m.id] = kicks.get(m.team_id, 0)
                kicks[m.team_id] = kick_of[m.id] + 1
        self.scale = build_scale(
            (m.minute for m in d.moments),
            extra_time=d.decided_by is not Decision.REGULAR,
            kicks=max([*kicks.values(), 5 if d.penalties else 0]),
        )
        self.k = (self.right - self.left) / self.scale.total
        self.items = [
            TimelineItem(
                m, m.team_id == s.away_id and m.team_id is not None,
                self.x(self.scale.position(m.minute, kick_of.get(m.id, 0))), _label_text(m),
                str(m.score_after) if m.kind in SCORING_KINDS
                and m.minute.period is not Period.SHOOTOUT else "",
                QPointF(), QRectF(),
            )
            for m in d.moments
        ]  # fmt: skip
        # Measure what each side needs, then give the axis the height that fits both
        # (home labels may stack higher than away ones); a short rect is shared fairly.
        sides = {b: [i for i in self.items if i.below == b] for b in (False, True)}
        measured = {b: self._arrange(sides[b], 0, fm, True) for b in sides}
        needs = {b: measured[b].need for b in sides}
        height, total = max(0.0, inner.height() - self.band_h), needs[False] + needs[True]
        self.needed = total + self.band_h + 2 * self.pad
        if unlimited:
            for below, side in sides.items():
                self._position(side, below, measured[below])
            return
        if height >= total:
            above = needs[False] + (height - total) / 2
        else:
            above = height * min(max(needs[False] / total, 0.3), 0.7)
        self.axis_y = inner.top() + above + self.band_h / 2
        for below, avail in ((False, above), (True, height - above)):
            fits = avail >= needs[below] - 0.01 * u  # then lay out exactly as measured
            arranged = measured[below] if fits else self._arrange(sides[below], avail, fm, False)
            self._position(sides[below], below, arranged)

    def x(self, units: float) -> float:
        return self.left + units * self.k

    def _arrange(
        self, items: list[TimelineItem], avail: float, fm: Metrics, unlimited: bool
    ) -> _Arranged:
        """One side's glyph lanes and label rows within `avail` (sorts `items` by x)."""
        u, g = self.u, self.g
        items.sort(key=lambda i: i.x)
        widths = [self._label_width(i, fm) for i in items]
        priorities = [self._priority(i) for i in items]
        # The arrangement follows from these alone: a side the last line left as it was
        # (the other team's) is not arranged again.
        key = (unlimited, avail, u, self.left, self.right, tuple(i.x for i in items),
               tuple(widths), tuple(priorities))  # fmt: skip
        kept = self.kept.get(key)
        if kept is not None:
            return kept
        avail -= self.gap
        # Glyphs before labels: a label may be left out, an overlapping glyph hides a moment.
        room = avail - self.row_h - self.gap if avail > 2 * self.row_h + self.gap else avail
        max_lanes = 99 if unlimited else max(1, int(room // self.lane_h))
        lanes = pack_lanes(
            [(i.x - g / 2 - 0.1 * u, i.x + g / 2 + 0.1 * u) for i in items], max_lanes
        )
        glyph_area = (max(lanes, default=-1) + 1) * self.lane_h
        rows = 99 if unlimited else int((avail - glyph_area - self.gap) // self.row_h)
        requests = [
            LabelRequest(n, i.x, width, priority)
            for n, (i, width, priority) in enumerate(zip(items, widths, priorities, strict=True))
        ]
        placed = place_labels(requests, self.left, self.right, rows, 0.5 * u, g / 2)
        used = max((row + 1 for row, _x0 in placed.values()), default=0)
        need = self.gap + glyph_area + self.gap + used * self.row_h
        return self.kept.put(key, _Arranged(lanes, glyph_area, placed, widths, need))

    def _position(self, items: list[TimelineItem], below: bool, arranged: _Arranged) -> None:
        """Put one side's glyphs and labels where `arranged` says, from the axis out."""
        u, g, sign = self.u, self.g, 1 if below else -1
        edge = self.axis_y + sign * (self.band_h / 2 + self.gap)
        for item, lane in zip(items, arranged.lanes, strict=True):
            item.label = None
            item.center = QPointF(item.x, edge + sign * (lane + 0.5) * self.lane_h)
            item.glyph = QRectF(item.x - g / 2, item.center.y() - g / 2, g, g)
        label_h = self.row_h - 0.25 * u
        base = edge + sign * (arranged.glyph_area + self.gap)
        for n, (row, x0) in arranged.placed.items():
            top = base + row * self.row_h if below else base - row * self.row_h - label_h
            items[n].label = QRectF(x0, top, arranged.widths[n], label_h)

    def _priority(self, item: TimelineItem) -> int:
        return -1 if item.moment.id == self.selected_id else _PRIORITY.get(item.moment.kind, 6)

    def _label_width(self, item: TimelineItem, fm: Metrics) -> float:
        text_fm = self.bold if item.moment.id == self.selected_id else fm
        width = text_fm.horizontalAdvance(item.text) + 0.3 * self.u
        return width + (self.bold.horizontalAdvance(item.score) + 0.9 * self.u if item.score else 0)
