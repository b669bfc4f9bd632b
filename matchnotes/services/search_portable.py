"""The portable search: the index's documents read with LIKE over folded text.

It answers where there is no index (SQLite without FTS5, a PostgreSQL database downgraded
below 0012, or ``SearchService(portable=True)``): slower, same words, same results: names
exactly, other words with their English inflections (``search_query.inflections``). Kept
apart from ``services/search.py``, which ranks, filters and marks the hits of every path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, String, case, func, literal, not_, or_
from sqlalchemy import and_ as all_of
from sqlalchemy import select as sa_select

from matchnotes.db.search import Near, Query, Term, documents
from matchnotes.db.search_query import inflections
from matchnotes.enums import SearchKind
from matchnotes.text import fold

_SINGLE: dict[str, str] = {}
_MULTI: dict[str, str] = {}
for _cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
    _plain = fold(chr(_cp))
    if chr(_cp).isalpha() and _plain.isascii() and _plain != chr(_cp).lower():
        (_SINGLE if len(_plain) == 1 else _MULTI)[chr(_cp)] = _plain
_PUNCTUATION = "'’‘\"“”«».,;:!?()[]{}/\\-–—·…+*&"


def _folded(text: ColumnElement[str]) -> ColumnElement[str]:
    """Lower case, no accents, punctuation as spaces: ``text.fold`` in SQL (PostgreSQL)."""
    for letter, plain in _MULTI.items():
        text = func.replace(text, letter, plain, type_=String)
    sources, targets = "".join(_SINGLE) + _PUNCTUATION, "".join(_SINGLE.values())
    return func.lower(func.translate(text, sources, targets + " " * len(_PUNCTUATION)))


@dataclass(frozen=True)
class _Text:
    """A document's folded text, each with a space either side: all of it, its names
    and its other words."""

    every: ColumnElement[str]
    names: ColumnElement[str]
    words: ColumnElement[str]


def _spaced(text: ColumnElement[str]) -> ColumnElement[str]:
    return literal(" ", String) + _folded(text) + " "


def _has(text: _Text, term: Term) -> ColumnElement[bool]:
    """As ``Term.fts``: a phrase as it is; a word exactly in the names or with its
    inflections in the other words; the word being typed as a beginning too."""
    if len(term.words) > 1:
        return text.every.like(" ".join(["%", *term.words]) + ("%" if term.prefix else " %"))
    word = term.words[0]
    inflected = [text.words.like(f"% {form} %") for form in inflections(word)]
    if term.prefix:
        return or_(text.every.like(f"% {word}%"), *inflected)
    return or_(text.names.like(f"% {word} %"), *inflected)


def portable_candidates(query: Query, kind: SearchKind) -> Select[Any]:
    doc = documents()[kind].subquery("doc")
    text = _Text(_spaced(doc.c.words + " " + doc.c.names), _spaced(doc.c.names),
                 _spaced(doc.c.words))  # fmt: skip

    def matches(item: Term | Near) -> ColumnElement[bool]:
        return all_of(*(_has(text, t) for t in (item.terms if isinstance(item, Near) else [item])))

    first = query.groups[0][0]
    title = _spaced(doc.c.title)
    first_term = first.terms[0] if isinstance(first, Near) else first
    in_title = _has(_Text(title, title, title), first_term)
    score = case((in_title, -1.0), else_=0.0).label("score")
    return (
        sa_select(doc.c.ref_id, doc.c.match_id, doc.c.person_id, score)
        .where(or_(*(all_of(*(matches(item) for item in group)) for group in query.groups)))
        .where(*(not_(_has(text, t)) for t in query.excluded))
        .order_by(doc.c.ref_id.desc())
    )


def portable_documents(kind: SearchKind, ids: list[int]) -> Select[Any]:
    doc = documents()[kind].subquery("doc")
    return sa_select(doc.c.ref_id, doc.c.title, doc.c.body).where(doc.c.ref_id.in_(ids))
