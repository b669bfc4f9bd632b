"""Icons for moment kinds: the very glyphs of the timeline and the PDF
(reports/glyphs_render.draw_glyph), so a kind looks the same in every list, on the
drawn timeline and on paper.

A QIconEngine paints on demand at the exact pixel size Qt asks for, so a 2x screen
gets a 32-pixel drawing, not a blown-up 16-pixel bitmap; the palette follows the
app's theme at paint time. The paths are recorded once per kind, size and palette
(`glyph_picture`): a list paints an icon on every row it shows.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap

from matchnotes.enums import MomentKind
from matchnotes.reports.timeline_render import DARK, LIGHT, glyph_picture


def _dark_theme() -> bool:
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


class _KindIconEngine(QIconEngine):
    def __init__(self, kind: MomentKind) -> None:
        super().__init__()
        self.kind = kind

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.4)
        area = QRectF(rect)
        size = min(area.width(), area.height()) * 0.85
        palette = DARK if _dark_theme() else LIGHT
        painter.drawPicture(area.center(), glyph_picture(self.kind, size, palette))

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
