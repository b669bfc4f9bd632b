"""Search results as a two-level tree (a header row per kind, its results below) and the
delegate that paints them as rich text.

The list is bounded (six kinds of at most 50 results), so the model holds it all and
the delegate paints each visible row from a QTextDocument: no widget per row.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from matchnotes.enums import SearchKind
from matchnotes.services.search_results import (
    MARK_END,
    MARK_START,
    SearchResult,
    SearchResults,
    unmarked,
)
from matchnotes.ui.plain_text import as_tooltip

Index = QModelIndex | QPersistentModelIndex

RESULT_ROLE = Qt.ItemDataRole.UserRole + 1  # the SearchResult (None on a header row)
HTML_ROLE = Qt.ItemDataRole.UserRole + 2  # what the delegate paints, user text escaped
GROUP_LABELS = {
    SearchKind.MATCH: "Matches",
    SearchKind.PERSON: "People",
    SearchKind.TEAM: "Teams",
    SearchKind.MOMENT: "Moments",
    SearchKind.QUOTE: "Quotes",
    SearchKind.NOTE: "Notes",
}
_HEADER = 0  # internal id of a header row; a result's is its group's row + 1
_PAD = 6  # pixels around the text


def marked_html(text: str) -> str:
    """Escape first, then turn the service's markers into bold: user text is never HTML."""
    return html.escape(text).replace(MARK_START, "<b>").replace(MARK_END, "</b>")


def group_label(results: SearchResults, kind: SearchKind) -> str:
    """The header: "Moments (12)"; "Moments (500+ · best 50 shown)" when not all are listed."""
    shown = len(results.groups[kind])
    total = results.totals.get(kind, shown)
    more = "+" if kind in results.more else ""
    best = f" · best {shown} shown" if more or total > shown else ""
    return f"{GROUP_LABELS[kind]} ({total}{more}{best})"


def result_html(result: SearchResult) -> str:
    """Two lines: the title (and where it belongs, muted), then the snippet."""
    context = f' <span class="muted">— {html.escape(result.context)}</span>'
    title = marked_html(result.marked_title) + (context if result.context else "")
    return f"{title}<br>{marked_html(result.snippet)}"


class SearchResultsModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.results = SearchResults("")
        self._kinds: list[SearchKind] = []

    def set_results(self, results: SearchResults) -> None:
        self.beginResetModel()
        self.results = results
        self._kinds = list(results.groups)
        self.endResetModel()

    def clear(self) -> None:
        self.set_results(SearchResults(""))

    def result_at(self, index: Index) -> SearchResult | None:
        return index.data(RESULT_ROLE) if index.isValid() else None

    def first_result(self) -> QModelIndex:
        return self.index(0, 0, self.index(0, 0)) if self._kinds else QModelIndex()

    # --- QAbstractItemModel ---

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else _HEADER)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _HEADER:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _HEADER)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._kinds)
        if parent.internalId() == _HEADER and parent.column() == 0:
            return len(self.results.groups[self._kinds[parent.row()]])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _HEADER:  # headers are labels: arrow keys skip them
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _HEADER:
            kind = self._kinds[index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, HTML_ROLE):
                label = group_label(self.results, kind)
                return f"<b>{html.escape(label)}</b>" if role == HTML_ROLE else label
            return None
        result = self.results.groups[self._kinds[index.internalId() - 1]][index.row()]
        if role == RESULT_ROLE:
            return result
        if role == HTML_ROLE:
            return result_html(result)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            where = f" — {result.context}" if result.context else ""
            text = f"{result.title}{where}\n{unmarked(result.snippet)}"
            return text if role == Qt.ItemDataRole.DisplayRole else as_tooltip(text)
        return None


class SearchResultDelegate(QStyledItemDelegate):
    """Paints HTML_ROLE, one line per line of it (no wrapping: long lines are clipped)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        header = index.data(RESULT_ROLE) is None
        palette, active = option.palette, QPalette.ColorGroup.Active  # headers are disabled
        if header:  # a band across the view, like a section title
            painter.fillRect(option.rect, palette.color(active, QPalette.ColorRole.Window))
        else:  # the background, selection and focus frame, without the text
            option.text = ""
            style = option.widget.style() if option.widget else QApplication.style()
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole
        text = palette.color(active, role.HighlightedText if selected else role.Text)
        muted = text if selected else _blend(text, palette.color(active, role.Base))
        doc = _document(index.data(HTML_ROLE) or "", option, muted)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(role.Text, text)
        indent = _PAD if header else 3 * _PAD  # the view has no indentation: selection spans all
        rect = option.rect.adjusted(indent, _PAD // 2, -_PAD, 0)
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = option.fontMetrics.lineSpacing()
        header = index.data(RESULT_ROLE) is None  # one line with air around it; else two
        return QSize(option.rect.width(), line + 2 * _PAD if header else 2 * line + _PAD + 2)


def _document(html_text: str, option: QStyleOptionViewItem, muted: QColor) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(option.font)
    doc.setDocumentMargin(0)
    no_wrap = QTextOption(Qt.AlignmentFlag.AlignLeft)
    no_wrap.setWrapMode(QTextOption.WrapMode.NoWrap)
    doc.setDefaultTextOption(no_wrap)
    doc.setDefaultStyleSheet(f".muted {{ color: {muted.name()}; }}")  # before setHtml
    doc.setHtml(html_text)
    return doc


def _blend(a: QColor, b: QColor, share: float = 0.55) -> QColor:
    """``share`` of ``a``, the rest of ``b``: a muted text colour for any theme."""
    mix = [
        round(x * share + y * (1 - share))
        for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True)
    ]
    return QColor(*mix)
