"""Schema 0017: people, teams and line-up entries get a row version (1 for every row
already there), and on PostgreSQL a rename trigger; down and up again both ways."""

from alembic import command
from sqlalchemy import inspect, text

from matchnotes.db.database import open_database
from matchnotes.db.schema import alembic_config
from matchnotes.services import Services

BEFORE = "0016_search_rows"
TABLES = ("person", "team", "lineup_entry")
TRIGGERS = "SELECT tgname FROM pg_trigger WHERE tgname LIKE '%_notify_rename' ORDER BY tgname"


def test_rows_already_there_start_at_version_one_and_edits_move_it_on(
    db_target, database, demo_match_id
):
    with database.engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, BEFORE)
        for table in TABLES:
            assert "version" not in {c["name"] for c in inspect(conn).get_columns(table)}
        if conn.dialect.name == "postgresql":
            assert conn.execute(text(TRIGGERS)).all() == []
    database.close()

    again = open_database(db_target)
    try:
        assert again.report.upgraded_from == BEFORE
        with again.engine.connect() as conn:
            for table in TABLES:
                versions = conn.execute(text(f"SELECT DISTINCT version FROM {table}")).all()
                assert versions == [(1,)], table
            if conn.dialect.name == "postgresql":
                names = [name for (name,) in conn.execute(text(TRIGGERS))]
                assert names == ["person_notify_rename", "team_notify_rename"]
        services = Services.create(again.engine)
        entry = services.lineups.lineup(demo_match_id)[0]
        person = services.people.get_input(entry.person_id)
        services.people.update(entry.person_id, person)  # saved unchanged: no new version
        assert services.people.get(entry.person_id).version == 1
        services.catalog.update_team(entry.team_id, "The Three Lions", "ENG", seen=1)
        assert services.catalog.team(entry.team_id).version == 2
    finally:
        again.close()
