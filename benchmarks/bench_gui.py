"""How long the GUI thread is held by what a user does on a big archive.

    python benchmarks/bench_gui.py BIG.sqlite

Drives the real widgets of the main window (keys and clicks, as pytest-qt does) on a
database from benchmarks/generate.py. A stall probe, a 1 ms timer on the GUI thread,
records the longest gap between its ticks while each action runs and until what it
started has arrived on screen: that gap is the longest the window could not answer
the user. Beside it, the limit the issue sets and the raw work of the same kind (the
SQL the screen needs, run by sqlite3; a bare QSortFilterProxyModel). Figures go into
BENCHMARKS.md by hand, with the date and the machine's load.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import (
    QElapsedTimer,
    QObject,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

LIMIT_MS = 50  # no action may hold the GUI thread longer (issue 16)


class StallProbe(QObject):
    """A 1 ms timer; ``longest`` is the longest gap between two ticks since ``reset``."""

    def __init__(self) -> None:
        super().__init__()
        self.clock = QElapsedTimer()
        self.timer = QTimer(self, interval=1)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0

    def start(self) -> None:
        self.clock.start()
        self.timer.start()
        self.reset()

    def reset(self) -> None:
        self.last = self.clock.nsecsElapsed() / 1e6
        self.longest = 0.0

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def measure(self, action: Callable[[], object], done: Callable[[], bool],
                timeout: float = 120.0) -> float:  # fmt: skip
        """Run ``action`` from the event loop, wait until ``done``; the longest stall (ms)."""
        app = QApplication.instance()
        for _ in range(20):  # settle: let earlier work drain
            app.processEvents()
        self.reset()
        QTimer.singleShot(0, action)  # as an input event would: from the event loop
        app.processEvents()
        end = time.monotonic() + timeout
        while not done():
            if time.monotonic() > end:
                raise TimeoutError("the action never finished")
            app.processEvents()
            time.sleep(0.0005)
        for _ in range(5):
            app.processEvents()
        now = self.clock.nsecsElapsed() / 1e6
        return max(self.longest, now - self.last)


def raw_ms(db: Path, sql: str, *params: object) -> float:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        start = time.perf_counter()
        conn.execute(sql, params).fetchall()
        return (time.perf_counter() - start) * 1000
    finally:
        conn.close()


def bare_proxy_ms_per_key(rows: int, text: str) -> float:
    """A QStandardItemModel of ``rows`` rows behind a bare proxy, filtered key by key."""
    model = QStandardItemModel(rows, 1)
    for row in range(rows):
        model.setItem(row, 0, QStandardItem(f"Team {row % 211} v Team {row % 193} · Cup"))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    times = []
    for end in range(1, len(text) + 1):
        start = time.perf_counter()
        proxy.setFilterFixedString(text[:end])
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", type=Path)
    args = parser.parse_args()
    db = args.database.resolve()
    os.environ["XDG_CONFIG_HOME"] = str(Path(os.environ.get("TMPDIR", "/tmp")) / "bench-gui-cfg")

    from matchnotes.app import create_application
    from matchnotes.db.database import open_database
    from matchnotes.services import Services
    from matchnotes.ui.main_window import MainWindow

    app = create_application()
    database = open_database(db)
    services = Services.create(database.engine)
    window = MainWindow(services, str(db))
    window.resize(1280, 800)
    window.show()
    probe = StallProbe()
    probe.start()
    results: list[tuple[str, float, str]] = []

    def record(name: str, stall: float, raw: str) -> None:
        verdict = "ok" if stall <= LIMIT_MS else "OVER"
        results.append((name, stall, raw))
        print(f"{name:<46} {stall:>9.0f} ms  {verdict:<4}  raw: {raw}", flush=True)

    def rows_of(view: object) -> int:
        return view.table.model().rowCount()  # type: ignore[attr-defined]

    # Browse tabs, each first shown (they load when first shown).
    for index, view, sql in (
        (5, window.quotes_view, "SELECT * FROM quote"),
        (2, window.people_view, "SELECT * FROM person"),
        (3, window.teams_view, "SELECT * FROM team"),
        (4, window.competitions_view, "SELECT * FROM competition"),
    ):
        name = window.tabs.tabText(index)
        stall = probe.measure(lambda i=index: window.tabs.setCurrentIndex(i),
                              lambda v=view: rows_of(v) > 0)  # fmt: skip
        record(f"{name} tab, first shown", stall, f"{raw_ms(db, sql):.0f} ms ({sql})")
    stall = probe.measure(lambda: window.tabs.setCurrentIndex(1), lambda: True)
    record("Diary tab, first shown", stall, "-")

    # The matches list: sort by each column header, then type in the filter.
    window.tabs.setCurrentIndex(0)
    table = window.matches_view.table
    header = table.horizontalHeader()
    for column in range(table.model().columnCount()):
        label = table.model().headerData(column, Qt.Orientation.Horizontal)
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        stall = probe.measure(
            lambda x=x: QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                                         Qt.KeyboardModifier.NoModifier, QPoint(x, 5)),
            lambda: True,
        )  # fmt: skip
        record(f"sort matches by '{label}'", stall, "50–99 ms (SQL ORDER BY on an index)")
    edit = window.matches_view.filter_edit
    edit.setFocus()
    stalls = []
    for char in "england":
        stalls.append(probe.measure(lambda c=char: QTest.keyClick(edit, c), lambda: True))
    bare = bare_proxy_ms_per_key(table.model().sourceModel().rowCount(), "england")
    record("matches filter, worst key of 'england'", max(stalls),
           f"bare proxy {bare:.0f} ms/key (median)")  # fmt: skip
    record("matches filter, median key", statistics.median(stalls), "")
    QTest.keySequence(edit, "Ctrl+A")  # type: ignore[arg-type]
    QTest.keyClick(edit, Qt.Key.Key_Delete)

    # The busiest person's page.
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    (busiest, moments) = conn.execute(
        "SELECT player_id, count(*) FROM moment WHERE player_id IS NOT NULL "
        "GROUP BY player_id ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    conn.close()
    raw = raw_ms(db, "SELECT * FROM moment WHERE player_id = ? OR related_player_id = ?",
                 busiest, busiest)  # fmt: skip
    stall = probe.measure(
        lambda: window.open_person(busiest),
        lambda: window.tabs.currentWidget() is not window.matches_view,
    )
    record(f"person page ({moments} moments)", stall, f"{raw:.0f} ms (their moments)")

    # Quick entry on the newest match: Enter to the moment on screen.
    match_id = window.matches_view.table.source.row_at(0).id
    page = window.open_match(match_id)
    before = len(services.moments.moments(match_id))
    line = page.quick_entry.line
    line.setFocus()
    enter_stalls = []
    for n in range(5):
        QTest.keyClicks(line, f"{10 + n} note bench {n}")
        enter_stalls.append(probe.measure(
            lambda: QTest.keyClick(line, Qt.Key.Key_Return),
            lambda n=n: len(services.moments.moments(match_id)) == before + n + 1,
        ))  # fmt: skip
    record("quick entry, Enter to shown (median of 5)", statistics.median(enter_stalls),
           "raw commit 1–4 ms")  # fmt: skip

    # Every tab opened: what the process holds.
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
    record("memory with every tab opened (RSS, MB)", rss_mb(), "bare window + table 57 MB")
    over = [name for name, stall, _ in results if "memory" not in name and stall > LIMIT_MS]
    print(f"\n{len(over)} of {len(results) - 1} actions over {LIMIT_MS} ms")
    window.close()
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
