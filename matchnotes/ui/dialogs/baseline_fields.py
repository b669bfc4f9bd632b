"""The person form's career baseline: caps and goals for a team before the database.

One baseline is edited on the form (the first); a person's others are kept as they are.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit

from matchnotes.services.inputs import MAX_CAREER, BaselineInput, optional_int
from matchnotes.ui.dialogs.date_field import DateField
from matchnotes.ui.dialogs.form import FormDialog


class BaselineFields:
    def __init__(self, form: FormDialog, initial: tuple[BaselineInput, ...] | None) -> None:
        self.rest = tuple(initial[1:]) if initial else ()
        self.team = QLineEdit(placeholderText="e.g. England (blank: none)")
        self.as_of = DateField(earliest=dt.date(1850, 1, 1), latest=dt.date.today(),
                               what="the baseline's date", optional=True)  # fmt: skip
        self.caps = QLineEdit(placeholderText="Caps up to that date")
        self.goals = QLineEdit(placeholderText="Goals up to that date")
        form.add_row("Career for", self.team)
        form.add_row("Up to", self.as_of, self._date_check)
        form.add_row("Caps", self.caps, lambda: self._count(self.caps, "Caps"))
        form.add_row("Goals", self.goals, self._goals_check)
        if initial:
            first = initial[0]
            self.team.setText(first.team)
            self.as_of.set_value(first.as_of)
            self.caps.setText("" if first.caps is None else str(first.caps))
            self.goals.setText("" if first.goals is None else str(first.goals))

    def _count(self, edit: QLineEdit, what: str) -> str | None:
        return optional_int(edit.text(), 0, MAX_CAREER, what)[1]

    def _given(self) -> bool:
        return bool(self.team.text().strip())

    def _date_check(self) -> str | None:
        problem = self.as_of.problem()
        if problem or not self._given():
            return problem
        return None if self.as_of.value() else "Give the date the caps and goals count up to."

    def _goals_check(self) -> str | None:
        problem = self._count(self.goals, "Goals")
        if problem or not self._given():
            return problem
        if not self.caps.text().strip() and not self.goals.text().strip():
            return "Give the caps or the goals for that team (or leave the team blank)."
        return None

    def value(self) -> tuple[BaselineInput, ...]:
        as_of = self.as_of.value()
        if not self._given() or as_of is None:
            return self.rest
        caps = optional_int(self.caps.text(), 0, MAX_CAREER, "")[0]
        goals = optional_int(self.goals.text(), 0, MAX_CAREER, "")[0]
        return (BaselineInput(self.team.text().strip(), as_of, caps, goals), *self.rest)
