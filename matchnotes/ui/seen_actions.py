"""What the fan saw: Match ▸ I saw this match (Ctrl+D) and Add a match I saw.

Each mark is one service call through the undo controller, so it is one entry in the
change history (Ctrl+Z takes it back) and the lists and the diary reload after it.
Dialogs open window-modal without blocking, as EditActions' forms do.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from matchnotes.enums import MatchStatus
from matchnotes.errors import MatchNotesError
from matchnotes.services import Services
from matchnotes.services.inputs import MatchInput
from matchnotes.ui.dialogs.add_seen_dialog import AddSeenDialog
from matchnotes.ui.dialogs.seen_dialog import Seen, SeenDialog
from matchnotes.ui.undo import UndoController


class SeenActions(QObject):
    def __init__(
        self, services: Services, undo: UndoController, edit_actions: Any, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.services, self.undo, self.edit_actions = services, undo, edit_actions
        self.window = parent
        self.dialog: QDialog | None = None  # the form open now (tests reach it here)

    def mark(self, match_id: int) -> QDialog | None:
        """The "I saw this match" form for one match (None: it is gone, the status bar
        says so; e.g. deleted from another window)."""
        try:
            summary, where = self.services.diary.entry(match_id)
        except MatchNotesError as exc:
            self.window.statusBar().showMessage(str(exc), 8000)  # type: ignore[attr-defined]
            return None
        dialog = SeenDialog(summary, Seen(summary.fan_attendance, where, summary.rating),
                            self.window)  # fmt: skip

        return self._open(dialog, lambda: self._set(match_id, dialog.value()))

    def add_seen(self) -> QDialog:
        """Find a match the fan saw in the archive; create it when it is not there."""
        diary = self.services.diary
        dialog = AddSeenDialog(diary.team_names(), diary.candidates, self.window)

        def submit() -> None:
            match_id = dialog.chosen()
            if match_id is not None:
                self._set(match_id, dialog.value())

        dialog.create_requested.connect(self._create)
        return self._open(dialog, submit)

    def _set(self, match_id: int, seen: Seen) -> None:
        diary = self.services.diary
        self.undo.run(lambda: diary.set_seen(match_id, seen.attendance, seen.where, seen.rating))

    def _create(self, home: str, away: str, date: dt.date | None, seen: Seen) -> None:
        date = date or dt.date.today()
        played = MatchStatus.FINISHED if date <= dt.date.today() else MatchStatus.SCHEDULED
        prefill = MatchInput(home=home, away=away, date=date, status=played,
                             fan_attendance=seen.attendance, watched_where=seen.where,
                             rating=seen.rating)  # fmt: skip
        self.dialog = self.edit_actions.new_match(prefill)

    def _open(self, dialog: QDialog, submit: Any) -> QDialog:
        dialog.submit = submit  # type: ignore[attr-defined]
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
