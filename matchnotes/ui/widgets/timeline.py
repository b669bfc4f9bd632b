"""The match timeline in the app: the same painter as the PDF (reports/timeline_render.py).

Hover shows the moment under the mouse; a click selects it (the match page selects the
row in the moments list). The height follows what the labels need at this width.

A busy match takes a while to lay out and draw, so the widget keeps the layout its
clicks and hovers are tested against, and the drawing itself as a pixmap: a repaint
that changes nothing (a popup closing over it, the window coming back) only copies it,
and a moment logged for one side (the axis and the other side as they were) draws
that side again, not the whole timeline.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from matchnotes.labels import KIND_LABELS
from matchnotes.reports.timeline_render import (
    DARK,
    LIGHT,
    KeptSides,
    TextWidths,
    TimelineLayout,
    moment_in_layout,
    paint_timeline,
    side_area,
    text_widths,
    timeline_height_hint,
    timeline_layout,
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
        self._layout: tuple[tuple[object, ...], TimelineLayout] | None = None  # (for what, it)
        self._drawn: tuple[tuple[object, ...], QPixmap] | None = None
        self._drawn_looks: tuple[object, ...] | None = None  # what the pixmap shows, per side
        self._widths: tuple[tuple[object, ...], tuple[TextWidths, TextWidths]] | None = None
        self._kept = KeptSides()  # a line for one team leaves the other side as it was

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
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        ratio = self.devicePixelRatioF()
        key = (*self._layout_key(), dark, ratio)
        if self._drawn is None or not _same(self._drawn[0], key):
            lay = self._current_layout()
            looks = _looks(lay, self.detail)
            changed = self._sides_changed(key, looks)
            if changed is None or len(changed) == 2:
                pixmap = self._draw(lay, dark, ratio, None)
            else:
                pixmap = self._drawn[1]  # type: ignore[index]
                for side in changed:  # a line for one team: the other side stays as drawn
                    self._draw_side(pixmap, lay, dark, ratio, side)
            self._drawn, self._drawn_looks = (key, pixmap), looks
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._drawn[1])
        painter.end()

    def _sides_changed(
        self, key: tuple[object, ...], looks: tuple[object, ...]
    ) -> list[bool] | None:
        """Which sides (True: below) look different from the pixmap kept; None: it shows
        another axis, size, font, palette or selection."""
        old = self._drawn_looks
        if self._drawn is None or old is None or self._drawn[0][1:] != key[1:]:
            return None
        if old[0] != looks[0]:
            return None
        return [below for below in (False, True) if old[1 + below] != looks[1 + below]]

    def _draw_side(
        self, pixmap: QPixmap, lay: TimelineLayout, dark: bool, ratio: float, side: bool
    ) -> None:
        """Draw one side (and the axis band it starts from) again into ``pixmap``."""
        scratch = self._draw(lay, dark, ratio, side)
        area = side_area(lay, QRectF(self.rect()), side, ratio)
        painter = QPainter(pixmap)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.drawPixmap(area, scratch, QRectF(area.topLeft() * ratio, area.size() * ratio))
        painter.end()

    def _draw(self, lay: TimelineLayout, dark: bool, ratio: float, side: bool | None) -> QPixmap:
        """The timeline drawn into a new pixmap (``side``: the axis and that side only)."""
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        painter.setFont(self.font())
        paint_timeline(painter, QRectF(self.rect()), self.detail,  # type: ignore[arg-type]
                       selected_id=self.selected_id, palette=DARK if dark else LIGHT,
                       layout=lay, side=side)  # fmt: skip
        painter.end()
        return pixmap

    def _layout_key(self) -> tuple[object, ...]:
        return (self.detail, self.selected_id, self.width(), self.height(), self.font().key())

    def _current_layout(self) -> TimelineLayout:
        """The layout for what is shown now, made once for the paint and every hover."""
        key = self._layout_key()
        if self._layout is None or not _same(self._layout[0], key):
            rect, detail = QRectF(self.rect()), self.detail
            widths = self._text_widths()
            lay = timeline_layout(rect, detail, widths, self.selected_id, self._kept)  # type: ignore[arg-type]
            self._layout = (key, lay)
        return self._layout[1]

    def _text_widths(self) -> tuple[TextWidths, TextWidths]:
        """The labels' widths as measured for the last layouts (most labels stay)."""
        key = (self.font().key(), self.logicalDpiX(), self.logicalDpiY())
        if self._widths is None or self._widths[0] != key:
            self._widths = (key, text_widths(self.font(), self))
        return self._widths[1]

    def moment_at(self, point: QPointF) -> int | None:
        if self.detail is None or not self.detail.moments:
            return None
        return moment_in_layout(self._current_layout(), point)

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


def _looks(lay: TimelineLayout, detail: MatchDetail) -> tuple[object, ...]:
    """What a drawing of ``lay`` shows: (the axis and the names in the gutter, the home
    side's moments, the away side's), each comparable with ``==``."""
    s = detail.summary
    axis = (lay.scale, lay.k, lay.left, lay.right, lay.gutter, lay.axis_y, lay.band_h, lay.u,
            detail.penalties, s.home, s.away)  # fmt: skip
    sides: list[list[tuple[object, ...]]] = [[], []]
    for i in lay.items:
        sides[i.below].append(
            (i.moment.id, i.moment.kind, i.x, i.center, i.glyph, i.label, i.text, i.score)
        )
    return axis, sides[0], sides[1]


def _same(key: tuple[object, ...], other: tuple[object, ...]) -> bool:
    """Whether two keys name the same drawing: the detail by identity (a new one is a
    new page), the rest by value."""
    return key[0] is other[0] and key[1:] == other[1:]
