"""Finding people in a line: surname, full name, "A. Tchouameni", a beginning, #9, ENG#9.

Names are looked up nearest first (the line-up, then this match's moments and quotes,
then the teams' squads and recent matches; see ``roster.Source``), and the parser never
guesses: two candidates are an error that lists them, and an unknown name is an error
(with the names it is close to) unless it is typed in quotes: then it is a new person.
Quote speakers are found the same way, managers included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from matchnotes.entry.entries import PersonRef
from matchnotes.entry.errors import EntryError
from matchnotes.entry.matching import EXACT, PARTICLES, best, close, level, words
from matchnotes.entry.roster import Roster, RosterPerson, RosterTeam, Source
from matchnotes.enums import LineupRole
from matchnotes.text import clean

__all__ = ["QUOTES", "Lookup", "Token", "find_person", "find_speaker", "phrase", "tokenize"]
__all__ += ["words"]

MAX_NAME_WORDS = 5  # the longest name a phrase is tried as ("Randal Kolo Muani", ...)
MAX_NAME = 200
MAX_LISTED = 6  # candidates a message lists
QUOTES = {'"': '"', "“": "”", "„": "“”", "«": "»"}  # opening -> closing ones
_TOKEN = re.compile(r'"[^"]*"?|“[^”]*”?|„[^“”]*[“”]?|«[^»]*»?|#[0-9]*|[()>]|[^\s()>"“„«#]+')


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def kind(self) -> str:
        first = self.text[0]
        if first in QUOTES:
            return "quoted"
        if first == "#":
            return "number"
        return {"(": "open", ")": "close", ">": "arrow"}.get(first, "word")

    @property
    def key(self) -> tuple[str, ...]:
        return words(self.text) if self.kind == "word" else ()


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def phrase(tokens: list[Token], i: int, n: int) -> str | None:
    """The words of tokens[i:i+n] joined by spaces, or None if one of them is not a word."""
    part = tokens[i : i + n]
    if len(part) < n or any(not t.key for t in part):
        return None
    return " ".join(w for t in part for w in t.key)


@dataclass(frozen=True)
class Lookup:
    required: bool = True  # an unknown name is an error (otherwise: nobody, and the text stays)
    prefixes: bool = True  # a unique prefix counts; off where a person is optional ("note the…")
    speaker: bool = False  # managers count like players, and anyone in the database (quotes)


SPEAKER = Lookup(speaker=True)


def find_person(
    tokens: list[Token], i: int, roster: Roster, lookup: Lookup
) -> tuple[PersonRef | None, int]:
    """The person named at tokens[i], and the index after them; (None, i) if nobody is."""
    if i >= len(tokens):
        return None, i
    team, j = _team_prefix(tokens, i, roster)
    if team is not None and j < len(tokens):
        found = _person_at(tokens, j, roster, lookup, team)
        if found is not None:
            return found
        if lookup.required and tokens[j].kind == "word":
            raise _unknown(tokens, j, roster, team, lookup)
    found = _person_at(tokens, i, roster, lookup, None)
    if found is not None:
        return found
    if lookup.required and tokens[i].kind == "word":
        raise _unknown(tokens, i, roster, None, lookup)
    return None, i


def find_speaker(text: str, roster: Roster) -> PersonRef:
    """The speaker of a quote, named by the whole text: found like a player (managers and
    anyone in the database included), or new when the name is typed in quotes."""
    tokens = tokenize(text)
    team, start = _team_prefix(tokens, 0, roster)
    tries = [(team, start)] if team is not None and start < len(tokens) else []
    for who, at in [*tries, (None, 0)]:
        found = _person_at(tokens, at, roster, SPEAKER, who, whole=True)
        if found is not None:
            return found[0]
    if tries and tokens[start].kind == "word":
        raise _unknown(tokens, start, roster, team, SPEAKER)
    if tokens and tokens[0].kind != "word":
        raise EntryError(f"“{clean(text)}” is not a name: write who said it, like - Southgate.")
    raise _unknown(tokens, 0, roster, None, SPEAKER)


def _team_prefix(tokens: list[Token], i: int, roster: Roster) -> tuple[RosterTeam | None, int]:
    for n in (3, 2, 1):
        typed = phrase(tokens, i, n)
        for team in roster.teams:
            spellings = {" ".join(words(team.name)), " ".join(words(team.code or ""))}
            if typed and typed in spellings:
                return team, i + n
    return None, i


def _person_at(
    tokens: list[Token],
    i: int,
    roster: Roster,
    lookup: Lookup,
    team: RosterTeam | None,
    whole: bool = False,
) -> tuple[PersonRef, int] | None:
    """The person at tokens[i] (with ``whole``, named by all the remaining tokens)."""
    token = tokens[i]
    if whole and token.kind != "word" and i + 1 != len(tokens):
        return None
    if token.kind == "number":
        return _by_number(token.text, roster, team, lookup), i + 1
    if token.kind == "quoted":
        # Where a person is optional, quotes without a team are just quoted text.
        new_ok = lookup.required or team is not None
        ref = _quoted(token.text, roster, new_ok, team, lookup)
        return (ref, i + 1) if ref else None
    if token.kind != "word":
        return None
    longest = min(MAX_NAME_WORDS, len(tokens) - i)
    for n in [len(tokens) - i] if whole else range(longest, 0, -1):
        typed = phrase(tokens, i, n)
        if typed is None:
            continue
        key = tuple(typed.split())
        for pool in roster.pools(team):
            hits = _match(key, pool, lookup)
            if hits:
                return _one(hits, f"“{_source(tokens, i, n)}”", roster, team, lookup), i + n
        if lookup.speaker and roster.directory is not None:
            hits = _in_directory(key, roster, team)
            if hits:
                return _one(hits, f"“{_source(tokens, i, n)}”", roster, team, lookup), i + n
    return None


def _match(typed: tuple[str, ...], pool: list[RosterPerson], lookup: Lookup) -> list[RosterPerson]:
    """The best names of one source; in moments, players before managers, and where a
    person is optional ("30 note Lineker in the studio") only people with a team."""
    if lookup.speaker:
        return best(typed, pool, lookup.prefixes)
    if not lookup.required:
        pool = [p for p in pool if p.team_id is not None]
    players = [p for p in pool if not p.is_manager]
    managers = [p for p in pool if p.is_manager]
    return best(typed, players, lookup.prefixes) or best(typed, managers, lookup.prefixes)


def _in_directory(
    typed: tuple[str, ...], roster: Roster, team: RosterTeam | None
) -> list[RosterPerson]:
    """Anyone in the database, named as a player is (the best names only)."""
    assert roster.directory is not None
    people = {p.person_id: p for p in roster.directory(typed)}.values()
    team_id = team.id if team else None
    return [replace(p, team_id=team_id) for p in best(typed, list(people), prefixes=True)]


def _one(
    hits: list[RosterPerson], what: str, roster: Roster, team: RosterTeam | None, lookup: Lookup
) -> PersonRef:
    if len(hits) == 1:
        return _ref(hits[0], lookup)
    names = {p.name for p in hits}
    teams = {p.team_id for p in hits}
    if len(names) == 1 and len(teams) > 1 and team is None:
        how = f"put the team before the name ({roster.home.short} or {roster.away.short})"
    else:
        how = "type more of the name"
    raise _ambiguous(what, hits, roster, how)


def _by_number(text: str, roster: Roster, team: RosterTeam | None, lookup: Lookup) -> PersonRef:
    digits = text[1:]
    if not digits:
        raise EntryError("Write a shirt number after #, like #9.")
    if len(digits) > 2:
        raise EntryError(f"“{text}” is not a shirt number (they go from 0 to 99).")
    number = int(digits)
    for pool in roster.pools(team):
        hits = [p for p in pool if p.shirt_number == number and not p.is_manager]
        if len(hits) > 1:
            how = " or ".join(f"{t.short}#{number}" for t in roster.teams)
            raise _ambiguous(f"#{number}", hits, roster, f"write {how}")
        if hits:
            return _ref(hits[0], lookup)
    raise EntryError(f"Nobody wears #{number} in {roster.where(team)}.")


def _quoted(
    text: str, roster: Roster, new_ok: bool, team: RosterTeam | None, lookup: Lookup
) -> PersonRef | None:
    if len(text) < 2 or text[-1] not in QUOTES[text[0]]:
        if not new_ok:
            return None
        raise EntryError(f"Close the quotes around {text}.")
    name = clean(text[1:-1])
    if not words(name):
        raise EntryError('The quotes are empty: put a name in them, like "A. Newman".')
    if len(name) > MAX_NAME:
        raise EntryError(f"A name is at most {MAX_NAME} characters.")
    for pool in roster.pools(team):
        hits = [p for p in pool if level(words(p.name), words(name), False) == EXACT]
        if hits:
            return _one(hits, text, roster, team, lookup)
    return PersonRef(name, None, team.id if team else None) if new_ok else None


def _ref(person: RosterPerson, lookup: Lookup) -> PersonRef:
    """A person found outside the line-up joins it when the line is saved: a player named
    in a moment as a starter, a manager as manager (a player quoted may not have played)."""
    joins = None
    if person.source is not Source.LINEUP and person.team_id is not None:
        if person.is_manager:
            joins = LineupRole.MANAGER
        elif not lookup.speaker:
            joins = LineupRole.STARTER
    return PersonRef(person.name, person.person_id, person.team_id, joins)


def _source(tokens: list[Token], i: int, n: int) -> str:
    return " ".join(t.text for t in tokens[i : i + n])


def _ambiguous(what: str, hits: list[RosterPerson], roster: Roster, how: str) -> EntryError:
    names = tuple(dict.fromkeys(roster.describe_person(p) for p in hits))
    shown = names if len(names) <= MAX_LISTED else (*names[: MAX_LISTED - 1], "others")
    return EntryError(f"{what} could be {_or(shown)}: {how}.", names)


def _unknown(
    tokens: list[Token], i: int, roster: Roster, team: RosterTeam | None, lookup: Lookup
) -> EntryError:
    """Nobody is called that: say where we looked, the names it is close to, and how to
    log someone new (with the team of the player meant, when there is one)."""
    pool = [p for group in roster.pools(team) for p in group]
    rest = len(tokens) - i
    lengths = [rest] if lookup.speaker else range(min(3, rest), 0, -1)
    shown_n, near = 0, list[tuple[float, RosterPerson]]()
    for n in lengths:
        typed = phrase(tokens, i, n)
        hits = close(tuple(typed.split()), pool) if typed else []
        if hits and (not near or hits[0][0] > near[0][0]):
            shown_n, near = n, hits
    if not shown_n:  # "de paul": a particle belongs to the word after it
        two = phrase(tokens, i, 2)
        shown_n = rest if lookup.speaker else 2 if two and two.split()[0] in PARTICLES else 1
    shown = _source(tokens, i, shown_n)
    names = tuple(dict.fromkeys(roster.describe_person(p) for _, p in near[:3]))
    anywhere = lookup.speaker and roster.directory is not None and team is None
    message = f"Nobody in {'the database' if anywhere else roster.where(team)} is called “{shown}”."
    if names:
        message += f" Did you mean {_or(names)}?"
    if lookup.speaker:
        message += f' To quote someone new, put their name in quotes: - "{shown}".'
        return EntryError(message, names)
    teams = [team] if team else [t for _, p in near if (t := roster.team(p.team_id))][:1]
    example = " or ".join(f'{t.short} "{shown}"' for t in teams or roster.teams)
    message += f" To log someone new, put the name in quotes after their team's name: {example}."
    return EntryError(message, names)


def _or(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
