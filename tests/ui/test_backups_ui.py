"""Backups from the app: on open, Back up now, restore after confirming, before imports,
and a damaged file replaced by its newest good backup at start-up."""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from matchnotes import app as app_module
from matchnotes.services.backups import BackupService
from matchnotes.ui.main_window import MainWindow
from tests.io import WORLDCUP_JSON


def _window(qtbot, services, db_path):
    QSettings().clear()  # a first launch: the Matches tab in front
    backups = BackupService(db_path)
    win = MainWindow(services, str(db_path), backups=backups, schedule=backups.schedule())
    qtbot.addWidget(win)
    return win, backups


def test_backup_on_open_then_now_then_restore(qtbot, services, demo_match_id, db_path):
    win, backups = _window(qtbot, services, db_path)
    qtbot.waitUntil(lambda: win.backup_controller.op is not None and win.backup_controller.op.done)
    (on_open,) = backups.list()
    assert on_open.reason == "on-open" and on_open.match_count == 1

    services.matches.delete_match(demo_match_id)  # a change we will take back
    dialog = win.open_backups()
    assert dialog.table.model().rowCount() == 1
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.model().rowCount() == 2)

    dialog.table.selectRow(1)  # newest first: row 1 is the on-open backup, with the match
    dialog.table.setCurrentIndex(dialog.table.model().index(1, 0))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    box = dialog.message
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert "Restored the backup" in dialog.message.text()
    assert [m.title for m in services.matches.list_matches()] == ["England 1–2 France"]
    assert any(b.reason == "before-restore" for b in backups.list())
    win.tabs.setCurrentWidget(win.matches_view)  # a stale tab reloads when shown
    assert win.matches_view.table.model().rowCount() == 1


def test_import_from_the_app_backs_up_first(qtbot, services, db_path):
    win, backups = _window(qtbot, services, db_path)
    qtbot.waitUntil(lambda: win.backup_controller.op is not None and win.backup_controller.op.done)
    op = win.data_actions.import_path(WORLDCUP_JSON)
    qtbot.waitUntil(lambda: op.done, timeout=30_000)
    assert "before-import" in [b.reason for b in backups.list()]


def test_damaged_file_is_swapped_for_the_newest_good_backup(qtbot, db_path, monkeypatch):
    import argparse

    from matchnotes.cli import run
    from tests.safety.helpers import damage_table

    assert run(["demo", "--db", str(db_path)]) == 0
    assert run(["backup", "--db", str(db_path)]) == 0
    damage_table(db_path, "moment")
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes,
    )
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    QSettings().clear()
    launched = app_module.launch(argparse.Namespace(demo=False, db=str(db_path), command=None))
    assert launched is not None
    qtbot.addWidget(launched.window)
    try:
        # The quick check runs behind the window; the question comes from there.
        qtbot.waitUntil(lambda: launched.window.services is not None, timeout=20_000)
        assert "damaged" in asked[0] and "Restore the newest good backup" in asked[0]
        assert [m.title for m in launched.window.services.matches.list_matches()] == [
            "England 1–2 France"
        ]
        assert launched.window.matches_view.table.model().rowCount() == 1
    finally:
        launched.opener.close()
    assert list(db_path.parent.glob("notes.damaged-*.sqlite"))
