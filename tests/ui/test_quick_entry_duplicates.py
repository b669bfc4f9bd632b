"""The same goal typed twice: the quick-entry line asks before saving it again."""

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.pages import open_match_page
from tests.ui.test_live_logging import _fresh_match_with_demo_lineups

QUESTION = "Looks like 54' Goal Harry Kane again — press Enter again to save it anyway."


def test_a_possible_duplicate_asks_and_enter_again_saves_it(qtbot, window, services, demo_match_id):
    match_id = _fresh_match_with_demo_lineups(services, demo_match_id)
    window.refresh()
    page = open_match_page(qtbot, window, match_id)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    line = QApplication.focusWidget()
    assert line is page.quick_entry.line
    qtbot.keyClicks(line, "54 goal ENG#9")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert line.text() == "" and page.moments.model().rowCount() == 1

    qtbot.keyClicks(line, "54 goal ENG#9")
    preview = page.quick_entry.preview
    assert preview.text() == "Looks like 54' Goal Harry Kane again: it is logged already."
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert preview.text() == QUESTION
    assert line.text() == "54 goal ENG#9" and page.moments.model().rowCount() == 1
    if os.environ.get("MATCHNOTES_SHOTS"):
        page.grab().save(os.path.join(os.environ["MATCHNOTES_SHOTS"], "duplicate.png"))

    # Editing the line asks again; Enter twice on the same words saves it.
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line, "9")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert preview.text() == QUESTION and page.moments.model().rowCount() == 1
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert line.text() == "" and page.moments.model().rowCount() == 2
    assert "England 2–0 France" in page.header.text()
    assert preview.text().startswith("Saved: 54' · Goal · England · Harry Kane")
