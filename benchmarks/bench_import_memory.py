"""Peak memory of importing a 50 MB CSV and a 50 MB MatchNotes JSON (issue 14, item 8).

    python benchmarks/bench_import_memory.py [--mb 50] [--valid-mb 5]

Generates the files in a temporary folder, then imports each in a fresh subprocess
(a new database) and reads the child's peak resident memory (``ru_maxrss``). The big
files end with one bad row, so the whole file is read and parsed and then refused, as
a user's mistyped archive would be; a smaller valid CSV and JSON (``--valid-mb``) are
imported to the end, which measures the writing too. Prints, per file: its size, the
outcome, the child's peak RSS and its RSS before the import began.
Figures go into BENCHMARKS.md by hand.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import resource, sys, time
from pathlib import Path
from matchnotes.db.database import open_database
from matchnotes.errors import MatchNotesError
from matchnotes.services.imports import ImportService
database = open_database(Path(sys.argv[2]))
service = ImportService(database.engine)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
outcome = "(nothing to import)"
if sys.argv[1] != "-":
    try:
        summary = service.import_file(Path(sys.argv[1]))
        outcome = f"imported {summary.added} {summary.subject}"
    except MatchNotesError as exc:
        outcome = "refused: " + str(exc)[:90]
seconds = time.perf_counter() - start
print(base, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, f"{seconds:.1f}", outcome)
"""

CSV_HEADER = (
    "date,time,home,away,home_score,away_score,decided_by,status,competition,season,"
    "stage,venue,city,referee,attendance\n"
)


def csv_row(i: int) -> str:
    day = f"{1950 + i % 70}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    return (
        f"{day},15:00,Team {i % 997},Club {i % 991},{i % 5},{i % 3},regular,finished,"
        f"League {i % 7},{1950 + i % 70},Round {i % 38},Ground {i % 501},Town {i % 501},"
        f"Referee {i % 301},{1000 + i % 40000}\n"
    )


def write_csv(path: Path, size: int, bad_last: bool) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(CSV_HEADER)
        written, i = len(CSV_HEADER), 0
        while written < size:
            row = csv_row(i)
            out.write(row)
            written += len(row)
            i += 1
        if bad_last:
            out.write("2024-13-01,15:00,Team 1,Club 2,1,0,regular,finished,,,,,,,\n")


def write_json(path: Path, size: int, bad_last: bool) -> None:
    """A MatchNotes JSON: teams, people, matches, and as many moments as fit."""
    teams = [{"id": i, "name": f"Team {i}"} for i in range(1, 201)]
    people = [{"id": i, "name": f"Player {i}", "role": "player"} for i in range(1, 2001)]
    matches = [
        {"id": i, "date": f"{1950 + i % 70}-{1 + i % 12:02d}-{1 + i % 28:02d}",
         "home_team_id": 1 + i % 200, "away_team_id": 1 + (i + 1) % 200, "status": "finished"}
        for i in range(1, 5001)
    ]  # fmt: skip
    moment = {"id": 0, "match_id": 1, "period": "2H", "minute": 67, "stoppage": 0,
              "kind": "goal", "team_id": 2, "player_id": 1, "description": "A header."}  # fmt: skip
    head = json.dumps({"format": "matchnotes", "version": 1, "tables": {
        "team": teams, "person": people, "match": matches}})[:-2]  # fmt: skip
    with path.open("w", encoding="utf-8") as out:
        out.write(head + ', "moment": [')
        written, i = len(head), 0
        while written < size:
            m = i % 5000 + 1
            row = dict(moment, id=i + 1, match_id=m, team_id=1 + m % 200, player_id=1 + i % 2000)
            if bad_last and written + 200 >= size:
                row["minute"] = 200  # not in the second half: refused
            text = ("," if i else "") + json.dumps(row)
            out.write(text)
            written += len(text)
            i += 1
        out.write("]}}\n")


def measure(path: Path | None, folder: Path) -> str:
    db = folder / f"bench-{path.stem if path else 'base'}.sqlite"
    db.unlink(missing_ok=True)
    args = [sys.executable, "-c", CHILD, str(path) if path else "-", str(db)]
    out = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    base, peak, seconds, outcome = out.strip().split(" ", 3)
    size = f"{path.stat().st_size / 1e6:5.1f} MB" if path else "   -    "
    name = path.name if path else "(modules only)"
    mb = f"peak {int(peak) / 1024:5.0f} MB (before the import {int(base) / 1024:3.0f} MB)"
    return f"{name:18} {size}  {mb}  {seconds:>6} s  {outcome}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--valid-mb", type=float, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = []
        for name, writer, mb, bad in (
            ("big-refused.csv", write_csv, args.mb, True),
            ("big-refused.json", write_json, args.mb, True),
            ("valid.csv", write_csv, args.valid_mb, False),
            ("valid.json", write_json, args.valid_mb, False),
        ):
            if mb > 0:
                writer(folder / name, int(mb * 1e6), bad)
                files.append(folder / name)
        print(measure(None, folder))
        for path in files:
            print(measure(path, folder), flush=True)


if __name__ == "__main__":
    main()
