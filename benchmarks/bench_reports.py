"""Time to write the demo match's PDF and a 64-match season report (issue 5).

    python benchmarks/bench_reports.py [--runs 5] [--matches 64]

Targets: the demo match PDF under 0.5 s, the season report under 10 s. The matches
are created through the services in a temporary database (line-ups, moments, quotes
and notes, like a fan's season); only the export is timed. Figures go into
BENCHMARKS.md by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matchnotes.db.database import open_database
from matchnotes.demo import load_demo
from matchnotes.enums import Attendance, LineupRole, MatchStatus, MomentKind
from matchnotes.minutes import make_minute
from matchnotes.reports.export import export_match, export_season
from matchnotes.services import Services
from matchnotes.services.inputs import LineupInput, MatchInput, MomentInput, QuoteInput

TEAMS = [f"{town} {kind}" for town in ("North", "South", "East", "West") for kind in
         ("United", "City", "Rovers", "Athletic")]  # fmt: skip
KINDS = [MomentKind.GOAL] * 3 + [MomentKind.YELLOW] * 3 + [MomentKind.SUBSTITUTION] * 4 + [
    MomentKind.CHANCE, MomentKind.SAVE, MomentKind.PENALTY_MISSED, MomentKind.RED,
]  # fmt: skip


def add_season(services: Services, matches: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    first = ("Alex", "Ben", "Chris", "Dan", "Eli", "Finn", "Gus", "Hal")
    squads = {
        team: [f"{first[n % 8]} {team.replace(' ', '')}{n}" for n in range(1, 17)] for team in TEAMS
    }
    for n in range(matches):
        home, away = rng.sample(TEAMS, 2)
        match_id = services.matches.create_match(
            MatchInput(
                home=home, away=away, date=dt.date(2024, 8, 10) + dt.timedelta(days=4 * n),
                kickoff_time=dt.time(15, 0), competition="Bench League", season="2024-25",
                stage=f"Matchday {n + 1}", venue=f"{home} Ground", venue_city=home.split()[0],
                attendance=rng.randint(2_000, 40_000), status=MatchStatus.FINISHED,
                fan_attendance=rng.choice(list(Attendance)), rating=rng.randint(3, 10),
            )
        )  # fmt: skip
        people: dict[str, list[int]] = {}
        for team in (home, away):
            team_id = services.catalog.ensure_team(team)
            for k, name in enumerate(squads[team]):
                role = LineupRole.STARTER if k < 11 else LineupRole.SUBSTITUTE
                services.lineups.add(match_id, LineupInput(team_id, name, role, k + 1, None))
            people[team] = [
                e.person_id for e in services.lineups.lineup(match_id) if e.team_id == team_id
            ]
        for minute in sorted(rng.sample(range(1, 90), 16)):
            team = rng.choice((home, away))
            kind = rng.choice(KINDS)
            player = rng.choice(people[team][:11])
            related = rng.choice(people[team][11:]) if kind is MomentKind.SUBSTITUTION else None
            if related is not None:
                player, related = related, player
            services.moments.log(
                match_id, MomentInput(make_minute(minute), kind, player, related, None, "")
            )
        services.quotes.add(match_id, QuoteInput(squads[home][8], "We kept going to the end."))
        services.notes.add(
            f"Match {n + 1}: rain, a lively crowd, a fair result.", match_id=match_id
        )


def timed(runs: int, action) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--matches", type=int, default=64)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite")
        services = Services.create(db.engine)
        demo = load_demo(services)
        out = Path(folder) / "out"
        out.mkdir()
        first = timed(1, lambda: export_match(services, demo, "pdf", out / "demo.pdf"))[0]
        warm = timed(args.runs, lambda: export_match(services, demo, "pdf", out / "demo.pdf"))
        print(f"demo match PDF: first {first:.3f} s (Qt start-up included), "
              f"then median {statistics.median(warm):.3f} s of {args.runs}")  # fmt: skip
        start = time.perf_counter()
        add_season(services, args.matches)
        print(f"({args.matches} matches created in {time.perf_counter() - start:.1f} s)")
        season = timed(
            args.runs,
            lambda: export_season(services, "pdf", out / "s.pdf", competition="Bench League"),
        )
        pages = (out / "s.pdf").read_bytes().count(b"/Type /Page\n")
        print(f"{args.matches}-match season PDF: median {statistics.median(season):.2f} s "
              f"of {args.runs} (max {max(season):.2f} s), {pages} pages")  # fmt: skip
        md = timed(args.runs, lambda: export_season(services, "md", out / "s.md"))
        print(f"{args.matches}-match season Markdown: median {statistics.median(md):.2f} s")
        db.close()


if __name__ == "__main__":
    main()
