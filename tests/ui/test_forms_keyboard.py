"""Every form by the keyboard alone (tests/ui/keys.py sends the keys where a user's go)."""

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit

from matchnotes.ui.dialogs.simple_dialogs import NoteDialog, QuoteDialog
from matchnotes.ui.views.match_page import MatchPage
from tests.ui.keys import (
    CTRL,
    SHIFT,
    closed,
    given_back,
    key,
    modal,
    open_form,
    question,
    type_keys,
)  # fmt: skip
from tests.ui.pages import open_match_page, read_again


@pytest.fixture
def match_page(qtbot, window, demo_match_id):
    window.refresh()
    page = open_match_page(qtbot, window, demo_match_id)
    assert isinstance(page, MatchPage)
    return page


def test_space_and_enter_never_cancel_and_tab_reaches_ok_before_cancel(qtbot, window):
    form = open_form(qtbot, window, Qt.Key.Key_N)
    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_Return)  # nothing valid to save: the form stays, focus too
    assert form.isVisible() and QApplication.focusWidget() is form.home
    assert form.error_label.text() == "Type the home team."
    key(qtbot, Qt.Key.Key_Backspace)
    type_keys(qtbot, "Wales")
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Iran")
    stops = []
    while QApplication.focusWidget() is not form.cancel_button:
        key(qtbot, Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    assert stops[-2:] == [form.ok_button, form.cancel_button]
    assert stops[0] is form.date and form.tags in stops
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.home  # round again
    key(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is form.cancel_button
    key(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is form.ok_button
    key(qtbot, Qt.Key.Key_Space)
    closed(qtbot, form)
    assert window.tabs.currentWidget().title().startswith("Wales")


def test_escape_asks_before_discarding_a_changed_form(qtbot, window, services):
    form = open_form(qtbot, window, Qt.Key.Key_N)
    key(qtbot, Qt.Key.Key_Escape)  # untouched: closes without a question
    closed(qtbot, form)
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)

    form = open_form(qtbot, window, Qt.Key.Key_N)
    type_keys(qtbot, "Arsenal")
    key(qtbot, Qt.Key.Key_Escape)
    box = question(qtbot)
    assert box.text() == "Discard the changes?"
    key(qtbot, Qt.Key.Key_Escape)  # Escape on the question keeps the input
    qtbot.waitUntil(lambda: not box.isVisible())
    assert form.isVisible() and form.home.text() == "Arsenal"
    given_back(qtbot, form)
    key(qtbot, Qt.Key.Key_Escape)
    box = question(qtbot)
    key(qtbot, Qt.Key.Key_Return)  # so does Enter: the default is to keep editing
    qtbot.waitUntil(lambda: not box.isVisible())
    assert form.isVisible()
    given_back(qtbot, form)
    key(qtbot, Qt.Key.Key_Escape)
    question(qtbot)
    key(qtbot, Qt.Key.Key_D)  # &Discard
    closed(qtbot, form)
    assert services.matches.list_matches() == []


@pytest.mark.parametrize(
    ("shortcut", "modifiers", "first"),
    [
        (Qt.Key.Key_M, CTRL, "minute"),
        (Qt.Key.Key_Q, CTRL | SHIFT, "speaker"),
        (Qt.Key.Key_N, CTRL | SHIFT, "text"),
        (Qt.Key.Key_L, CTRL | SHIFT, "team"),  # Ctrl+L opens the line-up editor
    ],
)
def test_every_match_form_opens_in_its_first_field(qtbot, window, match_page, shortcut, modifiers,
                                                    first):  # fmt: skip
    form = open_form(qtbot, window, shortcut, modifiers)
    assert QApplication.focusWidget() is getattr(form, first)
    assert form.ok_button.isDefault() and not form.cancel_button.isDefault()
    key(qtbot, Qt.Key.Key_Escape)
    closed(qtbot, form)


def test_quote_words_are_left_by_tab_and_saved_by_ctrl_enter(qtbot, window, match_page, services):
    before = len(services.quotes.all())
    form = open_form(qtbot, window, Qt.Key.Key_Q, CTRL | SHIFT)
    assert isinstance(form, QuoteDialog)
    type_keys(qtbot, "Didier Desch")
    assert QApplication.activePopupWidget() is not None  # the name completer is up
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)  # picks the name; the form is not submitted
    assert form.isVisible() and form.speaker.text() == "Didier Deschamps"
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.text
    type_keys(qtbot, "We lost to a good side.")
    key(qtbot, Qt.Key.Key_Return)  # a new line in the words, not a submit
    type_keys(qtbot, "Kane will be fine.")
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.context
    key(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is form.text
    key(qtbot, Qt.Key.Key_Tab, CTRL)
    assert QApplication.focusWidget() is form.context
    key(qtbot, Qt.Key.Key_Tab, SHIFT)
    key(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert QApplication.focusWidget() is form.speaker
    key(qtbot, Qt.Key.Key_Tab)
    assert "\t" not in form.text.toPlainText()
    key(qtbot, Qt.Key.Key_Return, CTRL)
    closed(qtbot, form)
    quotes = services.quotes.all()
    assert len(quotes) == before + 1
    assert any(q.text == "We lost to a good side.\nKane will be fine." for q in quotes)


def test_note_saved_by_ctrl_enter_from_its_text(qtbot, window, match_page, services):
    form = open_form(qtbot, window, Qt.Key.Key_N, CTRL | SHIFT)
    assert isinstance(form, NoteDialog) and isinstance(QApplication.focusWidget(), QPlainTextEdit)
    type_keys(qtbot, "Watched in the pub.")
    key(qtbot, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
    closed(qtbot, form)
    read_again(qtbot, match_page)  # saved: the page is read again on a worker
    assert "Watched in the pub." in [n.text for n in match_page.detail.notes]


def test_enter_in_a_combo_submits_the_line_up_form(qtbot, window, match_page, services):
    form = open_form(qtbot, window, Qt.Key.Key_L, CTRL | SHIFT)
    type_keys(qtbot, "F")  # the team list jumps to France
    assert form.team.currentText() == "France"
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Eduardo Camavinga")
    key(qtbot, Qt.Key.Key_Tab, times=2)
    type_keys(qtbot, "25")
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "FW")
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, form)
    entry = next(e for e in services.lineups.lineup(match_page.match_id) if e.shirt_number == 25)
    assert (entry.name, entry.team, entry.position) == ("Eduardo Camavinga", "France", "FW")


def test_an_edit_form_opened_from_the_moments_list(qtbot, window, match_page, services):
    table = match_page.moments
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 0)).center())  # fmt: skip
    form = open_form(qtbot, window, Qt.Key.Key_E)  # Edit ▸ Edit selected
    assert form.windowTitle() == "Edit moment"
    assert QApplication.focusWidget() is form.minute and form.minute.selectedText() == "17"
    key(qtbot, Qt.Key.Key_Escape)  # nothing changed: no question
    closed(qtbot, form)
    form = open_form(qtbot, window, Qt.Key.Key_E)
    type_keys(qtbot, "18")
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, form)
    moments = services.matches.get_match(match_page.match_id).moments
    assert moments[0].minute_text == "18'"


