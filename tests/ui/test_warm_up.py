"""The pages' code is loaded in small steps once the database is open (ui/warm_up.py)."""

import importlib.util
import sys

from matchnotes.ui.warm_up import MODULES, WarmUp


def test_every_module_named_exists():
    for name in MODULES:
        assert importlib.util.find_spec(name) is not None, name


def test_modules_not_yet_loaded_are_imported_in_turn(qtbot, qapp, tmp_path, monkeypatch):
    for name in ("warm_first", "warm_second"):
        (tmp_path / f"{name}.py").write_text("LOADED = True\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    warm = WarmUp(modules=("warm_first", "warm_second"))
    assert not warm.done
    warm.start(first_ms=0)
    qtbot.waitUntil(lambda: warm.done, timeout=3000)
    assert sys.modules["warm_first"].LOADED and sys.modules["warm_second"].LOADED
    for name in ("warm_first", "warm_second"):
        del sys.modules[name]


def test_a_window_with_its_database_warms_up(qtbot, window):
    qtbot.waitUntil(lambda: window.warm_up.done, timeout=10_000)
    assert all(name in sys.modules for name in MODULES)
