"""Tests of import and export (matchnotes.io parsers, services.imports)."""

import hashlib
import sqlite3
from pathlib import Path

from matchnotes.db.database import Database
from matchnotes.services.imports import ImportService

OPENFOOTBALL = Path(__file__).resolve().parents[1] / "data" / "openfootball"
WORLDCUP_JSON = OPENFOOTBALL / "worldcup-2022.json"
WORLDCUP_TXT = OPENFOOTBALL / "worldcup-2022-full.txt"
SQUADS_TXT = OPENFOOTBALL / "worldcup-2022-squads.txt"
DATA = Path(__file__).parent / "data"


def importer(database: Database) -> ImportService:
    return ImportService(database.engine)


def db_digest(database: Database) -> str:
    """sha256 of the database file once every connection is closed and the WAL is
    checkpointed into it, so "nothing was written" can be checked byte for byte."""
    database.close()
    assert database.path is not None
    with sqlite3.connect(database.path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return hashlib.sha256(database.path.read_bytes()).hexdigest()
