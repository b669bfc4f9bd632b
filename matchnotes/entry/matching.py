"""How typed words name a person: full name, surname, initials, a beginning, a near miss.

Everything works on folded words (``words``): accents, case, dots and apostrophes do
not matter, so "a. tchouameni" names Aurélien Tchouaméni.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import lru_cache

from matchnotes.entry.roster import RosterPerson
from matchnotes.text import fold

_APOSTROPHES = str.maketrans("", "", "'’‘`´")
_NON_WORD = re.compile(r"[\W_]+")
# Little words of surnames ("De Paul", "van Dijk"): alone they are no beginning of a name.
PARTICLES = frozenset(
    {"al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du"}
    | {"el", "ibn", "la", "le", "mac", "mc", "st", "ten", "ter", "van", "von"}
)
CLOSE_ENOUGH = 0.75  # difflib ratio for "did you mean": Tchouamani~Tchouameni is 0.9

# How well typed words name someone, best first.
EXACT, INITIALS, PREFIX = 0, 1, 2


@lru_cache(maxsize=8192)  # roster names are folded again for every phrase tried
def words(text: str) -> tuple[str, ...]:
    """The lookup words of a text: "Aurélien Tchouaméni" and "aurelien  TCHOUAMENI" agree."""
    return tuple(_NON_WORD.sub(" ", fold(text).translate(_APOSTROPHES)).split())


def level(name: tuple[str, ...], typed: tuple[str, ...], prefixes: bool) -> int | None:
    """EXACT (full name or surname), INITIALS ("A. Tchouameni", "R. K. Muani"),
    PREFIX ("tchou", "harry k", "a. tchou"), or None if the words do not name them."""
    if not typed or len(typed) > len(name):
        return None
    if name[-len(typed) :] == typed:
        return EXACT
    initials, rest = _split_initials(typed)
    if initials and rest and _with_initials(name, initials, rest, prefix=False):
        return INITIALS
    if not prefixes or len("".join(typed)) < 2 or (len(typed) == 1 and typed[0] in PARTICLES):
        return None
    if _window(name, typed, prefix=True):
        return PREFIX
    if initials and rest and _with_initials(name, initials, rest, prefix=True):
        return PREFIX
    return None


def best(
    typed: tuple[str, ...], pool: Sequence[RosterPerson], prefixes: bool
) -> list[RosterPerson]:
    """The people of ``pool`` the words name best (several: ambiguous)."""
    found: dict[int, list[RosterPerson]] = {}
    for person in pool:
        how = level(words(person.name), typed, prefixes)
        if how is not None:
            found.setdefault(how, []).append(person)
    return found[min(found)] if found else []


def _split_initials(typed: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    count = 0
    while count < len(typed) and len(typed[count]) == 1:
        count += 1
    return typed[:count], typed[count:]


def _window(name: tuple[str, ...], typed: tuple[str, ...], prefix: bool) -> list[int]:
    """Where ``typed`` stands in ``name`` as whole words, the last one maybe a beginning."""
    starts = []
    for start in range(len(name) - len(typed) + 1):
        part = name[start : start + len(typed)]
        last_ok = part[-1] == typed[-1] or (prefix and part[-1].startswith(typed[-1]))
        if part[:-1] == typed[:-1] and last_ok:
            starts.append(start)
    return starts


def _with_initials(
    name: tuple[str, ...], initials: tuple[str, ...], rest: tuple[str, ...], prefix: bool
) -> bool:
    """Initials of the names before the rest, in order: "r k muani" in Randal Kolo Muani."""
    starts = _window(name, rest, prefix) if prefix else [len(name) - len(rest)]
    for start in starts:
        if start < 0 or (not prefix and name[start:] != rest):
            continue
        letters = iter(w[0] for w in name[:start])
        if all(any(letter == i for letter in letters) for i in initials):
            return True
    return False


def close(typed: tuple[str, ...], pool: Sequence[RosterPerson]) -> list[tuple[float, RosterPerson]]:
    """People whose name is near the typed words, best first: full names and surnames
    are compared, with several words against several ("de pual" ~ Rodrigo De Paul)."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(" ".join(typed))  # difflib caches facts about the second sequence
    scored = []
    for person in pool:
        ratio = 0.0
        for key in _keys(words(person.name), several=len(typed) > 1):
            matcher.set_seq1(key)
            if matcher.real_quick_ratio() >= CLOSE_ENOUGH and matcher.quick_ratio() >= CLOSE_ENOUGH:
                ratio = max(ratio, matcher.ratio())
        if ratio >= CLOSE_ENOUGH:
            scored.append((ratio, person))
    scored.sort(key=lambda s: (-s[0], s[1].source))
    return scored


def _keys(name: tuple[str, ...], several: bool) -> set[str]:
    if several:  # the full name, first + last, initial + surname, surnames of several words
        keys = {" ".join(name[i:]) for i in range(len(name) - 1)}
        if len(name) > 1:
            keys |= {f"{name[0]} {name[-1]}", f"{name[0][0]} {name[-1]}"}
        return keys
    return {w for w in name if len(w) > 2 and w not in PARTICLES}
