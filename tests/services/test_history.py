"""Snapshots restore deleted rows exactly, so undo brings back the same ids."""

import datetime as dt

from matchnotes.cli import run
from matchnotes.enums import LineupRole, MatchStatus


def _show(capsys, db_path, match_id):
    capsys.readouterr()
    assert run(["show", str(match_id), "--json", "--db", str(db_path)]) == 0
    return capsys.readouterr().out


def test_deleted_match_comes_back_whole(services, demo_match_id, db_path, capsys):
    before = _show(capsys, db_path, demo_match_id)
    snapshot = services.history.snapshot_match(demo_match_id)
    services.matches.delete_match(demo_match_id)
    assert services.matches.list_matches() == []
    services.history.restore(snapshot)
    assert _show(capsys, db_path, demo_match_id) == before


def test_deleted_moment_comes_back_with_its_quote_link(services, demo_match_id):
    detail = services.matches.get_match(demo_match_id)
    linked = next(q for q in detail.quotes if q.moment_id is not None)
    moment_id = linked.moment_id
    snapshot = services.history.snapshot("moment", moment_id)
    services.moments.delete(moment_id)
    assert all(q.moment_id is None for q in services.quotes.for_match(demo_match_id))
    services.history.restore(snapshot)
    again = services.matches.get_match(demo_match_id)
    assert [m.id for m in again.moments] == [m.id for m in detail.moments]
    assert next(q for q in again.quotes if q.id == linked.id).moment_id == moment_id
    services.history.delete_rows(snapshot)
    assert len(services.moments.moments(demo_match_id)) == len(detail.moments) - 1


def test_a_logged_line_is_taken_back_with_whom_it_added(services, make_match, make_player):
    """What the quick-entry line's undo does: the rows a line made, removed and put back."""
    earlier = make_match("Argentina", "Croatia", dt.date(2022, 12, 13))
    make_player(earlier, "Argentina", "Paulo Dybala", 21)
    make_player(earlier, "Argentina", "Lionel Scaloni", role=LineupRole.MANAGER)
    final = make_match("Argentina", "France", dt.date(2022, 12, 18), status=MatchStatus.LIVE)
    make_player(final, "Argentina", "Lionel Messi", 10)
    result = services.quick_entry.record(final, '70 sub Dybala for "Nuevo Jugador"')
    assert len(result.created_person_ids) == 1 and len(result.joined_lineup_ids) == 2
    said = services.quick_entry.record(final, '"We suffered" - Scaloni')
    assert len(said.joined_lineup_ids) == 1  # a manager found outside the line-up joins it
    rows = [("person", i) for i in result.created_person_ids]
    rows += [("lineup_entry", i) for i in result.joined_lineup_ids]
    snapshot = services.history.snapshot_rows([*rows, ("moment", result.moment_id)])
    lineup = sorted(e.id for e in services.lineups.lineup(final))

    services.history.delete_all(snapshot)
    assert services.moments.moments(final) == []
    assert [e.name for e in services.lineups.lineup(final)] == ["Lionel Messi", "Lionel Scaloni"]
    assert services.people.find("Nuevo") == [] and services.people.find("Dybala") != []
    services.history.restore(snapshot)
    assert sorted(e.id for e in services.lineups.lineup(final)) == lineup
    assert [m.id for m in services.moments.moments(final)] == [result.moment_id]
