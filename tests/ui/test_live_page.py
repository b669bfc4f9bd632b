"""Issue 18: a match page open in the app shows what another reporter logs into the
match (another process: its own engine, or the `matchnotes` command) within 2 s, on a
file and on a server, without anyone touching this window."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from matchnotes.db.database import open_database
from matchnotes.services import Services
from matchnotes.services.inputs import MatchInput
from matchnotes.ui.main_window import MainWindow
from matchnotes.ui.menus import BROWSE_TABS
from tests.backends import server_configured
from tests.ui.keys import target
from tests.ui.quick_entry_helpers import type_keys


@pytest.fixture(params=["sqlite", "postgresql"])
def target_db(request: pytest.FixtureRequest, db_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(db_path)
        return
    if not server_configured():
        pytest.skip("needs a PostgreSQL server: scripts/with_postgres.sh pytest")
    server = request.getfixturevalue("postgres_server")
    url = server.create_database()
    yield url
    server.drop_database(url)


@pytest.fixture
def app_services(target_db: str) -> Iterator[Services]:
    db = open_database(target_db)
    yield Services.create(db.engine)
    db.close()


@pytest.fixture
def reporter(target_db: str, app_services: Services) -> Iterator[Services]:
    """Another reporter's MatchNotes: a second engine on the same database."""
    db = open_database(target_db)
    yield Services.create(db.engine)
    db.close()


@pytest.fixture
def live_window(qtbot, app_services: Services) -> MainWindow:
    QSettings().clear()
    win = MainWindow(app_services, "newsroom")
    qtbot.addWidget(win)
    win.show()
    return win


def new_match(services: Services) -> int:
    return services.matches.create_match(
        MatchInput(home="England", away="France", date=dt.date(2022, 12, 10))
    )


def texts(table) -> list[str]:
    model = table.model()
    return [
        " ".join(str(model.index(r, c).data() or "") for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def open_from_list(qtbot, window: MainWindow, match_id: int):
    """Select the match in the Matches list and press Enter, as a user opens it."""
    window.refresh()
    table = window.matches_view.table
    table.select_id(match_id)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    page = window.tabs.currentWidget()
    assert page.match_id == match_id
    return page


def test_a_goal_logged_by_another_reporter_shows_on_the_open_page(
    qtbot, live_window: MainWindow, app_services: Services, reporter: Services
) -> None:
    match_id = new_match(app_services)
    page = open_from_list(qtbot, live_window, match_id)
    assert texts(page.moments) == []

    reporter.quick_entry.record(match_id, '17 goal France "Tchouameni"')
    qtbot.waitUntil(lambda: any("Tchouameni" in row for row in texts(page.moments)), timeout=2000)
    assert "England 0–1 France" in page.header.text()
    assert live_window.tabs.tabText(live_window.tabs.currentIndex()) == "England 0–1 France"

    reporter.quick_entry.record(match_id, '"We never gave up" - England "Southgate"')
    qtbot.waitUntil(lambda: any("never gave up" in row for row in texts(page.quotes)), timeout=2000)


@pytest.fixture
def sam() -> Iterator[str]:
    """The other reporter's name, as their MatchNotes signs what they log."""
    from matchnotes.services.change_log import set_author

    set_author("Sam Reporter")
    yield "Sam Reporter"
    set_author(None)


def test_others_lines_go_in_their_place_with_who_logged_them_and_the_selection_stays(
    qtbot, live_window: MainWindow, app_services: Services, reporter: Services, sam: str
) -> None:
    match_id = new_match(app_services)
    mbappe = reporter.quick_entry.record(match_id, '80 goal France "Mbappe"').moment_id
    save = reporter.quick_entry.record(match_id, '5 save England "Pickford"').moment_id
    assert save is not None
    page = open_from_list(qtbot, live_window, match_id)
    qtbot.waitUntil(lambda: len(texts(page.moments)) == 2, timeout=2000)
    qtbot.waitUntil(page.is_open)  # filled to its last tab: what a user then sees change
    table = page.moments  # the user clicks Mbappe's goal, to read it
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(1, 3)).center())  # fmt: skip
    assert table.current_id() == mbappe

    # Put in place row by row, not the list reset under the user's eyes.
    with qtbot.assertNotEmitted(table.model().modelReset):
        reporter.quick_entry.record(match_id, '12 goal England "Kane"')  # logged late, early on
        reporter.moments.delete(save)
        reporter.quick_entry.record(match_id, '"We never gave up" - England "Southgate"')
        qtbot.waitUntil(lambda: any("Kane" in row for row in texts(table)), timeout=2000)
        qtbot.waitUntil(lambda: len(texts(table)) == 2, timeout=2000)
    rows = texts(table)
    assert "12'" in rows[0] and "Kane" in rows[0] and "1–0" in rows[0] and sam in rows[0]
    assert "80'" in rows[1] and "Mbappe" in rows[1] and "1–1" in rows[1]
    assert "England 1–1 France" in page.header.text()
    assert table.current_id() == mbappe  # still what the user was reading
    qtbot.waitUntil(lambda: any("never gave up" in row for row in texts(page.quotes)), timeout=2000)
    assert sam in texts(page.quotes)[0]


