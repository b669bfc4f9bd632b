"""Two app instances on one file: both read, concurrent writes never corrupt it, and a
write that meets a lock waits (busy_timeout) or says plainly that the file is busy."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

import matchnotes.db.engine as engine_module
from matchnotes.db.database import open_database
from matchnotes.enums import MomentKind, Period
from matchnotes.errors import MatchNotesError
from matchnotes.minutes import Minute
from matchnotes.services import Services
from matchnotes.services.inputs import MomentInput
from tests.safety.conftest import Pitch
from tests.safety.helpers import ids, integrity, records, run_worker

BUSY = "The database is busy"
WRITES = 25  # line-up entries and moments each instance logs


def _chance(description: str) -> MomentInput:
    return MomentInput(Minute(Period.FIRST_HALF, 10), MomentKind.CHANCE, description=description)


@pytest.mark.slow
def test_two_instances_write_while_a_third_reads(pitch: Pitch) -> None:
    writers = [run_worker(pitch.job(prefix=p, count=WRITES)) for p in ("A", "B")]
    reader = open_database(pitch.path)
    services = Services.create(reader.engine)
    reads, seen = 0, 0
    try:
        while any(w.poll() is None for w in writers):
            now = len(services.moments.moments(pitch.match_id))
            assert now >= seen, "a reader never sees committed moments disappear"
            seen, reads = now, reads + 1
            services.matches.list_matches()
    finally:
        reader.close()
    said = []
    for writer in writers:
        out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err
        said += records(out)
    errors = [r for r in said if r.startswith("error")]
    assert all(BUSY in e for e in errors), errors  # anything else would be a real failure
    assert len(errors) <= WRITES // 2, errors
    assert reads > 0
    assert integrity(pitch.path) == ["ok"]
    conn = sqlite3.connect(pitch.path)
    try:
        moments = {r[0] for r in conn.execute("SELECT id FROM moment WHERE description != ''")}
    finally:
        conn.close()
    assert moments == ids(said, "moment"), "exactly the acknowledged moments are saved"


def _hold_write_lock(path: Path, seconds: float) -> threading.Thread:
    """Another program holding the write lock (BEGIN IMMEDIATE) for ``seconds``."""
    ready = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        ready.set()
        time.sleep(seconds)
        conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait(5)
    return thread


def test_a_write_meeting_a_lock_waits_for_it(pitch: Pitch) -> None:
    db = open_database(pitch.path)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        holder = _hold_write_lock(pitch.path, 0.5)
        started = time.monotonic()
        moment_id = Services.create(db.engine).moments.log(pitch.match_id, _chance("waited"))
        assert time.monotonic() - started >= 0.3
        holder.join()
        logged = Services.create(db.engine).moments.moments(pitch.match_id)
        assert moment_id in {m.id for m in logged}
    finally:
        db.close()


def test_a_write_meeting_a_long_lock_says_the_file_is_busy(
    pitch: Pitch, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The app waits 5 s; a shorter wait keeps the test quick, the path is the same.
    pragmas = tuple(p for p in engine_module.SQLITE_PRAGMAS if "busy_timeout" not in p)
    monkeypatch.setattr(engine_module, "SQLITE_PRAGMAS", (*pragmas, "PRAGMA busy_timeout=200"))
    db = open_database(pitch.path)
    try:
        services = Services.create(db.engine)
        holder = _hold_write_lock(pitch.path, 0.6)
        with pytest.raises(MatchNotesError, match=BUSY):
            services.moments.log(pitch.match_id, _chance("refused"))
        holder.join()
        assert "refused" not in {m.description for m in services.moments.moments(pitch.match_id)}
        services.moments.log(pitch.match_id, _chance("later"))  # the lock is gone: it works
    finally:
        db.close()
    assert integrity(pitch.path) == ["ok"]
