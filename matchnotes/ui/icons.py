"""Icons for moment kinds, drawn as vectors so they are crisp at any size and DPI.

A QIconEngine paints on demand at the exact pixel size Qt asks for, so a 2x screen
gets a 32-pixel drawing, not a blown-up 16-pixel bitmap.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QIcon,
    QIconEngine,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)

from matchnotes.models import MomentKind

YELLOW = QColor("#f2c200")
RED = QColor("#d7263d")
GREEN = QColor("#2e9e44")
BLUE = QColor("#2b6cb0")
INK = QColor("#202124")


def paint_kind(painter: QPainter, rect: QRectF, kind: MomentKind) -> None:
    """Draw the glyph of a moment kind inside ``rect`` (any size)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = min(rect.width(), rect.height())
    r = QRectF(0, 0, s, s)
    r.moveCenter(rect.center())
    pen = QPen(INK, max(1.0, s / 14))
    painter.setPen(pen)
    if kind in (MomentKind.YELLOW, MomentKind.SECOND_YELLOW, MomentKind.RED):
        card = QRectF(0, 0, s * 0.55, s * 0.78)
        card.moveCenter(r.center())
        colour = YELLOW if kind is MomentKind.YELLOW else RED
        painter.setBrush(colour)
        painter.setPen(QPen(colour.darker(140), max(1.0, s / 20)))
        painter.drawRoundedRect(card, s * 0.06, s * 0.06)
        if kind is MomentKind.SECOND_YELLOW:  # yellow corner on a red card
            corner = QPainterPath()
            corner.moveTo(card.topLeft())
            corner.lineTo(card.topRight())
            corner.lineTo(card.bottomLeft())
            corner.closeSubpath()
            painter.fillPath(corner, YELLOW)
    elif kind is MomentKind.SUBSTITUTION:
        _arrow(painter, r, GREEN, up=True)
        _arrow(painter, r, RED, up=False)
    elif kind in _BALL_KINDS:
        ball = r.adjusted(s * 0.12, s * 0.12, -s * 0.12, -s * 0.12)
        painter.setBrush(RED if kind is MomentKind.OWN_GOAL else QColor("white"))
        painter.drawEllipse(ball)
        painter.setBrush(INK)
        painter.drawEllipse(QRectF(0, 0, s * 0.26, s * 0.26).translated(
            ball.center() - QPointF(s * 0.13, s * 0.13)))  # fmt: skip
        if kind is MomentKind.PENALTY_GOAL:
            _letter(painter, r, "P", GREEN)
        elif kind in (MomentKind.PENALTY_MISSED, MomentKind.PENALTY_SAVED):
            colour = RED if kind is MomentKind.PENALTY_MISSED else BLUE
            painter.setPen(_round_pen(colour, max(1.5, s / 8)))
            painter.drawLine(r.topLeft() + QPointF(s * .15, s * .15),
                             r.bottomRight() - QPointF(s * .15, s * .15))  # fmt: skip
            painter.drawLine(r.topRight() + QPointF(-s * .15, s * .15),
                             r.bottomLeft() + QPointF(s * .15, -s * .15))  # fmt: skip
        elif kind is MomentKind.PENALTY_AWARDED:
            _letter(painter, r, "P", BLUE)
    else:
        text = {MomentKind.VAR: "VAR", MomentKind.CHANCE: "!", MomentKind.SAVE: "S",
                MomentKind.INJURY: "+", MomentKind.NOTE: "i"}[kind]  # fmt: skip
        colour = RED if kind is MomentKind.INJURY else BLUE
        painter.setBrush(colour.lighter(170))
        painter.setPen(QPen(colour, max(1.0, s / 16)))
        painter.drawRoundedRect(
            r.adjusted(s * 0.08, s * 0.08, -s * 0.08, -s * 0.08), s * 0.2, s * 0.2
        )
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(6, int(s * (0.32 if len(text) > 1 else 0.6))))
        painter.setFont(font)
        painter.setPen(colour.darker(150))
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


_BALL_KINDS = {
    MomentKind.GOAL, MomentKind.PENALTY_GOAL, MomentKind.PENALTY_MISSED,
    MomentKind.PENALTY_SAVED, MomentKind.PENALTY_AWARDED, MomentKind.OWN_GOAL,
}  # fmt: skip


def _round_pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _arrow(painter: QPainter, r: QRectF, colour: QColor, *, up: bool) -> None:
    s = r.width()
    x = r.left() + (s * 0.3 if up else s * 0.7)
    top, bottom = r.top() + s * 0.12, r.bottom() - s * 0.12
    tip, tail = (top, bottom) if up else (bottom, top)
    head = s * 0.18 * (1 if up else -1)
    painter.setPen(_round_pen(colour, max(1.5, s / 9)))
    painter.drawLine(QPointF(x, tail), QPointF(x, tip))
    painter.drawLine(QPointF(x, tip), QPointF(x - s * 0.15, tip + head))
    painter.drawLine(QPointF(x, tip), QPointF(x + s * 0.15, tip + head))


def _letter(painter: QPainter, r: QRectF, letter: str, colour: QColor) -> None:
    s = r.width()
    badge = QRectF(r.right() - s * 0.45, r.bottom() - s * 0.45, s * 0.45, s * 0.45)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    painter.drawEllipse(badge)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(5, int(s * 0.34)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, letter)


class _KindIconEngine(QIconEngine):
    def __init__(self, kind: MomentKind) -> None:
        super().__init__()
        self.kind = kind

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.4)
        paint_kind(painter, QRectF(rect), self.kind)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _KindIconEngine(self.kind)


@cache
def kind_icon(kind: MomentKind) -> QIcon:
    return QIcon(_KindIconEngine(kind))
