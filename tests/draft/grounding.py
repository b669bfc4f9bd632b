"""What a draft may say, read from the database without the draft's own code: every
number and every capitalised word must come from here (or from the wording module)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from matchnotes.draft import wording_en
from matchnotes.enums import LineupRole
from matchnotes.services import Services

QUOTED = re.compile(r"“([^”]*)”")
CAPITALISED = re.compile(r"\b[^\W\d_a-z][\w-]*", re.UNICODE)
NUMBER = re.compile(r"\d+")


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def template_words() -> set[str]:
    """Capitalised words the wording module writes itself ("Final", "After", months)."""
    words: set[str] = set()
    for name in dir(wording_en):
        for text in _strings(getattr(wording_en, name)):
            words |= set(CAPITALISED.findall(re.sub(r"\{[^}]*\}", " ", text)))
    return words


def allowed(services: Services, match_id: int) -> tuple[set[str], set[int], list[str]]:
    """(capitalised words, numbers, quote texts) the notes of a match hold."""
    d = services.matches.get_match(match_id)
    s = d.summary
    names = [s.home, s.away, s.competition, s.season, s.stage, s.venue, d.venue_city]
    names += [e.name for e in d.lineups] + [q.speaker for q in d.quotes]
    names += [n for m in d.moments for n in (m.player, m.related_player)]
    numbers: set[int] = {int(n) for n in NUMBER.findall(f"{s.season} {s.competition} {s.stage}")}
    numbers |= {s.score.home, s.score.away, s.score.home + 1, s.score.away + 1}
    if d.penalties:
        numbers |= {d.penalties.home, d.penalties.away}
    for m in d.moments:
        numbers |= {m.minute.minute, m.minute.stoppage, m.score_after.home, m.score_after.away}
        numbers |= {m.score_after.home + 1, m.score_after.away + 1}  # a penalty's chance
    people = {e.person_id for e in d.lineups if e.role is not LineupRole.MANAGER}
    people |= {i for m in d.moments for i in (m.player_id, m.related_player_id) if i}
    for person_id in people | {q.speaker_id for q in d.quotes}:
        p = services.people.get(person_id)
        names.append(p.club)
        if p.date_of_birth:
            age = s.date.year - p.date_of_birth.year
            numbers |= {age - 1, age}
    # Career tallies: baselines of the two teams' people, plus this match's goals.
    for person in services.people.all():
        for b in services.people.get_input(person.id).baselines or ():
            if b.team in (s.home, s.away) and b.goals is not None:
                names.append(person.name)
                in_match = sum(1 for m in d.moments if m.player_id == person.id)
                numbers |= set(range(b.goals, b.goals + in_match + 2))
    words = {w for n in names if n for w in CAPITALISED.findall(n)}
    numbers |= {int(x) for n in names if n for x in NUMBER.findall(n)}  # "Stadium 974"
    return words | template_words(), numbers, [q.text for q in d.quotes]


def ungrounded(text: str, services: Services, match_id: int) -> list[str]:
    """Every word or number of ``text`` the notes do not hold (an empty list: all good)."""
    words, numbers, quotes = allowed(services, match_id)
    problems = [f"quote not in the notes: {q!r}" for q in QUOTED.findall(text)
                if not any(q.rstrip(",") in _flat(t) or q in _flat(t) for t in quotes)]  # fmt: skip
    rest = QUOTED.sub(" ", text).replace("’s", " ")
    problems += [f"word {w!r}" for w in CAPITALISED.findall(rest) if w not in words]
    problems += [f"number {n}" for n in NUMBER.findall(rest) if int(n) not in numbers]
    return problems


def _flat(text: str) -> str:
    return " ".join(text.split())
