"""The Draft tab on the match page, by clicks and keys: a sentence selects its source,
edits are saved in place, a changed moment marks its sentence stale, regenerating keeps
edits unless the user says otherwise, and the text goes to the clipboard."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from matchnotes.ui.views.match_page import MatchPage
from tests.ui.keys import CTRL, closed, key, open_form, question, type_keys
from tests.ui.pages import open_match_page, pages_read

pytestmark = pytest.mark.usefixtures("demo_match_id")


@pytest.fixture
def page(qtbot, window, demo_match_id):
    window.refresh()
    page = open_match_page(qtbot, window, demo_match_id)
    assert isinstance(page, MatchPage)
    _click_tab(qtbot, page, page.draft)
    return page


def _click_tab(qtbot, page, widget):
    bar = page.tabs.tabBar()
    pos = bar.tabRect(page.tabs.indexOf(widget)).center()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=pos)
    assert page.tabs.currentWidget() is widget


def _row(page, key):
    items = page.draft.sentences
    return next(
        i for i in range(items.count()) if items.item(i).data(Qt.ItemDataRole.UserRole + 1) == key
    )


def _click(qtbot, page, row, double=False):
    view = page.draft.sentences
    view.scrollToItem(view.item(row))
    pos = view.visualItemRect(view.item(row)).center()
    click = qtbot.mouseDClick if double else qtbot.mouseClick
    if double:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    click(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _moment(services, match_id, minute):
    return next(m for m in services.matches.get_match(match_id).moments if m.minute_text == minute)


def test_clicking_a_sentence_selects_its_moment_and_names_its_sources(qtbot, page, services):
    penalty = _moment(services, page.match_id, "54'")
    _click(qtbot, page, _row(page, f"goal:{penalty.id}:milestone"))
    assert page.timeline.selected_id == penalty.id
    assert page.moments.current_id() == penalty.id
    assert page.draft.source.text() == (
        "Source: 54' · Penalty goal · Harry Kane; career tally (baseline + goals logged); "
        "team record (from career baselines)"
    )
    quote = next(q for q in services.quotes.for_match(page.match_id) if "Gareth" in q.speaker)
    _click(qtbot, page, _row(page, f"quote:{quote.id}"))
    assert page.quotes.current_id() == quote.id
    key(qtbot, Qt.Key.Key_Delete)  # Delete on the Draft tab deletes no record
    assert len(services.quotes.for_match(page.match_id)) == 4


def test_edit_in_place_stale_regenerate_and_copy(qtbot, window, page, services):
    miss = _moment(services, page.match_id, "84'")
    opener = _moment(services, page.match_id, "17'")
    row = _row(page, f"goal:{opener.id}")
    _click(qtbot, page, row, double=True)
    editor = QApplication.focusWidget()
    assert editor is not page.draft.sentences  # the sentence's editor is open
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "Tchouameni's rocket from 25 yards put France ahead.")
    key(qtbot, Qt.Key.Key_Return)  # the delegate commits on the next turn of the loop
    qtbot.waitUntil(lambda: page.draft.sentences.state() != page.draft.sentences.State.EditingState)
    saved = services.draft.current(page.match_id).sentence(f"goal:{opener.id}")
    assert saved.edited and saved.text == "Tchouameni's rocket from 25 yards put France ahead."
    assert page.draft.sentences.item(row).font().italic()
    assert page.draft.status.text().startswith("Saved draft · 1 edited · 0 stale")

    # The user corrects the miss in the moment form: its sentences turn stale.
    _click_tab(qtbot, page, page.moments)
    table = page.moments
    index = next(
        table.model().index(r, 0) for r in range(table.model().rowCount())
        if table.id_at(table.model().index(r, 0)) == miss.id
    )  # fmt: skip
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    form = open_form(qtbot, window, Qt.Key.Key_E)
    qtbot.mouseClick(form.description, Qt.MouseButton.LeftButton)
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "hit the post")
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, form)
    pages_read(qtbot)  # saved: the page is read again on a worker
    bar = page.tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(page.tabs.indexOf(page.draft)).center()
    )
    miss_item = page.draft.sentences.item(_row(page, f"miss:{miss.id}"))
    assert not miss_item.icon().isNull() and "changed" in miss_item.toolTip()
    assert "over the bar" in miss_item.text()
    assert " stale (the notes changed" in page.draft.status.text()

    qtbot.mouseClick(page.draft.regenerate_button, Qt.MouseButton.LeftButton)
    miss_item = page.draft.sentences.item(_row(page, f"miss:{miss.id}"))
    assert miss_item.icon().isNull()
    assert "post" in miss_item.text() or "woodwork" in miss_item.text()
    edited = page.draft.sentences.item(row)
    assert edited.text() == "Tchouameni's rocket from 25 yards put France ahead."  # kept

    # Regenerate all asks first; No keeps the edit, Yes replaces it.
    qtbot.mouseClick(page.draft.regenerate_all_button, Qt.MouseButton.LeftButton)
    box = question(qtbot)
    assert "1 edited sentence will be replaced" in box.text()
    key(qtbot, Qt.Key.Key_Escape)
    closed(qtbot, box)
    assert page.draft.sentences.item(row).text().startswith("Tchouameni's rocket")
    qtbot.mouseClick(page.draft.regenerate_all_button, Qt.MouseButton.LeftButton)
    box = question(qtbot)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    closed(qtbot, box)
    assert "Aurélien Tchouaméni" in page.draft.sentences.item(row).text()
    assert not page.draft.sentences.item(row).font().italic()

    qtbot.mouseClick(page.draft.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert copied == services.draft.current(page.match_id).plain_text()
    assert copied.startswith("France beat England") and "post" in copied
