"""Quote speakers are found like players: initials, beginnings, near misses, candidates,
managers and staff; new only when typed in quotes; "(press conference)" is the context."""

from dataclasses import replace

import pytest

from matchnotes.entry import EntryError, PersonRef, QuoteEntry, Roster, RosterPerson, parse_line
from matchnotes.entry.roster import Source
from matchnotes.enums import LineupRole, QuoteContext
from tests.entry import ENGLAND, FRANCE, demo_roster, person_id


def quote(line: str, roster: Roster | None = None) -> QuoteEntry:
    entry = parse_line(line, roster or demo_roster())
    assert isinstance(entry, QuoteEntry)
    return entry


def refusal(line: str, roster: Roster | None = None) -> EntryError:
    with pytest.raises(EntryError) as info:
        parse_line(line, roster or demo_roster())
    return info.value


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ('"We had belief" - H. Kane', "Harry Kane"),
        ('"We had belief" - Kane (press conference)', "Harry Kane"),
        ('"Proud of them" - Southgat', "Gareth Southgate"),
        ('"Proud of them" - southgate', "Gareth Southgate"),
        ('"Fier" - Deschamps', "Didier Deschamps"),
        ('"Fier" - D. Deschamps', "Didier Deschamps"),
        ('"Merci" - Tchouaméni', "Aurélien Tchouaméni"),
        ('"Merci" - FRA#10', "Kylian Mbappé"),
        ('"Merci" - france Mbappe', "Kylian Mbappé"),
        ("q G. Southgate (press conference): Without Harry's goals", "Gareth Southgate"),
    ],
)
def test_speakers_are_found_like_players(line, speaker):
    entry = quote(line)
    assert entry.speaker == PersonRef(speaker, person_id(speaker), entry.speaker.team_id)
    assert not entry.speaker.is_new


def test_an_unknown_speaker_is_refused_not_invented():
    error = refusal('"A special night" - Wayne Rooney')
    assert str(error) == (
        "Nobody in the line-ups is called “Wayne Rooney”. "
        'To quote someone new, put their name in quotes: - "Wayne Rooney".'
    )
    near = refusal('"Proud" - Southgaet')
    assert near.candidates == ("Gareth Southgate (England, manager)",)
    assert "Did you mean Gareth Southgate (England, manager)?" in str(near)
    both = refusal('"Great" - Harry')
    assert both.candidates == ("Harry Maguire (England, #6)", "Harry Kane (England, #9)")


def test_a_new_speaker_is_typed_in_quotes():
    entry = quote('"A special night" - "Wayne Rooney"')
    assert entry.speaker == PersonRef("Wayne Rooney")
    assert quote('q "Wayne Rooney": A special night').speaker == PersonRef("Wayne Rooney")
    # A quoted name of someone in the match is that person.
    assert quote('"x" - "Harry Kane"').speaker.person_id == person_id("Harry Kane")


def test_where_it_was_said():
    entry = quote('"We had belief" - Kane (press conference)')
    assert (entry.text, entry.context, entry.place) == (
        "We had belief",
        QuoteContext.PRESS_CONFERENCE,
        None,
    )
    assert entry.describe() == "Quote · Harry Kane (press conference): “We had belief”"
    entry = quote('"Proud" - Southgate (post-match, Al Bayt Stadium)')
    assert (entry.context, entry.place) == (QuoteContext.POST_MATCH_INTERVIEW, "Al Bayt Stadium")
    assert quote('"Ready" - Kane (pre-match)').context is QuoteContext.PRE_MATCH
    assert quote('"Tired" - Kane (Mixed Zone)').context is QuoteContext.MIXED_ZONE
    assert quote('"We had belief" - Kane').context is None  # the form's default applies
    error = refusal('"Hi" - Kane (BBC)')
    assert "“(BBC)” is not where it was said: write (press conference)" in str(error)


def test_managers_and_staff_speak_and_a_manager_found_outside_the_lineup_joins_it():
    coach = RosterPerson(70, "Steve Holland", ENGLAND.id, role=LineupRole.MANAGER)
    scorer = RosterPerson(71, "Lionel Messi", FRANCE.id, 10, source=Source.MATCH)
    roster = Roster(ENGLAND, FRANCE, (replace(coach, source=Source.TEAM), scorer))
    assert quote('"x" - Holland', roster).speaker == PersonRef(
        "Steve Holland", 70, ENGLAND.id, LineupRole.MANAGER
    )
    # A player quoted may not have played: he does not join the line-up for it.
    assert quote('"x" - Messi', roster).speaker == PersonRef("Lionel Messi", 71, FRANCE.id)


def test_anyone_in_the_database_may_speak():
    pundit = RosterPerson(80, "Gary Lineker", None, source=Source.DIRECTORY)
    scaloni = RosterPerson(81, "Lionel Scaloni", None, None, LineupRole.MANAGER, Source.DIRECTORY)
    people = {"lineker": [pundit], "scaloni": [scaloni], "lionel": [scaloni]}

    def directory(typed: tuple[str, ...]) -> list[RosterPerson]:
        return [p for word in typed for p in people.get(word, [])]

    roster = replace(demo_roster(), directory=directory)
    assert quote('"x" - Lineker', roster).speaker == PersonRef("Gary Lineker", 80)
    assert quote('"x" - L. Scaloni', roster).speaker == PersonRef("Lionel Scaloni", 81)
    # With the team typed, a manager joins that team's line-up.
    assert quote('"x" - FRA Scaloni', roster).speaker == PersonRef(
        "Lionel Scaloni", 81, FRANCE.id, LineupRole.MANAGER
    )
    # The match's own people still come first.
    assert quote('"x" - Kane', roster).speaker.person_id == person_id("Harry Kane")
    message = str(refusal('"x" - Zzyzx', roster))
    assert message.startswith("Nobody in the database is called “Zzyzx”.")
