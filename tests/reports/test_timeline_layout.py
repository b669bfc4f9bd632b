"""The timeline's scale and lane packing (pure): to scale, in order, never overlapping."""

from hypothesis import given
from hypothesis import strategies as st

from matchnotes.enums import Period
from matchnotes.minutes import Minute, make_minute
from matchnotes.reports.timeline_layout import (
    GAP_UNITS,
    LabelRequest,
    build_scale,
    pack_lanes,
    place_labels,
)


def test_minutes_keep_match_order_across_stoppage_time():
    minutes = [make_minute(m, s) for m, s in ((45, 2), (90, 8))]
    scale = build_scale(minutes)
    order = ["1", "45", "45+1", "45+2", "46", "89", "90", "90+4", "90+8"]
    xs = [scale.position(_parse(text)) for text in order]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    first, second = scale.segments
    assert second.start - first.end == GAP_UNITS
    assert second.end - second.regular_end == 4.0  # 8 stoppage minutes compressed to 4 units
    assert [s.period for s in scale.segments] == [Period.FIRST_HALF, Period.SECOND_HALF]


def _parse(text: str) -> Minute:
    minute, _, stoppage = text.partition("+")
    return make_minute(int(minute), int(stoppage or 0))


def test_extra_time_and_shootout_appear_when_the_result_needs_them():
    scale = build_scale([], extra_time=True, kicks=6)
    assert [s.period for s in scale.segments] == list(Period)
    shootout = scale.segments[-1]
    kicks = [scale.position(Minute(Period.SHOOTOUT, 120), k) for k in range(6)]
    assert kicks == sorted(kicks) and shootout.start < kicks[0] and kicks[-1] <= shootout.end
    assert scale.position(make_minute(120, 3)) < shootout.start


def test_ticks_every_fifteen_minutes():
    assert [m for _, m in build_scale([]).ticks()] == [15, 30, 60, 75]


def test_lanes_stack_only_what_overlaps():
    assert pack_lanes([(0, 2), (1, 3), (2.5, 4), (5, 6)], 5) == [0, 1, 0, 0]
    assert pack_lanes([(0, 9), (1, 9), (2, 9)], 2) == [0, 1, 0]  # capped: reuse a lane


spans = st.lists(
    st.tuples(st.floats(0, 500), st.floats(5, 120), st.integers(0, 7)), min_size=0, max_size=70
)


@given(spans, st.integers(0, 8))
def test_placed_labels_never_overlap_and_stay_inside(items, rows):
    requests = [LabelRequest(n, a, w, p) for n, (a, w, p) in enumerate(items)]
    placed = place_labels(requests, 0.0, 500.0, rows, 2.0, 5.0)
    boxes = [(row, x0, x0 + requests[key].width) for key, (row, x0) in placed.items()]
    for row, start, end in boxes:
        assert 0 <= row < rows and start >= 0 and end <= 500 + 1e-9
    for i, (row, start, end) in enumerate(boxes):
        for other_row, other_start, other_end in boxes[i + 1 :]:
            assert row != other_row or end <= other_start or other_end <= start


def test_higher_priority_labels_win_the_space():
    requests = [LabelRequest(1, 50, 80, 5), LabelRequest(2, 52, 80, 0)]
    assert place_labels(requests, 0, 200, 1, 2, 5) == {2: (0, 12.0)}


def _placed_by_scanning(requests, left, right, rows, pad, slack):
    """place_labels as first written: every span of a row checked for each try."""
    taken = [[] for _ in range(max(0, rows))]
    placed = {}
    for req in sorted(requests, key=lambda r: (r.priority, r.anchor)):
        if req.width > right - left:
            continue
        centred = req.anchor - req.width / 2
        candidates = (centred, req.anchor - slack, req.anchor + slack - req.width)
        fitted = [min(max(x, left), right - req.width) for x in candidates]
        for row, spans in enumerate(taken):
            x0 = next(
                (x for x in fitted
                 if all(x + req.width + pad <= a or x - pad >= b for a, b in spans)),
                None,
            )  # fmt: skip
            if x0 is not None:
                spans.append((x0, x0 + req.width))
                placed[req.key] = (row, x0)
                break
    return placed


some_labels = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12), st.integers(0, 3)), max_size=60
)


@given(some_labels, st.integers(0, 6), st.sampled_from([0.0, 0.5, 2.0, -1.0]))
def test_labels_go_where_checking_every_span_puts_them(items, rows, pad):
    # Whole numbers make touching and equal spans (and empty ones) common.
    requests = [LabelRequest(n, a * 5.0, w * 5.0, p) for n, (a, w, p) in enumerate(items)]
    expected = _placed_by_scanning(requests, 0.0, 300.0, rows, pad, 5.0)
    assert place_labels(requests, 0.0, 300.0, rows, pad, 5.0) == expected
