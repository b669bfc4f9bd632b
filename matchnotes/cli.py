"""The ``matchnotes`` command line: the GUI launcher's options and the headless commands.

No Qt here: headless commands must run on a server without a display. The GUI is
imported only when no sub-command is given (see __main__.py). JSON shapes are
documented in docs/cli.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO, cast

from matchnotes import __version__
from matchnotes.cli_backup import backup_server, is_server, restore_server
from matchnotes.cli_copy import add_copy_command
from matchnotes.cli_draft import add_draft_command
from matchnotes.cli_history import add_history_commands
from matchnotes.cli_progress import ProgressBar
from matchnotes.cli_records import EXAMPLE, add_record_commands
from matchnotes.db.database import Database, open_database
from matchnotes.db.engine import display_location, is_url
from matchnotes.entry import PossibleDuplicate
from matchnotes.enums import LineupRole
from matchnotes.errors import MatchNotesError
from matchnotes.paths import database_target, doc
from matchnotes.reports.match_text import match_as_dict, match_as_text, summary_as_dict
from matchnotes.services import Services
from matchnotes.terminal import PrintableWriter, json_safe, printable

Handler = Callable[[argparse.Namespace, TextIO], int]

# Exit codes (docs/cli.md): 0 done, 1 refused with a message, 2 usage (argparse), 3 a bug.
REFUSED, UNEXPECTED_ERROR = 1, 3


def build_parser() -> argparse.ArgumentParser:
    # --db is accepted before or after the sub-command; SUPPRESS keeps the later one
    # from overwriting the earlier with its default.
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=argparse.SUPPRESS,
        help="database file or PostgreSQL URL (only demo, import, copy and match add create "
        "a missing file); "
        "default: $MATCHNOTES_DB or the file in your data folder",
    )
    db_option.add_argument(
        "--quiet",
        action="store_true",
        default=argparse.SUPPRESS,
        help="no progress bar on stderr (none is drawn when stderr is not a terminal)",
    )
    db_option.add_argument(
        "--author",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="who the changes are by in the history; default: $MATCHNOTES_AUTHOR or your user name",
    )
    parser = argparse.ArgumentParser(
        prog="matchnotes",
        description="MatchNotes: notes on football matches. Without a command, opens the app.",
        parents=[db_option],
        # The installed copies, so the paths are right for a wheel, a bundle or a clone.
        epilog=f"Commands and JSON shapes: {doc('cli.md')}\n"
        f"Quick-entry grammar: {doc('quick-entry.md')}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"MatchNotes {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a fresh demo database (written to --db PATH when given)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser(
        "demo",
        parents=[db_option],
        help="write the demo database (England v France, 2022)",
        **example("matchnotes demo --db demo.sqlite"),
    )
    demo.set_defaults(handler=cmd_demo)

    matches = commands.add_parser(
        "matches",
        parents=[db_option],
        help="list the matches",
        **example("matchnotes matches --db demo.sqlite --json"),
    )
    matches.add_argument(
        "--json", action="store_true", help="print JSON (shapes in cli.md, see below)"
    )
    matches.set_defaults(handler=cmd_matches)

    show = commands.add_parser(
        "show",
        parents=[db_option],
        help="print one match with line-ups, moments and quotes",
        **example("matchnotes show 1 --db demo.sqlite"),
    )
    show.add_argument("match_id", type=int, metavar="MATCH_ID")
    show.add_argument(
        "--json", action="store_true", help="print JSON (shapes in cli.md, see below)"
    )
    show.set_defaults(handler=cmd_show)

    log = commands.add_parser(
        "log",
        parents=[db_option],
        help="record one quick-entry line (grammar in quick-entry.md, see below)",
        **example('matchnotes log --match 1 "84 pen miss Kane over the bar"'),
    )
    log.add_argument("--match", type=int, required=True, metavar="MATCH_ID")
    log.add_argument("line", metavar="LINE", help='e.g. "84 pen miss Kane over the bar"')
    log.add_argument("--dry-run", action="store_true", help="print what would be saved")
    log.add_argument(
        "--reopen", action="store_true", help="let a period marker set a finished match live again"
    )
    log.add_argument("--json", action="store_true", help="print JSON (shapes in cli.md, see below)")
    log.add_argument(
        "--allow-duplicate",
        "--force",
        action="store_true",
        help="save a moment that looks like one logged already",
    )
    log.set_defaults(handler=cmd_log)

    lineup = commands.add_parser(
        "lineup",
        parents=[db_option],
        help="replace a team's line-up with text, one person a line",
        **example("matchnotes lineup 1 --team France --file france.txt"),
    )
    lineup.add_argument("match_id", type=int, metavar="MATCH_ID")
    lineup.add_argument("--team", required=True, help="the team's name, or home / away")
    lineup.add_argument(
        "--file", type=Path, metavar="FILE", help="the text, one person a line (default: stdin)"
    )
    lineup.add_argument("--dry-run", action="store_true", help="check and print, save nothing")
    lineup.set_defaults(handler=cmd_lineup)

    imp = commands.add_parser(
        "import",
        parents=[db_option],
        help="import a file (MatchNotes JSON, openfootball, CSV)",
        **example("matchnotes import worldcup.json --db archive.sqlite"),
    )
    imp.add_argument("file", type=Path, metavar="FILE", nargs="?")
    imp.add_argument(
        "--international",
        action="store_true",
        help="the international results 1872-2026 shipped with the app (offline); a newer "
        "copy imports as FILE: PATH/results.csv, with goalscorers.csv and shootouts.csv beside it",
    )
    imp.add_argument("--format", help="the file's format when it cannot be recognised")
    imp.add_argument("--skip-errors", action="store_true", help="skip bad rows, report each")
    imp.add_argument("--json", action="store_true", help="print the summary as JSON")
    imp.set_defaults(handler=cmd_import)

    exp = commands.add_parser(
        "export",
        parents=[db_option],
        help="write a match, person or season report, or everything as MatchNotes JSON",
        description="json is MatchNotes JSON, the file `matchnotes import` reads back.",
        **example(
            "matchnotes export pdf --match 1 -o match.pdf\n"
            "  matchnotes export json --all -o archive.json"
        ),
    )
    exp.add_argument(
        "format",
        choices=("pdf", "md", "csv", "json", "sportscode"),
        help="sportscode: a match's moments as SportsCode XML (timeline codes for analysts)",
    )
    what = exp.add_mutually_exclusive_group(required=True)
    what.add_argument("--all", action="store_true", help="the whole database (json only)")
    what.add_argument("--match", type=int, metavar="MATCH_ID")
    what.add_argument("--person", type=int, metavar="PERSON_ID")
    what.add_argument(
        "--season",
        action="store_true",
        help="a season or diary: with --competition, --season-name, --year",
    )
    exp.add_argument("--competition")
    exp.add_argument("--season-name", metavar="SEASON")
    exp.add_argument("--year", type=int)
    exp.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    exp.set_defaults(handler=cmd_export)

    backup = commands.add_parser(
        "backup",
        parents=[db_option],
        help="back up the database now (a server's: as MatchNotes JSON)",
        **example(
            "matchnotes backup --db archive.sqlite\n"
            "  matchnotes backup --db postgresql://me@host/matchnotes -o diary.json"
        ),
    )
    backup.add_argument(
        "-o", "--output", type=Path, metavar="FILE.json",
        help="a server database's backup file (default: DATABASE-backup-DATE.json here)",
    )  # fmt: skip
    backup.set_defaults(handler=cmd_backup)
    backups = commands.add_parser(
        "backups",
        parents=[db_option],
        help="list the backups",
        **example("matchnotes backups --db archive.sqlite"),
    )
    backups.add_argument("--json", action="store_true", help="print JSON")
    backups.set_defaults(handler=cmd_backups)
    restore = commands.add_parser(
        "restore",
        parents=[db_option],
        help="restore a backup (close the app first); a server's: into an empty database",
        **example(
            "matchnotes restore --newest --db archive.sqlite\n"
            "  matchnotes restore diary.json --db postgresql://me@host/new_empty_db"
        ),
    )
    which = restore.add_mutually_exclusive_group(required=True)
    which.add_argument("backup_file", nargs="?", type=Path, metavar="BACKUP")
    which.add_argument("--newest", action="store_true", help="the newest backup that checks out")
    which.add_argument(
        "--finish", action="store_true", help="finish a restore that was interrupted"
    )
    which.add_argument(
        "--undo", action="store_true", help="put back the file an interrupted restore set aside"
    )
    restore.set_defaults(handler=cmd_restore)
    check = commands.add_parser(
        "check",
        parents=[db_option],
        help="run a full integrity check",
        **example("matchnotes check --db archive.sqlite"),
    )
    check.set_defaults(handler=cmd_check)

    search = commands.add_parser(
        "search",
        parents=[db_option],
        help="search everything",
        **example("matchnotes search mount -kane  (a word after - is left out)"),
    )
    search.add_argument("words", nargs="+", metavar="WORDS")
    search.add_argument("--kind", choices=("match", "person", "team", "moment", "quote", "note"))
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--rebuild", action="store_true", help="rebuild the search index first")
    search.add_argument(
        "--json", action="store_true", help="print JSON (shapes in cli.md, see below)"
    )
    search.set_defaults(handler=cmd_search)
    add_record_commands(commands, db_option)
    add_copy_command(commands, db_option)
    add_draft_command(commands, db_option)
    add_history_commands(commands, db_option)
    return parser


def example(text: str) -> dict[str, Any]:
    """The epilog every command's --help ends with."""
    return {"epilog": EXAMPLE + text, "formatter_class": argparse.RawDescriptionHelpFormatter}


