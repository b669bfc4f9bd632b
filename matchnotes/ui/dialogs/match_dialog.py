"""Create or edit a match. Team, venue, competition and referee names complete from the
database (read on a worker as the form opens: ``show_names``); a new name creates the team
(or venue, person) on the fly, and the form says so once the names are known."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from matchnotes.enums import Decision
from matchnotes.labels import ATTENDANCE_LABELS, DECISION_LABELS, STATUS_LABELS
from matchnotes.services.inputs import (
    MAX_ATTENDANCE,
    MatchInput,
    match_date_range,
    optional_int,
    parse_kickoff,
)
from matchnotes.services.views import CatalogNames
from matchnotes.text import clean, fold
from matchnotes.ui.dialogs.date_field import DateField
from matchnotes.ui.dialogs.form import FormDialog, completing_line_edit, set_completions

STAGES = ["Group stage", "Round of 16", "Quarter-final", "Semi-final", "Final", "Friendly"]


class MatchDialog(FormDialog):
    def __init__(
        self, *, initial: MatchInput | None = None, parent: QWidget | None = None
    ) -> None:  # fmt: skip
        super().__init__("Edit match" if initial else "New match", parent)
        self._known_teams: set[str] | None = None  # until the names arrive
        self.home = completing_line_edit(placeholder="Home team")
        self.away = completing_line_edit(placeholder="Away team")
        earliest, latest = match_date_range()
        self.date = DateField(earliest=earliest, latest=latest, what="the match date")
        self.date.set_value(dt.date.today())
        self.kickoff = QLineEdit(placeholderText="HH:MM (local time, optional)")
        self.competition = completing_line_edit(placeholder="e.g. Premier League")
        self.season = QLineEdit(placeholderText="e.g. 2024-25 (default: the year)")
        self.stage = QComboBox(editable=True)
        self.stage.addItems(["", *STAGES])
        self.venue = completing_line_edit(placeholder="Ground")
        self.venue_city = QLineEdit(placeholderText="City")
        self.referee = completing_line_edit(placeholder="Referee")
        self.attendance = QLineEdit(placeholderText="e.g. 68895")
        self.status = _enum_combo(STATUS_LABELS)
        self.override = QCheckBox("Set the score by hand (no moments logged)")
        self.home_score, self.away_score = QSpinBox(maximum=99), QSpinBox(maximum=99)
        self.decided_by = _enum_combo(DECISION_LABELS)
        self.home_pens, self.away_pens = QSpinBox(maximum=99), QSpinBox(maximum=99)
        self.fan = _enum_combo(ATTENDANCE_LABELS)
        self.watched_where = QLineEdit(placeholderText="Where you watched it")
        self.rating = QComboBox()
        self.rating.addItems(["", *[str(n) for n in range(11)]])
        self.tags = QLineEdit(placeholderText="Comma-separated tags")

        self.add_row("Home team", self.home, lambda: self._team_check(self.home, "home"))
        self.add_row("Away team", self.away, self._away_check)
        self.add_row("Date", self.date, self.date.problem)
        self.add_row("Kick-off", self.kickoff, self._kickoff_check)
        self.add_row("Competition", self.competition)
        self.add_row("Season", self.season, self._season_check)
        self.add_row("Stage", self.stage)
        self.add_row("Venue", self.venue)
        self.add_row("City", self.venue_city)
        self.add_row("Referee", self.referee)
        self.add_row("Attendance", self.attendance, self._attendance_check)
        self.add_row("Status", self.status)
        self.add_row("", self.override)
        self.add_row("Score", _pair(self.home_score, self.away_score))
        self.add_row("Result", self.decided_by)
        self.add_row("Shoot-out", _pair(self.home_pens, self.away_pens))
        self.add_row("You", self.fan)
        self.add_row("Watched at", self.watched_where)
        self.add_row("Your rating", self.rating)
        self.add_row("Tags", self.tags)
        for signal in (self.override.toggled, self.decided_by.currentIndexChanged):
            signal.connect(self._sync_enabled)
        if initial:
            self._load(initial)
        self._sync_enabled()
        self.validate()

    def show_names(self, names: CatalogNames) -> None:
        """The database's names, read on a worker: complete from them, say which are new."""
        self._known_teams = {fold(t) for t in names.teams}
        for edits, words in (((self.home, self.away), names.teams),
                             ((self.venue,), names.venues),
                             ((self.competition,), names.competitions),
                             ((self.referee,), names.referees)):  # fmt: skip
            for edit in edits:
                set_completions(edit, list(words))
        self.validate()

    # --- checks: each returns what is wrong, or None ---

    def _team_check(self, edit: QLineEdit, side: str) -> str | None:
        name = clean(edit.text())
        if not name:
            return f"Type the {side} team."
        edit.setPlaceholderText("")
        return None

    def _away_check(self) -> str | None:
        problem = self._team_check(self.away, "away")
        if problem is None and fold(self.away.text()) == fold(self.home.text()):
            return "A match needs two different teams."
        return problem

    def _kickoff_check(self) -> str | None:
        return parse_kickoff(self.kickoff.text())[1]

    def _season_check(self) -> str | None:
        if clean(self.season.text()) and not clean(self.competition.text()):
            return "A season belongs to a competition: fill in the competition."
        return None

    def _attendance_check(self) -> str | None:
        return optional_int(self.attendance.text(), 0, MAX_ATTENDANCE, "Attendance")[1]

    def new_teams(self) -> list[str]:
        """Names typed that are not teams yet (the form says they will be created)."""
        if self._known_teams is None:
            return []  # not known yet: said when the names arrive
        return [
            clean(e.text()) for e in (self.home, self.away)
            if clean(e.text()) and fold(e.text()) not in self._known_teams
        ]  # fmt: skip

    def _sync_enabled(self) -> None:
        self.home_score.setEnabled(self.override.isChecked())
        self.away_score.setEnabled(self.override.isChecked())
        pens = self.decided_by.currentData() is Decision.PENALTIES
        self.home_pens.setEnabled(pens)
        self.away_pens.setEnabled(pens)

    def validate(self) -> bool:
        ok = super().validate()
        if ok and self.new_teams():
            self.error_label.setStyleSheet("color: palette(text);")
            self.error_label.setText("New team: " + ", ".join(self.new_teams()))
        else:
            self.error_label.setStyleSheet("color: #d7263d;")
        return ok

    # --- in and out ---

    def value(self) -> MatchInput:
        rating = self.rating.currentText()
        pens = self.decided_by.currentData() is Decision.PENALTIES
        return MatchInput(
            home=self.home.text(),
            away=self.away.text(),
            date=self.date.value() or dt.date.today(),  # OK waits for a valid date
            kickoff_time=parse_kickoff(self.kickoff.text())[0],
            competition=clean(self.competition.text()) or None,
            season=clean(self.season.text()) or None,
            stage=clean(self.stage.currentText()) or None,
            venue=clean(self.venue.text()) or None,
            venue_city=clean(self.venue_city.text()) or None,
            referee=clean(self.referee.text()) or None,
            attendance=optional_int(self.attendance.text(), 0, MAX_ATTENDANCE, "Attendance")[0],
            status=self.status.currentData(),
            score_override=(self.home_score.value(), self.away_score.value())
            if self.override.isChecked() else None,
            decided_by=self.decided_by.currentData(),
            penalties=(self.home_pens.value(), self.away_pens.value()) if pens else None,
            fan_attendance=self.fan.currentData(),
            watched_where=clean(self.watched_where.text()) or None,
            rating=int(rating) if rating else None,
            tags=tuple(t for t in (clean(x) for x in self.tags.text().split(",")) if t),
        )  # fmt: skip

    def _load(self, m: MatchInput) -> None:
        self.home.setText(m.home)
        self.away.setText(m.away)
        self.date.set_value(m.date)
        self.kickoff.setText(m.kickoff_time.strftime("%H:%M") if m.kickoff_time else "")
        self.competition.setText(m.competition or "")
        self.season.setText(m.season or "")
        self.stage.setCurrentText(m.stage or "")
        self.venue.setText(m.venue or "")
        self.venue_city.setText(m.venue_city or "")
        self.referee.setText(m.referee or "")
        self.attendance.setText("" if m.attendance is None else str(m.attendance))
        _select(self.status, m.status)
        self.override.setChecked(m.score_override is not None)
        if m.score_override:
            self.home_score.setValue(m.score_override[0])
            self.away_score.setValue(m.score_override[1])
        _select(self.decided_by, m.decided_by)
        if m.penalties:
            self.home_pens.setValue(m.penalties[0])
            self.away_pens.setValue(m.penalties[1])
        _select(self.fan, m.fan_attendance)
        self.watched_where.setText(m.watched_where or "")
        self.rating.setCurrentText("" if m.rating is None else str(m.rating))
        self.tags.setText(", ".join(m.tags))


def _enum_combo(labels: dict) -> QComboBox:  # type: ignore[type-arg]
    combo = QComboBox()
    for member, label in labels.items():
        combo.addItem(label, member)
    return combo


def _select(combo: QComboBox, member: object) -> None:
    index = combo.findData(member)
    combo.setCurrentIndex(max(index, 0))


def _pair(left: QWidget, right: QWidget) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(left)
    row.addWidget(right)
    row.addStretch()
    return box
