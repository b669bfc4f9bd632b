"""The timeline's palette and one small vector glyph per moment kind (paths, no bitmaps),
and a guard against a PySide6 reference-counting bug that long paints run into."""

from __future__ import annotations

import ctypes
import math
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from matchnotes.enums import MomentKind


@dataclass(frozen=True)
class TimelinePalette:
    background: str = "#ffffff"
    text: str = "#1f2328"
    muted: str = "#6b7280"
    band: str = "#e6e9ee"
    stoppage: str = "#c9cfd8"
    leader: str = "#c3c8d0"
    home: str = "#1d4ed8"
    away: str = "#0f766e"
    ball: str = "#ffffff"
    ink: str = "#111827"  # outlines, ball patches, score pills
    pill_text: str = "#ffffff"
    yellow: str = "#f4c20d"
    red: str = "#d62828"
    green: str = "#15803d"
    save: str = "#2563eb"
    highlight: str = "#f59e0b"


LIGHT = TimelinePalette()
DARK = TimelinePalette(
    background="#1f2125", text="#e8eaed", muted="#9aa0a6", band="#33363c", stoppage="#4a4e56",
    leader="#50545c", home="#7aa2ff", away="#4fd1c5", ball="#f5f5f5", ink="#0b0c0e",
    pill_text="#ffffff", highlight="#fbbf24",
)  # fmt: skip


