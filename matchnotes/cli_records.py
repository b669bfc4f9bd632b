"""`matchnotes match|quote|note|moment ...`: create, edit and delete records headless.

The same rules and messages as the app's forms: typed values go through the parsers
in services/inputs.py and minutes.py, records through the services (one call = one
transaction). No Qt. Registered by cli.build_parser; exit codes as in cli.run.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

from matchnotes.enums import Attendance, MatchStatus, MomentKind, QuoteContext
from matchnotes.errors import MatchNotesError, ValidationError
from matchnotes.services.inputs import (
    MAX_ATTENDANCE,
    MatchInput,
    QuoteInput,
    match_date_range,
    optional_int,
    parse_date,
    parse_kickoff,
)

if TYPE_CHECKING:
    from matchnotes.services import Services

Subcommands = argparse._SubParsersAction
EXAMPLE = "example:\n  "


def example_parser(
    group: Subcommands, name: str, help: str, example: str,
    db_option: argparse.ArgumentParser, json_help: str,
) -> argparse.ArgumentParser:  # fmt: skip
    """A command whose --help ends with an example, with --db and --json."""
    parser: argparse.ArgumentParser = group.add_parser(
        name,
        parents=[db_option],
        help=help,
        description=help[0].upper() + help[1:] + ".",
        epilog=EXAMPLE + example,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help=json_help)
    return parser


def add_record_commands(commands: Subcommands, db_option: argparse.ArgumentParser) -> None:
    """Register `match`, `quote`, `note` and `moment`, each with its own verbs."""
    from matchnotes.cli_moments import add_moment_commands

    nouns: dict[int, argparse.ArgumentParser] = {}  # a verb's group -> its noun's parser

    def verb(group: Subcommands, name: str, help: str, example: str) -> argparse.ArgumentParser:
        above = nouns[id(group)]  # `matchnotes match --help` shows each verb's example
        above.epilog = (above.epilog or "examples:") + "\n  " + example.split("\n")[0]
        return example_parser(group, name, help, example, db_option, "print what was saved as JSON")

    def noun(name: str, help: str) -> Subcommands:
        parser = commands.add_parser(
            name,
            parents=[db_option],
            help=help,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        group = parser.add_subparsers(dest="verb", metavar="ACTION", required=True)
        nouns[id(group)] = parser
        return group

    match = noun("match", "add, edit or delete a match")
    add = verb(match, "add", "create a match; prints its id",
               "matchnotes match add --home England --away France --date 2022-12-10 "
               '--kickoff 20:00 --competition "FIFA World Cup" --stage Quarter-final '
               '--venue "Al Bayt Stadium"')  # fmt: skip
    _match_fields(add, required=True)
    add.set_defaults(handler=cmd_match_add)
    example = ('matchnotes match edit 1 --attendance 68895 --referee "Wilton Sampaio"\n'
               '  matchnotes match edit 1 --seen watched --where "The Crown" --rating 8'
               "   (in your diary)")  # fmt: skip
    edit = verb(match, "edit", "change the given fields of a match; an empty value clears one",
                example)  # fmt: skip
    edit.add_argument("match_id", type=int, metavar="MATCH_ID")
    _match_fields(edit, required=False)
    edit.set_defaults(handler=cmd_match_edit)
    delete = verb(match, "delete", "delete a match with its line-ups, moments, quotes and notes",
                  "matchnotes match delete 1 --yes")  # fmt: skip
    delete.add_argument("match_id", type=int, metavar="MATCH_ID")
    delete.add_argument("--yes", action="store_true", help="also when moments or quotes go")
    delete.set_defaults(handler=cmd_match_delete)

    quote = noun("quote", "add a quote to a match")
    add = verb(quote, "add", "add a quote: the exact words, who said them, where",
               "matchnotes quote add --match 1 --speaker Kane --context "
               "post-match-interview \"It was just the execution on the night.\"\n"
               "  matchnotes quote add --match 1 --speaker '\"Jane Doe\"' --context mixed-zone "
               "\"We go again.\"   (a new person: the name in quotes)")  # fmt: skip
    add.add_argument("--match", type=int, required=True, metavar="MATCH_ID")
    add.add_argument("--speaker", required=True, metavar="NAME",
                     help="named as in a quick-entry line: Kane, H. Kane, ENG#9, anyone "
                     "in the database; a new person's name in quotes")  # fmt: skip
    add.add_argument("text", metavar="WORDS")
    contexts = [c.value for c in QuoteContext]
    add.add_argument("--context", type=_dashes_to_underscores, choices=contexts,
                     default=QuoteContext.POST_MATCH_INTERVIEW.value,
                     help=", ".join(c.replace("_", "-") for c in contexts)
                     + " (default: post-match-interview)")  # fmt: skip
    add.add_argument("--place", help="e.g. Al Bayt Stadium, mixed zone")
    add.add_argument("--source", help="where it was published")
    add.add_argument("--moment", type=int, metavar="MOMENT_ID", help="the moment it is about")
    add.set_defaults(handler=cmd_quote_add)

    note = noun("note", "add a note to a match or a person")
    example = 'matchnotes note add --match 1 "Southgate went straight to console Kane."'
    add = verb(note, "add", "add a note to a match (or a person)", example)
    on = add.add_mutually_exclusive_group(required=True)
    on.add_argument("--match", type=int, metavar="MATCH_ID")
    on.add_argument("--person", type=int, metavar="PERSON_ID")
    add.add_argument("text", metavar="TEXT")
    add.set_defaults(handler=cmd_note_add)

    add_moment_commands(noun("moment", "edit or delete a moment (log one with `log`)"), verb)


def _dashes_to_underscores(value: str) -> str:
    return value.strip().lower().replace("-", "_")


def _match_fields(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--home", required=required, metavar="TEAM")
    parser.add_argument("--away", required=required, metavar="TEAM")
    parser.add_argument("--date", required=required, metavar="YYYY-MM-DD")
    parser.add_argument("--kickoff", metavar="HH:MM", help="local time")
    parser.add_argument("--competition")
    parser.add_argument("--season", help="default: the year of the date")
    parser.add_argument("--stage", help="e.g. Quarter-final, Matchday 3")
    parser.add_argument("--venue")
    parser.add_argument("--referee", metavar="NAME")
    parser.add_argument("--attendance", metavar="N")
    parser.add_argument("--status", choices=[s.value for s in MatchStatus])
    # The fan's diary: a match is in it when attended or watched.
    parser.add_argument(
        "--seen",
        choices=[a.value for a in Attendance],
        help="you attended or watched it (it is in your diary), or none",
    )
    parser.add_argument("--where", metavar="PLACE", help="where you watched it")
    parser.add_argument("--rating", metavar="0-10", help="your rating")


@contextmanager
def opened(args: argparse.Namespace, *, create: bool = False) -> Iterator[Services]:
    """The services on the command's database, closed afterwards."""
    from matchnotes.cli import open_from_args
    from matchnotes.services import Services

    db = open_from_args(args, create=create)
    try:
        yield Services.create(db.engine)
    finally:
        db.close()


