"""The line-up editor: both teams of a match side by side, each typed or pasted as text,
one person a line, with a live preview of what will be saved and every problem by line.

Behaves like the app's forms: the first field has the focus, Ctrl+Enter saves, Escape
asks before throwing changes away, and a refused save keeps the text and says why.
Saving goes through ``submit`` (set by EditActions), one transaction and one undo step.

The editor opens at once: the stored line-ups are read, and the texts checked as they
are typed, on a worker (resolving names takes a tenth of a second on a big archive);
lines typed before the stored ones have arrived stay, after them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from matchnotes.entry.squad_text import ParsedSquad, parse_squad_text
from matchnotes.errors import MatchNotesError
from matchnotes.services import Services
from matchnotes.text import counted
from matchnotes.ui.dialogs.lineup_pane import TeamPane, problem_colour

if TYPE_CHECKING:
    from matchnotes.services.conflicts import LineupSeen
    from matchnotes.services.lineup_text import TeamCheck

HINT = (
    "One person a line: <i>1 Hugo Lloris (c) GK</i>. Headings <i>Substitutes:</i> and "
    "<i>Manager: Name</i>; openfootball squads lines work too. Names already in the "
    "database are reused. <b>Ctrl+Enter</b> saves both teams."
)
RECHECK_MS = 150  # the preview follows typing without a query per keystroke


class LineupEditorDialog(QDialog):
    def __init__(self, services: Services, match_id: int,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.match_id = services, match_id
        s = services.matches.get_summary(match_id)
        self.setWindowTitle(f"Line-ups: {s.home} v {s.away}")
        self.setModal(True)
        self.setSizeGripEnabled(True)
        self.home = TeamPane(services, match_id, s.home_id, s.home, "home", "")
        self.away = TeamPane(services, match_id, s.away_id, s.away, "away", "")
        self.panes = (self.home, self.away)
        self.ready = False  # the stored line-ups have arrived
        self._save_when_ready = False  # Ctrl+Enter came before them
        self._checks = 0  # tickets: only the newest check is shown
        self.submit: Callable[[], None] | None = None
        # Per team, the entries its stored text was read with: a save hands them in, and
        # one made over someone else's newer line-up is refused (services/conflicts.py).
        self.seen: dict[int, LineupSeen] = {}
        self.discard_box: QMessageBox | None = None  # the "discard changes?" question, if up

        hint = QLabel(HINT)
        hint.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Horizontal)
        for pane in self.panes:
            split.addWidget(pane)
        split.setChildrenCollapsible(False)
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip("Save both line-ups (Ctrl+Enter)")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(split, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self.setTabOrder(self.home.editor, self.away.editor)

        self.timer = QTimer(self, singleShot=True, interval=RECHECK_MS)
        self.timer.timeout.connect(self.check_later)
        for pane in self.panes:
            pane.edited.connect(self.timer.start)
        if parent is not None:  # keys reach the window again once the editor closes
            self.finished.connect(lambda _r: parent.activateWindow())
        self._size_to_screen()
        for pane in self.panes:
            pane.set_reading()
        self._read_stored()
        self.home.editor.setFocus()

    def _read_stored(self) -> None:
        from matchnotes.ui.workers import BackgroundOp

        lineups, match_id = self.services.lineups, self.match_id
        teams = [pane.team_id for pane in self.panes]

        def read() -> tuple[list[tuple[str, LineupSeen]], dict[int, TeamCheck]]:
            stored = [lineups.stored(match_id, team) for team in teams]
            squads = {team: parse_squad_text(s[0]) for team, s in zip(teams, stored, strict=True)}
            return stored, lineups.check(match_id, squads)

        def arrived(result: tuple[list[tuple[str, LineupSeen]], dict[int, TeamCheck]]) -> None:
            stored, checks = result
            texts = [text for text, _seen in stored]
            self.seen = {team: seen for team, (_t, seen) in zip(teams, stored, strict=True)}
            typed = any(pane.text().strip() for pane in self.panes)
            for pane, text in zip(self.panes, texts, strict=True):
                pane.set_stored(text)
            self.ready = True
            if self._save_when_ready:
                self.save()
            elif typed:
                self.check_later()  # what was typed meanwhile, with what was stored
            else:
                self.timer.stop()  # the stored texts are checked already
                self._checks += 1
                self._show_checks(checks)

        BackgroundOp(self, lambda _progress: read()).on_success(arrived).on_failure(
            self._show_error
        ).run()

    def check_later(self) -> None:
        """The texts as typed, checked on a worker; shown unless newer typing came since."""
        from matchnotes.ui.workers import BackgroundOp

        self._checks += 1
        ticket, lineups, match_id = self._checks, self.services.lineups, self.match_id
        groups = self._groups()

        def arrived(checks: dict[int, TeamCheck]) -> None:
            if ticket == self._checks:
                self._show_checks(checks)

        def failed(message: str) -> None:
            if ticket == self._checks:
                self._show_error(message)
                self.save_button.setEnabled(False)

        def check() -> dict[int, TeamCheck]:
            found: dict[int, TeamCheck] = {}
            for group in groups:
                found |= lineups.check(match_id, group)
            return found

        BackgroundOp(self, lambda _progress: check()).on_success(arrived).on_failure(failed).run()

    def _size_to_screen(self) -> None:
        """Wide enough for long names in both previews, never larger than the screen."""
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        self.resize(min(1240, room.width() - 40), min(780, room.height() - 60))
        self.setMinimumSize(min(720, room.width()), min(480, room.height()))

    # --- preview ---

    def parsed(self) -> dict[int, ParsedSquad]:
        return {pane.team_id: parse_squad_text(pane.text()) for pane in self.panes}

    def _groups(self) -> list[dict[int, ParsedSquad]]:
        parsed = self.parsed()
        changed = {p.team_id for p in self.panes if p.is_changed()}
        # A changed team is checked against the other's stored line-up unless both changed,
        # so a clash is reported on the line just typed, not on the untouched team.
        return [parsed] if len(changed) != 1 else [{t: squad} for t, squad in parsed.items()]

    def recheck(self) -> bool:
        """Parse and resolve both texts now (on saving); True when both can be saved."""
        self.timer.stop()
        self._checks += 1  # a check still on its way is older than this one
        try:
            checks = {}
            for group in self._groups():
                checks |= self.services.lineups.check(self.match_id, group)
        except MatchNotesError as exc:
            self._show_error(str(exc))
            self.save_button.setEnabled(False)
            return False
        return self._show_checks(checks)

    def _show_checks(self, checks: dict[int, TeamCheck]) -> bool:
        for pane in self.panes:
            pane.show_check(checks[pane.team_id])
        count = sum(len(c.problems) for c in checks.values())
        lines = counted(count, "line")
        self._show_error(
            f"{lines} to fix before saving (in red, with what to do)." if count else ""
        )
        self.save_button.setEnabled(not count)
        return not count

    def _show_error(self, message: str) -> None:
        self.error_label.setStyleSheet(f"color: {problem_colour(self).name()};")
        self.error_label.setText(message)

    # --- what is saved ---

    def value(self) -> dict[int, ParsedSquad]:
        """The texts of the teams whose line-up changed (an empty dict: nothing to save)."""
        return {p.team_id: parse_squad_text(p.text()) for p in self.panes if p.is_changed()}

    def is_changed(self) -> bool:
        return any(p.is_changed() for p in self.panes)

    def save(self) -> None:
        if not self.ready:  # saved once the stored line-ups are here to compare with
            self._save_when_ready = True
            return
        if not self.recheck():
            return
        if self.submit is not None and self.is_changed():
            try:
                self.submit()
            except MatchNotesError as exc:
                self._show_error(str(exc))  # the texts stay as the user left them
                return
        self.accept()

    def reject(self) -> None:
        """Escape, Cancel or the close button: ask first when there are changes."""
        if not self.is_changed():
            super().reject()
            return
        if self.discard_box is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Line-ups",
            "Discard your changes to the line-ups?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText("Cancel to keep editing; Ctrl+Enter saves.")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Cancel).setText("Keep editing")

        def done(result: int) -> None:
            self.discard_box = None
            self.activateWindow()
            if result == QMessageBox.StandardButton.Discard:
                super(LineupEditorDialog, self).reject()

        box.finished.connect(done)
        self.discard_box = box
        box.open()
