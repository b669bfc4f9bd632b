"""The match page lays the timeline out again after each line; what it keeps between
layouts (text widths, arranged sides) must never change where anything goes."""

from dataclasses import replace

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from matchnotes.enums import Period
from matchnotes.reports.timeline_render import KeptSides, TextWidths, TimelineLayout


def _where(layout):
    return (
        layout.axis_y,
        layout.needed,
        [
            (i.moment.id, i.center.toTuple(), i.glyph.getRect(), i.label and i.label.getRect())
            for i in layout.items
        ],
    )


def test_a_growing_match_is_laid_out_as_if_each_layout_were_the_first(services, busy_match_id):
    full = services.matches.get_match(busy_match_id)
    font, bold = QFont(), QFont()
    bold.setBold(True)
    widths = TextWidths(QFontMetricsF(font)), TextWidths(QFontMetricsF(bold))
    kept = KeptSides()
    detail = replace(full, moments=[])
    # Moments added from the last one back: each lands before the others, like lines
    # typed for earlier minutes, and alternates between the teams' sides.
    regular = [m for m in full.moments if m.minute.period is not Period.SHOOTOUT]
    for moment in reversed(regular[-40:]):
        detail = services.matches.with_moment(detail, moment)
        for width, height, selected in ((1200, 260, None), (640, 140, moment.id)):
            rect = QRectF(0, 0, width, height)
            again = TimelineLayout(rect, detail, widths[0], bold=widths[1],
                                   selected_id=selected, kept=kept)  # fmt: skip
            first = TimelineLayout(rect, detail, QFontMetricsF(font),
                                   bold=QFontMetricsF(bold), selected_id=selected)  # fmt: skip
            assert _where(again) == _where(first)
    assert len(detail.moments) == 40
