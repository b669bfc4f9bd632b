"""Generate a large MatchNotes database: a newsroom archive or a fan's twenty-year diary.

    python benchmarks/generate.py OUT.sqlite [--matches 10000] [--moments 1000000]
                                             [--quotes 50000] [--notes 50000]

Shared by the UI and search benchmarks. Rows go in through SQLAlchemy Core in big
batches (the services' one-transaction-per-change would take hours for a million
moments); the schema, constraints and sort keys are exactly the app's own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

from sqlalchemy import insert

from matchnotes.db import search
from matchnotes.db.database import open_database
from matchnotes.enums import LineupRole, MatchStatus, MomentKind, QuoteContext
from matchnotes.minutes import make_minute
from matchnotes.models import (
    Competition,
    LineupEntry,
    Match,
    Moment,
    Note,
    Person,
    Quote,
    Season,
    Team,
    Venue,
)
from matchnotes.text import fold

FIRST = [
    "Harry",
    "Kylian",
    "Lionel",
    "Jude",
    "Aurélien",
    "Olivier",
    "Bukayo",
    "Marcus",
    "Théo",
    "Luka",
    "Pedri",
    "Erling",
    "Virgil",
    "Mohamed",
    "Son",
    "Joshua",
    "Federico",
    "Raphaël",
]
LAST = [
    "Kane",
    "Mbappé",
    "Messi",
    "Bellingham",
    "Tchouaméni",
    "Giroud",
    "Saka",
    "Rashford",
    "Hernández",
    "Modrić",
    "González",
    "Haaland",
    "van Dijk",
    "Salah",
    "Heung-min",
    "Kimmich",
    "Valverde",
    "Varane",
    "Müller",
    "Ødegaard",
    "Núñez",
    "Džeko",
    "Szczęsny",
]
WORDS = [
    "over",
    "the",
    "bar",
    "low",
    "drive",
    "header",
    "far",
    "post",
    "top",
    "corner",
    "counter",
    "attack",
    "free",
    "kick",
    "wall",
    "keeper",
    "save",
    "volley",
    "deflection",
    "offside",
    "VAR",
    "review",
    "handball",
    "penalty",
    "spot",
    "crossbar",
    "special",
    "person",
    "belief",
    "proud",
    "leadership",
    "execution",
    "details",
    "incredible",
    "reliable",
]
# Weights for 100 logged moments of a match: most are chances, saves and notes;
# about 2.6 goals, as in real football, so scores look like scores.
KIND_WEIGHTS = {
    MomentKind.GOAL: 2.2,
    MomentKind.PENALTY_GOAL: 0.3,
    MomentKind.OWN_GOAL: 0.1,
    MomentKind.PENALTY_MISSED: 0.1,
    MomentKind.YELLOW: 4,
    MomentKind.RED: 0.2,
    MomentKind.SUBSTITUTION: 6,
    MomentKind.CHANCE: 30,
    MomentKind.SAVE: 25,
    MomentKind.NOTE: 25,
    MomentKind.VAR: 3,
    MomentKind.INJURY: 3,
}
KINDS, WEIGHTS = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
BATCH = 20_000


def generate(path: Path, matches: int, moments: int, quotes: int, notes: int) -> None:
    rng = random.Random(2022)
    db = open_database(path)
    # Row-by-row index triggers would make the bulk load ten times slower: drop the
    # search index now and build it once at the end.
    with db.engine.connect() as conn:
        search.uninstall(conn)
        conn.commit()
    with db.engine.begin() as conn:

        def add(model: type, rows: list[dict]) -> None:  # type: ignore[type-arg]
            for start in range(0, len(rows), BATCH):
                conn.execute(insert(model), rows[start : start + BATCH])

        add(
            Competition,
            [
                {"id": i + 1, "name": n, "name_key": fold(n)}
                for i, n in enumerate(
                    ["Premier League", "FA Cup", "Champions League", "World Cup", "Euro"]
                )
            ],
        )
        add(
            Season,
            [
                {"id": c * 30 + y + 1, "competition_id": c + 1, "name": str(2000 + y)}
                for c in range(5)
                for y in range(25)
            ],
        )
        team_names = [
            f"{city} {suffix}"
            for city in (
                "London",
                "Manchester",
                "Paris",
                "Madrid",
                "Milan",
                "Munich",
                "Lisbon",
                "Porto",
                "Glasgow",
                "Leeds",
            )
            for suffix in ("United", "City", "Rovers", "Athletic", "FC")
        ]
        add(Team, [{"id": i + 1, "name": n, "name_key": fold(n)} for i, n in enumerate(team_names)])
        add(
            Venue,
            [
                {"id": i + 1, "name": f"{n} Stadium", "name_key": fold(f"{n} Stadium")}
                for i, n in enumerate(team_names)
            ],
        )
        players_per_team = 30
        people = []
        for t in range(len(team_names)):
            for p in range(players_per_team):
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {t}-{p}"
                people.append(
                    {
                        "id": t * players_per_team + p + 1,
                        "name": name,
                        "name_key": fold(name),
                        "role": "player",
                        "shirt_number": p + 1,
                    }
                )
        add(Person, people)

        match_rows, lineups = [], []
        start = dt.date(2004, 8, 1)
        for m in range(matches):
            home, away = rng.sample(range(1, len(team_names) + 1), 2)
            match_rows.append(
                {
                    "id": m + 1,
                    "season_id": rng.randint(0, 4) * 30 + rng.randint(0, 24) + 1,
                    "stage": f"Matchday {rng.randint(1, 38)}",
                    "date": start + dt.timedelta(days=m % 7300),
                    "kickoff_time": dt.time(rng.choice([12, 15, 17, 20]), rng.choice([0, 30])),
                    "venue_id": home,
                    "home_team_id": home,
                    "away_team_id": away,
                    "status": MatchStatus.FINISHED.value,
                    "decided_by": "regular",
                    "fan_attendance": rng.choice(["none", "attended", "watched"]),
                    "rating": rng.randint(0, 10),
                    "clock_adjust_seconds": 0,
                    "created_at": dt.datetime.now(dt.UTC),
                    "updated_at": dt.datetime.now(dt.UTC),
                }
            )
            for team in (home, away):
                for p in range(14):
                    lineups.append(
                        {
                            "match_id": m + 1,
                            "team_id": team,
                            "person_id": (team - 1) * players_per_team + p + 1,
                            "role": (LineupRole.STARTER if p < 11 else LineupRole.SUBSTITUTE).value,
                            "shirt_number": p + 1,
                            "captain": p == 9,
                            "sort_order": p,
                        }
                    )
        add(Match, match_rows)
        add(LineupEntry, lineups)

        per_match = max(1, moments // max(1, matches))
        rows = []
        for m in match_rows:
            for _ in range(per_match):
                team = rng.choice((m["home_team_id"], m["away_team_id"]))
                raw = rng.randint(1, 95)
                minute = make_minute(90, raw - 90) if raw > 90 else make_minute(raw)
                rows.append(
                    {
                        "match_id": m["id"],
                        "period": minute.period.value,
                        "minute": minute.minute,
                        "stoppage": minute.stoppage,
                        "sort_key": minute.sort_key,
                        "kind": rng.choices(KINDS, WEIGHTS)[0].value,
                        "team_id": team,
                        "player_id": (team - 1) * players_per_team + rng.randint(1, 11),
                        "description": " ".join(rng.choices(WORDS, k=rng.randint(0, 6))),
                        "created_at": dt.datetime.now(dt.UTC),
                    }
                )
            if len(rows) >= BATCH:
                add(Moment, rows)
                rows = []
        add(Moment, rows)
        add(
            Quote,
            [
                {
                    "match_id": rng.randint(1, matches),
                    "speaker_id": rng.randint(1, len(people)),
                    "text": " ".join(rng.choices(WORDS, k=rng.randint(6, 30))).capitalize() + ".",
                    "context": rng.choice(list(QuoteContext)).value,
                    "created_at": dt.datetime.now(dt.UTC),
                }
                for _ in range(quotes)
            ],
        )
        add(
            Note,
            [
                {
                    "match_id": rng.randint(1, matches),
                    "text": " ".join(rng.choices(WORDS, k=12)),
                    "created_at": dt.datetime.now(dt.UTC),
                    "updated_at": dt.datetime.now(dt.UTC),
                }
                for _ in range(notes)
            ],
        )
    with db.engine.connect() as conn:
        search.install(conn)
        conn.commit()
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--matches", type=int, default=10_000)
    parser.add_argument("--moments", type=int, default=1_000_000)
    parser.add_argument("--quotes", type=int, default=50_000)
    parser.add_argument("--notes", type=int, default=50_000)
    args = parser.parse_args()
    if args.out.exists():
        print(f"{args.out} exists; choose a new file", file=sys.stderr)
        return 1
    began = time.perf_counter()
    generate(args.out, args.matches, args.moments, args.quotes, args.notes)
    print(
        f"wrote {args.out} ({args.out.stat().st_size / 1e6:.0f} MB) "
        f"in {time.perf_counter() - began:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
