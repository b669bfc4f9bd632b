"""Drafts of matches unlike the demo: nothing logged yet, and a crowded one (own goals,
misses, extra time and a shoot-out); they build and say nothing the notes do not hold."""

import datetime as dt

from matchnotes.enums import MatchStatus
from tests.draft.grounding import ungrounded
from tests.reports.conftest import add_busy_match


def test_a_match_not_played_yet(services, make_match):
    match_id = make_match("Wales", "Iran", dt.date(2026, 11, 25), status=MatchStatus.SCHEDULED)
    draft = services.draft.fresh(match_id)
    assert draft.plain_text().startswith("Wales v Iran\n\nWales against Iran")
    assert ungrounded(draft.plain_text(), services, match_id) == []


def test_a_crowded_match_with_a_shootout(services):
    match_id = add_busy_match(services)
    draft = services.draft.fresh(match_id)
    text = draft.plain_text()
    assert ungrounded(text, services, match_id) == []
    assert "on penalties" in text or "shoot-out" in text
    assert any(s.key.startswith("miss:") for s in draft.sentences)
    assert "own net" in text or "own goal" in text
