"""The demo match holds everything in the sample story."""

from pathlib import Path

from matchnotes.enums import LineupRole, MomentKind
from matchnotes.scores import Score

ARTICLE = Path(__file__).resolve().parent / "data" / "samples" / "kane-penalty-article.txt"


def test_demo_match_header(services, demo_match_id):
    d = services.matches.get_match(demo_match_id)
    s = d.summary
    assert (s.home, s.away, s.score, d.half_time) == ("England", "France", Score(1, 2), Score(0, 1))
    assert (s.competition, s.season, s.stage) == ("FIFA World Cup", "2022", "Quarter-final")
    assert (s.venue, d.venue_city, d.attendance) == ("Al Bayt Stadium", "Al Khor", 68895)
    assert d.referee == "Wilton Sampaio" and f"{s.date}" == "2022-12-10"


def test_demo_lineups_have_numbers_positions_and_captains(services, demo_match_id):
    d = services.matches.get_match(demo_match_id)
    for team_id in (d.summary.home_id, d.summary.away_id):
        entries = d.lineup_of(team_id)
        starters = [e for e in entries if e.role is LineupRole.STARTER]
        assert len(starters) == 11
        assert all(e.shirt_number is not None and e.position for e in starters)
        assert len([e for e in entries if e.role is LineupRole.MANAGER]) == 1
    captains = {e.name for e in d.lineups if e.captain}
    assert captains == {"Harry Kane", "Hugo Lloris"}


def test_demo_moments_tell_the_story(services, demo_match_id):
    moments = services.matches.get_match(demo_match_id).moments
    story = [(m.minute_text, m.kind, m.player, str(m.score_after)) for m in moments]
    assert ("17'", MomentKind.GOAL, "Aurélien Tchouaméni", "0–1") in story
    assert ("54'", MomentKind.PENALTY_GOAL, "Harry Kane", "1–1") in story
    assert ("78'", MomentKind.GOAL, "Olivier Giroud", "1–2") in story
    assert ("84'", MomentKind.PENALTY_MISSED, "Harry Kane", "1–2") in story
    assert ("90+8'", MomentKind.SUBSTITUTION, "Jack Grealish", "1–2") in story
    miss = next(m for m in moments if m.kind is MomentKind.PENALTY_MISSED)
    assert miss.description == "over the bar" and miss.related_player == "Mason Mount"
    bookings = {m.player for m in moments if m.kind is MomentKind.YELLOW}
    assert bookings == {"Antoine Griezmann", "Ousmane Dembélé", "Theo Hernández", "Harry Maguire"}


def test_every_quote_of_the_article_is_in_the_demo(services, demo_match_id):
    quotes = services.quotes.for_match(demo_match_id)
    article = ARTICLE.read_text(encoding="utf-8")
    for q in quotes:
        assert q.speaker in ("Harry Kane", "Gareth Southgate")
        # every sentence we stored is in the article, word for word
        for sentence in q.text.split(". "):
            assert sentence.rstrip(".") in article
    assert {q.speaker for q in quotes} == {"Harry Kane", "Gareth Southgate"}
    assert len(quotes) == 4


def test_kane_tallies(services, demo_match_id):
    (kane,) = services.people.find("kane")
    page = services.people.page(kane.id)
    (england,) = page.tallies
    assert (england.team, england.goals, england.penalties_missed, england.starts) == (
        "England", 53, 1, 1,
    )  # fmt: skip
    assert [m.minute_text for m in page.moments] == ["54'", "84'"]
    assert len(page.quotes) == 3 and page.matches[0].title == "England 1–2 France"


def test_people_are_found_without_accents(services, demo_match_id):
    assert [p.name for p in services.people.find("TCHOUAMENI")] == ["Aurélien Tchouaméni"]
    assert [p.name for p in services.people.find("mbap")] == ["Kylian Mbappé"]
