"""`matchnotes backup` and `restore` for a database on a server: its MatchNotes JSON.

A SQLite file keeps its own backups (cli.cmd_backup, db/backups.py); a server database
is backed up as the app's own JSON, written as it is read, and restored into an empty
database (services/json_backup.py). No Qt.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from matchnotes.errors import MatchNotesError


def is_server(target: str) -> bool:
    return "://" in target and not target.startswith("sqlite:///")


def backup_server(args: argparse.Namespace, target: str, out: TextIO) -> int:
    from matchnotes.cli import open_from_args, progress_bar
    from matchnotes.reports.export import export_all
    from matchnotes.services import Services
    from matchnotes.services.json_backup import backup_file_name

    path = args.output or Path(backup_file_name(target))
    if path.exists() and not args.output:
        raise MatchNotesError(f"{path} already exists; name the backup with -o FILE.json.")
    db = open_from_args(args)
    bar = progress_bar(args, f"Writing {path.name}")
    try:
        written = export_all(Services.create(db.engine), path, progress=bar)
    finally:
        bar.finish()
        db.close()
    print(f"Backed up {db.location} to {written} (MatchNotes JSON)", file=out)
    print(f"Restore it into an empty database with: matchnotes restore {written} --db URL",
          file=out)  # fmt: skip
    return 0


def restore_server(args: argparse.Namespace, target: str, out: TextIO) -> int:
    from matchnotes.cli import open_from_args, progress_bar
    from matchnotes.services.json_backup import restore_json

    if args.backup_file is None:  # --newest, --finish, --undo: a file's own backups
        raise MatchNotesError(
            "A server database has no backups folder: name the MatchNotes JSON backup to "
            "restore, e.g. matchnotes restore backup.json --db URL"
        )
    if not args.backup_file.is_file():
        raise MatchNotesError(f"There is no backup file at {args.backup_file}.")
    db = open_from_args(args)
    bar = progress_bar(args, f"Restoring {args.backup_file.name}")
    try:
        summary = restore_json(db.engine, args.backup_file, db.location, progress=bar)
    finally:
        bar.finish()
        db.close()
    print(f"Restored {db.location} from {args.backup_file}", file=out)
    print(str(summary), file=out)
    return 0
