"""A role that must give its password, on the throwaway test cluster (trust for everyone
else: scripts/with_postgres.sh). pg_hba.conf is rewritten through the server itself and
reloaded; put back to trust-only afterwards."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests.backends import PostgresServer

TRUST = ["local all all trust", "host all all 127.0.0.1/32 trust", "host all all ::1/128 trust"]


@dataclass(frozen=True)
class PasswordRole:
    host: str
    port: int
    user: str
    password: str
    database: str  # an empty database the role owns

    def url(self, password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{self.user}{secret}@{self.host}:{self.port}/{self.database}"


def _write_hba(server: PostgresServer, lines: list[str]) -> None:
    with server._admin.connect() as conn:
        hba = conn.execute(text("SHOW hba_file")).scalar_one()
        values = ", ".join(f"('{line}')" for line in lines)
        conn.execute(text(f"COPY (SELECT * FROM (VALUES {values}) AS t) TO '{hba}'"))
        assert conn.execute(text("SELECT pg_reload_conf()")).scalar_one()


def _wait_for_password_rule(role: PasswordRole) -> None:
    """The reload is signalled, not waited for: wait until a password is asked for."""
    import psycopg

    for _ in range(100):
        try:
            psycopg.connect(host=role.host, port=role.port, user=role.user,
                            dbname=role.database, password="").close()  # fmt: skip
        except psycopg.OperationalError as exc:
            if "password" in str(exc):
                return
        time.sleep(0.05)
    raise AssertionError("the server did not start asking for the password")


@pytest.fixture(name="password_role")
def password_role_fixture(postgres_server: PostgresServer) -> Iterator[PasswordRole]:
    name = f"mn_pw_{os.getpid()}"
    url = make_url(postgres_server._url)
    postgres_server._execute(f"CREATE ROLE {name} LOGIN PASSWORD 'S3cret-pw'")
    postgres_server._execute(f'CREATE DATABASE "{name}" OWNER {name}')
    _write_hba(postgres_server, [f"host all {name} 127.0.0.1/32 scram-sha-256", *TRUST])
    role = PasswordRole(url.host or "127.0.0.1", url.port or 5432, name, "S3cret-pw", name)
    try:
        _wait_for_password_rule(role)
        yield role
    finally:
        _write_hba(postgres_server, TRUST)
        postgres_server._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        postgres_server._execute(f"DROP ROLE IF EXISTS {name}")
