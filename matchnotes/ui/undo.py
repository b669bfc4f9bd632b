"""Edit ▸ Undo / Redo over the change history stored in the database.

Every change the services make is recorded there (services/history.py), whether it
came from this window, another one or the command line; so Undo takes back the
newest change of the file, also after a restart, and the menu says which. A change
is made by calling the service first: a refused one is never recorded, and the form
that made it can show the error and keep the user's input.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from matchnotes.errors import MatchNotesError
from matchnotes.services import Services
from matchnotes.ui.after_paint import AfterPaint

T = TypeVar("T")
AUTHOR_SETTING = "history/author"  # the name this computer's changes are recorded by


class UndoController(QObject):
    """Makes changes through the services; undoes and redoes them from the history."""

    changed = Signal()  # data changed: views reload
    failed = Signal(str)  # an undo/redo could not be carried out: why

    def __init__(self, services: Services | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services  # None until the window's database is open
        self.undo_action = QAction("&Undo", self)
        self.redo_action = QAction("&Redo", self)
        self.undo_action.triggered.connect(lambda _checked=False: self.undo())
        self.redo_action.triggered.connect(lambda _checked=False: self.redo())
        # The menu's words are read after the views have shown the change: nobody sees a
        # menu while typing a line.
        self._menu_words = AfterPaint(self, self.refresh)

    def run(self, do: Callable[[], T], text: str | None = None) -> T:
        """Make a change (recorded by the service); ``text`` names it in the history
        when the rows alone would say it badly (a clock change)."""
        if text is None or self.services is None:
            result = do()
        else:
            with self.services.history.named(text):
                result = do()
        self._changed()
        return result

    def undo(self) -> None:
        self._step("undo", lambda: self.services.history.undo() if self.services else None)

    def redo(self) -> None:
        self._step("redo", lambda: self.services.history.redo() if self.services else None)

    def _step(self, name: str, step: Callable[[], object]) -> None:
        try:
            step()
        except MatchNotesError as exc:
            self.failed.emit(str(exc))
            self.refresh()
            return
        self._changed()

    def _changed(self) -> None:
        self.changed.emit()
        self._menu_words.start()

    def refresh(self) -> None:
        """Say in the menu what Undo and Redo would do now (the history may have grown
        from elsewhere: call this when the menu opens or the window comes back)."""
        self._menu_words.stop()
        if self.services is None:
            return
        try:
            undo, redo = self.services.history.next_undo(), self.services.history.next_redo()
        except MatchNotesError:
            undo = redo = None
        self.undo_action.setText(f"&Undo {_escaped(undo.summary)}" if undo else "&Undo")
        self.redo_action.setText(f"&Redo {_escaped(redo.summary)}" if redo else "&Redo")
        # Enabled whenever the database is open: a change made elsewhere since the last
        # refresh is still undone by Ctrl+Z; with nothing to undo the status bar says so.
        self.undo_action.setEnabled(True)
        self.redo_action.setEnabled(True)

    def use_saved_author(self) -> None:
        if self.services is not None:
            name = str(QSettings().value(AUTHOR_SETTING, "") or "").strip()
            self.services.history.use_author(name or None)  # none: the OS user name

    def ask_author(self, parent: QWidget) -> QInputDialog:
        """Edit ▸ Your name…: who the changes made here are by, in the history and on
        every moment, quote and note logged here (shown in the app and the reports)."""
        dialog = QInputDialog(parent)
        dialog.setWindowTitle("Your name")
        dialog.setLabelText("Your name (shown on what you log and in the history).\n"
                            "Empty: your name on this computer.")  # fmt: skip
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(str(QSettings().value(AUTHOR_SETTING, "") or ""))

        def chosen(name: str) -> None:
            QSettings().setValue(AUTHOR_SETTING, name.strip())
            self.use_saved_author()

        dialog.textValueSelected.connect(chosen)
        dialog.open()
        return dialog

    def undo_text(self) -> str:
        """What Undo would take back now, as the menu says it (without the accelerator)."""
        if self._menu_words.pending():
            self.refresh()
        return self.undo_action.text().replace("&", "", 1).replace("&&", "&")

    def redo_text(self) -> str:
        if self._menu_words.pending():
            self.refresh()
        return self.redo_action.text().replace("&", "", 1).replace("&&", "&")


def _escaped(summary: str) -> str:
    return summary.replace("&", "&&")  # a plain "&" in a menu text marks a shortcut key
