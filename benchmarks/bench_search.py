"""Search latency on a big database: two-word queries, median and worst.

    python benchmarks/bench_search.py BIG.sqlite [--queries 200] [--seed 7]
    python benchmarks/bench_search.py postgresql://me@host/big   # a copy on a server

A server's database is a copy of such a file (``matchnotes copy BIG.sqlite URL``); it is
upgraded on open too (0012 builds PostgreSQL's search index), and the raw SQL runs
through psycopg. Target on PostgreSQL (issue 18): median at most 50 ms.

BIG.sqlite comes from benchmarks/generate.py (10,000 matches, 1,000,000 moments, 50,000
quotes, 50,000 notes); it is generated first when missing. An older file (schema 0003) is
upgraded on open, which builds the search index: that time is printed too. Each query is
``SearchService.search`` as the search box calls it (all kinds, 50 results of each, with
titles, snippets and contexts), timed from the call to the returned results; the last
word is a prefix, as while typing. Beside it, the same SQL statements (captured from the
search) run raw through sqlite3 with the same parameters, right after it, so that load
changes hit both. Target: median under 20 ms and at most 2x raw, worst under 100 ms.
On a server on this machine, the server's CPU time per search is printed too (read
from /proc): on a shared machine the wall times say as much about the other load.
Figures go into BENCHMARKS.md by hand.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import FIRST, LAST, WORDS, generate

from matchnotes.db.database import open_database
from matchnotes.services.search import SearchService
from matchnotes.text import fold

CITIES = ["London", "Manchester", "Paris", "Madrid", "Milan", "Munich", "Lisbon", "Porto"]
KINDS = ["goal", "penalty", "yellow", "substitution", "save", "chance", "injury", "var"]


def queries(count: int, seed: int) -> list[str]:
    """Two words as fans type them: a name and a word, some without accents, some cut short."""
    rng = random.Random(seed)
    names = [n.split()[-1] for n in FIRST + LAST] + CITIES
    found = []
    for _ in range(count):
        first, second = rng.choice(names), rng.choice(WORDS + KINDS)
        if rng.random() < 0.3:
            first = fold(first)  # "mbappe", "odegaard"
        if rng.random() < 0.3:
            second = second[: rng.randint(2, max(2, len(second) - 1))]  # still typing
        found.append(f"{first} {second}" if rng.random() < 0.8 else f"{second} {first}")
    return found


def _figures(ms: list[float]) -> str:
    ordered = sorted(ms)
    p95 = ordered[int(len(ordered) * 0.95)]
    return (
        f"median {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, worst {ordered[-1]:.1f} ms"
    )


def _raw_connection(database: str) -> Any:
    """The driver itself, for the raw runs of the same SQL: sqlite3, or psycopg."""
    if "://" not in database:
        return sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(database).set(drivername="postgresql")
    return psycopg.connect(url.render_as_string(hide_password=False))


def _size(raw: Any, server: bool, database: str) -> int:
    if not server:
        return Path(database).stat().st_size
    return int(raw.execute("SELECT pg_database_size(current_database())").fetchone()[0])


def _server_cpu(raw: Any, server: bool) -> dict[int, float]:
    """A local server's CPU seconds so far, per backend of this database (pid -> s),
    read from /proc: what a search costs the server, whatever else the machine runs.
    Empty for a file, or a server elsewhere."""
    if not server:
        return {}
    pids = raw.execute(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
    ).fetchall()
    raw.rollback()
    seconds = {}
    for (pid,) in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return {}
        seconds[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", help="a SQLite file or a PostgreSQL URL")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    server = "://" in args.database
    if not server and not Path(args.database).exists():
        began = time.perf_counter()
        generate(Path(args.database), 10_000, 1_000_000, 50_000, 50_000)
        print(f"generated {args.database} in {time.perf_counter() - began:.0f} s")
    began = time.perf_counter()
    db = open_database(args.database)
    if db.report.upgraded_from:
        print(f"upgraded from schema {db.report.upgraded_from} (backup, index build) "
              f"in {time.perf_counter() - began:.1f} s")  # fmt: skip
    search = SearchService(db.engine)
    statements: list[tuple[str, Any]] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append((a[2], a[3])))
    raw = _raw_connection(args.database)
    print(f"database: {_size(raw, server, args.database) / 1e6:.0f} MB")
    texts = queries(args.queries, args.seed)
    began = time.perf_counter()
    search.search(texts[0])
    print(f"first search after opening: {(time.perf_counter() - began) * 1000:.0f} ms")
    for text in texts[1:10]:  # warm: the page cache and SQLAlchemy's statement cache
        search.search(text)
    timings, cpu, raw_timings, raw_cpu, hits = [], [], [], [], []
    raw_pid = raw.execute("SELECT pg_backend_pid()").fetchone()[0] if server else None
    before = _server_cpu(raw, server)
    for text in texts:
        statements.clear()
        began, began_cpu = time.perf_counter(), time.process_time()
        results = search.search(text)
        timings.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
        hits.append(len(results))
        ran = list(statements)
        began, began_cpu = time.perf_counter(), time.process_time()
        for statement, parameters in ran:
            cursor = raw.execute(statement, parameters)
            if cursor.description is not None:  # not a SET
                cursor.fetchall()
        raw.rollback()  # one transaction per search, as the service's
        raw_timings.append((time.perf_counter() - began) * 1000)
        raw_cpu.append((time.process_time() - began_cpu) * 1000)
    after = _server_cpu(raw, server)
    db.close()
    raw.close()
    print(f"{len(texts)} two-word queries, {statistics.mean(hits):.0f} results shown on average")
    target = "median <= 50 ms" if server else "median < 20 ms, worst < 100 ms"
    print(f"wall: {_figures(timings)}  (target: {target})")
    print(f"raw:  {_figures(raw_timings)}  (the same SQL through the driver alone)")
    ratio = statistics.median(timings) / statistics.median(raw_timings)
    print(f"search / raw, medians: {ratio:.2f}x  (target: at most 2x)")
    # On a shared machine, CPU time is what the query costs without the other load.
    print(f"cpu:  {_figures(cpu)}  (load average {os.getloadavg()[0]:.1f})")
    print(f"raw cpu: {_figures(raw_cpu)}")
    if before and after:
        spent = {pid: after[pid] - before.get(pid, 0.0) for pid in after}
        searches = sum(v for pid, v in spent.items() if pid != raw_pid) * 1000 / len(texts)
        raw_ms = spent.get(raw_pid, 0.0) * 1000 / len(texts)
        print(f"server cpu per search: {searches:.1f} ms (the raw runs: {raw_ms:.1f} ms)")
    slowest = sorted(zip(timings, texts, strict=True), reverse=True)[:5]
    print("slowest: " + ", ".join(f"{text!r} {ms:.0f} ms" for ms, text in slowest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
