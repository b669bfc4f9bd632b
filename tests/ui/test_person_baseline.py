"""The person form takes a career baseline; the person page counts it with what is logged."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from matchnotes.ui.views.person_page import PersonPageView
from tests.ui.keys import CTRL, SHIFT, closed, key, open_form, type_keys


def _click_and_type(qtbot, widget, text):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is widget
    qtbot.keyClicks(widget, text)


def _tally_row(page):
    model = page.tallies.model()
    return [model.index(0, c).data() for c in range(model.columnCount())]


def test_a_baseline_typed_on_the_form_shows_on_the_person_page(qtbot, window, services):
    dialog = open_form(qtbot, window, Qt.Key.Key_P, CTRL | SHIFT)
    type_keys(qtbot, "Ellen White")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    _click_and_type(qtbot, dialog.baseline.team, "England")
    assert not ok.isEnabled()  # a team without a date or numbers says what is missing
    assert "date" in dialog.error_label.text()
    _click_and_type(qtbot, dialog.baseline.as_of, "2022-08-01")
    assert "caps or the goals" in dialog.error_label.text()
    _click_and_type(qtbot, dialog.baseline.goals, "5x")
    assert "whole number" in dialog.error_label.text()
    key(qtbot, Qt.Key.Key_Backspace)
    _click_and_type(qtbot, dialog.baseline.caps, "113")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    closed(qtbot, dialog)
    (person,) = services.people.find("ellen white")
    page = window.open_person(person.id)
    assert isinstance(page, PersonPageView)
    qtbot.waitUntil(lambda: _tally_row(page)[0] == "England")  # read on a worker
    row = _tally_row(page)
    assert row[:4] == ["England", "113", "0", "5"]
    assert row[-1] == "baseline to 2022-08-01 + logged"
    # Editing keeps the baseline on the form; clearing the team removes it.
    dialog = open_form(qtbot, window, Qt.Key.Key_E)
    assert dialog.baseline.goals.text() == "5" and dialog.baseline.caps.text() == "113"
    qtbot.mouseClick(dialog.baseline.team, Qt.MouseButton.LeftButton)
    key(qtbot, Qt.Key.Key_A, CTRL)
    key(qtbot, Qt.Key.Key_Delete)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    closed(qtbot, dialog)
    assert services.people.get_input(person.id).baselines == ()
