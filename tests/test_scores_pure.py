from hypothesis import given
from hypothesis import strategies as st

from matchnotes.enums import MomentKind, Period
from matchnotes.scores import Score, ScoreEvent, final_score, running_scores, shootout_score

HOME, AWAY = 1, 2
events = st.builds(
    ScoreEvent, st.sampled_from(list(Period)), st.sampled_from(list(MomentKind)),
    st.sampled_from([HOME, AWAY, None]),
)  # fmt: skip


@given(st.lists(events, max_size=40))
def test_score_never_decreases_and_ends_at_final(evs):
    scores = running_scores(evs, HOME, AWAY)
    for before, after in zip([Score(0, 0), *scores], scores, strict=False):
        assert after.home >= before.home and after.away >= before.away
        assert (after.home + after.away) - (before.home + before.away) <= 1
    assert final_score(evs, HOME, AWAY) == (scores[-1] if scores else Score(0, 0))


def test_shootout_is_none_without_kicks():
    goal = ScoreEvent(Period.FIRST_HALF, MomentKind.GOAL, HOME)
    assert shootout_score([goal], HOME, AWAY) is None
