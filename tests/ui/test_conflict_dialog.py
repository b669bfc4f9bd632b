"""No silent overwrite, as a user meets it: a form open while someone else (another app
on the same file) changes the same moment is refused on submit with a dialog showing
both, and the page then shows the other's change. Who logged what is on the page."""

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from matchnotes.db.database import open_database
from matchnotes.services import Services
from matchnotes.services.change_log import set_author
from matchnotes.ui.dialogs.moment_dialog import MomentDialog
from tests.ui.keys import CTRL, closed, given_back, key, open_form, question, type_keys

BY = 7  # the moments table's "By" column
DESCRIPTION = 4


@pytest.fixture
def other(db_target, services):
    """Sam's app: its own connection to the same database (a file, or a server's)."""
    db = open_database(db_target)
    yield Services.create(db.engine)
    db.close()
    set_author(None)


def _sam_edits(other, moment_id, text):
    set_author("Sam Reporter")
    _, data = other.moments.get_input(moment_id)
    other.moments.update(moment_id, dataclasses.replace(data, description=text))
    set_author("Alex Desk")  # back to the user of the window


def _opened(qtbot, window, match_id):
    """The match page, once its worker has filled it (it opens before its data)."""
    page = window.open_match(match_id)
    qtbot.waitUntil(lambda: page.detail is not None and page.moments.model().rowCount() > 0)
    return page


def _select_first_moment(qtbot, window, page):
    given_back(qtbot, window)
    page.tabs.setCurrentIndex(0)
    table = page.moments
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return page.moments.current_id()


def test_a_form_saved_over_someone_elses_newer_change_is_refused_in_a_dialog(
    qtbot, window, services, other, demo_match_id
):
    set_author("Alex Desk")
    page = _opened(qtbot, window, demo_match_id)
    moment_id = _select_first_moment(qtbot, window, page)
    form = open_form(qtbot, window, Qt.Key.Key_E)  # Edit ▸ Edit selected
    assert isinstance(form, MomentDialog)
    _sam_edits(other, moment_id, "Sam's words")  # while the form is open

    qtbot.mouseClick(form.description, Qt.MouseButton.LeftButton)
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "my words")
    key(qtbot, Qt.Key.Key_Return)

    box = question(qtbot)
    message = box.text()
    assert message.startswith("Sam Reporter changed this moment at ")
    assert "Now: " in message and "Sam's words" in message
    assert "Yours: " in message and "my words" in message and "Reload" in message
    assert not form.isVisible()  # the form closed: nothing half-written
    key(qtbot, Qt.Key.Key_Return)  # OK
    closed(qtbot, box)
    qtbot.waitUntil(lambda: page.moments.source.row_at(0).description == "Sam's words")
    row = page.moments.source.row_at(0)  # the page reloaded (on its worker)
    assert row.id == moment_id and row.description == "Sam's words"  # the page reloaded
    shown = page.moments.model().index(0, DESCRIPTION).data()
    assert shown == "Sam's words"
    assert services.moments.moments(demo_match_id)[0].description == "Sam's words"


def test_deleting_a_moment_someone_changed_since_is_refused_in_a_dialog(
    qtbot, window, services, other, demo_match_id
):
    page = _opened(qtbot, window, demo_match_id)
    moment_id = _select_first_moment(qtbot, window, page)
    _sam_edits(other, moment_id, "Sam's words")
    key(qtbot, Qt.Key.Key_Delete)  # the page still shows the older version
    box = question(qtbot)
    assert "Sam Reporter changed this moment" in box.text() and "delete it" in box.text()
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, box)
    assert moment_id in {m.id for m in services.moments.moments(demo_match_id)}
    qtbot.waitUntil(lambda: page.moments.source.row_at(0).description == "Sam's words")


def test_the_page_shows_who_logged_each_moment_and_quote(qtbot, window, other, demo_match_id):
    set_author("Sam Reporter")
    other.quick_entry.record(demo_match_id, "60 yellow Kane")
    other.quick_entry.record(demo_match_id, "q Southgate: We kept going")
    set_author(None)
    page = _opened(qtbot, window, demo_match_id)
    model = page.moments.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "60'")
    assert model.index(row, BY).data() == "Sam Reporter"
    assert "Logged by Sam Reporter" in model.index(row, BY).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, BY).data() == ""  # the demo's sample moments: nobody logged them
    quotes = page.quotes.model()
    by = next(c for c in range(quotes.columnCount())
              if quotes.headerData(c, Qt.Orientation.Horizontal) == "By")  # fmt: skip
    page.tabs.setCurrentIndex(2)  # the Quotes tab (filled when first shown)

    def texts():
        return [quotes.index(r, 1).data() for r in range(quotes.rowCount())]

    qtbot.waitUntil(lambda: "We kept going" in texts())
    assert quotes.index(texts().index("We kept going"), by).data() == "Sam Reporter"
    assert QApplication.activeModalWidget() is None
