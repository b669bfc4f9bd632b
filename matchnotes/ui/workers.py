"""Slow work off the GUI thread, in the spirit of Anki's QueryOp.

    BackgroundOp(parent, lambda progress: services.imports.import_file(path, progress=progress))
        .on_success(show_summary).on_failure(show_error).on_progress(bar.setValue)
        .run()

The work function runs on a pool thread and must not touch widgets; it may report
progress through the callable it is given. Results, errors and progress come back to
the GUI thread through Qt signals (queued connections).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from matchnotes.errors import MatchNotesError

Progress = Callable[[int, int], None]


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(str)
    progressed = Signal(int, int)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.work, self.signals = work, signals

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except MatchNotesError as exc:
            self._emit(self.signals.failed, str(exc))
        except Exception as exc:  # a bug: still reported, never a silent dead thread
            self._emit(self.signals.failed, f"Unexpected error: {exc!r}")
        else:
            self._emit(self.signals.succeeded, result)

    def _progress(self, done: int, total: int) -> None:
        self._emit(self.signals.progressed, done, total)

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        # The widget that asked may be gone (the window closed mid-job): nobody to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)


class BackgroundOp(QObject):
    def __init__(self, parent: QObject, work: Callable[[Progress], Any]) -> None:
        super().__init__(parent)
        self._signals = _Signals(self)
        self._work = work
        self.done = False

    def on_success(self, slot: Callable[[Any], None]) -> BackgroundOp:
        self._signals.succeeded.connect(slot)
        return self

    def on_failure(self, slot: Callable[[str], None]) -> BackgroundOp:
        self._signals.failed.connect(slot)
        return self

    def on_progress(self, slot: Callable[[int, int], None]) -> BackgroundOp:
        self._signals.progressed.connect(slot)
        return self

    def run(self) -> BackgroundOp:
        # Connected last, so ``done`` turns true only after every handler above has run
        # (a caller waiting on it then sees the message they showed).
        self._signals.succeeded.connect(self._finish)
        self._signals.failed.connect(self._finish)
        QThreadPool.globalInstance().start(_Runnable(self._work, self._signals))
        return self

    def _finish(self, _result: object) -> None:
        self.done = True
