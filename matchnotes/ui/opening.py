"""Opening the database off the GUI thread, while the window is already on screen.

The work (importing SQLAlchemy, the quick check of the whole file, a backup and an
upgrade for an old file, the full matches list) takes from half a second to a minute
on a big archive; the window stays responsive meanwhile and nothing can write to the
file until the check has passed and ``MainWindow.attach`` has run.

A damaged file gets its newest good backup offered (the damaged file is kept); a
file that cannot be opened is explained in a dialog, and the window closes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from matchnotes.errors import MatchNotesError
from matchnotes.services.backups import BackupService, Leftovers
from matchnotes.text import counted
from matchnotes.ui.workers import BackgroundOp

if TYPE_CHECKING:
    from matchnotes.services import Services
    from matchnotes.services.views import MatchSummary
    from matchnotes.ui.main_window import MainWindow


@dataclass
class Opened:
    database: Any  # db.database.Database: closed by DatabaseOpener.close()
    services: Services
    matches: list[MatchSummary]


@dataclass
class Damaged:
    """The quick check failed; the file was not changed."""

    path: Path
    message: str


@dataclass
class NeedsPassword:
    """The server wants a password (none was found, or it refused the one given)."""

    location: str  # the address, password hidden
    refused: bool  # a password was given and refused
    retry: Callable[[str], OpenWork]  # the open again, with this password


# Runs on a worker thread (app.open_in_background): open, check, build the services;
# it reports an upgrade's progress (done, total) through the callable it is given.
OpenWork = Callable[[Callable[[int, int], None]], "Opened | Damaged | NeedsPassword"]

CANNOT_OPEN = "MatchNotes cannot open this database"


class DatabaseOpener(QObject):
    """Opens ``target`` in the background and attaches the services to ``window``.

    ``opened`` is emitted once the window has its services; ``gave_up`` when the file
    could not be opened (the window is then closed); ``progressed(done, total)`` once the
    window shows how far an upgrade is."""

    opened = Signal()
    gave_up = Signal()
    progressed = Signal(int, int)

    def __init__(self, window: MainWindow, work: OpenWork) -> None:
        super().__init__(window)
        self.window = window
        self.work = work
        self.db: Any = None  # the open db.database.Database
        self.op: BackgroundOp | None = None
        self.password_dialog: QInputDialog | None = None  # asking for the server's password
        self.failure_note = ""  # said after the reason when the database cannot be opened

    def start(self) -> None:
        """Start opening; only the first call counts."""
        if self.op is None:
            self._run()

    def _run(self) -> None:
        self.op = BackgroundOp(self, self.work).on_success(self._on_done)
        self.op.on_progress(self._on_progress).on_failure(self._on_failed).run()

    def _on_progress(self, done: int, total: int) -> None:
        self.window.show_upgrade_progress(done, total)
        self.progressed.emit(done, total)

    def close(self) -> None:
        """At exit: let a still running open finish, then close the database."""
        QThreadPool.globalInstance().waitForDone()
        if self.db is not None:
            self.db.close()

    def _on_done(self, result: Opened | Damaged | NeedsPassword) -> None:
        if isinstance(result, NeedsPassword):
            self._ask_password(result)
            return
        if isinstance(result, Damaged):
            if offer_rescue(result.path, result.message, self.window):
                self._run()  # open the restored file
            else:
                self._give_up()
            return
        self.db = result.database
        report = self.db.report
        if report.backed_up_at is not None:
            # The upgrade's backup holds every row: no second, on-open copy of the whole
            # file, whose status line would also replace the upgrade notice below.
            self.window.note_backup(report.backed_up_at)
        self.window.attach(result.services, result.matches)
        if report.upgraded_from is not None:
            backup = (
                f" The old file was backed up as {report.backup.name}." if report.backup else ""
            )
            self.window.statusBar().showMessage(
                f"Upgraded the database from schema {report.upgraded_from}.{backup}", 10_000
            )
        self.opened.emit()

    def _ask_password(self, needs: NeedsPassword) -> None:
        """Ask without a nested event loop (open(), not exec()); the text is never shown."""
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle("MatchNotes: password")
        refused = "The server refused that password. " if needs.refused else ""
        dialog.setLabelText(f"{refused}Password for {needs.location}:")
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                self._give_up()
                return
            self.work = needs.retry(dialog.textValue())
            self._run()

        dialog.finished.connect(answered)
        self.password_dialog = dialog
        dialog.open()

    def _on_failed(self, message: str) -> None:
        QMessageBox.critical(self.window, CANNOT_OPEN, f"{message}{self.failure_note}")
        self._give_up()

    def _give_up(self) -> None:
        self.gave_up.emit()  # run_app exits with 1
        self.window.close()


def offer_rescue(path: Path, damaged: str, parent: QWidget | None) -> bool:
    """Ask to replace a damaged file by its newest good backup; True once it is."""
    backups = BackupService(path)
    leftovers = backups.unfinished()
    if leftovers is not None:  # no file, but an interrupted restore beside it
        return offer_to_finish(backups, leftovers, parent)
    newest = backups.newest_good()
    title = "MatchNotes: the database is damaged"
    if newest is None:
        QMessageBox.critical(parent, title, f"{damaged}\n\nThere is no good backup to restore.")
        return False
    made = f"{newest.made_at:%d %b %Y at %H:%M}"
    if newest.match_count is not None:
        made += f" ({counted(newest.match_count, 'match')})"
    answer = QMessageBox.question(
        parent,
        title,
        f"{damaged}\n\nRestore the newest good backup, made {made}? The damaged file is "
        "kept beside it.",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    report = backups.rescue()
    kept = (
        f" The damaged file is kept as {report.damaged_copy.name}." if report.damaged_copy else ""
    )
    QMessageBox.information(
        parent, "MatchNotes", f"Restored from {report.restored_from.name}.{kept}"
    )
    return True


FINISH, UNDO = "Finish the restore", "Put the old file back"


def offer_to_finish(backups: BackupService, leftovers: Leftovers, parent: QWidget | None) -> bool:
    """The database file is missing and a restore was interrupted: finish it, or put the
    old file back; never a new empty database. True once there is a file to open."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "MatchNotes: a restore was interrupted",
        f"There is no database at {backups.db_path}, but an interrupted restore left "
        f"{leftovers.names()} beside it.\n\nFinish the restore, or put the old file back?",
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    finish = box.addButton(FINISH, QMessageBox.ButtonRole.AcceptRole)
    undo = box.addButton(UNDO, QMessageBox.ButtonRole.DestructiveRole)
    finish.setVisible(leftovers.restored is not None)
    undo.setVisible(leftovers.damaged is not None)
    box.setDefaultButton(finish if leftovers.restored is not None else undo)
    box.exec()
    try:
        if box.clickedButton() is finish:
            backups.finish()
            done = "Finished the restore."
        elif box.clickedButton() is undo:
            done = f"Put {backups.undo().name} back in place."
        else:
            return False
    except MatchNotesError as exc:
        QMessageBox.critical(parent, "MatchNotes", str(exc))
        return False
    QMessageBox.information(parent, "MatchNotes", done)
    return True
