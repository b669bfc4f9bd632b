import pytest
from PySide6.QtCore import QSettings

from matchnotes.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, services):
    QSettings().clear()  # each test starts like a first launch
    win = MainWindow(services, "test.sqlite")
    qtbot.addWidget(win)
    win.show()
    return win
