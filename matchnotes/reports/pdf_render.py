"""PDF reports with Qt's own PDF support: QPdfWriter + QTextDocument, with the match
timeline painted by `paint_timeline` on the same QPainter (one painter, two surfaces).

Text stays text (selectable and searchable). User text is escaped in report_html.py,
and `_SafeDocument` refuses every resource, so a report never reads anything outside
itself. Files are written through `export.atomic_path`: complete (checked to its
`%%EOF`, as QPdfWriter does not report a full disk) or not at all.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

from PySide6.QtCore import QBuffer, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QPicture,
    QTextBlockFormat,
    QTextDocument,
)

from matchnotes.draft.model import Draft
from matchnotes.errors import MatchNotesError, ValidationError
from matchnotes.paths import resource
from matchnotes.reports import content, person_content, report_html
from matchnotes.reports.bar_chart_render import chart_image, per_year_chart, team_chart
from matchnotes.reports.content import short_date
from matchnotes.reports.diary_html import diary_html
from matchnotes.reports.export import Cancel, Progress, atomic_path, check, pdf_is_complete
from matchnotes.reports.timeline_render import (
    none_refcount_guard,
    paint_timeline,
    timeline_height_hint,
)
from matchnotes.services.diary_figures import DiaryFigures
from matchnotes.services.views import MatchDetail, PersonPage

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
DPI = 300
MARGINS_MM = QMarginsF(16, 14, 16, 12)
BODY_PT, SMALL_PT = 9.0, 7.5
EMOJI_FONT = "NotoEmoji-Regular.ttf"
_PDF_REFUSED = "The PDF cannot be written there; choose another folder."
_PRINTER_REFUSED = "The printer cannot print now; check it is ready, or choose another."
_app: QGuiApplication | None = None  # kept alive for headless exports


def ensure_gui_app() -> None:
    """Qt needs a QGuiApplication to lay out text; make one if nothing has (CLI, tests)."""
    global _app
    if QGuiApplication.instance() is None:
        headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        if sys.platform.startswith("linux") and headless:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([])
    _add_emoji_font()


@cache
def _add_emoji_font() -> None:
    """Noto Emoji (monochrome, OFL; resources/fonts/) for emoji that the system's fonts
    lack: without it a "⚽😀" note prints as empty boxes on a machine with no emoji font."""
    font_id = QFontDatabase.addApplicationFont(str(resource("fonts", EMOJI_FONT)))
    for family in QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []:
        QFontDatabase.addApplicationEmojiFontFamily(family)


class _SafeDocument(QTextDocument):
    def loadResource(self, type: int, name: QUrl | str) -> None:
        return None  # no image, stylesheet or file from outside the report, ever


def _font(points: float) -> QFont:
    font = QFont()
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(points)
    # No "ﬁ" ligatures: copied or searched text must read "final", not "ﬁnal".
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def _page_size(name: str) -> QPageSize:
    size = PAGE_SIZES.get(name.lower())
    if size is None:
        raise ValidationError(f"“{name}” is not a page size; use A4 or Letter.")
    return QPageSize(size)


def _spacer_top(doc: QTextDocument) -> float | None:
    """Where the timeline spacer block starts (document coordinates), if there is one."""
    block = doc.begin()
    kinds = QTextBlockFormat.LineHeightTypes
    fixed = {kinds.FixedHeight.value, kinds.MinimumHeight.value}  # CSS px gives the latter
    while block.isValid():
        if block.blockFormat().lineHeightType() in fixed:
            return doc.documentLayout().blockBoundingRect(block).top()
        block = block.next()
    return None


def _render(
    path: Path, html: Callable[[float], str], *, title: str, footer: str, page_size: str,
    detail: MatchDetail | None = None, progress: Progress | None = None,
    cancel: Cancel | None = None, images: dict[str, QImage] | None = None,
) -> None:  # fmt: skip
    ensure_gui_app()
    size = _page_size(page_size)
    check(cancel)
    with none_refcount_guard(), atomic_path(Path(path), pdf_is_complete) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(DPI)
        writer.setPageSize(size)
        writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
        writer.setTitle(title)
        writer.setCreator("MatchNotes")
        _paint_pages(writer, html, footer, detail, progress, cancel, images)
        del writer  # closes the file before atomic_path renames it


class _Pages:
    """A report laid out for one page size and resolution: ``paint(painter, page)`` paints
    a page of it. The document and fonts are measured on ``device`` (the PDF writer or
    printer itself, or one laid out like it), so its pages break where the PDF's do."""

    def __init__(
        self, device: QPaintDevice, make_html: Callable[[float], str], footer: str,
        detail: MatchDetail | None, images: dict[str, QImage] | None = None,
    ) -> None:  # fmt: skip
        self.width, self.height = float(device.width()), float(device.height())
        self.small = _font(SMALL_PT)
        small_fm = QFontMetricsF(self.small, device)
        self.footer, self.footer_h = footer, 2.4 * small_fm.height()
        self.page_h = self.height - self.footer_h
        self.detail, self.timeline_h = detail, 0.0
        if detail is not None and detail.moments:
            hint = timeline_height_hint(self.width, detail, self.small, device)
            self.timeline_h = min(max(hint, 0.2 * self.width), 0.55 * self.width, 0.6 * self.page_h)
        doc = self.doc = _SafeDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setDefaultFont(_font(BODY_PT))
        doc.setDefaultStyleSheet(report_html.CSS)
        doc.setDocumentMargin(0)
        doc.setPageSize(QSizeF(self.width, self.page_h))
        for name, image in (images or {}).items():  # <img src="name"> in the HTML
            doc.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name), image)
        doc.setHtml(make_html(self.timeline_h * 96 / DPI))  # CSS pixels are 1/96 inch
        self.spacer = _spacer_top(doc) if self.timeline_h else None
        self.count = doc.pageCount()

    def paint(self, painter: QPainter, page: int) -> None:
        top, width, page_h = page * self.page_h, self.width, self.page_h
        painter.save()
        painter.translate(0, -top)
        self.doc.drawContents(painter, QRectF(0, top, width, page_h))
        painter.restore()
        spacer, detail = self.spacer, self.detail
        if detail is not None and spacer is not None and top <= spacer < top + page_h:
            painter.setFont(self.small)
            paint_timeline(painter, QRectF(0, spacer - top, width, self.timeline_h), detail)
        footer_rect = QRectF(0, self.height - self.footer_h, width, self.footer_h)
        _footer(painter, self.small, footer_rect, self.footer, page, self.count)


