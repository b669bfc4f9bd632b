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


def _click_into(qtbot, field):
    """Click a text field, as a user does before typing into it; its keys go there."""
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)


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


def test_a_person_renamed_meanwhile_is_refused_and_the_form_keeps_what_was_typed(
    qtbot, window, services, other
):
    from matchnotes.services.inputs import PersonInput
    from matchnotes.ui.dialogs.simple_dialogs import PersonDialog

    person_id = services.people.create(PersonInput("Kylian Mbappe", shirt_number=10))
    set_author("Alex Desk")
    page = window.open_person(person_id)
    qtbot.waitUntil(lambda: "Kylian Mbappe" in page.header.text())
    form = open_form(qtbot, window, Qt.Key.Key_E)  # Edit ▸ Edit selected: this person
    assert isinstance(form, PersonDialog)
    set_author("Sam Reporter")  # Sam renames him while the form is open
    other.people.update(person_id, dataclasses.replace(other.people.get_input(person_id),
                                                       name="Kylian Mbappé"))  # fmt: skip
    set_author("Alex Desk")

    _click_into(qtbot, form.club)
    type_keys(qtbot, "Real Madrid")
    key(qtbot, Qt.Key.Key_Return)

    box = question(qtbot)
    message = box.text()
    assert message.startswith("Sam Reporter changed this person at ")
    assert "Now: Kylian Mbappé, player, #10" in message
    assert "Yours: Kylian Mbappe, player, #10, club Real Madrid" in message
    assert "save again" in message
    assert form.isVisible() and form.club.text() == "Real Madrid"  # nothing typed is lost
    key(qtbot, Qt.Key.Key_Return)  # OK
    closed(qtbot, box)
    qtbot.waitUntil(form.isActiveWindow)
    assert "Not saved" in form.error_label.text()
    assert services.people.get(person_id).name == "Kylian Mbappé"  # Sam's change kept
    assert services.people.get(person_id).club is None
    qtbot.waitUntil(lambda: "Kylian Mbappé" in page.header.text())  # the page reloaded

    # Read, the user takes Sam's spelling and saves again: both changes are kept.
    _click_into(qtbot, form.name)
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "Kylian Mbappé")
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, form)
    saved = services.people.get(person_id)
    assert (saved.name, saved.club) == ("Kylian Mbappé", "Real Madrid")


def test_a_line_up_saved_meanwhile_is_refused_and_the_editor_keeps_the_text(
    qtbot, window, services, other, demo_match_id
):
    from matchnotes.entry.squad_text import parse_squad_text
    from matchnotes.ui.dialogs.lineup_editor import LineupEditorDialog
    from tests.ui.keys import modal

    england = services.matches.get_summary(demo_match_id).home_id
    _opened(qtbot, window, demo_match_id)
    given_back(qtbot, window)
    key(qtbot, Qt.Key.Key_L, CTRL)  # Match ▸ Line-ups…
    editor = modal(qtbot, LineupEditorDialog)
    qtbot.waitUntil(lambda: editor.ready)  # the stored line-ups, read on a worker
    set_author("Sam Reporter")  # Sam saves England's line-up while the editor is open
    text, seen = other.lineups.stored(demo_match_id, england)
    squad = parse_squad_text(text + "30 Aaron Ramsdale GK\n")
    other.lineups.replace(demo_match_id, {england: squad}, {england: seen})
    set_author("Alex Desk")

    key(qtbot, Qt.Key.Key_End, CTRL)
    type_keys(qtbot, "31 Dean Henderson GK")
    key(qtbot, Qt.Key.Key_Return, CTRL)  # save

    box = question(qtbot)
    message = box.text()
    assert message.startswith("Sam Reporter changed England's line-up at ")
    assert "Now: 30 Aaron Ramsdale GK" in message
    assert "Yours: 31 Dean Henderson GK" in message
    assert editor.isVisible() and "31 Dean Henderson GK" in editor.home.text()
    key(qtbot, Qt.Key.Key_Return)  # OK
    closed(qtbot, box)
    qtbot.waitUntil(editor.isActiveWindow)
    assert "Not saved" in editor.error_label.text()
    stored = services.lineups.team_text(demo_match_id, england)
    assert "Aaron Ramsdale" in stored and "Dean Henderson" not in stored  # Sam's kept

    key(qtbot, Qt.Key.Key_Return, CTRL)  # saved again, knowingly: the user's text goes in
    closed(qtbot, editor)
    stored = services.lineups.team_text(demo_match_id, england)
    assert "Dean Henderson" in stored and "Aaron Ramsdale" not in stored


def test_a_team_renamed_meanwhile_is_refused_and_the_team_form_keeps_what_was_typed(
    qtbot, window, services, other
):
    from matchnotes.ui.dialogs.simple_dialogs import TeamDialog

    team = services.catalog.ensure_team("Eire", "IRL")
    services.catalog.ensure_team("England", "ENG")
    window.refresh()
    window.tabs.setCurrentWidget(window.teams_view)
    view = window.teams_view
    qtbot.waitUntil(lambda: view.table.model().rowCount() == 2)
    given_back(qtbot, window)
    _click_into(qtbot, view.filter_edit)
    type_keys(qtbot, "eire")
    qtbot.waitUntil(lambda: view.table.model().rowCount() == 1)
    table = view.table
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    form = open_form(qtbot, window, Qt.Key.Key_E)  # Edit ▸ Edit selected: this team
    assert isinstance(form, TeamDialog) and form.name.text() == "Eire"
    set_author("Sam Reporter")
    other.catalog.update_team(team, "Ireland", "IRL", seen=other.catalog.team(team).version)
    set_author("Alex Desk")

    _click_into(qtbot, form.country)
    type_keys(qtbot, "Ireland")
    key(qtbot, Qt.Key.Key_Return)

    box = question(qtbot)
    assert box.text().startswith("Sam Reporter changed this team at ")
    assert "Now: Ireland (IRL)" in box.text() and "Yours: Eire (IRL), Ireland" in box.text()
    key(qtbot, Qt.Key.Key_Return)  # OK
    closed(qtbot, box)
    qtbot.waitUntil(form.isActiveWindow)
    assert form.country.text() == "Ireland" and "Not saved" in form.error_label.text()
    assert services.catalog.team(team).name == "Ireland"  # Sam's change kept
    key(qtbot, Qt.Key.Key_Escape)  # the user keeps Sam's: discard theirs
    box = question(qtbot)
    key(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Discard
    closed(qtbot, form)
    assert (services.catalog.team(team).name, services.catalog.team(team).country) == (
        "Ireland", None,
    )  # fmt: skip
    # Found by its new name and opened again, the form holds Sam's and saves over it.
    given_back(qtbot, window)
    _click_into(qtbot, view.filter_edit)
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "ireland")
    qtbot.waitUntil(lambda: table.model().index(0, 0).data() == "Ireland")
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    form = open_form(qtbot, window, Qt.Key.Key_E)
    assert form.name.text() == "Ireland"
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "Republic of Ireland")
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, form)
    assert services.catalog.team(team).name == "Republic of Ireland"
