"""“Add a match I saw”: find it in the archive by teams and date before creating one.

An archive of imported matches most likely has it already; a second copy would split
its moments and quotes. The search runs in SQL on a worker as the fan types (teams in
either order, part of a name is enough, the date give or take a few days); picking a
match marks it seen. When none fits, "Create this match" hands the teams, date and
what the fan saw to the new-match form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QSpinBox

from matchnotes.enums import Attendance
from matchnotes.labels import ATTENDANCE_LABELS
from matchnotes.services.inputs import match_date_range
from matchnotes.services.views import MatchSummary
from matchnotes.text import clean
from matchnotes.ui.dialogs.date_field import DateField
from matchnotes.ui.dialogs.form import FormDialog, completing_line_edit
from matchnotes.ui.dialogs.seen_dialog import Seen, SeenFields, describe

Finder = Callable[[str, str, dt.date | None, int], list[MatchSummary]]
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAUSE_MS = 250  # typing pauses this long before the archive is searched


class AddSeenDialog(FormDialog):
    create_requested = Signal(str, str, object, object)  # home, away, date or None, Seen

    def __init__(self, teams: list[str], find: Finder, parent: object = None) -> None:
        super().__init__("Add a match I saw", parent)  # type: ignore[arg-type]
        self._find = find
        self._ticket = 0
        self.home = completing_line_edit(teams, "A team (part of the name is enough)")
        self.away = completing_line_edit(teams, "The other team (optional)")
        earliest, latest = match_date_range()
        self.date = DateField(earliest=earliest, latest=latest, what="the date", optional=True)
        self.days = QSpinBox(minimum=0, maximum=60, value=3, prefix="± ", suffix=" days")
        self.results = QListWidget()
        self.results.setMinimumHeight(140)
        self.results.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # no sideways scrolling
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(620)
        self.status = QLabel("Type a team or a date to look in the archive.")
        self.status.setWordWrap(True)
        self.add_row("Team", self.home)
        self.add_row("Other team", self.away)
        self.add_row("Date", self.date, self.date.problem)
        self.add_row("Give or take", self.days)
        self.add_row("In the archive", self.results, self._picked_check)
        self.form.addRow("", self.status)
        self.fields = SeenFields(self, with_none=False)
        self.fields.set_value(Seen(Attendance.WATCHED, None, None))  # most matches are watched
        self.ok_button.setText("&Mark as seen")
        self.create_button = self.buttons.addButton(
            "&Create this match…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.create_button.setAutoDefault(False)
        self.create_button.clicked.connect(self._on_create_button_clicked)
        self._pause = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._pause.timeout.connect(self.search)
        for edit in (self.home, self.away, self.date):
            edit.textChanged.connect(self._pause.start)
        self.days.valueChanged.connect(self._pause.start)
        self.results.currentRowChanged.connect(lambda _row: self.validate())
        self.results.itemActivated.connect(lambda _item: self.accept())
        self.validate()

    def chosen(self) -> int | None:
        """The id of the match picked in the list."""
        item = self.results.currentItem()
        return None if item is None else item.data(ID_ROLE)

    def value(self) -> Seen:
        return self.fields.value()

    def search(self) -> None:
        """Look in the archive (on a worker) for what the fields say now."""
        from matchnotes.ui.workers import BackgroundOp

        home, away = clean(self.home.text()), clean(self.away.text())
        date = self.date.value()
        if (not home and not away and date is None) or self.date.problem():
            self._show([], "Type a team or a date to look in the archive.")
            return
        self._ticket += 1
        ticket, days = self._ticket, self.days.value()
        self.status.setText("Looking in the archive…")

        def arrived(found: object) -> None:
            if ticket == self._ticket:  # else a newer search is on its way
                self._show(found, None)  # type: ignore[arg-type]

        def failed(message: str) -> None:
            if ticket == self._ticket:
                self._show([], message)

        find = self._find
        BackgroundOp(self, lambda _progress: find(home, away, date, days)).on_success(
            arrived
        ).on_failure(failed).run()

    def _show(self, found: list[MatchSummary], message: str | None) -> None:
        self.results.clear()
        for match in found:
            item = QListWidgetItem(describe(match) + _seen_note(match))
            item.setData(ID_ROLE, match.id)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)  # the nearest date: Enter marks it
        if message is None:
            count = len(found)
            message = (
                ("1 match fits" if count == 1 else f"{count} matches fit")
                + ": pick the one you saw (Enter marks the one selected)."
                if found
                else "No match in the archive fits. Check the names and the date, "
                "or press Create this match (Alt+C)."
            )
        self.status.setText(message)
        self.validate()

    def _picked_check(self) -> str | None:
        if self.chosen() is None:
            return "Pick the match you saw in the list, or create it (Alt+C)."
        return None

    def _on_create_button_clicked(self) -> None:
        home, away = clean(self.home.text()), clean(self.away.text())
        date, seen = self.date.value(), self.value()
        self.discard()  # first: closing hands the keys back to the window, then the form opens
        self.create_requested.emit(home, away, date, seen)


def _seen_note(match: MatchSummary) -> str:
    if match.fan_attendance is Attendance.NONE:
        return ""
    return f" · {ATTENDANCE_LABELS[match.fan_attendance].lower()}, in your diary"
