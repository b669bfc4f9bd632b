"""A database server's address, and what is wrong when it cannot be opened.

File ▸ Open server database… builds its address from a form (``ServerAddress``),
remembers it WITHOUT the password, and tests it before switching (``try_server``):
each failure says what is wrong in plain words (server not reachable, database
missing, password refused, schema newer, another program's tables). The test only
reads: it creates and upgrades nothing. A password left out of the address is
libpq's to find (~/.pgpass, $PGPASSWORD); when the server still wants one,
``needs_password`` says so and the app asks for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from matchnotes.errors import DatabaseRefusedError, MatchNotesError

DEFAULT_PORT = 5432
_TIMEOUT = "5"  # seconds before an unreachable server is given up on
_NEEDS_PASSWORD = ("no password supplied", "password authentication failed")


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    database: str
    user: str

    def url(self, password: str | None = None) -> str:
        """postgresql://user[:password]@host:port/database, each part escaped."""
        secret = f":{quote(password, safe='')}" if password else ""
        user = quote(self.user, safe="")
        who = f"{user}{secret}@" if user or secret else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"postgresql://{who}{host}:{self.port}/{quote(self.database, safe='')}"

    @classmethod
    def from_url(cls, url: str) -> ServerAddress:
        """The address in a URL (its password, if any, dropped)."""
        parts = urlsplit(url)
        return cls(
            unquote(parts.hostname or ""),
            parts.port or DEFAULT_PORT,
            unquote(parts.path.lstrip("/")),
            unquote(parts.username or ""),
        )


def is_server_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgresql+psycopg://"))


def needs_password(message: str) -> bool:
    """True when a failure to connect means "the server wants a (right) password"."""
    lowered = message.lower()
    return any(words in lowered for words in _NEEDS_PASSWORD)


def with_password(url: str, password: str) -> str:
    """``url`` with ``password`` in it (kept in memory only, never in the settings)."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(password=password).render_as_string(hide_password=False)


def try_server(url: str) -> str:
    """Connect, read, and say what MatchNotes would find there; raise a MatchNotesError
    that says what is wrong otherwise. Nothing is created or changed."""
    from sqlalchemy import inspect, text
    from sqlalchemy.engine import make_url

    from matchnotes.db.engine import display_location, make_engine
    from matchnotes.db.file_format import head_revision, known_revisions

    address = ServerAddress.from_url(url)
    parsed = make_url(url).update_query_dict({"connect_timeout": _TIMEOUT})
    try:
        engine = make_engine(parsed.render_as_string(hide_password=False))
    except ImportError as exc:
        raise MatchNotesError(f"The PostgreSQL driver is missing ({exc}).") from exc
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            revision, matches = None, 0
            if "alembic_version" in tables:
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                matches = int(conn.execute(text("SELECT count(*) FROM match")).scalar() or 0)
    except MatchNotesError:
        raise
    except Exception as exc:  # the driver's own words, sorted into what the user can fix
        raise MatchNotesError(explain(str(getattr(exc, "orig", exc)), address)) from exc
    finally:
        engine.dispose()
    where = display_location(url)
    if not tables:
        return f"Connected to {where}: an empty database; MatchNotes will create its tables."
    if revision is None:
        raise DatabaseRefusedError(
            f"The database “{address.database}” holds another program's tables, not "
            "MatchNotes'. Give MatchNotes an empty database of its own."
        )
    if revision not in known_revisions():
        raise DatabaseRefusedError(
            f"The database “{address.database}” was written by a newer version of "
            f"MatchNotes (schema {revision}). Update MatchNotes to open it."
        )
    upgrade = "" if revision == head_revision() else " (it will be upgraded when opened)"
    return f"Connected to {where}: a MatchNotes database with {matches:,} matches{upgrade}."


def explain(detail: str, address: ServerAddress) -> str:
    """A driver's message about a failed connection, as what is wrong and what to do."""
    lowered = detail.lower()
    server = f"{address.host}:{address.port}"
    if needs_password(lowered):
        if "no password supplied" in lowered:
            return f"The server wants a password for the user “{address.user}”; type it."
        return (
            f"The server refused the password for the user “{address.user}”. "
            "Check the user name and the password."
        )
    if re.search(r'database ".*" does not exist', lowered):
        return (
            f"The server at {server} has no database “{address.database}”. Check its name, "
            f"or create it (createdb {address.database})."
        )
    if re.search(r'role ".*" does not exist', lowered):
        return f"The server at {server} has no user “{address.user}”. Check the user name."
    unreachable = (
        "connection refused", "could not translate host name", "timeout", "timed out",
        "name or service not known", "no route to host", "network is unreachable",
        "could not connect", "connection failed",
    )  # fmt: skip
    if any(words in lowered for words in unreachable):
        first = detail.strip().splitlines()[-1] if detail.strip() else detail
        return (
            f"The server at {server} is not reachable ({first.strip()}). Check the host "
            "and the port, and that the server is running."
        )
    return f"Cannot connect to {server}: {detail.strip()}"
