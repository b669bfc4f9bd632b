"""File ▸ Import international history: the archive shipped with the app, from the menu,
on a worker with a summary at the end; the demo's match is merged, not doubled."""

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.keys import click_menu

SLICE = Path(__file__).resolve().parents[1] / "data" / "international"


def test_international_history_from_the_file_menu(qtbot, window, demo_match_id, monkeypatch):
    # The shipped archive stands for the slice here: the whole one takes a minute.
    monkeypatch.setattr("matchnotes.io.international.shipped_folder", lambda: SLICE)
    click_menu(qtbot, window, "&File", "Import international &history")
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
