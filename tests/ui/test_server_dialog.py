"""File ▸ Open server database…, by keys: the form, its connection test (on a worker,
saying what is wrong), the switch to the server, the address remembered without the
password, and the next start asking for the password. Needs a PostgreSQL server for all
but the unreachable one (scripts/with_postgres.sh)."""

import argparse
import socket

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from sqlalchemy import text

from matchnotes import app as app_module
from matchnotes.cli import make_demo_database
from matchnotes.db.database import open_database
from matchnotes.ui.dialogs.server_dialog import TESTING, ServerDialog
from tests.backends import URL_VARIABLE, server_configured
from tests.ui.keys import key, open_form, question
from tests.ui.server_helpers import password_role_fixture  # noqa: F401  (a fixture)

needs_server = pytest.mark.skipif(
    not server_configured(), reason=f"set {URL_VARIABLE} to a throwaway server"
)
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


OPENERS = []  # every window's opener in a test, closed (databases too) at its end


@pytest.fixture(autouse=True)
def no_password_from_libpq(monkeypatch, tmp_path):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.delenv("MATCHNOTES_DB", raising=False)
    QSettings().clear()
    yield
    for opener in [*OPENERS, *(launched.opener for launched in app_module.LAUNCHES)]:
        opener.close()
    OPENERS.clear()
    app_module.LAUNCHES.clear()


def _start(qtbot, db, wait=True):
    launched = app_module.launch(argparse.Namespace(demo=False, db=db, command=None))
    assert launched is not None
    qtbot.addWidget(launched.window)
    OPENERS.append(launched.opener)
    if wait:
        qtbot.waitUntil(lambda: launched.window.services is not None, timeout=30_000)
    return launched


def _open_form(qtbot, window) -> ServerDialog:
    window.activateWindow()
    form = open_form(qtbot, window, Qt.Key.Key_O, CTRL | SHIFT)
    assert isinstance(form, ServerDialog)
    assert QApplication.focusWidget() is form.host
    return form


def _type_fields(qtbot, *values):
    """Each value replaces the focused field's text; Tab goes on to the next field."""
    for value in map(str, values):
        field = QApplication.focusWidget()
        qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
        if value:
            qtbot.keyClicks(field, value)
        else:
            qtbot.keyClick(field, Qt.Key.Key_Delete)
        qtbot.keyClick(field, Qt.Key.Key_Tab)


def _test_connection(qtbot, form) -> str:
    """Tab has left the password for the Test button: Space presses it."""
    assert QApplication.focusWidget() is form.test_button
    qtbot.keyClick(form.test_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: form.test_result.text() not in ("", TESTING), timeout=20_000)
    return form.test_result.text()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_server_is_named_and_nothing_is_remembered(qtbot, tmp_path):
    launched = _start(qtbot, make_demo_database(tmp_path / "demo.sqlite"))
    form = _open_form(qtbot, launched.window)
    _type_fields(qtbot, "127.0.0.1", _free_port(), "diary", "reporter", "")
    said = _test_connection(qtbot, form)
    assert "is not reachable" in said and "Check the host and the port" in said
    qtbot.keyClick(form.test_button, Qt.Key.Key_Escape)  # changed: asks before discarding
    assert question(qtbot).text() == "Discard the changes?"
    key(qtbot, Qt.Key.Key_D)  # &Discard
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)  # the form is gone
    assert QSettings().value("database/server") is None
    assert launched.window.isVisible()


@needs_server
def test_a_missing_database_a_refused_password_and_a_newer_schema_are_named(
    qtbot, tmp_path, password_role, postgres_server
):
    launched = _start(qtbot, make_demo_database(tmp_path / "demo.sqlite"))
    role = password_role
    form = _open_form(qtbot, launched.window)
    _type_fields(qtbot, role.host, role.port, "no_such_db", role.user, role.password)
    assert "has no database “no_such_db”" in _test_connection(qtbot, form)
    qtbot.keyClick(form.test_button, Qt.Key.Key_Tab, SHIFT)  # back to the password
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, SHIFT)
    _type_fields(qtbot, role.database, role.user, "wrong")  # database, user, password
    assert "refused the password" in _test_connection(qtbot, form)

    newer = postgres_server.create_database()
    db = open_database(newer)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.close()
    server = db.engine.url
    for _ in range(5):  # back to Host
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, SHIFT)
    _type_fields(qtbot, server.host, server.port, server.database, server.username, "")
    assert "newer version of MatchNotes" in _test_connection(qtbot, form)
    postgres_server.drop_database(newer)


@needs_server
def test_open_a_server_by_keys_remember_it_without_the_password_and_ask_at_next_start(
    qtbot, tmp_path, password_role
):
    role = password_role
    first = _start(qtbot, make_demo_database(tmp_path / "demo.sqlite"))
    form = _open_form(qtbot, first.window)
    _type_fields(qtbot, role.host, role.port, role.database, role.user, role.password)
    assert "an empty database" in _test_connection(qtbot, form)
    qtbot.keyClick(form.test_button, Qt.Key.Key_Tab, SHIFT)  # the password field
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Open
    qtbot.waitUntil(lambda: not first.window.isVisible(), timeout=30_000)
    switched = app_module.LAUNCHES[-1]
    qtbot.addWidget(switched.window)
    assert switched.window.services is not None
    assert switched.window.services.matches.list_matches() == []
    title = switched.window.windowTitle()
    assert role.url("***") in title and role.password not in title  # hidden, as db/engine does
    assert role.password not in switched.window.db_label.text()

    settings = QSettings()
    stored = {key: str(settings.value(key)) for key in settings.allKeys()}
    assert stored["database/server"] == role.url()
    assert all(role.password not in value for value in stored.values())
    settings.sync()
    with open(settings.fileName(), encoding="utf-8") as file:
        assert role.password not in file.read()
    switched.window.close()

    # The next start opens the remembered server and asks for its password.
    launched = _start(qtbot, None, wait=False)
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), QInputDialog), timeout=30_000
    )
    asking = QApplication.activeModalWidget()
    assert role.url() in asking.labelText()
    qtbot.keyClicks(QApplication.focusWidget(), "wrong")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            isinstance(QApplication.activeModalWidget(), QInputDialog)
            and "refused" in QApplication.activeModalWidget().labelText()
        ),
        timeout=30_000,
    )
    qtbot.keyClicks(QApplication.focusWidget(), role.password)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: launched.window.services is not None, timeout=30_000)
    assert role.password not in launched.window.windowTitle()
    assert role.url() in launched.window.windowTitle()


def test_a_remembered_server_that_cannot_be_opened_does_not_lock_the_user_out(qtbot):
    url = f"postgresql://reporter@127.0.0.1:{_free_port()}/diary"
    QSettings().setValue("database/server", url)
    said = []

    def answer():  # QMessageBox.critical runs its own event loop: answered from inside it
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isActiveWindow():
            QTimer.singleShot(50, answer)
            return
        said.append(box.text())
        qtbot.keyClick(QApplication.focusWidget() or box, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    launched = _start(qtbot, None, wait=False)
    assert launched.window.windowTitle().endswith(url)
    qtbot.waitUntil(lambda: bool(said) and not launched.window.isVisible(), timeout=30_000)
    assert "is not reachable" in said[0] or "Cannot open the database" in said[0]
    assert "The next start opens your diary file" in said[0]
    assert QSettings().value("database/server") is None
