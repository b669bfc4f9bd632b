"""The timeline painter: draws, hit-tests, and keeps labels apart at any size."""

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from matchnotes.enums import MomentKind
from matchnotes.reports.timeline_render import (
    DARK,
    TimelineLayout,
    paint_timeline,
    surname,
    timeline_height_hint,
    timeline_hit_test,
)


def _paint(detail, width, height, **kwargs) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_timeline(painter, QRectF(0, 0, width, height), detail, **kwargs)
    painter.end()
    return image


def _colours(image: QImage, step: int = 2) -> set[str]:
    return {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    }


def test_paints_cards_and_team_colours(services, demo_match_id):
    image = _paint(services.matches.get_match(demo_match_id), 1000, 320)
    colours = _colours(image, 1)
    assert {"#f4c20d", "#1d4ed8", "#0f766e"} <= colours  # yellow card, home and away


def test_dark_palette_and_tiny_rects_do_not_fail(services, busy_match_id):
    detail = services.matches.get_match(busy_match_id)
    assert "#1f2125" in _colours(_paint(detail, 400, 200, palette=DARK))
    _paint(detail, 30, 12)


def _layout(detail, width, height, **kwargs):
    font = QFont()
    return TimelineLayout(QRectF(0, 0, width, height), detail, QFontMetricsF(font), **kwargs)


def test_hit_test_finds_each_moment_at_its_glyph(services, demo_match_id):
    detail = services.matches.get_match(demo_match_id)
    rect = QRectF(0, 0, 1000, 320)
    for item in _layout(detail, 1000, 320).items:
        assert timeline_hit_test(rect, detail, item.center) == item.moment.id
    assert timeline_hit_test(rect, detail, QPointF(2, 2)) is None


def test_hit_test_on_a_label(services, demo_match_id):
    detail = services.matches.get_match(demo_match_id)
    kane = next(i for i in _layout(detail, 1000, 320).items if "Kane (pen)" in i.text)
    assert kane.label is not None
    hit = timeline_hit_test(QRectF(0, 0, 1000, 320), detail, kane.label.center())
    assert hit == kane.moment.id


def test_sixty_moments_never_overlap_labels(services, busy_match_id):
    detail = services.matches.get_match(busy_match_id)
    for width in (320, 480, 800, 1200, 2400):
        hint = timeline_height_hint(width, detail)
        for height in (max(width * 0.3, 160), hint):
            lay = _layout(detail, width, height)
            labels = [i.label for i in lay.items if i.label is not None]
            assert labels, "some labels always fit"
            for n, label in enumerate(labels):
                assert QRectF(0, 0, width, height).contains(label)
                assert not any(label.intersects(other) for other in labels[n + 1 :])
                assert not any(label.intersects(i.glyph) for i in lay.items)
        assert len(labels) == len(detail.moments)  # the hinted height fits every label


def test_a_selected_moment_always_gets_its_label(services, busy_match_id):
    detail = services.matches.get_match(busy_match_id)
    note = next(m for m in detail.moments if m.kind is MomentKind.NOTE)
    crowded = _layout(detail, 500, 150)
    assert next(i for i in crowded.items if i.moment.id == note.id).label is None
    chosen = _layout(detail, 500, 150, selected_id=note.id)
    assert next(i for i in chosen.items if i.moment.id == note.id).label is not None


def test_home_above_away_below(services, demo_match_id):
    detail = services.matches.get_match(demo_match_id)
    lay = _layout(detail, 1000, 320)
    for item in lay.items:
        above = item.center.y() < lay.axis_y
        assert above == (item.moment.team_id == detail.summary.home_id)


def test_surnames():
    assert [surname(n) for n in ("Harry Kane", "Randal Kolo Muani", "Pelé", "")] == [
        "Kane", "Kolo Muani", "Pelé", "",
    ]  # fmt: skip


def _ink(image: QImage) -> tuple[float, float, float]:
    """How much is drawn on white, and its centre (x, y)."""
    total = sx = sy = 0.0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            ink = 3 * 255 - c.red() - c.green() - c.blue()
            total, sx, sy = total + ink, sx + ink * x, sy + ink * y
    return total, sx / total, sy / total


def test_glyphs_copied_on_screen_land_where_their_paths_do():
    from matchnotes.reports.timeline_render import LIGHT, _draw_glyph_pixmap, glyph_picture

    for ratio in (1.0, 2.0, 1.25):
        for kind in (MomentKind.GOAL, MomentKind.YELLOW, MomentKind.SUBSTITUTION):
            for centre in (QPointF(20, 20), QPointF(20.3, 19.6), QPointF(19.81, 20.45)):
                drawn = []
                for copied in (False, True):
                    side = round(40 * ratio)
                    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
                    image.setDevicePixelRatio(ratio)
                    image.fill(QColor("white"))
                    painter = QPainter(image)
                    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                    if copied:
                        _draw_glyph_pixmap(painter, kind, centre, 13.6, LIGHT, ratio, QPointF())
                    else:
                        painter.drawPicture(centre, glyph_picture(kind, 13.6, LIGHT))
                    painter.end()
                    drawn.append(_ink(image))
                (ink, x, y), (ink2, x2, y2) = drawn
                assert abs(ink2 - ink) < 0.03 * ink  # the same glyph…
                assert abs(x2 - x) < 0.1 and abs(y2 - y) < 0.1  # …within 1/10 of a pixel
