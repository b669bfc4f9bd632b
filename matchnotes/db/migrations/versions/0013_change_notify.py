"""change notifications: PostgreSQL tells listeners which match changed (issue 18)

Revision ID: 0013_change_notify
Revises: 0010
Create Date: 2026-12-06

Row triggers on moment, quote, note, lineup_entry and match call
``pg_notify('matchnotes_changes', json)`` with the table, the operation, the row id, the
match id (null for a note on a person) and the writer's backend pid (so a process can
tell its own commits from others'). PostgreSQL delivers a notification when its
transaction commits, and never for one rolled back: a listener reads only committed
rows. No rows change. SQLite has no NOTIFY: there the app watches ``PRAGMA
data_version`` instead (services/live.py), so this revision does nothing on SQLite.
"""

from alembic import op

revision = "0013_change_notify"
down_revision = "0010"
branch_labels = None
depends_on = None

CHANNEL = "matchnotes_changes"
FUNCTION = "matchnotes_notify_change"
# table: the expression of its match id in a row (r is NEW or OLD)
TABLES = {
    "moment": "r.match_id",
    "quote": "r.match_id",
    "note": "r.match_id",
    "lineup_entry": "r.match_id",
    "match": "r.id",
}


def _function_sql() -> str:
    cases = "\n".join(
        f"        WHEN '{table}' THEN match := {expression};"
        for table, expression in TABLES.items()
    )
    return f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger AS $$
DECLARE
    r record;
    match integer;
BEGIN
    IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
    CASE TG_TABLE_NAME
{cases}
        ELSE match := NULL;
    END CASE;
    PERFORM pg_notify('{CHANNEL}', json_build_object(
        'table', TG_TABLE_NAME, 'op', lower(TG_OP), 'id', r.id,
        'match_id', match, 'pid', pg_backend_pid())::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_function_sql())
    for table in TABLES:
        op.execute(
            f'CREATE TRIGGER "{table}_notify_change" AFTER INSERT OR UPDATE OR DELETE '
            f'ON "{table}" FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()'
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f'DROP TRIGGER IF EXISTS "{table}_notify_change" ON "{table}"')
    op.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
