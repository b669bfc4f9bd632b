"""Help ▸ Quick entry: the grammar users type, and every shortcut, opened with F1."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTextBrowser


def test_f1_shows_the_grammar_and_the_shortcuts(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window._help is not None and window._help.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window._help)
    text = window._help.findChild(QTextBrowser).toPlainText()
    assert "84 pen miss Kane" in text and "Period markers" in text
    # Shortcuts come from the menus themselves.
    assert "Match ▸ New match" in text and "Ctrl+N" in text
    assert "Match ▸ Quick entry" in text and "F2" in text
    # Escape closes it; F1 brings the same window back.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window._help.isVisible())
    first = window._help
    window.activateWindow()  # a window manager does this when the dialog closes; offscreen has none
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window._help.isVisible())
    assert window._help is first
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window._help)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window._help.isVisible())