def progress_bar(args: argparse.Namespace, label: str) -> ProgressBar:
    """A bar on stderr for a long job, unless --quiet (or stderr is not a terminal)."""
    return ProgressBar(label, quiet=getattr(args, "quiet", False))


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse a command line; ``search`` takes "-kane" as a word to leave out, not an option."""
    args = list(sys.argv[1:] if argv is None else argv)
    return build_parser().parse_args(_search_words_as_words(args))


# Options of the top level and of `search` that take a value (the value is never a word).
_TAKES_VALUE = {"--db", "--kind", "--limit", "--author"}
_SEARCH_FLAGS = {"-h"}  # the one short option; "-" + anything else is a word


def _search_words_as_words(args: list[str]) -> list[str]:
    """`search`'s options first, then its words; a leading space makes argparse read
    "-kane" as a word (cmd_search strips it), and words may come between options."""
    command_at = next(
        (i for i, a in enumerate(args)
         if not a.startswith("-") and (i == 0 or args[i - 1] not in _TAKES_VALUE)),
        None,
    )  # fmt: skip
    if command_at is None or args[command_at] != "search" or "--" in args:
        return args
    options: list[str] = []
    words: list[str] = []
    for i in range(command_at + 1, len(args)):
        a, before = args[i], args[i - 1]
        if before in _TAKES_VALUE or a in _SEARCH_FLAGS or a.startswith("--"):
            options.append(a)  # an unknown --option stays one: argparse says so
        else:
            words.append(" " + a if a.startswith("-") else a)
    return [*args[: command_at + 1], *options, *words]


def run(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run a headless command; return the exit code. GUI launches are not handled here.

    Everything printed goes through `printable`: user text never drives the terminal.
    """
    shown = cast(TextIO, PrintableWriter(out or sys.stdout))
    args = parse_args(argv)  # a usage error exits with 2 (argparse)
    handler: Handler = args.handler
    try:
        _set_author(getattr(args, "author", None) or os.environ.get("MATCHNOTES_AUTHOR"))
        return handler(args, shown)
    except MatchNotesError as exc:
        print(f"matchnotes: {printable(str(exc))}", file=sys.stderr)
        return REFUSED
    except BrokenPipeError:  # output piped into `head`: not an error worth a message
        return 0
    except Exception as exc:  # a bug: still one readable line unless debugging
        if os.environ.get("MATCHNOTES_DEBUG"):
            raise
        print(
            f"matchnotes: unexpected error: {exc!r}. "
            "Run again with MATCHNOTES_DEBUG=1 to see the details, and please report it.",
            file=sys.stderr,
        )
        return UNEXPECTED_ERROR


