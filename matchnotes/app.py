"""Composition root: database -> services -> main window.

The only place that knows all three. A refused or unreadable database is reported
in a dialog before any window opens, and the app exits without touching the file;
a damaged file can be replaced by its newest good backup (the damaged one is kept).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from matchnotes import __version__
from matchnotes.db.check import DatabaseDamagedError
from matchnotes.db.database import Database, open_database
from matchnotes.db.engine import is_url
from matchnotes.db.schema import head_revision, inspect_sqlite_file
from matchnotes.errors import MatchNotesError
from matchnotes.paths import APP_NAME, database_target
from matchnotes.services import Services
from matchnotes.services.backups import BackupService


def target_of(args: argparse.Namespace) -> str:
    """The database the app opens: a fresh demo, --db, $MATCHNOTES_DB or the default."""
    if args.demo:
        from matchnotes.cli import make_demo_database

        return str(make_demo_database())
    return database_target(getattr(args, "db", None))


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def _upgrade_notice(target: str) -> QLabel | None:
    """A schema upgrade of a big archive (backup, then e.g. building the search index)
    can take a minute: say so on screen instead of showing nothing."""
    if is_url(target):
        return None
    path = Path(target).expanduser()
    try:
        if not path.exists() or inspect_sqlite_file(path) == head_revision():
            return None
    except MatchNotesError:
        return None  # open_database reports it properly
    notice = QLabel(
        f"Upgrading {path.name} to this version of MatchNotes…\n"
        "A backup is made first. On a large archive this can take a minute."
    )
    notice.setWindowTitle("MatchNotes")
    notice.setMargin(24)
    notice.show()
    QApplication.processEvents()
    return notice


def open_or_rescue(target: str) -> Database | None:
    """Open the database; offer the newest good backup for a damaged file."""
    notice = _upgrade_notice(target)
    try:
        return open_database(target)
    except DatabaseDamagedError as damaged:
        backups = BackupService(damaged.path)
        newest = backups.newest_good()
        if newest is None:
            QMessageBox.critical(
                None,
                "MatchNotes: the database is damaged",
                f"{damaged}\n\nThere is no good backup to restore.",
            )
            return None
        made = f"{newest.made_at:%d %b %Y at %H:%M}"
        answer = QMessageBox.question(
            None,
            "MatchNotes: the database is damaged",
            f"{damaged}\n\nRestore the newest good backup, made {made} "
            f"({newest.match_count} matches)? The damaged file is kept beside it.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        report = backups.rescue()
        QMessageBox.information(
            None,
            "MatchNotes",
            f"Restored from {report.restored_from.name}."
            + (
                f" The damaged file is kept as {report.damaged_copy.name}."
                if report.damaged_copy
                else ""
            ),
        )
        return open_database(target)
    finally:
        if notice is not None:
            notice.close()


def run_app(args: argparse.Namespace) -> int:
    app = create_application()
    try:
        target = target_of(args)
        path = None if is_url(target) else Path(target).expanduser().resolve()
        backups = BackupService(path) if path is not None else None
        # Read before opening: opening touches the file and would look like a change.
        schedule = backups.schedule() if backups is not None and path and path.exists() else None
        db = open_or_rescue(target)
    except MatchNotesError as exc:
        QMessageBox.critical(None, "MatchNotes cannot open this database", str(exc))
        return 1
    if db is None:
        return 1
    from matchnotes.ui.main_window import MainWindow
    from matchnotes.ui.theme import apply_theme, saved_theme

    apply_theme(app, saved_theme())
    window = MainWindow(
        Services.create(db.engine),
        db.location,
        demo=bool(args.demo),
        backups=backups,
        schedule=schedule,
    )
    window.show()
    try:
        return app.exec()
    finally:
        db.close()
