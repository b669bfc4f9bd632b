"""change notifications: PostgreSQL tells listeners which match changed (issue 18)

Revision ID: 0013_change_notify
Revises: 0012_postgres_search (re-chained at the merge)
Create Date: 2026-12-06

After each statement that inserts, updates or deletes moments, quotes, notes, line-up
entries or matches, a trigger calls ``pg_notify('matchnotes_changes', json)`` once per
match it touched, with the table, the operation, the row id (when the statement touched
one row of that match, as a quick-entry line does; else null), the match id and the
writer's backend pid (so a process can tell its own commits from others'). A statement
touching more than 20 matches (an import, ``matchnotes copy``) sends one notification
without a match id: "reload what you show". Per statement, not per row: a copy of a
million moments costs a few notifications, not a million. PostgreSQL delivers them when
the transaction commits, and never for one rolled back, so a listener reads only
committed rows. Notes on a person (no match) send nothing. No rows change.

SQLite has no NOTIFY: the app watches ``PRAGMA data_version`` there instead
(services/live.py), so this revision does nothing on SQLite.
"""

from alembic import op

revision = "0013_change_notify"
down_revision = "0012_postgres_search"
branch_labels = None
depends_on = None

CHANNEL = "matchnotes_changes"
MANY_MATCHES = 20
# table: the column of its rows that names the match
TABLES = {
    "moment": "match_id",
    "quote": "match_id",
    "note": "match_id",
    "lineup_entry": "match_id",
    "match": "id",
}
# the transition table each operation's trigger sees as changed_rows
ROWS = {"INSERT": "NEW", "UPDATE": "NEW", "DELETE": "OLD"}


def _function(column: str) -> str:
    return f"matchnotes_notify_by_{column}"


def _function_sql(column: str) -> str:
    payload = (
        "json_build_object('table', TG_TABLE_NAME, 'op', lower(TG_OP), 'id', {id},"
        " 'match_id', {match}, 'pid', pg_backend_pid())::text"
    )
    return f"""
CREATE OR REPLACE FUNCTION {_function(column)}() RETURNS trigger AS $$
DECLARE
    matches integer;
BEGIN
    SELECT count(DISTINCT {column}) INTO matches FROM changed_rows;
    IF matches > {MANY_MATCHES} THEN
        PERFORM pg_notify('{CHANNEL}', {payload.format(id="NULL", match="NULL")});
    ELSE
        PERFORM pg_notify('{CHANNEL}',
            {payload.format(id="CASE WHEN count(*) = 1 THEN min(id) END", match=column)})
        FROM changed_rows WHERE {column} IS NOT NULL GROUP BY {column};
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for column in sorted(set(TABLES.values())):
        op.execute(_function_sql(column))
    for table, column in TABLES.items():
        for operation, rows in ROWS.items():
            op.execute(
                f'CREATE TRIGGER "{table}_notify_{operation.lower()}" AFTER {operation} '
                f'ON "{table}" REFERENCING {rows} TABLE AS changed_rows '
                f"FOR EACH STATEMENT EXECUTE FUNCTION {_function(column)}()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        for operation in ROWS:
            op.execute(f'DROP TRIGGER IF EXISTS "{table}_notify_{operation.lower()}" ON "{table}"')
    for column in sorted(set(TABLES.values())):
        op.execute(f"DROP FUNCTION IF EXISTS {_function(column)}()")
