"""Issue 13: a whole match logged from an empty database by keys (and a few clicks on
the clock bar), as a reporter at the 2022 World Cup final would: the match, both
line-ups, two halves, extra time, a shoot-out, corrections and quotes.

Every key goes where Qt delivers a user's keys (tests/ui/keys.target): the name popup
while it is up, else the focused widget. Nothing is hidden, set or called behind the
user's back; the final state is read back through the services.
"""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from matchnotes.ui.dialogs.form import FormDialog
from matchnotes.ui.dialogs.lineup_editor import LineupEditorDialog
from matchnotes.ui.dialogs.simple_dialogs import QuoteDialog
from matchnotes.ui.views.match_page import MatchPage
from tests.ui import final_2022 as final
from tests.ui.keys import CTRL, SHIFT, closed, given_back, key
from tests.ui.pages import pages_read
from tests.ui.quick_entry_helpers import no_popup, popup_names, press, shown_popup, type_keys


def _keys_back(qtbot, window):
    """The offscreen platform (no window manager) leaves the name popup, hidden by now, the
    active window once the event loop has run (waiting for a page read): the window has the
    keys again, as under a window manager."""
    if QApplication.activeWindow() is None or not QApplication.activeWindow().isVisible():
        window.activateWindow()
    given_back(qtbot, window)


def _form(qtbot, window, shortcut, modifiers=CTRL):
    """A form opened by its shortcut, typed where the keys go (the focused widget)."""
    _keys_back(qtbot, window)
    assert QApplication.focusWidget() is not None
    press(qtbot, shortcut, modifiers)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), FormDialog))
    form = QApplication.activeModalWidget()
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.waitUntil(lambda: form.reads_pending == 0)  # its names to complete, from a worker
    return form


def _new_match(qtbot, window):
    form = _form(qtbot, window, Qt.Key.Key_N)
    for text in ("Argentina", "France", "2022-12-18", "18:00", "FIFA World Cup"):
        type_keys(qtbot, text)
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    closed(qtbot, form)
    page = window.tabs.currentWidget()
    assert isinstance(page, MatchPage)
    qtbot.waitUntil(page.is_open)  # "Opening…" until its read arrives
    return page


def _type_lines(qtbot, text):
    for number, line in enumerate(text.split("\n")):
        if number:
            press(qtbot, Qt.Key.Key_Return)
        type_keys(qtbot, line)


def _lineups(qtbot, window):
    given_back(qtbot, window)
    press(qtbot, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), LineupEditorDialog))
    editor = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.home.editor)
    _type_lines(qtbot, final.ARGENTINA)  # typed by the reporter
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.away.editor
    QApplication.clipboard().setText(final.FRANCE)  # copied from the team sheet
    press(qtbot, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: len(editor.away.model.rows()) == 17)
    qtbot.waitUntil(editor.save_button.isEnabled)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    closed(qtbot, editor)
    given_back(qtbot, window)


