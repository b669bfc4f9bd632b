"""File ▸ Export everything as MatchNotes JSON: through the menu and the file dialog as
a user meets them; the file imports into an empty database table for table."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from matchnotes.db.database import open_database
from matchnotes.services.imports import ImportService
from tests.db_compare import assert_same_tables

LEFT = Qt.MouseButton.LeftButton


def _click_menu(qtbot, window, menu_title, item_text):
    bar = window.menuBar()
    entry = next(a for a in bar.actions() if a.text() == menu_title)
    qtbot.mouseClick(bar, LEFT, pos=bar.actionGeometry(entry).center())
    menu = entry.menu()
    assert isinstance(menu, QMenu)
    qtbot.waitUntil(menu.isVisible)
    item = next(a for a in menu.actions() if a.text() == item_text)
    assert item.isEnabled()
    qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(item).center())


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
    _click_menu(qtbot, window, "&File", "Export &everything as MatchNotes JSON…")
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
