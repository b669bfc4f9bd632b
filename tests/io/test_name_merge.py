"""A scorer spelt differently in football.json and in the Football.TXT line-up ("Kai Lukas
Havertz" / "Kai HAVERTZ", "Koulibaly" / "Kalidou KOULIBALY") is one person, when exactly
one player of his team in that match fits; namesakes in one team are left apart."""

from collections.abc import Iterator

import pytest
from sqlmodel import Session, select

from matchnotes.db.database import Database, open_database
from matchnotes.enums import Period
from matchnotes.models import LineupEntry, Moment, Person
from matchnotes.scores import SCORING_KINDS
from matchnotes.services import Services
from matchnotes.services.import_names import alike, with_accents
from matchnotes.services.imports import ImportService
from tests.io import DATA, WORLDCUP_JSON, WORLDCUP_TXT, importer

# Before the merge, 15 JSON scorers (18 goals) had no line-up entry in their match.
STRAY_SCORERS_BEFORE = 15


def scorers_without_lineup(database: Database) -> dict[str, int]:
    """Name -> goals, for scorers who are in neither line-up of a match they scored in."""
    with Session(database.engine) as session:
        lineup = {(e.match_id, e.person_id) for e in session.exec(select(LineupEntry))}
        names = {p.id: p.name for p in session.exec(select(Person))}
        stray: dict[str, int] = {}
        for m in session.exec(select(Moment)):
            if m.kind not in SCORING_KINDS or m.period is Period.SHOOTOUT:
                continue
            if (m.match_id, m.player_id) not in lineup:
                name = names[m.player_id]
                stray[name] = stray.get(name, 0) + 1
        return stray


def _open(tmp_path_factory: pytest.TempPathFactory, name: str) -> Database:
    return open_database(tmp_path_factory.mktemp(name) / "notes.sqlite")


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, list]]:
    """football.json, then the TXT on top of it: the order the files are usually read in."""
    database = _open(tmp_path_factory, "json-then-txt")
    summaries = [
        ImportService(database.engine).import_file(f) for f in (WORLDCUP_JSON, WORLDCUP_TXT)
    ]
    yield database, summaries
    database.close()


def _match(services: Services, home: str, away: str):
    found = next(m for m in services.matches.list_matches() if (m.home, m.away) == (home, away))
    return services.matches.get_match(found.id)


def test_every_json_scorer_is_found_in_the_txt_line_up(merged):
    database, (_, txt) = merged
    assert scorers_without_lineup(database) == {}  # was STRAY_SCORERS_BEFORE people
    assert txt.tallies["people"].removed == STRAY_SCORERS_BEFORE
    assert txt.tallies["moments"].updated == 18  # their goals, now the line-up player's
    assert (txt.added, txt.updated, txt.skipped) == (0, 64, [])


@pytest.mark.parametrize(
    ("home", "away", "player", "minutes", "json_spelling"),
    [
        ("Costa Rica", "Germany", "Kai Havertz", ["73'", "85'"], "Kai Lukas Havertz"),
        ("USA", "Wales", "Tim Weah", ["36'"], "Timothy Weah"),
        ("Ecuador", "Senegal", "Kalidou Koulibaly", ["70'"], "Koulibaly"),
        ("Wales", "England", "Phil Foden", ["51'"], "Foden"),
        ("Netherlands", "Argentina", "Wout Weghorst", ["83'", "90+11'"], "Wout Werghost"),
    ],
)
def test_the_goal_points_at_the_line_up_player(merged, home, away, player, minutes, json_spelling):
    database, _ = merged
    services = Services.create(database.engine)
    match = _match(services, home, away)
    goals = [
        m
        for m in match.moments
        if m.kind in SCORING_KINDS and m.minute.period is not Period.SHOOTOUT and m.player == player
    ]
    assert [g.minute_text for g in goals] == minutes
    in_lineup = {e.person_id for e in match.lineups}
    assert all(g.player_id in in_lineup for g in goals)
    assert json_spelling not in {p.name for p in services.people.find(json_spelling)}  # gone


