"""A date field: typed as YYYY-MM-DD, exactly as typed, or picked from a calendar.

A QDateEdit reinterprets digits section by section (typing 2022-12-18 gave 2022-11-12,
a stray 18:00 the year 1800) and never says so; a line edit keeps what was typed and
the form says what is wrong with it. Alt+Down (or the calendar icon) opens a calendar:
arrows move, Enter picks, Escape closes it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QIcon,
    QIconEngine,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from matchnotes.services.inputs import parse_date


class DateField(QLineEdit):
    def __init__(self, *, earliest: dt.date, latest: dt.date, what: str = "the date",
                 optional: bool = False, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.earliest, self.latest, self.what, self.optional = earliest, latest, what, optional
        self.setPlaceholderText(f"YYYY-MM-DD{', optional' if optional else ''} (Alt+↓: calendar)")
        action = self.addAction(QIcon(_CalendarIcon()), QLineEdit.ActionPosition.TrailingPosition)
        action.setToolTip("Pick from a calendar (Alt+Down)")
        action.triggered.connect(self.show_calendar)
        self.calendar: QCalendarWidget | None = None

    def value(self) -> dt.date | None:
        """The date typed, or None when it is blank or not a plausible date."""
        return self._parse()[0]

    def set_value(self, date: dt.date | None) -> None:
        self.setText(date.isoformat() if date else "")

    def problem(self) -> str | None:
        """What is wrong with the text typed, in words for the form's error line."""
        return self._parse()[1]

    def _parse(self) -> tuple[dt.date | None, str | None]:
        return parse_date(self.text(), earliest=self.earliest, latest=self.latest,
                          what=self.what, optional=self.optional)  # fmt: skip

    # --- the calendar ---

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if event.key() == Qt.Key.Key_F4 or (alt and event.key() == Qt.Key.Key_Down):
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> None:
        calendar = _CalendarPopup(self)
        calendar.setDateRange(_qdate(self.earliest), _qdate(self.latest))
        start = self.value() or min(max(dt.date.today(), self.earliest), self.latest)
        calendar.setSelectedDate(_qdate(start))
        calendar.activated.connect(self._on_calendar_picked)
        calendar.clicked.connect(self._on_calendar_picked)
        calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar = calendar
        calendar.show()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _on_calendar_picked(self, date: QDate) -> None:
        self.set_value(dt.date(date.year(), date.month(), date.day()))
        if self.calendar is not None:
            self.calendar.close()
        self.setFocus(Qt.FocusReason.PopupFocusReason)


class _CalendarPopup(QCalendarWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setGridVisible(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()  # back to the field, the date as it was
            return
        super().keyPressEvent(event)


def _qdate(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)


class _CalendarIcon(QIconEngine):
    """A small calendar page in the text colour of the theme in use when painted."""

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        colour = QGuiApplication.palette().color(QPalette.ColorRole.Text)
        side = min(rect.width(), rect.height()) * 0.8
        page = QRectF(0, 0, side, side * 0.9)
        page.moveCenter(QRectF(rect).center())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(0.4 if mode == QIcon.Mode.Disabled else 0.85)
        painter.setPen(QPen(colour, max(1.0, side / 14)))
        painter.drawRoundedRect(page, side / 10, side / 10)
        painter.fillRect(QRectF(page.left(), page.top(), page.width(), page.height() / 4), colour)
        dot = side / 8
        for row in range(2):
            for col in range(3):
                centre = QPointF(page.left() + page.width() * (col + 1) / 4,
                                 page.top() + page.height() * (0.5 + row * 0.25))  # fmt: skip
                painter.fillRect(QRectF(centre.x() - dot / 2, centre.y() - dot / 2, dot, dot),
                                 colour)  # fmt: skip
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _CalendarIcon()
