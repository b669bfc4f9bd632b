"""The server database the app opens at start-up, remembered WITHOUT its password.

File ▸ Open server database… stores the address (postgresql://user@host:port/db);
the password is typed when the server asks for it, or found by libpq itself
(~/.pgpass, $PGPASSWORD). --db and $MATCHNOTES_DB win over it (app.target_of).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

SERVER_KEY = "database/server"


def remembered_server() -> str | None:
    value = QSettings().value(SERVER_KEY)
    return str(value) if value else None


def remember_server(url_without_password: str) -> None:
    QSettings().setValue(SERVER_KEY, url_without_password)


def forget_server() -> None:
    QSettings().remove(SERVER_KEY)
