"""The match clock bar: what minute it is, and the buttons a reporter presses."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from matchnotes import clock
from matchnotes.clock import NEXT_PERIOD, ClockState
from matchnotes.errors import MatchNotesError
from matchnotes.minutes import PERIOD_NAMES, parse_minute
from matchnotes.services import Services


class ClockBar(QWidget):
    changed = Signal()
    failed = Signal(str)

    def __init__(self, services: Services, match_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.match_id = match_id
        self.state = ClockState()
        self.finished = False  # a match logged after the fact has no clock to show
        self.label = QLabel()
        self.label.setMinimumWidth(130)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.label.setFont(font)
        self.start_button = QPushButton()
        self.whistle_button = QPushButton("Whistle")
        self.whistle_button.setToolTip("End the period: half-time, full time…")
        self.pause_button = QPushButton("Pause")
        self.minute_edit = QLineEdit(placeholderText="Set minute, e.g. 23")
        self.minute_edit.setMaximumWidth(150)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.start_button, self.whistle_button, self.pause_button,
                       self.minute_edit):  # fmt: skip
            row.addWidget(widget)
        row.addStretch()
        self.start_button.clicked.connect(lambda: self._do(self.services.clock.start_next))
        self.whistle_button.clicked.connect(lambda: self._do(self.services.clock.end_period))
        self.pause_button.clicked.connect(self._on_pause_button_clicked)
        self.minute_edit.returnPressed.connect(self._on_minute_edit_return_pressed)
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.reload()

    def reload(self, finished: bool | None = None) -> None:
        if finished is not None:
            self.finished = finished
        try:
            self.state = self.services.clock.state(self.match_id)
        except MatchNotesError:
            return
        between = self.state.started_at is None
        upcoming = NEXT_PERIOD.get(self.state.period) if between else None
        self.start_button.setText(
            f"Start {PERIOD_NAMES[upcoming]}" if upcoming else "Start"
        )  # e.g. "Start second half"
        self.start_button.setEnabled(upcoming is not None)
        self.whistle_button.setEnabled(not between)
        self.pause_button.setEnabled(not between)
        self.pause_button.setText("Resume" if self.state.paused else "Pause")
        self._tick()

    def _tick(self) -> None:
        if self.finished and self.state.started_at is None:
            self.label.setText("Full time")
            return
        self.label.setText(clock.label_at(self.state, self.services.clock.now()))

    def _do(self, action: object) -> None:
        try:
            action(self.match_id)  # type: ignore[operator]
        except MatchNotesError as exc:
            self.failed.emit(str(exc))
            return
        self.reload()
        self.changed.emit()

    def _on_pause_button_clicked(self) -> None:
        self._do(self.services.clock.resume if self.state.paused else self.services.clock.pause)

    def _on_minute_edit_return_pressed(self) -> None:
        try:
            minute = parse_minute(self.minute_edit.text())
        except MatchNotesError as exc:
            self.failed.emit(str(exc))
            return
        self._do(lambda match_id: self.services.clock.set_minute(match_id, minute))
        self.minute_edit.clear()
