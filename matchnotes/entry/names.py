"""Finding people in a line: surname, full name, unique prefix, #9, ENG#9, or "A. Newman".

Matching is on folded words (accents, case, dots and apostrophes ignored), and it
never guesses: two candidates are an error that lists them, and an unknown name is
an error unless it is typed in quotes (then it is a new person).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from matchnotes.entry.entries import PersonRef
from matchnotes.entry.errors import EntryError
from matchnotes.entry.roster import Roster, RosterPerson, RosterTeam
from matchnotes.text import clean, fold

MAX_NAME_WORDS = 5  # the longest name a phrase is tried as ("Randal Kolo Muani", ...)
MAX_NAME = 200
QUOTES = {'"': '"', "“": "”", "„": "“”", "«": "»"}  # opening -> closing ones
_TOKEN = re.compile(r'"[^"]*"?|“[^”]*”?|„[^“”]*[“”]?|«[^»]*»?|#[0-9]*|[()>]|[^\s()>"“„«#]+')
_APOSTROPHES = str.maketrans("", "", "'’‘`´")
_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=4096)  # roster names are folded again for every phrase tried
def words(text: str) -> tuple[str, ...]:
    """The lookup words of a text: "Aurélien Tchouaméni" and "aurelien  TCHOUAMENI" agree."""
    return tuple(_NON_WORD.sub(" ", fold(text).translate(_APOSTROPHES)).split())


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
    speaker: bool = False  # managers count like players (quotes)


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
            raise _unknown(tokens[j].text, roster, team)
    found = _person_at(tokens, i, roster, lookup, None)
    if found is not None:
        return found
    if lookup.required and tokens[i].kind == "word":
        raise _unknown(tokens[i].text, roster, None)
    return None, i


def _team_prefix(tokens: list[Token], i: int, roster: Roster) -> tuple[RosterTeam | None, int]:
    for n in (3, 2, 1):
        typed = phrase(tokens, i, n)
        for team in roster.teams:
            spellings = {" ".join(words(team.name)), " ".join(words(team.code or ""))}
            if typed and typed in spellings:
                return team, i + n
    return None, i


def find_speaker(text: str, roster: Roster) -> PersonRef:
    """The speaker of a quote: the whole text names someone in the line-ups, or a new person."""
    tokens = tokenize(text)
    lookup = Lookup(required=False, speaker=True)
    for team, start in (_team_prefix(tokens, 0, roster), (None, 0)):
        if start < len(tokens):
            found = _person_at(tokens, start, roster, lookup, team, whole=True)
            if found is not None:
                return found[0]
    return new_speaker(text)


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
    pool = [p for p in roster.people if team is None or p.team_id == team.id]
    if token.kind == "number":
        return _by_number(token.text, roster, pool, team), i + 1
    if token.kind == "quoted":
        # Where a person is optional, quotes without a team are just quoted text.
        new_ok = lookup.required or team is not None
        ref = _quoted(token.text, roster, pool, new_ok, team)
        return (ref, i + 1) if ref else None
    if token.kind != "word":
        return None
    longest = min(MAX_NAME_WORDS, len(tokens) - i)
    for n in [len(tokens) - i] if whole else range(longest, 0, -1):
        typed = phrase(tokens, i, n)
        if typed is None:
            continue
        hits = _match(tuple(typed.split()), pool, lookup)
        if len(hits) > 1:
            raise _ambiguous(f"“{_source(tokens, i, n)}”", hits, roster, "type more of the name")
        if hits:
            return _ref(hits[0]), i + n
    return None


def _match(typed: tuple[str, ...], pool: list[RosterPerson], lookup: Lookup) -> list[RosterPerson]:
    """Exact names (full name or surname) beat prefixes; players beat managers in moments."""
    groups = [pool] if lookup.speaker else [[p for p in pool if not p.is_manager]]
    if not lookup.speaker:
        groups.append([p for p in pool if p.is_manager])
    for group in groups:
        exact = [p for p in group if _ends_with(words(p.name), typed)]
        if exact:
            return exact
        if lookup.prefixes and len("".join(typed)) >= 2:
            prefixed = [p for p in group if _has_prefix(words(p.name), typed)]
            if prefixed:
                return prefixed
    return []


def _ends_with(name: tuple[str, ...], typed: tuple[str, ...]) -> bool:
    return 0 < len(typed) <= len(name) and name[-len(typed) :] == typed


def _has_prefix(name: tuple[str, ...], typed: tuple[str, ...]) -> bool:
    """ "tchou" in Aurélien Tchouaméni, "harry k" in Harry Kane: whole words, then a prefix."""
    for start in range(len(name) - len(typed) + 1):
        part = name[start : start + len(typed)]
        if part[:-1] == typed[:-1] and part[-1].startswith(typed[-1]):
            return True
    return False


def _by_number(
    text: str, roster: Roster, pool: list[RosterPerson], team: RosterTeam | None
) -> PersonRef:
    digits = text[1:]
    if not digits:
        raise EntryError("Write a shirt number after #, like #9.")
    if len(digits) > 2:
        raise EntryError(f"“{text}” is not a shirt number (they go from 0 to 99).")
    number = int(digits)
    hits = [p for p in pool if p.shirt_number == number and not p.is_manager]
    if not hits:
        where = f"{team.name}'s line-up" if team else "the line-ups"
        raise EntryError(f"Nobody wears #{number} in {where}.")
    if len(hits) > 1:
        how = " or ".join(f"{t.short}#{number}" for t in roster.teams)
        raise _ambiguous(f"#{number}", hits, roster, f"write {how}")
    return _ref(hits[0])


def _quoted(
    text: str, roster: Roster, pool: list[RosterPerson], new_ok: bool, team: RosterTeam | None
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
    hits = [p for p in pool if _ends_with(words(p.name), words(name))]
    if len(hits) > 1:
        raise _ambiguous(text, hits, roster, "use the full name")
    if hits:
        return _ref(hits[0])
    return PersonRef(name, None, team.id if team else None) if new_ok else None


def new_speaker(text: str) -> PersonRef:
    """An unknown speaker of a quote becomes a new person with the name as typed."""
    name = clean(text)
    if len(name) >= 2 and name[0] in QUOTES and name[-1] in QUOTES[name[0]]:
        name = clean(name[1:-1])
    if not words(name):
        raise EntryError("Who said it? Write the speaker's name.")
    if len(name) > MAX_NAME:
        raise EntryError(f"A name is at most {MAX_NAME} characters.")
    return PersonRef(name)


def _ref(person: RosterPerson) -> PersonRef:
    return PersonRef(person.name, person.person_id, person.team_id)


def _source(tokens: list[Token], i: int, n: int) -> str:
    return " ".join(t.text for t in tokens[i : i + n])


def _ambiguous(what: str, hits: list[RosterPerson], roster: Roster, how: str) -> EntryError:
    names = tuple(roster.describe_person(p) for p in hits)
    return EntryError(f"{what} could be {_or(names)}: {how}.", names)


def _unknown(text: str, roster: Roster, team: RosterTeam | None) -> EntryError:
    where = f"{team.name}'s line-up" if team else "the line-ups"
    message = f"Nobody in {where} is called “{text}”."
    pool = [p for p in roster.people if team is None or p.team_id == team.id]
    by_word = {w: p for p in pool for w in words(p.name) if len(w) > 2}
    close = difflib.get_close_matches(" ".join(words(text)), list(by_word), n=3, cutoff=0.7)
    names = tuple(dict.fromkeys(roster.describe_person(by_word[w]) for w in close))
    if names:
        message += f" Did you mean {_or(names)}?"
    team_hint = (team or roster.home).short
    message += f' To log someone new, put the name in quotes after the team: {team_hint} "{text}".'
    return EntryError(message, names)


def _or(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
