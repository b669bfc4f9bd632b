"""Composition root: the window first, then database -> services, attached to it.

The only place that knows all three. Start-up is ordered so that the window is on
screen in about twice the time of a bare Qt window, whatever the archive's size
(BENCHMARKS.md):

1. Only Qt and the widgets are imported; nothing before the first frame loads
   SQLAlchemy (a test checks this).
2. A SQLite file is recognised from its header and a read-only look
   (``db.file_format``). A file that is not ours, or from a newer version, is
   refused in a dialog before any window opens, and the app exits untouched.
3. The window shows the newest matches, read with sqlite3 (``peek_newest``).
4. The database is opened off the GUI thread (``ui/opening.py``): the quick check
   (on a thread of its own, while the worker imports SQLAlchemy), a backup and
   upgrade of an old file, the services, the full list. Until then no
   action that writes is enabled. A damaged file gets its newest backup offered.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from matchnotes import __version__
from matchnotes.db.check import DatabaseDamagedError, quick_check_on_open
from matchnotes.db.engine import display_location, is_url
from matchnotes.db.file_format import head_revision, inspect_sqlite_file
from matchnotes.errors import DatabaseRefusedError, MatchNotesError
from matchnotes.paths import APP_NAME, DB_ENV_VAR, database_target, resource
from matchnotes.services.backups import BackupService
from matchnotes.services.summaries import peek_newest
from matchnotes.services.views import MatchSummary
from matchnotes.ui.collector import GuiCollector
from matchnotes.ui.main_window import MainWindow
from matchnotes.ui.opening import (
    CANNOT_OPEN,
    Damaged,
    DatabaseOpener,
    NeedsPassword,
    Opened,
    offer_rescue,
)
from matchnotes.ui.server_settings import forget_server, remembered_server
from matchnotes.ui.theme import apply_theme, saved_theme

FIRST_ROWS = 200  # the newest matches on the first frame: more than a screen holds
OPEN_ANYWAY_MS = 1000  # open the database by then even if no frame was painted


def target_of(args: argparse.Namespace) -> str:
    """The database the app opens: a fresh demo (at --db when given), --db,
    $MATCHNOTES_DB, the server last opened with File ▸ Open server database… (its
    address without the password), or the default file."""
    if args.demo:
        from matchnotes.cli import make_demo_database

        return make_demo_database(getattr(args, "db", None))
    chosen = getattr(args, "db", None) or os.environ.get(DB_ENV_VAR)
    return database_target(chosen or remembered_server())


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.matchnotes.MatchNotes")  # Wayland: the .desktop entry
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The app icon at every rendered size (resources/icons, made by scripts/make_icons.py)."""
    icon = QIcon()
    for png in sorted(resource("icons").glob("matchnotes-*.png")):
        icon.addFile(str(png))
    return icon


@dataclass
class Launch:
    window: MainWindow
    opener: DatabaseOpener


LAUNCHES: list[Launch] = []  # run_app's windows (one, or more after switches) to close at exit


def launch(args: argparse.Namespace) -> Launch | None:
    """Show the window and start opening the database; None if it was refused."""
    app = create_application()
    apply_theme(app, saved_theme())
    try:
        target = target_of(args)
    except MatchNotesError as exc:
        QMessageBox.critical(None, CANNOT_OPEN, str(exc))
        return None
    launched = launch_target(target, demo=bool(args.demo))
    if launched is not None and not args.demo and target == remembered_server():
        # A remembered server that cannot be opened must not lock the user out: the
        # next start opens the file again (File ▸ Open server database… retries it).
        launched.opener.failure_note = (
            "\n\nThe next start opens your diary file; File ▸ Open server database… "
            "tries this server again."
        )
        launched.opener.gave_up.connect(forget_server)
    return launched


def launch_target(target: str, *, demo: bool = False) -> Launch | None:
    """A window for ``target`` (a file or a server URL), its database opening behind it."""
    try:
        path = None if is_url(target) else Path(target).expanduser().resolve()
        backups = BackupService(path) if path is not None else None
        # Read before opening: opening touches the file and would look like a change.
        schedule = backups.schedule() if backups is not None and path and path.exists() else None
        revision = _recognise(path)
    except MatchNotesError as exc:
        QMessageBox.critical(None, CANNOT_OPEN, str(exc))
        return None
    if revision is False:
        return None
    location = display_location(target)
    window = MainWindow(None, location, demo=demo, backups=backups, schedule=schedule)
    name = path.name if path is not None else location
    if path is not None and revision is not None and revision != head_revision():
        window.show_opening_notice(
            f"Upgrading {name} to this version of MatchNotes…",
            "A backup is made first. On a large archive this can take a minute.",
        )
    else:
        newest: list[MatchSummary] = []
        if path is not None and revision is not None:
            # A damaged file may fail here: the quick check, which runs next, says how.
            with contextlib.suppress(sqlite3.Error):
                newest = peek_newest(path, FIRST_ROWS)
        window.show_opening_notice(f"Opening {name}…", newest=newest)
    window.show()
    opener = DatabaseOpener(window, lambda progress: open_in_background(target, path, progress))
    # Started once the first frame is painted: the worker's imports would otherwise
    # compete with the painting for the interpreter. The timer covers a window that is
    # never painted (minimised at start).
    window.first_painted.connect(opener.start)
    QTimer.singleShot(OPEN_ANYWAY_MS, opener.start)
    return Launch(window, opener)