def _paint_pages(
    writer: QPagedPaintDevice, make_html: Callable[[float], str], footer: str,
    detail: MatchDetail | None, progress: Progress | None, cancel: Cancel | None,
    images: dict[str, QImage] | None = None,
) -> int:  # fmt: skip
    """Paint every page onto ``writer``; how many there were."""
    pages = _Pages(writer, make_html, footer, detail, images)
    painter = QPainter()
    if not painter.begin(writer):
        raise MatchNotesError(_PDF_REFUSED)
    try:
        for page in range(pages.count):
            check(cancel)
            if page:
                writer.newPage()
            pages.paint(painter, page)
            if progress:
                progress(page + 1, pages.count)
    finally:
        painter.end()
    return pages.count


def _footer(painter: QPainter, font: QFont, rect: QRectF, text: str, page: int, pages: int) -> None:
    rule = QPointF(0, rect.height() * 0.3)
    painter.setPen(QPen(QColor(report_html.RULE), 2))
    painter.drawLine(rect.topLeft() + rule, rect.topRight() + rule)
    painter.setFont(font)
    painter.setPen(QColor(report_html.MUTED))
    below = rect.adjusted(0, rule.y(), 0, 0)
    middle = Qt.AlignmentFlag.AlignVCenter
    painter.drawText(below, int(Qt.AlignmentFlag.AlignLeft | middle), text)
    number = f"Page {page + 1} of {pages}"
    painter.drawText(below, int(Qt.AlignmentFlag.AlignRight | middle), number)


