"""One team's half of the line-up editor: the text, where it can come from, and a preview
of what will be saved (who is already in the database, who is new, what is wrong)."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from matchnotes.entry.squad_files import SquadSection, squad_file_sections, squad_section_text
from matchnotes.entry.squad_text import LineProblem
from matchnotes.enums import LineupRole
from matchnotes.errors import MatchNotesError
from matchnotes.services import Services
from matchnotes.text import counted, fold
from matchnotes.ui.models.table_model import Column, Index, ReadModelTable
from matchnotes.ui.widgets.table import ReadModelTableView

if TYPE_CHECKING:
    from matchnotes.services.lineup_text import CheckedLine, TeamCheck

PLACEHOLDER = """One person a line, for example:
1 Hugo Lloris (c) GK
5 Jules Koundé DF
Substitutes:
16 Steve Mandanda GK
Manager: Didier Deschamps"""
_ROLE = {LineupRole.STARTER: "Starter", LineupRole.SUBSTITUTE: "Sub", LineupRole.MANAGER: "Manager"}
_STATUS = {"known": "known", "new": "new", "problem": "problem"}
_STATUS_TIP = {
    "known": "Already in the database: this person is reused",
    "new": "Not in the database yet: a new person is created when you save",
    "problem": "This line cannot be saved as it is: see the problems below",
}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_DIR_SETTING = "lineups/squads_folder"

PREVIEW_COLUMNS: list[Column[CheckedLine]] = [
    Column("Line", lambda c: str(c.line.line), align=_RIGHT),
    Column("Role", lambda c: _ROLE[c.line.role]),
    Column(
        "#", lambda c: "" if c.line.shirt_number is None else str(c.line.shirt_number), align=_RIGHT
    ),
    Column(
        "Name",
        lambda c: c.line.name + (" (c)" if c.line.captain else ""),
        stretch=True,
        tooltip=lambda c: c.line.name,
    ),
    Column("Pos", lambda c: c.line.position or ""),
    Column("Person", lambda c: _STATUS[c.status], tooltip=lambda c: _STATUS_TIP[c.status]),
]


def problem_colour(widget: QWidget) -> QColor:
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff7b7b" if dark else "#c0162c")


class PreviewTable(ReadModelTable["CheckedLine"]):
    """The preview rows; a line with a problem is drawn in the error colour."""

    colour = QColor("#c0162c")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            return self.colour if self.row_at(index.row()).status == "problem" else None
        return super().data(index, role)


class TeamPane(QWidget):
    edited = Signal()

    def __init__(self, services: Services, match_id: int, team_id: int, team: str, side: str,
                 text: str, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.match_id, self.team_id, self.team = services, match_id, team_id, team
        self.initial_text = text
        self.title = QLabel(f"<b>{escape(team)}</b> <span style='color:gray'>{side}</span>")
        self.from_last = QPushButton("From last match")
        self.from_last.setToolTip(f"Copy {team}'s line-up from its latest earlier match")
        self.from_file = QPushButton("From squad file…")
        self.from_file.setToolTip("Take a team's squad from an openfootball squads .txt file")
        self.editor = QPlainTextEdit()
        self.editor.setPlainText(text)
        self.editor.setPlaceholderText(PLACEHOLDER)
        self.editor.setTabChangesFocus(True)  # Tab moves on to the other team, as in a form
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setAccessibleName(f"{team} line-up")
        self.note = QLabel()  # where a copied line-up came from, or why it could not come
        self.note.setWordWrap(True)
        self.summary = QLabel()
        self.model = PreviewTable(PREVIEW_COLUMNS)
        self.table = ReadModelTableView(self.model, sortable=False)
        self.table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.problems = QPlainTextEdit(readOnly=True)
        self.problems.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.problems.hide()
        self.file_dialog: QFileDialog | None = None  # open now (tests reach them here)
        self.section_dialog: QInputDialog | None = None

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.from_last)
        top.addWidget(self.from_file)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.editor)
        preview = QWidget()
        below = QVBoxLayout(preview)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.summary)
        below.addWidget(self.table, 1)
        below.addWidget(self.problems)
        split.addWidget(preview)
        split.setChildrenCollapsible(False)
        split.setSizes([300, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        self.note.hide()

        self.editor.textChanged.connect(self.edited)
        self.from_last.clicked.connect(self._on_from_last_clicked)
        self.from_file.clicked.connect(self._on_from_file_clicked)

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_reading(self) -> None:
        """Until the stored line-up has been read (on a worker)."""
        self.editor.setPlaceholderText("Reading the line-up…")
        for button in (self.from_last, self.from_file):
            button.setEnabled(False)

    def set_stored(self, text: str) -> None:
        """The stored line-up has arrived: it is the text the changes are measured from.
        Lines typed meanwhile stay, after it (a new match's empty line-up: alone)."""
        typed = self.text().strip()
        self.initial_text = text
        if not typed:
            self.editor.setPlainText(text)
        elif text.strip():
            self.editor.setPlainText(f"{text.rstrip()}\n{typed}")
            self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self.editor.setPlaceholderText(PLACEHOLDER)
        for button in (self.from_last, self.from_file):
            button.setEnabled(True)

    def is_changed(self) -> bool:
        return self.text().strip() != self.initial_text.strip()

    def show_check(self, check: TeamCheck) -> None:
        self.model.colour = problem_colour(self)
        self.model.set_rows(check.lines)
        self.table.fit_columns()
        wrong = next((i for i, c in enumerate(check.lines) if c.status == "problem"), None)
        if wrong is not None:  # bring the first line with a problem into view, once laid out
            QTimer.singleShot(0, self.table, lambda: self._scroll_to(wrong))
        counts = [sum(1 for c in check.lines if c.line.role is role) for role in LineupRole]
        new = sum(1 for c in check.lines if c.status == "new")
        parts = [f"{counts[0]} starting", counted(counts[1], "substitute"),
                 counted(counts[2], "manager")]  # fmt: skip
        if new:
            parts.append(f"{new} new {'person' if new == 1 else 'people'}")
        self.summary.setText(" · ".join(parts))
        self.show_problems(check.problems)

    def _scroll_to(self, row: int) -> None:
        # The row number, not a QModelIndex: the rows may have been replaced meanwhile.
        if row < self.table.model().rowCount():
            self.table.scrollTo(self.table.model().index(row, 0))

    def show_problems(self, problems: tuple[LineProblem, ...]) -> None:
        self.problems.setStyleSheet(f"color: {problem_colour(self).name()};")
        self.problems.setPlainText("\n".join(str(p) for p in problems))
        self.problems.setVisible(bool(problems))
        # As tall as its lines (a long one wraps: allow one more), at most six; then it scrolls.
        rows = min(6, len(problems) + 1)
        frame = 2 * self.problems.frameWidth() + 8
        self.problems.setFixedHeight(rows * self.fontMetrics().lineSpacing() + frame)

    def replace_text(self, text: str, note: str) -> None:
        """Put ``text`` in the editor as one edit, so Ctrl+Z in the editor takes it back."""
        cursor = self.editor.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        self.editor.setTextCursor(cursor)
        self.editor.moveCursor(QTextCursor.MoveOperation.Start)
        self.editor.setFocus()
        self.say(note)

    def say(self, note: str) -> None:
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def _on_from_last_clicked(self) -> None:
        """The team's latest earlier line-up, found on a worker (the team may have played
        hundreds of matches); the button waits meanwhile, the text stays as it is."""
        from matchnotes.ui.workers import BackgroundOp

        self.from_last.setEnabled(False)
        self.say(f"Looking for {self.team}'s last line-up…")
        lineups, match_id, team_id = self.services.lineups, self.match_id, self.team_id
        BackgroundOp(self, lambda _progress: lineups.previous_text(match_id, team_id)).on_success(
            self._show_last
        ).on_failure(self._last_not_read).run()

    def _show_last(self, found: object) -> None:
        self.from_last.setEnabled(True)
        if found is None:
            self.say(f"No earlier match of {self.team} has a line-up; type or paste it.")
            return
        text, title = found  # type: ignore[misc]
        self.replace_text(text, f"Copied from {title}. Edit it, then save (Ctrl+Enter).")

    def _last_not_read(self, message: str) -> None:
        self.from_last.setEnabled(True)
        self.say(message)

    def _on_from_file_clicked(self) -> None:
        folder = str(QSettings().value(_DIR_SETTING, str(Path.home())))
        dialog = QFileDialog(self, f"Squads file for {self.team}", folder,
                             "Squads files (*.txt);;All files (*)")  # fmt: skip
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self._load_squads_file)
        dialog.finished.connect(lambda _r: self._closed("file_dialog"))
        self.file_dialog = dialog
        dialog.open()

    def _load_squads_file(self, path: str) -> None:
        file = Path(path)
        QSettings().setValue(_DIR_SETTING, str(file.parent))
        try:
            sections = squad_file_sections(file.read_text(encoding="utf-8"), file.name)
        except (OSError, UnicodeDecodeError) as exc:
            self.say(f"{file.name} cannot be read ({exc}); choose a UTF-8 text file.")
            return
        except MatchNotesError as exc:
            self.say(str(exc))
            return
        if not sections:
            self.say(f"{file.name} has no “== Team” sections; choose an openfootball squads file.")
            return
        same = [s for s in sections if fold(s.team) == fold(self.team)]
        if same:
            self._use_section(same[0], file.name)
            return
        chooser = QInputDialog(self)
        chooser.setWindowTitle("Choose a squad")
        chooser.setLabelText(f"{file.name} has no squad called {self.team}. Which one is it?")
        chooser.setComboBoxItems([s.team for s in sections])
        chooser.textValueSelected.connect(
            lambda team: self._use_section(next(s for s in sections if s.team == team), file.name)
        )
        chooser.finished.connect(lambda _r: self._closed("section_dialog"))
        self.section_dialog = chooser
        chooser.open()

    def _closed(self, which: str) -> None:
        setattr(self, which, None)
        if QApplication.activeModalWidget() in (None, self.window()):  # not the next question
            self.window().activateWindow()  # back to the editor, keys and all, on any platform

    def _use_section(self, section: SquadSection, source: str) -> None:
        self.replace_text(
            squad_section_text(section, source),
            f"{section.team}'s squad of {len(section.lines)} from {source}, all as substitutes: "
            "move the starting XI above “Substitutes:”.",
        )
