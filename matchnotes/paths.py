"""Where things live: the user's database, and the bundled resources.

Resources resolve both from the source tree (``<repo>/resources``) and from a
PyInstaller build, where build.spec copies them to ``<bundle>/resources``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "MatchNotes"
DB_ENV_VAR = "MATCHNOTES_DB"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    """The database to open when neither --db nor MATCHNOTES_DB names one."""
    return user_data_dir() / "matchnotes.sqlite"


def database_target(cli_value: str | None) -> str:
    """--db wins over $MATCHNOTES_DB, which wins over the default file."""
    return cli_value or os.environ.get(DB_ENV_VAR) or str(default_database_path())


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # frozen by PyInstaller
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
