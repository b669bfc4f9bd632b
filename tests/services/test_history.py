"""Snapshots restore deleted rows exactly, so undo brings back the same ids."""

from matchnotes.cli import run


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
