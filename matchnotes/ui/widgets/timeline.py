"""The match timeline in the app: the same painter as the PDF (reports/timeline_render.py).

Hover shows the moment under the mouse; a click selects it (the match page selects the
row in the moments list). The height follows what the labels need at this width.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from matchnotes.labels import KIND_LABELS
from matchnotes.reports.timeline_render import (
    DARK,
    LIGHT,
    paint_timeline,
    timeline_height_hint,
    timeline_hit_test,
)
from matchnotes.services.views import MatchDetail
from matchnotes.ui.plain_text import as_tooltip

MAX_HEIGHT = 260  # taller labels are thinned out rather than pushing the lists down


class TimelineWidget(QWidget):
    moment_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: MatchDetail | None = None
        self.selected_id: int | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(90)

    def show_detail(self, detail: MatchDetail) -> None:
        grew = self.detail is not None and len(detail.moments) > len(self.detail.moments)
        self.detail = detail
        if not (grew and self.height() >= MAX_HEIGHT):
            # More moments never need less room: at the cap, laying the labels out
            # once more (the cost of a busy match's refresh) cannot change the height.
            self._fit_height()
        self.update()

    def select(self, moment_id: int | None) -> None:
        self.selected_id = moment_id
        self.update()

    def _fit_height(self) -> None:
        if self.detail is None or not self.detail.moments:
            self.setFixedHeight(0)
            return
        hint = timeline_height_hint(max(300, self.width()), self.detail, self.font())
        self.setFixedHeight(int(min(max(hint, 90), MAX_HEIGHT)))

    def sizeHint(self) -> QSize:
        return QSize(600, self.height())

    def resizeEvent(self, event: object) -> None:
        self._fit_height()
        super().resizeEvent(event)  # type: ignore[arg-type]

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.detail is None or not self.detail.moments:
            return
        painter = QPainter(self)
        painter.setFont(self.font())
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        paint_timeline(painter, QRectF(self.rect()), self.detail, selected_id=self.selected_id,
                       palette=DARK if dark else LIGHT)  # fmt: skip
        painter.end()

    def moment_at(self, point: QPointF) -> int | None:
        if self.detail is None:
            return None
        return timeline_hit_test(QRectF(self.rect()), self.detail, point, self.font(),
                                 self.selected_id)  # fmt: skip

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        moment_id = self.moment_at(event.position())
        moment = next((m for m in self.detail.moments if m.id == moment_id), None) if (
            self.detail and moment_id) else None  # fmt: skip
        if moment is None:
            QToolTip.hideText()
            return
        text = f"{moment.minute_text} {KIND_LABELS[moment.kind]} — {moment.player or ''}"
        if moment.description:
            text += f"\n{moment.description}"
        tip = as_tooltip(f"{text}\n{moment.score_after}")  # names and words are never HTML
        QToolTip.showText(event.globalPosition().toPoint(), tip, self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        moment_id = self.moment_at(event.position())
        if moment_id is not None:
            self.select(moment_id)
            self.moment_clicked.emit(moment_id)