def _set_author(name: str | None) -> None:
    """Who this command's changes are by; None: the OS user name."""
    from matchnotes.services.change_log import set_author

    set_author(name)


def open_from_args(args: argparse.Namespace, *, create: bool = False) -> Database:
    """The database of --db / $MATCHNOTES_DB / the default file.

    Only commands that make one on purpose (``import``, ``match add``) pass ``create``:
    a mistyped path must not leave an empty database (or folder) behind.
    """
    from matchnotes.cli_progress import upgrade_progress

    target = database_target(getattr(args, "db", None))
    if not create:
        _refuse_missing_file(target)
    return open_database(target, progress=upgrade_progress())


def _refuse_missing_file(target: str) -> None:
    if "://" in target and not target.startswith("sqlite:///"):
        return  # a server: nothing to create by mistake
    path = Path(target.removeprefix("sqlite:///")).expanduser().resolve()
    if not path.exists():
        from matchnotes.db.leftovers import UnfinishedRestoreError, find_leftovers

        leftovers = find_leftovers(path)  # an interrupted restore: say how to finish it
        if leftovers is not None:
            raise UnfinishedRestoreError(leftovers)
        raise MatchNotesError(
            f"There is no database at {path}. Create one with "
            f"`matchnotes demo --db PATH`, `matchnotes import FILE --db PATH` or "
            "`matchnotes match add ... --db PATH`, or open the app."
        )


