"""Composition root: database -> services -> main window.

The only place that knows all three. A refused or unreadable database is reported
in a dialog before any window opens, and the app exits without touching the file.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from matchnotes import __version__
from matchnotes.db.database import Database, open_database
from matchnotes.errors import MatchNotesError
from matchnotes.paths import APP_NAME, database_target
from matchnotes.services import Services


def open_for_app(args: argparse.Namespace) -> Database:
    """The database the app opens: a fresh demo, --db, $MATCHNOTES_DB or the default."""
    if args.demo:
        from matchnotes.cli import make_demo_database

        return open_database(make_demo_database())
    return open_database(database_target(getattr(args, "db", None)))


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def run_app(args: argparse.Namespace) -> int:
    app = create_application()
    try:
        db = open_for_app(args)
    except MatchNotesError as exc:
        QMessageBox.critical(None, "MatchNotes cannot open this database", str(exc))
        return 1
    from matchnotes.ui.main_window import MainWindow
    from matchnotes.ui.theme import apply_theme, saved_theme

    apply_theme(app, saved_theme())

    window = MainWindow(Services.create(db.engine), db.location, demo=bool(args.demo))
    window.show()
    try:
        return app.exec()
    finally:
        db.close()
