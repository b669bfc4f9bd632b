"""The change history: every service change recorded, undone and redone exactly."""

import datetime as dt

import pytest
from sqlalchemy import text

from matchnotes.cli import run
from matchnotes.db.database import open_database
from matchnotes.enums import LineupRole, MatchStatus, MomentKind, Period
from matchnotes.errors import MatchNotesError
from matchnotes.services import Services
from matchnotes.services.change_log import set_author


def _show(capsys, db_path, match_id):
    capsys.readouterr()
    assert run(["show", str(match_id), "--json", "--db", str(db_path)]) == 0
    return capsys.readouterr().out


def _tables(engine):
    """Every row as it reads, but its version: an undo or redo moves that on (a change)."""
    names = ["match", "lineup_entry", "moment", "quote", "note", "person", "match_tag", "tag"]
    with engine.connect() as conn:
        return {
            n: [
                {k: v for k, v in row.items() if k != "version"}
                for row in conn.execute(text(f"SELECT * FROM {n} ORDER BY 1, 2")).mappings()
            ]
            for n in names
        }


def test_a_deleted_match_comes_back_whole_with_its_ids(services, demo_match_id, db_path, capsys):
    before, rows = _show(capsys, db_path, demo_match_id), _tables(services.engine)
    services.matches.delete_match(demo_match_id)
    assert services.history.list(limit=1)[0].summary.startswith("Deleted match England v France")
    assert services.matches.list_matches() == []
    undone = services.history.undo()
    assert undone.summary.startswith("Deleted match") and undone.undone
    assert _show(capsys, db_path, demo_match_id) == before
    assert _tables(services.engine) == rows
    services.history.redo()
    assert services.matches.list_matches() == []
    services.history.undo()
    assert _tables(services.engine) == rows


def test_each_kind_of_change_is_undone_and_redone_exactly(services, demo_match_id):
    engine = services.engine
    moment = services.matches.get_match(demo_match_id).moments[0]
    quote = services.quotes.for_match(demo_match_id)[0]
    steps = [
        lambda: services.moments.delete(moment.id),
        lambda: services.quotes.delete(quote.id),
        lambda: services.notes.add("Cold night in Al Khor", match_id=demo_match_id),
        lambda: services.notes.update(services.notes.for_match(demo_match_id)[0].id, "Edited"),
        lambda: services.quick_entry.record(demo_match_id, "60 yellow Kane"),
    ]
    states = [_tables(engine)]
    for step in steps:
        step()
        states.append(_tables(engine))
    for state in reversed(states[:-1]):
        services.history.undo()
        assert _tables(engine) == state
    for state in states[1:]:
        services.history.redo()
        assert _tables(engine) == state
    with pytest.raises(MatchNotesError, match="Nothing to redo"):
        services.history.redo()


def test_the_summary_says_what_happened_and_who_did_it(services, demo_match_id):
    set_author("Reporter One")
    try:
        services.quick_entry.record(demo_match_id, "60 yellow Kane")
    finally:
        set_author(None)
    entry = services.history.list(match_id=demo_match_id, limit=1)[0]
    assert entry.summary == "Logged 60' Yellow card Harry Kane"
    assert entry.author == "Reporter One" and entry.match_id == demo_match_id
    assert abs(dt.datetime.now(dt.UTC) - entry.at) < dt.timedelta(minutes=5)
    quote = services.quotes.for_match(demo_match_id)[-1]
    services.quotes.delete(quote.id)
    assert services.history.list(limit=1)[0].summary.startswith("Deleted quote by ")
    services.history.undo()
    newest = services.history.list(limit=1)[0]
    assert newest.kind == "undo" and newest.summary.startswith("Undid: Deleted quote by ")


def test_undo_refuses_when_the_rows_changed_since(services, make_match):
    match_id = make_match("Argentina", "France", dt.date(2022, 12, 18))
    note_id = services.notes.add("Messi lifts it", match_id=match_id)
    with services.engine.begin() as conn:  # a write outside the history (another program)
        conn.execute(
            text("UPDATE note SET text = 'changed elsewhere' WHERE id = :i"), {"i": note_id}
        )
    with pytest.raises(MatchNotesError, match="later change built on it"):
        services.history.undo()
    assert services.notes.get(note_id).text == "changed elsewhere"  # nothing was changed


