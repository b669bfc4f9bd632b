"""Slow work off the GUI thread, in the spirit of Anki's QueryOp.

    BackgroundOp(parent, lambda progress: services.imports.import_file(path, progress=progress))
        .on_success(show_summary).on_failure(show_error).on_progress(bar.setValue)
        .run()

The work function runs on a pool thread and must not touch widgets; it may report
progress through the callable it is given. Results, errors and progress come back to
the GUI thread through one long-lived relay object (see _Relay), then the op's signals.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from matchnotes.errors import MatchNotesError

Progress = Callable[[int, int], None]


class _Relay(QObject):
    """One object for the whole process, made on the GUI thread and never deleted.

    Workers hand every result to it through a queued signal, and it runs the delivery on
    the GUI thread. A worker thus never emits on an object that the GUI thread may be
    deleting at that very moment (a window or page closed mid-job): that race crashed
    the process now and then.
    """

    posted = Signal(object)  # a callable to run on the GUI thread

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(_call, Qt.ConnectionType.QueuedConnection)


def _call(delivery: Callable[[], None]) -> None:
    delivery()


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:  # the first BackgroundOp is made on the GUI thread
        _relay = _Relay()
    return _relay


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], op: BackgroundOp, relay: _Relay) -> None:
        super().__init__()
        self.work, self.relay = work, relay
        self.op = weakref.ref(op)  # the op may go with its widget before the work ends

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except MatchNotesError as exc:
            self._post("failed", str(exc))
        except Exception as exc:  # a bug: still reported, never a silent dead thread
            self._post("failed", f"Unexpected error: {exc!r}")
        else:
            self._post("succeeded", result)

    def _progress(self, done: int, total: int) -> None:
        self._post("progressed", done, total)

    def _post(self, signal: str, *args: Any) -> None:
        op = self.op
        self.relay.posted.emit(lambda: _deliver(op, signal, args))


def _deliver(op_ref: weakref.ref[BackgroundOp], signal: str, args: tuple[Any, ...]) -> None:
    """On the GUI thread: tell the op, unless it (or the widget that asked) is gone."""
    op = op_ref()
    if op is None:
        return
    with contextlib.suppress(RuntimeError):  # its C++ side deleted: nobody to tell
        getattr(op, signal).emit(*args)


class BackgroundOp(QObject):
    succeeded = Signal(object)
    failed = Signal(str)
    progressed = Signal(int, int)

    def __init__(self, parent: QObject, work: Callable[[Progress], Any]) -> None:
        super().__init__(parent)
        self._relay = _the_relay()
        self._work = work
        self.done = False

    def on_success(self, slot: Callable[[Any], None]) -> BackgroundOp:
        self.succeeded.connect(slot)
        return self

    def on_failure(self, slot: Callable[[str], None]) -> BackgroundOp:
        self.failed.connect(slot)
        return self

    def on_progress(self, slot: Callable[[int, int], None]) -> BackgroundOp:
        self.progressed.connect(slot)
        return self

    def run(self) -> BackgroundOp:
        # Connected last, so ``done`` turns true only after every handler above has run
        # (a caller waiting on it then sees the message they showed).
        self.succeeded.connect(self._finish)
        self.failed.connect(self._finish)
        QThreadPool.globalInstance().start(_Runnable(self._work, self, self._relay))
        return self

    def _finish(self, _result: object) -> None:
        self.done = True


def post_to_gui(delivery: Callable[[], None]) -> None:
    """Run ``delivery`` on the GUI thread, from any thread, through the same relay (a
    thread of one's own, e.g. ui/live.py's). Call it once on the GUI thread first."""
    _the_relay().posted.emit(delivery)
