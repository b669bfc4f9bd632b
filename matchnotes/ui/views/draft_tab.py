"""The match page's Draft tab: the report draft one sentence a row.

Click a sentence: its source (moment or quote) is selected on the page and named here.
Double-click or F2: type over it (saved at once; regenerating keeps it). A sentence whose
notes changed since it was written shows a warning icon. Copy puts the plain text on the
clipboard.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from matchnotes.draft.model import Draft, Sentence
from matchnotes.errors import MatchNotesError
from matchnotes.labels import KIND_LABELS
from matchnotes.services import Services
from matchnotes.services.views import MatchDetail

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
STALE_TIP = "Its notes changed after it was written. Regenerate to write it again."
SOURCE_WORDS = {
    "tally": "career tally (baseline + goals logged)",
    "record": "team record (from career baselines)",
    "match": "the match (teams, score, stage, venue)",
}


class DraftTab(QWidget):
    source_clicked = Signal(str, int)  # ("moment" | "quote", id): select it on the page

    def __init__(self, services: Services, match_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.match_id = match_id
        self.draft: Draft | None = None
        self.detail: MatchDetail | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.regenerate_button = QPushButton("Regenerate")
        self.regenerate_button.setToolTip("Write the draft again from the notes; your edits stay")
        self.regenerate_all_button = QPushButton("Regenerate all…")
        self.regenerate_all_button.setToolTip("Write every sentence again, your edits too")
        self.copy_button = QPushButton("Copy text")
        self.copy_button.setToolTip("Put the draft on the clipboard as plain text")
        self.sentences = QListWidget()
        self.sentences.setWordWrap(True)
        self.sentences.setSpacing(2)
        self.sentences.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.source = QLabel()
        self.source.setWordWrap(True)
        bar = QHBoxLayout()
        for button in (self.regenerate_button, self.regenerate_all_button, self.copy_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.sentences, 1)
        layout.addWidget(self.source)
        self.regenerate_button.clicked.connect(lambda: self._regenerate(keep_edited=True))
        self.regenerate_all_button.clicked.connect(self._ask_regenerate_all)
        self.copy_button.clicked.connect(self.copy_text)
        self.sentences.currentItemChanged.connect(self._on_current_changed)
        self.sentences.itemChanged.connect(self._on_item_changed)

    def reload(
        self, detail: MatchDetail | None = None, read: tuple[Draft, bool] | None = None
    ) -> None:
        """Show the saved draft (or the one the notes write now), stale sentences marked.

        ``read``: the draft and whether it is saved, already read (on the page's worker)."""
        if detail is not None:
            self.detail = detail
        if read is None:
            drafts = self.services.draft
            read = drafts.current(self.match_id), drafts.is_saved(self.match_id)
        self._show(*read)

    def copy_text(self) -> None:
        if self.draft is not None:
            QApplication.clipboard().setText(self.draft.plain_text())
            self.status.setText("Copied the draft as plain text.")

    def _show(self, draft: Draft, saved: bool) -> None:
        current = self.sentences.currentItem()
        current_key = current.data(KEY_ROLE) if current else None
        self.draft = draft
        self.sentences.blockSignals(True)
        self.sentences.clear()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for s in draft.sentences:
            item = QListWidgetItem(s.text)
            item.setData(KEY_ROLE, s.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            font = QFont(self.sentences.font())
            font.setBold(s.section in ("headline", "standfirst"))
            font.setItalic(s.edited)
            if s.section == "headline":
                font.setPointSizeF(font.pointSizeF() * 1.3)
            item.setFont(font)
            tips = ["Edited by you: regenerating keeps it."] if s.edited else []
            if s.stale:
                item.setIcon(warning)
                item.setBackground(QColor(255, 183, 0, 60))  # amber, readable on both themes
                tips.append(STALE_TIP)
            if not s.text:
                item.setText("(left out — double-click to write it)")
                item.setForeground(self.palette().placeholderText())
            item.setToolTip("\n".join(tips))
            self.sentences.addItem(item)
            if s.key == current_key:
                self.sentences.setCurrentItem(item)
        self.sentences.blockSignals(False)
        stale = sum(s.stale for s in draft.sentences)
        edited = sum(s.edited for s in draft.sentences)
        if not saved:
            text = "Written from the notes now; saved once you edit or regenerate it."
        else:
            text = f"Saved draft · {edited} edited · {stale} stale"
            text += (
                " (the notes changed: Regenerate rewrites them, keeping your edits)."
                if stale
                else "."
            )
        self.status.setText(text)

    def _sentence(self, item: QListWidgetItem | None) -> Sentence | None:
        if item is None or self.draft is None:
            return None
        return self.draft.sentence(item.data(KEY_ROLE))

    def _on_current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        sentence = self._sentence(item)
        if sentence is None:
            self.source.clear()
            return
        self.source.setText(
            "Source: " + "; ".join(self._describe(x.kind, x.ident) for x in sentence.sources)
        )
        first = next((x for x in sentence.sources if x.kind in ("moment", "quote")), None)
        if first is not None:
            self.source_clicked.emit(first.kind, first.ident)

    def _describe(self, kind: str, ident: int) -> str:
        d = self.detail
        if kind == "moment" and d is not None:
            m = next((m for m in d.moments if m.id == ident), None)
            if m is not None:
                return " · ".join(x for x in (m.minute_text, KIND_LABELS[m.kind], m.player) if x)
            return "a moment since deleted"
        if kind == "quote" and d is not None:
            q = next((q for q in d.quotes if q.id == ident), None)
            return f"quote by {q.speaker}" if q else "a quote since deleted"
        return SOURCE_WORDS.get(kind, kind)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        sentence = self._sentence(item)
        if sentence is None or item.text() == sentence.text:
            return
        try:
            draft = self.services.draft.edit(self.match_id, sentence.key, item.text())
        except MatchNotesError as exc:
            self.reload()
            self.status.setText(str(exc))
            return
        self._show(draft, True)

    def _regenerate(self, *, keep_edited: bool) -> None:
        try:
            draft = self.services.draft.generate(self.match_id, keep_edited=keep_edited)
        except MatchNotesError as exc:
            self.status.setText(str(exc))
            return
        self._show(draft, True)

    def _ask_regenerate_all(self) -> None:
        edited = sum(s.edited for s in self.draft.sentences) if self.draft else 0
        if not edited:
            self._regenerate(keep_edited=False)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, "Regenerate all",
            f"Write every sentence again from the notes? Your {edited} edited "
            f"sentence{'s' if edited != 1 else ''} will be replaced.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self,
        )  # fmt: skip
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(
            lambda result: self._regenerate(keep_edited=False)
            if result == QMessageBox.StandardButton.Yes else None
        )  # fmt: skip
        box.open()