def test_undo_refuses_a_match_that_rows_now_depend_on(services, make_match):
    match_id = make_match("Argentina", "France", dt.date(2022, 12, 18))
    with services.engine.begin() as conn:
        insert = (
            "INSERT INTO note (match_id, text, created_at, updated_at) VALUES (:m, 'x', :t, :t)"
        )
        conn.execute(text(insert), {"m": match_id, "t": "2022-12-18 20:00:00"})
    with pytest.raises(MatchNotesError, match="built on it"):
        services.history.undo()
    assert services.matches.get_summary(match_id)


def test_an_import_is_one_entry_that_points_at_the_backup(services, tmp_path):
    services.imports.import_bytes(b'{"name": "WC", "matches": []}', "wc.json")
    (entry,) = services.history.list(limit=1)
    assert entry.kind == "import" and entry.summary == "Imported wc.json"
    with pytest.raises(MatchNotesError, match="backup made just before"):
        services.history.undo()


def test_history_survives_a_restart(db_path, make_match, services, make_player):
    match_id = make_match("Argentina", "France", dt.date(2022, 12, 18), status=MatchStatus.LIVE)
    make_player(match_id, "Argentina", "Lionel Messi", 10)
    services.quick_entry.record(match_id, "23 pen goal Messi")
    services.engine.dispose()
    db = open_database(db_path)  # a new engine on the same file: the app started again
    try:
        again = Services.create(db.engine)
        assert again.history.next_undo().summary == "Logged 23' Penalty goal Lionel Messi"
        again.history.undo()
        assert again.moments.moments(match_id) == []
    finally:
        db.close()
    db = open_database(db_path)
    try:
        again = Services.create(db.engine)
        assert again.history.next_redo().summary == "Logged 23' Penalty goal Lionel Messi"
        again.history.redo()
        (moment,) = again.moments.moments(match_id)
        assert moment.kind is MomentKind.PENALTY_GOAL and moment.minute.period is Period.FIRST_HALF
    finally:
        db.close()


def test_a_logged_line_is_taken_back_with_whom_it_added(services, make_match, make_player):
    earlier = make_match("Argentina", "Croatia", dt.date(2022, 12, 13))
    make_player(earlier, "Argentina", "Paulo Dybala", 21)
    make_player(earlier, "Argentina", "Lionel Scaloni", role=LineupRole.MANAGER)
    final = make_match("Argentina", "France", dt.date(2022, 12, 18), status=MatchStatus.LIVE)
    make_player(final, "Argentina", "Lionel Messi", 10)
    result = services.quick_entry.record(final, '70 sub Dybala for "Nuevo Jugador"')
    lineup = sorted(e.id for e in services.lineups.lineup(final))
    services.history.undo()
    assert services.moments.moments(final) == []
    assert [e.name for e in services.lineups.lineup(final)] == ["Lionel Messi"]
    assert services.people.find("Nuevo") == [] and services.people.find("Dybala") != []
    services.history.redo()
    assert sorted(e.id for e in services.lineups.lineup(final)) == lineup
    assert [m.id for m in services.moments.moments(final)] == [result.moment_id]


def test_a_new_change_after_an_undo_leaves_nothing_to_redo(services, make_match):
    match_id = make_match("Argentina", "France", dt.date(2022, 12, 18))
    services.notes.add("First thoughts", match_id=match_id)
    services.history.undo()
    assert services.history.next_redo().summary.startswith("Added note on Argentina v France")
    services.notes.add("Second thoughts", match_id=match_id)
    assert services.history.next_redo() is None
    with pytest.raises(MatchNotesError, match="Nothing to redo"):
        services.history.redo()
    assert [n.text for n in services.notes.for_match(match_id)] == ["Second thoughts"]
