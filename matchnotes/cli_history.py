"""`matchnotes history`, `undo`, `redo`: the change history the app's Edit menu uses too.

Every change made through the services is recorded in the database (who, when, what,
the rows before and after); these commands list it and take the newest change back or
make it again. Registered by cli.build_parser; exit codes as in cli.run.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from matchnotes.cli_records import EXAMPLE, Subcommands, dump, opened
from matchnotes.terminal import printable


def add_history_commands(commands: Subcommands, db_option: argparse.ArgumentParser) -> None:
    def command(name: str, help: str, example: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = commands.add_parser(
            name,
            parents=[db_option],
            help=help,
            description=help[0].upper() + help[1:] + ".",
            epilog=EXAMPLE + example,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        parser.add_argument("--json", action="store_true", help="print JSON")
        return parser

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
    with opened(args) as services:
        change = services.history.undo()
    if args.json:
        dump(change.to_dict(), out)
    else:
        print(printable(f"Undone: {change.summary}"), file=out)
    return 0


def cmd_redo(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as services:
        change = services.history.redo()
    if args.json:
        dump(change.to_dict(), out)
    else:
        print(printable(f"Redone: {change.summary}"), file=out)
    return 0
