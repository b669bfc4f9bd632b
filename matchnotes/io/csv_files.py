"""CSV of fixtures/results and of people: a header row names the columns (any order).

Columns are documented in docs/json-format.md ("CSV files"). Unknown or missing
required columns are refused with the line and column named, so a typo in a header
never drops a column silently.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any, TypeVar

from matchnotes.enums import Decision, MatchStatus, PersonRole
from matchnotes.io.common import kickoff
from matchnotes.io.errors import ImportFileError, Problem, RecordError, not_utf8
from matchnotes.io.records import MatchRecord, ParsedFile, PersonRecord
from matchnotes.text import clean, fold

CSV_MATCHES = "csv-matches"
CSV_PEOPLE = "csv-people"
MATCH_COLUMNS = (
    "date", "time", "home", "away", "home_score", "away_score", "decided_by",
    "home_penalties", "away_penalties", "status", "competition", "season", "stage",
    "venue", "city", "referee", "attendance",
)  # fmt: skip
PEOPLE_COLUMNS = (
    "name", "role", "team", "shirt_number", "position", "nationality", "club", "date_of_birth",
)  # fmt: skip
REQUIRED = {CSV_MATCHES: ("date", "home", "away"), CSV_PEOPLE: ("name",)}
COLUMNS = {CSV_MATCHES: MATCH_COLUMNS, CSV_PEOPLE: PEOPLE_COLUMNS}
T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)


def csv_kind(header_line: str) -> str | None:
    names = set(_header(next(csv.reader([header_line], _dialect(header_line)), [])))
    if names & {"home", "away", "home_score"}:
        return CSV_MATCHES
    if "name" in names:
        return CSV_PEOPLE
    return None


def parse_csv(
    lines: str | Iterable[str], source: str, format: str, skip_errors: bool = False
) -> ParsedFile:
    """Rows of text, or an open file (opened with ``newline=""``) read row by row: a
    big CSV is never held whole, and each repeated name is kept once."""
    rows = iter(io.StringIO(lines, newline="") if isinstance(lines, str) else lines)
    try:
        first = next(rows, "").lstrip("\ufeff")
        reader = csv.reader(itertools.chain([first], rows), _dialect(first))
        header = _header(next(reader, []))
    except csv.Error as exc:
        raise ImportFileError(source, "line 1", _csv_problem(exc)) from None
    except UnicodeDecodeError as exc:
        raise not_utf8(source, 1) from exc
    unknown = [name for name in header if name not in COLUMNS[format]]
    if unknown:
        raise ImportFileError(
            source, "line 1", f"unknown column “{unknown[0]}”; the columns are "
            f"{', '.join(COLUMNS[format])}.",
        )  # fmt: skip
    missing = [name for name in REQUIRED[format] if name not in header]
    if missing:
        raise ImportFileError(source, "line 1", f"the column “{missing[0]}” is missing.")
    parsed = ParsedFile(format, source)
    seen: dict[Any, Any] = {}  # one copy of each repeated name, date, time or score
    while True:
        try:
            row = next(reader, None)
        except csv.Error as exc:
            raise ImportFileError(source, f"line {reader.line_num}", _csv_problem(exc)) from None
        except UnicodeDecodeError as exc:
            raise not_utf8(source, reader.line_num + 1) from exc
        if row is None:
            break
        if not any(cell.strip() for cell in row):
            continue
        where = f"line {reader.line_num}"
        values = {
            name: seen.setdefault(text, text) if (text := clean(cell)) else None
            for name, cell in zip(header, row, strict=False)
        }
        try:
            if format == CSV_MATCHES:
                parsed.matches.append(_shared(_match(values, where), seen))
            else:
                parsed.people.append(_person(values, where))
        except RecordError as exc:
            if not skip_errors:
                raise ImportFileError(source, exc.where, exc.problem) from exc
            parsed.skipped.append(Problem(exc.where, exc.problem))
    return parsed


def _csv_problem(exc: csv.Error) -> str:
    if "field limit" in str(exc):
        return (
            f"a value is longer than {csv.field_size_limit():,} characters; a quote may "
            "be missing its closing mark."
        )
    return f"not valid CSV ({exc})."


def _shared(record: MatchRecord, seen: dict[Any, Any]) -> MatchRecord:
    """Equal dates, times and scores of many rows as one object each."""
    record.date = seen.setdefault(record.date, record.date)
    if record.kickoff_time is not None:
        record.kickoff_time = seen.setdefault(record.kickoff_time, record.kickoff_time)
    if record.score is not None:
        record.score = seen.setdefault(record.score, record.score)
    return record


def write_csv(columns: Iterable[str], rows: Iterable[dict[str, Any]]) -> str:
    """Rows (missing keys empty) as CSV text with a header row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return out.getvalue()


