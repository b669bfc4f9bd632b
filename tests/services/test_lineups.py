"""Replacing a team's line-up from text: one transaction, people reused, exact undo/redo."""

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import event

from matchnotes.entry.squad_text import parse_squad_text
from matchnotes.enums import LineupRole
from matchnotes.errors import ValidationError
from matchnotes.services.inputs import PersonInput
from tests.conftest import team_id

FRANCE = """1 Hugo Lloris (c) GK
5 Jules Koundé DF
10 Kylian Mbappe FW
Substitutes:
16 Steve Mandanda GK
Manager: Didier Deschamps
"""
NEW = "Warren Zaïre-Emery"


def _lineup(services, match_id, team):
    return [(e.shirt_number, e.name, e.role, e.position, e.captain)
            for e in services.lineups.lineup(match_id) if e.team == team]  # fmt: skip


def _person_count(db_path):
    with sqlite3.connect(db_path) as conn:
        count = conn.execute("SELECT count(*) FROM person").fetchone()[0]
    conn.close()
    return count


def test_replace_reuses_people_by_folded_name_and_keeps_stayers_ids(services, demo_match_id,
                                                                    db_path):  # fmt: skip
    france = team_id(services, "France")
    before_people = _person_count(db_path)
    mbappe = services.people.find("Kylian Mbappé")[0].id
    old_ids = {e.person_id: e.id for e in services.lineups.lineup(demo_match_id)}

    change = services.lineups.replace(demo_match_id, {france: parse_squad_text(FRANCE)})

    assert _lineup(services, demo_match_id, "France") == [
        (1, "Hugo Lloris", LineupRole.STARTER, "GK", True),
        (5, "Jules Koundé", LineupRole.STARTER, "DF", False),
        (10, "Kylian Mbappé", LineupRole.STARTER, "FW", False),  # the stored spelling
        (16, "Steve Mandanda", LineupRole.SUBSTITUTE, "GK", False),
        (None, "Didier Deschamps", LineupRole.MANAGER, None, False),
    ]
    assert _person_count(db_path) == before_people  # nobody duplicated
    after = {e.person_id: e.id for e in services.lineups.lineup(demo_match_id)}
    assert after[mbappe] == old_ids[mbappe]  # the entry of a player who stays keeps its id
    assert len(_lineup(services, demo_match_id, "England")) > 11  # the other team untouched
    assert change.created_people == ()


def test_undo_puts_everything_back_and_redo_the_same_rows(services, demo_match_id, db_path):
    france = team_id(services, "France")
    before = services.lineups.lineup(demo_match_id)
    people = _person_count(db_path)
    text = f"1 Hugo Lloris (c) GK\n18 {NEW} MF\nManager: Didier Deschamps"
    change = services.lineups.replace(demo_match_id, {france: parse_squad_text(text)})
    saved = services.lineups.lineup(demo_match_id)
    assert _person_count(db_path) == people + 1
    assert [p["name"] for p in change.created_people] == [NEW]

    assert services.history.next_undo().summary == "Edited France's line-up"
    services.history.undo()
    assert services.lineups.lineup(demo_match_id) == before
    assert _person_count(db_path) == people
    services.history.redo()
    assert services.lineups.lineup(demo_match_id) == saved  # same ids, same people
    assert services.people.find(NEW)[0].id == change.created_people[0]["id"]


def test_a_created_person_used_since_is_undone_after_what_uses_them(services, demo_match_id):
    france = team_id(services, "France")
    change = services.lineups.replace(demo_match_id, {france: parse_squad_text(f"18 {NEW}")})
    newcomer = change.created_people[0]["id"]
    services.notes.add("Came on late", person_id=newcomer)
    services.history.undo()  # the note first (newest), then the line-up with its newcomer
    assert services.people.get(newcomer).name == NEW
    services.history.undo()
    assert services.people.find(NEW) == []


