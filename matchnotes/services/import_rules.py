"""The forms' rules (services/inputs.py) applied to the rows of a MatchNotes JSON file.

The own format carries rows field for field, so nothing of the forms' cleaning would
happen on the way in: a file could store a 1,000,000-character quote, or a team name
with a NUL in it that made a second "Qatar". Each row goes through the same rules here
before it is written; a refusal names the field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlmodel import SQLModel

from matchnotes.errors import ValidationError
from matchnotes.models import (
    Alias,
    LineupEntry,
    Match,
    MatchPhoto,
    Moment,
    Note,
    Person,
    Quote,
)  # fmt: skip
from matchnotes.services.inputs import (
    check_match,
    check_person,
    checked_description,
    checked_name,
    checked_note,
    checked_quote,
)
from matchnotes.text import clean

Row = dict[str, Any]

# Texts with a rule of their own; every other text is cleaned as the forms clean it.
_TEXTS: dict[tuple[type[SQLModel], str], Callable[[str], str]] = {
    (Quote, "text"): checked_quote,
    (Note, "text"): checked_note,
    (Moment, "description"): checked_description,
}
_CAPITALS = {"position", "code"}  # "gk" -> "GK", as the forms store them


class RowRefused(ValidationError):
    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field


def check_row(model: type[SQLModel], row: Row) -> None:
    """Clean and check ``row`` in place; raises RowRefused naming the field."""
    table = str(model.__tablename__)
    for name, value in row.items():
        if not isinstance(value, str):
            continue
        try:
            if name == "name":
                row[name] = checked_name(value, table.replace("_", " "))
            elif (model, name) == (MatchPhoto, "original_path"):  # a path, spaces and all
                row[name] = value.replace("\x00", "") or None
            elif (model, name) in _TEXTS:
                row[name] = _TEXTS[model, name](value)
            else:
                text = clean(value)
                row[name] = (text.upper() if name in _CAPITALS else text) or None
        except ValidationError as exc:
            raise RowRefused(name, str(exc)) from None
    checks: list[tuple[str | None, Callable[[], None]]] = []
    if model in (Person, LineupEntry):
        checks.append(("shirt_number", lambda: check_person(row.get("shirt_number"), None)))
    if model is Person:
        checks.append(("date_of_birth", lambda: check_person(None, row.get("date_of_birth"))))
    if model is Match:
        checks.append((None, lambda: check_match(
            row["date"], row.get("attendance"), row.get("rating"),
            _pair(row, "home_score_override", "away_score_override"),
            _pair(row, "home_penalties", "away_penalties"),
        )))  # fmt: skip
    if model is Alias:
        checks.append(("kind", lambda: _check_alias(row)))
    for field, check in checks:
        try:
            check()
        except ValidationError as exc:
            raise RowRefused(field, str(exc)) from None


def _check_alias(row: Row) -> None:
    kind = row.get("kind")
    if kind not in ("team", "competition", "stage"):
        raise ValidationError(f"“{kind}” is not one of team, competition, stage.")
    wanted = "target_name" if kind == "stage" else "target_id"
    if row.get(wanted) is None or not row.get("spelling"):
        raise ValidationError(f"An alias of a {kind} needs its spelling and its {wanted}.")


def _pair(row: Row, home: str, away: str) -> tuple[int, int] | None:
    h, a = row.get(home), row.get(away)
    return (h, a) if h is not None and a is not None else None
