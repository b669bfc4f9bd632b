"""The main window: menus, the matches list, the status bar.

The window only talks to ``Services`` (house-style rule 1). Pages for a match, a
person, quotes and search hang off this window in later work.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from matchnotes.errors import MatchNotesError
from matchnotes.reports.match_text import match_as_text
from matchnotes.services import Services
from matchnotes.ui.views.matches_view import MatchesView


class MainWindow(QMainWindow):
    def __init__(
        self, services: Services, location: str, *, demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.services = services
        self.location = location
        self.setWindowTitle(f"MatchNotes — {location}" + (" (demo)" if demo else ""))
        self.matches_view = MatchesView()
        self.matches_view.match_activated.connect(self._on_match_activated)
        self.setCentralWidget(self.matches_view)
        self.db_label = QLabel(location)
        self.statusBar().addPermanentWidget(self.db_label)
        self._build_menus()
        self._restore_geometry()
        self.refresh()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        reload_action = QAction("&Reload", self, shortcut=QKeySequence.StandardKey.Refresh)
        reload_action.triggered.connect(self.refresh)
        file_menu.addAction(reload_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About MatchNotes", self)
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about)

    def refresh(self) -> None:
        try:
            matches = self.services.matches.list_matches()
        except MatchNotesError as exc:
            self.statusBar().showMessage(str(exc))
            return
        self.matches_view.set_matches(matches)
        count = len(matches)
        self.statusBar().showMessage(f"{count} match{'es' if count != 1 else ''}")

    def _on_match_activated(self, match_id: int) -> None:
        # Until the match page exists, show the match as the CLI prints it.
        try:
            text = match_as_text(self.services.matches.get_match(match_id))
        except MatchNotesError as exc:
            QMessageBox.warning(self, "MatchNotes", str(exc))
            return
        box = QMessageBox(self)
        box.setWindowTitle("Match")
        box.setText(text.splitlines()[0])
        box.setDetailedText(text)
        box.open()

    def _on_about_triggered(self) -> None:
        from matchnotes import __version__

        QMessageBox.about(
            self, "About MatchNotes",
            f"<b>MatchNotes {__version__}</b><p>Notes on football matches.</p>"
            f"<p>Database: {self.location}</p>",
        )  # fmt: skip

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # type: ignore[arg-type]
        else:
            self.resize(1100, 700)

    def closeEvent(self, event: object) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)  # type: ignore[arg-type]
