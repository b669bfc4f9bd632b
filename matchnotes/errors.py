"""The one error family the app raises on purpose.

Every message is written for the user: it says what is wrong and what to do.
The UI shows ``str(error)`` as it is; the CLI prints it to stderr and exits 1.
"""


class MatchNotesError(Exception):
    """Base class: something the user can read and act on."""


class ValidationError(MatchNotesError):
    """Input that cannot be saved as given (a bad minute, an empty name, ...)."""


class NotFoundError(MatchNotesError):
    """A match, person or other record that does not exist (any more)."""


class DatabaseRefusedError(MatchNotesError):
    """A file that is not a MatchNotes database, is damaged, or is from a newer version.

    The file is never written to when this is raised.
    """


class ConflictError(ValidationError):
    """An edit or delete that would overwrite someone else's newer change to the same
    record (services/conflicts.py); nothing was saved. The message shows both, and ends
    with ``RELOAD`` (a form that keeps the user's values says instead what it does)."""

    RELOAD = "Reload (the page shows their change) and edit again if yours should still be made."
