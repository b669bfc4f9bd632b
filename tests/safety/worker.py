"""The child side of the fault tests: a MatchNotes "app" doing one job until it is killed.

    python -m tests.safety.worker                 # zygote: one JSON job per stdin line
    python -m tests.safety.worker '{"job": …}'    # run one job in this process

The zygote imports MatchNotes once and forks a fresh process per job, so fifty kills
cost fifty forks, not fifty interpreter start-ups. Output protocol, one record a line,
each ending in ";" so a line cut short by SIGKILL is recognisable:
``pid N;`` first, then job records (``ready;``, ``entry ID;``, ``moment ID;`` — each
printed only after the service call returned, i.e. after its commit), and from the
zygote ``dead STATUS;`` once the job's process has exited or been killed.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from matchnotes.db.database import open_database
from matchnotes.enums import MomentKind, Period
from matchnotes.errors import MatchNotesError
from matchnotes.minutes import Minute
from matchnotes.services import Services
from matchnotes.services.inputs import LineupInput, MomentInput


def say(record: str) -> None:
    sys.stdout.write(f"{record};\n")
    sys.stdout.flush()


def log_fast(job: dict[str, Any]) -> None:
    """Log line-up entries and moments as fast as possible, until killed or ``count``."""
    db = open_database(job["db"])
    services = Services.create(db.engine)
    match_id, team_id, prefix = job["match_id"], job["team_id"], job["prefix"]
    previous = job["first_person_id"]
    say("ready")
    for n in range(job.get("count", 10**9)):
        try:
            # A new person and their line-up entry: two rows, one transaction.
            entry_id = services.lineups.add(match_id, LineupInput(team_id, f"{prefix} {n}"))
            say(f"entry {entry_id}")
            person = services.lineups.get_input(entry_id)[1].person
            assert isinstance(person, int)
            data = MomentInput(
                Minute(Period.FIRST_HALF, n % 90 + 1),
                MomentKind.SUBSTITUTION,
                player_id=person,
                related_player_id=previous,
                description=f"{prefix} {n}",
            )
            say(f"moment {services.moments.log(match_id, data)}")
            previous = person
        except MatchNotesError as exc:  # e.g. "The database is busy…" from a 2nd instance
            say(f"error {exc}")
    db.close()
    say("done")


def upgrade(job: dict[str, Any]) -> None:
    """Open an old file (so it is upgraded); die by SIGKILL at a chosen point."""
    kill_at = job.get("kill_at_statement")
    count = 0

    def trace(statement: str) -> None:
        nonlocal count
        if statement.startswith("--"):  # a statement run by a trigger or by FTS5 itself
            return
        count += 1
        if count == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    @event.listens_for(Engine, "connect")
    def _trace(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.set_trace_callback(trace)

    if job.get("kill_before_backup_rename"):
        import matchnotes.db.backup as backup

        def die(_path: Path) -> None:
            os.kill(os.getpid(), signal.SIGKILL)

        backup._fsync = die  # type: ignore[assignment]  # after verifying, before renaming
    say("ready")
    db = open_database(job["db"])
    db.close()
    say(f"statements {count}")
    say("done")


def restore(job: dict[str, Any]) -> None:
    """Rescue a damaged file (its newest good backup in its place); die by SIGKILL at the
    ``kill_at_op``-th call that changes a name in the folder (link, rename, replace, unlink)."""
    from matchnotes.db.restore import rescue_damaged

    kill_at, count = job.get("kill_at_op"), 0

    def counted(real: Any) -> Any:
        def operation(*args: Any, **kwargs: Any) -> Any:
            nonlocal count
            count += 1
            if count == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        return operation

    for name in ("link", "rename", "replace", "unlink"):  # what Path's methods call, too
        setattr(os, name, counted(getattr(os, name)))
    say("ready")
    rescue_damaged(Path(job["db"]))
    say(f"operations {count}")
    say("done")


JOBS = {"log_fast": log_fast, "upgrade": upgrade, "restore": restore}


def run(job: dict[str, Any]) -> None:
    say(f"pid {os.getpid()}")
    JOBS[job["job"]](job)


def zygote() -> None:
    for line in sys.stdin:
        job = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                run(job)
            except BaseException as exc:  # report, then leave without the zygote's cleanup
                say(f"crash {type(exc).__name__}: {exc}".replace("\n", " "))
                code = 1
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(f"\ndead {status};\n")
        sys.stdout.flush()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        run(json.loads(sys.argv[1]))
    else:
        zygote()
