"""How long the GUI thread is held by what a user does on a big archive.

    python benchmarks/bench_gui.py BIG.sqlite

Drives the real widgets of the main window (keys and clicks, as pytest-qt does) on a
database from benchmarks/generate.py. A stall probe, a 1 ms timer on the GUI thread,
records the longest gap between its ticks while each action runs and until what it
started has arrived on screen: that gap is the longest the window could not answer
the user. Beside it, the limit the issue sets and the raw work of the same kind (the
SQL the screen needs, run by sqlite3; a bare QSortFilterProxyModel over a
QStandardItemModel of the same texts; a bare window with a table, in a process of its
own, for memory). Figures go into BENCHMARKS.md by hand, with the date and the load.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QElapsedTimer, QObject, QPoint, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

LIMIT_MS = 50  # no action may hold the GUI thread longer (issue 16)


class StallProbe(QObject):
    """A 1 ms timer; ``longest`` is the longest gap between two ticks since ``reset``.

    ``longest_cpu`` is the most CPU time the GUI thread used within one gap: on a busy
    machine (other processes on the cores) the wall gap also counts the waits for a core,
    the CPU time only the work this thread did without answering."""

    def __init__(self) -> None:
        super().__init__()
        self.clock = QElapsedTimer()
        self.timer = QTimer(self, interval=1)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0
        self.last_cpu = 0.0
        self.longest_cpu = 0.0

    def start(self) -> None:
        self.clock.start()
        self.timer.start()
        self.reset()

    def reset(self) -> None:
        self.last = self.clock.nsecsElapsed() / 1e6
        self.longest = 0.0
        self.last_cpu = time.thread_time() * 1000  # longest_cpu: reset by whoever reports it

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        self.longest = max(self.longest, now - self.last)
        self.last = now
        cpu = time.thread_time() * 1000
        self.longest_cpu = max(self.longest_cpu, cpu - self.last_cpu)
        self.last_cpu = cpu

    def measure(self, action: Callable[[], object], done: Callable[[], bool],
                timeout: float = 120.0) -> float:  # fmt: skip
        """Run ``action`` from the event loop, wait until ``done``; the longest stall (ms)."""
        app = QApplication.instance()
        before = self.longest_cpu
        for _ in range(20):  # settle: let earlier work drain
            app.processEvents()
        self.longest_cpu = before  # what ran before the action is not the action's
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
        cpu = time.thread_time() * 1000
        self.longest_cpu = max(self.longest_cpu, cpu - self.last_cpu)
        return max(self.longest, now - self.last)


def open_app_window(db: Path) -> tuple[QApplication, Any, Any]:
    """The application, its database and its main window on ``db``, shown, as
    ``matchnotes`` starts them: garbage collected on the GUI thread (ui/collector.py),
    start-up's objects frozen once the first lists are in and the pages' code loaded."""
    from matchnotes.app import create_application
    from matchnotes.db.database import open_database
    from matchnotes.services import Services
    from matchnotes.ui.collector import GuiCollector
    from matchnotes.ui.main_window import MainWindow

    app = create_application()
    collector = GuiCollector(app)
    collector.start(freeze_after_ms=None)
    database = open_database(db)
    services = Services.create(database.engine)
    window = MainWindow(services, str(db))
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    end = time.monotonic() + 10
    while time.monotonic() < end and not (
        window.matches_view.table.source.count() > 0 and window.warm_up.done
    ):  # the first lists in, the pages' code loaded (ui/warm_up.py)
        app.processEvents()
        time.sleep(0.005)
    collector.freeze()
    return app, database, window


def is_open(page: object) -> bool:
    """A match page filled (older code filled it before open_match returned)."""
    return getattr(page, "is_open", lambda: True)()


def one_row(db: Path, sql: str) -> tuple[Any, ...]:
    """The first row of a query, read with sqlite3 alone (the database read-only)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return tuple(conn.execute(sql).fetchone())
    finally:
        conn.close()


