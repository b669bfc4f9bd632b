"""openfootball Football.TXT match reports (e.g. worldcup/more/2022_full.txt) -> MatchRecords.

    ▪▪ Group B
    Sat Dec 10 22:00 UTC+3 @ Al Bayt Stadium, Al Khor, Att: 68895
      England v France  1-2
         (Harry KANE 54'(p); Aurelien TCHOUAMENI 17', Olivier GIROUD 78')
    Penalties: 0-1 Kylian MBAPPE, 1-1 Lionel MESSI, Kingsley COMAN (missed), ...
    England: Jordan PICKFORD - Kyle WALKER, ... - Harry KANE [c], ...
    Refs: Wilton SAMPAIO (BRA), ...

The file is cut into one chunk per match header, so a bad match can be skipped alone.
Matches merged onto an existing match (e.g. from football.json) only fill in its
descriptive fields; line-ups, bookings, substitutions, kicks, referee and attendance
are this format's own news.
"""

from __future__ import annotations

import datetime as dt
import re

from matchnotes.enums import Decision, MatchStatus, MomentKind
from matchnotes.io.common import display_name, kickoff, loose_key, split_ground, split_season
from matchnotes.io.errors import ImportFileError, Problem, RecordError
from matchnotes.io.records import DESCRIPTIVE, GoalRecord, MatchRecord, ParsedFile, Side
from matchnotes.io.txt_kicks import parse_kicks
from matchnotes.io.txt_lineups import MINUTE_TEXT, minute_of, parse_lineup, split_top
from matchnotes.text import clean, fold

FORMAT = "football-txt"
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
_HEADER = re.compile(
    r"^(?P<wd>Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+(?P<mon>[A-Z][a-z]{2})\s+(?P<day>\d{1,2})"
    r"(?:\s+(?P<year>\d{4}))?(?:\s+(?P<time>\d{1,2}:\d{2}(?:\s+UTC[+-]\d{1,2})?))?"
    r"(?:\s+@\s+(?P<place>.+?))?\s*$"
)
_MATCH = re.compile(r"^\s+(?P<home>\S.*?)\s+v\s+(?P<away>\S.*?)(?:\s{2,}(?P<result>\d.*?))?\s*$")
_RESULT = re.compile(
    r"^(?P<h>\d+)-(?P<a>\d+)(?P<aet>\s+a\.e\.t\.)?(?:,?\s+(?P<ph>\d+)-(?P<pa>\d+)\s+pen\.)?"
    r"(?:\s+\(\d+-\d+(?:,\s*\d+-\d+)?\))?$"
)
_GOAL = re.compile(rf"^(?P<name>.*?)\s*{MINUTE_TEXT}\s*(?:\((?P<flag>p|og)\))?$")
_YEAR = re.compile(r"\b(\d{4})\b")


def parse_football_txt(text: str, source: str, skip_errors: bool = False) -> ParsedFile:
    parsed = ParsedFile(FORMAT, source)
    competition = season = None
    year: int | None = None
    stage: str | None = None
    chunk: list[tuple[int, str]] = []

    def flush() -> None:
        nonlocal year
        if not chunk:
            return
        try:
            record, year = _match(chunk, year, stage)
        except RecordError as exc:
            if not skip_errors:
                raise ImportFileError(source, exc.where, exc.problem) from exc
            parsed.skipped.append(Problem(exc.where, exc.problem))
        else:
            record.competition, record.season = competition, season or str(record.date.year)
            parsed.matches.append(record)
        chunk.clear()

    for number, line in enumerate(text.splitlines(), 1):
        bare = line.rstrip()
        if bare.startswith("#"):
            year = year or _first_year(bare)
        elif bare.startswith("▪"):
            flush()
            level = len(bare) - len(bare.lstrip("▪"))
            stage = clean(bare.lstrip("▪")) if level > 1 or not _is_umbrella(bare) else stage
        elif bare.startswith("=") and not chunk:
            title = clean(bare.lstrip("=").split("#")[0])
            competition, season = split_season(title)
            year = year or _first_year(title)
        elif _HEADER.match(bare):
            flush()
            chunk.append((number, bare))
        elif chunk:
            chunk.append((number, bare))
        elif bare.strip():
            raise ImportFileError(source, f"line {number}", f"cannot read “{clean(bare)[:60]}”.")
    flush()
    return parsed


def _is_umbrella(heading: str) -> bool:
    """ "▪ First stage" only introduces groups; a knock-out round names its matches."""
    return fold(heading.lstrip("▪")) in ("first stage", "group stage", "league stage")


def _first_year(text: str) -> int | None:
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None


