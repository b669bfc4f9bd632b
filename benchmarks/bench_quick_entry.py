"""Quick entry on a big archive: Enter to the moment on screen, and Enter to committed.

    python benchmarks/bench_quick_entry.py --gui COPY.sqlite [--lines 15]
    python benchmarks/bench_quick_entry.py [--lines 300]

--gui drives the real window on a copy of a database from benchmarks/generate.py (the
bench writes to it): the newest match's page, a line typed into its quick-entry box
key by key, then Enter. It times Enter until both the moments list and the timeline
have painted the page with the new moment (issue 16: "Enter to shown", median
<= 20 ms), and the Enter key's own handling (the commit included). Lines alternate
between an early minute (logged late: the list is rebuilt, the scores after it
counted again) and stoppage time (logged live: added at the end).

Without --gui it generates a database of 100,000 moments (1,000 matches x 100) in a
temporary folder and records lines into one match through QuickEntryService.record,
the call the widget makes on Enter (parse, resolve names, one committed transaction
with synchronous=FULL).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

LINES = ["{m} yc #{n}", "{m} chance #{n} low drive", "{m} save #{n}", "{m} note crowd noise"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=None)
    parser.add_argument("--gui", type=Path, metavar="COPY.sqlite", help="a copy: it is written")
    args = parser.parse_args()
    if args.gui is not None:
        return gui(args.gui.resolve(), args.lines or 15)
    return service(args.lines or 300)


def gui(db: Path, lines: int) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bench-qe-cfg-")  # a first launch

    from bench_gui import open_app_window

    app, database, window = open_app_window(db)
    page = window.open_match(window.matches_view.table.source.row_at(0).id)
    settle = time.monotonic() + 2  # the page's names arrive from a worker
    while time.monotonic() < settle:
        app.processEvents()
        time.sleep(0.005)
    timer = EnterTimer(page)
    shown, handled, cpu = [], [], []
    print(f"{page.title()}: {len(page.detail.moments)} moments", flush=True)  # type: ignore[union-attr]
    for n in range(lines):
        text = f"{10 + n} note bench {n}" if n % 2 == 0 else f"90+{1 + n % 9} chance bench {n}"
        took, handling = timer.enter(text)
        shown.append(took)
        handled.append(handling)
        cpu.append(timer.cpu)
        print(f"  {text:<28} Enter to shown {took:6.1f} ms (handled {handling:.1f}, "
              f"GUI thread CPU {timer.cpu:.1f})", flush=True)  # fmt: skip
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Enter to shown: median {statistics.median(shown):.1f} ms, best {min(shown):.1f}, "
          f"worst {max(shown):.1f}; Enter handled: median {statistics.median(handled):.1f} ms; "
          f"GUI thread CPU Enter to shown: median {statistics.median(cpu):.1f} ms "
          f"(target: shown median <= 20 ms; load {load})")  # fmt: skip
    window.close()
    database.close()
    return 0


class EnterTimer:
    """Types a line into a match page's quick-entry box key by key, presses Enter and
    times it until the moments list and the timeline have both painted the new moment
    (bench_gui.py uses it too)."""

    def __init__(self, page: object) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        self.page = page
        watched = (page.moments.viewport(), page.timeline)  # type: ignore[attr-defined]

        class Painted(QObject):
            """When both watched widgets have been painted since ``clear``: the time a
            call queued from the last paint runs, right after the window's repaint (work
            a timer starts for later, like the Edit menu's words, is not counted)."""

            def __init__(self) -> None:
                super().__init__()
                self.seen: set[int] = set()
                self.at: float | None = None
                self.cpu_at = 0.0

            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and id(obj) not in self.seen:
                    self.seen.add(id(obj))
                    if len(self.seen) == len(watched):
                        QTimer.singleShot(0, self.done)
                return False

            def done(self) -> None:
                self.at, self.cpu_at = time.perf_counter(), time.thread_time()

        self.painted = Painted()
        self.cpu = 0.0
        for widget in watched:
            widget.installEventFilter(self.painted)

    def enter(self, text: str, before: Callable[[], object] = lambda: None) -> tuple[float, float]:
        """(Enter to shown, Enter's own handling), in ms; ``before`` runs as Enter is pressed.
        ``cpu`` is then the GUI thread's CPU time from Enter to shown: on a busy machine
        the wall clock also counts the time other processes had the cores."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        app, page = QApplication.instance(), self.page
        line = page.quick_entry.line  # type: ignore[attr-defined]
        line.setFocus()
        QTest.keyClicks(line, text)
        for _ in range(20):
            app.processEvents()  # type: ignore[union-attr]
        rows = page.moments.model().rowCount()  # type: ignore[attr-defined]
        self.painted.seen.clear()
        self.painted.at = None
        before()
        start, cpu = time.perf_counter(), time.thread_time()
        QTest.keyClick(line, Qt.Key.Key_Return)
        handled = (time.perf_counter() - start) * 1000
        if page.moments.model().rowCount() <= rows:  # type: ignore[attr-defined]
            raise RuntimeError(f"{text!r} not saved: {page.quick_entry.preview.text()}")  # type: ignore[attr-defined]
        while self.painted.at is None:
            app.processEvents()  # type: ignore[union-attr]
            if time.perf_counter() - start > 30:
                raise TimeoutError(f"{text!r} never painted")
        self.cpu = (self.painted.cpu_at - cpu) * 1000
        return (self.painted.at - start) * 1000, handled


def service(lines: int) -> int:
    from generate import generate

    from matchnotes.db.database import open_database
    from matchnotes.entry import PossibleDuplicate
    from matchnotes.services import Services

    path = Path(tempfile.mkdtemp(prefix="matchnotes-qe-")) / "qe.sqlite"
    generate(path, matches=1_000, moments=100_000, quotes=1_000, notes=1_000)
    db = open_database(path)
    services = Services.create(db.engine)
    match = services.matches.list_matches()[0]
    team = services.catalog.team(match.home_id)
    timings = []
    for i in range(lines):
        minute = 1 + i % 90
        line = LINES[i % len(LINES)].format(m=minute, n=f"{team.name}#{1 + i % 11}")
        line = line.replace(f"#{team.name}#", f"{team.name}#")
        began = time.perf_counter()
        try:
            services.quick_entry.record(match.id, line)
        except PossibleDuplicate:  # a generated moment a minute away: the user says save it
            services.quick_entry.record(match.id, line, allow_duplicate=True)
        timings.append((time.perf_counter() - began) * 1000)
    db.close()
    timings.sort()
    print(f"{lines} lines on {path.name} (100,000 moments): "
          f"median {statistics.median(timings):.1f} ms, "
          f"p95 {timings[int(len(timings) * 0.95)]:.1f} ms, worst {timings[-1]:.1f} ms "
          "(target: median < 20 ms)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
