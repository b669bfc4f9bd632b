"""Several reporters on one database at once (processes, as several app instances are):
every name becomes one row however the writes interleave, and two imports of one file
both succeed, the second finding what the first wrote. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from matchnotes.db.database import open_database
from matchnotes.db.engine import make_engine
from matchnotes.entry.squad_text import parse_squad_text
from matchnotes.errors import MatchNotesError
from matchnotes.models import Competition, Match, Person, Season, Team, Venue
from matchnotes.services import Services
from matchnotes.services.base import explain_operational_error
from matchnotes.services.imports import ImportService
from matchnotes.services.inputs import LineupInput, MatchInput, QuoteInput
from tests.io import WORLDCUP_JSON

REPORTERS = 4
NAMES = [f"Jöhn Reporter{n}" for n in range(40)]
CONTEXT = multiprocessing.get_context("spawn")  # a fresh interpreter, as a second app is


def _again_while_busy(write: Any) -> Any:
    """What a user does when SQLite says the file is busy (its 5 s wait ran out on a
    loaded machine): try again. Nothing else is retried."""
    while True:
        try:
            return write()
        except MatchNotesError as exc:
            if "busy" not in str(exc):
                raise


def _report(target: str, reporter: int, together: Any) -> None:
    """One reporter: a match per name (teams, competition, season, venue by name), and
    the name typed in a quick-entry line, a line-up (one entry or pasted text) or as a
    quote's speaker (each reporter its own way and spelling), so every name is new to all
    of them at the same moment."""
    db = open_database(target)
    services = Services.create(db.engine)
    for i, name in enumerate(NAMES):
        together.wait()  # all reporters on the same new name at once
        data = MatchInput(
            home=f"Club{i}", away=f"CLUB{i + 1}", date=dt.date(2024, 5, 1 + reporter),
            competition=f"Cup {i % 5}", season="2024", venue=f"Ground {i % 3}",
        )  # fmt: skip
        match_id = _again_while_busy(lambda d=data: services.matches.create_match(d))
        spelt = name.upper() if reporter % 2 else name
        if reporter == 3:  # a line-up pasted as text (the line-up editor)
            team_id = _again_while_busy(lambda i=i: services.catalog.ensure_team(f"club{i}"))
            squad = {team_id: parse_squad_text(f"9 {spelt}")}
            _again_while_busy(lambda m=match_id, q=squad: services.lineups.replace(m, q))
        elif reporter % 3 == 0:
            line = f'30 yc Club{i} "{spelt}"'
            _again_while_busy(lambda m=match_id, x=line: services.quick_entry.record(m, x))
        elif reporter % 3 == 1:
            team_id = _again_while_busy(lambda i=i: services.catalog.ensure_team(f"club{i}"))
            entry = LineupInput(team_id, spelt)
            _again_while_busy(lambda m=match_id, e=entry: services.lineups.add(m, e))
        else:
            quote = QuoteInput(spelt, f"Reporter {reporter} heard it.")
            _again_while_busy(lambda m=match_id, q=quote: services.quotes.add(m, q))
    db.close()


def _run_at_once(target: str, count: int, job: Any, *args: Any) -> None:
    together = CONTEXT.Barrier(count, timeout=120)
    workers = [CONTEXT.Process(target=job, args=(target, n, together, *args)) for n in range(count)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=300)
    assert [w.exitcode for w in workers] == [0] * count


def _count(database: Any, model: type) -> int:
    with database.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


@pytest.mark.slow
def test_reporters_typing_the_same_new_names_at_once_make_each_one_row(db_target, database):
    _run_at_once(db_target, REPORTERS, _report)
    assert _count(database, Match) == REPORTERS * len(NAMES)
    assert _count(database, Person) == len(NAMES)
    assert _count(database, Team) == len(NAMES) + 1
    assert (_count(database, Competition), _count(database, Season)) == (5, 5)
    assert _count(database, Venue) == 3


def _import(target: str, _n: int, together: Any, results: Any) -> None:
    db = open_database(target)
    together.wait()
    summary = _again_while_busy(lambda: ImportService(db.engine).import_file(WORLDCUP_JSON))
    results.put((summary.added, summary.unchanged))
    db.close()


@pytest.mark.slow
def test_two_imports_of_one_file_at_once_both_succeed_once(db_target, database, tmp_path):
    results = CONTEXT.Queue()
    _run_at_once(db_target, 2, _import, results)
    said = sorted(results.get(timeout=10) for _ in range(2))
    assert said == [(0, 64), (64, 0)], "the second import finds what the first wrote"
    once = open_database(tmp_path / "imported-once.sqlite")
    ImportService(once.engine).import_file(WORLDCUP_JSON)
    for model in (Match, Team, Person):
        assert _count(database, model) == _count(once, model), model.__name__
    once.close()


def test_a_deadlock_on_a_server_is_explained_as_try_again(empty_server_db):
    """Two writers waiting on each other: the server cancels one; its user reads why."""
    engine = make_engine(empty_server_db)
    both_hold_one = threading.Barrier(2)
    said: list[str] = []

    def lock(first: int, second: int) -> None:
        try:
            with engine.begin() as conn:
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": first})
                both_hold_one.wait()
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": second})
        except OperationalError as exc:
            said.append(explain_operational_error(exc))

    threads = [threading.Thread(target=lock, args=pair) for pair in ((1, 2), (2, 1))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    engine.dispose()
    assert len(said) == 1 and said[0].endswith("was not saved. Try again."), said