def _to_line(qtbot, page):
    """F2, from wherever the focus is: the keys go to the quick-entry line."""
    _keys_back(qtbot, page.window())
    press(qtbot, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is page.quick_entry.line


def _log(qtbot, page, text):
    """Type a line and press Enter: it must be saved (the line empties)."""
    type_keys(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)
    line, preview = page.quick_entry.line, page.quick_entry.preview.text()
    assert line.text() == "" and preview.startswith("Saved: "), f"{text!r}: {preview}"
    pages_read(qtbot)  # a line that is not added in place: the page is read again


def _click(qtbot, button, text):
    assert button.text() == text and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    pages_read(qtbot)


def _first_half(qtbot, page, services, match_id):
    line, preview = page.quick_entry.line, page.quick_entry.preview
    _log(qtbot, page, "KO")
    _log(qtbot, page, "23 pen Messi won by Di Maria")
    # The name popup, met and accepted with Tab twice.
    type_keys(qtbot, "36 goal Di Ma")
    assert popup_names(shown_popup(line)) == ["Ángel Di María · Argentina #11"]
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "assist mac a")
    assert popup_names(shown_popup(line)) == ["Alexis Mac Allister · Argentina #20"]
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "counter-attack")
    assert line.text() == "36 goal Di María assist Mac Allister counter-attack"
    press(qtbot, Qt.Key.Key_Return)
    assert line.text() == "" and no_popup()
    # Typed twice in the rush: the line asks, and the reporter clears it.
    type_keys(qtbot, "37 goal di maria")
    press(qtbot, Qt.Key.Key_Return)
    assert preview.text().startswith("Looks like 36' Goal Ángel Di María again")
    press(qtbot, Qt.Key.Key_Escape)
    assert line.text() == ""
    _log(qtbot, page, "41 sub Kolo Muani for Dembele")
    press(qtbot, Qt.Key.Key_Up)  # the last line again, for the second change of the minute
    assert line.text() == "41 sub Kolo Muani for Dembele"
    key(qtbot, Qt.Key.Key_Backspace, times=len("Kolo Muani for Dembele"))
    _log(qtbot, page, "Thuram>Giroud")
    # Logged by mistake, taken back at once with Ctrl+Z.
    _log(qtbot, page, "44 yc Paredes")
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert [m.player for m in services.matches.get_match(match_id).moments][-1] == "Marcus Thuram"
    type_keys(qtbot, "45+7 yc Enzo")
    assert popup_names(shown_popup(line)) == ["Enzo Fernández · Argentina #24"]
    press(qtbot, Qt.Key.Key_Escape)  # the list goes…
    assert no_popup() and line.text() == "45+7 yc Enzo"
    press(qtbot, Qt.Key.Key_Escape)  # …then the line, cleared in a hurry…
    assert line.text() == ""
    press(qtbot, Qt.Key.Key_Z, CTRL)  # …and brought back
    assert line.text() == "45+7 yc Enzo"
    press(qtbot, Qt.Key.Key_Return)
    assert preview.text() == "Saved: 45+7' · Yellow card · Argentina · Enzo Fernández"
    _log(qtbot, page, "HT")


def _second_half(qtbot, page):
    _log(qtbot, page, "56 yc Rabiot")  # the wrong minute: corrected below
    _log(qtbot, page, "64 sub Acuna for Di Maria")
    _log(qtbot, page, "71 sub Camavinga for T. Hernandez")
    _log(qtbot, page, "71 sub Coman for Griezmann")
    _log(qtbot, page, "80 pen Mbappe won by Kolo Muani")
    _log(qtbot, page, "81' goal Mbappe (Thuram) volley")
    _log(qtbot, page, "87 yc Thuram simulation")
    _log(qtbot, page, "97 save E. Martinez from Kolo Muani")  # 97 is 90+7 before extra time


