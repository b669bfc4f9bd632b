"""Time from Enter to committed for one quick-entry line, on a database of 100,000 moments.

    python benchmarks/bench_quick_entry.py [--lines 300]

Generates the database with benchmarks/generate.py (1,000 matches x 100 moments) in a
temporary folder, then records lines into one match through QuickEntryService.record,
the same call the quick-entry widget makes on Enter (parse, resolve names, one
committed transaction with synchronous=FULL).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

from matchnotes.db.database import open_database
from matchnotes.entry import PossibleDuplicate
from matchnotes.services import Services

LINES = ["{m} yc #{n}", "{m} chance #{n} low drive", "{m} save #{n}", "{m} note crowd noise"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=300)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp(prefix="matchnotes-qe-")) / "qe.sqlite"
    generate(path, matches=1_000, moments=100_000, quotes=1_000, notes=1_000)
    db = open_database(path)
    services = Services.create(db.engine)
    match = services.matches.list_matches()[0]
    team = services.catalog.team(match.home_id)
    timings = []
    for i in range(args.lines):
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
    print(f"{args.lines} lines on {path.name} (100,000 moments): "
          f"median {statistics.median(timings):.1f} ms, "
          f"p95 {timings[int(len(timings) * 0.95)]:.1f} ms, worst {timings[-1]:.1f} ms "
          "(target: median < 20 ms)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
