"""Recording lines: one transaction each, nothing saved when a line is refused."""

import pytest
from sqlmodel import Session, select

from matchnotes.entry import EntryError, MomentEntry
from matchnotes.enums import Decision, LineupRole, MatchStatus, Period
from matchnotes.errors import NotFoundError
from matchnotes.minutes import Minute
from matchnotes.models import Match, Person
from matchnotes.scores import Score
from matchnotes.services.quick_entry import QuickEntryService

# The England v France story (tests/data/samples/kane-penalty-article.txt), as a reporter types it.
STORY = [
    "KO",
    "17 goal Tchouameni assist Griezmann low drive from 25 yards past Pickford",
    "43 yc Griezmann",
    "45+3 HT",
    "2H",
    "46 yc Dembele",
    "54 pen Kane won by Saka past his club team-mate Lloris",
    "78 goal Giroud (Griezmann) header from Griezmann's cross",
    "79 sub Mount for Henderson",
    "79 sub Sterling>Saka",
    "79 sub Coman for Dembele",
    "82 yc Hernandez foul on Mount brings down Mount in the box",
    "82 pen won by Mount second penalty for England after a VAR review",
    "84 pen miss Kane won by Mount over the bar",
    "85 sub Rashford for Foden",
    "90 yc Maguire",
    "90+8 sub Grealish for Stones",
    "FT",
    '"He\'s been incredible for us and is so reliable in those situations" - Southgate',
    "q Kane: We had belief we could achieve something special at this World Cup.",
]


@pytest.fixture
def quick(database) -> QuickEntryService:
    return QuickEntryService(database.engine)


def _match(database, match_id: int) -> Match:
    with Session(database.engine) as session:
        match = session.get(Match, match_id)
        assert match is not None
        return match


def _people(database, name: str) -> list[Person]:
    with Session(database.engine) as session:
        return list(session.exec(select(Person).where(Person.name == name)))


def test_the_whole_story_logged_line_by_line(services, database, quick, fresh_match):
    results = [quick.record(fresh_match, line) for line in STORY]
    detail = services.matches.get_match(fresh_match)
    assert detail.summary.score == Score(1, 2)
    assert detail.half_time == Score(0, 1)
    assert detail.summary.status is MatchStatus.FINISHED
    assert [m.minute_text for m in detail.moments] == [
        *["17'", "43'", "46'", "54'", "78'", "79'", "79'", "79'", "82'", "82'", "84'", "85'"],
        *["90'", "90+8'"],
    ]
    assert [str(m.score_after) for m in detail.moments][-1] == "1–2"
    kane_miss = detail.moments[10]
    assert (kane_miss.player, kane_miss.related_player, kane_miss.description) == (
        "Harry Kane",
        "Mason Mount",
        "over the bar",
    )
    assert detail.moments[0].related_player == "Antoine Griezmann"
    assert [(q.speaker, q.text[:14]) for q in detail.quotes] == [
        ("Gareth Southgate", "He's been incr"),
        ("Harry Kane", "We had belief "),
    ]
    assert sum(r.moment_id is not None for r in results) == 14
    assert all(not r.created_person_ids for r in results)
    assert _match(database, fresh_match).clock_period is Period.SECOND_HALF


def test_period_markers_change_status_and_clock_period(database, quick, fresh_match):
    kick_off = quick.record(fresh_match, "KO")
    assert (kick_off.status, kick_off.period) == (MatchStatus.LIVE, Period.FIRST_HALF)
    match = _match(database, fresh_match)
    assert (match.status, match.clock_period) == (MatchStatus.LIVE, Period.FIRST_HALF)
    quick.record(fresh_match, "ET")
    assert _match(database, fresh_match).decided_by is Decision.EXTRA_TIME
    assert quick.record(fresh_match, "FT").status is MatchStatus.FINISHED
    match = _match(database, fresh_match)
    assert (match.status, match.clock_period) == (MatchStatus.FINISHED, Period.EXTRA_FIRST)


