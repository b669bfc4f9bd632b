"""Time to draft all 64 imported World Cup 2022 matches (issue 19).

    python benchmarks/bench_draft.py [--runs 5]

Target: the 64 drafts under 2 s together. The demo match is loaded first (its Kane and
Rooney baselines make the milestone queries run), then tests/data/openfootball's
worldcup-2022.json is imported on top; only composing the drafts is timed (read, not
saved), then once more saving each (`generate`). Figures go into BENCHMARKS.md by hand.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matchnotes.db.database import open_database
from matchnotes.demo import load_demo
from matchnotes.services import Services

WORLDCUP = Path(__file__).resolve().parent.parent / "tests/data/openfootball/worldcup-2022.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite")
        services = Services.create(db.engine)
        load_demo(services)
        services.imports.import_file(WORLDCUP)
        ids = [m.id for m in services.matches.list_matches()]
        assert len(ids) == 64, len(ids)
        services.draft.fresh(ids[0])  # first use loads the modules: not part of the figure
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            sentences = sum(len(services.draft.fresh(i).sentences) for i in ids)
            times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for i in ids:
            services.draft.generate(i)
        saved = time.perf_counter() - start
        db.close()
    median, best = statistics.median(times), min(times)
    print(f"64 drafts ({sentences} sentences), {args.runs} runs: "
          f"median {median:.3f} s, best {best:.3f} s (target < 2 s)")  # fmt: skip
    print(f"64 drafts generated and saved (one transaction each): {saved:.3f} s")


if __name__ == "__main__":
    main()