def make_demo_database(target: str | Path | None = None) -> str:
    """Write the demo database to ``target``, a new file (a fresh temporary one when None)
    or an empty server database; return the target to open it with."""
    if target is not None and is_url(str(target)) and not str(target).startswith("sqlite:///"):
        return _demo_on_server(str(target))
    path = Path(str(target).removeprefix("sqlite:///")).expanduser() if target else None
    return str(_demo_in_file(path))


def _demo_in_file(path: Path | None) -> Path:
    from matchnotes.demo import load_demo

    if path is None:
        path = Path(tempfile.mkdtemp(prefix="matchnotes-demo-")) / "demo.sqlite"
    elif path.exists():
        raise MatchNotesError(
            f"{path} already exists; the demo is only written to a new file. "
            "Choose another name or delete that file first."
        )
    db = open_database(path)
    try:
        load_demo(Services.create(db.engine))
    except BaseException:
        # No half-written demo left behind to make the next try say "already exists".
        db.close()
        for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
        raise
    db.close()
    return path


def _demo_on_server(url: str) -> str:
    """The demo into a server database that holds no match yet (its tables made if empty)."""
    from matchnotes.demo import load_demo

    db = open_database(url)
    try:
        services = Services.create(db.engine)
        if services.matches.list_matches():
            raise MatchNotesError(
                f"The database at {db.location} already holds matches; the demo is only "
                "written to an empty database. Create a new one on the server first."
            )
        load_demo(services)
    finally:
        db.close()
    return url


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    if not getattr(args, "db", None):
        raise MatchNotesError("Say where to write the demo: matchnotes demo --db PATH")
    where = make_demo_database(args.db)
    print(f"Demo database written to {display_location(where)}", file=out)
    return 0


