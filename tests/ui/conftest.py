import pytest
from PySide6.QtCore import QSettings, QThreadPool

from matchnotes.ui.main_window import MainWindow
from tests.ui.gates import gates  # noqa: F401  # a fixture: a call held on its worker


@pytest.fixture
def window(qtbot, services):
    QSettings().clear()  # each test starts like a first launch
    win = MainWindow(services, "test.sqlite")
    qtbot.addWidget(win)
    win.show()
    yield win
    # Closed, and its reads on workers ended, before the database closes: a server
    # connection a read still held would be left open (and warned about in a later test).
    win.close()
    QThreadPool.globalInstance().waitForDone(10_000)
