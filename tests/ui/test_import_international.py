"""File ▸ Import international history: the archive shipped with the app, from the menu,
on a worker with a summary at the end; the demo's match is merged, not doubled."""

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox

LEFT = Qt.MouseButton.LeftButton
SLICE = Path(__file__).resolve().parents[1] / "data" / "international"


def _click_menu(qtbot, window, menu_title, item_text):
    bar = window.menuBar()
    entry = next(a for a in bar.actions() if a.text() == menu_title)
    qtbot.mouseClick(bar, LEFT, pos=bar.actionGeometry(entry).center())
    menu = entry.menu()
    assert isinstance(menu, QMenu)
    qtbot.waitUntil(menu.isVisible)
    item = next(a for a in menu.actions() if a.text() == item_text)
    assert item.isEnabled()
    qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(item).center())


def test_international_history_from_the_file_menu(qtbot, window, demo_match_id, monkeypatch):
    # The shipped archive stands for the slice here: the whole one takes a minute.
    monkeypatch.setattr("matchnotes.io.international.shipped_folder", lambda: SLICE)
    _click_menu(qtbot, window, "&File", "Import international &history")
    qtbot.waitUntil(lambda: window.data_actions.message is not None, timeout=60_000)
    message = window.data_actions.message
    assert message.icon() == QMessageBox.Icon.Information
    assert message.windowTitle() == "Imported international history"
    assert "105 matches added, 0 updated, 2 unchanged" in message.text()
    quarter = [s for s in window.services.matches.list_matches()
               if s.date == dt.date(2022, 12, 10) and s.home == "England"]  # fmt: skip
    assert [s.id for s in quarter] == [demo_match_id]
    qtbot.keyClick(message, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not message.isVisible())