def cmd_matches(args: argparse.Namespace, out: TextIO) -> int:
    db = open_from_args(args)
    try:
        matches = Services.create(db.engine).matches.list_matches()
    finally:
        db.close()
    if args.json:
        _dump({"matches": [summary_as_dict(m) for m in matches]}, out)
        return 0
    if not matches:
        print("No matches yet. Create one in the app, or try: matchnotes --demo", file=out)
        return 0
    for m in matches:
        where = " · ".join(x for x in (m.competition, m.stage) if x)
        print(f"{m.id:>5}  {m.date:%Y-%m-%d}  {m.title:<40}  {where}", file=out)
    return 0


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    db = open_from_args(args)
    try:
        detail = Services.create(db.engine).matches.get_match(args.match_id)
    finally:
        db.close()
    if args.json:
        _dump(match_as_dict(detail), out)
    else:
        out.write(match_as_text(detail))
    return 0


def cmd_log(args: argparse.Namespace, out: TextIO) -> int:
    db = open_from_args(args)
    try:
        services = Services.create(db.engine)
        minute = services.clock.minute(args.match)  # None unless the match clock runs
        again = args.allow_duplicate
        if args.dry_run:
            entry = services.quick_entry.preview(
                args.match, args.line, minute, args.reopen, allow_duplicate=again
            )
            data: dict[str, Any] = {"saved": False, "entry": entry.describe()}
        else:
            result = services.quick_entry.record(
                args.match, args.line, minute, args.reopen, allow_duplicate=again
            )
            data = {
                "saved": True,
                "entry": result.entry.describe(),
                "moment_id": result.moment_id,
                "quote_id": result.quote_id,
                "created_person_ids": list(result.created_person_ids),
            }
    except PossibleDuplicate as exc:
        raise MatchNotesError(
            f"{exc} (moment {exc.existing.moment_id}). Nothing saved; run again with "
            "--allow-duplicate to save it anyway."
        ) from None
    finally:
        db.close()
    if args.json:
        _dump(data, out)
    else:
        print(("Saved: " if data["saved"] else "Would save: ") + data["entry"], file=out)
    return 0


