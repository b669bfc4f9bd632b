"""The match clock bar: what minute it is, and the buttons a reporter presses.

Every change goes through ``run`` (the app's undo stack: Ctrl+Z takes it back). On a
finished match, anything that would set a period going asks first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from matchnotes import clock
from matchnotes.clock import NEXT_PERIOD, ClockState
from matchnotes.enums import Period
from matchnotes.errors import MatchNotesError
from matchnotes.minutes import PERIOD_NAMES, PERIOD_ORDER, parse_minute
from matchnotes.services import Services
from matchnotes.ui.widgets.kickoff_dialog import KickoffDialog

Run = Callable[[str, Callable[[], object]], None]  # (what the undo step says, the change)


def _just_do(_text: str, do: Callable[[], object]) -> None:
    do()


class ClockBar(QWidget):
    changed = Signal()
    failed = Signal(str)

    def __init__(self, services: Services, match_id: int, run: Run | None = None,
                 parent: QWidget | None = None, *, read_now: bool = True) -> None:  # fmt: skip
        super().__init__(parent)
        self.services = services
        self.match_id = match_id
        self.run = run or _just_do
        self.state = ClockState()
        self.finished = False  # a match logged after the fact has no clock to show
        self.dialog: QDialog | None = None  # the question or form on screen, if any
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
        self.kickoff_button = QPushButton("Correct kick-off time…")
        self.kickoff_button.setToolTip(
            "When did the referee's whistle start a period? The minutes the clock gave move."
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.start_button, self.whistle_button, self.pause_button,
                       self.minute_edit, self.kickoff_button):  # fmt: skip
            row.addWidget(widget)
        row.addStretch()
        self.start_button.clicked.connect(self._on_start_button_clicked)
        self.whistle_button.clicked.connect(self._on_whistle_button_clicked)
        self.pause_button.clicked.connect(self._on_pause_button_clicked)
        self.minute_edit.returnPressed.connect(self._on_minute_edit_return_pressed)
        self.kickoff_button.clicked.connect(self._on_kickoff_button_clicked)
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        if read_now:
            self.reload()

    def reload(self, finished: bool | None = None) -> None:
        if finished is not None:
            self.finished = finished
        try:
            state = self.services.clock.state(self.match_id)
        except MatchNotesError:
            return
        self.show_state(state)

    def show_state(self, state: ClockState, finished: bool | None = None) -> None:
        """Show a state already read (the match page reads it on a worker as it opens)."""
        if finished is not None:
            self.finished = finished
        self.state = state
        upcoming = self._upcoming()
        self.start_button.setText(
            f"Start {PERIOD_NAMES[upcoming]}" if upcoming else "Start"
        )  # e.g. "Start second half"
        self.start_button.setEnabled(upcoming is not None)
        between = self.state.started_at is None
        self.whistle_button.setEnabled(not between)
        self.pause_button.setEnabled(not between)
        self.pause_button.setText("Resume" if self.state.paused else "Pause")
        self._tick()

    def _upcoming(self) -> Period | None:
        between = self.state.started_at is None
        return NEXT_PERIOD.get(self.state.period) if between else None

    def _tick(self) -> None:
        if self.finished and self.state.started_at is None:
            self.label.setText("Full time")
            return
        self.label.setText(clock.label_at(self.state, self.services.clock.now()))

    def _do(self, text: str, action: Callable[[], object]) -> None:
        try:
            self.run(text, action)
        except MatchNotesError as exc:
            self.failed.emit(str(exc))
            return
        self.reload()
        self.changed.emit()

    def _do_or_ask(self, text: str, starts: bool, action: Callable[[bool], object]) -> None:
        """``action(reopen)``; on a finished match a change that starts a period asks first."""
        if not (self.finished and starts):
            self._do(text, lambda: action(False))
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "MatchNotes",
            f"The match is finished. {text} anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText("The match goes back to live. Undo (Ctrl+Z) takes it back.")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                self._do(text, lambda: action(True))

        box.finished.connect(answered)
        self._show(box)

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()

    def _on_start_button_clicked(self) -> None:
        upcoming = self._upcoming()
        if upcoming is None:
            return
        start = self.services.clock.start_next
        self._do_or_ask(
            f"Start the {PERIOD_NAMES[upcoming]}", True, lambda reopen: start(self.match_id, reopen)
        )

    def _on_whistle_button_clicked(self) -> None:
        name = PERIOD_NAMES[self.state.period] if self.state.period else "period"
        self._do(f"End the {name}", lambda: self.services.clock.end_period(self.match_id))

    def _on_pause_button_clicked(self) -> None:
        if self.state.paused:
            self._do("Resume the clock", lambda: self.services.clock.resume(self.match_id))
        else:
            self._do("Pause the clock", lambda: self.services.clock.pause(self.match_id))

    def _on_minute_edit_return_pressed(self) -> None:
        try:
            minute = parse_minute(self.minute_edit.text())
        except MatchNotesError as exc:
            self.failed.emit(str(exc))
            return
        self.minute_edit.clear()
        after = clock.set_minute(self.state, minute, self.services.clock.now())
        set_minute = self.services.clock.set_minute
        self._do_or_ask(
            f"Set the clock to {minute}",
            clock.starts_period(self.state, after),
            lambda reopen: set_minute(self.match_id, minute, reopen),
        )

    def _on_kickoff_button_clicked(self) -> None:
        state, now = self.state, self.services.clock.now()
        current = state.period or Period.FIRST_HALF
        periods = [p for p in PERIOD_ORDER if PERIOD_ORDER[p] <= PERIOD_ORDER[current]]
        upcoming = self._upcoming()
        if upcoming is not None and state.period is not None:
            periods.append(upcoming)  # it started before the reporter pressed Start
        whistle = clock.kickoff_of(state) or now
        dialog = KickoffDialog(
            periods, current, whistle.astimezone().time(), self._kickoff_problem, self
        )
        dialog.accepted.connect(lambda: self._correct_kickoff(*dialog.value()))
        self._show(dialog)

    def _plan_kickoff(self, period: Period, time: dt.time) -> tuple[dt.datetime, ClockState]:
        """(the kick-off in UTC, the clock after it); raises for a time still to come."""
        now = self.services.clock.now()
        kickoff = clock.kickoff_from_local(time, now, now.astimezone().tzinfo or dt.UTC)
        return kickoff, clock.correct_kickoff(self.state, period, kickoff, now)

    def _kickoff_problem(self, period: Period, time: dt.time) -> str | None:
        try:
            self._plan_kickoff(period, time)
        except MatchNotesError as exc:
            return str(exc)
        return None

    def _correct_kickoff(self, period: Period, time: dt.time) -> None:
        kickoff, after = self._plan_kickoff(period, time)
        correct = self.services.clock.correct_kickoff
        self._do_or_ask(
            f"Correct the kick-off of the {PERIOD_NAMES[period]} to {time:%H:%M}",
            clock.starts_period(self.state, after),
            lambda reopen: correct(self.match_id, period, kickoff, reopen),
        )
