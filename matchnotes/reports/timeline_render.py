"""The match timeline, painted on any QPainter: the app's widget and the PDF both call
`paint_timeline` (house style: one painter, two surfaces).

Minutes run left to right to scale (timeline_layout.py), home moments above the axis
and away moments below. Glyphs are paths and labels are real text, so the PDF stays
sharp and searchable. Sizes derive from the painter's font, so the same code suits a
96 dpi window and a 300 dpi page.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPaintDevice,
    QPainter,
    QPen,
    QPicture,
    QPixmap,
    QTransform,
)

from matchnotes.enums import MomentKind, Period
from matchnotes.reports.glyphs_render import (
    DARK,
    LIGHT,
    TimelinePalette,
    draw_glyph,
    none_refcount_guard,
)
from matchnotes.reports.timeline_layout import GAP_LABELS, GAP_UNITS
from matchnotes.reports.timeline_qt_layout import KeptSides, TextWidths, TimelineLayout, surname
from matchnotes.services.views import MatchDetail

__all__ = ["DARK", "LIGHT", "KeptSides", "TextWidths", "TimelineLayout", "TimelinePalette"]
__all__ += ["glyph_picture", "glyph_pixmap"]
__all__ += ["none_refcount_guard"]
__all__ += ["moment_in_layout", "paint_timeline", "side_area", "surname"]
__all__ += ["timeline_height_hint"]
__all__ += ["text_widths", "timeline_hit_test", "timeline_layout"]


def _scaled(font: QFont, factor: float) -> QFont:
    f = QFont(font)
    if f.pointSizeF() > 0:
        f.setPointSizeF(f.pointSizeF() * factor)
    else:
        f.setPixelSize(max(1, round(f.pixelSize() * factor)))
    return f


def paint_timeline(
    painter: QPainter, rect: QRectF, detail: MatchDetail, *, selected_id: int | None = None,
    palette: TimelinePalette = LIGHT, layout: TimelineLayout | None = None,
    side: bool | None = None,
) -> None:  # fmt: skip
    """Draw the timeline of `detail` inside `rect` with the painter's current font.

    ``layout``: one made already for this rect, detail, font and selection (the widget
    keeps the one its clicks are tested against). ``side`` (True: the away side, below
    the axis): the axis and that side's moments only, for `side_area` of the drawing to
    be copied into one of the same axis (a clip would draw lines a little differently)."""
    with none_refcount_guard():
        _paint(painter, rect, detail, selected_id, palette, layout, side)


def side_area(lay: TimelineLayout, rect: QRectF, below: bool, ratio: float = 1.0) -> QRectF:
    """Where one side's moments and team name are drawn, with the axis band they start
    from and nothing of the other side's: from the band's far edge (less the other
    side's stems) to the edge of `rect`, in whole rows of device pixels."""
    # The other side's stems end on the band's edge, their caps half a pen further.
    top, bottom = lay.axis_y - lay.band_h / 2, lay.axis_y + lay.band_h / 2
    pen, end = _stem_width(lay.u), rect.top() + rect.height()
    if below:
        first = math.ceil((top + pen) * ratio) / ratio
        return QRectF(rect.left(), first, rect.width(), end - first)
    last = math.floor((bottom - pen) * ratio) / ratio
    return QRectF(rect.left(), rect.top(), rect.width(), last - rect.top())


def _stem_width(u: float) -> float:
    return max(0.5, 0.07 * u)


def timeline_layout(
    rect: QRectF, detail: MatchDetail, widths: tuple[TextWidths, TextWidths],
    selected_id: int | None = None, kept: KeptSides | None = None,
) -> TimelineLayout:  # fmt: skip
    """Where everything goes in `rect`, measured with ``widths`` (`text_widths`); ``kept``:
    the sides earlier layouts arranged, used again where nothing changed."""
    with none_refcount_guard():
        fm, bold = widths
        return TimelineLayout(rect, detail, fm, selected_id=selected_id, bold=bold, kept=kept)


def text_widths(font: QFont, device: QPaintDevice) -> tuple[TextWidths, TextWidths]:
    """The widths of texts in ``font`` and in its bold on ``device``, kept as measured."""
    return TextWidths(_metrics(font, device)), TextWidths(_metrics(_bold(font), device))


def _paint(
    painter: QPainter, rect: QRectF, detail: MatchDetail, selected_id: int | None,
    palette: TimelinePalette, lay: TimelineLayout | None, side: bool | None = None,
) -> None:  # fmt: skip
    font, bold = painter.font(), QFont(painter.font())
    bold.setBold(True)
    fm, bold_fm = QFontMetricsF(font, painter.device()), QFontMetricsF(bold, painter.device())
    if lay is None:
        lay = TimelineLayout(rect, detail, fm, selected_id=selected_id, bold=bold_fm)
    p, pal, u = painter, palette, lay.u
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.fillRect(rect, QColor(pal.background))
    _paint_axis(p, lay, detail, pal, font)
    items = lay.items if side is None else [i for i in lay.items if i.below == side]
    thin = _stem_width(u)
    on_paper = isinstance(p.device(), QPagedPaintDevice)
    # Glyphs are copied as pixels where the painter only moves things (a widget, its
    # pixmap); a scaled or rotated painter replays their paths.
    moved_only = p.worldTransform().type().value <= QTransform.TransformationType.TxTranslate.value
    ratio = p.device().devicePixelRatioF() if moved_only and not on_paper else None
    moved = QPointF(p.worldTransform().dx(), p.worldTransform().dy())
    stems = {below: QPen(QColor(pal.away if below else pal.home), thin) for below in (False, True)}
    leader = QPen(QColor(pal.leader), thin)
    for item in items:  # stems and leader lines first, so glyphs and labels cover them
        edge = lay.axis_y + (1 if item.below else -1) * lay.band_h / 2
        p.setPen(stems[item.below])
        p.drawLine(QPointF(item.x, edge), item.center)
        if item.label is not None:
            p.setPen(leader)
            end = item.label.top() if item.below else item.label.bottom()
            p.drawLine(item.center, QPointF(item.x, end))
    for item in items:
        if item.moment.id == selected_id:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(pal.highlight))
            p.drawEllipse(item.center, lay.g * 0.8, lay.g * 0.8)
        if on_paper:  # paths straight into the PDF, as ever
            draw_glyph(p, item.moment.kind, item.center, lay.g, pal)
        elif ratio is not None:  # on screen: the glyph drawn once, copied
            _draw_glyph_pixmap(p, item.moment.kind, item.center, lay.g, pal, ratio, moved)
        else:
            p.drawPicture(item.center, glyph_picture(item.moment.kind, lay.g, pal))
    background, text, ink, pill_text = (QColor(c) for c in (pal.background, pal.text, pal.ink,
                                                             pal.pill_text))  # fmt: skip
    align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for item in items:
        if item.label is None:
            continue
        p.fillRect(item.label, background)
        p.setFont(bold if item.moment.id == selected_id else font)
        p.setPen(text)
        text_rect = item.label.adjusted(0.15 * u, 0, 0, 0)
        p.drawText(text_rect, align, item.text)
        if item.score:
            width = bold_fm.horizontalAdvance(item.score) + 0.6 * u
            pill = QRectF(item.label.right() - width - 0.1 * u, item.label.top(), width, 0)
            pill.setHeight(item.label.height())
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(ink)
            p.drawRoundedRect(pill, 0.3 * u, 0.3 * u)
            p.setFont(bold)
            p.setPen(pill_text)
            p.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), item.score)
    p.restore()


