"""`matchnotes history`, `undo`, `redo`: the change history the app's Edit menu uses too.

Every change made through the services is recorded in the database (who, when, what,
the rows before and after); these commands list it and take the newest change back or
make it again. Registered by cli.build_parser; exit codes as in cli.run.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, TextIO

from matchnotes.cli_records import Subcommands, dump, example_parser, opened
from matchnotes.terminal import printable


def add_history_commands(commands: Subcommands, db_option: argparse.ArgumentParser) -> None:
    def command(name: str, help: str, example: str) -> argparse.ArgumentParser:
        return example_parser(commands, name, help, example, db_option, "print JSON")

    history = command("history", "list the changes, newest first",
                      "matchnotes history --match 1 --limit 10")  # fmt: skip
    history.add_argument("--match", type=int, metavar="MATCH_ID", help="only this match")
    history.add_argument("--limit", type=int, default=50, metavar="N", help="at most N (50)")
    history.set_defaults(handler=cmd_history)
    undo = command("undo", "take back the newest change (the app's Edit ▸ Undo)",
                   "matchnotes undo --author 'Sam Reporter'")  # fmt: skip
    undo.set_defaults(handler=cmd_undo)
    redo = command("redo", "make the change undo took back again",
                   "matchnotes redo")  # fmt: skip
    redo.set_defaults(handler=cmd_redo)


def cmd_history(args: argparse.Namespace, out: TextIO) -> int:
    if args.limit < 1:
        from matchnotes.errors import ValidationError

        raise ValidationError("--limit must be 1 or more.")
    with opened(args) as services:
        entries = services.history.list(match_id=args.match, limit=args.limit)
    if args.json:
        dump([e.to_dict() for e in entries], out)
        return 0
    if not entries:
        print("No changes recorded yet.", file=out)
    for e in entries:
        when = e.at.strftime("%Y-%m-%d %H:%M:%S")
        state = " (undone)" if e.undone else ""
        match = f" [match {e.match_id}]" if e.match_id is not None else ""
        print(printable(f"{e.id:>5}  {when} UTC  {e.author}  {e.summary}{state}{match}"), file=out)
    return 0


def cmd_undo(args: argparse.Namespace, out: TextIO) -> int:
    return _step(args, out, "Undone", lambda services: services.history.undo())


def cmd_redo(args: argparse.Namespace, out: TextIO) -> int:
    return _step(args, out, "Redone", lambda services: services.history.redo())


def _step(args: argparse.Namespace, out: TextIO, done: str, step: Callable[[Any], Any]) -> int:
    with opened(args) as services:
        change = step(services)
    if args.json:
        dump(change.to_dict(), out)
    else:
        print(printable(f"{done}: {change.summary}"), file=out)
    return 0
