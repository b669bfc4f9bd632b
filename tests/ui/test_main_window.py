"""The main window on a real database, driven by keys like a user."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from matchnotes.ui.main_window import MainWindow


def test_lists_the_demo_match(qtbot, services, demo_match_id, tmp_path):
    window = MainWindow(services, "test.sqlite")
    qtbot.addWidget(window)
    window.show()
    view = window.matches_view
    assert view.stack.currentWidget() is view.table
    model = view.table.model()
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[:6] == ["2022-12-10", "FIFA World Cup", "Quarter-final", "England", "1–2", "France"]
    assert window.statusBar().currentMessage() == "1 match"
    window.grab().save(str(tmp_path / "main_window.png"))


def test_empty_database_shows_what_to_do(qtbot, services):
    window = MainWindow(services, "empty.sqlite")
    qtbot.addWidget(window)
    view = window.matches_view
    assert view.stack.currentWidget() is view.empty_label
    assert "No matches yet" in view.empty_label.text()
    assert not view.filter_edit.isEnabled()


def test_filter_and_open_with_enter(qtbot, services, demo_match_id, make_match):
    make_match("Leeds United", "Chelsea")
    window = MainWindow(services, "test.sqlite")
    qtbot.addWidget(window)
    window.show()
    view = window.matches_view
    assert view.table.model().rowCount() == 2
    qtbot.keyClicks(view.filter_edit, "franc")
    assert view.table.model().rowCount() == 1
    view.table.setFocus()
    view.table.setCurrentIndex(view.table.model().index(0, 0))
    with qtbot.waitSignal(view.match_activated) as signal:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert signal.args == [demo_match_id]
    box = window.findChild(QMessageBox)
    assert box is not None and box.text() == "England 1–2 France"
    box.close()
