"""Launch-to-usable-window time beside a bare PySide6 window with a table, and the biggest
match page.

    python benchmarks/bench_ui.py BIG.sqlite [--runs 5]

Each launch is a fresh process (imports included) running the real start-up path,
bare and app launches taking turns (so the machine's load changes hit both alike),
timed from interpreter start to the first painted frame of the window with the newest
matches listed, and to the moment the database is open behind it (checked, the full
list loaded, every action enabled). BIG.sqlite comes from benchmarks/generate.py.
Figures go into BENCHMARKS.md by hand.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Both are timed the same way: from interpreter start until the event loop is back
# after the window's first paint pass (MainWindow.first_painted is that moment).
BARE = """
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
class Window(QMainWindow):
    painted = None
    def paintEvent(self, event):
        super().paintEvent(event)
        if Window.painted is None:
            Window.painted = False
            QTimer.singleShot(0, lambda: setattr(Window, "painted", time.time() - t0))
app = QApplication([])
w = Window(); w.resize(1200, 720)
# Like the app's first frame: a table of the 200 newest rows, nine columns.
model = QStandardItemModel(200, 9)
for r in range(200):
    for c in range(9):
        model.setItem(r, c, QStandardItem(f"cell {r} {c}"))
table = QTableView(); table.setModel(model); w.setCentralWidget(table)
w.show()
while not Window.painted:
    app.processEvents()
print(Window.painted)
"""
# The real start-up path (`matchnotes --db FILE`), stopped where app.exec() would run.
APP = """
import time, sys, argparse
t0 = float(sys.argv[1])
from matchnotes.app import create_application, launch
app = create_application()
launched = launch(argparse.Namespace(demo=False, db=sys.argv[2], command=None))
w = launched.window
painted = []
w.first_painted.connect(lambda: painted.append(time.time() - t0))
while not painted:
    app.processEvents()
rows = w.matches_view.table.model().rowCount()
assert rows > 0, "the first frame listed no match"
while w.services is None:
    app.processEvents(); time.sleep(0.001)
ready = time.time() - t0
launched.opener.close()
print(painted[0], ready, rows)
"""
PAGE = """
import time, sys
from matchnotes.app import create_application
from matchnotes.db.database import open_database
from matchnotes.services import Services
from sqlalchemy import text
app = create_application()
from matchnotes.ui.main_window import MainWindow
db = open_database(sys.argv[2])
with db.engine.connect() as c:
    biggest = c.execute(text("SELECT match_id FROM moment GROUP BY match_id "
                             "ORDER BY count(*) DESC LIMIT 1")).scalar()
w = MainWindow(Services.create(db.engine), sys.argv[2]); w.show(); app.processEvents()
t0 = time.perf_counter()
page = w.open_match(biggest); app.processEvents(); w.grab()
print(time.perf_counter() - t0)
"""


CONFIG = tempfile.mkdtemp(prefix="matchnotes-bench-")
PYCACHE = tempfile.mkdtemp(prefix="matchnotes-bench-pycache-")


def _run(code: str, db: str) -> list[float]:
    # A throw-away config folder: every run is a first launch on the Matches tab.
    # Bytecode cached as on any installation (Python writes it on the first run; a
    # frozen build ships it): this machine sets PYTHONDONTWRITEBYTECODE for every
    # process, which would recompile the app's modules on each launch.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": CONFIG,
           "PYTHONPYCACHEPREFIX": PYCACHE}  # fmt: skip
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run(
        [sys.executable, "-c", code, str(time.time()), db], env=env, capture_output=True, text=True
    )
    if out.returncode:
        raise SystemExit(out.stderr)
    return [float(x) for x in out.stdout.strip().splitlines()[-1].split()]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = str(args.db)
    _run(APP, db)  # warm the file cache once
    # Interleaved, bare then app, so a change of the machine's load hits both alike.
    bares, runs = [], []
    for _ in range(args.runs):
        bares.append(_run(BARE, db)[0])
        runs.append(_run(APP, db))
    bare = statistics.median(bares)
    first = statistics.median(r[0] for r in runs)
    ratios = sorted(r[0] / b for r, b in zip(runs, bares, strict=True))
    ready = statistics.median(r[1] for r in runs)
    page = statistics.median(_run(PAGE, db)[0] for _ in range(args.runs))
    print(f"bare PySide6 window + table:  {bare:.3f} s (median of {args.runs}, interleaved)")
    print(f"MatchNotes first frame:       {first:.3f} s  = {first / bare:.1f}x bare (target <= 3x),"
          f" {int(runs[0][2])} newest matches listed")  # fmt: skip
    print(f"pairwise ratios app/bare:     {', '.join(f'{x:.1f}' for x in ratios)}")
    print(f"database open, all enabled:   {ready:.3f} s")
    print(f"biggest match page opened:    {page * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