def dump(data: Any, out: TextIO) -> None:
    from matchnotes.cli import _dump

    _dump(data, out)


# --- matches ---


def _with_fields(data: MatchInput, args: argparse.Namespace) -> MatchInput:
    """``data`` with the fields given on the command line; "" clears an optional one."""
    changes: dict[str, Any] = {}
    for name in ("home", "away", "competition", "season", "stage", "venue", "referee"):
        value = getattr(args, name)
        if value is not None:
            optional = name not in ("home", "away")
            changes[name] = (value.strip() or None) if optional else value
    if args.date is not None:
        earliest, latest = match_date_range()
        date, problem = parse_date(args.date, earliest=earliest, latest=latest,
                                   what="the match date")  # fmt: skip
        if problem:
            raise ValidationError(problem)
        changes["date"] = date
    if args.kickoff is not None:
        changes["kickoff_time"], problem = parse_kickoff(args.kickoff)
        if problem:
            raise ValidationError(problem)
    if args.attendance is not None:
        changes["attendance"], problem = optional_int(
            args.attendance, 0, MAX_ATTENDANCE, "Attendance"
        )
        if problem:
            raise ValidationError(problem)
    if args.status is not None:
        changes["status"] = MatchStatus(args.status)
    if args.seen is not None:
        changes["fan_attendance"] = Attendance(args.seen)
    if args.where is not None:
        changes["watched_where"] = args.where.strip() or None
    if args.rating is not None:
        changes["rating"], problem = optional_int(args.rating, 0, 10, "The rating")
        if problem:
            raise ValidationError(problem)
    return dataclasses.replace(data, **changes)


