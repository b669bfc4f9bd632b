"""A knock-out bracket: one column a round, one box a tie (winner in bold, shoot-out in
brackets), the boxes of a round spread over the height so a tie sits between the two it
follows. A click (or Enter on the focused tie) opens the match."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from matchnotes.services.standings import KnockoutRound, KnockoutTie, is_played

BOX_WIDTH = 210
GAP = 36  # between round columns
LINE = 22  # one team's line in a box
TITLE = 28


class BracketView(QWidget):
    match_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rounds: tuple[KnockoutRound, ...] = ()
        self.current: tuple[int, int] | None = None  # (round, tie) with the focus
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)

    def set_rounds(self, rounds: tuple[KnockoutRound, ...]) -> None:
        self.rounds = rounds
        self.current = (0, 0) if rounds and rounds[0].ties else None
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        most = max((len(r.ties) for r in self.rounds), default=0)
        width = len(self.rounds) * (BOX_WIDTH + GAP)
        return QSize(width + 16, TITLE + most * (2 * LINE + 18) + 16)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def tie_rect(self, round_index: int, tie_index: int) -> QRectF:
        ties = len(self.rounds[round_index].ties)
        slot = (self.height() - TITLE - 8) / max(1, ties)
        x = 8 + round_index * (BOX_WIDTH + GAP)
        y = TITLE + tie_index * slot + (slot - 2 * LINE) / 2
        return QRectF(x, y, BOX_WIDTH, 2 * LINE)

    def tie_at(self, x: float, y: float) -> KnockoutTie | None:
        for r, rnd in enumerate(self.rounds):
            for t, tie in enumerate(rnd.ties):
                if self.tie_rect(r, t).contains(x, y):
                    self.current = (r, t)
                    return tie
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        tie = self.tie_at(event.position().x(), event.position().y())
        self.update()
        if tie is not None:
            self.match_activated.emit(tie.match.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.current is None:
            return super().keyPressEvent(event)
        r, t = self.current
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.match_activated.emit(self.rounds[r].ties[t].match.id)
            return None
        moves = {Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1),
                 Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0)}  # fmt: skip
        if key not in moves:
            return super().keyPressEvent(event)
        dr, dt = moves[key]
        r = min(max(0, r + dr), len(self.rounds) - 1)
        t = (
            t + dt
            if dr == 0
            else t * len(self.rounds[r].ties) // max(1, len(self.rounds[r - dr].ties))
        )
        self.current = (r, min(max(0, t), len(self.rounds[r].ties) - 1))
        self.update()
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        bold = QFont(self.font())
        bold.setBold(True)
        for r, rnd in enumerate(self.rounds):
            x = 8 + r * (BOX_WIDTH + GAP)
            p.setFont(bold)
            p.setPen(pal.color(QPalette.ColorRole.WindowText))
            p.drawText(
                QRectF(x, 4, BOX_WIDTH, TITLE - 6), int(Qt.AlignmentFlag.AlignLeft), rnd.name
            )
            for t, tie in enumerate(rnd.ties):
                self._paint_tie(p, self.tie_rect(r, t), tie, (r, t) == self.current, bold)
        p.end()

    def _paint_tie(
        self, p: QPainter, box: QRectF, tie: KnockoutTie, focused: bool, bold: QFont
    ) -> None:
        pal = self.palette()
        p.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        p.setBrush(pal.color(QPalette.ColorRole.Base))
        p.drawRoundedRect(box, 4, 4)
        if focused and self.hasFocus():
            p.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(box.adjusted(1, 1, -1, -1), 4, 4)
        m = tie.match
        played = is_played(m)
        lines = (
            (m.home_id, m.home, m.score.home, tie.shootout.home if tie.shootout else None),
            (m.away_id, m.away, m.score.away, tie.shootout.away if tie.shootout else None),
        )
        for i, (team_id, name, goals, pens) in enumerate(lines):
            row = QRectF(box.x() + 8, box.y() + i * LINE, box.width() - 16, LINE)
            p.setFont(bold if team_id == tie.winner_id else self.font())
            p.setPen(pal.color(QPalette.ColorRole.Text))
            align = int(Qt.AlignmentFlag.AlignVCenter)
            p.drawText(row, align | int(Qt.AlignmentFlag.AlignLeft), name)
            score = (f"{goals}" + (f" ({pens})" if pens is not None else "")) if played else ""
            p.drawText(row, align | int(Qt.AlignmentFlag.AlignRight), score)