def _edit_first_moment_of_minute(qtbot, window, page, minute, new_minute):
    """Click the moment in the list, Ctrl+E, type the right minute, Enter."""
    table = page.moments
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == minute)
    rect = table.visualRect(model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    form = _form(qtbot, window, Qt.Key.Key_E)
    assert form.windowTitle() == "Edit moment"
    assert QApplication.focusWidget() is form.minute and form.minute.selectedText() == minute[:-1]
    type_keys(qtbot, new_minute)
    press(qtbot, Qt.Key.Key_Return)
    closed(qtbot, form)
    given_back(qtbot, window)


def _extra_time(qtbot, page):
    line, preview = page.quick_entry.line, page.quick_entry.preview
    _log(qtbot, page, "ET")
    _log(qtbot, page, "97 chance Lautaro Martinez blocked by Upamecano")
    _log(qtbot, page, "ET2")
    _log(qtbot, page, "108 goal Messi rebound")
    _log(qtbot, page, "113 sub Konate for Varane")
    # Someone the pasted line-up left out: typed in quotes, he joins France's bench.
    _log(qtbot, page, '116 sub "Youssouf Fofana" for Rabiot')
    _log(qtbot, page, "118 pen Mbappe handball by Montiel")
    # Two Martínez: the line is refused with both names, then the initial is put in.
    type_keys(qtbot, "120+3 save Martinez")
    names = popup_names(shown_popup(line))
    assert names == ["Emiliano Martínez · Argentina #23", "Lautaro Martínez · Argentina #22"]
    press(qtbot, Qt.Key.Key_Escape)  # the list goes, the line stays
    type_keys(qtbot, " from Kolo Muani")
    press(qtbot, Qt.Key.Key_Return)
    assert "Emiliano Martínez" in preview.text() and "Lautaro Martínez" in preview.text()
    assert line.text() == "120+3 save Martinez from Kolo Muani"
    press(qtbot, Qt.Key.Key_Home)
    key(qtbot, Qt.Key.Key_Right, times=len("120+3 save "))  # to the name
    type_keys(qtbot, "E. ")
    assert no_popup()
    press(qtbot, Qt.Key.Key_Return)
    assert line.text() == "", preview.text()
    assert preview.text().startswith("Saved: 120+3' · Save · Argentina · Emiliano Martínez")
    _log(qtbot, page, "AET")


def _shootout(qtbot, page):
    _log(qtbot, page, "PSO")
    for text in ("pen Mbappe", "pen Messi", "ps Coman", "pen Dybala", "pm Tchouameni wide",
                 "pen Paredes", "pen Kolo Muani", "pen Montiel"):  # fmt: skip
        _log(qtbot, page, text)
    _log(qtbot, page, "FT")


def _quotes(qtbot, window, page):
    _log(qtbot, page, '"We suffered a lot, but we deserved it" - Scaloni (press conference)')
    _log(qtbot, page, "q Messi: I wanted to finish my career with this.")
    form = _form(qtbot, window, Qt.Key.Key_Q, CTRL | SHIFT)
    assert isinstance(form, QuoteDialog) and QApplication.focusWidget() is form.speaker
    type_keys(qtbot, "Didier Desch")
    assert QApplication.activePopupWidget() is form.speaker.completer().popup()
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)  # picks the name from the completer
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "We came back twice.")
    key(qtbot, Qt.Key.Key_Return)
    type_keys(qtbot, "I am proud of them.")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    closed(qtbot, form)
    given_back(qtbot, window)
    pages_read(qtbot)  # saved: the page is read again on a worker


def test_a_whole_final_logged_from_an_empty_database_by_keys(qtbot, window, services):
    assert services.matches.list_matches() == []
    page = _new_match(qtbot, window)
    match_id = page.match_id
    _lineups(qtbot, window)
    _to_line(qtbot, page)
    _first_half(qtbot, page, services, match_id)
    bar = page.clock_bar
    _click(qtbot, bar.start_button, "Start second half")
    _to_line(qtbot, page)
    _second_half(qtbot, page)
    _click(qtbot, bar.whistle_button, "Whistle")  # the end of normal time: no FT, extra time
    _to_line(qtbot, page)
    _extra_time(qtbot, page)
    _edit_first_moment_of_minute(qtbot, window, page, "56'", "55")
    _to_line(qtbot, page)
    _shootout(qtbot, page)
    _quotes(qtbot, window, page)
    _assert_final(services, match_id)
    # What the page shows is what was stored.
    assert page.moments.model().rowCount() == len(final.MOMENTS + final.SHOOTOUT)
    assert page.quotes.model().rowCount() == 3
    header = page.header.text()
    assert "Argentina 3–3 France" in header and "4–2 on penalties" in header


def _assert_final(services, match_id):
    detail = services.matches.get_match(match_id)
    s = detail.summary
    assert (s.home, s.away, s.date, s.kickoff_time, s.competition) == (
        "Argentina",
        "France",
        dt.date(2022, 12, 18),
        dt.time(18, 0),
        "FIFA World Cup",
    )
    assert str(s.score) == "3–3" and str(detail.half_time) == "2–0"
    assert str(detail.penalties) == "4–2" and s.status.value == "finished"
    assert detail.decided_by.value == "penalties"
    moments = [
        (str(m.minute), m.kind.value, m.player, m.related_player, m.description)
        for m in detail.moments
    ]
    assert moments == final.MOMENTS + final.SHOOTOUT
    quotes = [(q.speaker, q.text, q.context.value) for q in detail.quotes]
    assert quotes == [
        ("Lionel Scaloni", "We suffered a lot, but we deserved it", "press_conference"),
        ("Lionel Messi", "I wanted to finish my career with this.", "post_match_interview"),
        ("Didier Deschamps", "We came back twice.\nI am proud of them.", "post_match_interview"),
    ]
    lineup = [
        (e.team, e.shirt_number, e.name, e.role.value, e.position, e.captain)
        for e in detail.lineups
    ]
    assert lineup == final.LINEUPS
