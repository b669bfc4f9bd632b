"""No silent overwrite: two clients on one database (two app instances, each with its own
engine) read the same moment or quote; the first saves, and the second's edit or delete,
made from what it read before, is refused with both sides shown, the first's change kept.
Runs on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from matchnotes.db.database import open_database
from matchnotes.errors import ConflictError
from matchnotes.services import Services
from matchnotes.services.change_log import set_author


@pytest.fixture
def other(db_target: str, services: Services) -> Iterator[Services]:
    """A second client: its own connection to the same database."""
    db = open_database(db_target)
    yield Services.create(db.engine)
    db.close()


@pytest.fixture(autouse=True)
def _no_author() -> Iterator[None]:
    yield
    set_author(None)


def _as(name: str) -> None:
    set_author(name)  # one process plays both reporters: who is typing now


def test_the_second_edit_of_a_moment_is_refused_and_the_first_kept(services, other, demo_match_id):
    moment = services.moments.moments(demo_match_id)[0]
    _, seen_by_a = services.moments.get_input(moment.id)
    _, seen_by_b = other.moments.get_input(moment.id)

    _as("Sam Reporter")
    services.moments.update(moment.id, dataclasses.replace(seen_by_a, description="A's words"))
    _as("Alex Desk")
    with pytest.raises(ConflictError) as refused:
        other.moments.update(moment.id, dataclasses.replace(seen_by_b, description="B's words"))

    message = str(refused.value)
    assert message.startswith("Sam Reporter changed this moment at ")
    assert "Now: " in message and "A's words" in message  # what the other made it
    assert "Yours: " in message and "B's words" in message  # what was refused
    assert "Reload" in message
    assert other.moments.moments(demo_match_id)[0].description == "A's words"
    # Reloaded, B edits the newest and is saved.
    _, fresh = other.moments.get_input(moment.id)
    other.moments.update(moment.id, dataclasses.replace(fresh, description="B's words"))
    assert services.moments.moments(demo_match_id)[0].description == "B's words"


def test_deleting_a_moment_someone_changed_since_is_refused(services, other, demo_match_id):
    seen = other.moments.moments(demo_match_id)[0]
    _, data = services.moments.get_input(seen.id)
    _as("Sam Reporter")
    services.moments.update(seen.id, dataclasses.replace(data, description="A's words"))
    with pytest.raises(ConflictError, match="Sam Reporter changed this moment") as refused:
        other.moments.delete(seen.id, seen=seen.version)
    assert "Yours: delete it" in str(refused.value)
    assert services.moments.moments(demo_match_id)[0].description == "A's words"
    other.moments.delete(seen.id, seen=other.moments.moments(demo_match_id)[0].version)
    assert seen.id not in {m.id for m in services.moments.moments(demo_match_id)}


def test_editing_a_moment_someone_deleted_says_who_deleted_it(services, other, demo_match_id):
    moment = services.moments.moments(demo_match_id)[0]
    _, seen_by_b = other.moments.get_input(moment.id)
    _as("Sam Reporter")
    services.moments.delete(moment.id, seen=moment.version)
    with pytest.raises(ConflictError, match="Sam Reporter deleted this moment at "):
        other.moments.update(moment.id, dataclasses.replace(seen_by_b, description="late"))


def test_the_second_edit_or_delete_of_a_quote_is_refused(services, other, demo_match_id):
    quote = services.quotes.for_match(demo_match_id)[0]
    _, seen_by_a, _ = services.quotes.get_input(quote.id)
    _, seen_by_b, _ = other.quotes.get_input(quote.id)
    _as("Sam Reporter")
    services.quotes.update(quote.id, dataclasses.replace(seen_by_a, text="A's quote"))
    _as("Alex Desk")
    with pytest.raises(ConflictError) as refused:
        other.quotes.update(quote.id, dataclasses.replace(seen_by_b, text="B's quote"))
    assert "Sam Reporter changed this quote" in str(refused.value)
    assert "A's quote" in str(refused.value) and "B's quote" in str(refused.value)
    with pytest.raises(ConflictError, match="Yours: delete it"):
        other.quotes.delete(quote.id, seen=quote.version)
    assert services.quotes.for_match(demo_match_id)[0].text == "A's quote"


def test_a_match_edited_elsewhere_is_not_overwritten(services, other, demo_match_id):
    seen_by_b = other.matches.get_input(demo_match_id)
    services.matches.update_match(
        demo_match_id, dataclasses.replace(services.matches.get_input(demo_match_id), stage="Final")
    )
    with pytest.raises(ConflictError, match="changed this match"):
        other.matches.update_match(demo_match_id, dataclasses.replace(seen_by_b, rating=9))
    with pytest.raises(ConflictError):
        other.matches.delete_match(demo_match_id, seen=seen_by_b.version)
    assert services.matches.get_match(demo_match_id).summary.stage == "Final"


def test_a_note_edited_elsewhere_is_not_overwritten(services, other, demo_match_id):
    note_id = services.notes.add("Cold night", match_id=demo_match_id)
    seen = other.notes.get(note_id)
    services.notes.update(note_id, "Cold night, full house", seen=seen.version)
    with pytest.raises(ConflictError, match="Cold night, full house"):
        other.notes.update(note_id, "Warm night", seen=seen.version)
    assert services.notes.get(note_id).text == "Cold night, full house"


def test_undo_and_redo_move_the_version_on(services, other, demo_match_id):
    moment = services.moments.moments(demo_match_id)[0]
    _, data = services.moments.get_input(moment.id)
    services.moments.update(moment.id, dataclasses.replace(data, description="first"))
    edited = services.moments.moments(demo_match_id)[0].version
    services.history.undo()
    undone = services.moments.moments(demo_match_id)[0]
    assert undone.description == moment.description and undone.version > edited
    # A screen that showed the edit (the version before the undo) is refused…
    with pytest.raises(ConflictError):
        other.moments.delete(moment.id, seen=edited)
    services.history.redo()
    assert services.moments.moments(demo_match_id)[0].description == "first"
    # Undo and redo carry on over both clients' changes, newest first.
    _, fresh = other.moments.get_input(moment.id)
    other.moments.update(moment.id, dataclasses.replace(fresh, description="second"))
    services.history.undo()
    assert services.moments.moments(demo_match_id)[0].description == "first"
    services.history.undo()
    assert services.moments.moments(demo_match_id)[0].description == moment.description


# --- people, teams and line-ups (schema 0017) ---


def test_two_editors_renaming_the_same_player_the_second_is_refused(services, other):
    from matchnotes.services.inputs import PersonInput

    person_id = services.people.create(PersonInput("Kylian Mbappe", shirt_number=10))
    seen_by_a = services.people.get_input(person_id)
    seen_by_b = other.people.get_input(person_id)

    _as("Sam Reporter")
    services.people.update(person_id, dataclasses.replace(seen_by_a, name="Kylian Mbappé"))
    _as("Alex Desk")
    with pytest.raises(ConflictError) as refused:
        other.people.update(person_id, dataclasses.replace(seen_by_b, name="K. Mbappe", club="PSG"))

    message = str(refused.value)
    assert message.startswith("Sam Reporter changed this person at ")
    assert "Now: Kylian Mbappé, player, #10" in message  # what the other made it
    assert "Yours: K. Mbappe, player, #10, club PSG" in message  # what was refused
    assert other.people.get(person_id).name == "Kylian Mbappé"  # the first's change kept
    with pytest.raises(ConflictError, match="Yours: delete this person"):
        other.people.delete(person_id, seen=seen_by_b.version)
    # Reloaded, B edits the newest and is saved.
    fresh = other.people.get_input(person_id)
    other.people.update(person_id, dataclasses.replace(fresh, club="PSG"))
    assert services.people.get(person_id).club == "PSG"
    other.people.delete(person_id, seen=other.people.get(person_id).version)


def test_a_team_renamed_elsewhere_is_not_overwritten(services, other):
    team = services.catalog.ensure_team("Eire", "IRL")
    seen = other.catalog.team(team).version
    _as("Sam Reporter")
    services.catalog.update_team(team, "Ireland", "IRL", seen=services.catalog.team(team).version)
    with pytest.raises(ConflictError) as refused:
        other.catalog.update_team(team, "Republic of Ireland", "IRL", seen=seen)
    message = str(refused.value)
    assert message.startswith("Sam Reporter changed this team at ")
    assert "Now: Ireland (IRL)" in message and "Yours: Republic of Ireland (IRL)" in message
    assert services.catalog.team(team).name == "Ireland"


def test_a_line_up_entry_edited_elsewhere_is_not_overwritten(services, other, demo_match_id):
    entry = services.lineups.lineup(demo_match_id)[0]
    _, seen_by_a, _ = services.lineups.get_input(entry.id)
    _, seen_by_b, _ = other.lineups.get_input(entry.id)
    _as("Sam Reporter")
    services.lineups.update(entry.id, dataclasses.replace(seen_by_a, shirt_number=77))
    with pytest.raises(ConflictError, match="Sam Reporter changed this line-up entry") as refused:
        other.lineups.update(entry.id, dataclasses.replace(seen_by_b, shirt_number=88))
    assert "#77" in str(refused.value) and "#88" in str(refused.value)
    with pytest.raises(ConflictError, match="Yours: remove it from the line-up"):
        other.lineups.remove(entry.id, seen=entry.version)
    assert services.lineups.lineup(demo_match_id)[0].shirt_number == 77


def test_two_editors_saving_the_same_teams_line_up_the_second_is_refused(
    services, other, demo_match_id
):
    from matchnotes.entry.squad_text import parse_squad_text

    team = services.matches.get_summary(demo_match_id).home_id
    text, seen_by_a = services.lineups.stored(demo_match_id, team)
    _, seen_by_b = other.lineups.stored(demo_match_id, team)
    first, *rest = text.splitlines()
    _as("Sam Reporter")
    a_text = "\n".join([*rest, "30 Aaron Ramsdale GK"]) + "\n"
    services.lineups.replace(demo_match_id, {team: parse_squad_text(a_text)}, {team: seen_by_a})
    _as("Alex Desk")
    b_text = text + "31 Dean Henderson\n"
    with pytest.raises(ConflictError) as refused:
        other.lineups.replace(demo_match_id, {team: parse_squad_text(b_text)}, {team: seen_by_b})

    message = str(refused.value)
    assert message.startswith("Sam Reporter changed England's line-up at ")
    now, yours = (line for line in message.splitlines() if line.startswith(("Now:", "Yours:")))
    assert "Aaron Ramsdale" in now and "Dean Henderson" not in now
    assert "Dean Henderson" in yours and first in yours
    assert (
        services.lineups.team_text(demo_match_id, team)
        == other.lineups.stored(demo_match_id, team)[0]
    )
    assert "Aaron Ramsdale" in services.lineups.team_text(demo_match_id, team)
    assert "Dean Henderson" not in services.lineups.team_text(demo_match_id, team)
    # The other team's line-up is not the one changed: saved from the same screen, it goes.
    away = services.matches.get_summary(demo_match_id).away_id
    away_text, away_seen = other.lineups.stored(demo_match_id, away)
    other.lineups.replace(
        demo_match_id, {away: parse_squad_text(away_text + "40 Alphonse Areola\n")},
        {away: away_seen},
    )  # fmt: skip
    assert "Alphonse Areola" in services.lineups.team_text(demo_match_id, away)


def test_on_a_server_two_line_up_saves_at_the_same_instant_cannot_both_pass(
    services, other, demo_match_id, database
):
    """The second waits for the first's commit (a lock on the match row), then sees the
    newer line-up and is refused; a file has SQLite's write lock for the same."""
    if database.is_sqlite:
        pytest.skip("a server's row lock")
    import threading

    from sqlalchemy import text

    from matchnotes.entry.squad_text import parse_squad_text

    team = services.matches.get_summary(demo_match_id).home_id
    stored, seen = other.lineups.stored(demo_match_id, team)
    squad = {team: parse_squad_text(stored + "31 Dean Henderson GK\n")}
    outcome: list[object] = []
    with services.engine.connect() as first:  # a save under way: its lock taken
        first.execute(text("SELECT id FROM match WHERE id = :m FOR NO KEY UPDATE"),
                      {"m": demo_match_id})  # fmt: skip
        first.execute(text("DELETE FROM lineup_entry WHERE id = :e"), {"e": seen[0][0]})

        def second() -> None:
            try:
                outcome.append(other.lineups.replace(demo_match_id, squad, {team: seen}))
            except ConflictError as exc:
                outcome.append(exc)

        thread = threading.Thread(target=second)
        thread.start()
        waiting = text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
        while not first.execute(waiting).scalar_one() and thread.is_alive():
            thread.join(0.05)
        first.commit()
    thread.join()
    assert len(outcome) == 1 and isinstance(outcome[0], ConflictError), outcome
    assert "Dean Henderson" not in services.lineups.team_text(demo_match_id, team)


def test_a_career_baseline_saved_elsewhere_is_not_overwritten_by_the_person_form(services, other):
    import datetime as dt

    from matchnotes.services.inputs import BaselineInput, PersonInput

    person_id = services.people.create(PersonInput("Ellen White"))
    seen_by_b = other.people.get_input(person_id)
    baseline = (BaselineInput("England", dt.date(2022, 8, 1), caps=113, goals=52),)
    services.people.update(
        person_id, dataclasses.replace(services.people.get_input(person_id), baselines=baseline)
    )
    with pytest.raises(ConflictError, match="changed this person"):
        other.people.update(person_id, dataclasses.replace(seen_by_b, club="Man City"))
    assert services.people.get_input(person_id).baselines == baseline
    again = services.people.get_input(person_id)  # saved unchanged: no new version
    services.people.update(person_id, again)
    assert services.people.get(person_id).version == again.version
