"""File ▸ Back up now… on a server database: a file chooser (no nested event loop), then
the database's MatchNotes JSON written on a worker; restored into an empty database
it gives back every table. On a file, the same menu item makes the usual verified copy."""

import argparse

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from matchnotes import app as app_module
from matchnotes.cli import run
from matchnotes.db.database import open_database
from tests.backends import URL_VARIABLE, server_configured
from tests.db_compare import assert_same_tables
from tests.ui.keys import click_menu


def _launch(qtbot, db):
    QSettings().clear()
    launched = app_module.launch(argparse.Namespace(demo=False, db=db, command=None))
    assert launched is not None
    qtbot.addWidget(launched.window)
    qtbot.waitUntil(lambda: launched.window.services is not None, timeout=30_000)
    return launched


@pytest.mark.skipif(not server_configured(), reason=f"set {URL_VARIABLE} to a throwaway server")
def test_back_up_now_on_a_server_writes_its_json(qtbot, tmp_path, postgres_server):
    url, empty = postgres_server.create_database(empty=True), None
    assert run(["demo", "--db", url]) == 0
    launched = _launch(qtbot, url)
    out = tmp_path / "server-backup.json"
    seen = {}

    def answer_the_dialog():
        chooser = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if not isinstance(chooser, QFileDialog) or not chooser.isAncestorOf(focus):
            QTimer.singleShot(50, answer_the_dialog)  # not up, or not yet taking keys
            return
        seen["name"] = chooser.selectedFiles()
        qtbot.keyClick(focus, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(focus, str(out))
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    try:
        QTimer.singleShot(0, answer_the_dialog)
        click_menu(qtbot, launched.window, "&File", "Back up &now…")
        actions = launched.window.data_actions
        qtbot.waitUntil(lambda: actions.message is not None, timeout=60_000)
        assert actions.message.icon() == QMessageBox.Icon.Information
        assert str(out) in actions.message.text()
        assert "-backup-" in seen["name"][0]  # the suggested name: DATABASE-backup-DATE.json
        empty = postgres_server.create_database(empty=True)
        assert run(["restore", str(out), "--db", empty, "--quiet"]) == 0
        a, b = open_database(url), open_database(empty)
        try:
            assert_same_tables(a.engine, b.engine)
        finally:
            a.close()
            b.close()
    finally:
        launched.opener.close()
        postgres_server.drop_database(url)
        if empty is not None:
            postgres_server.drop_database(empty)


def test_back_up_now_on_a_file_makes_a_copy_beside_it(qtbot, tmp_path):
    path = tmp_path / "diary.sqlite"
    assert run(["demo", "--db", str(path)]) == 0
    launched = _launch(qtbot, str(path))
    try:
        window = launched.window
        click_menu(qtbot, window, "&File", "Back up &now…")
        qtbot.waitUntil(
            lambda: "Backed up to" in window.statusBar().currentMessage(), timeout=30_000
        )
        assert any((tmp_path / "diary-backups").iterdir())
        assert QApplication.activeModalWidget() is None  # no file chooser for a file
    finally:
        launched.opener.close()
