"""Football.TXT line-ups: "Team: Keeper - Back, Back [Y 43'] (79' Sub) - ... - Forward [c]".

Groups of the formation are separated by " - ", players by commas; a player may carry
[c] (captain), bookings [Y 43'], [Y/R 90+3'], [R 86'] and a substitution (79' Name ...),
which nests when the substitute is replaced in turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matchnotes.enums import LineupRole, MomentKind
from matchnotes.io.common import display_name, game_minute
from matchnotes.io.errors import RecordError
from matchnotes.io.records import EventRecord, LineupRecord, Side
from matchnotes.minutes import Minute

CARDS = {"Y": MomentKind.YELLOW, "Y/R": MomentKind.SECOND_YELLOW, "R": MomentKind.RED}
_CARD = re.compile(r"^(Y/R|Y|R)\s+(\d{1,3})(?:\+(\d{1,2}))?'$")
_SUB_MINUTE = re.compile(r"(\d{1,3})(?:\+(\d{1,2}))?'\s+")
MINUTE_TEXT = r"(\d{1,3})(?:\+(\d{1,2}))?'"


@dataclass
class _Player:
    name: str
    captain: bool = False
    cards: list[tuple[MomentKind, Minute]] = field(default_factory=list)
    sub: tuple[Minute, _Player] | None = None


def parse_lineup(
    text: str, side: Side, where: str, extra_time: bool
) -> tuple[list[LineupRecord], list[EventRecord]]:
    """Line-up entries (starters, then substitutes who came on) and the bookings and
    substitutions written into the line-up."""
    text = " ".join(text.replace(" ,", ",").split())
    groups = split_top(text, " - ")
    lineup: list[LineupRecord] = []
    subs: list[LineupRecord] = []
    events: list[EventRecord] = []
    for g, group in enumerate(groups):
        position = _position(g, len(groups))
        for item in split_top(group, ","):
            if not item.strip():
                continue
            player, end = _player(item.strip(), 0, where, extra_time)
            if end != len(item.strip()):
                raise RecordError(where, f"cannot read “{item.strip()}” in the line-up.")
            lineup.append(
                LineupRecord(side, player.name, captain=player.captain, position=position)
            )
            _flatten(player, side, subs, events)
    return lineup + subs, events


def split_top(text: str, sep: str) -> list[str]:
    """Split on ``sep`` outside brackets and parentheses."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        depth += 1 if ch in "([" else -1 if ch in ")]" else 0
        if depth == 0 and text.startswith(sep, i):
            parts.append(text[start:i])
            i += len(sep)
            start = i
            continue
        i += 1
    parts.append(text[start:])
    return [p.strip() for p in parts]


def minute_of(where: str, groups: tuple[str | None, ...], extra_time: bool) -> Minute:
    return game_minute(where, int(groups[0] or 0), int(groups[1] or 0), extra_time=extra_time)


def _player(s: str, i: int, where: str, extra_time: bool) -> tuple[_Player, int]:
    start = i
    while i < len(s) and s[i] not in "[()]":
        i += 1
    name = s[start:i].strip()
    if not name:
        raise RecordError(where, f"a player's name is missing near “{s[start : start + 30]}”.")
    player = _Player(display_name(name))
    while i < len(s):
        while i < len(s) and s[i] == " ":
            i += 1
        if s.startswith("[", i):
            end = s.find("]", i)
            if end < 0:
                raise RecordError(where, f"a “[” is not closed after {name}.")
            _note(player, s[i + 1 : end].strip(), where, extra_time)
            i = end + 1
        elif s.startswith("(", i):
            m = _SUB_MINUTE.match(s, i + 1)
            if not m:
                raise RecordError(where, f"expected a substitution like (79' Name) after {name}.")
            sub, i = _player(s, m.end(), where, extra_time)
            if not s.startswith(")", i):
                raise RecordError(where, f"a “(” is not closed after {name}.")
            player.sub = (minute_of(where, m.groups(), extra_time), sub)
            i += 1
        else:
            break
    return player, i


def _note(player: _Player, note: str, where: str, extra_time: bool) -> None:
    if note.lower() == "c":
        player.captain = True
        return
    m = _CARD.match(note)
    if not m:
        raise RecordError(where, f"cannot read “[{note}]” after {player.name}.")
    minute = minute_of(where, (m.group(2), m.group(3)), extra_time)
    player.cards.append((CARDS[m.group(1)], minute))


def _flatten(
    player: _Player, side: Side, subs: list[LineupRecord], events: list[EventRecord]
) -> None:
    for kind, minute in player.cards:
        events.append(EventRecord(side, kind, minute, player.name))
    if player.sub:
        minute, sub = player.sub
        subs.append(LineupRecord(side, sub.name, LineupRole.SUBSTITUTE, captain=sub.captain))
        events.append(EventRecord(side, MomentKind.SUBSTITUTION, minute, sub.name, player.name))
        _flatten(sub, side, subs, events)


def _position(group: int, groups: int) -> str | None:
    """Goalkeeper first, defenders next, forwards last; unsure with fewer than 4 groups."""
    if group == 0:
        return "GK"
    if groups < 4:
        return None
    return "DF" if group == 1 else "FW" if group == groups - 1 else "MF"
