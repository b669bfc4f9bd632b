"""Every form by the keyboard alone, keys sent where a user's keys go: the active popup
(a completer, the calendar) or else the focused widget."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit

from matchnotes.ui.dialogs.form import FormDialog
from matchnotes.ui.dialogs.match_dialog import MatchDialog
from matchnotes.ui.dialogs.simple_dialogs import NoteDialog, QuoteDialog
from matchnotes.ui.views.match_page import MatchPage

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _target():
    """Where Qt delivers a key typed now (QWidgetWindow::handleKeyEvent)."""
    popup = QApplication.activePopupWidget()
    if popup is not None:
        return popup.focusWidget() or popup
    return QApplication.focusWidget()


def _type(qtbot, text):
    qtbot.keyClicks(_target(), text)


def _key(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier, times=1):
    for _ in range(times):
        qtbot.keyClick(_target(), key, modifiers)


def _given_back(qtbot, window):
    """A dialog just closed: keys go to the window under it again (the form hands the
    activation back itself; offscreen, like a bare X server, has no window manager)."""
    qtbot.waitUntil(window.isActiveWindow)


def _open_form(qtbot, window, key, modifiers=CTRL):
    _given_back(qtbot, window)
    qtbot.keyClick(window, key, modifiers)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), FormDialog))
    form = QApplication.activeModalWidget()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def _question(qtbot):
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    qtbot.waitUntil(box.isActiveWindow)
    return box


def _closed(qtbot, form):
    qtbot.waitUntil(lambda: not form.isVisible())


@pytest.fixture
def match_page(qtbot, window, demo_match_id):
    window.refresh()
    page = window.open_match(demo_match_id)
    assert isinstance(page, MatchPage)
    return page


def test_new_match_typed_straight_away_is_saved_selected_and_opened(qtbot, window, services):
    form = _open_form(qtbot, window, Qt.Key.Key_N)
    assert isinstance(form, MatchDialog)
    assert QApplication.focusWidget() is form.home
    _type(qtbot, "Morocco")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Portugal")
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.date
    _type(qtbot, "2022-12-10")  # today's date was selected: the typing replaces it
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "18:00")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "FIFA World Cup")
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    _closed(qtbot, form)

    saved = [m for m in services.matches.list_matches() if m.home == "Morocco"]
    assert [(m.away, m.date, m.competition) for m in saved] == [
        ("Portugal", dt.date(2022, 12, 10), "FIFA World Cup")
    ]
    page = window.tabs.currentWidget()
    assert isinstance(page, MatchPage) and page.match_id == saved[0].id
    assert window.matches_view.table.current_id() == saved[0].id
    assert services.matches.get_input(saved[0].id).kickoff_time == dt.time(18, 0)


def test_new_match_of_an_old_date_is_selected_below_the_first_screen(
    qtbot, window, services, make_match
):
    for day in range(1, 29):  # more recent matches than the list shows at first
        make_match(f"Home {day}", f"Away {day}", dt.date(2024, 2, day))
    window.refresh()
    form = _open_form(qtbot, window, Qt.Key.Key_N)
    _type(qtbot, "England")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "West Germany")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "1966-07-30")
    _key(qtbot, Qt.Key.Key_Return)  # Enter in a single-line field submits a valid form
    _closed(qtbot, form)
    created = window.actions_.last_created_match
    assert services.matches.get_input(created).date == dt.date(1966, 7, 30)
    assert window.matches_view.table.current_id() == created
    assert window.tabs.currentWidget().match_id == created


def test_a_new_match_hidden_by_the_list_filter_is_shown_all_the_same(
    qtbot, window, services, demo_match_id
):
    window.refresh()
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    _type(qtbot, "England")
    assert window.matches_view.table.model().rowCount() == 1
    form = _open_form(qtbot, window, Qt.Key.Key_N)
    _type(qtbot, "Chile")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Peru")
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    _closed(qtbot, form)
    created = window.actions_.last_created_match
    assert window.tabs.currentWidget().match_id == created
    assert window.matches_view.filter_edit.text() == ""  # else the new match were hidden
    assert window.matches_view.table.current_id() == created


def test_space_and_enter_never_cancel_and_tab_reaches_ok_before_cancel(qtbot, window):
    form = _open_form(qtbot, window, Qt.Key.Key_N)
    _key(qtbot, Qt.Key.Key_Space)
    _key(qtbot, Qt.Key.Key_Return)  # nothing valid to save: the form stays, focus too
    assert form.isVisible() and QApplication.focusWidget() is form.home
    assert form.error_label.text() == "Type the home team."
    _key(qtbot, Qt.Key.Key_Backspace)
    _type(qtbot, "Wales")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Iran")
    stops = []
    while QApplication.focusWidget() is not form.cancel_button:
        _key(qtbot, Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    assert stops[-2:] == [form.ok_button, form.cancel_button]
    assert stops[0] is form.date and form.tags in stops
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.home  # round again
    _key(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is form.cancel_button
    _key(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is form.ok_button
    _key(qtbot, Qt.Key.Key_Space)
    _closed(qtbot, form)
    assert window.tabs.currentWidget().title().startswith("Wales")


def test_escape_asks_before_discarding_a_changed_form(qtbot, window, services):
    form = _open_form(qtbot, window, Qt.Key.Key_N)
    _key(qtbot, Qt.Key.Key_Escape)  # untouched: closes without a question
    _closed(qtbot, form)
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)

    form = _open_form(qtbot, window, Qt.Key.Key_N)
    _type(qtbot, "Arsenal")
    _key(qtbot, Qt.Key.Key_Escape)
    box = _question(qtbot)
    assert box.text() == "Discard the changes?"
    _key(qtbot, Qt.Key.Key_Escape)  # Escape on the question keeps the input
    qtbot.waitUntil(lambda: not box.isVisible())
    assert form.isVisible() and form.home.text() == "Arsenal"
    _given_back(qtbot, form)
    _key(qtbot, Qt.Key.Key_Escape)
    box = _question(qtbot)
    _key(qtbot, Qt.Key.Key_Return)  # so does Enter: the default is to keep editing
    qtbot.waitUntil(lambda: not box.isVisible())
    assert form.isVisible()
    _given_back(qtbot, form)
    _key(qtbot, Qt.Key.Key_Escape)
    _question(qtbot)
    _key(qtbot, Qt.Key.Key_D)  # &Discard
    _closed(qtbot, form)
    assert services.matches.list_matches() == []


@pytest.mark.parametrize(
    ("key", "modifiers", "first"),
    [
        (Qt.Key.Key_M, CTRL, "minute"),
        (Qt.Key.Key_Q, CTRL | SHIFT, "speaker"),
        (Qt.Key.Key_N, CTRL | SHIFT, "text"),
        (Qt.Key.Key_L, CTRL, "team"),
    ],
)
def test_every_match_form_opens_in_its_first_field(qtbot, window, match_page, key, modifiers,
                                                    first):  # fmt: skip
    form = _open_form(qtbot, window, key, modifiers)
    assert QApplication.focusWidget() is getattr(form, first)
    assert form.ok_button.isDefault() and not form.cancel_button.isDefault()
    _key(qtbot, Qt.Key.Key_Escape)
    _closed(qtbot, form)


def test_quote_words_are_left_by_tab_and_saved_by_ctrl_enter(qtbot, window, match_page, services):
    before = len(services.quotes.all())
    form = _open_form(qtbot, window, Qt.Key.Key_Q, CTRL | SHIFT)
    assert isinstance(form, QuoteDialog)
    _type(qtbot, "Didier Desch")
    assert QApplication.activePopupWidget() is not None  # the name completer is up
    _key(qtbot, Qt.Key.Key_Down)
    _key(qtbot, Qt.Key.Key_Return)  # picks the name; the form is not submitted
    assert form.isVisible() and form.speaker.text() == "Didier Deschamps"
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.text
    _type(qtbot, "We lost to a good side.")
    _key(qtbot, Qt.Key.Key_Return)  # a new line in the words, not a submit
    _type(qtbot, "Kane will be fine.")
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.context
    _key(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is form.text
    _key(qtbot, Qt.Key.Key_Tab, CTRL)
    assert QApplication.focusWidget() is form.context
    _key(qtbot, Qt.Key.Key_Tab, SHIFT)
    _key(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert QApplication.focusWidget() is form.speaker
    _key(qtbot, Qt.Key.Key_Tab)
    assert "\t" not in form.text.toPlainText()
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    _closed(qtbot, form)
    quotes = services.quotes.all()
    assert len(quotes) == before + 1
    assert any(q.text == "We lost to a good side.\nKane will be fine." for q in quotes)


def test_note_saved_by_ctrl_enter_from_its_text(qtbot, window, match_page, services):
    form = _open_form(qtbot, window, Qt.Key.Key_N, CTRL | SHIFT)
    assert isinstance(form, NoteDialog) and isinstance(QApplication.focusWidget(), QPlainTextEdit)
    _type(qtbot, "Watched in the pub.")
    _key(qtbot, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
    _closed(qtbot, form)
    assert "Watched in the pub." in [n.text for n in match_page.detail.notes]


def _to_date_field(qtbot, window):
    form = _open_form(qtbot, window, Qt.Key.Key_N)
    _type(qtbot, "Argentina")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "France")
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.date
    return form


def _retype(qtbot, text):
    _key(qtbot, Qt.Key.Key_A, CTRL)
    _key(qtbot, Qt.Key.Key_Delete)
    _type(qtbot, text)


def test_dates_are_exactly_what_was_typed_and_implausible_ones_are_flagged(qtbot, window):
    form = _to_date_field(qtbot, window)
    _type(qtbot, "2022-12-18")
    assert form.date.value() == dt.date(2022, 12, 18) and form.ok_button.isEnabled()
    for typed, says in (
        ("18:00", "Write the match date as YYYY-MM-DD, e.g. 2022-12-18: “18:00” is not one."),
        ("1800-12-18", "1800-12-18 is not plausible for the match date: use a date from 1850"),
        (f"{dt.date.today().year + 5}-01-01", "is not plausible for the match date"),
        ("2022-02-30", "2022-02-30 is not a day of the calendar"),
        ("", "Type the match date as YYYY-MM-DD."),
    ):
        _retype(qtbot, typed)
        assert says in form.error_label.text(), typed
        assert not form.ok_button.isEnabled()
        _key(qtbot, Qt.Key.Key_Return)  # refused: the form stays open
        assert form.isVisible() and QApplication.focusWidget() is form.date
    _retype(qtbot, "2022-12-18")
    assert form.error_label.text() == "New team: Argentina, France"
    _key(qtbot, Qt.Key.Key_Return)
    _closed(qtbot, form)
    assert window.tabs.currentWidget().detail.summary.date == dt.date(2022, 12, 18)


def test_a_date_picked_from_the_calendar_by_keys(qtbot, window):
    form = _to_date_field(qtbot, window)
    _retype(qtbot, "2022-12-18")
    _key(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is form.date.calendar)
    _key(qtbot, Qt.Key.Key_Escape)  # closes the calendar, the date as it was
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert form.isVisible() and form.date.text() == "2022-12-18"
    _key(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.waitUntil(lambda: QApplication.focusWidget().window() is form.date.calendar)
    _key(qtbot, Qt.Key.Key_Left)  # a day earlier
    _key(qtbot, Qt.Key.Key_Down)  # a week later
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert form.date.text() == "2022-12-24" and form.isVisible()
    assert QApplication.focusWidget() is form.date


def test_enter_in_a_combo_submits_the_line_up_form(qtbot, window, match_page, services):
    form = _open_form(qtbot, window, Qt.Key.Key_L)
    _type(qtbot, "F")  # the team list jumps to France
    assert form.team.currentText() == "France"
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Eduardo Camavinga")
    _key(qtbot, Qt.Key.Key_Tab, times=2)
    _type(qtbot, "25")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "FW")
    _key(qtbot, Qt.Key.Key_Return)
    _closed(qtbot, form)
    entry = next(e for e in services.lineups.lineup(match_page.match_id) if e.shirt_number == 25)
    assert (entry.name, entry.team, entry.position) == ("Eduardo Camavinga", "France", "FW")


def test_an_edit_form_opened_from_the_moments_list(qtbot, window, match_page, services):
    table = match_page.moments
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 0)).center())  # fmt: skip
    form = _open_form(qtbot, window, Qt.Key.Key_E)  # Edit ▸ Edit selected
    assert form.windowTitle() == "Edit moment"
    assert QApplication.focusWidget() is form.minute and form.minute.selectedText() == "17"
    _key(qtbot, Qt.Key.Key_Escape)  # nothing changed: no question
    _closed(qtbot, form)
    form = _open_form(qtbot, window, Qt.Key.Key_E)
    _type(qtbot, "18")
    _key(qtbot, Qt.Key.Key_Return)
    _closed(qtbot, form)
    moments = services.matches.get_match(match_page.match_id).moments
    assert moments[0].minute_text == "18'"
