"""A parsed search (``search_query.Query``) -> PostgreSQL's tsquery text, and what ranks.

Pure Python, no SQL run here: ``db/search_pg.py`` stores each document as one tsvector
of folded words, the ``names`` weighted A and the other ``words`` weighted B, and
the FTS5 expression's parts map onto tsquery so that both indexes find the same:

- a finished word: itself anywhere, its inflections among the words only
  (``'penalty' | 'penalties':B``): names stay exact, as FTS5's ``names : "w"``;
- the word being typed: a prefix anywhere (``'kan':*``), or the indexed words that
  start with it when the server says which (``'kane' | 'kanes'``: the same hits, read
  faster), plus the inflections that do not start with it, among the words
  (``wanted`` -> ``'wants':B``); none at all: ``'#'``, a word no document has;
- a phrase: ``<->`` within the names or within the words, never across (FTS5 columns);
- OR ``|``, AND ``&``, NOT ``& !``;
- NEAR(a b, N): FTS5 finds the terms at most N words apart, in any order, in one column.
  tsquery has only "exactly d apart, in this order" (``<d>``), so each pair of terms
  becomes ``a <d> b | b <d> a`` for every d up to N + 1, within the names or within the
  words; with three terms or more each pair is checked on its own (looser than FTS5's
  one window). A NEAR whose spelled-out form would be too big (``NEAR_ALTERNATIVES``)
  becomes all of its terms anywhere (AND).

Lexemes are quoted and cast to tsquery as they are, never parsed again by the server.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

from matchnotes.db.search_query import Near, Query, Term, inflections

NEAR_ALTERNATIVES = 256  # pairs x orders x distances a NEAR may spell out
Spelled = Mapping[str, tuple[str, ...]]  # a typed beginning -> the indexed words it begins


def lexeme(word: str, suffix: str = "") -> str:
    """A tsquery operand: the quoted word, with ``:*`` (prefix) and/or weights."""
    quoted = "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + (":" + suffix if suffix else "")


def _phrase(words: tuple[str, ...], prefix: bool, weight: str = "") -> str:
    last = len(words) - 1
    parts = [lexeme(w, ("*" if prefix and i == last else "") + weight) for i, w in enumerate(words)]
    return "(" + " <-> ".join(parts) + ")"


def term_tsquery(term: Term, spelled: Spelled | None = None) -> str:
    """As ``Term.fts``: a phrase within one column, a word with its inflections. A word
    being typed that ``spelled`` has is the words that start with it (the same hits)."""
    if len(term.words) > 1:  # names (A) or words (B), never a phrase across both
        return (
            f"({_phrase(term.words, term.prefix, 'A')} | {_phrase(term.words, term.prefix, 'B')})"
        )
    forms = inflections(term.words[0])
    if term.prefix:
        extra = [lexeme(f, "B") for f in forms[1:] if not f.startswith(forms[0])]
        words = (spelled or {}).get(forms[0])
        typed = [lexeme(forms[0], "*")] if words is None else [lexeme(w) for w in words]
        return "(" + " | ".join([*typed, *extra]) + ")" if typed or extra else "('#')"
    return "(" + " | ".join([lexeme(forms[0]), *(lexeme(f, "B") for f in forms[1:])]) + ")"


def near_tsquery(near: Near, weight: str = "") -> str:
    """Both columns (``weight`` ""), or within the names (A) or the words (B) only."""
    terms = [_phrase(t.words, t.prefix, weight) for t in near.terms]
    pairs = list(combinations(terms, 2))
    if not pairs:
        return terms[0]
    if len(pairs) * 2 * (near.distance + 1) > NEAR_ALTERNATIVES:
        return "(" + " & ".join(terms) + ")"
    if not weight:  # one column or the other, never across
        return f"({near_tsquery(near, 'A')} | {near_tsquery(near, 'B')})"
    spelled = []
    for a, b in pairs:
        ways = [f"{x} <{d}> {y}" for d in range(1, near.distance + 2) for x, y in ((a, b), (b, a))]
        spelled.append("(" + " | ".join(ways) + ")")
    return "(" + " & ".join(spelled) + ")"


def texts(query: Query) -> list[str]:
    """Every term's text, searched for or left out: what ``refold`` needs folded."""
    return list(dict.fromkeys(t.text for t in (*query.terms, *query.excluded)))


