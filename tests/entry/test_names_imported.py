"""An imported fixture is logged live without typing a line-up: the 2022 World Cup final
(openfootball, tests/data/openfootball) through the quick-entry service, as the UI does."""

import pytest

from matchnotes.entry import EntryError, MomentEntry
from matchnotes.entry.roster import Source
from matchnotes.enums import LineupRole, QuoteContext
from matchnotes.services.inputs import LineupInput
from tests.io import SQUADS_TXT, WORLDCUP_JSON


def _match(services, home: str, away: str) -> int:
    return next(m.id for m in services.matches.list_matches() if (m.home, m.away) == (home, away))


@pytest.fixture
def final(services) -> int:
    services.imports.import_file(WORLDCUP_JSON)
    return _match(services, "Argentina", "France")


@pytest.fixture
def with_squads(services, final) -> int:
    services.imports.import_file(SQUADS_TXT)
    return final


def _lineup(services, match_id: int) -> dict[str, tuple[str, LineupRole]]:
    return {e.name: (e.team, e.role) for e in services.lineups.lineup(match_id)}


def test_the_final_has_no_lineup_but_its_scorers_can_be_logged(services, final):
    assert services.lineups.lineup(final) == []
    people = len(services.people.all())
    result = services.quick_entry.record(final, "100 yc Messi")
    assert result.describe() == "100' · Yellow card · Argentina · Lionel Messi (joins the line-up)"
    assert not result.created_person_ids and len(services.people.all()) == people
    assert _lineup(services, final) == {"Lionel Messi": ("Argentina", LineupRole.STARTER)}
    # Minutes apart: a card a minute from the last would ask first (a possible repeat).
    again = services.quick_entry.record(final, "105 yc Messi")  # now from the line-up
    assert again.describe() == "105' · Yellow card · Argentina · Lionel Messi"
    assert services.quick_entry.record(final, "110 yc L. Messi").entry.describe().endswith("Messi")
    assert len(services.lineups.lineup(final)) == 1
    # Julián Álvarez scored in earlier matches, not in this one; Mbappé in this one.
    services.quick_entry.record(final, "103 goal Alvarez (Messi)")
    services.quick_entry.record(final, "104 yc Mbappe foul on Alvarez")
    assert _lineup(services, final) == {
        "Lionel Messi": ("Argentina", LineupRole.STARTER),
        "Julián Álvarez": ("Argentina", LineupRole.STARTER),
        "Kylian Mbappé": ("France", LineupRole.STARTER),
    }


def test_a_substitute_found_in_a_squad_comes_on(services, with_squads):
    services.quick_entry.record(with_squads, "120+1 sub Dybala for Tagliafico")
    assert _lineup(services, with_squads) == {
        "Paulo Dybala": ("Argentina", LineupRole.SUBSTITUTE),
        "Nicolas Tagliafico": ("Argentina", LineupRole.STARTER),
    }


def test_squads_give_the_rest_of_the_players(services, with_squads):
    quick = services.quick_entry
    with pytest.raises(EntryError) as info:
        quick.preview(with_squads, "17 yc Martinez")
    assert [c.split(" (")[0] for c in info.value.candidates] == [
        "Emiliano Martinez",
        "Lisandro Martinez",
        "Lautaro Martinez",
    ]
    assert "Lautaro Martinez (Argentina, #22)" in info.value.candidates
    entry = quick.preview(with_squads, "17 goal A. Tchouameni")
    assert isinstance(entry, MomentEntry) and entry.team and entry.team.name == "France"
    assert entry.player and entry.player.name == "Aurelién Tchouaméni"
    entry = quick.preview(with_squads, "17 goal de paul")
    assert isinstance(entry, MomentEntry) and entry.player
    assert (entry.player.name, entry.description) == ("Rodrigo De Paul", "")
    entry = quick.preview(with_squads, "17 yc Argentina#10")
    assert isinstance(entry, MomentEntry) and entry.player and entry.player.name == "Lionel Messi"
    with pytest.raises(EntryError, match=r"Did you mean Aurelién Tchouaméni \(France, #8\)\?"):
        quick.preview(with_squads, "17 goal Tchouamani")
    roster = quick.roster(with_squads)
    assert roster.lineup == () and roster.directory is None
    assert {p.source for p in roster.people} == {Source.MATCH, Source.TEAM}


def test_quotes_on_the_imported_final(services, with_squads):
    quick, people = services.quick_entry, len(services.people.all())
    said = quick.record(with_squads, '"We suffered, but we won" - Scaloni (press conference)')
    assert said.describe() == (
        "Quote · Lionel Scaloni (press conference): “We suffered, but we won”"
    )
    quick.record(with_squads, "q Messi: It was crazy.")
    quick.record(with_squads, '"So proud" - H. Lloris')
    (scaloni, messi, lloris) = services.quotes.for_match(with_squads)
    assert (scaloni.speaker, scaloni.context) == ("Lionel Scaloni", QuoteContext.PRESS_CONFERENCE)
    assert (messi.speaker, messi.context) == ("Lionel Messi", QuoteContext.POST_MATCH_INTERVIEW)
    assert lloris.speaker == "Hugo Lloris"
    assert len(services.people.all()) == people  # nobody invented
    assert services.lineups.lineup(with_squads) == []  # quoted players did not "play"
    with pytest.raises(EntryError, match='put their name in quotes: - "Wayne Rooney"'):
        quick.record(with_squads, '"A special night" - Wayne Rooney')
    assert len(services.people.all()) == people
    # The team typed before the manager's name puts him in its line-up.
    quick.record(with_squads, '"Thank you" - Argentina Scaloni')
    assert _lineup(services, with_squads) == {"Lionel Scaloni": ("Argentina", LineupRole.MANAGER)}


def test_a_manager_in_a_recent_lineup_joins_as_manager(services, final):
    semi = _match(services, "Argentina", "Croatia")
    argentina = services.matches.get_summary(semi).home_id
    services.lineups.add(semi, LineupInput(argentina, "Lionel Scaloni", LineupRole.MANAGER))
    services.quick_entry.record(final, '"We suffered" - Scaloni')
    assert _lineup(services, final) == {"Lionel Scaloni": ("Argentina", LineupRole.MANAGER)}
    entry = services.quick_entry.preview(final, "110 yc Scaloni")  # now from the line-up
    assert entry.describe() == "110' · Yellow card · Argentina · Lionel Scaloni"