_GLYPHS: dict[tuple[MomentKind, float, TimelinePalette], QPicture] = {}


def glyph_picture(kind: MomentKind, size: float, pal: TimelinePalette) -> QPicture:
    """`draw_glyph` around (0, 0), recorded once and kept: a busy match draws the same
    few kinds a hundred times (and its list an icon a row), and replaying the recorded
    paths costs no Python."""
    key = (kind, size, pal)
    picture = _GLYPHS.get(key)
    if picture is None:
        if len(_GLYPHS) > 256:  # sizes of many fonts and pages: start again
            _GLYPHS.clear()
        picture = _GLYPHS[key] = QPicture()
        recorder = QPainter(picture)
        draw_glyph(recorder, kind, QPointF(0, 0), size, pal)
        recorder.end()
    return picture


PHASES = 8  # a glyph's pixmaps per device pixel each way: none lands 1/16 pixel off
_GLYPH_PIXMAPS: dict[tuple[object, ...], tuple[QPixmap, QPoint]] = {}


def glyph_pixmap(
    kind: MomentKind, size: float, pal: TimelinePalette, ratio: float, phase: tuple[int, int]
) -> tuple[QPixmap, QPoint]:
    """`glyph_picture` drawn once into a pixmap of ``ratio`` device pixels per point, its
    centre ``phase`` eighths of a device pixel right of and below a pixel's corner; and
    that pixmap's top left from the corner, in device pixels. Copying pixels costs a
    fraction of replaying the paths, and a busy match's timeline is a hundred glyphs."""
    key = (kind, size, pal, ratio, phase)
    found = _GLYPH_PIXMAPS.get(key)
    if found is None:
        if len(_GLYPH_PIXMAPS) > 4096:
            _GLYPH_PIXMAPS.clear()
        picture = glyph_picture(kind, size, pal)
        bounds = picture.boundingRect()
        left, top = math.floor(bounds.left() * ratio) - 2, math.floor(bounds.top() * ratio) - 2
        width = math.ceil(bounds.right() * ratio) + 3 - left
        height = math.ceil(bounds.bottom() * ratio) + 3 - top
        drawn = QPixmap(width, height)
        drawn.setDevicePixelRatio(ratio)
        drawn.fill(Qt.GlobalColor.transparent)
        painter = QPainter(drawn)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(phase[0] / PHASES - left, phase[1] / PHASES - top) / ratio
        painter.drawPicture(centre, picture)
        painter.end()
        found = _GLYPH_PIXMAPS[key] = (drawn, QPoint(left, top))
    return found


