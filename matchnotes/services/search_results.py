"""What a search hands to the screens: results grouped by kind, matched words marked.

Apart from services/search.py so that the Search tab can be built without loading
SQLAlchemy. Matched words are wrapped in ``MARK_START`` (\\x02) and ``MARK_END``
(\\x03), which the UI shows in bold; ``unmarked()`` removes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from matchnotes.enums import SearchKind

MARK_START, MARK_END = "\x02", "\x03"


@dataclass(frozen=True)
class SearchResult:
    """One hit. Enter opens ``match_id`` when set, else ``person_id``, else the team ``id``."""

    id: int
    kind: SearchKind
    title: str
    marked_title: str  # the title with the matched words marked
    snippet: str  # the words around the first match, marked; "…" where cut
    match_id: int | None
    person_id: int | None
    date: dt.date | None  # the match's date, for whatever belongs to a match
    context: str = ""  # "England v France, 10 Dec 2022"; a note's person; else ""


@dataclass(frozen=True)
class SearchResults:
    text: str
    groups: dict[SearchKind, list[SearchResult]] = field(default_factory=dict)
    totals: dict[SearchKind, int] = field(default_factory=dict)  # hits, up to the candidates ranked
    more: frozenset[SearchKind] = frozenset()  # kinds with more hits than were ranked
    indexed: bool = True  # False when the slower portable search answered

    def __iter__(self) -> Iterator[SearchResult]:
        return (result for group in self.groups.values() for result in group)

    def __len__(self) -> int:
        return sum(len(group) for group in self.groups.values())


def unmarked(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_END, "")
