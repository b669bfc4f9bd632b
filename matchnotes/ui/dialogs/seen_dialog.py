"""“I saw this match”: attended, watched (and where) or not seen, with the fan's rating.

The rows shared with "Add a match I saw" (``SeenFields``) live here too: one way of
saying what the fan saw, whichever form asks.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from matchnotes.enums import Attendance
from matchnotes.services.views import MatchSummary
from matchnotes.text import clean
from matchnotes.ui.dialogs.form import FormDialog

MAX_WHERE = 200  # as services/diary.py (the form says so before the service refuses)
CHOICES = ((Attendance.ATTENDED, "Attended — I was at the ground"),
           (Attendance.WATCHED, "Watched — on TV, a stream, in a pub…"),
           (Attendance.NONE, "Not seen — take it out of my diary"))  # fmt: skip


@dataclass(frozen=True)
class Seen:
    attendance: Attendance
    where: str | None
    rating: int | None


class SeenFields:
    """The "You", "Watched at" and "Your rating" rows of a form."""

    def __init__(self, form: FormDialog, *, with_none: bool = True) -> None:
        self.attendance = QComboBox()
        for member, label in CHOICES if with_none else CHOICES[:2]:
            self.attendance.addItem(label, member)
        self.where = QLineEdit(placeholderText="e.g. at home, The Crown, a friend's")
        self.rating = QComboBox()
        self.rating.addItems(["", *[str(n) for n in range(11)]])
        self.rating.setToolTip("Your rating, 0 to 10 (blank: none)")
        form.add_row("You", self.attendance)
        form.add_row("Watched at", self.where, self._where_check)
        form.add_row("Your rating", self.rating)
        self.attendance.currentIndexChanged.connect(self._sync)
        self._sync()

    def set_value(self, seen: Seen) -> None:
        self.attendance.setCurrentIndex(max(0, self.attendance.findData(seen.attendance)))
        self.where.setText(seen.where or "")
        self.rating.setCurrentText("" if seen.rating is None else str(seen.rating))

    def chosen(self) -> Attendance:
        # A StrEnum comes back from Qt's item data as its plain value.
        return Attendance(self.attendance.currentData())

    def value(self) -> Seen:
        chosen = self.chosen()
        rating = self.rating.currentText()
        where = clean(self.where.text()) or None
        return Seen(
            chosen,
            where if chosen is Attendance.WATCHED else None,
            int(rating) if rating and chosen is not Attendance.NONE else None,
        )

    def _where_check(self) -> str | None:
        if len(clean(self.where.text())) > MAX_WHERE:
            return f"Where you watched it: at most {MAX_WHERE} characters."
        return None

    def _sync(self) -> None:
        chosen = self.chosen()
        self.where.setEnabled(chosen is Attendance.WATCHED)
        self.rating.setEnabled(chosen is not Attendance.NONE)


class SeenDialog(FormDialog):
    """Opened by Match ▸ I saw this match (Ctrl+D) on a selected or open match."""

    def __init__(self, match: MatchSummary, current: Seen, parent: QWidget | None = None) -> None:
        super().__init__("I saw this match", parent)
        self.match_id = match.id
        self.heading = QLabel(describe(match))
        self.heading.setWordWrap(True)
        self.form.insertRow(0, self.heading)
        self.fields = SeenFields(self)
        if current.attendance is Attendance.NONE:  # a first mark: most matches are watched
            current = Seen(Attendance.WATCHED, current.where, current.rating)
        self.fields.set_value(current)
        self.validate()

    def value(self) -> Seen:
        return self.fields.value()


def seen_line(seen: Seen) -> str:
    """What the fan saw, in one line of the match page's header (plain text)."""
    if seen.attendance is Attendance.NONE:
        return "Not in your diary (Ctrl+D: I saw this match)"
    text = "You were there" if seen.attendance is Attendance.ATTENDED else "You watched it"
    if seen.where and seen.attendance is Attendance.WATCHED:
        text += f" at {seen.where}"
    if seen.rating is not None:
        text += f" · your rating {seen.rating}/10"
    return text + " (Ctrl+D to change)"


def describe(match: MatchSummary) -> str:
    """“England 1–2 France · 10 Dec 2022 · FIFA World Cup”: a match in one line."""
    parts = [match.title, f"{match.date:%d %b %Y}"]
    if match.competition:
        parts.append(match.competition)
    return " · ".join(parts)
