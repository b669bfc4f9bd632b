"""openfootball squads (e.g. worldcup/more/2022_squads.txt) -> PersonRecords.

    == England     # 26 Players
         9, Harry KANE,              FW,  b. 1993/07/28
         -, Gareth Southgate (ENG),  MG,  b. 1970/09/03

Players get their squad number, position, date of birth and the team as nationality;
a manager ("MG") gets the country code the file gives.
"""

from __future__ import annotations

import datetime as dt
import re

from matchnotes.enums import PersonRole
from matchnotes.io.common import display_name
from matchnotes.io.errors import ImportFileError, Problem, RecordError
from matchnotes.io.records import ParsedFile, PersonRecord
from matchnotes.text import clean

FORMAT = "squads-txt"
_PERSON = re.compile(
    r"^\s*(?P<number>\d{1,2}|-)\s*,\s*(?P<name>[^,]+?)(?:\s+\((?P<code>[A-Z]{2,4})\))?\s*,"
    r"\s*(?P<pos>GK|DF|MF|FW|MG)\s*(?:,\s*(?:b\.\s*(?P<born>\d{4}/\d{1,2}/\d{1,2}))?)?\s*$"
)
TEAM_LINE = re.compile(r"^==\s*(?P<team>[^#]+?)\s*(?:#.*)?$")


def parse_squads(text: str, source: str, skip_errors: bool = False) -> ParsedFile:
    parsed = ParsedFile(FORMAT, source)
    team: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        bare = line.strip()
        where = f"line {number}"
        if not bare or bare.startswith("#") or (bare.startswith("=") and not bare.startswith("==")):
            continue
        t = TEAM_LINE.match(bare)
        if t:
            team = clean(t.group("team"))
            continue
        try:
            parsed.people.append(read_person_line(line, team, where))
        except RecordError as exc:
            if not skip_errors:
                raise ImportFileError(source, exc.where, exc.problem) from exc
            parsed.skipped.append(Problem(exc.where, exc.problem))
    return parsed


def read_person_line(line: str, team: str | None, where: str) -> PersonRecord:
    """One “9, Harry KANE, FW, b. 1993/07/28” line (also used by the line-up editor)."""
    p = _PERSON.match(line)
    if not p:
        raise RecordError(
            where, f"cannot read “{clean(line)[:60]}”; expected “9, Name, FW, b. 1993/07/28”."
        )
    if team is None:
        raise RecordError(where, "a player comes before any “== Team” line.")
    born = None
    if p.group("born"):
        try:
            born = dt.date(*(int(x) for x in p.group("born").split("/")))
        except ValueError:
            raise RecordError(where, f"“{p.group('born')}” is not a date of birth.") from None
    manager = p.group("pos") == "MG"
    number = p.group("number")
    return PersonRecord(
        where=where,
        name=display_name(p.group("name")),
        role=PersonRole.MANAGER if manager else PersonRole.PLAYER,
        team=team,
        shirt_number=None if number == "-" else int(number),
        position=None if manager else p.group("pos"),
        nationality=(p.group("code") if manager else team),
        date_of_birth=born,
    )
