"""`matchnotes moment edit|delete`: change a logged moment headless, as the app's form does.

Players are named as in a quick-entry line (surname, full name, #9, ENG#9, a unique
beginning), resolved against the match's line-ups by the quick-entry name rules.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from matchnotes.cli_records import KINDS, Subcommands, dump, kind_value, opened
from matchnotes.enums import MomentKind
from matchnotes.errors import ValidationError
from matchnotes.services.inputs import RELATED_ROLE

if TYPE_CHECKING:
    from matchnotes.services import Services

Verb = Callable[[Subcommands, str, str, str], argparse.ArgumentParser]


def add_moment_commands(moment: Subcommands, verb: Verb) -> None:
    example = 'matchnotes moment edit 12 --minute 45+2 --player Kane --description "over the bar"'
    edit = verb(moment, "edit", "change the given fields of a moment", example)
    edit.add_argument("moment_id", type=int, metavar="MOMENT_ID")
    edit.add_argument("--minute", help="17, 45+2, 90+8")
    edit.add_argument("--kind", type=kind_value, choices=KINDS, metavar="KIND",
                      help=", ".join(KINDS))  # fmt: skip
    who = "someone of the line-ups: surname, full name, #9, ENG#9; an empty value clears"
    edit.add_argument("--player", metavar="NAME", help=who)
    edit.add_argument("--related", metavar="NAME",
                      help="the second player (assist, won by, for, foul on): " + who)  # fmt: skip
    edit.add_argument("--description")
    expect = ("refuse if the moment has changed since you read this version "
              "(`moment edit --json` prints it): someone else's newer change is kept")  # fmt: skip
    edit.add_argument("--expect-version", type=int, metavar="N", help=expect)
    edit.set_defaults(handler=cmd_moment_edit)
    delete = verb(moment, "delete", "delete a moment", "matchnotes moment delete 12")
    delete.add_argument("moment_id", type=int, metavar="MOMENT_ID")
    delete.add_argument("--expect-version", type=int, metavar="N", help=expect)
    delete.set_defaults(handler=cmd_moment_delete)


def cmd_moment_edit(args: argparse.Namespace, out: TextIO) -> int:
    from matchnotes.minutes import parse_minute
    from matchnotes.reports.match_text import moment_as_dict, moment_line

    with opened(args) as services:
        match_id, data = services.moments.get_input(args.moment_id)
        changes: dict[str, Any] = {}
        if args.minute is not None:
            changes["minute"] = parse_minute(args.minute)
        if args.kind is not None:
            changes["kind"] = MomentKind(args.kind)
        if args.player is not None:
            changes["player_id"], changes["team_id"] = _person(services, match_id, args.player)
        if args.related is not None:
            changes["related_player_id"] = _person(services, match_id, args.related)[0]
        if args.description is not None:
            changes["description"] = args.description
        if args.expect_version is not None:
            changes["version"] = args.expect_version  # else the version just read
        data = dataclasses.replace(data, **changes)
        if RELATED_ROLE.get(data.kind) is None:  # as the form: no second player for this kind
            data = dataclasses.replace(data, related_player_id=None)
        services.moments.update(args.moment_id, data)
        saved = next(m for m in services.moments.moments(match_id) if m.id == args.moment_id)
    if args.json:
        dump({**moment_as_dict(saved), "match_id": match_id, "version": saved.version}, out)
    else:
        print(f"Saved: {moment_line(saved).strip()}", file=out)
    return 0


def _person(services: Services, match_id: int, text: str) -> tuple[int | None, int | None]:
    """(person id, team id) of the one person ``text`` names in the line-ups; "" is nobody."""
    from matchnotes.entry.names import Lookup, find_person, tokenize

    if not text.strip():
        return None, None
    tokens = tokenize(text)
    ref, end = find_person(tokens, 0, services.quick_entry.roster(match_id), Lookup())
    if ref is None or end != len(tokens):
        raise ValidationError(f"“{text}” does not name one person of this match's line-ups.")
    if ref.person_id is None or ref.joins is not None:  # new, or found in a squad: the
        # form offers only the line-ups; `log` adds such a person in the same transaction.
        raise ValidationError(
            f"{ref.name} is not in this match's line-ups. Log the moment with "
            "`matchnotes log`, which adds a new name in quotes, or add them in the app."
        )
    return ref.person_id, ref.team_id


def cmd_moment_delete(args: argparse.Namespace, out: TextIO) -> int:
    from matchnotes.reports.match_text import moment_line

    with opened(args) as services:
        match_id, _ = services.moments.get_input(args.moment_id)
        gone = next(m for m in services.moments.moments(match_id) if m.id == args.moment_id)
        services.moments.delete(args.moment_id, seen=args.expect_version)
    if args.json:
        dump({"deleted": "moment", "id": args.moment_id, "match_id": match_id}, out)
    else:
        print(f"Deleted: {moment_line(gone).strip()}", file=out)
    return 0
