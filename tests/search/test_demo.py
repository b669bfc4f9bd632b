"""Search on the demo match (England v France, World Cup 2022 quarter-final), on SQLite's
FTS5 index and on PostgreSQL's tsvector index alike (tests/search/conftest.py)."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchnotes.db.database import open_database
from matchnotes.demo import load_demo
from matchnotes.enums import SearchKind
from matchnotes.errors import ValidationError
from matchnotes.services import Services
from matchnotes.services.inputs import MatchInput
from matchnotes.services.search import SearchService
from matchnotes.services.search_results import MARK_END, MARK_START, SearchResults, unmarked


@pytest.fixture(scope="module")
def demo(search_target):
    """One demo database for the read-only tests of this module, with a second match."""
    db = open_database(search_target)
    services = Services.create(db.engine)
    load_demo(services)
    services.matches.create_match(
        MatchInput(home="Arsenal", away="Chelsea", date=dt.date(2023, 4, 1), competition="FA Cup")
    )
    yield SearchService(db.engine), services
    db.close()


@pytest.fixture(scope="module")
def search(demo):
    return demo[0]


def titles(results: SearchResults, kind: SearchKind) -> list[str]:
    return [r.title for r in results.groups.get(kind, [])]


@pytest.mark.parametrize("typed", ["Tchouameni", "tchouaméni", "TCHOUAMENI", "tchou"])
def test_accents_and_case_do_not_matter(search, typed):
    found = search.search(typed)
    assert titles(found, SearchKind.PERSON) == ["Aurélien Tchouaméni"]
    assert titles(found, SearchKind.MOMENT) == ["17' Goal · Aurélien Tchouaméni"]


def test_mbappe_without_the_accent(search):
    assert titles(search.search("mbappe"), SearchKind.PERSON) == ["Kylian Mbappé"]


def test_the_word_being_typed_is_a_prefix(search):
    assert "Harry Kane" in titles(search.search("kan"), SearchKind.PERSON)
    moments = titles(search.search("kane pen"), SearchKind.MOMENT)
    assert set(moments) == {"84' Penalty missed · Harry Kane", "54' Penalty goal · Harry Kane"}
    assert not search.search("kan pen")  # "kan" is finished: a whole word, and no word


def test_a_phrase_finds_the_missed_penalty(search):
    found = search.search('"over the bar"')
    (moment,) = found.groups[SearchKind.MOMENT]
    assert moment.title == "84' Penalty missed · Harry Kane"
    assert (moment.match_id, moment.date) == (1, dt.date(2022, 12, 10))
    assert moment.context == "England v France, 10 Dec 2022"
    assert f"{MARK_START}over{MARK_END} {MARK_START}the{MARK_END}" in moment.snippet
    assert unmarked(moment.snippet) == "England · Mason Mount · over the bar"
    assert len(found) == 1 and found.indexed
    assert not search.search('"bar the over"')


def test_a_phrase_finds_kanes_quote(search):
    (quote,) = search.search('"special person"').groups[SearchKind.QUOTE]
    assert quote.title == "Harry Kane" and quote.person_id is not None
    assert "Gareth is a really" in unmarked(quote.snippet)
    assert f"{MARK_START}special{MARK_END}" in quote.snippet


def test_kane_penalty_finds_moments_and_quotes_grouped_in_order(search):
    found = search.search("Kane penalty")
    assert list(found.groups) == [SearchKind.MOMENT, SearchKind.QUOTE]
    assert found.totals == {SearchKind.MOMENT: 2, SearchKind.QUOTE: 2}  # "penalties" too
    assert [r.kind for r in found] == [SearchKind.MOMENT] * 2 + [SearchKind.QUOTE] * 2
    assert any("\x02penalties\x03" in r.snippet for r in found.groups[SearchKind.QUOTE])


def test_a_match_is_found_by_teams_competition_stage_venue_date_and_referee(search):
    for typed in ["england france", "world cup quarter", "al bayt", "2022-12-10", "sampaio"]:
        (match,) = search.search(typed).groups[SearchKind.MATCH]
        assert (match.title, match.id, match.match_id) == ("England v France", 1, 1)


def test_titles_rank_before_bodies_and_limit_is_per_kind(search):
    found = search.search("england", limit=3)
    assert len(found.groups[SearchKind.PERSON]) == 3
    assert found.totals[SearchKind.PERSON] == 20  # players whose nationality is England
    assert found.groups[SearchKind.TEAM][0].marked_title == f"{MARK_START}England{MARK_END}"
    assert not found.more


def test_notes_show_what_they_are_about(search):
    (note,) = search.search("haunt").groups[SearchKind.NOTE]
    assert note.title == "Note" and note.context == "England v France, 10 Dec 2022"


def test_filter_by_kind(search):
    found = search.search("kane", kinds=["quote", SearchKind.PERSON])
    assert set(found.groups) == {SearchKind.PERSON, SearchKind.QUOTE}
    with pytest.raises(ValidationError, match="kinds"):
        search.search("kane", kinds=["goal"])


def test_filter_by_competition(search):
    assert titles(search.search("arsenal"), SearchKind.MATCH) == ["Arsenal v Chelsea"]
    assert not search.search("arsenal", competition="FIFA World Cup").groups.get(SearchKind.MATCH)
    world_cup = search.search("kane", competition="fifa world cup")
    assert titles(world_cup, SearchKind.PERSON) == ["Harry Kane"]  # he played in it
    assert world_cup.groups[SearchKind.MOMENT] == search.search("kane").groups[SearchKind.MOMENT]
    with pytest.raises(ValidationError, match="no competition called"):
        search.search("kane", competition="Copa América")


def test_filter_by_team(search):
    assert titles(search.search("kane", team="England"), SearchKind.PERSON) == ["Harry Kane"]
    assert not search.search("kane", team="France").groups.get(SearchKind.PERSON)
    by_arsenal = search.search("chelsea", team="Arsenal")
    assert titles(by_arsenal, SearchKind.MATCH) == ["Arsenal v Chelsea"]
    assert not search.search("chelsea", team="Arsenal").groups.get(SearchKind.TEAM)
    assert titles(search.search("chelsea", team="Chelsea"), SearchKind.TEAM) == ["Chelsea"]
    with pytest.raises(ValidationError, match="no team called"):
        search.search("kane", team="Atlantis")


def test_filter_by_date_range(search):
    december = search.search("kane", date_from=dt.date(2022, 12, 1), date_to=dt.date(2022, 12, 31))
    assert december.groups == search.search("kane").groups
    later = search.search("kane", date_from=dt.date(2023, 1, 1))
    assert not later.groups  # no match of his after 2022, so nothing of his either
    assert titles(search.search("v", date_from=dt.date(2023, 1, 1)), SearchKind.MATCH) == [
        "Arsenal v Chelsea"
    ]
    with pytest.raises(ValidationError, match="after it ends"):
        search.search("kane", date_from=dt.date(2023, 1, 1), date_to=dt.date(2022, 1, 1))


def test_nothing_to_search_for_finds_nothing(search):
    for typed in ["", "   ", '"', "*", "()"]:
        assert len(search.search(typed)) == 0


def test_fts_syntax_is_searched_as_meant(search):
    either = titles(search.search("kane OR mbappe"), SearchKind.PERSON)
    assert sorted(either) == ["Harry Kane", "Kylian Mbappé"]
    assert "Harry Kane" not in titles(search.search("harry -kane"), SearchKind.PERSON)
    near = search.search("NEAR(over bar, 2)")
    assert titles(near, SearchKind.MOMENT) == ["84' Penalty missed · Harry Kane"]
    assert len(search.search('kane AND "over the')) == 1
    assert titles(search.search("kane*"), SearchKind.PERSON) == ["Harry Kane"]
    with pytest.raises(ValidationError, match="add a word"):
        search.search("NOT kane")


_HOSTILE = st.sampled_from(
    [*"\"*()^:-,'%_\\ é\x00", "AND", "OR", "NOT", "NEAR(", ", 3)", "kane", "bar"]
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.one_of(st.text(max_size=80), st.lists(_HOSTILE, max_size=25).map("".join)))
def test_hostile_text_never_raises_anything_but_a_validation_error(search, typed):
    try:
        found = search.search(typed)
    except ValidationError as error:
        assert str(error)
    else:
        assert all(r.title and r.id for r in found)
