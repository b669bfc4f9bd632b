"""The change feed (services/live.py): another process's commits, told to a reader.

"Another process" is a second engine on the same database: its own connections, as a
second app or the CLI would have. The feed is asked in a loop, as the window's thread asks.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator

import pytest

from matchnotes.db.database import Database, open_database
from matchnotes.services import Services
from matchnotes.services.live import Change, ChangeFeed, open_feed, page_after


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
    feed: ChangeFeed, other: Services, make_match: Callable[..., int], database: Database
) -> None:
    match_id = make_match()
    other.quick_entry.record(match_id, '17 goal Home FC "Kane"')
    sqlite = database.is_sqlite
    seen = changes_until(
        feed, lambda seen: any(c.match_id in ((None,) if sqlite else (match_id,)) for c in seen)
    )
    if not sqlite:  # the server names the rows: the moment, and Kane joining the line-up
        tables = {(c.table, c.op) for c in seen if c.match_id == match_id}
        assert ("moment", "insert") in tables
        assert ("lineup_entry", "insert") in tables


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
    feed: ChangeFeed, other: Services, make_match: Callable[..., int], database: Database
) -> None:
    match_id = make_match()
    moment_id = other.quick_entry.record(match_id, '17 goal Home FC "Kane"').moment_id
    changes_until(feed, lambda seen: bool(seen))
    other.moments.delete(moment_id)
    wanted = Change(None) if database.is_sqlite else Change(match_id, "moment", "delete", moment_id)
    changes_until(feed, lambda seen: wanted in seen)


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
    assert changes_until(feed, bool) == [Change(None, maybe_own=True)]
    other.quick_entry.record(match_id, '17 goal Home FC "Kane"')
    assert changes_until(feed, bool) == [Change(None)]  # this process wrote nothing


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
