"""Which words a search matches (issue 16): only the word being typed is a prefix,
finished words match whole words and their English inflections, names stay exact and
accent-blind. Run through the service on a small database, by the index (SQLite's FTS5,
PostgreSQL's tsvector) and by the portable LIKE search, which must all agree."""

import datetime as dt

import pytest

from matchnotes.db.database import open_database
from matchnotes.enums import MomentKind, SearchKind
from matchnotes.minutes import make_minute
from matchnotes.services import Services
from matchnotes.services.inputs import LineupInput, MatchInput, MomentInput, QuoteInput
from matchnotes.services.search import SearchService
from matchnotes.services.search_results import MARK_END, MARK_START

OVER_THE_BAR = "Penalty missed · Harry Kane"


@pytest.fixture(scope="module")
def small(search_target):
    """Milan v Paris: nine moments of Théo Hernández, one of Kane's over the bar, a VAR
    review, Raphaël Varane, and quotes with inflected words."""
    db = open_database(search_target)
    services = Services.create(db.engine)
    match = services.matches.create_match(
        MatchInput(home="Milan", away="Paris", date=dt.date(2024, 3, 2))
    )
    people = {}
    for team, name in [("Milan", "Théo Hernández"), ("Milan", "Harry Kane"),
                       ("Paris", "Raphaël Varane"), ("Paris", "Kevin Harris"),
                       ("Paris", "Tyler Adams"), ("Milan", "Tammy Adam"),
                       ("Paris", "Aurélien Tchouaméni"),
                       ("Paris", "Émile Smith Rowe")]:  # fmt: skip
        entry = LineupInput(services.catalog.ensure_team(team), name)
        entry_id = services.lineups.add(match, entry)
        people[name] = next(e.person_id for e in services.lineups.lineup(match) if e.id == entry_id)

    def log(minute: int, kind: MomentKind, who: str | None, text: str) -> None:
        player = people[who] if who else None
        services.moments.log(
            match, MomentInput(make_minute(minute), kind, player, description=text)
        )

    for minute in range(1, 10):  # the old prefixes found these for "over the bar"
        log(minute, MomentKind.CHANCE, "Théo Hernández", "Overlapping run, barely wide of the post")
    log(30, MomentKind.PENALTY_MISSED, "Harry Kane", "over the bar")
    log(40, MomentKind.VAR, None, "Long VAR review for handball")
    log(
        50,
        MomentKind.CHANCE,
        "Raphaël Varane",
        "Header from a corner, the keeper asks for a review",
    )
    kane = people["Harry Kane"]
    services.quotes.add(match, QuoteInput(kane, "I will keep taking penalties."))
    services.quotes.add(match, QuoteInput(kane, "He scores when he wants."))
    services.notes.add("Two goals disallowed before half-time.", match_id=match)
    services.notes.add("Running down the wing all night.", match_id=match)
    yield SearchService(db.engine), SearchService(db.engine, portable=True)
    db.close()


@pytest.fixture(params=["index", "portable"])
def search(request, small):
    return small[0] if request.param == "index" else small[1]


def titles(search: SearchService, typed: str, kind: SearchKind) -> list[str]:
    return [r.title.split("' ", 1)[-1] for r in search.search(typed).groups.get(kind, [])]


def test_over_the_bar_finds_the_one_moment_not_theos_nine(search):
    assert titles(search, "over the bar", SearchKind.MOMENT) == [OVER_THE_BAR]
    assert titles(search, "over the bar ", SearchKind.MOMENT) == [OVER_THE_BAR]


def test_a_finished_word_is_whole_the_word_being_typed_a_prefix(search):
    assert titles(search, "kan", SearchKind.PERSON) == ["Harry Kane"]
    assert titles(search, "kan ", SearchKind.PERSON) == []
    assert titles(search, "kan pen", SearchKind.MOMENT) == []
    assert titles(search, "kane pen", SearchKind.MOMENT) == [OVER_THE_BAR]
    assert titles(search, "kan* pen", SearchKind.MOMENT) == [OVER_THE_BAR]  # * asks for one


