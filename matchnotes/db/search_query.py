"""What the user typed -> a safe FTS5 MATCH expression (and the folded words of it).

Kept apart from the index (``db/search.py``, which re-exports ``parse``): the parser is
pure Python with no SQL, and every search path reads what it returns: the FTS5 index
through ``Query.fts``, PostgreSQL's through ``search_tsquery.conjuncts``, the portable
search (``services/search_portable.py``) through each term's folded ``words`` and their
``inflections``.

Only the word being typed (the last one, when the text does not end in a space) or a
word ending in ``*`` is a prefix: finished words match whole words, so "the" does not
find Théo and "var" does not find Varane. A word matches a document's names exactly and
its other words with their English inflections (penalty, penalties), which
``inflections`` spells out for both search paths and for marking matched words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from matchnotes.errors import ValidationError
from matchnotes.text import PLAIN_LETTERS, fold

MAX_TERMS, MAX_LENGTH = 20, 500
# Letters unicode61 cannot fold (ø, ß, ł…), with their plain spelling.
UNFOLDED = {chr(code): plain for code, plain in PLAIN_LETTERS.items()}


@dataclass(frozen=True)
class Term:
    """A word or a phrase; ``words`` are its folded words (for the portable search).
    ``prefix``: its last word is still being typed, so words that start with it match."""

    text: str
    words: tuple[str, ...]
    prefix: bool = False

    @property
    def fts(self) -> str:
        """Names match exactly, other words with their inflections; a phrase as it is.
        Always quoted strings: inside one, FTS5 syntax characters are plain text."""
        if len(self.words) > 1:
            return _quoted(self.text) + ("*" if self.prefix else "")
        forms = inflections(self.words[0])
        if self.prefix:  # "wanted" while typing finds "wants"; "runni" finds "running"
            extra = " OR ".join(_quoted(f) for f in forms[1:] if not f.startswith(forms[0]))
            typed = _quoted(self.words[0]) + "*"
            return f"({typed} OR {{words alt}} : ({extra}))" if extra else typed
        inflected = " OR ".join(_quoted(f) for f in forms)
        return f"({{words alt}} : ({inflected}) OR names : {_quoted(self.words[0])})"

    @property
    def plain(self) -> str:
        """The term without inflections, for NEAR (which takes phrases only)."""
        return _quoted(self.text) + ("*" if self.prefix else "")


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@dataclass(frozen=True)
class Near:
    terms: tuple[Term, ...]
    distance: int = 10

    @property
    def fts(self) -> str:
        return f"NEAR({' '.join(t.plain for t in self.terms)}, {self.distance})"


@dataclass(frozen=True)
class Query:
    """Groups joined by OR, each an AND of terms; then the words to leave out (NOT)."""

    groups: tuple[tuple[Term | Near, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def fts(self) -> str:
        ors = " OR ".join("(" + " AND ".join(item.fts for item in g) + ")" for g in self.groups)
        return f"({ors})" + "".join(f" NOT {t.fts}" for t in self.excluded)

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every term searched for (not left out)."""
        items = [item for group in self.groups for item in group]
        return tuple(t for i in items for t in (i.terms if isinstance(i, Near) else (i,)))

    @property
    def words(self) -> tuple[str, ...]:
        """Every folded word searched for (not left out)."""
        return tuple(dict.fromkeys(w for t in self.terms for w in t.words))

    def marks(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """(whole words, prefixes) a shown word is marked for: the folded words searched
        for with their inflections, and the beginnings of words being typed."""
        whole: set[str] = set()
        prefixes: list[str] = []
        for term in self.terms:
            for word in term.words:
                whole.update(inflections(word))
            if term.prefix:
                prefixes.append(term.words[-1])
        return frozenset(whole), tuple(prefixes)


_LEXEMES = re.compile(
    r"""(?P<phrase>-*"[^"]*(?:"|$))       # "over the bar", or an unclosed "over the
      | (?P<near>NEAR\()                   # NEAR(kane penalty, 5)
      | (?P<distance>,\s*\d+\s*(?=\)))
      | (?P<paren>[()])                    # grouping is not supported: ignored
      | (?P<word>(?:[^\s"(),]|,(?!\s*\d+\s*\)))+)""",
    re.VERBOSE,
)
_WORD = re.compile(r"[^\W_]+")  # what unicode61 keeps: letters and digits


def _clean(raw: str) -> str:
    """No control characters or lone surrogates (SQLite cannot take them), ø -> o."""
    kept = (" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in raw)
    return "".join(UNFOLDED.get(ch, ch) for ch in kept)


def fold_words(raw: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(raw)))


def parse(raw: str) -> Query:
    """Parse a search box's text. Never raises for syntax; refuses only what cannot be
    searched (too long, too many words, or only words to leave out) with a ValidationError.

    Words are whole words, their English inflections included ("kane penalty" finds
    "Kane's penalties"); the word being typed, at the very end, is a prefix ("kane pen"
    finds "Kane penalty"), and so is a word ending in *. "quoted words" are a phrase
    (an unclosed quote is a phrase still being typed, its last word a prefix); OR
    between words means either; -word or NOT word leaves it out; NEAR(a b, 5) finds
    words close together; AND and parentheses are accepted and change nothing.
    """
    if len(raw) > MAX_LENGTH:
        raise ValidationError(f"That search is too long; use at most {MAX_LENGTH} characters.")
    groups: list[list[Term | Near]] = [[]]
    excluded: list[Term] = []
    near: list[Term] | None = None  # the terms of an open NEAR( group
    distance, negate = 10, False
    cleaned = _clean(raw)
    typing_at = len(cleaned) if cleaned and not cleaned[-1].isspace() else -1
    for lexeme in _LEXEMES.finditer(cleaned):
        kind, value = lexeme.lastgroup, lexeme.group()
        if near is not None and (value == ")" or kind == "distance"):
            if kind == "distance":
                distance = min(int(value.strip(", ")), 1000)
                continue
            if near:
                groups[-1].append(Near(tuple(near), distance))
            near = None
        elif kind == "near" and near is None:
            near, distance = [], 10
        elif kind in ("word", "phrase") and near is None and value in ("AND", "OR", "NOT"):
            if value == "OR" and groups[-1]:
                groups.append([])
            negate = negate or value == "NOT"
        elif (
            kind in ("word", "phrase")
            and (term := _term(value, typing=lexeme.end() == typing_at)) is not None
        ):
            if near is not None:
                near.append(term)
            elif negate or value.startswith("-"):
                excluded.append(term)
            else:
                groups[-1].append(term)
            negate = False
    if near:
        groups[-1].append(Near(tuple(near), distance))
    kept = tuple(tuple(g) for g in groups if g)
    count = len(excluded) + sum(len(i.terms) if isinstance(i, Near) else 1 for g in kept for i in g)
    if count > MAX_TERMS:
        raise ValidationError(f"That search has {count} words; use at most {MAX_TERMS}.")
    if excluded and not kept:
        raise ValidationError(
            "That search only leaves words out (with - or NOT); add a word to look for."
        )
    return Query(kept, tuple(excluded))


def _term(value: str, *, typing: bool) -> Term | None:
    """``typing``: the lexeme ends the text, so its last word is still being typed."""
    value = value.lstrip("-")
    if value.startswith('"'):
        closed = len(value) > 1 and value.endswith('"')
        inner = value[1:-1] if closed else value[1:]
        words = fold_words(inner)
        prefix = typing and not closed
    else:
        words = fold_words(value)
        prefix = typing or value.endswith("*")
    # A one-letter word is a word: "k"* would read everything.
    return (
        Term(inner if value.startswith('"') else value, words, prefix and len(words[-1]) > 1)
        if words
        else None
    )


def inflections(word: str) -> tuple[str, ...]:
    """``word`` (folded) and its common English inflections: plural, past, -ing.

    The index's porter stemmer does this, and more, by itself; the portable search
    matches these spellings as whole words, and results mark them.
    """
    if len(word) < 3 or not word.isalpha() or not word.isascii():
        return (word,)
    bases: set[str] = set()
    for suffix, replacements in _SUFFIXES:
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= 3 and not (suffix == "s" and stem[-1] in "su"):
            bases.update(stem + r for r in replacements)
            if stem[-1] == stem[-2] and stem[-1] not in _VOWELS | {"l", "s"}:
                bases.add(stem[:-1])  # stopped -> stop
            break
    forms = {word, *bases}
    for base in bases or {word}:
        if base.endswith("y") and base[-2] not in _VOWELS:
            forms.update((base[:-1] + "ies", base[:-1] + "ied", base + "ing"))
        elif base.endswith("e"):
            forms.update((base + "s", base + "d"))
            forms.update([base[:-1] + "ing"] if len(base) > 3 else [])
        else:
            plural = "es" if base.endswith(("s", "x", "z", "ch", "sh")) else "s"
            forms.update((base + plural, base + "ed", base + "ing"))
    return (word, *sorted(forms - {word}))


_VOWELS = frozenset("aeiou")
# An inflected word's suffix -> what its base ends with instead ("penalties" -> "penalty").
_SUFFIXES = (("ies", ("y",)), ("ied", ("y",)), ("es", ("", "e")), ("s", ("",)),
             ("ed", ("", "e")), ("ing", ("", "e")))  # fmt: skip
