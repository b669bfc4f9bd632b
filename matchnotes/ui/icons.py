"""Icons for moment kinds: the very glyphs of the timeline and the PDF
(reports/glyphs_render.draw_glyph), so a kind looks the same in every list, on the
drawn timeline and on paper.

A QIconEngine paints on demand at the exact pixel size Qt asks for, so a 2x screen
gets a 32-pixel drawing, not a blown-up 16-pixel bitmap; the palette follows the
app's theme at paint time.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap

from matchnotes.enums import MomentKind
from matchnotes.reports.glyphs_render import DARK, LIGHT, draw_glyph


def _dark_theme() -> bool:
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


class _KindIconEngine(QIconEngine):
    """Draws each size once per theme and mode, then reuses the drawing: a list of a
    hundred moments repainted (a dialog opening over it) must not draw a hundred glyphs."""

    def __init__(self, kind: MomentKind) -> None:
        super().__init__()
        self.kind = kind
        self._drawn: dict[tuple[int, int, QIcon.Mode, bool, float], QPixmap] = {}

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        size = QSize(round(rect.width() * ratio), round(rect.height() * ratio))
        if size.isEmpty():
            return
        painter.drawPixmap(rect, self._pixmap(size, mode, ratio))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return QPixmap(self._pixmap(size, mode))  # a copy: the caller may change its pixel ratio

    def _pixmap(self, size: QSize, mode: QIcon.Mode, ratio: float = 1.0) -> QPixmap:
        """The drawing kept for this size, mode and theme, at ``ratio`` (kept as such: a
        list paints an icon a row, and a copy given a new ratio copies its pixels)."""
        dark = _dark_theme()
        key = (size.width(), size.height(), mode, dark, ratio)
        found = self._drawn.get(key)
        if found is None:
            found = QPixmap(size)
            found.fill(Qt.GlobalColor.transparent)
            painter = QPainter(found)
            if mode == QIcon.Mode.Disabled:
                painter.setOpacity(0.4)
            area = QRectF(0, 0, size.width(), size.height())
            glyph = min(area.width(), area.height()) * 0.85
            draw_glyph(painter, self.kind, area.center(), glyph, DARK if dark else LIGHT)
            painter.end()
            found.setDevicePixelRatio(ratio)
            self._drawn[key] = found
        return found

    def clone(self) -> QIconEngine:
        return _KindIconEngine(self.kind)


@cache
def kind_icon(kind: MomentKind) -> QIcon:
    return QIcon(_KindIconEngine(kind))