def test_the_matches_list_shows_the_new_score(
    qtbot, live_window: MainWindow, app_services: Services, reporter: Services
) -> None:
    view = live_window.matches_view
    match_id = new_match(reporter)  # the other reporter creates the match: it is listed
    qtbot.waitUntil(lambda: any("England" in row for row in texts(view.table)), timeout=2000)
    assert not any("1–0" in row for row in texts(view.table))
    reporter.quick_entry.record(match_id, '54 pen England "Kane"')
    qtbot.waitUntil(lambda: any("1–0" in row for row in texts(view.table)), timeout=2000)


def test_a_name_another_reporter_added_is_known_to_this_line(
    qtbot, live_window: MainWindow, app_services: Services, reporter: Services
) -> None:
    match_id = new_match(app_services)
    page = open_from_list(qtbot, live_window, match_id)
    qtbot.waitUntil(lambda: page.quick_entry.names_loaded)
    reporter.quick_entry.record(match_id, '54 pen England "Kane"')
    qtbot.waitUntil(lambda: len(texts(page.moments)) == 1, timeout=2000)

    qtbot.waitUntil(lambda: QApplication.activeWindow() is live_window)
    qtbot.keyClick(live_window, Qt.Key.Key_F2)
    type_keys(qtbot, "84 pen miss Kane")
    qtbot.keyClick(target(), Qt.Key.Key_Return)
    assert page.quick_entry.line.text() == ""  # saved, not refused as someone unknown
    assert len(app_services.people.all()) == 1  # the same Kane, not a second one


def test_a_line_logged_with_the_command_shows_on_the_open_page(
    qtbot, live_window: MainWindow, app_services: Services, target_db: str
) -> None:
    match_id = new_match(app_services)
    page = open_from_list(qtbot, live_window, match_id)
    command = [sys.executable, "-m", "matchnotes", "--db", target_db, "log", "--match",
               str(match_id), '78 goal France "Giroud" header']  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    qtbot.waitUntil(lambda: any("Giroud" in row for row in texts(page.moments)), timeout=2000)


def test_a_player_or_team_renamed_by_another_editor_shows_renamed_on_the_open_page(
    qtbot, live_window: MainWindow, app_services: Services, reporter: Services
) -> None:
    from dataclasses import replace

    match_id = new_match(app_services)
    reporter.quick_entry.record(match_id, '17 goal France "Tchouameni"')
    page = open_from_list(qtbot, live_window, match_id)
    qtbot.waitUntil(lambda: any("Tchouameni" in row for row in texts(page.moments)), timeout=2000)
    qtbot.waitUntil(page.is_open)

    (player,) = reporter.people.find("tchouameni")
    data = reporter.people.get_input(player.id)
    reporter.people.update(player.id, replace(data, name="Aurélien Tchouaméni"))
    qtbot.waitUntil(
        lambda: any("Aurélien Tchouaméni" in r for r in texts(page.moments)), timeout=2000
    )
    france = reporter.catalog.ensure_team("France")
    reporter.catalog.update_team(france, "Les Bleus", "FRA")
    qtbot.waitUntil(lambda: "England 0–1 Les Bleus" in page.header.text(), timeout=2000)


def test_a_match_deleted_elsewhere_closes_its_page(
    qtbot, live_window: MainWindow, app_services: Services, reporter: Services
) -> None:
    match_id = new_match(app_services)
    page = open_from_list(qtbot, live_window, match_id)
    qtbot.waitUntil(page.is_open)  # on screen (deleted while it opens: its read says so)
    reporter.matches.delete_match(match_id)
    qtbot.waitUntil(lambda: live_window.tabs.count() == len(BROWSE_TABS), timeout=2000)
    assert "deleted elsewhere" in live_window.statusBar().currentMessage()


def test_closing_the_window_stops_the_feed(qtbot, live_window: MainWindow) -> None:
    assert any(t.name == "matchnotes-live" for t in threading.enumerate())
    live_window.close()
    assert not any(t.name == "matchnotes-live" for t in threading.enumerate())
