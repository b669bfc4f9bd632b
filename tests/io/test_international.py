"""The international results archive: read (shipped and sliced), imported merged, twice."""

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from matchnotes.enums import Decision, MomentKind
from matchnotes.io.international import is_archive, read_archive, shipped_results
from matchnotes.services.import_international import ImportCancelled
from tests.io import importer

SLICE = Path(__file__).resolve().parents[1] / "data" / "international" / "results.csv"
QUARTER_FINAL = dt.date(2022, 12, 10)


def _match(services, date, home, away):
    found = [s for s in services.matches.list_matches()
             if (s.date, s.home, s.away) == (date, home, away)]  # fmt: skip
    assert len(found) == 1, f"{home} v {away} on {date}: {len(found)} matches"
    return services.matches.get_match(found[0].id)


def _count(database, sql):
    with database.engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


def test_the_shipped_archive_is_whole_and_read_offline():
    archive = read_archive(shipped_results())
    assert shipped_results().name == "results.csv.xz" and is_archive(shipped_results())
    # One shoot-out (Saare County v Åland Islands, 2011) names a match results.csv lacks.
    assert len(archive.matches) == 49_520 and archive.unmatched_goals == 1
    assert sum(len(m.goals) for m in archive.matches) == 47_914
    assert sum(m.shootout_winner is not None for m in archive.matches) == 682
    first = archive.matches[0]
    assert (first.date, first.home, first.away, first.score) == (
        dt.date(1872, 11, 30), "Scotland", "England", (0, 0))  # fmt: skip
    assert any(f.former == "Zaïre" and f.current == "DR Congo" for f in archive.former_names)


def test_the_slice_imports_goals_own_goals_penalties_and_shootouts(database, services):
    summary = importer(database).import_file(SLICE)
    assert (summary.added, summary.unchanged) == (106, 1)  # one line repeats a match
    quarter = _match(services, QUARTER_FINAL, "England", "France")
    assert (quarter.summary.competition, quarter.summary.season) == ("FIFA World Cup", "2022")
    assert (quarter.summary.score.home, quarter.summary.score.away) == (1, 2)
    assert [(m.player, m.kind) for m in quarter.moments] == [
        ("Aurélien Tchouaméni", MomentKind.GOAL), ("Harry Kane", MomentKind.PENALTY_GOAL),
        ("Olivier Giroud", MomentKind.GOAL)]  # fmt: skip
    final = _match(services, dt.date(2018, 7, 15), "France", "Croatia")
    own = next(m for m in final.moments if m.kind is MomentKind.OWN_GOAL)
    assert (own.player, own.team, str(own.minute)) == ("Mario Mandžukić", "Croatia", "18'")
    assert (final.summary.score.home, final.summary.score.away) == (4, 2)
    # Two Mandžukić goals, one each way: one person, of Croatia.
    assert _count(database, "SELECT count(*) FROM person WHERE name = 'Mario Mandžukić'") == 1
    world_final = _match(services, dt.date(2022, 12, 18), "Argentina", "France")
    assert world_final.decided_by is Decision.PENALTIES
    assert (world_final.summary.score.home, world_final.summary.score.away) == (3, 3)
    # Goals without a minute are left out; the score stays the archive's.
    ghana = _match(services, dt.date(1963, 11, 26), "Ghana", "Ethiopia")
    assert ghana.moments == [] and ghana.score_is_override
    assert (ghana.summary.score.home, ghana.summary.score.away) == (2, 0)


def test_a_second_import_changes_nothing_and_leaves_no_history(database, services):
    importer(database).import_file(SLICE)
    tables = ("match", "moment", "person", "team", "competition", "season", "change", "alias")
    before = {t: _count(database, f"SELECT count(*) FROM {t}") for t in tables}
    again = importer(database).import_file(SLICE)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 107)
    assert {t: _count(database, f"SELECT count(*) FROM {t}") for t in tables} == before
    found = services.search.search("Mandžukić")  # the bulk insert indexed its rows once
    assert {r.kind.value for r in found} >= {"person", "moment"}
    assert found.totals[next(k for k in found.totals if k.value == "person")] == 1


def test_a_cancelled_import_saves_nothing(database, services):
    with pytest.raises(ImportCancelled, match="nothing was saved"):
        importer(database).import_international(SLICE, cancel=lambda: True)
    assert services.matches.list_matches() == []


