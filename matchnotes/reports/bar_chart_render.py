"""Stacked bars by year (matches seen per year; a team's results seen), painted with
QPainter: one painter for the Diary's statistics on screen and in the diary PDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen


@dataclass(frozen=True)
class BarChart:
    title: str
    series: tuple[tuple[str, str], ...]  # (name, colour) bottom to top
    bars: tuple[tuple[str, tuple[int, ...]], ...]  # (label, one value per series)


def paint_bar_chart(p: QPainter, area: QRectF, chart: BarChart, ink: QColor) -> None:
    """Title, legend, bars and a few value lines; labels thinned out when crowded."""
    font = QFont(p.font())
    metrics = QFontMetricsF(font)
    line = metrics.height()
    p.setPen(ink)
    bold = QFont(font)
    bold.setBold(True)
    p.setFont(bold)
    p.drawText(QRectF(area.x(), area.y(), area.width(), line), chart.title)
    p.setFont(font)
    x = area.x()
    for name, colour in chart.series:  # the legend, after the title's line
        p.fillRect(QRectF(x, area.y() + line + 4, line * 0.8, line * 0.8), QColor(colour))
        p.setPen(ink)
        p.drawText(QRectF(x + line, area.y() + line + 2, 200, line), name)
        x += line + metrics.horizontalAdvance(name) + 16
    plot = QRectF(
        area.x() + 30, area.y() + 3.2 * line, area.width() - 34, area.height() - 4.6 * line
    )
    top = max((sum(values) for _label, values in chart.bars), default=0)
    if not chart.bars or top == 0 or plot.height() <= 0:
        p.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), "Nothing seen yet")
        return
    step = _nice_step(top)
    grid = QColor(ink)
    grid.setAlpha(50)
    for value in range(0, top + 1, step):
        y = plot.bottom() - plot.height() * value / top
        p.setPen(QPen(grid, 1))
        p.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
        p.setPen(ink)
        p.drawText(
            QRectF(area.x(), y - line / 2, 26, line), int(Qt.AlignmentFlag.AlignRight), str(value)
        )
    width = plot.width() / len(chart.bars)
    every = max(1, int((metrics.horizontalAdvance("2000") + 8) // max(1.0, width)) + 1)
    for i, (label, values) in enumerate(chart.bars):
        bottom = plot.bottom()
        for (_name, colour), value in zip(chart.series, values, strict=True):
            height = plot.height() * value / top
            p.fillRect(
                QRectF(plot.x() + i * width + width * 0.15, bottom - height, width * 0.7, height),
                QColor(colour),
            )
            bottom -= height
        if i % every == 0:
            p.setPen(ink)
            p.drawText(
                QRectF(plot.x() + i * width - 20, plot.bottom() + 2, width + 40, line),
                int(Qt.AlignmentFlag.AlignHCenter),
                label,
            )


def chart_image(chart: BarChart, width: int, height: int, scale: float = 2.0) -> QImage:
    """The chart on a white image (for the PDF), drawn at ``scale`` for print sharpness."""
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(scale, scale)
    paint_bar_chart(p, QRectF(4, 4, width - 8, height - 8), chart, QColor("black"))
    p.end()
    return image


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top / step <= 5:
            return step
    return max(1, top // 5)


def per_year_chart(rows: Sequence[tuple[int, int, int]]) -> BarChart:
    return BarChart(
        "Matches seen per year",
        (("Attended", "#1f6fb2"), ("Watched", "#9cc3e6")),
        tuple((str(year), (attended, watched)) for year, attended, watched in rows),
    )


def team_chart(team: str, rows: Sequence[tuple[int, int, int, int]]) -> BarChart:
    return BarChart(
        f"{team}: results seen in the ground",
        (("Won", "#2e8b57"), ("Drawn", "#c9a227"), ("Lost", "#c0392b")),
        tuple((str(year), (won, drawn, lost)) for year, won, drawn, lost in rows),
    )
