"""A database file missing beside an interrupted restore's leftovers: the app asks to
finish the restore or put the old file back, and never opens a new empty database."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from matchnotes import app as app_module
from matchnotes.cli import run
from matchnotes.ui.opening import FINISH


def _answer(qtbot, answers: list[str], seen: list[str]) -> None:
    """Answer the message boxes as they come up, clicking the button named in turn."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, poll)
            return
        seen.append(box.text())
        wanted = answers.pop(0)
        (button,) = [b for b in box.buttons() if b.text().replace("&", "") == wanted]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        if answers:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def _launch(qtbot, db_path: Path) -> app_module.Launch:
    QSettings().clear()
    launched = app_module.launch(argparse.Namespace(demo=False, db=str(db_path), command=None))
    assert launched is not None
    qtbot.addWidget(launched.window)
    return launched


def _interrupted(db_path: Path) -> tuple[Path, Path]:
    assert run(["demo", "--db", str(db_path)]) == 0
    assert run(["backup", "--db", str(db_path)]) == 0
    (backup,) = db_path.parent.glob("notes-backups/*.sqlite")
    damaged = db_path.with_name("notes.damaged-20250101-120000.sqlite")
    partial = db_path.with_name("notes.sqlite.partial")
    db_path.rename(damaged)
    shutil.copyfile(backup, partial)
    return damaged, partial


def test_the_app_offers_to_finish_the_restore(qtbot, db_path: Path) -> None:
    damaged, partial = _interrupted(db_path)
    seen: list[str] = []
    _answer(qtbot, [FINISH, "OK"], seen)
    launched = _launch(qtbot, db_path)
    try:
        qtbot.waitUntil(lambda: launched.window.services is not None, timeout=20_000)
        assert "interrupted restore" in seen[0] and partial.name in seen[0]
        assert damaged.name in seen[0] and seen[1] == "Finished the restore."
        assert launched.window.matches_view.table.model().rowCount() == 1
    finally:
        launched.opener.close()
    assert not partial.exists()


def test_cancelling_creates_no_database(qtbot, db_path: Path) -> None:
    _interrupted(db_path)
    seen: list[str] = []
    _answer(qtbot, ["Cancel"], seen)
    launched = _launch(qtbot, db_path)
    gave_up: list[bool] = []
    launched.opener.gave_up.connect(lambda: gave_up.append(True))
    try:
        qtbot.waitUntil(lambda: bool(gave_up), timeout=20_000)
    finally:
        launched.opener.close()
    assert "interrupted restore" in seen[0]
    assert not db_path.exists(), "no empty database was created"
