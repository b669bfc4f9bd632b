"""File ▸ Export match… as a user meets it: the save dialog, a typed name, the summary."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.ui.keys import CTRL, SHIFT, question
from tests.ui.pages import open_match_page


def test_a_name_ending_in_xml_exports_sportscode_that_kloppy_reads(
    qtbot, window, services, demo_match_id, tmp_path
):
    from kloppy import sportscode

    window.refresh()
    open_match_page(qtbot, window, demo_match_id)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL | SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
    chooser = QApplication.activeModalWidget()
    assert "SportsCode XML (*.xml)" in chooser.nameFilters()
    focus = QApplication.focusWidget
    qtbot.waitUntil(lambda: focus() is not None and focus().window() is chooser)
    out = tmp_path / "england-france.xml"
    name = QApplication.focusWidget()
    qtbot.keyClick(name, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(name, str(out))
    qtbot.keyClick(name, Qt.Key.Key_Return)
    box = question(qtbot)
    assert box.icon() == QMessageBox.Icon.Information and str(out) in box.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    with open(out, "rb") as data:
        codes = sportscode.load(data).records
    detail = services.matches.get_match(demo_match_id)
    assert sorted(int(c.code_id) for c in codes) == sorted(m.id for m in detail.moments)