def cmd_lineup(args: argparse.Namespace, out: TextIO) -> int:
    """The line-up editor's text format from a file or stdin (see docs/cli.md)."""
    from matchnotes.entry.squad_text import read_squad_text
    from matchnotes.text import fold

    try:
        text = sys.stdin.read() if args.file in (None, Path("-")) else args.file.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MatchNotesError(
            f"{args.file} cannot be read ({exc}); give a UTF-8 text file."
        ) from exc
    squad = read_squad_text(text)  # every problem of the text at once, by line
    db = open_from_args(args)
    try:
        services = Services.create(db.engine)
        s = services.matches.get_summary(args.match_id)
        teams = {fold(s.home): s.home_id, fold(s.away): s.away_id, "home": s.home_id,
                 "away": s.away_id}  # fmt: skip
        if fold(args.team) not in teams:
            playing = f"{s.home} v {s.away}"
            raise MatchNotesError(
                f"{args.team} does not play in match {args.match_id} ({playing}); "
                "use one of the two, or home / away."
            )
        team_id = teams[fold(args.team)]
        check = services.lineups.check(args.match_id, {team_id: squad})[team_id]
        if check.problems:
            raise MatchNotesError("Nothing was saved:\n" + "\n".join(map(str, check.problems)))
        if not args.dry_run:
            services.lineups.replace(args.match_id, {team_id: squad})
    finally:
        db.close()
    counts = [len(squad.of_role(role)) for role in LineupRole]
    new = sum(1 for c in check.lines if c.status == "new")
    done = "Would save" if args.dry_run else "Saved"
    print(
        f"{done} {check.team}'s line-up: {counts[0]} starting, {counts[1]} substitutes, "
        f"{counts[2]} manager(s); {new} new people.",
        file=out,
    )
    return 0


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from matchnotes.services.imports import ImportService

    if (args.file is None) == (not args.international):
        raise MatchNotesError(
            "Name one file to import, or --international for the international results "
            "archive: `matchnotes import worldcup.json` or `matchnotes import --international`."
        )
    name = args.file.name if args.file is not None else "the international results archive"
    db = open_from_args(args, create=True)
    bar = progress_bar(args, "Backing up")
    try:
        if db.path is not None and not db.report.created:  # a lot changes at once: keep it
            from matchnotes.db.backup import BEFORE_IMPORT
            from matchnotes.db.backups import make_backup

            make_backup(db.path, BEFORE_IMPORT, progress=bar)
            bar.finish()
        bar = progress_bar(args, f"Importing {name}")
        if args.file is None:
            summary = ImportService(db.engine).import_international(progress=bar)
        else:
            summary = ImportService(db.engine).import_file(
                args.file, args.format, args.skip_errors, progress=bar
            )
    except MatchNotesError:
        db.close()
        if db.path is not None and db.report.created:  # refused: no empty file left behind
            for suffix in ("", "-wal", "-shm", "-journal"):
                db.path.with_name(db.path.name + suffix).unlink(missing_ok=True)
        raise
    finally:
        bar.finish()
        db.close()
    if args.json:
        _dump(summary.to_dict(), out)
    else:
        print(str(summary), file=out)
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from matchnotes.reports import export

    if args.all and args.format != "json":
        raise MatchNotesError(
            f"--all writes the whole database as MatchNotes JSON; use `export json --all`, "
            f"or a --match, --person or --season {args.format} report."
        )
    db = open_from_args(args)
    bar = progress_bar(args, f"Writing {args.output.name}")
    try:
        services = Services.create(db.engine)
        if args.all:
            path = export.export_all(services, args.output, progress=bar)
        elif args.match is not None:
            path = export.export_match(
                services, args.match, args.format, args.output, page_size=args.page_size,
                progress=bar,
            )  # fmt: skip
        elif args.person is not None:
            path = export.export_person(
                services, args.person, args.format, args.output, page_size=args.page_size,
                progress=bar,
            )  # fmt: skip
        else:
            path = export.export_season(
                services,
                args.format,
                args.output,
                competition=args.competition,
                season=args.season_name,
                year=args.year,
                page_size=args.page_size,
                progress=bar,
            )
    finally:
        bar.finish()
        db.close()
    print(f"Wrote {path}", file=out)
    return 0


def _sqlite_path(args: argparse.Namespace, must_exist: bool = True) -> Path:
    target = database_target(getattr(args, "db", None))
    if "://" in target and not target.startswith("sqlite:///"):
        raise MatchNotesError(
            f"{display_location(target)} is a database server: the backups list and check "
            "work on SQLite files. `matchnotes backup` writes a server database's MatchNotes "
            "JSON and `matchnotes restore FILE.json` fills an empty one; check it with the "
            "server's own tools (for PostgreSQL: pg_amcheck)."
        )
    path = Path(target.removeprefix("sqlite:///")).expanduser().resolve()
    if must_exist:
        _refuse_missing_file(target)
    return path


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    from matchnotes.db.backup import MANUAL
    from matchnotes.db.backups import make_backup
    from matchnotes.text import counted

    target = database_target(getattr(args, "db", None))
    if is_server(target):
        return backup_server(args, target, out)
    if args.output is not None:
        raise MatchNotesError(
            "-o names a server database's JSON backup; a file's backups go beside it "
            "(`matchnotes backups` lists them). For a JSON of a file: matchnotes export "
            "json --all -o FILE.json"
        )
    path = _sqlite_path(args)
    open_database(path).close()  # refuses a file that is not ours, upgrades an old one
    bar = progress_bar(args, "Backing up")
    try:
        info = make_backup(path, MANUAL, progress=bar)
    finally:
        bar.finish()
    what = "the database" if info.match_count is None else counted(info.match_count, "match")
    print(f"Backed up {what} to {info.path}", file=out)
    return 0


