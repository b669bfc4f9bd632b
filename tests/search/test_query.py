"""The query builder: what a user types becomes a safe FTS5 expression, or a clear refusal."""

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matchnotes.db.search import MAX_LENGTH, MAX_TERMS, parse
from matchnotes.db.search_query import inflections
from matchnotes.errors import ValidationError


@pytest.mark.parametrize(
    ("typed", "expression"),
    [
        ("kan pen", '(("kan" AND "pen"*))'),  # only the word being typed is a prefix
        ("kane penalty ", '(("kane" AND "penalty"))'),  # a space finishes it
        ("over the bar", '(("over" AND "the" AND "bar"*))'),  # "the" is not Théo
        ("var review ", '(("var" AND "review"))'),  # "var" is not Varane
        ("kan* pen ", '(("kan*"* AND "pen"))'),  # a star asks for a prefix
        ('"over the bar"', '(("over the bar"))'),
        ('"over the', '(("over the"*))'),  # a phrase still being typed
        ('"over the ', '(("over the "))'),
        ("kane OR mbappe", '(("kane") OR ("mbappe"*))'),
        ("kane -penalty ", '(("kane")) NOT "penalty"'),
        ("kane -pen", '(("kane")) NOT "pen"*'),
        ('kane NOT "over the bar"', '(("kane")) NOT "over the bar"'),
        ("kane AND penalty", '(("kane" AND "penalty"*))'),
        ("NEAR(kane penalty, 5)", '((NEAR("kane" "penalty", 5)))'),
        ("NEAR(kane penalty", '((NEAR("kane" "penalty"*, 10)))'),
        ("title:kane ^bar *", '(("title:kane" AND "^bar"))'),
        ("(kane) OR", '(("kane"))'),
        ("Ødegaard", '(("odegaard"*))'),  # FTS5 cannot fold ø; the index has it plain too
        ("ab\x00cd", '(("ab" AND "cd"*))'),  # control characters are spaces
        ("kane k", '(("kane" AND "k"))'),  # one letter is a word, not everything after k
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


def test_marks_are_whole_words_with_inflections_and_the_typed_beginning():
    whole, prefixes = parse("Kane penalty sco").marks()
    assert {"kane", "penalty", "penalties", "sco"} <= whole and "kan" not in whole
    assert prefixes == ("sco",)


@pytest.mark.parametrize(
    ("word", "inflected"),
    [
        ("penalty", {"penalties"}),
        ("penalties", {"penalty"}),
        ("goal", {"goals"}),
        ("goals", {"goal"}),
        ("scored", {"score", "scores", "scoring"}),
        ("stopped", {"stop", "stops", "stopping"}),
        ("match", {"matches", "matched"}),
    ],
)
def test_inflections_spell_the_common_english_forms(word, inflected):
    assert inflections(word)[0] == word and inflected <= set(inflections(word))


@pytest.mark.parametrize("word", ["the", "var", "theo"])
def test_inflections_never_reach_another_word(word):
    assert not {"the", "theo", "thing", "var", "varane"} & set(inflections(word)[1:])


_FTS = sqlite3.connect(":memory:")
_FTS.execute(
    "CREATE VIRTUAL TABLE t USING fts5(a, b, "
    "tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')"
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
