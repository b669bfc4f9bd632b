"""Automatic backups while the app runs, and File ▸ Backups… (list, back up now, restore).

The policy (when a backup is due) is db/schedule.py; the copying, verifying and
rotating is db/backups.py and db/restore.py. Here: a timer, a worker thread (a backup
of a big archive takes seconds), and the dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from matchnotes.services.backups import (
    AUTO,
    MANUAL,
    ON_OPEN,
    BackupInfo,
    BackupSchedule,
    BackupService,
)
from matchnotes.ui.models.table_model import Column, ReadModelTable
from matchnotes.ui.widgets.table import ReadModelTableView
from matchnotes.ui.workers import BackgroundOp

BACKUP_COLUMNS: list[Column[BackupInfo]] = [
    Column("Made", lambda b: f"{b.made_at:%Y-%m-%d %H:%M:%S}", sort=lambda b: b.made_at),
    Column("Reason", lambda b: b.reason.replace("-", " ")),
    Column("Size", lambda b: f"{b.size / 1e6:.1f} MB", sort=lambda b: b.size),
    Column("Matches", lambda b: "?" if b.match_count is None else str(b.match_count)),
    Column("File", lambda b: b.path.name, stretch=True),
]


class BackupController(QObject):
    """Backs up on open (when due) and every 30 minutes while changes were made."""

    backed_up = Signal(str)  # a line for the status bar
    failed = Signal(str)

    def __init__(
        self,
        backups: BackupService,
        schedule: BackupSchedule | None = None,
        parent: QObject | None = None,
        *,
        start: bool = True,
    ) -> None:
        super().__init__(parent)
        self.backups = backups
        self.db_path = backups.db_path
        # Read before the database was opened (opening touches the file): see app.py.
        self.schedule = schedule or backups.schedule()
        self.op: BackgroundOp | None = None
        self.timer = QTimer(self, interval=60_000)
        self.timer.timeout.connect(self._on_timer_timeout)
        if start:
            self.timer.start()
            if self.schedule.due_on_open():
                self.run(ON_OPEN)

    def run(self, reason: str, then: Callable[[BackupInfo], None] | None = None) -> BackgroundOp:
        started = dt.datetime.now()
        backups = self.backups

        def done(info: Any) -> None:
            self.schedule.note_backup(started)
            self.backed_up.emit(f"Backed up to {info.path.name}")
            if then is not None:
                then(info)

        self.op = (
            BackgroundOp(self, lambda _progress: backups.make(reason))
            .on_success(done)
            .on_failure(self.failed.emit)
            .run()
        )
        return self.op

    def _on_timer_timeout(self) -> None:
        self.schedule.note_change(self.backups.modified_at())
        if self.schedule.due(dt.datetime.now()) and (self.op is None or self.op.done):
            self.run(AUTO)


class BackupsDialog(QDialog):
    """The backups of this database: make one now, or restore one after confirming."""

    restored = Signal()

    def __init__(
        self,
        controller: BackupController,
        release: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.resize(760, 420)
        self.controller = controller
        self.release = release  # closes the app's connections before a restore
        self.table = ReadModelTableView(ReadModelTable(BACKUP_COLUMNS))
        self.note = QLabel(
            f"Backups of {controller.db_path.name} are kept in "
            f"{controller.db_path.stem}-backups/ beside it: the last 10, the newest of "
            "each of the last 7 days and of each week for two months."
        )
        self.note.setWordWrap(True)
        self.backup_button = QPushButton("Back up now")
        self.restore_button = QPushButton("Restore…")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.backup_button.clicked.connect(self._on_backup_button_clicked)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.message: QMessageBox | None = None
        self.reload()

    def reload(self) -> None:
        self.table.source.set_rows(self.controller.backups.list())
        self.table.fit_columns()
        self.restore_button.setEnabled(bool(self.table.source.rows()))

    def _on_backup_button_clicked(self) -> None:
        self.backup_button.setEnabled(False)
        op = self.controller.run(MANUAL, then=lambda _info: self.reload())
        op.on_success(lambda _info: self.backup_button.setEnabled(True))
        op.on_failure(lambda error: (self.backup_button.setEnabled(True), self._tell(error)))

    def _on_restore_button_clicked(self) -> None:
        chosen = self.table.current_row() or self.table.source.rows()[0]
        assert isinstance(chosen, BackupInfo)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Restore backup",
            f"Replace the database with the backup of {chosen.made_at:%d %b %Y, %H:%M}?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            "The database as it is now is backed up first, so this can be "
            "undone by restoring that backup."
        )
        box.finished.connect(
            lambda result: (
                self.restore(chosen) if result == QMessageBox.StandardButton.Yes else None
            )
        )
        self.message = box
        box.open()

    def restore(self, backup: BackupInfo) -> None:
        self.release()
        try:
            report = self.controller.backups.restore(backup.path)
        except Exception as exc:  # a MatchNotesError says what to do; show any failure
            self._tell(str(exc))
            return
        self.reload()
        self.restored.emit()
        self._tell(
            f"Restored the backup of {backup.made_at:%d %b %Y, %H:%M}."
            + (
                f" The previous state is kept as {report.safety_backup.name}."
                if report.safety_backup
                else ""
            )
        )

    def _tell(self, text: str) -> None:
        self.message = QMessageBox(
            QMessageBox.Icon.Information, "Backups", text, QMessageBox.StandardButton.Ok, self
        )
        self.message.open()