def switch_database(window: MainWindow, target: str) -> Launch | None:
    """Open ``target`` in a new window that takes the place of ``window`` once its
    database is open; if it cannot be opened, ``window`` stays as it was."""
    launched = launch_target(target)
    if launched is None:
        return None
    LAUNCHES.append(launched)
    old = window.findChild(DatabaseOpener)

    def opened() -> None:
        launched.window.setGeometry(window.geometry())
        window.close()
        if old is not None and old.db is not None:
            old.db.close()
            old.db = None

    launched.opener.opened.connect(opened)
    return launched


def _recognise(path: Path | None) -> str | bool | None:
    """The schema revision of an existing file (None: new file or a server URL).

    False when it is damaged and the user did not take the newest backup instead.
    """
    if path is None or not path.exists():
        return None
    try:
        return inspect_sqlite_file(path)
    except DatabaseDamagedError as damaged:  # e.g. truncated: its header says so
        if not offer_rescue(damaged.path, str(damaged), None):
            return False
        return inspect_sqlite_file(path)


def open_in_background(
    target: str, path: Path | None, progress: Callable[[int, int], None] | None = None
) -> Opened | Damaged:
    """The slow part of start-up, on a worker thread: the imports the first frame
    skipped, the quick check (and a backup and upgrade of an old file), the services
    and the full matches list. ``path`` is the file ``target`` names, if it is one;
    ``progress`` hears how an upgrade goes (the search index's rebuild)."""
    early = EarlyCheck(path) if path is not None and path.exists() else None
    from matchnotes.db.database import open_database  # 0.45 s, while the check reads
    from matchnotes.services import Services
    from matchnotes.services.server_check import needs_password, with_password

    try:
        db = open_database(target, early.wait if early else quick_check_on_open, progress)
    except DatabaseDamagedError as damaged:
        return Damaged(damaged.path, str(damaged))  # asked about on the GUI thread
    except DatabaseRefusedError as refused:
        if path is not None or not needs_password(str(refused)):
            raise
        return NeedsPassword(  # asked for on the GUI thread, then the open is tried again
            display_location(target),
            "password authentication failed" in str(refused),
            lambda password: lambda p: open_in_background(with_password(target, password), None, p),
        )
    try:
        services = Services.create(db.engine)
        return Opened(db, services, services.matches.list_matches())
    except BaseException:
        db.close()
        raise


class EarlyCheck:
    """``quick_check_on_open`` started on its own thread, so that reading the whole file
    (SQLite releases the interpreter meanwhile) overlaps the imports; ``wait`` is the
    check that ``open_database`` calls, after it has recognised the file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="quick-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            quick_check_on_open(self.path)
        except BaseException as exc:  # handed to the opening thread by wait()
            self._error = exc

    def wait(self, path: Path) -> None:
        assert path == self.path, "the early check read another file"
        self._thread.join()
        if self._error is not None:
            raise self._error


SMOKE_ENV_VAR = "MATCHNOTES_EXIT_WHEN_OPEN"


def _report_open_and_quit(app: QApplication, window: MainWindow) -> None:
    rows = window.matches_view.table.model().rowCount()
    print(f"MatchNotes window open: {window.windowTitle()} ({rows} matches)", flush=True)
    QTimer.singleShot(0, app.quit)


def run_app(args: argparse.Namespace) -> int:
    app = create_application()
    GuiCollector(app).start()  # garbage collected between events, never on a worker
    launched = launch(args)
    if launched is None:
        return 1
    LAUNCHES.append(launched)
    gave_up: list[bool] = []
    launched.opener.gave_up.connect(lambda: gave_up.append(True))
    if os.environ.get(SMOKE_ENV_VAR) == "1":
        # Packaging checks (scripts/smoke.sh): prove an installed app or a bundle gets as
        # far as a window with its database open, then leave.
        launched.opener.opened.connect(lambda: _report_open_and_quit(app, launched.window))
    try:
        code = app.exec()
    finally:
        for each in LAUNCHES:
            each.opener.close()
        LAUNCHES.clear()
    return 1 if gave_up else code