def test_var_review_does_not_find_varane(search):
    assert titles(search, "var review", SearchKind.MOMENT) == ["VAR decision"]
    assert titles(search, "var", SearchKind.PERSON) == ["Raphaël Varane"]  # still typing
    assert titles(search, "var ", SearchKind.PERSON) == []


def test_names_are_accent_blind(search):
    assert titles(search, "theo hernandez ", SearchKind.PERSON) == ["Théo Hernández"]
    assert titles(search, "THÉO", SearchKind.PERSON) == ["Théo Hernández"]
    assert titles(search, "theo", SearchKind.MOMENT) == ["Big chance · Théo Hernández"] * 9


@pytest.mark.parametrize(
    ("typed", "kind", "found"),
    [
        ("kane penalty", SearchKind.QUOTE, "I will keep taking penalties."),
        ("kane penalties ", SearchKind.QUOTE, "I will keep taking penalties."),
        ("goal ", SearchKind.NOTE, "Two goals disallowed before half-time."),
        ("scored ", SearchKind.QUOTE, "He scores when he wants."),
        ("wanted", SearchKind.QUOTE, "He scores when he wants."),
    ],
)
def test_english_inflections_match_and_are_marked(search, typed, kind, found):
    (result,) = search.search(typed).groups[kind]
    assert result.snippet.replace(MARK_START, "").replace(MARK_END, "") == found
    inflected = {"penalty": "penalties", "penalties": "penalties", "goal": "goals",
                 "scored": "scores", "wanted": "wants"}[typed.split()[-1]]  # fmt: skip
    assert f"{MARK_START}{inflected}{MARK_END}" in result.snippet


def test_phrases_and_left_out_words_keep_working(search):
    assert titles(search, '"over the bar"', SearchKind.MOMENT) == [OVER_THE_BAR]
    assert titles(search, '"the bar over"', SearchKind.MOMENT) == []
    assert titles(search, '"barely wide" -theo', SearchKind.MOMENT) == []
    assert len(titles(search, "wide -kane", SearchKind.MOMENT)) == 9
    assert titles(search, "review -handball", SearchKind.MOMENT) == ["Big chance · Raphaël Varane"]


def people(search: SearchService, typed: str) -> list[str]:
    return sorted(titles(search, typed, SearchKind.PERSON))


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("harry ", ["Harry Kane"]),  # a stemmer would find Harris too
        ("harris ", ["Kevin Harris"]),
        ("adams ", ["Tyler Adams"]),  # a plural's inflections are not a name's
        ("adam ", ["Tammy Adam"]),
        ("tchouameni ", ["Aurélien Tchouaméni"]),
        ("TCHOUAMÉNI ", ["Aurélien Tchouaméni"]),
        ("har", ["Harry Kane", "Kevin Harris"]),  # the beginning being typed: both
    ],
)
def test_names_are_exact_and_accent_blind(search, typed, found):
    assert people(search, typed) == found


def test_harry_finds_his_moments_not_harris(search):
    assert titles(search, "harry ", SearchKind.MOMENT) == [OVER_THE_BAR]
    assert titles(search, "harry missed ", SearchKind.MOMENT) == [OVER_THE_BAR]


@pytest.mark.parametrize("typed", ["runn", "runni", "runnin", "running", "running "])
def test_the_word_being_typed_finds_the_word_as_written(search, typed):
    (note,) = search.search(typed).groups[SearchKind.NOTE]
    assert f"{MARK_START}Running{MARK_END}" in note.snippet


def test_a_name_starting_with_an_accent_is_found_and_marked(search):
    (person,) = search.search("EMILE ").groups[SearchKind.PERSON]
    assert person.marked_title == f"{MARK_START}Émile{MARK_END} Smith Rowe"
