"""The change feed (services/live.py): another process's commits, told to a reader.

"Another process" is a second engine on the same database: its own connections, as a
second app or the CLI would have. The feed is asked in a loop, as the window's thread asks.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest

from matchnotes.db.database import Database, open_database
from matchnotes.enums import LineupRole, Period
from matchnotes.minutes import Minute
from matchnotes.services import Services
from matchnotes.services.inputs import LineupInput
from matchnotes.services.live import Change, ChangeFeed, open_feed, page_after
from tests.conftest import team_id


@pytest.fixture
def other(database: Database, db_target: str) -> Iterator[Services]:
    second = open_database(db_target)
    yield Services.create(second.engine)
    second.close()


@pytest.fixture
def feed(database: Database) -> Iterator[ChangeFeed]:
    feed = open_feed(database.engine)
    assert feed.wait(0.1) == []  # connected (or its first data_version read): the baseline
    yield feed
    feed.close()


def told(seen: list[Change]) -> list[Change]:
    """The changes, whoever may have made them (on a file, this process's commits in the
    same half second mark a batch maybe_own)."""
    return [replace(c, maybe_own=False) for c in seen]


def changes_until(feed: ChangeFeed, found: Callable[[list[Change]], bool]) -> list[Change]:
    """Every change the feed tells within 10 s, up to the batch ``found`` accepts."""
    seen: list[Change] = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        seen += feed.wait(0.5)
        if found(seen):
            return seen
    raise AssertionError(f"the feed told only {seen}")


def test_a_line_logged_elsewhere_is_told_with_its_match(
    feed: ChangeFeed, other: Services, make_match: Callable[..., int]
) -> None:
    match_id = make_match()
    moment_id = other.quick_entry.record(match_id, '17 goal Home FC "Kane"').moment_id
    seen = changes_until(
        feed, lambda seen: Change(match_id, "moment", "insert", moment_id) in told(seen)
    )
    # Both name the rows (a server's triggers, a file's change history): the moment, and
    # Kane joining the line-up.
    assert ("lineup_entry", "insert") in {(c.table, c.op) for c in seen if c.match_id == match_id}


def test_the_processs_own_commits_are_not_news_on_a_server(
    feed: ChangeFeed, services: Services, other: Services, make_match: Callable[..., int],
    database: Database,
) -> None:  # fmt: skip
    if database.is_sqlite:
        pytest.skip("SQLite's data_version cannot tell whose commit it was")
    mine = make_match()
    theirs = make_match(home="Other FC", away="Else FC")
    services.quick_entry.record(mine, '12 goal Home FC "Mbappe"')
    other.quick_entry.record(theirs, '13 goal Other FC "Kane"')
    seen = changes_until(feed, lambda seen: any(c.table == "moment" for c in seen))
    assert {c.match_id for c in seen} == {theirs}


def test_a_deleted_moment_is_told(
    feed: ChangeFeed, other: Services, make_match: Callable[..., int]
) -> None:
    match_id = make_match()
    moment_id = other.quick_entry.record(match_id, '17 goal Home FC "Kane"').moment_id
    changes_until(feed, lambda seen: bool(seen))
    other.moments.delete(moment_id)
    changes_until(feed, lambda seen: Change(match_id, "moment", "delete", moment_id) in told(seen))


def test_nothing_is_told_while_nothing_changes(feed: ChangeFeed) -> None:
    assert feed.wait(1.2) == []


def test_a_lost_server_connection_is_opened_again_and_told(
    feed: ChangeFeed, other: Services, make_match: Callable[..., int], database: Database
) -> None:
    if database.is_sqlite:
        pytest.skip("a server's connection")
    from sqlalchemy import text

    with database.engine.connect() as conn:  # the server drops the feed's connection
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND query = 'LISTEN matchnotes_changes'"
            )
        )
    changes_until(feed, lambda seen: Change(None) in seen)  # back: reload what is shown
    match_id = make_match()
    other.quick_entry.record(match_id, '17 goal Home FC "Kane"')
    changes_until(feed, lambda seen: any(c.match_id == match_id for c in seen))


@pytest.mark.sqlite_only
def test_on_a_file_a_change_while_this_process_wrote_may_be_its_own(
    feed: ChangeFeed, services: Services, other: Services, make_match: Callable[..., int]
) -> None:
    match_id = make_match()
    own = changes_until(feed, bool)
    assert Change(match_id, "match", "insert", match_id, maybe_own=True) in own
    assert all(c.maybe_own for c in own)
    other.quick_entry.record(match_id, '17 goal Home FC "Kane"')
    theirs = changes_until(feed, bool)
    assert ("moment", "insert") in {(c.table, c.op) for c in theirs}
    assert not any(c.maybe_own for c in theirs)  # this process wrote nothing


@pytest.mark.sqlite_only
def test_on_a_file_a_commit_the_history_does_not_name_is_told_as_something_changed(
    feed: ChangeFeed, other: Services, make_match: Callable[..., int]
) -> None:
    from sqlalchemy import text

    make_match()
    changes_until(feed, bool)
    with other.engine.begin() as conn:  # another program's own statement, no history entry
        conn.execute(text("UPDATE match SET watched_where = 'pub'"))
    assert changes_until(feed, bool) == [Change(None)]


def test_a_history_entry_is_told_as_the_server_tells_its_rows() -> None:
    import json

    from matchnotes.services.live import recorded_changes

    def rows(*images: tuple[str, int, dict | None, dict | None]) -> str:
        return json.dumps([{"table": t, "key": [k], "before": b, "after": a}
                           for t, k, b, a in images])  # fmt: skip

    assert recorded_changes(None, "import", "[]") == [Change(None)]  # rows not recorded
    line = rows(("person", 4, None, {"id": 4}), ("moment", 9, None, {"id": 9, "match_id": 2}))
    assert recorded_changes(2, "change", line) == [
        Change(2, "person", "insert", 4), Change(2, "moment", "insert", 9),
    ]  # fmt: skip
    renamed = rows(("person", 4, {"id": 4, "name": "Kane"}, {"id": 4, "name": "Harry Kane"}))
    assert recorded_changes(None, "change", renamed) == [Change(None, "person", "update", 4)]
    moved = rows(("note", 3, {"id": 3, "match_id": 1}, {"id": 3, "match_id": 2}))
    assert recorded_changes(1, "change", moved) == [
        Change(1, "note", "update", 3), Change(2, "note", "update", 3),
    ]  # fmt: skip


def test_the_page_after_the_changes_told_is_the_page_read_whole(
    feed: ChangeFeed, services: Services, other: Services, make_match: Callable[..., int]
) -> None:
    match_id = make_match()
    other.quick_entry.record(match_id, '80 goal Home FC "Kane"')
    shown = services.matches.get_match(match_id)  # the page open, Kane's goal on it
    changes_until(feed, bool)
    other.quick_entry.record(match_id, "12 goal Kane early")  # before the goal shown
    other.quick_entry.record(match_id, '"We kept going" - Kane')
    seen = changes_until(
        feed, lambda seen: page_after(services, match_id, shown, seen).quotes != []
    )
    after = page_after(services, match_id, shown, seen)
    assert after == services.matches.get_match(match_id)
    assert [m.score_after.home for m in after.moments] == [1, 2]


def test_what_others_changed_is_put_in_place_as_the_whole_read_would_show_it(
    feed: ChangeFeed, services: Services, other: Services, make_match: Callable[..., int]
) -> None:
    match_id = make_match()
    kane = other.quick_entry.record(match_id, '80 goal Home FC "Kane"').moment_id
    mbappe = other.quick_entry.record(match_id, '30 goal Away FC "Mbappe"').moment_id
    save = other.quick_entry.record(match_id, "5 save Away FC").moment_id
    quote = other.quick_entry.record(match_id, '"We kept going" - Kane').quote_id
    assert kane and mbappe and save and quote
    shown = services.matches.get_match(match_id)  # the page open: 0–1, then 1–1
    changes_until(feed, lambda seen: Change(match_id, "quote", "insert", quote) in told(seen))

    other.quick_entry.record(match_id, "12 goal Kane early")  # before everything shown
    other.moments.delete(mbappe)
    _, moved = other.moments.get_input(kane)
    other.moments.update(kane, replace(moved, minute=Minute(Period.SECOND_HALF, 85)))
    other.quotes.delete(quote)
    other.quick_entry.record(match_id, '"Proud of them" - Kane')
    other.notes.add("Rain at half-time", match_id=match_id)
    other.lineups.add(match_id, LineupInput(team_id(other, "Away FC"), "Lloris",
                                            LineupRole.STARTER, 1, None, True))  # fmt: skip
    edited = replace(other.matches.get_input(match_id), watched_where="the pub")
    other.matches.update_match(match_id, edited)
    seen = changes_until(
        feed, lambda seen: Change(match_id, "match", "update", match_id) in told(seen)
    )

    after = page_after(services, match_id, shown, seen)
    assert after == services.matches.get_match(match_id)  # version too, which == skips:
    assert [m.version for m in after.moments] == [
        m.version for m in services.matches.get_match(match_id).moments
    ]
    assert [(str(m.minute), str(m.score_after)) for m in after.moments] == [
        ("5'", "0–0"), ("12'", "1–0"), ("85'", "2–0")
    ]  # fmt: skip
    assert str(after.summary.score) == "2–0" and after.watched_where == "the pub"
    assert next(m for m in after.moments if m.id == save) is next(
        m for m in shown.moments if m.id == save
    )  # untouched: the very row shown (the page repaints only what changed)


def test_a_change_to_another_match_leaves_the_page_as_it_was(
    feed: ChangeFeed, services: Services, other: Services, make_match: Callable[..., int]
) -> None:
    mine = make_match()
    theirs = make_match(home="Other FC", away="Else FC")
    other.quick_entry.record(mine, '17 goal Home FC "Kane"')
    shown = services.matches.get_match(mine)
    changes_until(feed, bool)
    other.quick_entry.record(theirs, '13 goal Other FC "Giroud"')
    seen = changes_until(feed, lambda seen: any(c.table == "moment" for c in seen))
    assert page_after(services, mine, shown, seen) is shown  # nothing read, nothing shown


def test_a_statement_over_many_matches_is_told_once_without_a_match(
    feed: ChangeFeed, other: Services, make_match: Callable[..., int], database: Database
) -> None:
    if database.is_sqlite:
        pytest.skip("a server's notifications")
    from sqlalchemy import text

    few = [make_match(date=dt.date(2024, 5, day)) for day in (1, 2)]
    with other.engine.begin() as conn:  # another program's one statement over two matches
        conn.execute(text("UPDATE match SET watched_where = 'pub'"))
    seen = changes_until(feed, lambda seen: len(seen) >= 2)
    assert sorted(c.match_id or 0 for c in seen) == few and {c.op for c in seen} == {"update"}
    for day in range(3, 25):
        make_match(date=dt.date(2024, 5, day))
    with other.engine.begin() as conn:  # an import's worth: "reload what you show"
        conn.execute(text("UPDATE match SET watched_where = 'home'"))
    assert changes_until(feed, bool) == [Change(None, "match", "update")]


def test_a_renamed_player_or_team_is_told_and_the_page_shows_the_new_name(
    feed: ChangeFeed, services: Services, other: Services, make_match: Callable[..., int]
) -> None:
    match_id = make_match()
    other.quick_entry.record(match_id, '17 goal Home FC "Kane"')
    shown = services.matches.get_match(match_id)
    changes_until(feed, bool)
    (kane,) = other.people.find("kane")
    other.people.update(kane.id, replace(other.people.get_input(kane.id), name="Harry Kane"))
    seen = changes_until(feed, lambda seen: Change(None, "person", "update", kane.id) in told(seen))
    page = page_after(services, match_id, shown, seen)
    assert page.moments[0].player == "Harry Kane"
    assert {v.name for v in page.lineups} == {"Harry Kane"}

    home = team_id(other, "Home FC")
    other.catalog.update_team(home, "Tottenham Hotspur", "TOT")
    seen = changes_until(feed, lambda seen: Change(None, "team", "update", home) in told(seen))
    assert page_after(services, match_id, page, seen).summary.home == "Tottenham Hotspur"


def test_on_a_server_a_person_changed_but_not_renamed_is_not_news(
    feed: ChangeFeed, other: Services, make_match: Callable[..., int], database: Database
) -> None:
    if database.is_sqlite:
        pytest.skip("a server's notifications (a file's history tells every change)")
    match_id = make_match()
    other.quick_entry.record(match_id, '17 goal Home FC "Kane"')
    changes_until(feed, bool)
    (kane,) = other.people.find("kane")
    other.people.update(kane.id, replace(other.people.get_input(kane.id), club="Bayern"))
    assert feed.wait(1.0) == []
    other.quick_entry.record(match_id, '20 goal Home FC "Kane"')  # the feed still tells
    assert any(c.table == "moment" for c in changes_until(feed, bool))


def test_which_changes_need_a_read_and_of_what() -> None:
    from types import SimpleNamespace

    from matchnotes.services.match_append import PageChanges

    asked: list[object] = []
    whole = object()
    matches = SimpleNamespace(
        get_match=lambda _id: asked.append("whole") or whole,
        page_changes=lambda _id, **parts: asked.append(parts) or PageChanges(),
    )
    services = SimpleNamespace(matches=matches)
    shown = object()

    def after(*changes: Change) -> object:
        asked.clear()
        return page_after(services, 7, shown, changes)  # type: ignore[arg-type]

    # Nothing on this page: no read at all.
    assert after(Change(8, "moment", "insert", 1)) is shown and asked == []
    assert after(Change(None, "person", "insert", 3)) is shown and asked == []
    assert after(Change(None, "note", "insert", 4)) is shown and asked == []  # a person's
    # Rows named: read alone.
    after(Change(7, "moment", "insert", 1), Change(7, "quote", "delete", 2),
          Change(7, "lineup_entry", "insert", 5))  # fmt: skip
    assert asked[0] == {"moment_ids": {1}, "quote_ids": {2}, "lineups": True, "notes": False,
                        "header": False}  # fmt: skip
    # Not told which: the whole match.
    for vague in (
        Change(None),
        Change(7, "moment", "insert", None),
        Change(None, "note", "update", None),  # a server: notes of many matches
        Change(None, "person", "update", 3),
    ):  # a name anywhere on the page
        assert after(vague) is whole, vague
