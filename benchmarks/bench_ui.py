"""Launch-to-usable-window time beside a bare PySide6 window, and the biggest match page.

    python benchmarks/bench_ui.py BIG.sqlite [--runs 5]

Each launch is a fresh process (imports included), timed from interpreter start to
the first painted frame of the window with its list filled. BIG.sqlite comes from
benchmarks/generate.py. Figures go into BENCHMARKS.md by hand.
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

BARE = """
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1200, 720); w.show()
app.processEvents(); w.grab()
print(time.time() - t0)
"""
APP = """
import time, sys
t0 = float(sys.argv[1])
from matchnotes.app import create_application
from matchnotes.db.database import open_database
from matchnotes.services import Services
app = create_application()
from matchnotes.ui.main_window import MainWindow
db = open_database(sys.argv[2])
w = MainWindow(Services.create(db.engine), sys.argv[2]); w.resize(1200, 720); w.show()
app.processEvents(); w.grab()
assert w.matches_view.table.model().rowCount() > 0
print(time.time() - t0)
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


def _run(code: str, db: str) -> float:
    # A throw-away config folder: every run is a first launch on the Matches tab.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": CONFIG}
    out = subprocess.run(
        [sys.executable, "-c", code, str(time.time()), db], env=env, capture_output=True, text=True
    )
    if out.returncode:
        raise SystemExit(out.stderr)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = str(args.db)
    _run(BARE, db)  # warm the file cache once
    bare = statistics.median(_run(BARE, db) for _ in range(args.runs))
    app = statistics.median(_run(APP, db) for _ in range(args.runs))
    page = statistics.median(_run(PAGE, db) for _ in range(args.runs))
    print(f"bare PySide6 window:        {bare:.3f} s (median of {args.runs})")
    print(f"MatchNotes usable window:   {app:.3f} s  = {app / bare:.1f}x bare (target <= 3x)")
    print(f"biggest match page opened:  {page * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