def write_match_pdf(
    detail: MatchDetail, path: Path | str, page_size: str = "A4", *,
    progress: Progress | None = None, cancel: Cancel | None = None, draft: Draft | None = None,
) -> None:  # fmt: skip
    """The match summary: header, score, timeline, line-ups, moments, quotes, notes, and
    the report draft when one is given."""
    report = content.match_report(detail, draft)
    s = detail.summary
    footer = f"{report.title} · {short_date(s.date)}"
    html = lambda px: report_html.match_html(report, px)  # noqa: E731
    _render(Path(path), html, title=report.title, footer=footer, page_size=page_size,
            detail=detail, progress=progress, cancel=cancel)  # fmt: skip


class _PagePicture(QPicture):
    """One page recorded for a later replay. A bare QPicture measures like the screen, so
    the fonts set on its painter (the footer's, the timeline's) would resolve at screen
    size; this one answers the size and resolution of the printer it stands for, so what
    it records is what that printer would get."""

    def __init__(self, like: QPaintDevice) -> None:
        super().__init__()
        m = QPaintDevice.PaintDeviceMetric
        self._metrics = {
            m.PdmWidth: like.width(), m.PdmHeight: like.height(),
            m.PdmWidthMM: like.widthMM(), m.PdmHeightMM: like.heightMM(),
            m.PdmDpiX: like.logicalDpiX(), m.PdmDpiY: like.logicalDpiY(),
            m.PdmPhysicalDpiX: like.physicalDpiX(), m.PdmPhysicalDpiY: like.physicalDpiY(),
        }  # fmt: skip

    def metric(self, metric: QPaintDevice.PaintDeviceMetric) -> int:
        value = self._metrics.get(metric)
        return super().metric(metric) if value is None else value


def record_match_pages(
    layout: QPageLayout, resolution: int, detail: MatchDetail, draft: Draft | None = None,
    *, cancel: Cancel | None = None,
) -> list[QPicture]:  # fmt: skip
    """The match summary's pages, recorded for a printer with this page layout and
    resolution: the code that paints the PDF export's pages (``_Pages``) paints each into
    a picture, which ``replay_pages`` plays back. The app has it run in a process of its own
    (``record_match_page_data``, ui/printing.py) and only replays the pages."""
    ensure_gui_app()
    report = content.match_report(detail, draft)
    footer = f"{report.title} · {short_date(detail.summary.date)}"
    buffer = QBuffer()  # a writer that never writes: it measures like the printer
    device = QPdfWriter(buffer)
    device.setResolution(resolution)
    device.setPageLayout(layout)
    pictures: list[QPicture] = []
    with none_refcount_guard():
        pages = _Pages(device, lambda px: report_html.match_html(report, px), footer, detail)
        for page in range(pages.count):
            check(cancel)
            picture = _PagePicture(device)
            painter = QPainter(picture)
            try:
                pages.paint(painter, page)
            finally:
                painter.end()
            pictures.append(picture)
    return pictures


PageSpec = tuple[int, float, float, int, int, tuple[float, float, float, float], int]


def page_spec(layout: QPageLayout) -> PageSpec:
    """A page layout as plain values, for a process of its own (``pdf_child``): the page
    size (its id and its size as defined), orientation, margins in mm and mode."""
    size, mm = layout.pageSize(), QPageLayout.Unit.Millimeter
    margins = layout.margins(mm)
    defined = size.definitionSize()
    return (
        size.id().value, defined.width(), defined.height(), size.definitionUnits().value,
        layout.orientation().value,
        (margins.left(), margins.top(), margins.right(), margins.bottom()), layout.mode().value,
    )  # fmt: skip


