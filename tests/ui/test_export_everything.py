"""File ▸ Export everything as MatchNotes JSON: through the menu and the file dialog as
a user meets them; the file imports into an empty database table for table."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from matchnotes.db.database import open_database
from matchnotes.services.imports import ImportService
from tests.db_compare import assert_same_tables
from tests.ui.keys import click_menu


def test_export_everything_from_the_file_menu(qtbot, window, database, demo_match_id, tmp_path):
    out = tmp_path / "everything.json"
    seen = {}

    def answer_the_dialog():  # runs inside the dialog's own event loop
        chooser = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if not isinstance(chooser, QFileDialog) or not chooser.isAncestorOf(focus):
            QTimer.singleShot(50, answer_the_dialog)  # not up, or not yet taking keys
            return
        seen["filters"] = chooser.nameFilters()
        field = QApplication.focusWidget()
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(field, str(out))  # replaces the suggested name
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    QTimer.singleShot(0, answer_the_dialog)
    click_menu(qtbot, window, "&File", "Export &everything as MatchNotes JSON…")
    qtbot.waitUntil(lambda: window.data_actions.message is not None, timeout=30_000)
    assert seen["filters"] == ["MatchNotes JSON (*.json)"]
    message = window.data_actions.message
    assert message.icon() == QMessageBox.Icon.Information and str(out) in message.text()

    empty = open_database(tmp_path / "imported.sqlite")
    try:
        ImportService(empty.engine).import_file(out)
        assert_same_tables(database.engine, empty.engine)
    finally:
        empty.close()
