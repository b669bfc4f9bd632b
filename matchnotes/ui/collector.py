"""Python's cyclic garbage collector, run on the GUI thread between events, in small steps.

Left to itself, the collector runs in whichever thread allocates when a count is
reached. On a big archive a worker reading a person's 2,000 moments triggered a full
collection of every object the app holds (130,000: 70–100 ms) while holding the
interpreter lock, so the window froze for that long with nothing of its own to do.
Qt objects freed by a collection on a worker are also destroyed in the wrong thread.

So automatic collection is switched off and a timer on the GUI thread collects the
youngest generation, between events, once its count is over CPython's threshold.
An older generation's collection looks again at everything that reached it: with
every tab open a generation-1 collection took 45 ms and a full one 60–85 ms. So what
start-up made is frozen once the window is up (``gc.freeze``), and so is what survives
a young collection: it lives on (a list's rows, an open page), and nothing examines it
again until a complete collection. Frozen objects that later become cyclic garbage
wait for that complete collection, which runs when the user leaves the app (not the
active one for a second) or, so that memory stays bounded, once the frozen objects are
``SETTLE`` times as many as after the last (300–400 ms with a big archive open). Little
waits: SQLAlchemy aliases, the main source of cycles (1,700 objects a match page), are
made once (services/moments.py, quotes.py): 320 match pages opened and closed froze
22,000 more objects and RSS grew 20 MB (266 → 286 MB). Most garbage is freed by
reference counting as soon as it is dropped, frozen or not; only cycles wait.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

CHECK_MS = 16  # how often the counts are looked at: a worker allocates fast, keep them small
FREEZE_AFTER_MS = 5000  # start-up done: the first lists are in
SETTLE = 4  # a complete collection once the frozen objects are this many times as many
AWAY_MS = 1000  # the app not the active one this long: the user is elsewhere


class GuiCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self, interval=CHECK_MS)
        self.timer.timeout.connect(self.collect_due)
        self.was_enabled = gc.isenabled()
        self.settled = 0  # frozen after start-up or the last complete collection; 0: not yet
        self.frozen_since = 0  # frozen after that (gc.get_freeze_count walks them all: slow)
        self.away_since: float | None = None  # when no window of the app had the focus
        self.collected_away = False  # the complete collection for that absence is done

    def start(self, freeze_after_ms: int | None = FREEZE_AFTER_MS) -> None:
        gc.disable()
        self.timer.start()
        if freeze_after_ms is not None:
            QTimer.singleShot(freeze_after_ms, self, self.freeze)

    def freeze(self) -> None:
        """What exists now lives as long as the app: collections skip it from now on."""
        gc.freeze()
        self.settled, self.frozen_since = max(gc.get_freeze_count(), 1), 0

    def stop(self) -> None:
        self.timer.stop()
        if self.was_enabled:
            gc.enable()

    def collect_due(self) -> int:
        """Collect the youngest generation once its count is over its threshold and
        freeze what survives; the number of objects found unreachable. Before start-up
        is frozen, the generations are collected as CPython would."""
        if self.settled and self._user_away():
            return self.collect_all()  # nobody waits for the window
        counts, thresholds = gc.get_count(), self.thresholds
        if counts[0] <= thresholds[0]:
            return 0
        if self.settled:
            found = gc.collect(0)
            self.frozen_since += len(gc.get_objects(1))  # this collection's survivors
            gc.freeze()  # survived a collection: long-lived
            if self.frozen_since > (SETTLE - 1) * self.settled:
                # An upper bound: many were freed since (a read's rows, once shown). The
                # true count walks every frozen object (10–15 ms), so only now.
                self.frozen_since = gc.get_freeze_count() - self.settled
                if self.frozen_since > (SETTLE - 1) * self.settled:
                    found += self.collect_all()
            return found
        generation = 0
        for gen in (1, 2):
            if counts[gen] > thresholds[gen]:
                generation = gen
            else:
                break
        return gc.collect(generation)

    def collect_all(self) -> int:
        """Every object, frozen ones too (60–85 ms with every tab open): the cycles
        among what had been frozen are freed. The number of objects found unreachable."""
        gc.unfreeze()
        found = gc.collect()
        self.freeze()
        return found

    def _user_away(self) -> bool:
        """True once when the app has not been the active one for ``AWAY_MS``: the user
        went to another app (not between two of ours, a dialog closing). Offscreen, the
        app stays active."""
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if active or QGuiApplication.focusWindow() is not None:
            self.away_since, self.collected_away = None, False
            return False
        now = time.monotonic()
        if self.away_since is None:
            self.away_since = now
        if self.collected_away or now - self.away_since < AWAY_MS / 1000:
            return False
        self.collected_away = True
        return True