def test_a_team_under_its_former_name_is_kept(database, services, make_match):
    make_match("Zaïre", "Scotland", dt.date(1974, 6, 14))
    importer(database).import_file(SLICE)
    names = {s.home for s in services.matches.list_matches()} | {
        s.away for s in services.matches.list_matches()}  # fmt: skip
    assert "Zaïre" in names and "DR Congo" not in names
    scotland = _match(services, dt.date(1974, 6, 14), "Zaïre", "Scotland")  # the user's, once
    assert (scotland.summary.competition, len(scotland.moments)) == ("FIFA World Cup", 2)


def test_new_teams_are_national_sides_with_their_country_the_users_are_left_alone(
    database, services, make_match
):
    make_match("Scotland", "Wales", dt.date(1990, 1, 1))  # the user's, no country given
    importer(database).import_file(SLICE)
    teams = {t.name: t.country for t in services.catalog.teams()}
    assert teams["England"] == "England" and teams["Scotland"] is None


def test_the_world_cup_files_and_the_archive_merge_into_the_demo(database, services, demo_match_id):
    from tests.io import WORLDCUP_JSON, WORLDCUP_TXT

    before = services.matches.get_match(demo_match_id)
    for source in (WORLDCUP_JSON, WORLDCUP_TXT, SLICE):
        importer(database).import_file(source)
    quarter = _match(services, QUARTER_FINAL, "England", "France")
    assert quarter.id == demo_match_id and quarter.notes == before.notes and quarter.notes
    assert quarter.quotes == before.quotes
    # Nothing of the user's renamed; the files' spellings are aliases.
    summary = quarter.summary
    assert (summary.competition, summary.season, summary.stage) == (
        "FIFA World Cup", "2022", "Quarter-final")  # fmt: skip
    assert _count(database, "SELECT count(*) FROM competition WHERE name LIKE '%World Cup'") == 1
    assert _count(database, "SELECT count(*) FROM team WHERE name = 'United States'") == 0
    aliases = dict(_count_rows(database, "SELECT key, kind FROM alias"))
    assert aliases["world cup"] == "competition" and aliases["united states"] == "team"
    assert aliases["quarter-finals"] == "stage"
    usa = _match(services, dt.date(2022, 11, 21), "USA", "Wales")
    scored = [m.kind for m in usa.moments if m.kind in (MomentKind.GOAL, MomentKind.PENALTY_GOAL)]
    assert len(scored) == 2  # Weah and Bale, once: not again from the archive
    assert len([s for s in services.matches.list_matches() if s.date.year == 2022]) == 64
    # The goals count for the user's players: Kane's penalty is the demo's one moment.
    kane = [m for m in quarter.moments if m.player == "Harry Kane"]
    assert [m.kind for m in kane] == [MomentKind.PENALTY_GOAL, MomentKind.PENALTY_MISSED]
    # Issue 20's checks on the same database: the diary holds only what the fan marked,
    # and the 2022 group tables computed from the merged results are the published ones.
    assert [m.id for m in services.diary.entries()] == [demo_match_id]
    from tests.services.test_competition_page import PUBLISHED

    cup = next(c for c in services.catalog.competitions() if c.name == "FIFA World Cup")
    groups = services.competitions.page(cup.id, "2022").tables.groups
    computed = {g.name: [(r.team, r.points, r.goals_for, r.goals_against) for r in g.rows]
                for g in groups}  # fmt: skip
    assert computed == PUBLISHED


def test_the_archive_goals_count_for_the_users_players(database, services, demo_match_id):
    kane = next(m for m in services.matches.get_match(demo_match_id).moments
                if m.player == "Harry Kane")  # fmt: skip
    importer(database).import_file(SLICE)
    senegal = _match(services, dt.date(2022, 12, 4), "England", "Senegal")  # new, from the archive
    scorers = {m.player: (m.player_id, m.team) for m in senegal.moments}
    assert scorers["Harry Kane"] == (kane.player_id, "England")  # one Harry Kane: his tally grows
    assert _count(database, "SELECT count(*) FROM person WHERE name = 'Harry Kane'") == 1
    giroud = _count(database, "SELECT count(*) FROM person WHERE name = 'Olivier Giroud'")
    assert giroud == 1  # the demo's Giroud scores the archive's France goals too


def _count_rows(database, sql):
    with database.engine.connect() as conn:
        return conn.execute(text(sql)).all()
