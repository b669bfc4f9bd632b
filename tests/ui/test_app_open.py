"""Start-up: the window comes first (the newest matches already listed), the database is
opened behind it; an old file is upgraded with a notice; a foreign file is refused."""

import argparse
import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from matchnotes import app as app_module
from matchnotes.cli import run
from tests.db.test_upgrade import FIXTURES


@pytest.fixture
def start(qtbot):
    """Launch the app on a path as `matchnotes --db PATH` does (without the event loop)."""
    QSettings().clear()
    launched = []

    def _start(path):
        result = app_module.launch(argparse.Namespace(demo=False, db=str(path), command=None))
        if result is not None:
            qtbot.addWidget(result.window)
            launched.append(result)
        return result

    yield _start
    for result in launched:
        result.opener.close()


def _action(window, text):
    return next(a for a in window.findChildren(type(window.backups_action)) if a.text() == text)


def test_window_lists_newest_matches_before_the_database_is_open(qtbot, start, tmp_path):
    path = tmp_path / "notes.sqlite"
    assert run(["demo", "--db", str(path)]) == 0
    launched = start(path)
    win = launched.window
    # The first frame: rows read by the peek, nothing that writes enabled yet.
    assert win.services is None
    assert win.matches_view.table.model().rowCount() == 1
    assert win.matches_view.table.source.row_at(0).title == "England 1–2 France"
    assert not _action(win, "&New match…").isEnabled()
    assert "Opening notes.sqlite" in win.statusBar().currentMessage()
    # A double-click before the database is open opens the match once it is.
    win.matches_view.table.selectRow(0)
    qtbot.keyClick(win.matches_view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.services is not None, timeout=10_000)
    assert _action(win, "&New match…").isEnabled()
    assert win.tabs.tabText(win.tabs.currentIndex()).startswith("England")
    assert win.current_match_id() == 1


def test_upgrade_shows_a_notice_then_opens(qtbot, start, tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema-0001.sqlite", path)
    launched = start(path)
    win = launched.window
    assert "Upgrading old.sqlite" in win.statusBar().currentMessage()
    assert "Upgrading old.sqlite" in win.matches_view.empty_label.text()
    assert win.matches_view.stack.currentWidget() is win.matches_view.empty_label
    qtbot.waitUntil(lambda: win.services is not None, timeout=30_000)
    report = launched.opener.db.report
    assert report.upgraded_from == "0001" and report.backup is not None
    assert f"backed up as {report.backup.name}" in win.statusBar().currentMessage()
    # That backup holds every row: no second copy on open to replace the notice.
    assert win.backup_controller.op is None
    assert [p.name for p in report.backup.parent.iterdir()] == [report.backup.name]
    assert win.matches_view.stack.currentWidget() is win.matches_view.table
    launched.opener.close()

    again = start(path)  # current now: no notice, no backup
    assert "Opening old.sqlite" in again.window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: again.window.services is not None, timeout=10_000)
    assert again.opener.db.report.backup is None


def test_a_file_that_is_not_ours_gets_no_window(qtbot, start, tmp_path, monkeypatch):
    path = tmp_path / "letter.sqlite"
    path.write_text("Dear desk,\nhere is my copy.\n")
    before = path.read_bytes()
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: said.append(text))
    assert start(path) is None
    assert "not a SQLite file" in said[0]
    assert path.read_bytes() == before


def test_the_first_frame_needs_no_database_stack():
    """What start-up imports before its first frame: no SQLAlchemy, SQLModel or Alembic."""
    code = (
        "import sys, matchnotes.app, matchnotes.ui.main_window;"
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic', 'alembic')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_database_that_cannot_be_opened_is_explained_and_the_window_closes(
    qtbot, start, monkeypatch
):
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: said.append(text))
    launched = start("postgresql://reporter:secret@127.0.0.1:1/newsroom")
    win = launched.window
    assert "secret" not in win.windowTitle() and "reporter:***@" in win.windowTitle()
    with qtbot.waitSignal(launched.opener.gave_up, timeout=20_000):
        pass
    assert "Cannot open the database at" in said[0] and "secret" not in said[0]
    assert "Unexpected" not in said[0]
    assert not win.isVisible()


def test_the_early_quick_check_reports_damage_when_the_open_asks(tmp_path):
    from matchnotes.db.check import DatabaseDamagedError
    from tests.safety.helpers import damage_table

    path = tmp_path / "notes.sqlite"
    assert run(["demo", "--db", str(path)]) == 0
    app_module.EarlyCheck(path).wait(path)  # a sound file: nothing to say
    damage_table(path, "moment")
    early = app_module.EarlyCheck(path)
    with pytest.raises(DatabaseDamagedError):
        early.wait(path)
    opened = app_module.open_in_background(str(path), path.resolve())
    assert isinstance(opened, app_module.Damaged) and opened.path == path.resolve()


def test_demo_with_db_writes_the_demo_there_and_the_window_has_the_app_icon(qtbot, tmp_path):
    path = tmp_path / "mine.sqlite"
    launched = app_module.launch(argparse.Namespace(demo=True, db=str(path), command=None))
    assert launched is not None
    qtbot.addWidget(launched.window)
    try:
        assert path.is_file()
        qtbot.waitUntil(lambda: launched.window.services is not None, timeout=10_000)
        assert launched.window.services.matches.get_input(1).home == "England"
        icon = launched.window.windowIcon()
        assert not icon.isNull() and 512 in {s.width() for s in icon.availableSizes()}
    finally:
        launched.opener.close()


def test_demo_with_an_existing_db_is_refused_and_the_file_left_alone(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "mine.sqlite"
    path.write_bytes(b"my own notes")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    assert app_module.launch(argparse.Namespace(demo=True, db=str(path), command=None)) is None
    assert "already exists" in shown[0]
    assert path.read_bytes() == b"my own notes"


def test_the_upgrade_shows_the_search_index_rebuilding(qtbot, start, tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema-0005.sqlite", path)
    launched = start(path)
    win = launched.window
    shown: list[tuple[str, str]] = []  # (notice, status bar) at each step of the rebuild
    launched.opener.progressed.connect(
        lambda _done, _total: shown.append(
            (win.matches_view.empty_label.text(), win.statusBar().currentMessage())
        )
    )
    qtbot.waitUntil(lambda: win.services is not None, timeout=30_000)
    assert shown, "the rebuild's progress was never shown"
    notice, status = shown[-1]
    assert "Upgrading old.sqlite" in notice and "Rebuilding the search index: 100%" in notice
    assert status.endswith("Search index: 100%")
    assert win.matches_view.stack.currentWidget() is win.matches_view.table
