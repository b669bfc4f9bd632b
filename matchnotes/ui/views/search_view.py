"""The search screen: one box, filters, and results grouped by kind, searched as you type.

Each query runs on a pool thread (BackgroundOp), never on the GUI thread, so typing never
waits for the database. Queries are numbered; only the latest number is ever shown.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from matchnotes.enums import SearchKind
from matchnotes.errors import ValidationError
from matchnotes.services import Services
from matchnotes.services.search_results import SearchResult, SearchResults
from matchnotes.ui.models.search_model import GROUP_LABELS, SearchResultDelegate, SearchResultsModel
from matchnotes.ui.workers import BackgroundOp

PLACEHOLDER = "Search matches, people, moments, quotes, notes… (Ctrl+K)"
DEBOUNCE_MS = 150
ERROR_STYLE = "color: #d7263d;"
HINT_HTML = (
    "<h3>Search everything</h3><p>Matches, people, teams, moments, quotes and notes, "
    "by any words in them.</p><p><code>Kane penalty</code> — both words "
    "(penalties too; names as written)<br>"
    "<code>kane pen</code> — the start of the word you are typing is enough<br>"
    "<code>&quot;over the bar&quot;</code> — a phrase<br>"
    "<code>special person</code> — words from a quote<br>"
    "<code>Kane -miss</code> — leave a word out</p>"
    "<p>Down moves into the results; Enter opens one.</p>"
)
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?-?")


def parse_date(text: str, *, end: bool) -> dt.date | None:
    """YYYY-MM-DD, or YYYY-MM / YYYY for a whole month / year (its last day if ``end``)."""
    text = text.strip()
    if not text:
        return None
    found = _DATE.fullmatch(text)
    try:
        if not found:
            raise ValueError
        year, month, day = (int(part) if part else None for part in found.groups())
        month = month or (12 if end else 1)
        last = calendar.monthrange(year, month)[1]  # type: ignore[arg-type]
        return dt.date(year, month, day or (last if end else 1))  # type: ignore[arg-type]
    except ValueError:
        raise ValidationError(f"“{text}” is not a date; write it as 2022-12-10.") from None


class SearchView(QWidget):
    """Emits ``result_activated(kind, id)`` with kind "match", "person" or "team", and
    ``searched(count)`` once a query's outcome is on screen (0 when it was refused)."""

    result_activated = Signal(str, int)
    searched = Signal(int)

    def __init__(self, services: Services | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services  # None until the database is open (see set_services)
        self.latest_finished = 0  # the number of the latest query whose outcome is shown
        self._sequence = 0  # the number of the latest query asked for
        self._running: BackgroundOp | None = None
        self._waiting: tuple[int, dict[str, Any]] | None = None  # the next query to run

        self.search_edit = QLineEdit(placeholderText=PLACEHOLDER, clearButtonEnabled=True)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem("All kinds", None)
        for kind, label in GROUP_LABELS.items():
            self.kind_combo.addItem(label, kind)
        self.competition_combo = QComboBox(minimumContentsLength=10)
        self.team_combo = QComboBox(minimumContentsLength=10)
        date_chars = QRegularExpressionValidator(QRegularExpression(r"[0-9-]{0,10}"), self)
        self.date_from_edit = QLineEdit(placeholderText="From YYYY-MM-DD", validator=date_chars)
        self.date_to_edit = QLineEdit(placeholderText="To YYYY-MM-DD", validator=date_chars)
        for edit in (self.date_from_edit, self.date_to_edit):  # the placeholder stays whole
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 16)
        self.message_label = QLabel(wordWrap=True, visible=False, styleSheet=ERROR_STYLE)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)

        self.model = SearchResultsModel(self)
        self.results_view = QTreeView(headerHidden=True, rootIsDecorated=False)
        self.results_view.setModel(self.model)
        self.results_view.setItemDelegate(SearchResultDelegate(self.results_view))
        self.results_view.setItemsExpandable(False)
        self.results_view.setIndentation(0)  # the delegate indents results
        self.results_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hint_label = QLabel(HINT_HTML, wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty_label = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        for page in (self.hint_label, self.empty_label, self.results_view):
            self.stack.addWidget(page)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._lay_out()
        self.refresh_filters()

        self._timer.timeout.connect(self._on_timer_timeout)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        for combo in (self.kind_combo, self.competition_combo, self.team_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        for edit in (self.date_from_edit, self.date_to_edit):
            edit.textChanged.connect(self._on_filter_changed)
        self.results_view.activated.connect(self._on_results_view_activated)
        self.search_edit.installEventFilter(self)
        self.results_view.installEventFilter(self)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.kind_combo)
        filters.addWidget(self.competition_combo, 2)
        filters.addWidget(self.team_combo, 2)
        filters.addWidget(self.date_from_edit, 1)
        filters.addWidget(self.date_to_edit, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_edit)
        layout.addLayout(filters)
        layout.addWidget(self.message_label)
        layout.addWidget(self.stack, 1)

    # --- public ---

    def set_query(self, text: str) -> None:
        """Show ``text`` in the box; the search follows after the usual pause."""
        self.search_edit.setText(text)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    @property
    def searching(self) -> bool:
        """A query is waiting for the pause in typing, or running."""
        return self._timer.isActive() or self._running is not None

    def refresh(self) -> None:
        """Search again now (after the data changed)."""
        self._timer.stop()
        self._on_timer_timeout()

    def set_services(self, services: Services) -> None:
        """The database is open: fill the filters and run a query typed meanwhile."""
        self.services = services
        self.refresh_filters()
        if self._waiting is not None and self._running is None:
            self._run_waiting()

    def refresh_filters(self) -> None:
        """Fill the competition and team lists again, keeping the choices still there."""
        if self.services is None:
            return
        competitions = [(c.name, c.id) for c in self.services.catalog.competitions()]
        teams = [(t.name, t.id) for t in self.services.catalog.teams()]
        changed = _fill(self.competition_combo, "All competitions", competitions)
        if _fill(self.team_combo, "All teams", teams) or changed:  # a chosen one went
            self._timer.start()

    # --- asking ---

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._timer.start()  # restarts: the search waits for a pause in the typing

    def _on_filter_changed(self, *_args: object) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self._sequence += 1
        self._waiting = None  # superseded, whatever it was
        text = self.search_edit.text()
        try:
            query = self._query(text) if text.strip() else None
        except ValidationError as exc:  # a date the service would never see
            self._show_refusal(self._sequence, str(exc))
            return
        if query is None:
            self._show_outcome(self._sequence, None)
            return
        self._waiting = (self._sequence, query)
        if self._running is None and self.services is not None:
            self._run_waiting()  # else it starts when the running one ends (or at open)

    def _query(self, text: str) -> dict[str, Any]:
        kind = self.kind_combo.currentData()
        return {
            "text": text,
            "kinds": None if kind is None else [kind],
            "competition": self.competition_combo.currentData(),
            "team": self.team_combo.currentData(),
            "date_from": parse_date(self.date_from_edit.text(), end=False),
            "date_to": parse_date(self.date_to_edit.text(), end=True),
        }

    def _run_waiting(self) -> None:
        """One query at a time: a burst of typing queues only its latest query, which is
        then the only one shown. A newer query "cancels" an older one by its number:
        results whose number is not the latest are dropped (a running SQLite statement
        cannot be stopped from here, and it takes milliseconds anyway)."""
        assert self._waiting is not None
        assert self.services is not None
        (number, query), self._waiting = self._waiting, None
        search = self.services.search.search
        self._running = (
            BackgroundOp(self, lambda _progress: search(**query))
            .on_success(lambda results: self._on_search_finished(number, results))
            .on_failure(lambda message: self._on_search_failed(number, message))
            .run()
        )

    def _on_search_finished(self, number: int, results: SearchResults) -> None:
        self._next()
        self._show_outcome(number, results)

    def _on_search_failed(self, number: int, message: str) -> None:
        self._next()
        self._show_refusal(number, message)

    def _next(self) -> None:
        if self._running is not None:
            self._running.deleteLater()
            self._running = None
        if self._waiting is not None:
            self._run_waiting()

    # --- showing ---

    def _show_outcome(self, number: int, results: SearchResults | None) -> None:
        if number != self._sequence:
            return  # an older query: a newer one is on its way
        self.message_label.hide()
        self.model.set_results(results or SearchResults(""))
        if results is None:
            self.stack.setCurrentWidget(self.hint_label)
        elif not results.groups:
            advice = (
                "Fewer words or fewer filters may help." if self._filtered() else "Try fewer words."
            )
            self.empty_label.setText(
                f"<h3>Nothing found for “{html.escape(results.text.strip())}”</h3><p>{advice}</p>"
            )
            self.stack.setCurrentWidget(self.empty_label)
        else:
            self.results_view.expandAll()
            self.results_view.scrollToTop()
            self.stack.setCurrentWidget(self.results_view)
        self.latest_finished = number
        self.searched.emit(len(results or ()))

    def _show_refusal(self, number: int, message: str) -> None:
        if number != self._sequence:
            return
        self.model.clear()
        self.stack.setCurrentWidget(self.hint_label)
        self.message_label.setText(message)
        self.message_label.show()
        self.latest_finished = number
        self.searched.emit(0)

    def _filtered(self) -> bool:
        combos = (self.kind_combo, self.competition_combo, self.team_combo)
        dates = (self.date_from_edit, self.date_to_edit)
        return any(c.currentIndex() > 0 for c in combos) or any(d.text().strip() for d in dates)

    # --- keys and opening ---

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search_edit and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            return self._enter_results()
        if watched is self.results_view:
            current = self.results_view.currentIndex()
            at_top = current == self.model.first_result() or not current.isValid()
            if key == Qt.Key.Key_Escape or (key == Qt.Key.Key_Up and at_top):
                self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            typed = event.text().isprintable() and event.text().strip()
            if typed or key == Qt.Key.Key_Backspace:  # typing in the list goes on in the box
                self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                if typed:
                    self.search_edit.insert(event.text())
                else:
                    self.search_edit.backspace()
                return True
        return super().eventFilter(watched, event)

    def _enter_results(self) -> bool:
        if self.stack.currentWidget() is not self.results_view:
            return False
        view = self.results_view
        if not view.currentIndex().isValid() or not view.selectionModel().hasSelection():
            view.setCurrentIndex(self.model.first_result())
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _on_search_edit_return_pressed(self) -> None:
        """Enter in the box opens the best result, once the results are for this text."""
        if self._timer.isActive() or self.latest_finished != self._sequence:
            return
        first = self.model.result_at(self.model.first_result())
        if first is not None:
            self._open(first)

    def _on_results_view_activated(self, index: QModelIndex) -> None:
        result = self.model.result_at(index)
        if result is not None:
            self._open(result)

    def _open(self, result: SearchResult) -> None:
        if result.match_id is not None:
            self.result_activated.emit("match", result.match_id)
        elif result.person_id is not None:
            self.result_activated.emit("person", result.person_id)
        elif result.kind is SearchKind.TEAM:
            self.result_activated.emit("team", result.id)


def _fill(combo: QComboBox, label: str, items: list[tuple[str, int]]) -> bool:
    """Refill ``combo``, keeping its choice if still there; whether the choice changed."""
    current = combo.currentData()
    combo.blockSignals(True)  # refilling is not a choice: no search for it
    combo.clear()
    combo.addItem(label, None)
    for name, ident in items:
        combo.addItem(name, ident)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)
    return combo.currentData() != current