def cmd_backups(args: argparse.Namespace, out: TextIO) -> int:
    from matchnotes.db.backups import list_backups

    found = list_backups(_sqlite_path(args))
    if args.json:
        _dump(
            [
                {
                    "path": str(b.path),
                    "made_at": b.made_at.isoformat(),
                    "reason": b.reason,
                    "size": b.size,
                    "matches": b.match_count,
                }
                for b in found
            ],
            out,
        )
        return 0
    if not found:
        print("No backups yet. Make one with: matchnotes backup", file=out)
    for b in found:
        print(
            f"{b.made_at:%Y-%m-%d %H:%M:%S}  {b.reason:<28} {b.size / 1e6:7.1f} MB  "
            f"{b.match_count if b.match_count is not None else '?':>6} matches  {b.path}",
            file=out,
        )
    return 0


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    from matchnotes.db.leftovers import finish_restore, undo_restore
    from matchnotes.db.restore import newest_good_backup, restore_backup

    target = database_target(getattr(args, "db", None))
    if is_server(target):
        return restore_server(args, target, out)
    path = _sqlite_path(args, must_exist=False)  # restoring onto a missing file is fine
    if args.finish:
        print(f"Finished the restore: {finish_restore(path)} is in place.", file=out)
        return 0
    if args.undo:
        print(f"Put {undo_restore(path).name} back as {path}.", file=out)
        return 0
    backup = args.backup_file
    if args.newest:
        newest = newest_good_backup(path)
        if newest is None:
            raise MatchNotesError(f"There is no good backup of {path}.")
        backup = newest.path
    report = restore_backup(path, backup)
    print(f"Restored {path} from {report.restored_from}", file=out)
    if report.safety_backup:
        print(f"The file as it was is kept as {report.safety_backup}", file=out)
    if report.damaged_copy:
        print(f"The damaged file is kept as {report.damaged_copy}", file=out)
    return 0


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from matchnotes.db.check import check_database

    report = check_database(_sqlite_path(args))
    print(report.summary(), file=out)
    return 0 if report.ok else 1


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    from matchnotes.enums import SearchKind
    from matchnotes.services.search_results import unmarked

    db = open_from_args(args)
    try:
        services = Services.create(db.engine)
        if args.rebuild:
            from matchnotes.cli_progress import StepProgress

            rebuilt = services.search.rebuild(StepProgress("Rebuilding the search index"))
            print(f"Rebuilt the index: {rebuilt} documents", file=sys.stderr)
        kinds = [SearchKind(args.kind)] if args.kind else None
        # Every word of a command is finished: whole words (the search box's last word is a
        # prefix while it is being typed); a word ending in * asks for a prefix.
        words = " ".join(w.strip() for w in args.words) + " "  # see _search_words_as_words
        results = services.search.search(words, kinds=kinds, limit=args.limit)
    finally:
        db.close()
    if args.json:
        _dump(
            [
                {
                    "kind": r.kind.value,
                    "id": r.id,
                    "title": unmarked(r.title),
                    "snippet": unmarked(r.snippet),
                    "match_id": r.match_id,
                    "person_id": r.person_id,
                    "date": r.date.isoformat() if r.date else None,
                    "context": r.context,
                }
                for r in results
            ],
            out,
        )
        return 0
    if not len(results):
        print(f"Nothing found for {words!r}.", file=out)
    for r in results:
        where = f" — {r.context}" if r.context else ""
        print(f"{r.kind.value:<7} {unmarked(r.title)}{where}", file=out)
        if r.snippet:
            print(f"        {unmarked(r.snippet)}", file=out)
    return 0


def _dump(data: Any, out: TextIO) -> None:
    out.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
