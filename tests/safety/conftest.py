"""Fixtures of the fault tests: a database with a match to log into, a worker zygote."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from matchnotes.db.database import open_database
from matchnotes.services import Services
from matchnotes.services.inputs import LineupInput, MatchInput
from tests.safety.helpers import Zygote

POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")


@dataclass(frozen=True)
class Pitch:
    """A database file with one match and one player, ready for logging."""

    path: Path
    match_id: int
    team_id: int
    person_id: int

    def job(self, **fields: object) -> dict[str, object]:
        return {
            "job": "log_fast", "db": str(self.path), "match_id": self.match_id,
            "team_id": self.team_id, "first_person_id": self.person_id, **fields,
        }  # fmt: skip


@pytest.fixture(scope="session")
def pitch_template(tmp_path_factory: pytest.TempPathFactory) -> Pitch:
    """Made once: creating a database runs every migration, which takes a second."""
    path = tmp_path_factory.mktemp("template") / "live.sqlite"
    db = open_database(path)
    services = Services.create(db.engine)
    match_id = services.matches.create_match(
        MatchInput(home="Home FC", away="Away FC", date=dt.date(2024, 5, 1))
    )
    team_id = services.catalog.ensure_team("Home FC")
    entry_id = services.lineups.add(match_id, LineupInput(team_id, "First Player"))
    person_id = services.lineups.get_input(entry_id)[1].person
    assert isinstance(person_id, int)
    db.close()  # the last connection checkpoints and removes the -wal: one plain file
    return Pitch(path, match_id, team_id, person_id)


@pytest.fixture
def pitch(pitch_template: Pitch, tmp_path: Path) -> Pitch:
    path = tmp_path / pitch_template.path.name
    shutil.copyfile(pitch_template.path, path)
    return dataclasses.replace(pitch_template, path=path)


@pytest.fixture
def zygote(tmp_path: Path) -> Iterator[Zygote]:
    with (tmp_path / "worker-stderr.txt").open("w") as stderr:
        worker = Zygote(stderr)
        yield worker
        worker.close()
