"""Work that can wait until the window has shown a change (the Undo menu's words, a
tab's count): it runs after the paint, so a line typed shows as soon as it can."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class AfterPaint(QObject):
    """Runs ``slot`` two turns of the event loop after ``start``: the window is laid out
    and painted in the first (Qt posted the paint with the change), ``slot`` runs in the
    next. Started again before then, ``slot`` still runs once."""

    def __init__(self, parent: QObject, slot: Callable[[], None]) -> None:
        super().__init__(parent)
        self._second = QTimer(self, singleShot=True, interval=0)
        self._second.timeout.connect(slot)
        self._first = QTimer(self, singleShot=True, interval=0)
        self._first.timeout.connect(self._second.start)

    def start(self) -> None:
        self._second.stop()
        self._first.start()

    def stop(self) -> None:
        self._first.stop()
        self._second.stop()

    def pending(self) -> bool:
        return self._first.isActive() or self._second.isActive()
