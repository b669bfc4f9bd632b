"""A person's moments, read without every moment of their matches, are the same views
(score after each included) as the match page's."""

from sqlmodel import Session, select

from matchnotes.models import Match, Person
from matchnotes.services.moments import load_moment_views


def test_every_persons_moments_match_the_match_pages(services, demo_match_id, make_match):
    with Session(services.engine) as session:
        match = session.get(Match, demo_match_id)
        full = load_moment_views(session, match)
        people = session.exec(select(Person.id)).all()
    named = 0
    for person_id in people:
        page = services.people.page(person_id)
        expected = [m for m in full if person_id in (m.player_id, m.related_player_id)]
        assert page.moments == expected
        named += bool(expected)
    assert named >= 5
    scores = {str(m.score_after) for m in full}
    assert {"0–1", "1–1", "1–2"} <= scores  # goals of both sides come before later moments


def test_busiest_page_tallies(services, demo_match_id):
    kane = next(p for p in services.people.all() if p.name == "Harry Kane")
    page = services.people.page(kane.id)
    (tally,) = page.tallies
    # 52 England goals before the match (his career baseline) and the penalty logged here.
    assert (tally.team, tally.goals, tally.penalties_scored, tally.penalties_missed) == (
        "England", 53, 1, 1,
    )  # fmt: skip
    assert [str(m.score_after) for m in page.moments] == ["1–1", "1–2"]