def raw_ms(db: Path, sql: str, *params: object) -> float:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        start = time.perf_counter()
        conn.execute(sql, params).fetchall()
        return (time.perf_counter() - start) * 1000
    finally:
        conn.close()


def raw_commit_ms(db: Path, match_id: int) -> float:
    """A moment inserted and committed by sqlite3 (WAL, synchronous=FULL), median of 5."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    times = []
    for n in range(5):
        start = time.perf_counter()
        conn.execute(
            "INSERT INTO moment (match_id, period, minute, stoppage, sort_key, kind,"
            " description, created_at) VALUES (?, '2H', ?, 0, ?, 'note', 'raw', '2024-01-01')",
            (match_id, 80 + n, 200000 + n),
        )  # fmt: skip
        conn.commit()
        times.append((time.perf_counter() - start) * 1000)
    conn.execute("DELETE FROM moment WHERE description = 'raw'")
    conn.commit()
    conn.close()
    return statistics.median(times)


def bare_model(texts: list[list[str]]) -> QStandardItemModel:
    model = QStandardItemModel(len(texts), len(texts[0]) if texts else 0)
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            model.setItem(r, c, QStandardItem(text))
    return model


def bare_sort_ms(model: QStandardItemModel, column: int) -> float:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    start = time.perf_counter()
    proxy.sort(column)
    return (time.perf_counter() - start) * 1000


def bare_proxy_ms_per_key(model: QStandardItemModel, text: str) -> float:
    """The same rows behind a bare proxy, filtered key by key: the median per key."""
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    times = []
    for end in range(1, len(text) + 1):
        start = time.perf_counter()
        proxy.setFilterFixedString(text[:end])
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


BARE_TABLE = """
import sys
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication([])
model = QStandardItemModel(10000, 9)
for r in range(10000):
    for c in range(9):
        model.setItem(r, c, QStandardItem(f"cell {r} {c}"))
view = QTableView(); view.setModel(model); view.resize(1280, 800); view.show()
for _ in range(50):
    app.processEvents()
with open("/proc/self/status") as f:
    print(next(int(l.split()[1]) for l in f if l.startswith("VmRSS:")) / 1024)
"""


def bare_table_rss_mb() -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", BARE_TABLE], capture_output=True, text=True,
                         check=True, env=env)  # fmt: skip
    return float(out.stdout.split()[-1])


def bare_qt_stalls(probe: StallProbe, model: QStandardItemModel) -> dict[str, float]:
    """The same rows in a bare QTableView on a tab of a bare window: the stall of the
    tab first shown, of a header click (QStandardItemModel sorts in C++), of a scroll step."""
    from PySide6.QtWidgets import QTableView, QTabWidget, QWidget

    tabs = QTabWidget()
    tabs.addTab(QWidget(), "first")
    table = QTableView()
    table.setModel(model)
    table.setSortingEnabled(True)
    tabs.addTab(table, "table")
    tabs.resize(1280, 800)
    tabs.show()
    found = {"tab": probe.measure(lambda: tabs.setCurrentIndex(1), lambda: True)}
    found["sort"] = probe.measure(lambda: click_header(table, 3), lambda: True)
    bar = table.verticalScrollBar()
    found["scroll"] = max(
        probe.measure(lambda: bar.setValue(bar.value() + bar.pageStep() * 10), lambda: True)
        for _ in range(10)
    )
    tabs.close()
    return found


APP_TABS = """
import sys, time
sys.path.insert(0, {here!r})
from bench_gui import open_app_window
from pathlib import Path
app, _database, window = open_app_window(Path(sys.argv[1]))
for index in range(window.tabs.count()):
    window.tabs.setCurrentIndex(index)
    end = time.monotonic() + 2  # what a tab reads on a worker arrives meanwhile
    while time.monotonic() < end:
        app.processEvents(); time.sleep(0.005)
with open("/proc/self/status") as f:
    print(next(int(l.split()[1]) for l in f if l.startswith("VmRSS:")) / 1024)
