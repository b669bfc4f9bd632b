"""Time importing the 64-match World Cup file into a fresh database (target < 2 s).

    python benchmarks/bench_import.py [--runs 5] [--json PATH] [--txt PATH]

Each run creates a new database file (not timed), then times the import of the
openfootball football.json file, which is one transaction committed to disk; with
--txt, also the Football.TXT match reports merged on top. Prints the median and the
slowest run. Figures go into BENCHMARKS.md by hand.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matchnotes.db.database import open_database  # noqa: E402
from matchnotes.services.imports import ImportService  # noqa: E402

DATA = ROOT / "tests" / "data" / "openfootball"


def run_once(folder: Path, files: list[Path]) -> list[float]:
    database = open_database(folder / "bench.sqlite")
    try:
        service = ImportService(database.engine)
        times = []
        for path in files:
            start = time.perf_counter()
            service.import_file(path)
            times.append(time.perf_counter() - start)
        return times
    finally:
        database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, default=DATA / "worldcup-2022.json")
    parser.add_argument("--txt", type=Path, default=None, help="Football.TXT to merge on top")
    args = parser.parse_args()
    files = [args.json] + ([args.txt] if args.txt else [])
    runs = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            runs.append(run_once(Path(folder), files))
    for i, path in enumerate(files):
        times = [run[i] for run in runs]
        print(
            f"{path.name}: median {statistics.median(times):.3f} s, "
            f"slowest {max(times):.3f} s over {len(times)} runs"
        )


if __name__ == "__main__":
    main()
