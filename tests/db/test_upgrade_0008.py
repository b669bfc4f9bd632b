"""Schema 0008: on PostgreSQL a moment's logged_at keeps its time zone (0005 lost it);
the instant stored before the upgrade is the instant read after it."""

import datetime as dt

from alembic import command
from sqlalchemy import select, text, update

from matchnotes.db.database import open_database
from matchnotes.db.schema import alembic_config
from matchnotes.enums import MomentKind
from matchnotes.minutes import make_minute
from matchnotes.models import Moment
from matchnotes.services import Services
from matchnotes.services.inputs import MomentInput

BEFORE = "0006"  # the revision 0008 follows (the lead may re-chain it)
TYPED = dt.datetime(2024, 5, 1, 18, 47, 12, tzinfo=dt.UTC)


# A server whose sessions are not in UTC: where 0005 went wrong.
NOT_UTC = """DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET timezone TO %L',
    current_database(), 'America/New_York'); END $$"""


def test_an_older_database_keeps_the_instant_a_line_was_typed(db_target, make_match, database):
    match_id = make_match()
    Services.create(database.engine).moments.log(
        match_id, MomentInput(make_minute(47), MomentKind.CHANCE)
    )
    with database.engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, BEFORE)
        if conn.dialect.name == "postgresql":
            conn.execute(text(NOT_UTC))
    database.engine.dispose()  # new connections: in that time zone
    with database.engine.begin() as conn:  # what the app at schema 0005 wrote
        conn.execute(update(Moment).values(logged_at=TYPED))
    database.close()
    again = open_database(db_target)
    try:
        assert again.report.upgraded_from == BEFORE
        with again.engine.connect() as conn:
            assert conn.execute(select(Moment.logged_at)).scalar_one() == TYPED
    finally:
        again.close()
