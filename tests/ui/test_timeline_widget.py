"""The drawn timeline on the match page: to scale, clickable, the same painter as the PDF."""

from PySide6.QtCore import QPoint, QPointF, Qt

from matchnotes.enums import MomentKind
from tests.ui.pages import open_match_page


def _point_of(timeline, moment_id):
    for y in range(0, timeline.height(), 3):
        for x in range(0, timeline.width(), 3):
            if timeline.moment_at(QPointF(x, y)) == moment_id:
                return QPoint(x, y)
    raise AssertionError("moment not drawn")


def test_click_on_a_moment_selects_it_in_the_list(qtbot, window, services, demo_match_id):
    window.refresh()
    page = open_match_page(qtbot, window, demo_match_id)
    qtbot.waitExposed(page)
    timeline = page.timeline
    assert timeline.height() >= 90
    miss = next(m for m in services.moments.moments(demo_match_id)
                if m.kind is MomentKind.PENALTY_MISSED)  # fmt: skip
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=_point_of(timeline, miss.id))
    assert page.moments.current_id() == miss.id
    assert timeline.selected_id == miss.id
    image = timeline.grab().toImage()
    assert len({image.pixel(x, image.height() // 2) for x in range(0, image.width(), 7)}) > 3


def test_no_timeline_for_a_match_without_moments(qtbot, window, make_match):
    match = make_match("Leeds United", "Chelsea")
    window.refresh()
    page = open_match_page(qtbot, window, match)
    assert page.timeline.height() == 0
    assert page.clock_bar.label.text() == "Full time"


def test_a_moment_added_on_one_side_draws_as_the_whole_timeline_would(
    qtbot, services, demo_match_id
):
    """The widget draws only the side a new moment is on (the axis and the other side
    as they were): pixel for pixel what a drawing of the whole timeline gives."""
    from dataclasses import replace

    from matchnotes.ui.widgets.timeline import TimelineWidget

    detail = services.matches.get_match(demo_match_id)
    yellows = [m for m in detail.moments if m.kind is MomentKind.YELLOW]
    for moment in (yellows[0], yellows[-1], detail.moments[-1]):  # each side, the last
        before = replace(detail, moments=[m for m in detail.moments if m is not moment])
        shown, fresh = TimelineWidget(), TimelineWidget()
        for widget in (shown, fresh):
            qtbot.addWidget(widget)
            widget.resize(1100, 200)
        shown.show_detail(before)
        shown.grab()  # drawn without the moment, then with it
        shown.show_detail(detail)
        fresh.show_detail(detail)
        assert shown.size() == fresh.size()
        assert shown.grab().toImage() == fresh.grab().toImage()