def _pen(color: str, width: float) -> QPen:
    pen = QPen(QColor(color), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _corners(center: QPointF, radius: float, corners: int, turn: float = -90.0) -> list[QPointF]:
    return [
        center + QPointF(radius * math.cos(a), radius * math.sin(a))
        for a in (math.radians(turn + i * 360 / corners) for i in range(corners))
    ]


def _ball(p: QPainter, c: QPointF, r: float, pal: TimelinePalette, ring: str) -> None:
    """A classic football: a black pentagon in the middle, five cut off at the rim."""
    line = max(r * 0.12, 0.5)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(pal.ball))
    p.drawEllipse(c, r, r)
    rim = QPainterPath()
    rim.addEllipse(c, r, r)
    p.save()
    p.setClipPath(rim)
    p.setBrush(QColor(pal.ink))
    p.drawPolygon(QPolygonF(_corners(c, r * 0.36, 5)))
    p.setPen(_pen(pal.ink, line * 0.9))
    for corner, outer in zip(_corners(c, r * 0.36, 5), _corners(c, r * 1.05, 5), strict=True):
        p.drawLine(corner, corner + (outer - c) * 0.35)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawPolygon(QPolygonF(_corners(outer, r * 0.36, 5, 90)))
        p.setPen(_pen(pal.ink, line * 0.9))
    p.restore()
    p.setPen(_pen(ring, line * (2.0 if ring != pal.ink else 1.0)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(c, r, r)


def _cross(p: QPainter, c: QPointF, r: float, color: str) -> None:
    p.setPen(_pen(color, r * 0.42))
    d = r * 0.62
    p.drawLine(c + QPointF(-d, -d), c + QPointF(d, d))
    p.drawLine(c + QPointF(-d, d), c + QPointF(d, -d))


def _card(p: QPainter, c: QPointF, r: float, color: str, pal: TimelinePalette) -> None:
    w, h = r * 1.2, r * 1.7
    p.setPen(_pen(pal.ink, max(r * 0.08, 0.4)))
    p.setBrush(QColor(color))
    p.drawRoundedRect(QRectF(c.x() - w / 2, c.y() - h / 2, w, h), r * 0.15, r * 0.15)


def _arrow(p: QPainter, c: QPointF, r: float, up: bool, color: str) -> None:
    s = -1 if up else 1  # screen y grows downwards
    head = QPolygonF(
        [
            c + QPointF(0, s * r),
            c + QPointF(-r * 0.55, s * r * 0.1),
            c + QPointF(r * 0.55, s * r * 0.1),
        ]
    )
    p.setPen(_pen(color, r * 0.32))
    p.drawLine(c + QPointF(0, -s * r * 0.9), c + QPointF(0, s * r * 0.2))
    p.setPen(_pen(color, r * 0.12))
    p.setBrush(QColor(color))
    p.drawPolygon(head)


def draw_glyph(
    p: QPainter, kind: MomentKind, c: QPointF, size: float, pal: TimelinePalette
) -> None:
    """Draw the glyph for `kind` centred on `c`, about `size` across."""
    r = size / 2
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    if kind in (MomentKind.GOAL, MomentKind.PENALTY_GOAL):
        _ball(p, c, r, pal, pal.ink)
        if kind is MomentKind.PENALTY_GOAL:  # a penalty spot under the ball
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(pal.ink))
            p.drawEllipse(c + QPointF(r * 0.95, r * 0.95), r * 0.3, r * 0.3)
    elif kind is MomentKind.OWN_GOAL:
        _ball(p, c, r, pal, pal.red)
    elif kind is MomentKind.PENALTY_MISSED:
        _cross(p, c, r, pal.red)
    elif kind is MomentKind.PENALTY_SAVED:
        p.setPen(_pen(pal.save, r * 0.14))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(c, r, r)
        _cross(p, c, r * 0.7, pal.save)
    elif kind is MomentKind.PENALTY_AWARDED:  # the spot and the arc of the box
        p.setPen(_pen(pal.ink, r * 0.16))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawArc(QRectF(c.x() - r, c.y() - r * 0.6, 2 * r, 2 * r), 30 * 16, 120 * 16)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(pal.ink))
        p.drawEllipse(c + QPointF(0, r * 0.55), r * 0.28, r * 0.28)
    elif kind is MomentKind.YELLOW:
        _card(p, c, r, pal.yellow, pal)
    elif kind is MomentKind.RED:
        _card(p, c, r, pal.red, pal)
    elif kind is MomentKind.SECOND_YELLOW:
        _card(p, c + QPointF(-r * 0.3, -r * 0.15), r * 0.85, pal.yellow, pal)
        _card(p, c + QPointF(r * 0.3, r * 0.15), r * 0.85, pal.red, pal)
    elif kind is MomentKind.SUBSTITUTION:
        _arrow(p, c + QPointF(-r * 0.45, 0), r * 0.85, True, pal.green)
        _arrow(p, c + QPointF(r * 0.45, 0), r * 0.85, False, pal.red)
    elif kind is MomentKind.VAR:  # a screen on a stand
        p.setPen(_pen(pal.ink, r * 0.16))
        p.setBrush(QColor(pal.ball))
        p.drawRoundedRect(QRectF(c.x() - r, c.y() - r * 0.75, 2 * r, r * 1.25), r * 0.2, r * 0.2)
        p.drawLine(c + QPointF(-r * 0.4, r * 0.85), c + QPointF(r * 0.4, r * 0.85))
    elif kind is MomentKind.CHANCE:  # a star
        points = [
            c + QPointF(rr * math.cos(a), rr * math.sin(a))
            for i in range(10)
            for rr, a in [((r if i % 2 == 0 else r * 0.45), math.radians(-90 + i * 36))]
        ]
        p.setPen(_pen(pal.ink, r * 0.1))
        p.setBrush(QColor(pal.highlight))
        p.drawPolygon(QPolygonF(points))
    elif kind is MomentKind.SAVE:  # a glove-like shield
        path = QPainterPath(c + QPointF(-r * 0.8, -r * 0.8))
        path.lineTo(c + QPointF(r * 0.8, -r * 0.8))
        path.quadTo(c + QPointF(r * 0.8, r * 0.5), c + QPointF(0, r))
        path.quadTo(c + QPointF(-r * 0.8, r * 0.5), c + QPointF(-r * 0.8, -r * 0.8))
        p.setPen(_pen(pal.ink, r * 0.1))
        p.setBrush(QColor(pal.save))
        p.drawPath(path)
    elif kind is MomentKind.INJURY:  # a medical cross
        p.setPen(_pen(pal.red, r * 0.12))
        p.setBrush(QColor(pal.ball))
        p.drawEllipse(c, r, r)
        p.setPen(_pen(pal.red, r * 0.38))
        p.drawLine(c + QPointF(-r * 0.5, 0), c + QPointF(r * 0.5, 0))
        p.drawLine(c + QPointF(0, -r * 0.5), c + QPointF(0, r * 0.5))
    else:  # a note, or a kind this version does not know: a small diamond
        p.setPen(_pen(pal.ink, r * 0.1))
        p.setBrush(QColor(pal.muted))
        p.drawPolygon(QPolygonF(_corners(c, r * 0.75, 4)))
    p.restore()


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
