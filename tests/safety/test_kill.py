"""The app process killed (SIGKILL) while logging as fast as it can: nothing it said was
saved is lost, nothing half-written appears, and the file stays intact."""

from __future__ import annotations

import os
import random
import time

import pytest
from sqlalchemy import text

from matchnotes.db.database import open_database
from matchnotes.services import Services
from tests.safety.conftest import POSIX_ONLY, Pitch
from tests.safety.helpers import Zygote, ids, integrity

KILLS = 50

pytestmark = [POSIX_ONLY, pytest.mark.slow]


def test_sigkill_while_logging_loses_no_committed_moment(pitch: Pitch, zygote: Zygote) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    entries: set[int] = set()
    moments: set[int] = set()
    for kill in range(KILLS):
        pid = zygote.start(**pitch.job(prefix=f"K{kill}"))
        zygote.until("ready")
        # Kill only once the child has said it saved a moment, so each kill lands
        # mid-logging however slow a loaded machine makes the child; then at a random
        # point of the lines that follow.
        said = zygote.until("moment")
        time.sleep(rng.uniform(0.0, 0.1))
        said += zygote.kill(pid)
        assert said[-1] == "dead 9", said  # killed by SIGKILL, not ended on its own
        entries |= ids(said, "entry")
        moments |= ids(said, "moment")
        where = f"after kill {kill + 1} (seed {seed})"
        assert integrity(pitch.path) == ["ok"], where
        _assert_all_there_and_whole(pitch, entries, moments, where)

    print(f"{KILLS} kills: {len(entries)} line-up entries, {len(moments)} moments acknowledged")
    assert len(moments) >= KILLS, "the children should have logged while being killed"
    db = open_database(pitch.path)
    try:
        shown = {m.id for m in Services.create(db.engine).moments.moments(pitch.match_id)}
        assert moments <= shown
    finally:
        db.close()


def _assert_all_there_and_whole(
    pitch: Pitch, entries: set[int], moments: set[int], where: str
) -> None:
    """Every acknowledged row is there; every row there is complete (reopened by the app)."""
    db = open_database(pitch.path)
    try:
        with db.engine.connect() as conn:
            found_entries = set(conn.execute(text("SELECT id FROM lineup_entry")).scalars())
            found_moments = set(conn.execute(text("SELECT id FROM moment")).scalars())
            assert entries <= found_entries, f"committed line-up entries lost {where}"
            assert moments <= found_moments, f"committed moments lost {where}"
            # A person is written with their line-up entry, in one transaction.
            orphans = conn.execute(
                text(
                    "SELECT name FROM person WHERE name LIKE 'K%' AND id NOT IN "
                    "(SELECT person_id FROM lineup_entry)"
                )
            ).all()
            assert orphans == [], f"a person without their line-up entry {where}"
            half = conn.execute(
                text(
                    "SELECT id FROM moment WHERE player_id IS NULL OR related_player_id IS NULL "
                    "OR team_id IS NULL OR description = ''"
                )
            ).all()
            assert half == [], f"half-written moments {where}"
    finally:
        db.close()