"""


def app_rss_mb(db: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    script = APP_TABS.replace("{here!r}", repr(str(Path(__file__).resolve().parent)))
    out = subprocess.run([sys.executable, "-c", script, str(db)], capture_output=True,
                         text=True, check=True, env=env)  # fmt: skip
    return float(out.stdout.split()[-1])


def click_header(table: object, column: int) -> None:
    header = table.horizontalHeader()  # type: ignore[attr-defined]
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, QPoint(x, 5))  # fmt: skip


def close_modal() -> None:
    """Close the dialog on top, answering "discard" if it asks (the bench, not a user)."""
    app = QApplication.instance()
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        return
    dialog.reject() if hasattr(dialog, "reject") else dialog.close()  # type: ignore[union-attr]
    for _ in range(5):
        app.processEvents()
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):  # "Discard the changes?"
        drop = next(b for b in box.buttons()
                    if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)  # fmt: skip
        drop.click()
        for _ in range(5):
            app.processEvents()


def reads_after_actions(probe: StallProbe, db: Path, window: object, page: object, match_id: int,
                        record: Callable[[str, float, str], None]) -> None:  # fmt: skip
    """What the user does on the biggest match's page that reads it again (issue 16):
    measured until what the read brings is on screen."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog, QPrintPreviewWidget

    app = QApplication.instance()
    w: Any = window
    p: Any = page
    reading = lambda: getattr(p, "is_reading", lambda: False)()  # noqa: E731

    # An edit: a moment's description changed in its form, Enter, until the page shows it.
    w.activateWindow()
    QTest.qWaitForWindowActive(w)
    p.tabs.setCurrentIndex(0)
    p.moments.setFocus()
    p.moments.selectRow(0)
    QTest.keySequence(w, "Ctrl+E")
    while not isinstance(QApplication.activeModalWidget(), QDialog):
        app.processEvents()
    form: Any = QApplication.activeModalWidget()
    while getattr(form, "reads_pending", 0):
        app.processEvents()
    text = f"bench edit {time.time():.0f}"
    form.description.setFocus()
    form.description.setText(text)
    shown = lambda: p.moments.model().index(0, 4).data() == text and is_open(p) and not reading()  # noqa: E731
    probe.longest_cpu = 0.0  # this action's own, not the setting up before it
    stall = probe.measure(lambda: QTest.keyClick(form.description, Qt.Key.Key_Return), shown)
    record("edit a moment, Enter until the page shows it", stall, "-")

    # Delete match: from the Matches list, until the question (what goes) is up.
    w.tabs.setCurrentIndex(0)
    table = w.matches_view.table
    table.select_id(match_id)
    table.setFocus()
    asked = lambda: isinstance(QApplication.activeModalWidget(), QMessageBox)  # noqa: E731
    probe.longest_cpu = 0.0  # this action's own, not the setting up before it
    stall = probe.measure(lambda: QTest.keyClick(table, Qt.Key.Key_Delete), asked)
    raw = raw_ms(db, "SELECT count(*) FROM moment WHERE match_id = ?", match_id)
    record("delete the biggest match, until asked", stall, f"{raw:.1f} ms (count its moments)")
    close_modal()

    # Print and print preview of the biggest match, until the dialog (preview: its pages).
    w.tabs.setCurrentWidget(p)

    def by_keys(keys: str) -> Callable[[], None]:
        w.activateWindow()  # shortcuts go to the active window
        QTest.qWaitForWindowActive(w)
        return lambda: QTest.keySequence(w, keys)

    def previewed() -> bool:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintPreviewDialog):
            return False
        preview = dialog.findChild(QPrintPreviewWidget)
        return preview is not None and preview.pageCount() > 0

    probe.longest_cpu = 0.0  # this action's own, not the setting up before it
    stall = probe.measure(by_keys("Ctrl+Alt+P"), previewed)
    record("print preview of the biggest match, until paged", stall, "-")
    close_modal()
    printing = lambda: isinstance(QApplication.activeModalWidget(), QPrintDialog)  # noqa: E731
    try:
        probe.longest_cpu = 0.0  # this action's own, not the setting up before it
        stall = probe.measure(by_keys("Ctrl+P"), printing, timeout=20)
        record("print the biggest match, until the dialog", stall, "-")
    except TimeoutError:  # before session 6: QPrintDialog.open() raised in PySide6
        print("print the biggest match: the dialog never came up", flush=True)
        close_modal()
    else:  # OK with "Print to File (PDF)", until the file is complete
        from PySide6.QtWidgets import QLineEdit

        from matchnotes.reports.export import pdf_is_complete

        out = Path(tempfile.mkdtemp(prefix="bench-gui-print-")) / "printed.pdf"
        dialog = QApplication.activeModalWidget()
        name = next(e for e in dialog.findChildren(QLineEdit) if e.objectName() == "filename")
        name.setText(str(out))
        printed = lambda: out.exists() and pdf_is_complete(out)  # noqa: E731
        probe.longest_cpu = 0.0
        stall = probe.measure(lambda: QTest.keyClick(dialog, Qt.Key.Key_Return), printed)
        record("print the biggest match, OK until printed", stall, "-")
    w.activateWindow()
    QTest.qWaitForWindowActive(w)

    # The line-up editor's "From last match", until the copied line-up (or why not) shows.
    QTest.keySequence(w, "Ctrl+L")
    while not getattr(QApplication.activeModalWidget(), "ready", False):
        app.processEvents()
    editor: Any = QApplication.activeModalWidget()
    pane = editor.away
    pane.note.setText("")
    copied = lambda: pane.note.text().startswith(("Copied", "No earlier"))  # noqa: E731
    probe.longest_cpu = 0.0  # this action's own, not the setting up before it
    stall = probe.measure(lambda: QTest.mouseClick(pane.from_last, Qt.MouseButton.LeftButton),
                          copied)  # fmt: skip
    record("line-up editor, From last match", stall, "-")
    close_modal()


