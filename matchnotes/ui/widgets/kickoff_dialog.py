""" "Correct kick-off time…": which period, and the time of day the referee's whistle
started it (the reporter's own time zone). The clock bar does the rest."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from matchnotes.enums import Period
from matchnotes.minutes import PERIOD_NAMES

_TIME = re.compile(r"\s*([0-9]{1,2})[:.h]([0-9]{2})\s*")


def parse_time(text: str) -> dt.time | None:
    found = _TIME.fullmatch(text)
    if found is None or int(found.group(1)) > 23 or int(found.group(2)) > 59:
        return None
    return dt.time(int(found.group(1)), int(found.group(2)))


class KickoffDialog(QDialog):
    """``check(period, time)`` returns what is wrong with a choice (the form stays open)."""

    def __init__(self, periods: list[Period], period: Period, time: dt.time,
                 check: Callable[[Period, dt.time], str | None],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.check = check
        self.setWindowTitle("Correct kick-off time")
        self.period = QComboBox()
        for choice in periods:
            self.period.addItem(PERIOD_NAMES[choice].capitalize(), choice)
        self.period.setCurrentIndex(max(0, periods.index(period) if period in periods else 0))
        self.time = QLineEdit(f"{time:%H:%M}", placeholderText="21:03")
        self.time.selectAll()  # typing replaces the suggested time
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #d7263d;")
        note = QLabel(
            "By the referee's whistle, in your time. The minutes the clock gave in that "
            "period move with it; minutes you typed stay."
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout(self)
        form.addRow("Period", self.period)
        form.addRow("Kicked off at", self.time)
        form.addRow(note)
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.time.textChanged.connect(self._on_time_text_changed)
        self.time.setFocus()

    def _on_time_text_changed(self, text: str) -> None:
        valid = parse_time(text) is not None
        self.error_label.setText("" if valid else "Write the time as HH:MM, like 21:03.")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(valid)

    def accept(self) -> None:
        problem = self.check(*self.value())
        if problem:
            self.error_label.setText(problem)
            return
        super().accept()

    def value(self) -> tuple[Period, dt.time]:
        time = parse_time(self.time.text())
        assert time is not None  # OK is disabled until the time reads
        return Period(self.period.currentData()), time
