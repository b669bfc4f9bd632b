"""row versions for people, teams and line-up entries; a rename told to live pages

Revision ID: 0017_row_versions
Revises: 0016_search_rows
Create Date: 2026-12-07

``version`` on ``person``, ``team`` and ``lineup_entry``, as 0011 gave match, moment,
quote and note: 1 for every existing row, one more on every edit (the mapper's
``version_id_col``), so an edit or delete made from an out-of-date form is refused
(services/conflicts.py) instead of silently overwriting another editor's newer change:
two editors renaming the same player, or saving the same team's line-up at once.

The line-up has its version per ``lineup_entry`` row, not one on the match's line-up as
a whole: the page edits and deletes one entry at a time (its form, Delete), and the
line-up editor saves a team's line-up as the entries it keeps, changes, adds and
removes. The editor hands in the (id, version) of every entry of the team it was filled
from; any entry changed, added or removed since is a newer line-up and the save is
refused. A version on the match instead would be bumped by every line-up save and
refuse an unrelated edit of the match's header (and the other team's line-up).
Venues and competitions are not edited by users (only found or created by name).

PostgreSQL: 0013's triggers tell live pages about the rows of a match; a renamed person
or team changes no such row, so an open page kept the old name. After a statement that
changes the name of a person (or the name or code of a team) a trigger calls
``pg_notify('matchnotes_changes', json)`` once, with the table, ``update``, the row id
when one row was renamed (else null), no match id (the name may be on any page) and the
writer's backend pid: what the SQLite feed tells for the same change history entry, so
a page that shows the name reads itself again (services/live.py). Other updates of
those rows (a shirt number, a club) send nothing.

Plain ADD/DROP COLUMN, not a batch rebuild: rebuilding a table would drop the search
index's triggers on it (0004).
"""

import sqlalchemy as sa
from alembic import op

revision = "0017_row_versions"
down_revision = "0016_search_rows"
branch_labels = None
depends_on = None

VERSIONED = ("person", "team", "lineup_entry")
CHANNEL = "matchnotes_changes"
# table: the columns whose change is shown on match pages
RENAMED = {"person": ("name",), "team": ("name", "code")}
FUNCTION = "matchnotes_notify_rename"


def _function_sql() -> str:
    return f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger AS $$
DECLARE
    renamed integer;
    one integer;
BEGIN
    IF TG_TABLE_NAME = 'team' THEN
        SELECT count(*), min(n.id) INTO renamed, one FROM new_rows n JOIN old_rows o USING (id)
        WHERE n.name IS DISTINCT FROM o.name OR n.code IS DISTINCT FROM o.code;
    ELSE
        SELECT count(*), min(n.id) INTO renamed, one FROM new_rows n JOIN old_rows o USING (id)
        WHERE n.name IS DISTINCT FROM o.name;
    END IF;
    IF renamed > 0 THEN
        PERFORM pg_notify('{CHANNEL}', json_build_object('table', TG_TABLE_NAME,
            'op', 'update', 'id', CASE WHEN renamed = 1 THEN one END, 'match_id', NULL,
            'pid', pg_backend_pid())::text);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_function_sql())
    for table in RENAMED:
        op.execute(
            f'CREATE TRIGGER "{table}_notify_rename" AFTER UPDATE ON "{table}" '
            "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in RENAMED:
            op.execute(f'DROP TRIGGER IF EXISTS "{table}_notify_rename" ON "{table}"')
        op.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
    for table in reversed(VERSIONED):
        op.drop_column(table, "version")