def _draw_glyph_pixmap(
    p: QPainter, kind: MomentKind, center: QPointF, size: float, pal: TimelinePalette,
    ratio: float, moved: QPointF,
) -> None:  # fmt: skip
    """The glyph centred on ``center`` from its pixmap, on a painter that only moves
    things by ``moved``: put on a whole device pixel, the rest in the pixmap's phase."""
    x, y = (center.x() + moved.x()) * ratio, (center.y() + moved.y()) * ratio
    px, py = math.floor(x), math.floor(y)
    qx, qy = round((x - px) * PHASES), round((y - py) * PHASES)
    px, qx = (px + 1, 0) if qx == PHASES else (px, qx)
    py, qy = (py + 1, 0) if qy == PHASES else (py, qy)
    drawn, corner = glyph_pixmap(kind, size, pal, ratio, (qx, qy))
    p.drawPixmap(QPointF(px + corner.x(), py + corner.y()) / ratio - moved, drawn)


def _paint_axis(
    p: QPainter, lay: TimelineLayout, d: MatchDetail, pal: TimelinePalette, font: QFont
) -> None:
    u, top = lay.u, lay.axis_y - lay.band_h / 2
    small = _scaled(font, 0.82)
    sfm = QFontMetricsF(small, p.device())
    p.setFont(small)
    center = int(Qt.AlignmentFlag.AlignCenter)
    for seg in lay.scale.segments:
        band = QRectF(lay.x(seg.start), top, lay.x(seg.end) - lay.x(seg.start), lay.band_h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(pal.band))
        p.drawRoundedRect(band, 0.25 * u, 0.25 * u)
        tags = [""]  # the longest that fits, for narrow timelines
        if seg.period is Period.SHOOTOUT:
            tags = [f"Pens {d.penalties}", str(d.penalties), "Pens"] if d.penalties else ["Pens"]
        elif seg.period in (Period.EXTRA_FIRST, Period.EXTRA_SECOND):
            tags = ["ET"]
        fitting = (t for t in tags if sfm.horizontalAdvance(t) + 0.6 * u < band.width())
        tag = next(fitting, "")
        if seg.end > seg.regular_end:
            zone = QRectF(lay.x(seg.regular_end), top, lay.x(seg.end) - lay.x(seg.regular_end), 0)
            zone.setHeight(lay.band_h)
            p.setBrush(QColor(pal.stoppage))
            p.drawRect(zone)
            if sfm.horizontalAdvance(f"+{seg.stoppage}") < zone.width():
                p.setPen(QColor(pal.text))
                p.drawText(zone, center, f"+{seg.stoppage}")
        if tag:
            p.setPen(QColor(pal.muted))
            p.drawText(band, center, tag)
        gap_label = GAP_LABELS.get(seg.period, "")
        gap = QRectF(lay.x(seg.start - GAP_UNITS), top, GAP_UNITS * lay.k, lay.band_h)
        if seg.start > 0 and gap_label and sfm.horizontalAdvance(gap_label) < gap.width() + 0.3 * u:
            p.setPen(QColor(pal.muted))
            p.drawText(gap.adjusted(-0.15 * u, 0, 0.15 * u, 0), center, gap_label)
    p.setPen(QPen(QColor(pal.muted), max(0.5, 0.06 * u)))
    last_right = -1e9
    for units, minute in lay.scale.ticks():
        x = lay.x(units)
        p.drawLine(QPointF(x, top), QPointF(x, top + 0.22 * u))
        p.drawLine(QPointF(x, top + lay.band_h - 0.22 * u), QPointF(x, top + lay.band_h))
        text = f"{minute}'"
        w = sfm.horizontalAdvance(text)
        if x - w / 2 > last_right + 0.6 * u:
            p.drawText(QRectF(x - w, top, 2 * w, lay.band_h), center, text)
            last_right = x + w / 2
    if lay.gutter:
        p.setFont(font)
        s = d.summary
        for name, colour, sign in ((s.home, pal.home, -1), (s.away, pal.away, 1)):
            box = QRectF(lay.left - lay.gutter, 0, lay.gutter - 0.6 * u, u * 1.2)
            box.moveCenter(QPointF(box.center().x(), lay.axis_y + sign * (lay.band_h / 2 + u)))
            p.setPen(QColor(colour))
            elided = QFontMetricsF(font, p.device()).elidedText(
                name, Qt.TextElideMode.ElideRight, box.width()
            )
            p.drawText(
                box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), elided
            )


