"""The parser's one error type: every line it cannot read raises this, and nothing else."""

from __future__ import annotations

from matchnotes.entry.entries import LoggedMoment
from matchnotes.errors import ValidationError


class EntryError(ValidationError):
    """A quick-entry line that cannot be recorded as typed; the message says why.

    ``candidates`` holds the names a user could have meant (ambiguous or unknown
    names), so a widget can offer them; the message already lists them.
    """

    def __init__(self, message: str, candidates: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.candidates = candidates


class PossibleDuplicate(EntryError):
    """The line repeats a moment logged already (same kind and player, a minute apart at most).

    Nothing is saved; a caller that has asked the user records it again with
    ``allow_duplicate=True``. ``existing`` is the moment already there.
    """

    def __init__(self, existing: LoggedMoment) -> None:
        super().__init__(f"Looks like {existing.label} again: it is logged already.")
        self.existing = existing
