"""A competition's page: the 2022 World Cup's group tables as published, its bracket and
its top scorers, computed from the imported results (on SQLite and PostgreSQL)."""

from matchnotes.services.standings import group_of, round_of
from tests.io import WORLDCUP_JSON

# FIFA's final group tables of the 2022 World Cup: team, points, goals for, goals against.
PUBLISHED = {
    "Group A": [("Netherlands", 7, 5, 1), ("Senegal", 6, 5, 4), ("Ecuador", 4, 4, 3),
                ("Qatar", 0, 1, 7)],
    "Group B": [("England", 7, 9, 2), ("USA", 5, 2, 1), ("Iran", 3, 4, 7), ("Wales", 1, 1, 6)],
    "Group C": [("Argentina", 6, 5, 2), ("Poland", 4, 2, 2), ("Mexico", 4, 2, 3),
                ("Saudi Arabia", 3, 3, 5)],
    "Group D": [("France", 6, 6, 3), ("Australia", 6, 3, 4), ("Tunisia", 4, 1, 1),
                ("Denmark", 1, 1, 3)],
    "Group E": [("Japan", 6, 4, 3), ("Spain", 4, 9, 3), ("Germany", 4, 6, 5),
                ("Costa Rica", 3, 3, 11)],
    "Group F": [("Morocco", 7, 4, 1), ("Croatia", 5, 4, 1), ("Belgium", 4, 1, 2),
                ("Canada", 0, 2, 7)],
    "Group G": [("Brazil", 6, 3, 1), ("Switzerland", 6, 4, 3), ("Cameroon", 4, 4, 4),
                ("Serbia", 1, 5, 8)],
    "Group H": [("Portugal", 6, 6, 4), ("South Korea", 4, 4, 4), ("Uruguay", 4, 2, 2),
                ("Ghana", 3, 5, 7)],
}  # fmt: skip


def _world_cup(services):
    services.imports.import_file(WORLDCUP_JSON)
    (competition,) = [c for c in services.catalog.competitions() if "World Cup" in c.name]
    return services.competitions.page(competition.id)


def test_the_group_tables_match_the_published_ones(services):
    page = _world_cup(services)
    assert page.seasons == ("2022",) and page.season == "2022"
    tables = {g.name: g for g in page.tables.groups}
    assert list(tables) == list(PUBLISHED)
    for name, expected in PUBLISHED.items():
        rows = [(r.team, r.points, r.goals_for, r.goals_against) for r in tables[name].rows]
        assert rows == expected, name
        assert (tables[name].matches, tables[name].unplayed) == (6, 0)
        assert all(r.played == 3 and r.won + r.drawn + r.lost == 3 for r in tables[name].rows)


def test_the_bracket_runs_from_the_round_of_16_to_the_final_with_shootout_winners(services):
    page = _world_cup(services)
    rounds = [(r.name, len(r.ties)) for r in page.tables.rounds]
    assert rounds == [("Round of 16", 8), ("Quarter-finals", 4), ("Semi-finals", 2),
                      ("Match for third place", 1), ("Final", 1)]  # fmt: skip
    final = page.tables.rounds[-1].ties[0]
    assert (final.match.home, str(final.match.score), final.match.away) == (
        "Argentina",
        "3–3",
        "France",
    )
    assert str(final.shootout) == "4–2" and final.winner_id == final.match.home_id
    quarter_winners = sorted(
        t.match.home if t.winner_id == t.match.home_id else t.match.away
        for t in page.tables.rounds[1].ties
    )
    assert quarter_winners == ["Argentina", "Croatia", "France", "Morocco"]
    # In bracket order: each tie sits where its winner plays next (semi-finals in turn).
    assert [t.match.home for t in page.tables.rounds[1].ties] == [
        "Netherlands",
        "Croatia",
        "England",
        "Morocco",
    ]
    assert [t.match.home for t in page.tables.rounds[0].ties][:4] == [
        "Netherlands",
        "Argentina",
        "Japan",
        "Brazil",
    ]


def test_top_scorers_count_goals_and_penalties_but_not_own_goals_or_shootout_kicks(services):
    scorers = _world_cup(services).scorers
    assert [(s.name, s.team, s.goals, s.penalties) for s in scorers[:2]] == [
        ("Kylian Mbappé", "France", 8, 2),
        ("Lionel Messi", "Argentina", 7, 4),
    ]


def test_a_season_not_asked_for_falls_back_to_the_newest(services):
    page = _world_cup(services)
    again = services.competitions.page(page.id, "1930")
    assert again.season == "2022" and len(again.matches) == 64


def test_stages_name_groups_and_rounds():
    assert group_of("Group A, Matchday 1") == "Group A"
    assert group_of("group b") == "Group B"
    assert group_of("Quarter-final") is None
    assert round_of("Quarter-final") == "Quarter-final"
    assert round_of("Group C, Matchday 3") is None
    assert round_of("Matchday 12") is None
    assert round_of(None) is None
