"""Which line-up names the quick-entry line offers for the words before the cursor (no Qt).

Matching is on folded words, as the parser matches: "tchou" offers Aurélien Tchouaméni,
"mbap" Kylian Mbappé, "di ma" Ángel Di María. Accepting a name puts in the shortest end
of it that names one person ("Di María", or "Theo Hernández" when two Hernández play).
Nothing is offered for a minute, while the kind is typed, inside quotes, after "#" or
a quote's colon, nor when the words typed are already the whole name of the only match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from matchnotes.entry import Roster, RosterPerson, RosterTeam
from matchnotes.entry.vocabulary import KIND_ALIASES, PERIOD_MARKERS
from matchnotes.text import fold

MAX_NAME_WORDS = 5  # as many words as the parser tries for one name
# A word of a line: what lies between spaces and the grammar's signs ( ) > : # and quotes.
_WORD = re.compile(r"[^\s()>:;,#\"“”„«»]+")
_OPENING_QUOTES = {'"': '"', "“": "”", "„": "“”", "«": "»"}
_APOSTROPHES = str.maketrans("", "", "'’‘`´")
_NON_WORD = re.compile(r"[\W_]+")
_MINUTE = re.compile(r"\d+(\+\d*)?'?")
_SLOT_WORDS = [tuple(key.split()) for key in (*KIND_ALIASES, *PERIOD_MARKERS)]


@lru_cache(maxsize=4096)  # the roster's names are folded again at every keystroke
def words(text: str) -> tuple[str, ...]:
    """Lookup words, as the parser folds them: "N'Golo Kanté" -> ("ngolo", "kante")."""
    return tuple(_NON_WORD.sub(" ", fold(text).translate(_APOSTROPHES)).split())


@dataclass(frozen=True)
class Candidate:
    label: str  # what the popup shows: "Ángel Di María · ARG #11"
    text: str  # what replaces the typed words: "Di María"


@dataclass(frozen=True)
class Completion:
    """The names that fit the words typed in ``line[start:end]`` (``end`` is the cursor)."""

    line: str
    start: int
    end: int
    candidates: tuple[Candidate, ...]
    offer: bool  # False when the words typed already name the only candidate in full

    def apply(self, candidate: Candidate) -> tuple[str, int]:
        """The line with the candidate for the typed words, and the cursor after its space."""
        rest = self.line[self.end :]
        tail = _WORD.match(rest)  # the end of a word the cursor stood inside
        if tail:
            rest = rest[tail.end() :]
        rest = rest if rest.startswith(" ") else " " + rest
        text = self.line[: self.start] + candidate.text + rest
        return text, self.start + len(candidate.text) + 1


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int

    @property
    def is_name(self) -> bool:
        return not self.text[0].isdigit() and any(ch.isalpha() for ch in self.text)


def completion_at(line: str, cursor: int, roster: Roster | None) -> Completion | None:
    """The names that could complete the words ending at ``cursor``, or None."""
    before = line[:cursor]
    if roster is None or ":" in before or _inside_quotes(before):
        return None
    typed = [_Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(before)]
    if not typed or typed[-1].end != cursor or not typed[-1].is_name:
        return None
    if before[: typed[-1].start].endswith("#") or _in_kind_slot(typed):
        return None
    run = _name_run(before, typed)
    for n in range(len(run), 0, -1):  # "di ma" before "ma": the longest phrase that fits
        phrase = words(" ".join(w.text for w in run[-n:]))
        if not phrase or len("".join(phrase)) < 2:
            continue
        first = len(typed) - n
        team = _team_before(typed[:first], roster)
        pool = [p for p in roster.people if team is None or p.team_id == team.id]
        hits = [(p, s) for p in pool if (s := _start_in(words(p.name), phrase)) is not None]
        if not hits:
            continue
        only, at = hits[0]
        whole = len(hits) == 1 and words(only.name)[at:] == phrase
        # Players before managers, then in the order of what goes in: "ma" lists
        # Maguire, Mandanda, Marcus Rashford…
        ranked = sorted(
            ((p.is_manager, _candidate(p, s, pool, roster)) for p, s in hits),
            key=lambda pair: (pair[0], fold(pair[1].text), fold(pair[1].label)),
        )
        candidates = tuple(candidate for _, candidate in ranked)
        return Completion(line, run[-n].start, cursor, candidates, offer=not whole)
    return None


def _inside_quotes(text: str) -> bool:
    closing = ""
    for ch in text:
        if closing:
            closing = "" if ch in closing else closing
        elif ch in _OPENING_QUOTES:
            closing = _OPENING_QUOTES[ch]
    return bool(closing)


def _in_kind_slot(typed: list[_Word]) -> bool:
    """Is the last word part of the line's kind ("goal", "own g…") or period marker?"""
    first = 1 if _MINUTE.fullmatch(typed[0].text) else 0
    slot = tuple(w for word in typed[first:-1] for w in words(word.text))
    last = words(typed[-1].text)
    if not slot:
        return True
    if slot in _SLOT_WORDS:  # "pen" is a kind already: "pen Sa…" may be Saka
        return False
    return any(
        alias[: len(slot)] == slot
        and len(alias) > len(slot)
        and last
        and alias[len(slot)].startswith(last[0])
        for alias in _SLOT_WORDS
    )


def _name_run(before: str, typed: list[_Word]) -> list[_Word]:
    """The name words right before the cursor, separated by spaces only (at most five)."""
    run = [typed[-1]]
    for word in reversed(typed[:-1]):
        gap = before[word.end : run[0].start]
        if len(run) == MAX_NAME_WORDS or not word.is_name or gap.strip():
            break
        run.insert(0, word)
    return run


def _team_before(typed: list[_Word], roster: Roster) -> RosterTeam | None:
    """The team named right before a name ("ENG Ma", "france Gi"), which narrows it."""
    for n in (3, 2, 1):
        phrase = words(" ".join(w.text for w in typed[-n:])) if len(typed) >= n else ()
        for team in roster.teams:
            if phrase and phrase in (words(team.name), words(team.code or "")):
                return team
    return None


def _start_in(name: tuple[str, ...], phrase: tuple[str, ...]) -> int | None:
    """Where the phrase starts in the name: whole words, the last one may be a prefix."""
    for start in range(len(name) - len(phrase) + 1):
        part = name[start : start + len(phrase)]
        if part[:-1] == phrase[:-1] and part[-1].startswith(phrase[-1]):
            return start
    return None


def _candidate(
    person: RosterPerson, start: int, pool: list[RosterPerson], roster: Roster
) -> Candidate:
    # Map the folded word where the typing started to the name's own words, then widen
    # to the left until the end of the name is one person's ("Hernández" -> "Theo Hernández").
    spelled = person.name.split()
    owner = [i for i, part in enumerate(spelled) for _ in words(part)]
    first = owner[start] if start < len(owner) else 0
    text = person.name
    for begin in range(first, -1, -1):
        end = words(" ".join(spelled[begin:]))
        if sum(1 for p in pool if words(p.name)[-len(end) :] == end) == 1:
            text = " ".join(spelled[begin:])
            break
    team = roster.team(person.team_id)
    details = [team.short if team else ""]
    if person.is_manager:
        details.append("manager")
    elif person.shirt_number is not None:
        details.append(f"#{person.shirt_number}")
    return Candidate(f"{person.name} · {' '.join(d for d in details if d)}", text)