def layout_of(spec: PageSpec) -> QPageLayout:
    """The page layout ``page_spec`` described."""
    size_id, width, height, units, orientation, margins, mode = spec
    if size_id == QPageSize.PageSizeId.Custom.value:
        size = QPageSize(QSizeF(width, height), QPageSize.Unit(units), "",
                         QPageSize.SizeMatchPolicy.ExactMatch)  # fmt: skip
    else:
        size = QPageSize(QPageSize.PageSizeId(size_id))
    layout = QPageLayout(size, QPageLayout.Orientation(orientation), QMarginsF(*margins),
                         QPageLayout.Unit.Millimeter)  # fmt: skip
    layout.setMode(QPageLayout.Mode(mode))
    return layout


def record_match_page_data(
    spec: PageSpec, resolution: int, detail: MatchDetail, draft: Draft | None = None, *,
    progress: Progress | None = None, cancel: Cancel | None = None,
) -> list[bytes]:  # fmt: skip
    """``record_match_pages`` for a process of its own: each page's picture as bytes
    (``QPicture.data``), which ``QPicture.setData`` plays back the same, pixel for pixel."""
    pictures = record_match_pages(layout_of(spec), resolution, detail, draft, cancel=cancel)
    if progress:
        progress(len(pictures), len(pictures))
    return [bytes(picture.data()) for picture in pictures]  # type: ignore[call-overload]


def pictures_of(data: list[bytes]) -> list[QPicture]:
    """The pages ``record_match_page_data`` recorded, ready to replay."""
    pictures = []
    for page in data:
        picture = QPicture()
        picture.setData(page)
        pictures.append(picture)
    return pictures


def replay_pages(device: QPagedPaintDevice, pictures: list[QPicture]) -> None:
    """Play recorded pages (``record_match_pages``) onto a printer, one page each."""
    painter = QPainter()
    if not painter.begin(device):
        raise MatchNotesError(_PRINTER_REFUSED)
    # QPicture.play scales a picture by the device's resolution over the screen's; these
    # pages were recorded at the device's own, so that scale is undone first.
    screen = QPicture()
    painter.scale(
        screen.logicalDpiX() / device.logicalDpiX(), screen.logicalDpiY() / device.logicalDpiY()
    )
    try:
        with none_refcount_guard():
            for page, picture in enumerate(pictures):
                if page:
                    device.newPage()
                painter.drawPicture(0, 0, picture)
    finally:
        painter.end()


def write_person_pdf(
    page: PersonPage, path: Path | str, page_size: str = "A4", *, notes: list[str] | None = None,
    progress: Progress | None = None, cancel: Cancel | None = None,
) -> None:  # fmt: skip
    """A player's (or manager's, or referee's) report: profile, record, moments, quotes."""
    report = person_content.person_report(page, notes)
    html = lambda _px: report_html.person_html(report)  # noqa: E731
    _render(Path(path), html, title=report.name, footer=report.name, page_size=page_size,
            progress=progress, cancel=cancel)  # fmt: skip


def write_season_pdf(
    details: list[MatchDetail], path: Path | str, title: str, page_size: str = "A4", *,
    progress: Progress | None = None, cancel: Cancel | None = None,
) -> None:  # fmt: skip
    """Every match of a competition or a year: results, ratings, grounds, notes."""
    report = content.season_report(details, title)
    html = lambda _px: report_html.season_html(report)  # noqa: E731
    _render(Path(path), html, title=title, footer=title, page_size=page_size,
            progress=progress, cancel=cancel)  # fmt: skip


def write_diary_pdf(
    figures: DiaryFigures, path: Path | str, page_size: str = "A4", *,
    progress: Progress | None = None, cancel: Cancel | None = None,
) -> None:  # fmt: skip
    """The diary in figures: totals, the two charts, grounds, countries, teams, players."""
    ensure_gui_app()
    title = f"My football diary — {figures.period}"
    images = {"chart:per-year": chart_image(per_year_chart(figures.per_year), 640, 260)}
    if figures.team:
        images["chart:team"] = chart_image(
            team_chart(figures.team, figures.team_per_year), 640, 260
        )
    html = lambda _px: diary_html(figures, title, images)  # noqa: E731
    _render(Path(path), html, title=title, footer=title, page_size=page_size,
            progress=progress, cancel=cancel, images=images)  # fmt: skip