def test_editing_a_quote_by_keys_keeps_when_it_was_said(qtbot, window, services, demo_match_id):
    """The form does not show the time a quote was said (an import brings it): an edit of
    the words leaves it as it was."""
    quote = services.quotes.all()[0]
    when = dt.datetime(2022, 12, 10, 22, 41, tzinfo=dt.UTC)
    _, data, _ = services.quotes.get_input(quote.id)
    services.quotes.update(quote.id, replace(data, said_at=when))
    window.refresh()
    page = open_match_page(qtbot, window, demo_match_id)
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())  # Quotes
    rect = page.quotes.visualRect(page.quotes.model().index(0, 1))
    qtbot.mouseClick(page.quotes.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    key(qtbot, Qt.Key.Key_Return)  # opens the selected quote's form
    form = modal(qtbot, QuoteDialog)
    qtbot.waitUntil(lambda: form.reads_pending == 0)
    qtbot.mouseClick(form.text.viewport(), Qt.MouseButton.LeftButton)  # into the words
    key(qtbot, Qt.Key.Key_End, CTRL)
    type_keys(qtbot, " Really.")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    closed(qtbot, form)
    edited = next(q for q in services.quotes.all() if q.id == quote.id)
    assert edited.text.endswith(" Really.") and edited.said_at == when
