"""parse_line: one quick-entry line -> the moment, quote or period change it records.

    [MINUTE] KIND [WHO] [LINK WHO] [free text]      17 goal Tchouameni (Griezmann)
    "words" - Speaker   |   q Speaker: words        quotes
    KO, HT, 2H, FT, ET, AET, PSO                    period markers
    2H 21:03                                        the second half kicked off at 21:03

The grammar is docs/quick-entry.md. Pure Python: the roster comes in as
plain data, and every line that cannot be read raises EntryError, nothing else.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from matchnotes.entry.entries import MomentEntry, ParsedEntry, PeriodEntry, PersonRef
from matchnotes.entry.errors import EntryError
from matchnotes.entry.line_start import (
    EXTRA_PERIODS,
    clock_minute,
    refuse_two_lines,
    split_minute,
    typed_minute,
)
from matchnotes.entry.names import (
    Lookup,
    Token,
    find_person,
    phrase,
    tokenize,
    words,
)
from matchnotes.entry.quotes import is_quote, parse_quote
from matchnotes.entry.roster import Roster
from matchnotes.entry.vocabulary import (
    ASSIST_WORDS,
    FOUL_ON_WORDS,
    GOAL_MARKS,
    KIND_ALIASES,
    KIND_HELP,
    LONGEST_ALIAS,
    NEEDS_PLAYER,
    NOT_A_MARK_BEFORE,
    PENALTY_KICKS,
    PERIOD_MARKERS,
    SUB_OFF_WORDS,
    WON_BY_WORDS,
)
from matchnotes.enums import MomentKind, Period
from matchnotes.labels import KIND_LABELS
from matchnotes.minutes import Minute, make_minute
from matchnotes.text import clean

MAX_LINE = 12_000
MAX_DESCRIPTION = 2000  # as the moments service allows
_REQUIRED, _OPTIONAL = Lookup(), Lookup(required=False, prefixes=False)
_CARDS = frozenset({MomentKind.YELLOW, MomentKind.SECOND_YELLOW, MomentKind.RED})


def parse_line(
    line: str,
    roster: Roster,
    clock_minute: Minute | None = None,
    *,
    shootout: bool = False,
    extra_time: bool = False,
) -> ParsedEntry:
    """Read one line; raise EntryError (with a message for the user) if it cannot be recorded.

    ``clock_minute`` is the running clock's minute, used when the line has none; a typed
    minute after the clock's period is refused (type 2H first, or write 45+2 for 47).
    In the shoot-out (``shootout``, or a clock in the PSO period) a penalty without a
    minute is a shoot-out kick, which does not change the match score. ``extra_time``
    says the match has gone to extra time; until then 95 is 90+5 and 105+1 is refused.
    """
    text = line.strip()
    if not text:
        raise EntryError("Type a moment, like “17 goal Tchouameni”, a quote or a marker (FT).")
    if len(text) > MAX_LINE:
        raise EntryError(f"The line is too long (at most {MAX_LINE:,} characters).")
    if is_quote(text):
        return parse_quote(text, roster)
    if (timed := kickoff_marker(text)) is not None:
        return timed
    refuse_two_lines(text)
    in_shootout = shootout or (clock_minute is not None and clock_minute.period is Period.SHOOTOUT)
    clock_period = clock_minute.period if clock_minute else None
    extra_time = extra_time or in_shootout or clock_period in EXTRA_PERIODS
    typed, rest = split_minute(text)
    marker = PERIOD_MARKERS.get(" ".join(words(rest)))
    if marker is not None:
        # A marker's minute is shown, not stored, and "46 2H" starts the period it names.
        extra_time = extra_time or marker.decided_by is not None
        minute = typed_minute(typed, None, extra_time=extra_time) if typed else None
        return replace(marker, minute=minute)
    minute = typed_minute(typed, clock_minute, extra_time=extra_time) if typed else None
    if not rest:
        raise EntryError(f"What happened at {minute}? Add a kind, like “{text} goal Kane”.")
    return _moment(rest, roster, minute, clock_minute, in_shootout)


# "2H 21:03", "KO at 20.00": when the referee's whistle started the period.
_KICKOFF = re.compile(r"\s(?:at\s+)?([0-9]{1,2})[:.h]([0-9]{2})$", re.IGNORECASE)


def kickoff_marker(text: str) -> PeriodEntry | None:
    """A period marker with the time of day its period kicked off (a clock correction)."""
    found = _KICKOFF.search(text) if len(text) <= 40 else None  # markers are short
    marker = PERIOD_MARKERS.get(" ".join(words(text[: found.start()]))) if found else None
    if found is None or marker is None:
        return None
    if marker.period is None or marker.marker in ("HT", "AET"):
        raise EntryError(
            f"{marker.marker} takes no time: a time says when a period kicked off, "
            "like “KO 20:00” or “2H 21:03”."
        )
    hour, minute = int(found.group(1)), int(found.group(2))
    if hour > 23 or minute > 59:
        raise EntryError(f"{found.group(1)}:{found.group(2)} is not a time; write it like 21:03.")
    return replace(marker, kickoff=dt.time(hour, minute))


class _Cursor:
    """Walks the tokens of a moment line, left to right."""

    def __init__(self, text: str, roster: Roster) -> None:
        self.text, self.roster = text, roster
        self.tokens: list[Token] = tokenize(text)
        self.i = 0

    def take(self, options: tuple[str, ...]) -> str | None:
        """Consume one of the word sequences in ``options`` ('>' is a token of its own)."""
        for option in sorted(options, key=lambda o: -len(o.split())):
            if option == ">":
                if self.i < len(self.tokens) and self.tokens[self.i].kind == "arrow":
                    self.i += 1
                    return option
                continue
            n = len(option.split())
            if phrase(self.tokens, self.i, n) == option:
                self.i += n
                return option
        return None

    def who(self, lookup: Lookup) -> PersonRef | None:
        person, self.i = find_person(self.tokens, self.i, self.roster, lookup)
        return person

    def who_in_parentheses(self) -> PersonRef | None:
        """An assist in parentheses, "(Griezmann)"; "(deflected)" stays in the text."""
        start, tokens = self.i, self.tokens
        if start >= len(tokens) or tokens[start].kind != "open":
            return None
        self.i += 1
        person = self.who(Lookup(required=False))
        if person is not None and self.i < len(tokens) and tokens[self.i].kind == "close":
            self.i += 1
            return person
        self.i = start
        return None

    def rest(self) -> str:
        if self.i >= len(self.tokens):
            return ""
        return clean(self.text[self.tokens[self.i].start :].lstrip(" -–—,;:."))


def _moment(
    text: str, roster: Roster, typed: Minute | None, clock: Minute | None, in_shootout: bool
) -> MomentEntry:
    cursor = _Cursor(text, roster)
    kind = _kind(cursor)
    if typed is None and in_shootout and kind is MomentKind.GOAL:
        kind = MomentKind.PENALTY_GOAL  # a goal in the shoot-out is a scored kick
    minute = _when(typed, clock, in_shootout, kind)
    label = KIND_LABELS[kind].lower()
    if kind is MomentKind.PENALTY_AWARDED:
        named = cursor.take(("by", "foul on"))  # "pen won by Mount"
        player = cursor.who(_REQUIRED if named else _OPTIONAL)
    else:
        player = cursor.who(_REQUIRED if kind in NEEDS_PLAYER else _OPTIONAL)
    if player is None and kind in NEEDS_PLAYER:
        raise EntryError(f"Who? A {label} needs a player: a name, #9 or ENG#9.")
    kind = _goal_mark(cursor, kind)  # "54 goal Kane pen"
    related, same_team = _link(cursor, kind, label)
    if related is not None and _goal_mark(cursor, kind) is not kind:
        raise EntryError(  # "goal Kane (Saka) pen": a penalty or an own goal has no assist
            "Put pen or og right after the scorer, with no assist: "
            "“54 goal Kane pen won by Saka”, “30 goal Varane og”."
        )
    description = cursor.rest()
    if len(description) > MAX_DESCRIPTION:
        raise EntryError(f"A moment's text is at most {MAX_DESCRIPTION:,} characters.")
    player, related = _settle_teams(roster, player, related, same_team)
    team = roster.team(player.team_id) if player else None
    scores_for = None
    if minute.period is not Period.SHOOTOUT and team is not None:
        if kind in (MomentKind.GOAL, MomentKind.PENALTY_GOAL):
            scores_for = team
        elif kind is MomentKind.OWN_GOAL:
            scores_for = roster.other(team.id)
    clock_timed = typed is None and not in_shootout
    return MomentEntry(minute, kind, team, player, related, description, scores_for, clock_timed)


def _kind(cursor: _Cursor) -> MomentKind:
    for n in range(LONGEST_ALIAS, 0, -1):
        kind = KIND_ALIASES.get(phrase(cursor.tokens, 0, n) or "")
        if kind is not None:
            cursor.i = n
            return kind
    first = cursor.tokens[0].text if cursor.tokens else cursor.text
    if first.isdecimal():
        raise EntryError(f"“{first}” is not a minute; write it like 17, 45+2 or 90+8'.")
    # A line that starts with a person ("ENG#9", "Kane") lacks its kind; "#9" alone
    # is ambiguous in most matches, and that error (with the candidates) comes first.
    person, end = find_person(cursor.tokens, 0, cursor.roster, _OPTIONAL)
    if person is not None:
        named = cursor.text[: cursor.tokens[end - 1].end]
        raise EntryError(f"What did {person.name} do? Start with the kind: “17 goal {named}”.")
    raise EntryError(
        f"“{first}” is not a kind of moment. Start with a minute (17, 45+2) and one of: "
        f"{KIND_HELP}; or a period marker (KO, HT, 2H, FT, ET, AET, PSO)."
    )


def _goal_mark(cursor: _Cursor, kind: MomentKind) -> MomentKind:
    """A goal whose scorer is followed by pen, p, og, (pen)…: a penalty goal or an own goal."""
    if kind is not MomentKind.GOAL:
        return kind
    tokens, start = cursor.tokens, cursor.i
    opened = start < len(tokens) and tokens[start].kind == "open"
    i = start + opened
    for n in (2, 1):
        mark = GOAL_MARKS.get(phrase(tokens, i, n) or "")
        if mark is None:
            continue
        end = i + n
        if opened:
            if end >= len(tokens) or tokens[end].kind != "close":
                return kind
            end += 1
        elif end < len(tokens) and set(tokens[end].key) & NOT_A_MARK_BEFORE:
            return kind  # "penalty area scramble" is text
        cursor.i = end
        return mark
    return kind


def _when(
    typed: Minute | None, clock: Minute | None, in_shootout: bool, kind: MomentKind
) -> Minute:
    if typed is not None:
        return typed
    if in_shootout:
        if kind in PENALTY_KICKS:
            return make_minute(120, 0, Period.SHOOTOUT)
        raise EntryError(
            "In the shoot-out only kicks are logged (pen goal X, pen miss X, pen saved X); "
            "type a minute to log anything else."
        )
    if clock is None:
        raise EntryError("Start with the minute, like “17 goal Tchouameni”: no clock is running.")
    return clock_minute(clock)


def _link(cursor: _Cursor, kind: MomentKind, label: str) -> tuple[PersonRef | None, bool]:
    """The second person of a moment, and whether they must be a team-mate of the first."""
    if kind is MomentKind.SUBSTITUTION:
        if not cursor.take(SUB_OFF_WORDS):
            raise EntryError("Write a substitution as “sub A for B” or “sub A>B” (A comes on).")
        return _required(cursor, "Who goes off? Write “sub A for B”."), True
    if kind is MomentKind.GOAL:
        if cursor.take(ASSIST_WORDS):
            return _required(cursor, "Who gave the assist? Write “assist X” or “(X)”."), True
        return cursor.who_in_parentheses(), True
    if kind in PENALTY_KICKS and cursor.take(WON_BY_WORDS):
        return _required(cursor, f"Who won the {label}? Write “won by X”."), True
    if kind in _CARDS and cursor.take(FOUL_ON_WORDS):
        return _required(cursor, "Who was fouled? Write “foul on X”."), False
    return None, True


def _required(cursor: _Cursor, message: str) -> PersonRef:
    person = cursor.who(_REQUIRED)
    if person is None:
        raise EntryError(message)
    return person


def _settle_teams(
    roster: Roster, player: PersonRef | None, related: PersonRef | None, same_team: bool
) -> tuple[PersonRef | None, PersonRef | None]:
    """Give a new person the team their partner implies, then check the two fit together."""

    def partner_team(team_id: int | None) -> int | None:
        team = roster.team(team_id) if same_team else roster.other(team_id)
        return team.id if team else None

    if player and related:
        if player.team_id is None:
            player = replace(player, team_id=partner_team(related.team_id))
        if related.team_id is None:
            related = replace(related, team_id=partner_team(player.team_id))
    for person in (player, related):
        if person is not None and person.team_id is None:
            raise EntryError(
                f"Which team does {person.name} play for? Put the team before the name: "
                f'{roster.home.short} "{person.name}" or {roster.away.short} "{person.name}".'
            )
    if player is None or related is None:
        return player, related
    if (player.person_id, player.name) == (related.person_id, related.name):
        raise EntryError(f"{player.name} cannot be both people of one moment.")
    if (player.team_id == related.team_id) != same_team:
        mine, theirs = roster.team(player.team_id), roster.team(related.team_id)
        relation = "a team-mate" if same_team else "a player of the other team"
        raise EntryError(
            f"{related.name} ({theirs.name if theirs else '?'}) must be {relation} of "
            f"{player.name} ({mine.name if mine else '?'})."
        )
    return player, related