def _match(
    chunk: list[tuple[int, str]], year: int | None, stage: str | None
) -> tuple[MatchRecord, int]:
    number, header = chunk[0]
    where = f"line {number}"
    h = _HEADER.match(header)
    assert h is not None
    date = _date(where, h.group("wd"), h.group("mon"), int(h.group("day")), h.group("year"), year)
    lines = [(n, t) for n, t in chunk[1:] if t.strip()]
    if not lines or not _MATCH.match(lines[0][1]):
        raise RecordError(where, "expected the teams on the next line, like “  England v France”.")
    m = _MATCH.match(lines[0][1])
    assert m is not None
    record = MatchRecord(where, date, clean(m.group("home")), clean(m.group("away")), stage=stage)
    record.fill_only = DESCRIPTIVE
    if h.group("time"):
        record.kickoff_time = kickoff(where, h.group("time"))
    _place(record, h.group("place"), where)
    extra_time = _result(record, m.group("result"), f"line {lines[0][0]}")
    blocks = _blocks(lines[1:])
    kicks_text: tuple[str, str] | None = None
    for start, label, body in blocks:
        at = f"line {start}"
        if label is None:
            record.goals = _goals(body, record, at, extra_time)
        elif fold(label) == "penalties":
            kicks_text = (at, body)
        elif fold(label) in ("refs", "referee", "referees"):
            first = split_top(body, ",")[0]
            record.referee = display_name(re.sub(r"\([^)]*\)", "", first)) or None
        elif fold(label) in (fold(record.home), fold(record.away)):
            side: Side = "home" if fold(label) == fold(record.home) else "away"
            lineup, events = parse_lineup(body, side, at, extra_time)
            record.lineups += lineup
            record.events += events
        else:
            raise RecordError(at, f"“{label}” is neither team of {record.home} v {record.away}.")
    if kicks_text:
        sides = {loose_key(e.name): e.side for e in record.lineups}
        record.kicks = parse_kicks(kicks_text[1], kicks_text[0], sides)
    if record.goals is None and record.score == (0, 0):
        record.goals = []
    return record, date.year


def _date(where: str, wd: str, mon: str, day: int, given: str | None, year: int | None) -> dt.date:
    """The header has no year: take the file's, or the next one when the weekday says
    the season has crossed New Year."""
    if mon not in _MONTHS:
        raise RecordError(where, f"“{mon}” is not a month.")
    candidates = [int(given)] if given else [year, year + 1] if year else []
    for y in candidates:
        try:
            date = dt.date(y, _MONTHS[mon], day)
        except ValueError:
            continue
        if given or _DAYS[date.weekday()] == wd:
            return date
    raise RecordError(
        where, f"cannot tell the year of {wd} {mon} {day}; add it, like {mon} {day} 2022."
    )


def _place(record: MatchRecord, place: str | None, where: str) -> None:
    if not place:
        return
    venue, _, att = place.partition("Att:")
    if att:
        if not att.strip().isdigit() or int(att) > 500_000:
            raise RecordError(where, f"“Att: {att.strip()}” is not an attendance.")
        record.attendance = int(att)
    venue = venue.strip().rstrip(",")
    if venue:
        record.venue, record.venue_city = split_ground(venue)


def _result(record: MatchRecord, result: str | None, where: str) -> bool:
    """Score, decision and shoot-out result; returns whether extra time was played."""
    record.status = MatchStatus.SCHEDULED
    if not result:
        return False
    r = _RESULT.match(result.strip())
    if not r:
        raise RecordError(
            where, f"“{result.strip()}” is not a result like 2-1 or 1-1 a.e.t., 4-2 pen."
        )
    record.score = (int(r.group("h")), int(r.group("a")))
    record.status = MatchStatus.FINISHED
    penalties = r.group("ph") is not None
    record.penalties = (int(r.group("ph")), int(r.group("pa"))) if penalties else None
    extra_time = bool(r.group("aet")) or penalties
    record.decided_by = (
        Decision.PENALTIES if penalties else Decision.EXTRA_TIME if extra_time else Decision.REGULAR
    )
    return extra_time


def _blocks(lines: list[tuple[int, str]]) -> list[tuple[int, str | None, str]]:
    """(first line, label or None for the goals, text): a block runs on over indented lines."""
    blocks: list[tuple[int, str | None, str]] = []
    for number, line in lines:
        if line.startswith((" ", "\t")) and blocks and not _opens_goals(line, blocks):
            start, label, body = blocks[-1]
            blocks[-1] = (start, label, f"{body} {line.strip()}")
        elif _opens_goals(line, blocks):
            blocks.append((number, None, line.strip()))
        elif ":" in line and not line.startswith((" ", "\t")):
            label, _, body = line.partition(":")
            blocks.append((number, clean(label), body.strip()))
        else:
            raise RecordError(f"line {number}", f"cannot read “{clean(line)[:60]}”.")
    return blocks


def _opens_goals(line: str, blocks: list[tuple[int, str | None, str]]) -> bool:
    return not blocks and line.strip().startswith("(")


def _goals(body: str, record: MatchRecord, where: str, extra_time: bool) -> list[GoalRecord]:
    if not (body.startswith("(") and body.endswith(")")):
        raise RecordError(where, "the goals are not closed with “)”.")
    halves = split_top(body[1:-1], ";")
    if len(halves) > 2:
        raise RecordError(where, "the goals have more than one “;” between the two teams.")
    if len(halves) == 1:  # one side scored: the result says which
        halves = ["", halves[0]] if record.score and record.score[0] == 0 else [halves[0], ""]
    goals: list[GoalRecord] = []
    sides: tuple[Side, Side] = ("home", "away")
    for side, text in zip(sides, halves, strict=True):
        name = ""
        for item in split_top(text, ","):
            if not item:
                continue
            g = _GOAL.match(item)
            if not g:
                raise RecordError(where, f"cannot read the goal “{item}”; write it like Name 17'.")
            name = display_name(g.group("name")) or name
            if not name:
                raise RecordError(where, f"the goal “{item}” has no scorer.")
            flag = g.group("flag")
            kind = {"p": MomentKind.PENALTY_GOAL, "og": MomentKind.OWN_GOAL}.get(flag or "")
            minute = minute_of(where, (g.group(2), g.group(3)), extra_time)
            goals.append(GoalRecord(side, name, minute, kind or MomentKind.GOAL))
    return sorted(goals, key=lambda goal: goal.minute.sort_key)
