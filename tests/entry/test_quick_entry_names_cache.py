"""The names a line can use are kept between lines, and read again after any change."""

from matchnotes.enums import LineupRole, PersonRole
from matchnotes.services.inputs import LineupInput, PersonInput
from matchnotes.services.quick_entry import QuickEntryService


def test_a_player_added_to_the_line_up_elsewhere_is_found_by_the_next_line(
    services, database, fresh_match
):
    quick = QuickEntryService(database.engine)
    quick.record(fresh_match, "10 yc Kane")  # the names are read and kept
    home = services.matches.get_match(fresh_match).summary.home_id
    services.lineups.add(fresh_match, LineupInput(home, "Ollie Zzyzx", LineupRole.SUBSTITUTE))
    assert any(p.name == "Ollie Zzyzx" for p in quick.roster(fresh_match).lineup)
    result = quick.record(fresh_match, "12 yc Zzyzx")
    assert result.entry.player is not None and result.entry.player.name == "Ollie Zzyzx"


def test_a_new_name_in_quotes_is_known_without_quotes_on_the_next_line(database, fresh_match):
    quick = QuickEntryService(database.engine)
    quick.record(fresh_match, '20 goal ENG "Quentin Qwerty"')
    result = quick.record(fresh_match, "25 yc Qwerty")
    assert result.entry.player is not None and result.entry.player.name == "Quentin Qwerty"


def test_a_renamed_person_is_offered_by_the_new_name(services, database, fresh_match):
    quick = QuickEntryService(database.engine)
    kane = next(p for p in quick.roster(fresh_match).lineup if p.name == "Harry Kane")
    services.people.update(kane.person_id, PersonInput("Harry Kaine", PersonRole.PLAYER))
    names = {p.name for p in quick.roster(fresh_match).lineup}
    assert "Harry Kaine" in names and "Harry Kane" not in names
