"""Garbage is collected on the GUI thread between events, never on a worker
(ui/collector.py): a worker's read must not freeze the window with a full collection."""

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from matchnotes.ui import collector as collector_module
from matchnotes.ui.collector import GuiCollector


class Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector(qapp):
    collector = GuiCollector()
    yield collector
    collector.stop()
    gc.unfreeze()


def test_a_workers_garbage_is_collected_on_the_gui_thread(qtbot, collector):
    threads: list[str] = []

    def seen(phase, _info):
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(seen)
    try:
        collector.start(freeze_after_ms=None)
        assert not gc.isenabled()
        # A worker makes far more cyclic garbage than a young generation's threshold.
        worker = threading.Thread(target=lambda: [Cycle() for _ in range(50_000)], name="reader")
        worker.start()
        worker.join()
        assert threads == []  # nothing collected while the worker ran
        qtbot.waitUntil(lambda: len(threads) > 0, timeout=3000)  # the timer's turn
        assert set(threads) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(seen)
    collector.stop()
    assert gc.isenabled()


def test_young_garbage_goes_and_start_ups_objects_are_frozen(qtbot, collector):
    collector.start(freeze_after_ms=0)
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=3000)
    marker = Cycle()
    gone = threading.Event()
    weakref.finalize(marker, gone.set)
    del marker
    for _ in range(2000):  # over the young generation's threshold
        Cycle()
    qtbot.waitUntil(gone.is_set, timeout=3000)


def _finalized(obj):
    gone = threading.Event()
    weakref.finalize(obj, gone.set)
    return gone


def _young_collection_seen(qtbot):
    """Over the youngest generation's threshold, then the timer's turn."""
    kept = [Cycle() for _ in range(2000)]
    frozen = gc.get_freeze_count()
    qtbot.waitUntil(lambda: gc.get_freeze_count() > frozen, timeout=3000)
    return kept


def test_long_lived_cycles_are_freed_when_the_user_leaves_the_app(qtbot, collector, monkeypatch):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None)
    collector.start(freeze_after_ms=0)
    qtbot.waitUntil(lambda: collector.settled > 0, timeout=3000)
    marker = Cycle()  # a page's objects, say: they live on
    gone = _finalized(marker)
    _young_collection_seen(qtbot)
    assert not any(o is marker for o in gc.get_objects())  # frozen: no collection looks at it
    del marker  # closed: a cycle, not freed by reference counting
    _young_collection_seen(qtbot)
    assert not gone.is_set()  # waits for a complete collection
    window.close()  # no window of the app focused: the user is elsewhere
    # The platform then says the app is no longer active; offscreen it cannot.
    inactive = Qt.ApplicationState.ApplicationInactive
    monkeypatch.setattr(QGuiApplication, "applicationState", staticmethod(lambda: inactive))
    qtbot.waitUntil(gone.is_set, timeout=3000)


def test_frozen_cycles_are_freed_once_the_frozen_objects_have_grown(qtbot, collector, monkeypatch):
    collector.start(freeze_after_ms=0)
    qtbot.waitUntil(lambda: collector.settled > 0, timeout=3000)
    marker = Cycle()
    gone = _finalized(marker)
    _young_collection_seen(qtbot)
    del marker
    monkeypatch.setattr(collector_module, "SETTLE", 1.0)  # any growth: memory is bounded
    grown = [Cycle() for _ in range(2000)]
    qtbot.waitUntil(gone.is_set, timeout=3000)
    assert not any(o is grown[0] for o in gc.get_objects())  # the live ones frozen again
