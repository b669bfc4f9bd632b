"""Log or edit a key moment: minute (45+2 style), kind, players from the line-ups."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from matchnotes.enums import LineupRole, Period
from matchnotes.errors import ValidationError
from matchnotes.labels import KIND_LABELS
from matchnotes.minutes import PERIOD_NAMES, Minute, make_minute, parse_minute
from matchnotes.services.inputs import NEEDS_PLAYER, RELATED_ROLE, MomentInput
from matchnotes.services.views import LineupView
from matchnotes.ui.dialogs.form import FormDialog
from matchnotes.ui.icons import kind_icon

AUTO = "auto"


class MomentDialog(FormDialog):
    def __init__(
        self, *, lineups: list[LineupView], teams: list[tuple[int, str]],
        initial: MomentInput | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__("Edit moment" if initial else "Log a moment", parent)
        self.minute = QLineEdit(placeholderText="17, 45+2, 90+8")
        self.period = QComboBox()
        self.period.addItem("From the minute", AUTO)
        for period, name in PERIOD_NAMES.items():
            self.period.addItem(name.capitalize(), period)
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(kind_icon(kind), label, kind)
        players = [e for e in lineups if e.role is not LineupRole.MANAGER]
        self.player = _people_combo(players)
        self.related = _people_combo(players)
        self.team = QComboBox()
        self.team.addItem("From the player", None)
        for team_id, name in teams:
            self.team.addItem(name, team_id)
        self.description = QLineEdit(placeholderText="e.g. over the bar")
        self.add_row("Minute", self.minute, self._minute_check)
        self.add_row("Period", self.period, self._minute_check)
        self.add_row("Kind", self.kind)
        self.add_row("Player", self.player, self._player_check)
        self.add_row("Second player", self.related, self._related_check)
        self.add_row("Team", self.team)
        self.add_row("Description", self.description)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        if initial:
            self._load(initial)
        self._on_kind_changed()
        self.validate()

    def _minute_value(self) -> Minute:
        period = self.period.currentData()
        if period is Period.SHOOTOUT:
            return make_minute(120, 0, Period.SHOOTOUT)
        return parse_minute(self.minute.text(), None if period == AUTO else period)

    def _minute_check(self) -> str | None:
        try:
            self._minute_value()
        except ValidationError as exc:
            return str(exc)
        return None

    def _player_check(self) -> str | None:
        kind = self.kind.currentData()
        if kind in NEEDS_PLAYER and self.player.currentData() is None:
            return f"A {KIND_LABELS[kind].lower()} needs a player."
        return None

    def _related_check(self) -> str | None:
        player, related = self.player.currentData(), self.related.currentData()
        if player is not None and player == related:
            return "The same player cannot be both players of a moment."
        return None

    def _on_kind_changed(self) -> None:
        role = RELATED_ROLE.get(self.kind.currentData())
        label = self.form.labelForField(self.related)
        if label is not None:
            label.setText(role.capitalize() if role else "Second player")  # type: ignore[attr-defined]
        self.related.setEnabled(role is not None)
        self.validate()

    def value(self) -> MomentInput:
        return MomentInput(
            minute=self._minute_value(),
            kind=self.kind.currentData(),
            player_id=self.player.currentData(),
            related_player_id=self.related.currentData() if self.related.isEnabled() else None,
            team_id=self.team.currentData(),
            description=self.description.text(),
        )

    def _load(self, m: MomentInput) -> None:
        if m.minute.period is Period.SHOOTOUT:
            self.period.setCurrentIndex(self.period.findData(Period.SHOOTOUT))
        else:
            self.minute.setText(str(m.minute).rstrip("'"))
        self.kind.setCurrentIndex(max(0, self.kind.findData(m.kind)))
        self.player.setCurrentIndex(max(0, self.player.findData(m.player_id)))
        self.related.setCurrentIndex(max(0, self.related.findData(m.related_player_id)))
        self.team.setCurrentIndex(max(0, self.team.findData(m.team_id)))
        self.description.setText(m.description)


def _people_combo(entries: list[LineupView]) -> QComboBox:
    combo = QComboBox()
    combo.addItem("—", None)
    for e in sorted(entries, key=lambda e: (e.team, e.shirt_number or 99)):
        number = f"#{e.shirt_number} " if e.shirt_number is not None else ""
        combo.addItem(f"{number}{e.name} ({e.team})", e.person_id)
    combo.setMaxVisibleItems(20)
    return combo