def _metrics(font: QFont | None, device: QPaintDevice | None = None) -> QFontMetricsF:
    font = font if font is not None else QGuiApplication.font()
    return QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)


def timeline_hit_test(
    rect: QRectF, detail: MatchDetail, point: QPointF, font: QFont | None = None,
    selected_id: int | None = None,
) -> int | None:  # fmt: skip
    """The id of the moment whose glyph or label is at `point` (the nearest glyph wins).

    Pass the font and selection the widget paints with: both move labels."""
    with none_refcount_guard():
        bold = _metrics(_bold(font))
        lay = TimelineLayout(rect, detail, _metrics(font), selected_id=selected_id, bold=bold)
    return moment_in_layout(lay, point)


def moment_in_layout(lay: TimelineLayout, point: QPointF) -> int | None:
    """The id of the moment whose glyph or label is at `point` in `lay`."""
    grow = 0.2 * lay.u
    hits = [
        i
        for i in lay.items
        if i.glyph.adjusted(-grow, -grow, grow, grow).contains(point)
        or (i.label is not None and i.label.contains(point))
    ]
    if not hits:
        return None
    nearest = min(hits, key=lambda i: (i.center - point).manhattanLength())
    return nearest.moment.id


def timeline_height_hint(
    width: float, detail: MatchDetail, font: QFont | None = None, device: QPaintDevice | None = None
) -> float:
    """The height at which every label fits at this width (widgets and the PDF cap it)."""
    with none_refcount_guard():
        fm, bold = _metrics(font, device), _metrics(_bold(font), device)
        rect = QRectF(0, 0, width, 100 * fm.height())
        return TimelineLayout(rect, detail, fm, unlimited=True, bold=bold).needed


def _bold(font: QFont | None) -> QFont:
    bold = QFont(font if font is not None else QGuiApplication.font())
    bold.setBold(True)
    return bold