def refold(query: Query, folded: dict[str, tuple[str, ...]]) -> Query:
    """``query`` with each term's words as the server folds its text (``folded``), so
    that they are spelled as the documents' words are (unaccent folds ħ, ð, þ… and
    Python does not). A term the server finds no word in is dropped."""

    def term(t: Term) -> Term | None:
        words = folded.get(t.text, t.words)
        return Term(t.text, words, t.prefix and len(words[-1]) > 1) if words else None

    def near(n: Near) -> Near | None:
        terms = tuple(x for x in map(term, n.terms) if x is not None)
        return Near(terms, n.distance) if terms else None

    groups = []
    for group in query.groups:
        items = [near(i) if isinstance(i, Near) else term(i) for i in group]
        kept = tuple(i for i in items if i is not None)
        groups += [kept] if kept else []
    return Query(tuple(groups), tuple(x for x in map(term, query.excluded) if x is not None))


def typed_words(query: Query) -> list[str]:
    """The beginnings of single words being typed, searched for or left out: what
    ``search_pg.read_terms`` may spell out."""
    terms = (*query.terms, *query.excluded)
    return list(dict.fromkeys(t.words[0] for t in terms if t.prefix and len(t.words) == 1))


def conjuncts(query: Query, spelled: Spelled | None = None) -> list[str]:
    """The whole query, as ``Query.fts`` (groups joined by OR, then NOT each left-out
    term), as tsqueries that must all hold: each word or phrase of a query of one group,
    or the OR of several; each left-out term goes with the last part (alone, GIN would
    read every document of the index for it). ``spelled``: typed beginnings -> every
    indexed word that starts with each. PostgreSQL's GIN index reads one tsquery by
    stepping through every document of its rarest word and testing each (a first name:
    55,000 moments); given one ``@@`` per part (``search_pg.matching``), it leaps from one
    part's next hit to the next part's, each list read from where the others are."""

    def item(i: Term | Near) -> str:
        return near_tsquery(i) if isinstance(i, Near) else term_tsquery(i, spelled)

    groups = ["(" + " & ".join(item(i) for i in g) + ")" for g in query.groups]
    parts = (
        [item(i) for i in query.groups[0]] if len(groups) == 1 else ["(" + " | ".join(groups) + ")"]
    )
    parts[-1] += "".join(f" & !{term_tsquery(t, spelled)}" for t in query.excluded)
    return parts


@dataclass(frozen=True)
class NameHits:
    """What the ranking counts in a document's names, as FTS5 counts its ``names`` hits:
    each place a searched word (``whole``) or a typed beginning (``prefixes``, as LIKE
    patterns) stands, and each phrase found there (``phrases``: tsquery texts, weight A).
    A typed beginning that ``spelled`` has is its words in ``whole``: the same places."""

    whole: list[str]
    prefixes: list[str]
    phrases: list[str]


def name_hits(query: Query, spelled: Spelled | None = None) -> NameHits:
    whole: list[str] = []
    prefixes: list[str] = []
    phrases: list[str] = []
    for item in (item for group in query.groups for item in group):
        if isinstance(item, Near):  # FTS5 counts a NEAR's words only where it holds
            phrases.append(near_tsquery(item, "A"))
        elif len(item.words) > 1:
            phrases.append(_phrase(item.words, item.prefix, "A"))
        elif item.prefix and item.words[0] in (spelled or {}):
            whole.extend((spelled or {})[item.words[0]])
        elif item.prefix:
            prefixes.append(item.words[0] + "%")  # folded words: letters and digits only
        else:
            whole.append(item.words[0])
    return NameHits(whole, prefixes, phrases)
