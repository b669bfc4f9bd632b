"""The match timeline, painted on any QPainter: the app's widget and the PDF both call
`paint_timeline` (house style: one painter, two surfaces).

Minutes run left to right to scale (timeline_layout.py), home moments above the axis
and away moments below. Glyphs are paths and labels are real text, so the PDF stays
sharp and searchable. Sizes derive from the painter's font, so the same code suits a
96 dpi window and a 300 dpi page.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPaintDevice,
    QPainter,
    QPen,
)

from matchnotes.labels import KIND_LABELS
from matchnotes.models import Decision, MomentKind, Period
from matchnotes.reports.glyphs_render import DARK, LIGHT, TimelinePalette, draw_glyph
from matchnotes.reports.timeline_layout import (
    GAP_LABELS,
    LabelRequest,
    build_scale,
    pack_lanes,
    place_labels,
)
from matchnotes.scores import SCORING_KINDS
from matchnotes.services.views import MatchDetail, MomentView

__all__ = ["DARK", "LIGHT", "TimelinePalette", "paint_timeline", "timeline_height_hint"]
__all__ += ["timeline_hit_test"]

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


@contextmanager
def none_refcount_guard() -> Iterator[None]:
    """Give back the references to None that PySide6 drops (upstream PYSIDE-3474).

    The PySide6 6.12.0 wheels lose one reference to None on every Qt call returning
    void when run on Python < 3.12, so a few thousand paint calls end the process with
    "Fatal Python error: none_dealloc". None is immortal from 3.12 on. Restoring what a
    block lost is harmless if nothing was lost (an extra reference to None is free).
    Remove once the project pins a fixed PySide6 or requires Python 3.12.
    """
    if sys.version_info >= (3, 12):
        yield
        return
    before = sys.getrefcount(None)
    try:
        yield
    finally:
        for _ in range(max(0, before - sys.getrefcount(None))):
            _incref(None)


_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


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
class _Item:
    moment: MomentView
    below: bool  # away team: below the axis
    x: float
    text: str
    score: str
    center: QPointF
    glyph: QRectF
    label: QRectF | None = None


class _Layout:
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
            _Item(
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
        self, items: list[_Item], below: bool, avail: float, fm: QFontMetricsF, unlimited: bool
    ) -> float:
        """Place one side's glyphs and labels within `avail`; return the height it needs."""
        u, g, sign = self.u, self.g, 1 if below else -1
        items.sort(key=lambda i: i.x)
        avail -= self.gap
        max_lanes = 99 if unlimited else max(1, int(avail * 0.55 / self.lane_h))
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

    def _priority(self, item: _Item) -> int:
        return -1 if item.moment.id == self.selected_id else _PRIORITY.get(item.moment.kind, 6)

    def _label_width(self, item: _Item, fm: QFontMetricsF) -> float:
        text_fm = self.bold if item.moment.id == self.selected_id else fm
        width = text_fm.horizontalAdvance(item.text) + 0.3 * self.u
        return width + (self.bold.horizontalAdvance(item.score) + 0.9 * self.u if item.score else 0)


def _scaled(font: QFont, factor: float) -> QFont:
    f = QFont(font)
    if f.pointSizeF() > 0:
        f.setPointSizeF(f.pointSizeF() * factor)
    else:
        f.setPixelSize(max(1, round(f.pixelSize() * factor)))
    return f


def paint_timeline(
    painter: QPainter, rect: QRectF, detail: MatchDetail, *, selected_id: int | None = None,
    palette: TimelinePalette = LIGHT,
) -> None:  # fmt: skip
    """Draw the timeline of `detail` inside `rect` with the painter's current font."""
    with none_refcount_guard():
        _paint(painter, rect, detail, selected_id, palette)


def _paint(
    painter: QPainter, rect: QRectF, detail: MatchDetail, selected_id: int | None,
    palette: TimelinePalette,
) -> None:  # fmt: skip
    font, bold = painter.font(), QFont(painter.font())
    bold.setBold(True)
    fm, bold_fm = QFontMetricsF(font, painter.device()), QFontMetricsF(bold, painter.device())
    lay = _Layout(rect, detail, fm, selected_id=selected_id, bold=bold_fm)
    p, pal, u = painter, palette, lay.u
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.fillRect(rect, QColor(pal.background))
    _paint_axis(p, lay, detail, pal, font)
    thin = max(0.5, 0.07 * u)
    for item in lay.items:  # stems and leader lines first, so glyphs and labels cover them
        colour = pal.away if item.below else pal.home
        edge = lay.axis_y + (1 if item.below else -1) * lay.band_h / 2
        p.setPen(QPen(QColor(colour), thin))
        p.drawLine(QPointF(item.x, edge), item.center)
        if item.label is not None:
            p.setPen(QPen(QColor(pal.leader), thin))
            end = item.label.top() if item.below else item.label.bottom()
            p.drawLine(item.center, QPointF(item.x, end))
    for item in lay.items:
        if item.moment.id == selected_id:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(pal.highlight))
            p.drawEllipse(item.center, lay.g * 0.8, lay.g * 0.8)
        draw_glyph(p, item.moment.kind, item.center, lay.g, pal)
    for item in lay.items:
        if item.label is None:
            continue
        p.fillRect(item.label, QColor(pal.background))
        p.setFont(bold if item.moment.id == selected_id else font)
        p.setPen(QColor(pal.text))
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        text_rect = item.label.adjusted(0.15 * u, 0, 0, 0)
        p.drawText(text_rect, int(align), item.text)
        if item.score:
            width = bold_fm.horizontalAdvance(item.score) + 0.6 * u
            pill = QRectF(item.label.right() - width - 0.1 * u, item.label.top(), width, 0)
            pill.setHeight(item.label.height())
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(pal.ink))
            p.drawRoundedRect(pill, 0.3 * u, 0.3 * u)
            p.setFont(bold)
            p.setPen(QColor(pal.pill_text))
            p.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), item.score)
    p.restore()


