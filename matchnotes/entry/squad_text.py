"""A team's line-up as a reporter types or pastes it, one person a line (pure, no Qt).

    1 Hugo Lloris (c) GK
    5 Jules Koundé
    Substitutes:
    16 Steve Mandanda GK
    Manager: Didier Deschamps

Headings (``Starting XI:``, ``Substitutes:``/``Subs:``/``Bench:``, ``Manager:``/``Coach:``,
and ``Goalkeepers:``… for the position) set what the following lines are; a heading
may carry names after its colon, separated by commas. The openfootball squads format
(``1, Hugo LLORIS, GK, b. 1986/12/26``; ``MG`` is the manager) is read by
``io.squads_txt``. ``(id 12)`` after a name picks one of several people of that name.

``parse_squad_text`` never raises: what it cannot read becomes a ``LineProblem``
(line number, what is wrong, what to do), so an editor can show every problem at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from matchnotes.enums import LineupRole
from matchnotes.errors import ValidationError
from matchnotes.io.errors import RecordError
from matchnotes.io.records import PersonRecord
from matchnotes.io.squads_txt import TEAM_LINE, read_person_line
from matchnotes.text import clean, fold

MAX_STARTERS = 11
MAX_NAME = 200
_SECTIONS: dict[str, LineupRole] = {
    **dict.fromkeys(("starting xi", "starting 11", "starting eleven", "starting line-up",
                     "starting lineup", "line-up", "lineup", "starters", "xi"),
                    LineupRole.STARTER),
    **dict.fromkeys(("substitutes", "subs", "bench", "reserves", "replacements"),
                    LineupRole.SUBSTITUTE),
    **dict.fromkeys(("manager", "coach", "head coach", "trainer"), LineupRole.MANAGER),
}  # fmt: skip
_POSITION_HEADINGS = {
    **dict.fromkeys(("goalkeepers", "goalkeeper", "keepers"), "GK"),
    **dict.fromkeys(("defenders", "defence", "defense"), "DF"),
    **dict.fromkeys(("midfielders", "midfield"), "MF"),
    **dict.fromkeys(("forwards", "attackers", "strikers", "attack"), "FW"),
}
_POSITIONS = {"GK": "GK", "DF": "DF", "MF": "MF", "FW": "FW", "GKP": "GK", "DEF": "DF",
              "MID": "MF", "FWD": "FW", "ATT": "FW"}  # fmt: skip
_CAPTAIN = {"(c)", "[c]", "(capt)", "(capt.)", "(captain)", "(k)"}
_MANAGER = {"(manager)", "(coach)", "(mg)"}
_HEADING = re.compile(r"^(?P<head>[^\W\d_][\w .'-]*?)\s*:\s*(?P<rest>.*)$")
_NUMBER = re.compile(r"^#?(\d+)[.):,]?$")
_PERSON_ID = re.compile(r"\(\s*id\s*:?\s*(\d{1,12})\s*\)", re.IGNORECASE)
_SQUADS_START = re.compile(r"^\s*(\d{1,2}|-)\s*,")
_DASHES = {"-", "–", "—", ".", ",", ";", ":"}


@dataclass(frozen=True)
class SquadLine:
    """One person of the line-up, with the line of the text it came from."""

    line: int
    name: str
    role: LineupRole = LineupRole.STARTER
    shirt_number: int | None = None
    position: str | None = None
    captain: bool = False
    person_id: int | None = None  # "(id 12)": which of several people of this name


@dataclass(frozen=True)
class LineProblem:
    line: int
    message: str  # what is wrong and what to do

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}"


@dataclass(frozen=True)
class ParsedSquad:
    lines: tuple[SquadLine, ...]
    problems: tuple[LineProblem, ...]
    team: str | None = None  # the "== Team" heading of a pasted squads file, if any

    def of_role(self, role: LineupRole) -> list[SquadLine]:
        return [line for line in self.lines if line.role is role]


class SquadTextError(ValidationError):
    """A pasted line-up that cannot be saved; the message lists every problem."""

    def __init__(self, problems: Iterable[LineProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class _LineError(Exception):
    """Raised inside the parser for one unreadable line; becomes a LineProblem."""


def read_squad_text(text: str) -> ParsedSquad:
    """Parse, or raise SquadTextError with every problem (the CLI's door)."""
    parsed = parse_squad_text(text)
    if parsed.problems:
        raise SquadTextError(parsed.problems)
    return parsed


def parse_squad_text(text: str) -> ParsedSquad:
    role, position = LineupRole.STARTER, None
    team: str | None = None
    lines: list[SquadLine] = []
    problems: list[LineProblem] = []
    for number, raw in enumerate(text.splitlines(), 1):
        bare = clean(raw)
        if not bare or bare.startswith("//") or re.match(r"^#(?!\d)", bare):
            continue
        if bare.startswith("=") and not bare.startswith("=="):
            continue  # "= World Cup 2022": the title of a squads file
        heading = TEAM_LINE.match(bare)
        try:
            if heading:
                if team is not None and fold(heading.group("team")) != fold(team):
                    raise _LineError(
                        f"a second team (“{heading.group('team')}”) starts here; "
                        "paste one team's squad into each team's box."
                    )
                team = clean(heading.group("team"))
                continue
            head = _HEADING.match(bare)
            if head and not _SQUADS_START.match(bare):
                key = fold(head.group("head"))
                rest = head.group("rest")
                if key in _SECTIONS and _SECTIONS[key] is LineupRole.MANAGER and rest:
                    lines += _items(rest, number, LineupRole.MANAGER, None)  # one line only
                    continue
                if key in _SECTIONS:
                    role, position = _SECTIONS[key], None
                elif key in _POSITION_HEADINGS:
                    position = _POSITION_HEADINGS[key]
                    role = LineupRole.STARTER if role is LineupRole.MANAGER else role
                else:
                    raise _LineError(
                        f"“{head.group('head')}:” is not a heading; use “Substitutes:” or "
                        "“Manager:”, or write a player as “1 Hugo Lloris GK”."
                    )
                if rest:
                    lines += _items(rest, number, role, position)
                continue
            if fold(bare).rstrip(":") in _SECTIONS:
                role, position = _SECTIONS[fold(bare).rstrip(":")], None
                continue
            if fold(bare).rstrip(":") in _POSITION_HEADINGS:
                position = _POSITION_HEADINGS[fold(bare).rstrip(":")]
                continue
            squads = _squads_line(bare, number, role)
            lines += [squads] if squads else _items(bare, number, role, position)
        except _LineError as exc:
            problems.append(LineProblem(number, str(exc)))
    problems += _clashes(lines)
    problems.sort(key=lambda p: p.line)
    return ParsedSquad(tuple(lines), tuple(problems), team)


def _squads_line(line: str, number: int, role: LineupRole) -> SquadLine | None:
    """An openfootball squads line ("9, Harry KANE, FW, b. 1993/07/28"), or None."""
    if not _SQUADS_START.match(line):
        return None
    try:
        record = read_person_line(line, "", f"line {number}")
    except RecordError as exc:
        if ", b." in line:  # clearly meant as a squads line: say what is wrong with it
            raise _LineError(exc.problem) from None
        return None
    return line_from_record(record, number, role)


def line_from_record(record: PersonRecord, number: int, role: LineupRole) -> SquadLine:
    if record.position is None:  # "MG"
        return SquadLine(number, record.name, LineupRole.MANAGER)
    return SquadLine(number, record.name, role, record.shirt_number, record.position)


def _items(text: str, number: int, role: LineupRole, position: str | None) -> list[SquadLine]:
    """The people on one line: one, or several separated by commas or semicolons."""
    parts = [clean(p) for p in re.split(r"[,;]", text)]
    items: list[str] = []
    for part in parts:
        words = part.split()
        if items and words and all(_is_marker(w) for w in words):
            items[-1] += " " + part  # "5 Jules Koundé, DF": the position of the same player
        elif part:
            items.append(part)
    if len(items) > 1 and _NUMBER.match(items[0]):  # "5, Jules Koundé"
        items = [items[0] + " " + items[1], *items[2:]]
    return [_person(item, number, role, position) for item in items]


def _is_marker(word: str) -> bool:
    return _position(word) is not None or word.lower() in _CAPTAIN | _MANAGER


def _person(item: str, number: int, role: LineupRole, position: str | None) -> SquadLine:
    person_id = None
    found = _PERSON_ID.search(item)
    if found:
        person_id = int(found.group(1))
        item = _PERSON_ID.sub(" ", item, count=1)
    words = item.split()
    captain = False
    for marker in [w for w in words if w.lower() in _CAPTAIN | _MANAGER]:
        words.remove(marker)
        if marker.lower() in _CAPTAIN:
            captain = True
        else:
            role = LineupRole.MANAGER
    shirt, written = None, None
    while len(words) > 1:  # a number and a position, in either order, before the name
        if shirt is None and (words[0] == "-" or _NUMBER.match(words[0])):
            shirt = _shirt(words.pop(0))
        elif written is None and _position(words[0]):
            written = _position(words.pop(0))
        else:
            break
    if written is None and len(words) > 1 and _position(words[-1]):
        written = _position(words.pop())
    position = written or position
    shirt = None if shirt == -1 else shirt
    words = [w for w in words if w not in _DASHES]
    odd = next((w for w in words if w[0] in "([" or w[-1] in ")]"), None)
    if odd is not None:
        raise _LineError(
            f"“{odd}” is not something a line-up can say; write (c) for the captain, "
            "or a position GK, DF, MF or FW."
        )
    name = " ".join(words)
    if fold(name).rstrip(":") in _SECTIONS or ":" in name or name.startswith(("#", "=", "//")):
        raise _LineError(
            f"“{name[:40]}” reads like a heading, not a name; put a heading such as "
            "“Substitutes:” on a line of its own."
        )
    if not any(ch.isalpha() for w in words if not _position(w) for ch in w):
        raise _LineError(
            f"“{clean(item)[:40]}” has no name; write the player's name, e.g. “1 Hugo Lloris GK”."
        )
    if words and (_position(words[0]) or _position(words[-1]) or _NUMBER.match(words[0])):
        raise _LineError(
            f"“{clean(item)[:40]}” is unclear; write one number, the name and one position, "
            "e.g. “1 Hugo Lloris GK”."
        )
    if len(name) > MAX_NAME:
        raise _LineError(f"the name is too long (at most {MAX_NAME} characters).")
    if role is LineupRole.MANAGER:
        return SquadLine(number, name, role, person_id=person_id)
    return SquadLine(number, name, role, shirt, position, captain, person_id)


def _shirt(word: str) -> int:
    """A shirt number word ("9", "#9", "9."), or -1 for "-" (no number)."""
    found = _NUMBER.match(word)
    if found is None:
        return -1
    if len(found.group(1)) > 2:
        raise _LineError(
            f"shirt number {found.group(1)[:8]} is not from 0 to 99; correct it or leave it out."
        )
    return int(found.group(1))


def _position(word: str) -> str | None:
    return _POSITIONS.get(word.strip("()").upper())


def _clashes(lines: list[SquadLine]) -> list[LineProblem]:
    """The same person twice, a shirt number twice, two captains, a twelfth starter."""
    problems: list[LineProblem] = []
    names: dict[str, SquadLine] = {}
    numbers: dict[int, SquadLine] = {}
    captains = [s for s in lines if s.captain]
    starters = [s for s in lines if s.role is LineupRole.STARTER]
    for s in lines:
        key = f"id {s.person_id}" if s.person_id is not None else fold(s.name)
        first = names.setdefault(key, s)
        if first is not s:
            problems.append(LineProblem(s.line, f"{s.name} is already on line {first.line}; "
                                        "remove one of the two."))  # fmt: skip
        elif s.shirt_number is not None:
            other = numbers.setdefault(s.shirt_number, s)
            if other is not s:
                worn = f"#{s.shirt_number} is worn by {other.name} (line {other.line})"
                problems.append(LineProblem(s.line, f"{worn}; change one of the numbers."))
    problems += [
        LineProblem(s.line, f"{captains[0].name} (line {captains[0].line}) is already "
                    "captain; keep one (c).") for s in captains[1:]
    ]  # fmt: skip
    if len(starters) > MAX_STARTERS:
        extra = starters[MAX_STARTERS]
        problems.append(LineProblem(extra.line, f"this is starter number {MAX_STARTERS + 1}, "
                                    "but a team starts with 11; put “Substitutes:” above the "
                                    "substitutes."))  # fmt: skip
    return problems


def format_squad(lines: Iterable[SquadLine], *, with_ids: frozenset[int] = frozenset()) -> str:
    """The text that parses back into ``lines`` (starters, substitutes, managers).

    People in ``with_ids`` share their name with someone else: "(id N)" keeps them apart.
    """
    by_role: dict[LineupRole, list[str]] = {role: [] for role in LineupRole}
    for s in lines:
        name = s.name + (f" (id {s.person_id})" if s.person_id in with_ids else "")
        if s.role is LineupRole.MANAGER:
            by_role[s.role].append(f"Manager: {name}")
            continue
        words = [str(s.shirt_number)] if s.shirt_number is not None else []
        words.append(name)
        words += ["(c)"] if s.captain else []
        words += [s.position] if s.position else []
        by_role[s.role].append(" ".join(words))
    out = by_role[LineupRole.STARTER]
    if by_role[LineupRole.SUBSTITUTE]:
        out += ["Substitutes:", *by_role[LineupRole.SUBSTITUTE]]
    out += by_role[LineupRole.MANAGER]
    return "\n".join(out) + ("\n" if out else "")
