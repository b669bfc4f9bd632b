"""`matchnotes draft --match ID [--json]`: the match report draft, headless.

Prints the saved draft (the reporter's edits kept, stale sentences flagged) or, when
none is saved, the draft the notes would write now; nothing is written.
"""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from matchnotes.cli_records import opened

EXAMPLE = "example:\n  matchnotes draft --match 1\n  matchnotes draft --match 1 --json"


def add_draft_command(
    commands: argparse._SubParsersAction, db_option: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser(
        "draft", parents=[db_option], help="print a match report draft made from the notes",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    parser.add_argument("--match", type=int, required=True, metavar="MATCH_ID")
    parser.add_argument(
        "--json", action="store_true", help="print the sentences with their sources as JSON"
    )
    parser.set_defaults(handler=cmd_draft)


def cmd_draft(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as services:
        draft = services.draft.current(args.match)
    if args.json:
        out.write(json.dumps(draft.as_dict(), ensure_ascii=False, indent=2) + "\n")
        return 0
    out.write(draft.plain_text() + "\n")
    stale = [s for s in draft.sentences if s.stale]
    if stale:
        out.write(f"\n({len(stale)} sentence(s) written before their notes changed: regenerate"
                  " in the app's Draft tab.)\n")  # fmt: skip
    return 0
