"""The smaller forms: a quote, a note, a line-up entry, a person, a team."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from matchnotes.enums import LineupRole, PersonRole
from matchnotes.labels import CONTEXT_LABELS, LINEUP_ROLE_LABELS, ROLE_LABELS
from matchnotes.services.inputs import (
    MAX_QUOTE,
    POSITIONS,
    LineupInput,
    PersonInput,
    QuoteInput,
    optional_int,
)
from matchnotes.services.views import TeamView
from matchnotes.ui.dialogs.baseline_fields import BaselineFields
from matchnotes.ui.dialogs.date_field import DateField
from matchnotes.ui.dialogs.form import (
    FormDialog,
    completing_line_edit,
    required,
    set_completions,
)


def _combo(items: dict) -> QComboBox:  # type: ignore[type-arg]
    combo = QComboBox()
    for data, label in items.items():
        combo.addItem(label, data)
    return combo


def _shirt_check(edit: QLineEdit):  # type: ignore[no-untyped-def]
    return lambda: optional_int(edit.text(), 0, 99, "A shirt number")[1]


def _pick(combo: QComboBox, data: object) -> None:
    combo.setCurrentIndex(max(0, combo.findData(data)))


class QuoteDialog(FormDialog):
    def __init__(self, *, moments: list[tuple[int, str]],
                 initial: QuoteInput | None = None, initial_speaker: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        """``moments``: (id, label) of what the quote can be about; the speakers to complete
        come later (``show_speakers``)."""
        super().__init__("Edit quote" if initial else "Add a quote", parent)
        self.speaker = completing_line_edit(placeholder="Who said it (a new name is created)")
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("The exact words")
        self.context = _combo(CONTEXT_LABELS)
        self.place = QLineEdit(placeholderText="e.g. Al Bayt Stadium, press room")
        self.source = QLineEdit(placeholderText="e.g. BBC Sport, own recording")
        self.moment = QComboBox()
        self.moment.addItem("—", None)
        for moment_id, label in moments:
            self.moment.addItem(label, moment_id)
        self.add_row("Speaker", self.speaker, required(self.speaker.text, "Who said it?"))
        self.add_row("Words", self.text, self._text_check)
        self.add_row("Context", self.context)
        self.add_row("Where", self.place)
        self.add_row("Source", self.source)
        self.add_row("About moment", self.moment)
        if initial:
            self.speaker.setText(initial_speaker)
            self.text.setPlainText(initial.text)
            _pick(self.context, initial.context)
            self.place.setText(initial.place or "")
            self.source.setText(initial.source or "")
            _pick(self.moment, initial.moment_id)
        self.validate()

    def show_speakers(self, names: list[str]) -> None:
        set_completions(self.speaker, names)

    def _text_check(self) -> str | None:
        text = self.text.toPlainText().strip()
        if not text:
            return "Type the words that were said."
        return f"A quote is at most {MAX_QUOTE} characters." if len(text) > MAX_QUOTE else None

    def value(self) -> QuoteInput:
        return QuoteInput(
            speaker=self.speaker.text(), text=self.text.toPlainText(),
            context=self.context.currentData(), place=self.place.text() or None,
            source=self.source.text() or None, moment_id=self.moment.currentData(),
        )  # fmt: skip


class NoteDialog(FormDialog):
    def __init__(self, initial: str = "", parent: QWidget | None = None) -> None:
        super().__init__("Edit note" if initial else "Add a note", parent)
        self.text = QPlainTextEdit()
        self.text.setPlainText(initial)
        self.add_row("Note", self.text, required(self.text.toPlainText, "A note cannot be empty."))
        self.validate()

    def value(self) -> str:
        return self.text.toPlainText()


class LineupDialog(FormDialog):
    def __init__(self, *, teams: list[tuple[int, str]],
                 initial: LineupInput | None = None, initial_name: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__("Edit line-up entry" if initial else "Add to a line-up", parent)
        self.team = QComboBox()
        for team_id, name in teams:
            self.team.addItem(name, team_id)
        self.person = completing_line_edit(placeholder="Name (a new name is created)")
        self.role = _combo(LINEUP_ROLE_LABELS)
        self.number = QLineEdit(placeholderText="Shirt number")
        self.position = QComboBox(editable=True)
        self.position.addItems(["", *POSITIONS])
        self.captain = QCheckBox("Captain")
        self.add_row("Team", self.team)
        self.add_row("Person", self.person, required(self.person.text, "Type a name."))
        self.add_row("Role", self.role)
        self.add_row("Shirt", self.number, _shirt_check(self.number))
        self.add_row("Position", self.position)
        self.add_row("", self.captain)
        if initial:
            _pick(self.team, initial.team_id)
            self.person.setText(initial_name)
            _pick(self.role, initial.role)
            self.number.setText("" if initial.shirt_number is None else str(initial.shirt_number))
            self.position.setCurrentText(initial.position or "")
            self.captain.setChecked(initial.captain)
        self.validate()

    def show_people(self, names: list[str]) -> None:
        set_completions(self.person, names)

    def value(self) -> LineupInput:
        return LineupInput(
            team_id=self.team.currentData(), person=self.person.text(),
            role=self.role.currentData() or LineupRole.STARTER,
            shirt_number=optional_int(self.number.text(), 0, 99, "")[0],
            position=self.position.currentText() or None, captain=self.captain.isChecked(),
        )  # fmt: skip


class PersonDialog(FormDialog):
    def __init__(self, initial: PersonInput | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Edit person" if initial else "New person", parent)
        self.name = QLineEdit()
        self.role = _combo(ROLE_LABELS)
        self.number = QLineEdit(placeholderText="Usual shirt number")
        self.position = QComboBox(editable=True)
        self.position.addItems(["", *POSITIONS])
        self.nationality = QLineEdit()
        self.club = QLineEdit()
        self.born = DateField(earliest=dt.date(1850, 1, 1), latest=dt.date.today(),
                              what="the date of birth", optional=True)  # fmt: skip
        self.add_row("Name", self.name, required(self.name.text, "Type a name."))
        self.add_row("Role", self.role)
        self.add_row("Shirt", self.number, _shirt_check(self.number))
        self.add_row("Position", self.position)
        self.add_row("Nationality", self.nationality)
        self.add_row("Club", self.club)
        self.add_row("Born", self.born, self.born.problem)
        self.baseline = BaselineFields(self, initial.baselines if initial else None)
        if initial:
            self.name.setText(initial.name)
            _pick(self.role, initial.role)
            self.number.setText("" if initial.shirt_number is None else str(initial.shirt_number))
            self.position.setCurrentText(initial.position or "")
            self.nationality.setText(initial.nationality or "")
            self.club.setText(initial.club or "")
            self.born.set_value(initial.date_of_birth)
        self.validate()

    def value(self) -> PersonInput:
        return PersonInput(
            name=self.name.text(), role=self.role.currentData() or PersonRole.PLAYER,
            shirt_number=optional_int(self.number.text(), 0, 99, "")[0],
            position=self.position.currentText() or None,
            nationality=self.nationality.text() or None, club=self.club.text() or None,
            date_of_birth=self.born.value(), baselines=self.baseline.value(),
        )  # fmt: skip


class TeamDialog(FormDialog):
    """A team's name, code ("ENG", for quick entry's "ENG#9") and country."""

    def __init__(self, initial: TeamView, parent: QWidget | None = None) -> None:
        super().__init__("Edit team", parent)
        self.name = QLineEdit(initial.name)
        self.code = QLineEdit(initial.code or "", placeholderText="2 to 5 letters, like ENG")
        self.country = QLineEdit(initial.country or "")
        self.add_row("Name", self.name, required(self.name.text, "Type a name."))
        self.add_row("Code", self.code, self._code_problem)
        self.add_row("Country", self.country)
        self.validate()

    def _code_problem(self) -> str | None:
        code = self.code.text().strip()
        if not code or (2 <= len(code) <= 5 and code.isalpha()):
            return None
        return "A team code is 2 to 5 letters, like ENG or FRA."

    def value(self) -> tuple[str, str | None, str | None]:
        """(name, code, country) as typed."""
        return self.name.text(), self.code.text() or None, self.country.text() or None
