"""Every example line of the quick-entry grammar (docs/quick-entry.md), on the demo match."""

import re
from pathlib import Path

import pytest

from matchnotes.entry import EntryError, MomentEntry, PeriodEntry, QuoteEntry
from matchnotes.enums import MatchStatus, MomentKind, Period
from matchnotes.services.quick_entry import QuickEntryService

K = MomentKind


@pytest.fixture
def quick(database) -> QuickEntryService:
    return QuickEntryService(database.engine)


@pytest.mark.parametrize(
    ("line", "minute", "kind", "team", "player", "description"),
    [
        ("17 goal Tchouameni", "17'", K.GOAL, "France", "Aurélien Tchouaméni", ""),
        ("54 pen Kane", "54'", K.PENALTY_GOAL, "England", "Harry Kane", ""),
        ("78 goal Giroud", "78'", K.GOAL, "France", "Olivier Giroud", ""),
        ("82 pen won by Mount", "82'", K.PENALTY_AWARDED, "England", "Mason Mount", ""),
        (
            "84 pen miss Kane over the bar",
            "84'",
            K.PENALTY_MISSED,
            "England",
            "Harry Kane",
            "over the bar",
        ),
        ("45+2 yc Rice", "45+2'", K.YELLOW, "England", "Declan Rice", ""),
        ("90+8' sub Grealish for Stones", "90+8'", K.SUBSTITUTION, "England", "Jack Grealish", ""),
        ("105 yc ENG#9", "105'", K.YELLOW, "England", "Harry Kane", ""),
        ("120+3 yc france #9", "120+3'", K.YELLOW, "France", "Olivier Giroud", ""),
    ],
)
def test_story_lines_on_the_demo_match(
    quick, demo_match_id, line, minute, kind, team, player, description
):
    if line.startswith(("105", "120")):
        quick.record(demo_match_id, "ET", reopen=True)  # extra time (the demo is finished)
    # The demo match has these moments logged: typed again they would ask first.
    entry = quick.preview(demo_match_id, line, allow_duplicate=True)
    assert isinstance(entry, MomentEntry)
    assert str(entry.minute) == minute
    assert (entry.kind, entry.team and entry.team.name) == (kind, team)
    assert entry.player is not None and entry.player.name == player
    assert not entry.player.is_new
    assert entry.description == description


def test_the_design_preview_wording(quick, demo_match_id):
    entry = quick.preview(demo_match_id, "84 pen miss Kane over the bar", allow_duplicate=True)
    assert entry.describe() == "84' · Penalty missed · England · Harry Kane — over the bar"


def test_full_time(quick, demo_match_id):
    entry = quick.preview(demo_match_id, "FT")
    assert isinstance(entry, PeriodEntry)
    assert (entry.marker, entry.status) == ("FT", MatchStatus.FINISHED)


@pytest.mark.parametrize(
    ("line", "speaker", "text"),
    [
        (
            '"He\'s been incredible for us" - Southgate',
            "Gareth Southgate",
            "He's been incredible for us",
        ),
        (
            '"We had belief we could achieve something special" - Kane',
            "Harry Kane",
            "We had belief we could achieve something special",
        ),
        (
            "q Southgate: Without Harry's goals...",
            "Gareth Southgate",
            "Without Harry's goals...",
        ),
    ],
)
def test_quotes_on_the_demo_match(quick, demo_match_id, line, speaker, text):
    entry = quick.preview(demo_match_id, line)
    assert isinstance(entry, QuoteEntry)
    assert (entry.speaker.name, entry.speaker.is_new, entry.text) == (speaker, False, text)


def test_team_qualified_numbers_and_the_ambiguous_number_nine(quick, demo_match_id):
    kane = quick.preview(demo_match_id, "17 goal ENG#9")
    assert isinstance(kane, MomentEntry) and kane.player and kane.player.name == "Harry Kane"
    with pytest.raises(EntryError, match=r"#9 could be Harry Kane .* or Olivier Giroud") as info:
        quick.preview(demo_match_id, "#9")
    assert [c.split(" (")[0] for c in info.value.candidates] == ["Harry Kane", "Olivier Giroud"]


def test_unknown_name_may_be_logged_in_quotes(quick, demo_match_id):
    entry = quick.preview(demo_match_id, '30 yc ENG "A. Newman"')
    assert isinstance(entry, MomentEntry) and entry.player and entry.player.is_new
    assert entry.team and entry.team.name == "England"


def test_shootout_kicks_when_the_match_is_in_the_shootout(quick, demo_match_id):
    quick.record(demo_match_id, "90+9 goal Saka")  # 2–2: a shoot-out follows a level score
    quick.record(demo_match_id, "PSO", reopen=True)  # the demo match is finished
    entry = quick.preview(demo_match_id, "pen goal Kane")
    assert isinstance(entry, MomentEntry)
    assert (entry.minute.period, entry.scores_for) == (Period.SHOOTOUT, None)


DOC = Path(__file__).resolve().parents[2] / "docs" / "quick-entry.md"


def _doc_examples() -> list[str]:
    """The lines of the "Examples" table of docs/quick-entry.md, as a user reads them."""
    section = DOC.read_text(encoding="utf-8").split("## Examples", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([^`]+)` \|", section, flags=re.MULTILINE)


def test_the_documented_examples_parse_on_the_demo_match(quick, demo_match_id):
    lines = _doc_examples()
    assert len(lines) >= 6
    for line in lines:  # logged in the demo already: typed again they would ask first
        assert quick.preview(demo_match_id, line, allow_duplicate=True) is not None, line
