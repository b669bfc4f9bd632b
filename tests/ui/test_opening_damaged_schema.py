"""A schema with bytes that are not UTF-8: the app offers the newest good backup, as for
any damage, instead of a traceback."""

from __future__ import annotations

from pathlib import Path

from matchnotes.cli import run
from tests.safety.test_hostile_schema import FLIPS, flip_trigger_byte
from tests.ui.test_opening_leftovers import _answer, _launch


def test_the_app_offers_the_newest_backup(qtbot, db_path: Path) -> None:
    assert run(["demo", "--db", str(db_path)]) == 0
    assert run(["backup", "--db", str(db_path)]) == 0
    for companion in ("-wal", "-shm"):
        db_path.with_name(db_path.name + companion).unlink(missing_ok=True)
    flip_trigger_byte(db_path, FLIPS[0])
    seen: list[str] = []
    _answer(qtbot, ["Yes", "OK"], seen)
    launched = _launch(qtbot, db_path)
    try:
        qtbot.waitUntil(lambda: launched.window.services is not None, timeout=20_000)
        assert "is damaged" in seen[0] and "not valid UTF-8" in seen[0]
        assert seen[1].startswith("Restored from")
        assert launched.window.matches_view.table.model().rowCount() == 1
    finally:
        launched.opener.close()
    assert list(db_path.parent.glob("notes.damaged-*.sqlite"))
