"""Drafts of all 64 imported World Cup matches: they build, and every number and every
capitalised word in them is in the database (or the wording module's own words)."""

import pytest

from tests.draft.grounding import ungrounded
from tests.io import WORLDCUP_JSON


@pytest.fixture
def world_cup(services):
    services.imports.import_file(WORLDCUP_JSON)
    matches = services.matches.list_matches()
    assert len(matches) == 64
    return matches


def test_every_draft_is_grounded_in_the_notes(services, world_cup):
    problems = {}
    for match in world_cup:
        draft = services.draft.fresh(match.id)
        assert draft.sentences[0].section == "headline" and draft.sentences[-1].key == "result"
        found = ungrounded(draft.plain_text(), services, match.id)
        if found:
            problems[match.title] = found
    assert problems == {}


def test_the_final_tells_the_shootout_and_the_hat_trick(services, world_cup):
    final = next(m for m in world_cup if (m.home, m.away) == ("Argentina", "France"))
    text = services.draft.fresh(final.id).plain_text()
    assert "penalties" in text or "shoot-out" in text
    assert "4–2" in text and "3–3" in text
    assert "hat-trick for Mbappé" in text


def test_drafts_of_different_matches_do_not_read_alike(services, world_cup):
    headlines = [services.draft.fresh(m.id).sentences[0].text for m in world_cup]
    openers = {
        s.text.split(" ")[1]
        for m in world_cup
        for s in services.draft.fresh(m.id).sentences
        if (s.key.startswith("goal:") and "opened" in s.text) or "took the lead" in s.text
    }
    shapes = {h.split(" ")[1] for h in headlines}
    assert len(shapes) > 3 and len(openers) > 1


def test_the_check_catches_what_the_notes_do_not_hold(services, world_cup):
    final = next(m for m in world_cup if (m.home, m.away) == ("Argentina", "France"))
    found = ungrounded("Zidane scored 99 times. “Allez”", services, final.id)
    assert found == ["quote not in the notes: 'Allez'", "word 'Zidane'", "number 99"]
