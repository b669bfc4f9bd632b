"""The query builder: what a user types becomes a safe FTS5 expression, or a clear refusal."""

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matchnotes.db.search import MAX_LENGTH, MAX_TERMS, parse
from matchnotes.errors import ValidationError


@pytest.mark.parametrize(
    ("typed", "expression"),
    [
        ("kan pen", '(("kan"* AND "pen"*))'),
        ('"over the bar"', '(("over the bar"))'),
        ('"over the', '(("over the"*))'),  # a phrase still being typed
        ("kane OR mbappe", '(("kane"*) OR ("mbappe"*))'),
        ("kane -penalty", '(("kane"*)) NOT "penalty"*'),
        ('kane NOT "over the bar"', '(("kane"*)) NOT "over the bar"'),
        ("kane AND penalty", '(("kane"* AND "penalty"*))'),
        ("NEAR(kane penalty, 5)", '((NEAR("kane"* "penalty"*, 5)))'),
        ("NEAR(kane penalty", '((NEAR("kane"* "penalty"*, 10)))'),
        ("title:kane ^bar *", '(("title:kane"* AND "^bar"*))'),
        ("(kane) OR", '(("kane"*))'),
        ("Ødegaard", '(("odegaard"*))'),  # FTS5 cannot fold ø; the index has it plain too
        ("ab\x00cd", '(("ab"* AND "cd"*))'),  # control characters are spaces
        ("k pen", '(("k" AND "pen"*))'),  # one letter is a word, not everything after k
    ],
)
def test_what_users_type_becomes_a_quoted_expression(typed, expression):
    assert parse(typed).fts == expression


@pytest.mark.parametrize("typed", ["", "   ", '"', '""', "*", "AND OR", "()", "NEAR()", "-"])
def test_nothing_to_search_for_is_an_empty_query(typed):
    assert not parse(typed)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-kane", "add a word to look for"),
        ("NOT kane", "add a word to look for"),
        ("x " * (MAX_LENGTH // 2 + 1), "too long"),
        (" ".join(f"w{i}" for i in range(MAX_TERMS + 1)), f"at most {MAX_TERMS}"),
    ],
)
def test_refusals_say_why(typed, message):
    with pytest.raises(ValidationError, match=message):
        parse(typed)


def test_folded_words_are_kept_for_the_portable_search():
    query = parse('Tchouaméni "Over the BAR" -Kane')
    assert query.words == ("tchouameni", "over", "the", "bar")
    assert [t.words for t in query.excluded] == [("kane",)]


_FTS = sqlite3.connect(":memory:")
_FTS.execute(
    "CREATE VIRTUAL TABLE t USING fts5(a, b, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)
_FTS.execute("INSERT INTO t VALUES ('Harry Kane over the bar', 'Aurélien Tchouaméni')")
_SYNTAX = st.sampled_from(
    [*'"*()^:-,+{} é\x00', "AND", "OR", "NOT", "NEAR(", "NEAR", ", 3)", "kane", "bar"]
)
_TEXT = st.one_of(
    st.text(), st.lists(_SYNTAX, max_size=30).map("".join), st.lists(_SYNTAX).map(" ".join)
)


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_any_text_is_a_valid_expression_or_a_validation_error(typed):
    try:
        query = parse(typed)
    except ValidationError:
        return
    if query:  # SQLite itself accepts every expression the builder makes
        _FTS.execute("SELECT rowid FROM t WHERE t MATCH ?", (query.fts,)).fetchall()