def test_a_refused_line_saves_nothing(services, quick, fresh_match):
    people = len(services.people.find("", limit=100_000))
    for line in ["17 goal Harry", "17 goal #9", "17 goal Nobody", "47 yc Rice", '17 goal "New"']:
        with pytest.raises(EntryError):
            quick.record(fresh_match, line, Minute(Period.FIRST_HALF, 45, 1))
    assert services.moments.moments(fresh_match) == []
    assert len(services.people.find("", limit=100_000)) == people


def test_a_new_player_in_quotes_joins_the_lineup(services, database, quick, fresh_match):
    result = quick.record(fresh_match, '30 goal ENG "A. Newman" tap-in')
    assert len(result.created_person_ids) == 1
    (newman,) = _people(database, "A. Newman")
    assert newman.id == result.created_person_ids[0]
    entry = next(e for e in services.lineups.lineup(fresh_match) if e.name == "A. Newman")
    assert (entry.team, entry.role) == ("England", LineupRole.STARTER)
    again = quick.preview(fresh_match, "31 yc Newman")  # no quotes needed any more
    assert isinstance(again, MomentEntry) and again.player and again.player.person_id == newman.id
    assert services.matches.get_summary(fresh_match).score == Score(1, 0)
    sub = quick.record(fresh_match, '60 sub "B. Fresh" for Kane')
    entry = next(e for e in services.lineups.lineup(fresh_match) if e.name == "B. Fresh")
    assert (entry.team, entry.role, len(sub.created_person_ids)) == (
        "England",
        LineupRole.SUBSTITUTE,
        1,
    )


def test_a_refusal_after_creating_a_person_rolls_everything_back(database, quick, fresh_match):
    # "Olivier Giroud" exists, in France's line-up: he cannot go off for England.
    with pytest.raises(EntryError, match="France's line-up already"):
        quick.record(fresh_match, '60 sub ENG "Brand New" for ENG "Olivier Giroud"')
    assert _people(database, "Brand New") == []


def test_a_new_player_without_a_team_is_refused(database, quick, fresh_match):
    with pytest.raises(EntryError, match=r"Which team does A\. Newman play for"):
        quick.record(fresh_match, '30 goal "A. Newman"')
    assert _people(database, "A. Newman") == []


def test_quotes_by_known_and_new_speakers(services, database, quick, fresh_match):
    known = quick.record(fresh_match, "q Southgate: Proud of them.")
    assert known.quote_id and not known.created_person_ids
    new = quick.record(fresh_match, '"A special night" - "Alan Shearer"')
    assert new.created_person_ids and _people(database, "Alan Shearer")
    again = quick.record(fresh_match, '"Still special" - Alan Shearer')
    assert not again.created_person_ids  # found by name the second time
    assert [q.speaker for q in services.quotes.for_match(fresh_match)] == [
        "Gareth Southgate",
        "Alan Shearer",
        "Alan Shearer",
    ]


def test_shootout_kicks_do_not_change_the_score(services, database, quick, fresh_match):
    for line in ["KO", "54 pen Kane", "78 goal Giroud", "ET", "PSO"]:
        quick.record(fresh_match, line)
    for line in ["pen goal Kane", "pen miss Mbappe", "pen goal Saka", "ps Giroud", "FT"]:
        quick.record(fresh_match, line)
    detail = services.matches.get_match(fresh_match)
    assert detail.summary.score == Score(1, 1)
    assert detail.penalties == Score(2, 0)
    assert detail.moments[-1].minute_text == "pens"
    match = _match(database, fresh_match)
    assert (match.decided_by, match.status) == (Decision.PENALTIES, MatchStatus.FINISHED)


def test_the_clock_minute_is_used_when_the_line_has_none(services, quick, fresh_match):
    quick.record(fresh_match, "yc Rice", Minute(Period.FIRST_HALF, 45, 2))
    assert services.moments.moments(fresh_match)[0].minute_text == "45+2'"


def test_preview_saves_nothing_and_roster_lists_the_lineups(services, quick, fresh_match):
    assert "Harry Kane" in quick.preview(fresh_match, "17 yc Kane").describe()
    assert services.moments.moments(fresh_match) == []
    roster = quick.roster(fresh_match)
    assert (roster.home.code, roster.away.code) == ("ENG", "FRA")
    assert len(roster.people) == len(services.lineups.lineup(fresh_match))
    with pytest.raises(NotFoundError):
        quick.record(999_999, "FT")
