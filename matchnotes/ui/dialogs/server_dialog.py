"""File ▸ Open server database…: where the server is, a test, then the switch.

The form takes host, port, database, user and password; "Test connection" tries them
on a worker and says what is wrong in plain words (services/server_check.py). On OK
the address is remembered for the next start WITHOUT the password (ui/server_settings)
and the app switches to that database; the password lives only in memory.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from matchnotes.services.server_check import DEFAULT_PORT, ServerAddress, try_server
from matchnotes.ui.dialogs.form import FormDialog, required
from matchnotes.ui.server_settings import remember_server, remembered_server
from matchnotes.ui.workers import BackgroundOp

TESTING = "Testing the connection…"
FAILED_STYLE, PASSED_STYLE = "color: #d7263d;", "color: #2e7d32;"


class ServerDialog(FormDialog):
    """The server's address and password; ``address`` and ``password`` once accepted."""

    def __init__(self, parent: QWidget | None = None, start: ServerAddress | None = None) -> None:
        super().__init__("Open server database", parent)
        start = start or ServerAddress("localhost", DEFAULT_PORT, "matchnotes", _os_user())
        self.host = self._field("Host:", start.host, "localhost or db.example.org",
                                "Type the server's host name or address.")  # fmt: skip
        self.port = self._field("Port:", str(start.port), str(DEFAULT_PORT))
        self.database = self._field("Database:", start.database, "matchnotes",
                                    "Type the name of the database on the server.")  # fmt: skip
        self.user = self._field("User:", start.user, "your user name on the server",
                                "Type your user name on the server.")  # fmt: skip
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("empty: ~/.pgpass or $PGPASSWORD, or asked when needed")
        self.add_row("Password:", self.password)
        self.test_button = QPushButton("&Test connection")
        self.test_button.clicked.connect(self.test_connection)
        self.add_row("", self.test_button)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextFormat(Qt.TextFormat.PlainText)  # messages quote user text
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.test_result)
        self.ok_button.setText("&Open")
        self.keys_hint.setText("Enter opens · Esc closes")
        self.ok_button.setToolTip("Open this database (Enter); it is opened at the next start")
        self.test_op: BackgroundOp | None = None
        self.validate()

    def _field(self, label: str, text: str, placeholder: str, missing: str = "") -> QLineEdit:
        field = QLineEdit(text)
        field.setPlaceholderText(placeholder)
        check = required(field.text, missing) if missing else self._port_problem
        self.add_row(label, field, check)
        return field

    def _port_problem(self) -> str | None:
        text = self.port.text().strip()
        if text.isdigit() and 0 < int(text) < 65536:
            return None
        return "The port is a number from 1 to 65535 (PostgreSQL's is usually 5432)."

    @property
    def address(self) -> ServerAddress:
        return ServerAddress(
            self.host.text().strip(),
            int(self.port.text().strip() or DEFAULT_PORT),
            self.database.text().strip(),
            self.user.text().strip(),
        )

    def url(self) -> str:
        """The address with the password typed (for this session only)."""
        return self.address.url(self.password.text() or None)

    def test_connection(self) -> BackgroundOp | None:
        # The button stays enabled (disabling it would move the focus away from it);
        # a press while a test runs is ignored.
        if (self.test_op is not None and not self.test_op.done) or not self.validate():
            return None
        self.test_result.setStyleSheet("")
        self.test_result.setText(TESTING)
        url = self.url()
        self.test_op = (
            BackgroundOp(self, lambda _progress: try_server(url))
            .on_success(lambda said: self._tested(str(said), PASSED_STYLE))
            .on_failure(lambda message: self._tested(message, FAILED_STYLE))
            .run()
        )
        return self.test_op

    def _tested(self, message: str, style: str) -> None:
        self.test_result.setStyleSheet(style)
        self.test_result.setText(message)


def ask_for_server(window: QWidget, switch: Callable[[QWidget, str], object]) -> ServerDialog:
    """Open the form (without a nested event loop); on Open, remember the address and
    ``switch(window, url)`` to the database."""
    remembered = remembered_server()
    dialog = ServerDialog(window, ServerAddress.from_url(remembered) if remembered else None)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen() -> None:
        remember_server(dialog.address.url())  # never the password
        switch(window, dialog.url())

    dialog.accepted.connect(chosen)
    dialog.open()
    return dialog


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this user id (a container)
        return ""
