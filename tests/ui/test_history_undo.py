"""Edit ▸ Undo over the history in the database: a change made with the CLI is undone
with Ctrl+Z in the window, and an undo still works after the window is opened again on
a new connection (the app restarted)."""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMenu

from matchnotes.cli import run
from matchnotes.db.database import open_database
from matchnotes.services import Services
from matchnotes.ui.main_window import MainWindow
from tests.ui.pages import open_match_page

CTRL = Qt.KeyboardModifier.ControlModifier


def _edit_menu_texts(qtbot, window):
    """Open the Edit menu by its key (Alt+E), read it as a user does, close it."""
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    texts = [a.text().replace("&", "") for a in menu.actions()][:2]
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    return texts


def _set_name_in_the_history(qtbot, window, name):
    """Edit ▸ Your name (shown on what you log)… (Alt+E, N), the name typed, Enter."""
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_N)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QInputDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    assert dialog.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), name)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()  # back to the window (the offscreen platform leaves it inactive)
    qtbot.waitUntil(window.isActiveWindow)


def test_a_change_made_with_the_cli_is_undone_by_ctrl_z_in_the_window(
    qtbot, window, services, demo_match_id, db_path, capsys
):
    page = open_match_page(qtbot, window, demo_match_id)
    moments = len(services.moments.moments(demo_match_id))
    line = ["log", "--match", str(demo_match_id), "60 yellow Kane", "--db", str(db_path)]
    assert run([*line, "--author", "Sam Reporter"]) == 0
    services.history.use_author(None)  # the CLI ran in this process: back to the window's
    assert len(services.moments.moments(demo_match_id)) == moments + 1

    assert _edit_menu_texts(qtbot, window)[0] == "Undo Logged 60' Yellow card Harry Kane"
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert len(services.moments.moments(demo_match_id)) == moments
    assert page.moments.model().rowCount() == moments  # the page reloaded
    assert _edit_menu_texts(qtbot, window)[1] == "Redo Logged 60' Yellow card Harry Kane"
    entries = services.history.list(limit=2)
    assert entries[0].summary == "Undid: Logged 60' Yellow card Harry Kane"
    assert entries[1].author == "Sam Reporter" and entries[1].undone


def test_an_undo_after_the_window_is_opened_again(qtbot, window, services, demo_match_id, db_path):
    page = open_match_page(qtbot, window, demo_match_id)
    first = services.moments.moments(demo_match_id)[0]
    page.moments.setFocus()
    page.moments.selectRow(0)
    qtbot.keyClick(page.moments, Qt.Key.Key_Delete)
    assert services.moments.moments(demo_match_id)[0].id != first.id
    window.close()
    services.engine.dispose()

    db = open_database(db_path)  # the app started again: a new engine on the same file
    try:
        again = MainWindow(Services.create(db.engine), "test.sqlite")
        qtbot.addWidget(again)
        again.show()
        again.activateWindow()
        qtbot.waitUntil(again.isActiveWindow)
        _set_name_in_the_history(qtbot, again, "Night Desk")
        assert _edit_menu_texts(qtbot, again)[0].startswith(f"Undo Deleted {first.minute}")
        qtbot.keyClick(again, Qt.Key.Key_Z, CTRL)
        restored = again.services.moments.moments(demo_match_id)[0]
        assert (restored.id, restored.description) == (first.id, first.description)
        qtbot.keyClick(again, Qt.Key.Key_Y, CTRL)  # redo
        assert again.services.moments.moments(demo_match_id)[0].id != first.id
        assert again.services.history.list(limit=1)[0].author == "Night Desk"
        again.close()
    finally:
        QSettings().remove("history/author")
        db.close()