def test_reimporting_either_file_changes_nothing(merged):
    database, _ = merged
    for path in (WORLDCUP_JSON, WORLDCUP_TXT):
        again = importer(database).import_file(path)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 64)
        assert not again.tallies.get("moments") and not again.tallies.get("people")
    assert scorers_without_lineup(database) == {}


def test_the_txt_first_then_the_json_makes_no_stray_people(tmp_path_factory):
    database = _open(tmp_path_factory, "txt-then-json")
    try:
        importer(database).import_file(WORLDCUP_TXT)
        summary = importer(database).import_file(WORLDCUP_JSON)
        assert summary.tallies["people"].added == 0
        assert scorers_without_lineup(database) == {}
        services = Services.create(database.engine)
        costa_rica = _match(services, "Costa Rica", "Germany")
        assert [m.player for m in costa_rica.moments if m.minute_text in ("73'", "85'")] == [
            "Kai Havertz", "Kai Havertz",
        ]  # fmt: skip
    finally:
        database.close()


# --- a small pair of files with namesakes ------------------------------------------------


@pytest.fixture(params=["json-then-txt", "txt-then-json"])
def namesakes(request, database, services):
    files = [DATA / "namesakes.json", DATA / "namesakes.txt"]
    if request.param == "txt-then-json":
        files.reverse()
    summaries = [importer(database).import_file(f) for f in files]
    return summaries, _match(services, "Home FC", "Away FC")


def test_two_players_with_one_surname_are_not_merged(namesakes, database):
    _, match = namesakes
    by_minute = {m.minute_text: m.player for m in match.moments}
    # "Smith" could be Bob or Jim Smith, and "Smyth" is one letter from both: left alone.
    assert (by_minute["10'"], by_minute["60'"]) == ("Smith", "Smyth")
    # Where one player of the team fits, the goal is his.
    assert (by_minute["30'"], by_minute["50'"]) == ("Carl Jones", "Ed Green")
    # Tom Brown is not in this line-up, but has one of his own the next day: not Dan Brown.
    assert by_minute["70'"] == "Tom Brown"
    assert scorers_without_lineup(database) == {"Smith": 1, "Smyth": 1, "Tom Brown": 1}


def test_the_stray_spellings_are_removed(namesakes, services):
    summaries, _ = namesakes
    removed = sum(s.tallies["people"].removed for s in summaries if "people" in s.tallies)
    added = sum(s.tallies["people"].added for s in summaries if "people" in s.tallies)
    assert removed == (2 if summaries[0].format.endswith("football.json") else 0)
    names = {p.name for p in services.people.all()}
    assert {"Carlos Jones", "Green", "Dan Brown"} & names == {"Dan Brown"}
    assert added - removed == len(names)


def test_a_stray_spelling_someone_wrote_about_is_kept(database, services):
    importer(database).import_file(DATA / "namesakes.json")
    carlos = services.people.find("Carlos Jones")[0]
    services.notes.add("Scouted him in May.", person_id=carlos.id)
    importer(database).import_file(DATA / "namesakes.txt")
    match = _match(services, "Home FC", "Away FC")
    assert next(m.player for m in match.moments if m.minute_text == "30'") == "Carl Jones"
    assert [p.name for p in services.people.find("Carlos Jones")] == ["Carlos Jones"]


def test_likeness_rules():
    assert alike("Kolo Muani", "Randal Kolo Muani")  # words within the other's
    assert alike("Mohammed Kudus", "Kudus Mohammed")
    assert alike("Hakim Zyiech", "Hakim Ziyech")  # surnames one swap apart
    assert not alike("Kai Havertz", "Kai Brandt")  # a first name is not enough
    assert with_accents("Aleksandar Mitrovic", "Mitrović") == "Aleksandar Mitrović"
    assert with_accents("Kalidou Koulibaly", "Koulibaly") == "Kalidou Koulibaly"
