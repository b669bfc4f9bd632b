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


class TimelineLayout:
    """Every position on the timeline for one rect, detail and font."""

    def __init__(
        self, rect: QRectF, d: MatchDetail, fm: QFontMetricsF, *, unlimited: bool = False,
        selected_id: int | None = None, bold: QFontMetricsF | None = None,
    ) -> None:  # fmt: skip
        s = d.summary
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
        needs = {b: self._place_side(sides[b], b, 0, fm, True) for b in sides}
        height, total = max(0.0, inner.height() - self.band_h), needs[False] + needs[True]
        self.needed = total + self.band_h + 2 * self.pad
        if unlimited:
            return
        if height >= total:
            above = needs[False] + (height - total) / 2
        else:
            above = height * min(max(needs[False] / total, 0.3), 0.7)
        self.axis_y = inner.top() + above + self.band_h / 2
        for below, avail in ((False, above), (True, height - above)):
            fits = avail >= needs[below] - 0.01 * u  # then lay out exactly as measured
            self._place_side(sides[below], below, avail, fm, fits)

    def x(self, units: float) -> float:
        return self.left + units * self.k

    def _place_side(
        self,
        items: list[TimelineItem],
        below: bool,
        avail: float,
        fm: QFontMetricsF,
        unlimited: bool,
    ) -> float:
        """Place one side's glyphs and labels within `avail`; return the height it needs."""
        u, g, sign = self.u, self.g, 1 if below else -1
        items.sort(key=lambda i: i.x)
        avail -= self.gap
        # Glyphs before labels: a label may be left out, an overlapping glyph hides a moment.
        room = avail - self.row_h - self.gap if avail > 2 * self.row_h + self.gap else avail
        max_lanes = 99 if unlimited else max(1, int(room // self.lane_h))
        lanes = pack_lanes(
            [(i.x - g / 2 - 0.1 * u, i.x + g / 2 + 0.1 * u) for i in items], max_lanes
        )
        glyph_area = (max(lanes, default=-1) + 1) * self.lane_h
        edge = self.axis_y + sign * (self.band_h / 2 + self.gap)
        for item, lane in zip(items, lanes, strict=True):
            item.label = None
            item.center = QPointF(item.x, edge + sign * (lane + 0.5) * self.lane_h)
            item.glyph = QRectF(item.x - g / 2, item.center.y() - g / 2, g, g)
        rows = 99 if unlimited else int((avail - glyph_area - self.gap) // self.row_h)
        requests = [
            LabelRequest(n, i.x, self._label_width(i, fm), self._priority(i))
            for n, i in enumerate(items)
        ]
        placed = place_labels(requests, self.left, self.right, rows, 0.5 * u, g / 2)
        label_h = self.row_h - 0.25 * u
        base = edge + sign * (glyph_area + self.gap)
        used = 0
        for n, (row, x0) in placed.items():
            top = base + row * self.row_h if below else base - row * self.row_h - label_h
            items[n].label = QRectF(x0, top, requests[n].width, label_h)
            used = max(used, row + 1)
        return self.gap + glyph_area + self.gap + used * self.row_h

    def _priority(self, item: TimelineItem) -> int:
        return -1 if item.moment.id == self.selected_id else _PRIORITY.get(item.moment.kind, 6)

    def _label_width(self, item: TimelineItem, fm: QFontMetricsF) -> float:
        text_fm = self.bold if item.moment.id == self.selected_id else fm
        width = text_fm.horizontalAdvance(item.text) + 0.3 * self.u
        return width + (self.bold.horizontalAdvance(item.score) + 0.9 * self.u if item.score else 0)