def exports(probe: StallProbe, db: Path, window: Any, person_id: int, match_id: int,
            record: Callable[[str, float, str], None]) -> None:  # fmt: skip
    """The PDF exports (File ▸ Export, after its file dialog; the Diary's "Diary PDF…"),
    until the "Export finished" box: the biggest match, the busiest person, the diary
    year with the most matches seen, the diary in figures."""
    (year, seen) = one_row(
        db,
        "SELECT CAST(substr(date, 1, 4) AS INTEGER) y, count(*) FROM match "
        "WHERE fan_attendance <> 'none' GROUP BY y ORDER BY 2 DESC LIMIT 1",
    )
    out = Path(tempfile.mkdtemp(prefix="bench-gui-export-"))
    actions = window.data_actions
    finished = lambda: isinstance(QApplication.activeModalWidget(), QMessageBox)  # noqa: E731
    for name, start in (
        ("export PDF, the biggest match", lambda: actions.export_to("match", match_id, "pdf",
                                                                    out / "match.pdf")),
        ("export PDF, the busiest person", lambda: actions.export_to("person", person_id, "pdf",
                                                                     out / "person.pdf")),
        (f"export PDF, diary year ({seen} matches)", lambda: actions.export_to("year", year, "pdf",
                                                                          out / "year.pdf")),
        ("export PDF, the diary in figures", lambda: actions.export_diary_pdf(None, None,
                                                                          out / "diary.pdf")),
    ):  # fmt: skip
        probe.longest_cpu = 0.0  # this action's own, not the setting up before it
        stall = probe.measure(start, finished)
        box = QApplication.activeModalWidget()
        assert box.text().startswith("Wrote"), box.text()  # type: ignore[union-attr]
        record(f"{name}, until written", stall, "-")
        close_modal()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", type=Path, help="a copy: the bench writes to it")
    parser.add_argument("--pages-only", action="store_true",
                        help="only the person and match pages and the dialogs")  # fmt: skip
    args = parser.parse_args()
    db = args.database.resolve()
    # A fresh config folder: a first launch, on the Matches tab (a remembered tab would
    # leave the matches list unread until shown).
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bench-gui-cfg-")

    app, database, window = open_app_window(db)
    probe = StallProbe()
    probe.start()
    probe.longest_cpu = 0.0
    results: list[tuple[str, float, str]] = []

    def record(name: str, stall: float, raw: str) -> None:
        verdict = "ok" if stall <= LIMIT_MS else "OVER"
        results.append((name, stall, raw))
        cpu = f"(GUI thread CPU {probe.longest_cpu:4.0f} ms)"  # the worst of its measures
        probe.longest_cpu = 0.0
        print(f"{name:<44} {stall:>7.0f} ms {cpu} {verdict:<4}  raw: {raw}", flush=True)

    def rows_of(view: object) -> int:
        return view.table.model().rowCount()  # type: ignore[attr-defined]

    quotes = window.quotes_view
    table = window.matches_view.table
    assert window.tabs.currentIndex() == 0 and table.source.count() > 0, "matches not listed"
    if not args.pages_only:  # the lists: tabs, sorts, filters, scrolling
        texts = [[c.text(m) for c in table.source.columns] for m in table.source.rows()]
        bare = bare_model(texts)
        qt = bare_qt_stalls(probe, bare)
        probe.longest_cpu = 0.0  # the bare window's own measures are not the app's
        window.activateWindow()  # shortcuts go to the active window: ours again
        QTest.qWaitForWindowActive(window)
        print(f"bare Qt, same rows: tab shown {qt['tab']:.0f} ms, header click {qt['sort']:.0f} ms,"
              f" scroll step {qt['scroll']:.0f} ms", flush=True)  # fmt: skip
        # Browse tabs, each first shown (they load when first shown).
        for view, sql in (
            (quotes, "SELECT * FROM quote"),
            (window.people_view, "SELECT * FROM person"),
            (window.teams_view, "SELECT * FROM team"),
            (window.competitions_view, "SELECT * FROM competition"),
            (window.diary_view, "SELECT * FROM match WHERE fan_attendance <> 'none'"),  # seen
        ):
            index = window.tabs.indexOf(view)
            stall = probe.measure(lambda i=index: window.tabs.setCurrentIndex(i),
                                  lambda v=view: rows_of(v) > 0)  # fmt: skip
            record(f"{window.tabs.tabText(index)} tab, first shown", stall,
                   f"{raw_ms(db, sql):.0f} ms ({sql}); bare Qt tab {qt['tab']:.0f} ms")  # fmt: skip
        stall = probe.measure(
            lambda: window.tabs.setCurrentWidget(window.search_view), lambda: True
        )
        record("Search tab, first shown", stall, "-")

        # The Quotes tab: sort by each header, type in the filter (answers come from a worker).
        window.tabs.setCurrentWidget(quotes)
        for column, sql in ((0, "q.speaker_id"), (1, "q.text"), (3, "q.match_id DESC")):
            stall = probe.measure(lambda c=column: click_header(quotes.table, c),
                                  lambda: not quotes.model.loading)  # fmt: skip
            raw = raw_ms(db, f"SELECT q.id FROM quote q ORDER BY {sql}")
            record(f"sort quotes by column {column}", stall, f"{raw:.0f} ms (ORDER BY {sql})")
        quotes.filter_edit.setFocus()
        stalls = [probe.measure(lambda c=c: QTest.keyClick(quotes.filter_edit, c),
                                lambda: not quotes.model.loading) for c in "london"]  # fmt: skip
        raw = raw_ms(db, "SELECT id FROM quote WHERE text LIKE '%london%'")
        record("quotes filter, worst key of 'london'", max(stalls), f"{raw:.0f} ms (LIKE, whole)")
        QTest.keySequence(quotes.filter_edit, "Ctrl+A")  # type: ignore[arg-type]
        QTest.keyClick(quotes.filter_edit, Qt.Key.Key_Delete)

        # The matches list: sort by each column header, then type in the filter.
        window.tabs.setCurrentIndex(0)
        for column in range(table.model().columnCount()):
            label = table.model().headerData(column, Qt.Orientation.Horizontal)
            stall = probe.measure(lambda c=column: click_header(table, c), lambda: True)
            record(
                f"sort matches by '{label}'",
                stall,
                f"bare proxy sort {bare_sort_ms(bare, column):.0f} ms",
            )
        edit = window.matches_view.filter_edit
        edit.setFocus()
        stalls = [
            probe.measure(lambda c=c: QTest.keyClick(edit, c), lambda: True) for c in "england"
        ]
        per_key = bare_proxy_ms_per_key(bare, "england")
        record("matches filter, first key", stalls[0], "")
        record(
            "matches filter, worst key of 'england'",
            max(stalls),
            f"bare proxy {per_key:.0f} ms/key",
        )
        record("matches filter, median key", statistics.median(stalls), "")
        QTest.keySequence(edit, "Ctrl+A")  # type: ignore[arg-type]
        QTest.keyClick(edit, Qt.Key.Key_Delete)
        bar = table.verticalScrollBar()
        scroll = []
        for _ in range(30):  # page down through the list: fetchMore brings batch after batch
            scroll.append(probe.measure(lambda: bar.setValue(bar.value() + bar.pageStep() * 10),
                                        lambda: True))  # fmt: skip
        record(
            "matches list, scrolling (worst step)", max(scroll), f"bare Qt {qt['scroll']:.0f} ms"
        )

    # The busiest person's page.
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    (busiest, moments) = conn.execute(
        "SELECT player_id, count(*) FROM moment WHERE player_id IS NOT NULL "
        "GROUP BY player_id ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    (big_match,) = conn.execute(
        "SELECT match_id FROM moment GROUP BY match_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    conn.close()
    raw = raw_ms(db, "SELECT * FROM moment WHERE player_id = ? OR related_player_id = ?",
                 busiest, busiest)  # fmt: skip
    person: list[object] = []
    stall = probe.measure(lambda: person.append(window.open_person(busiest)),
                          lambda: bool(person) and person[0].page is not None)  # type: ignore[attr-defined]  # fmt: skip
    record(f"person page ({moments} moments)", stall, f"{raw:.0f} ms (their moments)")
    # The competition of the biggest season, opened as from the Competitions tab.
    from matchnotes.ui.competition_tabs import open_competition

    (competition, season_matches) = one_row(
        db,
        "SELECT s.competition_id, count(*) FROM match m JOIN season s ON s.id = m.season_id "
        "GROUP BY m.season_id ORDER BY 2 DESC LIMIT 1",
    )
    held: list[object] = []
    stall = probe.measure(lambda: held.append(open_competition(window, competition)),
                          lambda: bool(held) and held[0].page is not None)  # type: ignore[attr-defined]  # fmt: skip
    record(f"competition page ({season_matches} matches a season)", stall, "-")
    raw = raw_ms(db, "SELECT * FROM moment WHERE match_id = ?", big_match)
    opened: list[object] = []
    stall = probe.measure(lambda: opened.append(window.open_match(big_match)),
                          lambda: bool(opened) and is_open(opened[0]))  # type: ignore[attr-defined]  # fmt: skip
    record("match page (the biggest match), until filled", stall, f"{raw:.1f} ms (its moments)")
    page = opened[0]
    for tab in range(1, page.tabs.count()):  # type: ignore[attr-defined]
        stall = probe.measure(lambda t=tab: page.tabs.setCurrentIndex(t), lambda: True)  # type: ignore[attr-defined]
        record(f"  its {page.tabs.tabText(tab)} tab, shown", stall, "-")  # type: ignore[attr-defined]
    page.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]

    # Dialogs, opened from their shortcuts on the match page and closed again; measured
    # until what they read on a worker (names to complete, stored line-ups) is in.
    window.activateWindow()
    QTest.qWaitForWindowActive(window)

    def dialog_ready() -> bool:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return False
        return getattr(dialog, "reads_pending", 0) == 0 and getattr(dialog, "ready", True)

    for name, keys in (("new match", "Ctrl+N"), ("edit match", "Ctrl+Shift+E"),
                       ("log moment", "Ctrl+M"), ("add quote", "Ctrl+Shift+Q"),
                       ("add note", "Ctrl+Shift+N"), ("add one player", "Ctrl+Shift+L"),
                       ("edit line-ups", "Ctrl+L"), ("new person", "Ctrl+Shift+P")):  # fmt: skip
        trigger = lambda k=keys: QTest.keySequence(window, k)  # noqa: E731
        stall = probe.measure(trigger, dialog_ready)
        record(f"{name} dialog, opened", stall, "-")
        dialog = QApplication.activeModalWidget()
        dialog.reject() if hasattr(dialog, "reject") else dialog.close()  # type: ignore[union-attr]
        app.processEvents()
    # Edit selected (Ctrl+E) on a moment of the list, then on a quote.
    for tab, table, name in ((0, page.moments, "edit moment"), (2, page.quotes, "edit quote")):  # type: ignore[attr-defined]
        page.tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
        if table.model().rowCount() == 0:
            continue
        table.setFocus()
        table.selectRow(0)
        stall = probe.measure(lambda: QTest.keySequence(window, "Ctrl+E"), dialog_ready)
        record(f"{name} dialog, opened", stall, "-")
        dialog = QApplication.activeModalWidget()
        dialog.reject() if hasattr(dialog, "reject") else dialog.close()  # type: ignore[union-attr]
        app.processEvents()
    page.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
    reads_after_actions(probe, db, window, page, big_match, record)
    exports(probe, db, window, busiest, big_match, record)
    stall = probe.measure(window.show_help, lambda: window._help is not None)
    record("help window, opened", stall, "-")
    window._help.close()  # type: ignore[union-attr]

    if not args.pages_only:
        # Quick entry on the newest match: Enter to the moment painted on the list and the
        # timeline (bench_quick_entry.EnterTimer), and the longest stall meanwhile.
        from bench_quick_entry import EnterTimer

        match_id = window.matches_view.table.source.row_at(0).id
        page = window.open_match(match_id)
        while not is_open(page):
            app.processEvents()
        raw_commit = raw_commit_ms(db, match_id)
        timer = EnterTimer(page)
        enter_shown, enter_stalls = [], []
        probe.longest_cpu = 0.0  # the entries' own, not the page's opening before them
        for n in range(7):
            enter_shown.append(timer.enter(f"{10 + n} note bench {n}", before=probe.reset)[0])
            for _ in range(5):  # what the line left for later (the Edit menu's words)
                app.processEvents()
            enter_stalls.append(max(probe.longest, probe.clock.nsecsElapsed() / 1e6 - probe.last))
        record("quick entry, Enter to shown (median of 7)", statistics.median(enter_shown),
               f"raw commit {raw_commit:.1f} ms (median)")  # fmt: skip
        record("quick entry, Enter to shown (worst of 7)", max(enter_shown), "")
        record("quick entry, longest stall (worst of 7)", max(enter_stalls), "")

        # Every tab opened: what the app holds, in a fresh process (this one holds the bench).
        rss, bare_rss = app_rss_mb(db), bare_table_rss_mb()
        print(f"{'memory with every tab opened (RSS)':<44} {rss:>7.0f} MB        "
              f"bare window + 10,000-row table: {bare_rss:.0f} MB", flush=True)  # fmt: skip
    over = [name for name, stall, _ in results if stall > LIMIT_MS]
    print(f"\n{len(over)} of {len(results)} measures over {LIMIT_MS} ms: {', '.join(over)}")
    window.close()
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