def cmd_match_add(args: argparse.Namespace, out: TextIO) -> int:
    from matchnotes.reports.match_text import match_as_dict

    blank = MatchInput(home="", away="", date=match_date_range()[0])
    data = _with_fields(blank, args)
    with opened(args, create=True) as services:  # a first match may start a new file
        match_id = services.matches.create_match(data)
        detail = services.matches.get_match(match_id) if args.json else None
    if detail is not None:
        dump(match_as_dict(detail), out)
    else:
        print(match_id, file=out)
    return 0


def cmd_match_edit(args: argparse.Namespace, out: TextIO) -> int:
    from matchnotes.reports.match_text import match_as_dict

    with opened(args) as services:
        data = _with_fields(services.matches.get_input(args.match_id), args)
        if _only_seen(args):  # named in the history as the app names it: "Marked … as watched"
            services.diary.set_seen(args.match_id, data.fan_attendance, data.watched_where,
                                    data.rating)  # fmt: skip
        else:
            services.matches.update_match(args.match_id, data)
        detail = services.matches.get_match(args.match_id)
    if args.json:
        dump(match_as_dict(detail), out)
    else:
        print(f"Saved: {detail.summary.title}", file=out)
    return 0


def _only_seen(args: argparse.Namespace) -> bool:
    """Only the fan's own fields given (--seen, --where, --rating)."""
    others = ("home", "away", "date", "kickoff", "competition", "season", "stage", "venue",
              "referee", "attendance", "status")  # fmt: skip
    return all(getattr(args, name) is None for name in others)


def cmd_match_delete(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as services:
        impact = services.matches.deletion_impact(args.match_id)
        if (impact.moments or impact.quotes) and not args.yes:
            raise MatchNotesError(
                f"Not deleted: {impact.title}. {impact.goes()} "
                "Run again with --yes to delete it with all of that."
            )
        services.matches.delete_match(args.match_id)
    if args.json:
        dump({"deleted": "match", "id": args.match_id, **dataclasses.asdict(impact)}, out)
    else:
        print(f"Deleted {impact.title}. {impact.goes()}".rstrip(), file=out)
    return 0


# --- quotes and notes ---


def cmd_quote_add(args: argparse.Namespace, out: TextIO) -> int:
    from matchnotes.reports.match_text import quote_as_dict

    # The speaker is named as in a quick-entry line ("Kane" is Harry Kane; a new person
    # in quotes): the quick-entry service resolves it with the match's roster.
    data = QuoteInput(speaker=args.speaker, text=args.text, context=QuoteContext(args.context),
                      place=args.place, source=args.source, moment_id=args.moment)  # fmt: skip
    with opened(args) as services:
        quote_id = services.quick_entry.add_quote(args.match, args.speaker, data).quote_id
        saved = next(q for q in services.quotes.for_match(args.match) if q.id == quote_id)
    if args.json:
        dump({**quote_as_dict(saved), "match_id": saved.match_id}, out)
    else:
        print(quote_id, file=out)
    return 0


def cmd_note_add(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as services:
        note_id = services.notes.add(args.text, match_id=args.match, person_id=args.person)
        note = services.notes.get(note_id)
    if args.json:
        dump({"id": note.id, "match_id": note.match_id, "person_id": note.person_id,
              "text": note.text}, out)  # fmt: skip
    else:
        print(note_id, file=out)
    return 0


def kind_value(value: str) -> str:
    """Moment kinds as stored (penalty_goal) or with dashes (penalty-goal)."""
    return _dashes_to_underscores(value)


KINDS = [k.value for k in MomentKind]
