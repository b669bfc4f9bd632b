"""Garbage is collected on the GUI thread between events, never on a worker
(ui/collector.py): a worker's read must not freeze the window with a full collection."""

import gc
import threading
import weakref

import pytest

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
