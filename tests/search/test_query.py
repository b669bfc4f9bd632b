"""The query builder: what a user types becomes a safe FTS5 expression, or a clear refusal."""

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matchnotes.db.search import MAX_LENGTH, MAX_TERMS, parse
from matchnotes.db.search_query import inflections
from matchnotes.db.search_tsquery import conjuncts
from matchnotes.errors import ValidationError


def whole(word: str) -> str:
    """A finished word: its inflections in the words, itself in the names."""
    forms = " OR ".join(f'"{f}"' for f in inflections(word))
    return f'({{words alt}} : ({forms}) OR names : "{word}")'


def test_a_finished_word_is_inflected_in_the_words_and_exact_in_the_names():
    assert parse("penalty ").fts == (
        '((({words alt} : ("penalty" OR "penaltied" OR "penalties" OR "penaltying") '
        'OR names : "penalty")))'
    )


@pytest.mark.parametrize(
    ("typed", "expression"),
    [
        ("kan pen", f'(({whole("kan")} AND "pen"*))'),  # only the word being typed is a prefix
        ("kane penalty ", f"(({whole('kane')} AND {whole('penalty')}))"),  # a space finishes it
        ("over the bar", f'(({whole("over")} AND {whole("the")} AND "bar"*))'),  # not Théo
        ("var review ", f"(({whole('var')} AND {whole('review')}))"),  # "var" is not Varane
        ("kan* pen ", f'(("kan"* AND {whole("pen")}))'),  # a star asks for a prefix
        ("runni", '(("runni"*))'),  # the typed beginning of the word as it is written
        # ... and the forms of the word typed so far: "wanted" finds "wants"
        (
            "wanted",
            '((("wanted"* OR {words alt} : ("want" OR "wante" OR "wantes" OR "wanting" '
            'OR "wants"))))',
        ),
        ('"over the bar"', '(("over the bar"))'),
        ('"over the', '(("over the"*))'),  # a phrase still being typed
        ('"over the ', '(("over the "))'),
        ("kane OR mbappe", f'(({whole("kane")}) OR (("mbappe"* OR {{words alt}} : ("mbapping"))))'),
        ("kane -penalty ", f"(({whole('kane')})) NOT {whole('penalty')}"),
        ("kane -pen", f'(({whole("kane")})) NOT "pen"*'),
        ('kane NOT "over the bar"', f'(({whole("kane")})) NOT "over the bar"'),
        (
            "kane AND penalty",
            f'(({whole("kane")} AND ("penalty"* OR {{words alt}} : ("penaltied" OR "penalties"))))',
        ),
        ("NEAR(kane penalty, 5)", '((NEAR("kane" "penalty", 5)))'),
        ("NEAR(kane penalty", '((NEAR("kane" "penalty"*, 10)))'),
        ("title:kane ^bar *", f'(("title:kane" AND {whole("bar")}))'),
        ("(kane) OR", f"(({whole('kane')}))"),
        ("Ødegaard", '(("odegaard"*))'),  # FTS5 cannot fold ø; the index has it plain too
        ("ab\x00cd", f'(({whole("ab")} AND "cd"*))'),  # control characters are spaces
        ("kane k", f"(({whole('kane')} AND {whole('k')}))"),  # one letter: not all after k
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
    "CREATE VIRTUAL TABLE t USING fts5(words, names, alt, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)
_FTS.execute("INSERT INTO t VALUES ('over the bar', 'Harry Kane · Aurélien Tchouaméni', '')")
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


def test_postgresql_gets_each_and_ed_part_as_its_own_tsquery():
    """One tsquery per word or phrase (a GIN key each), the OR of groups as one, and a
    left-out word with the last part, never alone."""
    kane = "('kane' | 'kaned':B | 'kanes':B | 'kaning':B)"
    assert conjuncts(parse("kane pen")) == [kane, "('pen':*)"]
    assert conjuncts(parse("kane OR bar")) == [f"(({kane}) | (('bar':*)))"]
    left_out = conjuncts(parse("kane penalty -missed"))
    assert len(left_out) == 2 and left_out[0] == kane
    assert left_out[1].startswith("('penalty' ") and " & !('missed':* | " in left_out[1]
