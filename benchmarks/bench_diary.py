"""How long the Diary tab holds the GUI thread on a big archive (issues 16 and 20).

    python benchmarks/bench_diary.py COPY.sqlite [--seen 500]

``--seen N`` first marks exactly N matches of the copy seen (every k-th match, half
attended, half watched; the rest not seen), as a fan's diary over a big imported
archive. Then, with bench_gui's stall probe (a 1 ms timer on the GUI thread): the
Diary tab first shown until its rows are on screen; each year picked in turn (worst
shown); Ctrl+D on a listed match and Enter, until the diary has read itself again;
"Add a match I saw" until the archive's candidates are listed. Figures by hand into
BENCHMARKS.md, with the date and the load.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.bench_gui import LIMIT_MS, StallProbe, open_app_window, raw_ms

SEEN_SQL = "fan_attendance IN ('attended', 'watched')"


def mark_seen(db: Path, count: int) -> None:
    conn = sqlite3.connect(db)
    total = conn.execute("SELECT count(*) FROM match").fetchone()[0]
    step = max(1, total // max(count, 1))
    conn.execute("UPDATE match SET fan_attendance = 'none'")
    ids = [r[0] for r in conn.execute("SELECT id FROM match ORDER BY id")][::step][:count]
    for n, ident in enumerate(ids):
        kind = "attended" if n % 2 else "watched"
        conn.execute("UPDATE match SET fan_attendance = ? WHERE id = ?", (kind, ident))
    conn.commit()
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", type=Path, help="a copy: the bench writes to it")
    parser.add_argument("--seen", type=int, help="mark exactly this many matches seen first")
    args = parser.parse_args()
    db = args.database.resolve()
    if args.seen is not None:
        mark_seen(db, args.seen)
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bench-diary-cfg-")

    from matchnotes.ui.dialogs.add_seen_dialog import AddSeenDialog
    from matchnotes.ui.dialogs.seen_dialog import SeenDialog

    app, database, window = open_app_window(db)
    services = window.services
    QTest.qWaitForWindowActive(window)
    probe = StallProbe()
    probe.start()
    diary = window.diary_view
    seen = raw_ms(db, f"SELECT count(*) FROM match WHERE {SEEN_SQL}")
    count = sqlite3.connect(db).execute(f"SELECT count(*) FROM match WHERE {SEEN_SQL}").fetchone()
    print(f"{count[0]} matches seen of the archive (count: {seen:.0f} ms)", flush=True)

    def record(name: str, stall: float, raw: str = "-") -> None:
        verdict = "ok" if stall <= LIMIT_MS else "OVER"
        print(f"{name:<44} {stall:>7.0f} ms  {verdict:<4}  raw: {raw}", flush=True)

    got: list[int] = []  # one per diary read arrived on screen
    diary.loaded.connect(lambda: got.append(1))
    sql = f"SELECT * FROM match WHERE {SEEN_SQL}"
    stall = probe.measure(lambda: window.tabs.setCurrentWidget(diary), lambda: bool(got))
    record("Diary tab, first shown (until listed)", stall, f"{raw_ms(db, sql):.0f} ms ({sql})")

    worst = 0.0
    for row in range(min(diary.periods.count(), 25)):
        worst = max(worst, probe.measure(lambda r=row: diary.periods.setCurrentRow(r),
                                         lambda: True))  # fmt: skip
    record(f"pick a period, worst of {min(diary.periods.count(), 25)}", worst)

    diary.table.setFocus()
    diary.table.selectRow(0)
    stall = probe.measure(
        lambda: QTest.keyClick(diary.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier),
        lambda: isinstance(QApplication.activeModalWidget(), SeenDialog),
    )
    record("Ctrl+D: the form open", stall)
    form = QApplication.activeModalWidget()
    QTest.qWaitForWindowActive(form)
    got.clear()
    stall = probe.measure(
        lambda: QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return), lambda: bool(got)
    )
    record("Enter: saved, diary read again", stall)
    if services.history.next_undo() is not None:  # a mark unchanged records nothing
        services.history.undo()  # leave the copy as it was

    stall = probe.measure(
        window.add_seen_match, lambda: isinstance(QApplication.activeModalWidget(), AddSeenDialog)
    )
    record("Add a match I saw: the form open", stall)
    dialog = QApplication.activeModalWidget()
    QTest.qWaitForWindowActive(dialog)
    stall = probe.measure(lambda: QTest.keyClicks(dialog.home, "ar"),
                          lambda: "fit" in dialog.status.text())  # fmt: skip
    record("Add a match I saw: 'ar' typed, listed", stall)
    dialog.discard()
    window.close()
    database.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
