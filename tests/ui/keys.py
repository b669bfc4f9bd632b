"""Keys sent where a user's keys go: the active popup (a completer, the calendar) or
else the focused widget; forms opened by their shortcuts and answered by keys."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

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
    if text.isascii():
        qtbot.keyClicks(target(), text)
    else:
        for char in text:
            type_char(qtbot, char)


def type_char(qtbot, char):
    """One character as a keyboard sends it; QTest.keyClicks takes ASCII only, so an
    accented letter (a key of a Spanish or French layout) is its own key event."""
    if char.isascii():
        qtbot.keyClicks(target(), char)
        return
    try:
        code = Qt.Key(ord(char.upper()))  # Qt names Latin-1 keys by their capital
    except ValueError:
        code = Qt.Key.Key_unknown
    QTest.sendKeyEvent(QTest.KeyAction.Click, target(), code, char, Qt.KeyboardModifier.NoModifier)


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
    qtbot.waitUntil(lambda: form.reads_pending == 0)  # its names to complete, from a worker
    return form


def question(qtbot):
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    qtbot.waitUntil(box.isActiveWindow)
    return box


def closed(qtbot, form):
    qtbot.waitUntil(lambda: not form.isVisible())


def modal(qtbot, kind):
    """The dialog of ``kind`` that just came up, once it has the keyboard."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    focus = QApplication.focusWidget
    qtbot.waitUntil(lambda: focus() is not None and focus().window() is dialog)
    return dialog


def click_menu(qtbot, window, menu_title, item_text):
    """Open a menu of the menu bar and click one of its items, with the mouse."""
    left = Qt.MouseButton.LeftButton
    bar = window.menuBar()
    entry = next(a for a in bar.actions() if a.text() == menu_title)
    qtbot.mouseClick(bar, left, pos=bar.actionGeometry(entry).center())
    menu = entry.menu()
    assert isinstance(menu, QMenu)
    qtbot.waitUntil(menu.isVisible)
    item = next(a for a in menu.actions() if a.text() == item_text)
    assert item.isEnabled()
    qtbot.mouseClick(menu, left, pos=menu.actionGeometry(item).center())