def _match(v: dict[str, str | None], where: str) -> MatchRecord:
    _required(v, "date", where)
    date = _value(v, "date", where, dt.date.fromisoformat, "a date like 2022-12-10")
    assert date is not None
    home, away = _required(v, "home", where), _required(v, "away", where)
    if fold(home) == fold(away):
        raise RecordError(where, f"{home} cannot play against itself.")
    record = MatchRecord(where, date, home, away)
    time = v.get("time")
    record.kickoff_time = kickoff(where, time) if time else None
    record.score = _pair(v, "home_score", "away_score", where)
    record.penalties = _pair(v, "home_penalties", "away_penalties", where)
    record.status = _value(
        v, "status", where, _enum(MatchStatus), "scheduled, live or finished"
    ) or (MatchStatus.FINISHED if record.score else MatchStatus.SCHEDULED)
    decided = _value(v, "decided_by", where, _enum(Decision), "regular, extra_time or penalties")
    record.decided_by = Decision.PENALTIES if record.penalties else decided
    if record.score or decided:
        record.decided_by = record.decided_by or Decision.REGULAR
    record.competition, record.season, record.stage = (
        v.get("competition"),
        v.get("season"),
        v.get("stage"),
    )
    record.venue, record.venue_city = v.get("venue"), v.get("city")
    record.referee = v.get("referee")
    record.attendance = _value(v, "attendance", where, _count, "a whole number")
    return record


def _person(v: dict[str, str | None], where: str) -> PersonRecord:
    return PersonRecord(
        where=where,
        name=_required(v, "name", where),
        role=_value(v, "role", where, _enum(PersonRole), "player, manager, referee or other"),
        team=v.get("team"),
        shirt_number=_value(v, "shirt_number", where, _shirt, "a number from 0 to 99"),
        position=(v.get("position") or "").upper() or None,
        nationality=v.get("nationality"),
        club=v.get("club"),
        date_of_birth=_value(
            v, "date_of_birth", where, dt.date.fromisoformat, "a date like 1993-07-28"
        ),
    )


def _header(cells: list[str]) -> list[str]:
    return ["_".join(fold(cell).replace("-", " ").split()) for cell in cells]


def _dialect(first_line: str) -> type[csv.Dialect]:
    class Dialect(csv.excel):
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","

    return Dialect


def _required(v: dict[str, str | None], column: str, where: str) -> str:
    value = v.get(column)
    if not value:
        raise RecordError(where, f"the “{column}” is empty.")
    return value


def _value(
    v: dict[str, str | None], column: str, where: str, convert: Callable[[str], T], what: str
) -> T | None:
    text = v.get(column)
    if text is None:
        return None
    try:
        return convert(text)
    except ValueError:
        raise RecordError(where, f"“{text}” in column “{column}” is not {what}.") from None


def _count(text: str) -> int:
    """A whole number; its range is the forms' rule, checked where records are written."""
    if not text.isascii() or not text.isdigit() or len(text) > 9:
        raise ValueError(text)
    return int(text)


def _shirt(text: str) -> int:
    if not text.isdigit() or int(text) > 99:
        raise ValueError(text)
    return int(text)


def _enum(cls: type[E]) -> Callable[[str], E]:
    return lambda text: cls(fold(text).replace(" ", "_"))


def _pair(v: dict[str, str | None], home: str, away: str, where: str) -> tuple[int, int] | None:
    h = _value(v, home, where, _count, "a score")
    a = _value(v, away, where, _count, "a score")
    if (h is None) != (a is None):
        raise RecordError(where, f"“{home}” and “{away}” go together: fill in both or neither.")
    return (h, a) if h is not None and a is not None else None
