"""Time importing the whole international results archive (target < 60 s).

    python benchmarks/bench_international.py [--keep FOLDER]

Two scenarios, each in its own process so the peak memory is that import's: the
shipped archive (49,520 matches, 47,914 goals) into an empty database, and into the
demo database. For each: wall time of the import (one transaction, committed to disk),
peak resident memory of the process, the database file's size after it, then the time
of a second import and whether it changed anything (it must not). Figures go into
BENCHMARKS.md by hand, with the machine's load (`uptime`).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from matchnotes.db.database import open_database  # noqa: E402
from matchnotes.demo import load_demo  # noqa: E402
from matchnotes.services import Services  # noqa: E402

TABLES = ("match", "moment", "person", "team", "competition", "season", "alias", "change")


def counts(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}


def child(scenario: str, path: Path) -> dict[str, object]:
    database = open_database(path)
    try:
        services = Services.create(database.engine)
        if scenario == "demo":
            load_demo(services)
        start = time.perf_counter()
        first = services.imports.import_international()
        took = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        before = counts(database.engine)
        start = time.perf_counter()
        second = services.imports.import_international()
        again = time.perf_counter() - start
        same = counts(database.engine) == before and not (second.added or second.updated)
    finally:
        database.close()
    return {
        "scenario": scenario,
        "seconds": round(took, 1),
        "peak_rss_mb": round(peak_mb),
        "file_mb": round(path.stat().st_size / 2**20, 1),
        "added": first.added,
        "details": {k: v["added"] for k, v in first.to_dict()["details"].items()},
        "second_import_seconds": round(again, 1),
        "second_import_changed_nothing": same,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="leave the databases in this folder")
    parser.add_argument("--only", choices=("empty", "demo"), help="run one scenario")
    parser.add_argument("--child", nargs=2, metavar=("SCENARIO", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]))))
        return
    with tempfile.TemporaryDirectory(prefix="matchnotes-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for scenario in [args.only] if args.only else ["empty", "demo"]:
            path = folder / f"international-{scenario}.sqlite"
            path.unlink(missing_ok=True)
            out = subprocess.run(
                [sys.executable, __file__, "--child", scenario, str(path)],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            print(json.dumps(json.loads(out.stdout.splitlines()[-1])))


if __name__ == "__main__":
    main()