def test_any_problem_refuses_the_whole_save(services, demo_match_id, db_path):
    france, england = team_id(services, "France"), team_id(services, "England")
    before = services.lineups.lineup(demo_match_id)
    people = _person_count(db_path)
    squads = {  # Kane may move to France only if England's new text drops him
        france: parse_squad_text("1 Hugo Lloris GK\n2 Brand New Player\n3 Harry Kane"),
        england: parse_squad_text("1 Jordan Pickford\n1 Nick Pope\n9 Harry Kane"),
    }
    checks = services.lineups.check(demo_match_id, squads)
    assert [c.status for c in checks[france].lines] == ["known", "new", "known"]
    assert [c.status for c in checks[england].lines] == ["known", "problem", "problem"]
    kane = (
        "Line 3: Harry Kane is in France's line-up (line 3) for this match; "
        "remove them there first."
    )
    worn = "Line 2: #1 is worn by Jordan Pickford (line 1); change one of the numbers."
    assert [str(p) for p in checks[england].problems] == [worn, kane]
    with pytest.raises(ValidationError) as caught:
        services.lineups.replace(demo_match_id, squads)
    assert str(caught.value).splitlines() == [
        "Nothing was saved:",
        f"England, {worn}",
        f"England, {kane}",
    ]
    assert services.lineups.lineup(demo_match_id) == before
    assert _person_count(db_path) == people


def test_a_player_in_the_other_stored_line_up_is_refused(services, demo_match_id):
    france = team_id(services, "France")
    checks = services.lineups.check(demo_match_id, {france: parse_squad_text("9 HARRY KANE")})
    assert str(checks[france].problems[0]) == (
        "Line 1: HARRY KANE is in England's line-up for this match; remove them there first."
    )


def test_shared_names_pick_the_one_who_played_for_the_team_or_ask_for_an_id(
    services, demo_match_id, make_match
):
    france = team_id(services, "France")
    twin = services.people.create(PersonInput("Hugo Lloris", nationality="Elsewhere"))
    lloris = next(p.id for p in services.people.find("Hugo Lloris") if p.id != twin)
    later = make_match("France", "Spain", dt.date(2023, 3, 1))
    check = services.lineups.check(later, {france: parse_squad_text("1 Hugo Lloris")})[france]
    assert check.lines[0].person_id == lloris  # he played for France before

    spain = team_id(services, "Spain")
    check = services.lineups.check(later, {spain: parse_squad_text("1 Hugo Lloris")})[spain]
    message = str(check.problems[0])
    assert message.startswith("Line 1: 2 people are called “Hugo Lloris” (id ")
    assert "Elsewhere" in message and "write “(id N)” after the name" in message
    chosen = parse_squad_text(f"1 Hugo Lloris (id {twin})")
    assert services.lineups.check(later, {spain: chosen})[spain].lines[0].person_id == twin
    text = services.lineups.team_text(demo_match_id, france)  # the id keeps a copy exact
    assert text.splitlines()[0] == f"1 Hugo Lloris (id {lloris}) (c) GK"
    wrong = parse_squad_text(f"1 Harry Kane (id {twin})")
    problem = str(services.lineups.check(later, {spain: wrong})[spain].problems[0])
    assert "is Hugo Lloris, not Harry Kane" in problem


def test_texts_of_this_and_the_previous_match(services, demo_match_id, make_match):
    france = team_id(services, "France")
    text = services.lineups.team_text(demo_match_id, france)
    assert text.splitlines()[0] == "1 Hugo Lloris (c) GK"
    assert "Substitutes:" in text and text.splitlines()[-1] == "Manager: Didier Deschamps"
    assert parse_squad_text(text).problems == ()
    assert services.lineups.previous_text(demo_match_id, france) is None

    later = make_match("Morocco", "France", dt.date(2022, 12, 14))
    services.lineups.replace(later, {france: parse_squad_text("1 Hugo Lloris (c) GK")})
    latest = make_match("Argentina", "France", dt.date(2022, 12, 18))
    copied, title = services.lineups.previous_text(latest, france)
    assert (copied, title) == ("1 Hugo Lloris (c) GK\n", "Morocco v France, 14 Dec 2022")
    copied, title = services.lineups.previous_text(later, france)
    assert title == "England v France, 10 Dec 2022"


def test_a_save_of_both_teams_is_one_commit(services, demo_match_id):
    france, england = team_id(services, "France"), team_id(services, "England")
    commits = []
    listener = lambda conn: commits.append(conn)  # noqa: E731
    event.listen(services.engine, "commit", listener)
    try:
        services.lineups.replace(demo_match_id, {
            france: parse_squad_text(f"1 Hugo Lloris GK\n18 {NEW}"),
            england: parse_squad_text("1 Jordan Pickford GK\n24 Another Newcomer"),
        })  # fmt: skip
    finally:
        event.remove(services.engine, "commit", listener)
    assert len(commits) == 1
    assert len(services.lineups.lineup(demo_match_id)) == 4
