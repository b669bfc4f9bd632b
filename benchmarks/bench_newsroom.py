"""A newsroom on one match (issue 18): ten reporters logging at once, each watching live.

    scripts/with_postgres.sh python benchmarks/bench_newsroom.py [--loggers 10] [--lines 200]
    python benchmarks/bench_newsroom.py --server postgresql://user@host:5432/postgres

Creates a database on the server (dropped afterwards), a match with both line-ups, then
starts LOGGERS processes, each recording LINES quick-entry lines into that match through
QuickEntryService.record (goals for both sides, penalties, chances, saves, notes, a quote
now and then; each line carries a tag so it can be found), and one watcher process per
logger: the change feed (services/live.py: LISTEN on the server), and on each batch that
concerns the match the page brought up to date as the window does (services/live.page_after:
the rows changed read alone, by id, and put in place of the page shown).

Checks: every line stored exactly once (none lost, none doubled), the running score after
every moment and the final score equal to the goals logged, every watcher saw every
other logger's lines, and each watcher's page, put together in place, equals the whole
match read at the end. Prints p50/p99 of line-to-visible latency: from the logger's record()
returning (committed) to a watcher's read of the page that first holds the line (both
on CLOCK_MONOTONIC, one machine). Exit status 1 if a check fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import re
import statistics
import sys
import time
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from matchnotes.db.database import open_database
from matchnotes.enums import LineupRole, MomentKind
from matchnotes.errors import MatchNotesError
from matchnotes.services import Services
from matchnotes.services.inputs import LineupInput, MatchInput
from matchnotes.services.views import MomentView

TAG = re.compile(r"\bt(\d+)x(\d+)\b")
TEAMS = (("England", "ENG"), ("France", "FRA"))
GOALS = (MomentKind.GOAL, MomentKind.PENALTY_GOAL)


def tag(logger: int, seq: int) -> str:
    return f"t{logger}x{seq}"


def line_for(logger: int, seq: int) -> str:
    """The seq-th line of a logger: a mix of goals for both sides and other moments."""
    minute = 1 + (seq * 7 + logger * 3) % 90
    code = TEAMS[(seq + logger) % 2][1]
    who = f"{code}#{1 + (seq * 5 + logger) % 11}"
    mark = tag(logger, seq)
    pattern = seq % 10
    if pattern in (0, 5):
        return f"{minute} goal {who} {mark}"
    if pattern == 3:
        return f"{minute} pen {who} {mark}"
    if pattern == 7:
        return f'"Newsroom quote {mark}" - {who}'
    kind = ("chance", "save", "note", "inj", "var", "chance", "save", "note", "chance", "save")
    return f"{minute} {kind[pattern]} {who} {mark}"


def setup(url: str) -> int:
    services = Services.create(open_database(url).engine)
    match_id = services.matches.create_match(
        MatchInput(home="England", away="France", date=dt.date(2022, 12, 10))
    )
    for name, code in TEAMS:
        team_id = services.catalog.ensure_team(name, code=code)
        for number in range(1, 12):
            services.lineups.add(
                match_id,
                LineupInput(team_id, f"{name} Player{number}", LineupRole.STARTER, number, None,
                            False),
            )  # fmt: skip
    services.engine.dispose()
    return match_id


def logger_main(url: str, match_id: int, logger: int, lines: int, pause: float,
                start: Any, results: Any) -> None:  # fmt: skip
    services = Services.create(open_database(url).engine)
    committed: dict[str, float] = {}
    retries = 0
    start.wait()
    for seq in range(lines):
        line = line_for(logger, seq)
        for _attempt in range(20):
            try:
                services.quick_entry.record(match_id, line, allow_duplicate=True)
                break
            except MatchNotesError as exc:  # "Someone else changed … Try again": as a user
                retries += 1
                last = str(exc)
                time.sleep(0.05)
        else:
            results.put(("failed", logger, f"{line}: {last}"))
            return
        committed[tag(logger, seq)] = time.monotonic()
        if pause:
            time.sleep(pause)
    services.engine.dispose()
    results.put(("logger", logger, committed, retries))


def watcher_main(url: str, match_id: int, watcher: int, expected: int, ready: Any,
                 done: Any, results: Any) -> None:  # fmt: skip
    from matchnotes.services.live import open_feed, page_after

    services = Services.create(open_database(url).engine)
    feed = open_feed(services.engine)
    feed.wait(0.1)  # LISTENing from here on
    shown = services.matches.get_match(match_id)  # the page as it opened
    ready.put(watcher)
    seen: dict[str, float] = {}
    looked: set[tuple[int, type]] = set()
    reads, busy = 0, 0.0  # page_after calls, and the seconds they took
    deadline = None
    while len(seen) < expected:
        if done.is_set():
            deadline = deadline or time.monotonic() + 30  # the loggers are done: a last while
            if time.monotonic() > deadline:
                break
        batch = [c for c in feed.wait(0.5) if c.match_id in (match_id, None)]
        if not batch:
            continue
        began = time.monotonic()
        shown = page_after(services, match_id, shown, batch)  # as the window reads it
        now = time.monotonic()
        reads += 1
        busy += now - began
        # Only the rows not looked at yet (the page's own work is what is measured).
        for row in [*shown.moments, *shown.quotes]:
            if (row.id, type(row)) in looked:
                continue
            looked.add((row.id, type(row)))
            hit = TAG.search(row.description if isinstance(row, MomentView) else row.text)
            if hit and hit.group(0) not in seen:
                seen[hit.group(0)] = now
    same = shown == services.matches.get_match(match_id)  # in place == read whole
    feed.close()
    services.engine.dispose()
    results.put(("watcher", watcher, seen, reads, same, busy))


def check_stored(url: str, match_id: int, loggers: int, lines: int) -> list[str]:
    """What the database holds: each line once, and the scores the goals make."""
    services = Services.create(open_database(url).engine)
    detail = services.matches.get_match(match_id)
    services.engine.dispose()
    problems = []
    found = [TAG.search(m.description) for m in detail.moments]
    found += [TAG.search(q.text) for q in detail.quotes]
    tags = [hit.group(0) for hit in found if hit]
    wanted = {tag(lg, seq) for lg in range(loggers) for seq in range(lines)}
    doubled = {t for t in tags if tags.count(t) > 1} if len(tags) != len(set(tags)) else set()
    if doubled:
        problems.append(f"stored twice: {sorted(doubled)[:10]}")
    if wanted - set(tags):
        problems.append(f"lost: {sorted(wanted - set(tags))[:10]} ({len(wanted - set(tags))})")
    if len(found) != len(tags) or set(tags) - wanted:
        problems.append("rows that no logger wrote")
    home_id = detail.summary.home_id
    home = away = 0
    for moment in detail.moments:  # in match order, as the page lists them
        if moment.kind in GOALS:
            home, away = (home + 1, away) if moment.team_id == home_id else (home, away + 1)
        if (moment.score_after.home, moment.score_after.away) != (home, away):
            problems.append(f"running score after {moment.minute} {moment.description}")
            break
    logged_goals = sum(1 for lg in range(loggers) for s in range(lines) if s % 10 in (0, 3, 5))
    final = detail.summary.score
    if (final.home, final.away) != (home, away) or home + away != logged_goals:
        problems.append(f"final score {final} but {logged_goals} goals logged ({home}–{away})")
    print(f"stored: {len(detail.moments)} moments, {len(detail.quotes)} quotes; "
          f"final score {detail.summary.home} {final} {detail.summary.away} "
          f"({logged_goals} goals logged)")  # fmt: skip
    return problems


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", default=os.environ.get("MATCHNOTES_TEST_POSTGRES_URL"),
                        help="a PostgreSQL server where a database may be created")  # fmt: skip
    parser.add_argument("--loggers", type=int, default=10)
    parser.add_argument("--lines", type=int, default=200)
    parser.add_argument("--pause", type=float, default=0.0, help="seconds between two lines")
    args = parser.parse_args()
    if not args.server:
        parser.error("give --server or run under scripts/with_postgres.sh")
    server = make_url(args.server).set(drivername="postgresql+psycopg")
    name = f"matchnotes_newsroom_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = server.set(database=name).render_as_string(hide_password=False)
    try:
        return run(url, args)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run(url: str, args: argparse.Namespace) -> int:
    match_id = setup(url)
    n, lines = args.loggers, args.lines
    ctx = mp.get_context("spawn")
    start, done, ready, results = ctx.Event(), ctx.Event(), ctx.Queue(), ctx.Queue()
    watchers = [ctx.Process(target=watcher_main, args=(url, match_id, i, n * lines, ready, done,
                                                       results)) for i in range(n)]  # fmt: skip
    loggers = [ctx.Process(target=logger_main, args=(url, match_id, i, lines, args.pause, start,
                                                      results)) for i in range(n)]  # fmt: skip
    for process in watchers + loggers:
        process.start()
    for _ in range(n):
        ready.get(timeout=120)
    print(f"{n} loggers x {lines} lines, {n} watchers; load {os.getloadavg()[0]:.2f}")
    began = time.monotonic()
    start.set()
    logged: dict[int, dict[str, float]] = {}
    seen: dict[int, dict[str, float]] = {}
    problems: list[str] = []
    differ: list[int] = []
    retries = reads = 0
    busy = 0.0
    while len(logged) + len(seen) < 2 * n and not (problems and len(logged) < n):
        message = results.get(timeout=600)
        if message[0] == "logger":
            logged[message[1]] = message[2]
            retries += message[3]
            if len(logged) == n:
                elapsed = time.monotonic() - began
                done.set()
        elif message[0] == "watcher":
            seen[message[1]] = message[2]
            reads += message[3]
            busy += message[5]
            if not message[4]:
                differ.append(message[1])
        else:
            problems.append(f"logger {message[1]} gave up: {message[2]}")
            done.set()
    done.set()
    for process in watchers + loggers:
        process.join(timeout=60)
    if problems:
        print("\n".join(problems))
        return 1
    print(f"logged {n * lines} lines in {elapsed:.1f} s ({n * lines / elapsed:.0f} lines/s), "
          f"{retries} retries; load {os.getloadavg()[0]:.2f}")  # fmt: skip
    problems = check_stored(url, match_id, n, lines)
    problems += [f"watcher {w}'s page differs from the match read whole" for w in differ]
    latencies = []
    for watcher, saw in seen.items():
        for logger, committed in logged.items():
            if logger == watcher:
                continue
            missing = [t for t in committed if t not in saw]
            if missing:
                problems.append(f"watcher {watcher} never saw {len(missing)} of logger {logger}'s")
            latencies += [(saw[t] - at) * 1000 for t, at in committed.items() if t in saw]
    print(
        f"page brought up to date {reads} times, {busy / max(reads, 1) * 1000:.0f} ms each "
        f"(mean, wall clock in the watcher)"
    )
    print(f"line-to-visible over {len(latencies)} (line, other watcher) pairs, {reads} page "
          f"reads: p50 {percentile(latencies, 50):.0f} ms, p99 {percentile(latencies, 99):.0f} ms, "
          f"max {max(latencies):.0f} ms, mean {statistics.mean(latencies):.0f} ms")  # fmt: skip
    for problem in problems:
        print("FAILED:", problem)
    print("all checks passed" if not problems else f"{len(problems)} checks failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
