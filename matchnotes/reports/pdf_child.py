"""PDF work in a process of its own, for the app and the CLI (issue 16).

PySide6 keeps Python's interpreter lock for the whole of each Qt call, so a worker
thread's ``QTextDocument.setHtml`` or layout of a long report (a player's 2,000
moments: 0.6 s) froze the window as surely as running it on the GUI thread. Here the
same ``pdf_render`` functions run in a child process with its own interpreter; the
calling thread (a worker) only waits on a pipe, which releases the lock. The CLI goes
the same way (``export.py``), so its own process never loads Qt.

The protocol, parent → child: the job's name and arguments, a list or iterator argument
(a season's matches) an item per message, so that no single pickling holds the lock for
long and an iterator's items (each match as it is read) need not all be held at once:
thousands of live objects made each full collection of Python's garbage collector
longer. Child → parent: progress, then the result or why it failed. A cancel sets an
event the job's ``cancel`` reads between pages, as in-process.

No Qt here: the parent side stays importable without it; the child imports Qt.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

from matchnotes.errors import MatchNotesError, ValidationError
from matchnotes.reports.export import Cancel, ExportCancelled, Progress

log = logging.getLogger(__name__)

JOBS = (
    "write_match_pdf", "write_person_pdf", "write_season_pdf", "write_diary_pdf",
    "record_match_page_data",
)  # fmt: skip
_POLL_S = 0.05  # how often a waiting parent looks at the user's cancel
_ITEMS, _ITEM, _END = "items", "item", "end"  # a list or iterator, an item per message


def run(
    job: str, args: tuple[Any, ...], kwargs: dict[str, Any], *,
    progress: Progress | None = None, cancel: Cancel | None = None,
) -> Any:  # fmt: skip
    """``pdf_render.<job>(*args, **kwargs, progress=…, cancel=…)`` in a child process;
    what it returns. Its ``MatchNotesError`` is raised here with the same message."""
    if job not in JOBS:
        raise ValueError(f"not a PDF job: {job}")
    context = multiprocessing.get_context("spawn")  # no fork: this process runs threads
    here, there = context.Pipe()
    stop = context.Event()
    child = context.Process(
        target=_child_main, args=(there, stop, job), name=f"matchnotes-{job}", daemon=True
    )
    try:
        child.start()
    except OSError as exc:  # no process to be had (a limit reached, the executable gone)
        raise MatchNotesError(
            f"The PDF could not be made: its process did not start ({exc.strerror or exc})."
            " Nothing was written; close other programs and try again."
        ) from exc
    there.close()  # the child's end: ours would keep the pipe open if the child died
    try:
        try:
            _send_arguments(here, args, kwargs)
        except OSError:  # it died before it had them all
            raise _stopped(child) from None
        return _wait(here, child, stop, progress, cancel)
    finally:
        here.close()
        child.join(timeout=5)
        if child.is_alive():  # only after an error on our side: it would wait forever
            child.kill()
            child.join()


def _send_arguments(conn: Connection, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, (list, Iterator)):
            conn.send((_ITEMS, None))
            for item in value:
                conn.send((_ITEM, item))
            conn.send((_END, None))
        else:
            conn.send(("value", value))
    conn.send(("names", list(kwargs)))


def _wait(
    conn: Connection, child: Any, stop: Any, progress: Progress | None, cancel: Cancel | None
) -> Any:
    while True:
        if cancel is not None and cancel() and not stop.is_set():
            stop.set()  # the job stops at its next check, with ExportCancelled
        try:
            if not conn.poll(_POLL_S):  # waits without the interpreter lock
                continue
            kind, *rest = conn.recv()
        except (EOFError, OSError):  # its end closed with nothing said: it died
            raise _stopped(child) from None
        if kind == "progress" and progress is not None:
            progress(*rest)
        elif kind == "done":
            return rest[0]
        elif kind == "refused":
            raise _refusal(*rest)
        elif kind == "crashed":
            log.error("PDF process failed:\n%s", rest[0])
            raise MatchNotesError(f"The PDF could not be made: {rest[1]}. Nothing was written.")


def _stopped(child: Any) -> MatchNotesError:
    child.join(timeout=5)
    return MatchNotesError(
        f"The PDF could not be made: its process stopped (exit code {child.exitcode}). "
        "Nothing was written; try again."
    )


def _refusal(kind: str, message: str) -> MatchNotesError:
    if kind == "ExportCancelled":
        return ExportCancelled()
    if kind == "ValidationError":
        return ValidationError(message)
    return MatchNotesError(message)


# --- the child ---


def _child_main(conn: Connection, stop: Any, job: str) -> None:
    try:
        try:
            args, kwargs = _receive_arguments(conn)
        except (EOFError, OSError):
            return  # the parent gave up before it sent them all (a cancel while reading)
        if sys.platform.startswith("linux"):  # no window here: no need of a display
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from matchnotes.reports import pdf_render

        function: Callable[..., Any] = getattr(pdf_render, job)
        sent = lambda done, total: conn.send(("progress", done, total))  # noqa: E731
        result = function(*args, **kwargs, progress=sent, cancel=stop.is_set)
        conn.send(("done", result))
    except MatchNotesError as exc:
        conn.send(("refused", type(exc).__name__, str(exc)))
    except Exception as exc:  # told to the parent, which logs and says it
        conn.send(("crashed", traceback.format_exc(), str(exc) or type(exc).__name__))
    finally:
        conn.close()


def _receive_arguments(conn: Connection) -> tuple[list[Any], dict[str, Any]]:
    values: list[Any] = []
    while True:
        kind, value = conn.recv()
        if kind == "names":
            names: list[str] = value
            break
        if kind == _ITEMS:
            value = []
            while (item := conn.recv())[0] == _ITEM:
                value.append(item[1])
        values.append(value)
    split = len(values) - len(names)
    return values[:split], dict(zip(names, values[split:], strict=True))
