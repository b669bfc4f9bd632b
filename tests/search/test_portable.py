"""The portable search (LIKE over folded text) finds what the FTS5 index finds.

It answers on SQLite without FTS5 (here: ``SearchService(portable=True)``, with
translate() added to the connection). PostgreSQL's own index is compared with FTS5 in
test_postgres.py, which reads QUERIES and FILTERS from here.
"""

import datetime as dt

import pytest

from matchnotes.db.database import open_database
from matchnotes.demo import load_demo
from matchnotes.services import Services
from matchnotes.services.search import SearchService
from matchnotes.services.search_results import SearchResults

QUERIES = [
    "Tchouameni",
    "mbappe",
    "kan pen",
    "kane pen",
    "kane penalty",
    "kane penalties ",
    "goal ",
    "over the bar",
    "var review",
    '"over the bar"',
    '"special person"',
    '"over the',
    "england",
    "kane -penalty",
    "kane OR mbappe",
    "NEAR(over bar)",
    "sampaio",
    "2022-12-10",
    "haunt",
    "kane's",
    "k",
]
FILTERS = [
    {"competition": "FIFA World Cup"},
    {"team": "France"},
    {"date_from": dt.date(2022, 12, 11)},
    {"kinds": ["quote", "person"]},
]


def found(results: SearchResults) -> dict[str, set[int]]:
    return {kind.value: {r.id for r in group} for kind, group in results.groups.items()}


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """The demo (one database for the module: these tests only read)."""
    db = open_database(tmp_path_factory.mktemp("portable") / "demo.sqlite")
    load_demo(Services.create(db.engine))
    yield SearchService(db.engine), SearchService(db.engine, portable=True)
    db.close()


@pytest.mark.parametrize("typed", QUERIES)
def test_the_portable_search_finds_the_same(both, typed):
    indexed, portable = (s.search(typed) for s in both)
    assert indexed.indexed and not portable.indexed
    assert found(portable) == found(indexed)
    assert portable.totals == indexed.totals


@pytest.mark.parametrize("filters", FILTERS, ids=str)
def test_the_portable_filters_keep_the_same(both, filters):
    indexed, portable = (s.search("kane", **filters) for s in both)
    assert found(portable) == found(indexed)


def test_portable_results_are_marked_and_have_contexts(both):
    (moment,) = both[1].search('"over the bar"')
    assert moment.title == "84' Penalty missed · Harry Kane"
    assert moment.context == "England v France, 10 Dec 2022"
    assert "\x02over\x03 \x02the\x03 \x02bar\x03" in moment.snippet
