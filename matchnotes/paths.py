"""Where things live: the user's database, and the bundled resources.

Resources and the docs the app shows resolve from three places: a PyInstaller build
(build.spec copies them to ``<bundle>/resources`` and ``<bundle>/docs``), an installed
wheel (pyproject.toml packages them as ``matchnotes/resources`` and ``matchnotes/docs``),
and the source tree (``<repo>/resources``, ``<repo>/docs``).
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


def _shipped_dir(name: str) -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # frozen by PyInstaller
        return Path(bundle) / name
    package = Path(__file__).resolve().parent
    installed = package / name  # a wheel carries them inside the package
    return installed if installed.is_dir() else package.parent / name


def resources_dir() -> Path:
    return _shipped_dir("resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def doc(name: str) -> Path:
    """A page of the user documentation (docs/*.md), wherever the app was installed from."""
    return _shipped_dir("docs") / name
