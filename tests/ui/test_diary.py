"""The diary is the fan's: only matches marked attended or watched are in it. Marked by
Ctrl+D on a match (the "I saw this match" form), or found in the archive by "Add a
match I saw" (created when it is not there); each mark undone by Ctrl+Z."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from matchnotes.enums import Attendance
from matchnotes.ui.dialogs.add_seen_dialog import AddSeenDialog
from matchnotes.ui.dialogs.match_dialog import MatchDialog
from matchnotes.ui.dialogs.seen_dialog import SeenDialog
from tests.ui.keys import CTRL, SHIFT, closed, given_back, key, type_keys
from tests.ui.pages import open_match_page


def _archive(make_match, count=6):
    """Matches imported from a results file: none of them seen by the fan."""
    return [make_match(f"Team {n}", f"Club {n}", date=dt.date(2022, 11, 20 + n))
            for n in range(count)]  # fmt: skip


def _show_diary(qtbot, window):
    with qtbot.waitSignal(window.diary_view.loaded, timeout=10_000):
        window.tabs.setCurrentWidget(window.diary_view)
    return window.diary_view


def _listed(diary):
    return [diary.table.source.row_at(r).id for r in range(diary.table.source.listed_count())]


def _click_row(qtbot, table, match_id):
    row = table.source.row_of(match_id)
    rect = table.visualRect(table.source.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _modal(qtbot, kind):
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_an_imported_archive_is_not_the_diary(qtbot, window, make_match):
    _archive(make_match)
    window.refresh()
    diary = _show_diary(qtbot, window)
    assert diary.periods.count() == 0 and diary.stack.currentWidget() is diary.empty_label
    text = diary.empty_label.text()
    assert "Your diary is empty" in text and "Ctrl+D" in text and "Add a match I saw" in text


def test_the_demo_match_watched_is_in_the_diary_alone(qtbot, window, demo_match_id, make_match):
    _archive(make_match)
    window.refresh()
    diary = _show_diary(qtbot, window)
    assert [diary.periods.item(i).text() for i in range(diary.periods.count())] == [
        "2022 — 1 match", "FIFA World Cup 2022 — 1 match"]  # fmt: skip
    assert _listed(diary) == [demo_match_id]
    assert "1 watched" in diary.summary.text()
    assert window.statusBar().currentMessage() == "1 match"


def test_ctrl_d_marks_a_selected_match_seen_and_ctrl_z_takes_it_back(
    qtbot, window, services, make_match
):
    ids = _archive(make_match)
    window.refresh()
    table = window.matches_view.table
    _click_row(qtbot, table, ids[3])
    qtbot.keyClick(table, Qt.Key.Key_D, CTRL)
    form = _modal(qtbot, SeenDialog)
    assert form.heading.text().startswith("Team 3 0–0 Club 3 · 23 Nov 2022")
    type_keys(qtbot, "A")  # the first field: attended
    key(qtbot, Qt.Key.Key_Tab)  # "watched at" is for a match watched: skipped
    type_keys(qtbot, "8")
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, form)
    summary, _where = services.diary.entry(ids[3])
    assert (summary.fan_attendance, summary.rating) == (Attendance.ATTENDED, 8)
    seen = [c.header for c in table.source.columns].index("Seen")
    qtbot.waitUntil(lambda: table.source.index(table.source.row_of(ids[3]), seen).data()
                    == "Attended")  # fmt: skip
    diary = _show_diary(qtbot, window)
    assert _listed(diary) == [ids[3]] and "1 attended" in diary.summary.text()

    given_back(qtbot, window)
    with qtbot.waitSignal(diary.loaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert diary.periods.count() == 0 and "Your diary is empty" in diary.empty_label.text()


def test_watched_where_and_a_rating_from_the_diary_itself(qtbot, window, demo_match_id, services):
    window.refresh()
    diary = _show_diary(qtbot, window)
    _click_row(qtbot, diary.table, demo_match_id)
    qtbot.keyClick(diary.table, Qt.Key.Key_D, CTRL)
    form = _modal(qtbot, SeenDialog)
    assert form.fields.chosen() is Attendance.WATCHED  # as it was
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "The Crown")
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "9")
    with qtbot.waitSignal(diary.loaded, timeout=10_000):
        key(qtbot, Qt.Key.Key_Return)
    assert services.diary.entry(demo_match_id)[1] == "The Crown"
    assert "average rating 9.0" in diary.summary.text()
    assert window.undo.undo_action.text().startswith("&Undo Marked England v France")


def test_add_a_match_i_saw_finds_it_in_the_archive(qtbot, window, services, make_match):
    final = make_match("Argentina", "France", date=dt.date(2022, 12, 18))
    make_match("Croatia", "Morocco", date=dt.date(2022, 12, 17))
    window.refresh()
    diary = _show_diary(qtbot, window)
    qtbot.mouseClick(diary.add_button, Qt.MouseButton.LeftButton)
    form = _modal(qtbot, AddSeenDialog)
    type_keys(qtbot, "franc")
    key(qtbot, Qt.Key.Key_Escape)  # the completer's popup
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "arg")
    key(qtbot, Qt.Key.Key_Escape)
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "2022-12-16")
    qtbot.waitUntil(lambda: form.results.count() == 1 and form.chosen() == final, timeout=10_000)
    assert "Argentina 0–0 France" in form.results.item(0).text()
    with qtbot.waitSignal(diary.loaded, timeout=10_000):
        key(qtbot, Qt.Key.Key_Return)  # the nearest match, watched (the default)
    assert _listed(diary) == [final]
    assert services.diary.entry(final)[0].fan_attendance is Attendance.WATCHED


def test_a_match_not_in_the_archive_is_created_marked(qtbot, window, services, make_match):
    make_match("Argentina", "France", date=dt.date(2022, 12, 18))
    window.refresh()
    given_back(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL | SHIFT)
    form = _modal(qtbot, AddSeenDialog)
    type_keys(qtbot, "Leeds United")
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Burnley")  # no completion offered: no popup to close
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "2023-03-04")
    qtbot.waitUntil(lambda: "No match in the archive fits" in form.status.text(), timeout=10_000)
    key(qtbot, Qt.Key.Key_Return)  # nothing picked: the form says what to do
    assert "Pick the match you saw" in form.error_label.text() and form.isVisible()
    assert QApplication.focusWidget() is form.results  # the field to fix has the keys
    key(qtbot, Qt.Key.Key_Tab)  # to "You": attended
    type_keys(qtbot, "A")
    key(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Create this match…
    match_form = _modal(qtbot, MatchDialog)
    assert (match_form.home.text(), match_form.away.text(), match_form.date.text()) == (
        "Leeds United", "Burnley", "2023-03-04")  # fmt: skip
    assert match_form.windowTitle() == "New match"
    key(qtbot, Qt.Key.Key_Return, CTRL)
    closed(qtbot, match_form)
    (created,) = services.diary.entries()
    assert (created.home, created.away, created.fan_attendance) == (
        "Leeds United", "Burnley", Attendance.ATTENDED)  # fmt: skip
    assert created.status.value == "finished"  # a match seen has been played


def test_ctrl_d_on_the_match_page_while_typing_in_quick_entry(qtbot, window, services, make_match):
    match_id = make_match("Leeds United", "Burnley", date=dt.date(2023, 3, 4))
    window.refresh()
    page = open_match_page(qtbot, window, match_id)
    assert "Not in your diary (Ctrl+D: I saw this match)" in page.header.text()
    given_back(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F2)  # the quick-entry line has the keys
    qtbot.keyClick(page.quick_entry.line, Qt.Key.Key_D, CTRL)
    form = _modal(qtbot, SeenDialog)
    key(qtbot, Qt.Key.Key_Tab)  # watched (the first mark's default): where
    type_keys(qtbot, "The Crown")
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, form)
    qtbot.waitUntil(lambda: "You watched it at The Crown (Ctrl+D" in page.header.text())
    assert [m.id for m in services.diary.entries()] == [match_id]


def test_the_matches_list_sorts_and_filters_by_what_the_fan_saw(qtbot, window, make_match):
    ids = _archive(make_match, 4)
    attended = make_match("Leeds United", "Burnley", date=dt.date(2023, 3, 4),
                          fan_attendance=Attendance.ATTENDED)  # fmt: skip
    watched = make_match("Arsenal", "Everton", date=dt.date(2021, 1, 2),
                         fan_attendance=Attendance.WATCHED)  # fmt: skip
    window.refresh()
    view = window.matches_view
    source = view.table.source
    seen = [c.header for c in source.columns].index("Seen")
    header = view.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_middle(header, seen))  # fmt: skip
    listed = [source.row_at(r).id for r in range(source.listed_count())]
    assert set(listed[:4]) == set(ids) and listed[4:] == [attended, watched]  # blank first
    view.seen.setFocus()
    type_keys(qtbot, "S")  # "Seen by me"
    assert {source.row_at(r).id for r in range(source.listed_count())} == {attended, watched}
    key(qtbot, Qt.Key.Key_Down, times=2)  # "Attended", "Watched"
    assert [source.row_at(r).id for r in range(source.listed_count())] == [watched]
    key(qtbot, Qt.Key.Key_Down)  # "Not seen"
    assert source.listed_count() == 4
    key(qtbot, Qt.Key.Key_Home)  # "Seen or not"
    view.filter_edit.setFocus()
    type_keys(qtbot, "attended")  # the filter box reads the Seen column too
    assert [source.row_at(r).id for r in range(source.listed_count())] == [attended]


def _section_middle(header, section):
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2,
                  header.height() // 2)  # fmt: skip


def test_issue_20_the_64_world_cup_matches_imported_are_not_the_diary(
    qtbot, window, services, demo_match_id
):
    from pathlib import Path

    data = Path(__file__).resolve().parents[1] / "data" / "openfootball" / "worldcup-2022.json"
    services.imports.import_file(data)
    window.refresh()
    qtbot.waitUntil(lambda: window.matches_view.table.source.count() >= 64, timeout=10_000)
    diary = _show_diary(qtbot, window)
    periods = [diary.periods.item(i).text() for i in range(diary.periods.count())]
    assert len(periods) == 2 and all(p.endswith(" — 1 match") for p in periods)
    assert _listed(diary) == [demo_match_id]