def _paint_axis(
    p: QPainter, lay: _Layout, d: MatchDetail, pal: TimelinePalette, font: QFont
) -> None:
    u, top = lay.u, lay.axis_y - lay.band_h / 2
    small = _scaled(font, 0.82)
    sfm = QFontMetricsF(small, p.device())
    p.setFont(small)
    center = int(Qt.AlignmentFlag.AlignCenter)
    for seg in lay.scale.segments:
        band = QRectF(lay.x(seg.start), top, lay.x(seg.end) - lay.x(seg.start), lay.band_h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(pal.band))
        p.drawRoundedRect(band, 0.25 * u, 0.25 * u)
        tags = [""]  # the longest that fits, for narrow timelines
        if seg.period is Period.SHOOTOUT:
            tags = [f"Pens {d.penalties}", str(d.penalties), "Pens"] if d.penalties else ["Pens"]
        elif seg.period in (Period.EXTRA_FIRST, Period.EXTRA_SECOND):
            tags = ["ET"]
        fitting = (t for t in tags if sfm.horizontalAdvance(t) + 0.6 * u < band.width())
        tag = next(fitting, "")
        if seg.end > seg.regular_end:
            zone = QRectF(lay.x(seg.regular_end), top, lay.x(seg.end) - lay.x(seg.regular_end), 0)
            zone.setHeight(lay.band_h)
            p.setBrush(QColor(pal.stoppage))
            p.drawRect(zone)
            if sfm.horizontalAdvance(f"+{seg.stoppage}") < zone.width():
                p.setPen(QColor(pal.text))
                p.drawText(zone, center, f"+{seg.stoppage}")
        if tag:
            p.setPen(QColor(pal.muted))
            p.drawText(band, center, tag)
        gap_label = GAP_LABELS.get(seg.period, "")
        gap = QRectF(lay.x(seg.start - 3.0), top, lay.x(seg.start) - lay.x(seg.start - 3.0), 0)
        gap.setHeight(lay.band_h)
        if seg.start > 0 and gap_label and sfm.horizontalAdvance(gap_label) < gap.width() + u:
            p.setPen(QColor(pal.muted))
            p.drawText(gap.adjusted(-u, 0, u, 0), center, gap_label)
    p.setPen(QPen(QColor(pal.muted), max(0.5, 0.06 * u)))
    last_right = -1e9
    for units, minute in lay.scale.ticks():
        x = lay.x(units)
        p.drawLine(QPointF(x, top), QPointF(x, top + 0.22 * u))
        p.drawLine(QPointF(x, top + lay.band_h - 0.22 * u), QPointF(x, top + lay.band_h))
        text = f"{minute}'"
        w = sfm.horizontalAdvance(text)
        if x - w / 2 > last_right + 0.6 * u:
            p.drawText(QRectF(x - w, top, 2 * w, lay.band_h), center, text)
            last_right = x + w / 2
    if lay.gutter:
        p.setFont(font)
        s = d.summary
        for name, colour, sign in ((s.home, pal.home, -1), (s.away, pal.away, 1)):
            box = QRectF(lay.left - lay.gutter, 0, lay.gutter - 0.6 * u, u * 1.2)
            box.moveCenter(QPointF(box.center().x(), lay.axis_y + sign * (lay.band_h / 2 + u)))
            p.setPen(QColor(colour))
            elided = QFontMetricsF(font, p.device()).elidedText(
                name, Qt.TextElideMode.ElideRight, box.width()
            )
            p.drawText(
                box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), elided
            )


def _metrics(font: QFont | None, device: QPaintDevice | None = None) -> QFontMetricsF:
    font = font if font is not None else QGuiApplication.font()
    return QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)


def timeline_hit_test(
    rect: QRectF, detail: MatchDetail, point: QPointF, font: QFont | None = None,
    selected_id: int | None = None,
) -> int | None:  # fmt: skip
    """The id of the moment whose glyph or label is at `point` (the nearest glyph wins).

    Pass the font and selection the widget paints with: both move labels."""
    with none_refcount_guard():
        bold = _metrics(_bold(font))
        lay = _Layout(rect, detail, _metrics(font), selected_id=selected_id, bold=bold)
    grow = 0.2 * lay.u
    hits = [
        i
        for i in lay.items
        if i.glyph.adjusted(-grow, -grow, grow, grow).contains(point)
        or (i.label is not None and i.label.contains(point))
    ]
    if not hits:
        return None
    nearest = min(hits, key=lambda i: (i.center - point).manhattanLength())
    return nearest.moment.id


def timeline_height_hint(
    width: float, detail: MatchDetail, font: QFont | None = None, device: QPaintDevice | None = None
) -> float:
    """The height at which every label fits at this width (widgets and the PDF cap it)."""
    with none_refcount_guard():
        fm, bold = _metrics(font, device), _metrics(_bold(font), device)
        rect = QRectF(0, 0, width, 100 * fm.height())
        return _Layout(rect, detail, fm, unlimited=True, bold=bold).needed


def _bold(font: QFont | None) -> QFont:
    bold = QFont(font if font is not None else QGuiApplication.font())
    bold.setBold(True)
    return bold
