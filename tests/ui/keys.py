"""Keys sent where a user's keys go: the active popup (a completer, the calendar) or
else the focused widget; forms opened by their shortcuts and answered by keys."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from matchnotes.ui.dialogs.form import FormDialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def target():
    """Where Qt delivers a key typed now (QWidgetWindow::handleKeyEvent)."""
    popup = QApplication.activePopupWidget()
    if popup is not None:
        return popup.focusWidget() or popup
    return QApplication.focusWidget()


def type_keys(qtbot, text):
    qtbot.keyClicks(target(), text)


def key(qtbot, which, modifiers=Qt.KeyboardModifier.NoModifier, times=1):
    for _ in range(times):
        qtbot.keyClick(target(), which, modifiers)


def given_back(qtbot, window):
    """A dialog just closed: keys go to the window under it again (the form hands the
    activation back itself; offscreen, like a bare X server, has no window manager)."""
    qtbot.waitUntil(window.isActiveWindow)


def open_form(qtbot, window, shortcut, modifiers=CTRL):
    given_back(qtbot, window)
    qtbot.keyClick(window, shortcut, modifiers)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), FormDialog))
    form = QApplication.activeModalWidget()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def question(qtbot):
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    qtbot.waitUntil(box.isActiveWindow)
    return box


def closed(qtbot, form):
    qtbot.waitUntil(lambda: not form.isVisible())
