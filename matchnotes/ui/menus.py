"""The main window's menu bar, with the standard shortcuts.

Menus exist from the first frame; the actions that need the database are handed back
so the window can keep them disabled until it is open (start-up opens it off the GUI
thread). Slots are looked up when triggered, not when the menu is built, because the
objects behind them (EditActions, DataActions) are created once the database is open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from matchnotes.ui.main_window import MainWindow

BROWSE_TABS = ("Matches", "Diary", "People", "Teams", "Competitions", "Quotes", "Search")


class _MenuBuilder:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.needs_db: list[QAction] = []

    def add(self, menu: QMenu, text: str, slot: Callable[[], Any], shortcut: Any = None,
            *, db: bool = True) -> QAction:  # fmt: skip
        action = QAction(text, self.window)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        if db:
            self.needs_db.append(action)
        return action


def _ask_for_server(window: MainWindow) -> None:
    from matchnotes.app import switch_database
    from matchnotes.ui.dialogs.server_dialog import ask_for_server

    ask_for_server(window, switch_database)  # type: ignore[arg-type]


def build_menus(window: MainWindow) -> list[QAction]:
    """Fill the window's menu bar; return the actions that need an open database."""
    w = window
    keys = QKeySequence.StandardKey
    b = _MenuBuilder(w)
    bar = w.menuBar()

    file = bar.addMenu("&File")
    b.add(file, "Open &server database…", lambda: _ask_for_server(w), "Ctrl+Shift+O", db=False)
    file.addSeparator()
    b.add(file, "&Import…", lambda: w.data_actions.choose_and_import(), "Ctrl+I")
    b.add(file, "Import international &history", lambda: w.data_actions.import_international())
    b.add(file, "&Export match…",
          lambda: w._with_match(lambda m: w.data_actions.choose_and_export("match", m)),
          "Ctrl+Shift+S")  # fmt: skip
    b.add(
        file,
        "Export &person…",
        lambda: w._with_person(lambda p: w.data_actions.choose_and_export("person", p)),
    )
    b.add(file, "Export diary &year…", w._on_export_year_triggered)
    b.add(file, "Export &everything as MatchNotes JSON…",
          lambda: w.data_actions.choose_and_export("all", None, "json"))  # fmt: skip
    b.add(file, "Export this &list as CSV…", w._on_export_list_triggered)
    file.addSeparator()
    b.add(file, "&Print match…", lambda: w._with_match(w.print_match), keys.Print)
    b.add(file, "Print pre&view…", lambda: w._with_match(w.preview_match), "Ctrl+Alt+P")
    file.addSeparator()
    w.backups_action = b.add(file, "&Backups…", w.open_backups)
    b.add(file, "Back up &now…", lambda: w.data_actions.back_up_now())
    b.add(file, "&Reload", w.refresh, keys.Refresh)
    file.addSeparator()
    b.add(file, "&Quit", w.close, keys.Quit, db=False)

    edit = bar.addMenu("&Edit")
    undo, redo = w.undo.undo_action, w.undo.redo_action  # the history in the database
    undo.setShortcuts(keys.Undo)
    redo.setShortcuts(keys.Redo)  # all of the platform's: Ctrl+Y and Ctrl+Shift+Z
    edit.addActions([undo, redo])
    b.needs_db += [undo, redo]
    edit.aboutToShow.connect(w.undo.refresh)  # a change from elsewhere is named too
    b.add(edit, "Your &name (shown on what you log)…", lambda: w.undo.ask_author(w))
    edit.addSeparator()
    b.add(edit, "&Filter this list", w._on_find_triggered, keys.Find, db=False)
    b.add(edit, "&Search everything…", w.open_search, "Ctrl+K", db=False)
    b.add(edit, "&Edit selected", w._on_edit_selected, "Ctrl+E")
    b.add(edit, "&Delete selected", w._on_delete_selected, keys.Delete)

    match = bar.addMenu("&Match")
    b.add(match, "&New match…", lambda: w.actions_.new_match(), keys.New)
    b.add(match, "Edit &match…", lambda: w._with_match(w.actions_.edit_match), "Ctrl+Shift+E")
    b.add(match, "&Delete match…", lambda: w._with_match(w.actions_.delete_match))
    match.addSeparator()
    b.add(match, "I &saw this match…", lambda: w._with_match(w.seen_actions.mark), "Ctrl+D")
    b.add(match, "&Add a match I saw…", w.add_seen_match, "Ctrl+Shift+D")
    match.addSeparator()
    b.add(match, "&Quick entry", w._on_quick_entry_triggered, "F2")
    b.add(match, "Log &moment…", lambda: w._with_match(w.actions_.add_moment), "Ctrl+M")
    b.add(match, "Add &quote…", lambda: w._with_match(w.actions_.add_quote), "Ctrl+Shift+Q")
    b.add(match, "Add &note…", lambda: w._with_match(w.actions_.add_note), "Ctrl+Shift+N")
    b.add(match, "Edit &line-ups…", lambda: w._with_match(w.actions_.edit_lineups), "Ctrl+L")
    b.add(match, "Add one &player to a line-up…", lambda: w._with_match(w.actions_.add_lineup),
          "Ctrl+Shift+L")  # fmt: skip
    b.add(match, "P&hotos and tickets…", lambda: w._with_match(lambda m: _photos(w, m)),
          "Ctrl+Shift+G")  # fmt: skip

    people = bar.addMenu("&People")
    b.add(people, "&New person…", lambda: w.actions_.new_person(), "Ctrl+Shift+P")
    b.add(people, "&Edit person…", lambda: w._with_person(w.actions_.edit_person))
    b.add(people, "&Delete person…", lambda: w._with_person(w.actions_.delete_person))

    view = bar.addMenu("&View")
    for number, name in enumerate(BROWSE_TABS, start=1):
        b.add(view, name, lambda n=number - 1: w.tabs.setCurrentIndex(n), f"Ctrl+{number}",
              db=False)  # fmt: skip
    b.add(view, "Close tab", w._close_current_tab, [QKeySequence("Ctrl+W")], db=False)
    view.addSeparator()
    dark = b.add(view, "&Dark theme", lambda: w._on_dark_toggled(dark.isChecked()), db=False)
    w.dark_action = dark
    w.dark_action.setCheckable(True)

    help_menu = bar.addMenu("&Help")
    b.add(help_menu, "&Quick entry and shortcuts", w.show_help, keys.HelpContents, db=False)
    b.add(help_menu, "&About MatchNotes", w._on_about_triggered, db=False)
    return b.needs_db


def _photos(window: MainWindow, match_id: int) -> None:
    """The match's photos and ticket scans, in a window-modal dialog (open(), not exec())."""
    from matchnotes.ui.dialogs.photos_dialog import PhotosDialog

    services = window.services
    assert services is not None  # the action is enabled only with a database
    title = services.matches.get_summary(match_id).title
    dialog = PhotosDialog(services, match_id, title, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
