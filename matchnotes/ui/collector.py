"""Python's cyclic garbage collector, run on the GUI thread between events.

Left to itself, the collector runs in whichever thread allocates when a count is
reached. On a big archive a worker reading a person's 2,000 moments triggered a full
collection of every object the app holds (130,000: 70–100 ms) while holding the
interpreter lock, so the window froze for that long with nothing of its own to do.
Qt objects freed by a collection on a worker are also destroyed in the wrong thread.

So automatic collection is switched off and a timer on the GUI thread collects the
generations whose counts are over CPython's own thresholds, between events. Once the
window is up, what start-up made (modules, classes, the main window's widgets) is
frozen (``gc.freeze``): it lives as long as the app, and a full collection then looks
only at what came after (a few ms instead of 70–100).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 50  # how often the counts are looked at
FREEZE_AFTER_MS = 5000  # start-up done: the first lists are in


class GuiCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self, interval=CHECK_MS)
        self.timer.timeout.connect(self.collect_due)
        self.was_enabled = gc.isenabled()

    def start(self, freeze_after_ms: int | None = FREEZE_AFTER_MS) -> None:
        gc.disable()
        self.timer.start()
        if freeze_after_ms is not None:
            QTimer.singleShot(freeze_after_ms, self, self.freeze)

    def freeze(self) -> None:
        """What exists now lives as long as the app: full collections skip it."""
        gc.freeze()

    def stop(self) -> None:
        self.timer.stop()
        if self.was_enabled:
            gc.enable()

    def collect_due(self) -> int:
        """Collect the oldest generation whose count is over its threshold, as CPython
        would; the number of objects found unreachable."""
        counts = gc.get_count()
        generation = -1
        for gen in range(3):
            if counts[gen] > self.thresholds[gen]:
                generation = gen
            else:
                break
        return gc.collect(generation) if generation >= 0 else 0
