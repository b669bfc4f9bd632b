"""Start-up: an old file is upgraded with a notice on screen; a foreign file is refused."""

import shutil

from PySide6.QtWidgets import QApplication, QLabel

from matchnotes import app as app_module
from tests.db.test_upgrade import FIXTURES


def test_upgrade_shows_a_notice_while_it_runs(qapp, tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema-0001.sqlite", path)
    seen = []
    original = app_module.open_database

    def spy(target):
        seen.extend(
            w.text()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QLabel) and w.isVisible()
        )
        return original(target)

    monkeypatch.setattr(app_module, "open_database", spy)
    db = app_module.open_or_rescue(str(path))
    assert db is not None and db.report.upgraded_from == "0001"
    db.close()
    assert any("Upgrading old.sqlite" in text for text in seen)
    assert not any(isinstance(w, QLabel) and w.isVisible() for w in QApplication.topLevelWidgets())
    again = app_module.open_or_rescue(str(path))  # current now: no notice, no backup
    assert again is not None and again.report.backup is None
    again.close()
