"""`matchnotes copy SRC DST`: a whole database from one place to another.

SRC and DST are SQLite file paths or PostgreSQL URLs, in any combination; both are
opened (and upgraded) as any command opens a database, then services/copying.py
does the work. No Qt. Registered by cli.build_parser.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from matchnotes.errors import MatchNotesError

Subcommands = argparse._SubParsersAction


def add_copy_command(commands: Subcommands, db_option: argparse.ArgumentParser) -> None:
    from matchnotes.cli import example

    copy = commands.add_parser(
        "copy",
        parents=[db_option],
        help="copy a whole database to a new file or server (or merge with --merge)",
        description="Copies every table of SRC into DST, exactly, in one transaction. "
        "DST is created when it is a missing file; a DST that holds data is refused "
        "unless --merge is given.",
        **example(
            "matchnotes copy archive.sqlite postgresql://me@localhost/matchnotes\n"
            "  matchnotes copy laptop.sqlite desktop.sqlite --merge"
        ),
    )
    copy.add_argument("source", metavar="SRC", help="database file or PostgreSQL URL")
    copy.add_argument("target", metavar="DST", help="database file or PostgreSQL URL")
    copy.add_argument(
        "--merge",
        action="store_true",
        help="merge into a DST that has data: rows it has already are matched, not duplicated",
    )
    copy.set_defaults(handler=cmd_copy)


def cmd_copy(args: argparse.Namespace, out: TextIO) -> int:
    from matchnotes.cli import _refuse_missing_file, progress_bar
    from matchnotes.db.database import open_database
    from matchnotes.services.copying import copy_database

    if _same_file(args.source, args.target):
        raise MatchNotesError(f"{args.source} and {args.target} are the same database.")
    _refuse_missing_file(args.source)  # a mistyped source must not become an empty file
    source = open_database(args.source)
    try:
        target = open_database(args.target)
    except BaseException:
        source.close()
        raise
    bar = progress_bar(args, "Copying")
    try:
        report = copy_database(
            source.engine, target.engine, target_name=target.location, merge=args.merge,
            progress=bar,
        )  # fmt: skip
    except MatchNotesError:
        target.close()
        if target.path is not None and target.report.created:  # no empty file left behind
            for suffix in ("", "-wal", "-shm", "-journal"):
                target.path.with_name(target.path.name + suffix).unlink(missing_ok=True)
        raise
    finally:
        bar.finish()
        source.close()
        target.close()
    print(f"{source.location} → {target.location}", file=out)
    print(report.summary, file=out)
    return 0


def _same_file(a: str, b: str) -> bool:
    if "://" in a or "://" in b:
        return a == b
    first, second = Path(a).expanduser().resolve(), Path(b).expanduser().resolve()
    return first == second
