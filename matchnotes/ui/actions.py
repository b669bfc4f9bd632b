"""Every create / edit / delete the user starts: open the form, call the service through
the undo controller, confirm deletes. Dialogs open window-modal without blocking (open(),
not exec()), so tests drive them like a user does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from matchnotes.errors import ConflictError, MatchNotesError
from matchnotes.minutes import Minute
from matchnotes.services import Services
from matchnotes.services.views import MomentView
from matchnotes.ui.dialogs.match_dialog import MatchDialog
from matchnotes.ui.dialogs.moment_dialog import MomentDialog
from matchnotes.ui.dialogs.simple_dialogs import (
    LineupDialog,
    NoteDialog,
    PersonDialog,
    QuoteDialog,
    TeamDialog,
)
from matchnotes.ui.undo import UndoController

# A refusal's last line, for a form that stays open with the user's values.
KEPT = (
    "Your values are still in the form: save again to put them in place of theirs, "
    "or Cancel to keep theirs."
)
KEPT_SHORT = "Not saved: someone else changed this meanwhile (see the message). " + KEPT


def kept(message: str) -> str:
    """A conflict's message as a form that kept the user's values tells it."""
    return message.replace(ConflictError.RELOAD, KEPT)


class EditActions(QObject):
    match_created = Signal(int)  # a new match saved and its form closed: show it

    def __init__(self, services: Services, undo: UndoController, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.undo = undo
        self.window = parent
        self.dialog: QDialog | None = None  # the form open now (tests reach it here)
        self.last_created_match: int | None = None
        self.logged_moment: MomentView | None = None  # by the last line, until shown
        self._asking_delete = False  # a match's deletion impact is being read

    def take_logged_moment(self) -> MomentView | None:
        """The moment the last quick-entry line logged, once (None after anything else)."""
        moment_id, self.logged_moment = self.logged_moment, None
        return moment_id

    def _open(
        self, dialog: QDialog, submit: Callable[[], None],
        rearm: Callable[[], None] | None = None,
    ) -> QDialog:  # fmt: skip
        """``rearm``: a form that keeps the user's values when a conflict refuses them
        (read the row's newest version, so that saving again is the user's choice)."""
        guard = self._refusing_conflicts if rearm is None else self._keeping_on_conflict
        dialog.submit = guard(dialog, submit, rearm)  # type: ignore[attr-defined]
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _refusing_conflicts(
        self, dialog: QDialog, submit: Callable[[], None], _rearm: object = None
    ) -> Callable[[], None]:
        """A form saved over someone else's newer change is refused (services/conflicts.py):
        the form closes, the page reloads to show their change, and a dialog says what
        both were. Other errors stay in the form, beside the user's input."""

        def guarded() -> None:
            try:
                submit()
            except ConflictError as exc:
                dialog.done(QDialog.DialogCode.Rejected)  # nothing was saved: nothing to keep
                self.refused(str(exc))
                raise

        return guarded

    def _keeping_on_conflict(
        self, dialog: QDialog, submit: Callable[[], None], rearm: Callable[[], None]
    ) -> Callable[[], None]:
        """A form saved over someone else's newer change is refused as above (the page
        reloads to show theirs, a dialog says what both were), but stays open with the
        user's values, so nothing typed is lost: saving again puts them in place of the
        other's change, knowingly (the form now holds the newest version as seen);
        Cancel keeps theirs."""

        def guarded() -> None:
            try:
                submit()
            except ConflictError as exc:
                self.refused(kept(str(exc)), dialog)
                with contextlib.suppress(MatchNotesError):  # deleted: saving again says so
                    rearm()
                raise ConflictError(KEPT_SHORT) from exc

        return guarded

    def refused(self, message: str, over: QWidget | None = None) -> None:
        """Show a conflict's refusal and reload what is on screen (the other's change)."""
        self.undo.changed.emit()
        self.show_error(message, over)

    def _deleting(self, do: Callable[[], object]) -> None:
        try:
            self.undo.run(do)
        except ConflictError as exc:
            self.refused(str(exc))

    # --- matches ---

    def new_match(self, prefill: Any = None) -> QDialog:
        """The new-match form, empty or ``prefill``ed (a MatchInput: "Add a match I saw")."""
        dialog = self._match_dialog(prefill)
        dialog.setWindowTitle("New match")

        def submit() -> None:
            self.last_created_match = self.undo.run(
                lambda: self.services.matches.create_match(dialog.value())
            )

        dialog.accepted.connect(lambda: self.match_created.emit(self.last_created_match))
        return self._open(dialog, submit)

    def edit_match(self, match_id: int) -> QDialog:
        before = self.services.matches.get_input(match_id)
        dialog = self._match_dialog(before)

        def submit() -> None:
            data = replace(dialog.value(), version=before.version)  # what the form was filled from
            self.undo.run(lambda: self.services.matches.update_match(match_id, data))

        return self._open(dialog, submit)

    def delete_match(self, match_id: int) -> None:
        """Ask before deleting, saying what goes with the match: counted on a worker (a
        long match is thousands of moments), then the question comes up."""
        from matchnotes.ui.workers import BackgroundOp

        if self._asking_delete:
            return  # the question for the first press is on its way
        self._asking_delete = True
        matches = self.services.matches

        def ask(impact: Any) -> None:
            self._asking_delete = False
            self._confirm(
                f"Delete the match {impact.title}?",
                impact.goes() + " You can undo this (Ctrl+Z).",
                lambda: self.undo.run(lambda: matches.delete_match(match_id)),
            )

        def failed(message: str) -> None:  # deleted meanwhile (another window)
            self._asking_delete = False
            self.show_error(message)

        BackgroundOp(self, lambda _progress: matches.deletion_impact(match_id)).on_success(
            ask
        ).on_failure(failed).run()

    def _match_dialog(self, initial: Any) -> MatchDialog:
        dialog = MatchDialog(initial=initial, parent=self.window)
        dialog.read_later(self.services.catalog.names, dialog.show_names)
        return dialog

    # --- moments ---

    def add_moment(self, match_id: int) -> QDialog:
        dialog = self._moment_dialog(match_id, None)
        return self._open(
            dialog,
            lambda: self.undo.run(lambda: self.services.moments.log(match_id, dialog.value())),
        )

    def edit_moment(self, moment_id: int) -> QDialog:
        match_id, before = self.services.moments.get_input(moment_id)
        dialog = self._moment_dialog(match_id, before)
        seen = before.version  # the form's values are this version's

        def submit() -> None:
            data = replace(dialog.value(), version=seen)
            self.undo.run(lambda: self.services.moments.update(moment_id, data))

        return self._open(dialog, submit)

    def delete_moment(self, moment_id: int, seen: int | None = None) -> None:
        self._deleting(lambda: self.services.moments.delete(moment_id, seen=seen))

    def _moment_dialog(self, match_id: int, initial: Any) -> MomentDialog:
        s = self.services.matches.get_summary(match_id)  # the line-ups, not the whole match
        return MomentDialog(
            lineups=self.services.lineups.lineup(match_id),
            teams=[(s.home_id, s.home), (s.away_id, s.away)],
            initial=initial,
            parent=self.window,
        )

    def log_line(
        self, match_id: int, line: str, minute: Minute | None, *, allow_duplicate: bool = False
    ) -> str:
        """Record a quick-entry line; a moment or quote can be undone like any other.

        A line that repeats a logged moment raises PossibleDuplicate unless
        ``allow_duplicate`` (the user was asked)."""
        again = allow_duplicate

        def do() -> Any:
            result = self.services.quick_entry.record(match_id, line, minute, allow_duplicate=again)
            self.logged_moment = result.appendable  # the page adds it rather than reloading
            return result

        # One parse, in the line's own transaction: a period marker names itself in the
        # history ("Logged HT"), as a clock change does; a moment or quote by its rows.
        # The history takes back all the line made: people, line-up entries, the moment.
        result = self.undo.run(do)
        return result.describe()

    def change_clock(self, match_id: int, text: str, do: Callable[[], object]) -> None:
        """A clock change (start, whistle, pause, corrections, period markers), undoable."""
        self.undo.run(do, text)

    # --- quotes ---

    def add_quote(self, match_id: int) -> QDialog:
        dialog = self._quote_dialog(match_id, None, "")
        return self._open(
            dialog,
            lambda: self.undo.run(lambda: self.services.quotes.add(match_id, dialog.value())),
        )

    def edit_quote(self, quote_id: int) -> QDialog:
        match_id, before, speaker = self.services.quotes.get_input(quote_id)
        dialog = self._quote_dialog(match_id, before, speaker)
        seen = before.version

        def submit() -> None:  # the form does not show when it was said: that stays
            data = replace(dialog.value(), said_at=before.said_at, version=seen)
            self.undo.run(lambda: self.services.quotes.update(quote_id, data))

        return self._open(dialog, submit)

    def delete_quote(self, quote_id: int, seen: int | None = None) -> None:
        self._deleting(lambda: self.services.quotes.delete(quote_id, seen=seen))

    def _quote_dialog(self, match_id: int, initial: Any, speaker: str) -> QuoteDialog:
        dialog = QuoteDialog(
            moments=self.services.quotes.moment_choices(match_id),
            initial=initial,
            initial_speaker=speaker,
            parent=self.window,
        )
        dialog.read_later(self.services.people.names, dialog.show_speakers)  # line-ups' too
        return dialog

    # --- notes ---

    def add_note(self, match_id: int) -> QDialog:
        dialog = NoteDialog(parent=self.window)
        return self._open(
            dialog,
            lambda: self.undo.run(
                lambda: self.services.notes.add(dialog.value(), match_id=match_id)
            ),
        )

    def edit_note(self, note_id: int) -> QDialog:
        before = self.services.notes.get(note_id)
        dialog = NoteDialog(before.text, parent=self.window)
        seen = before.version
        return self._open(
            dialog,
            lambda: self.undo.run(
                lambda: self.services.notes.update(note_id, dialog.value(), seen=seen)
            ),
        )

    def delete_note(self, note_id: int, seen: int | None = None) -> None:
        self._deleting(lambda: self.services.notes.delete(note_id, seen=seen))

    # --- line-ups ---

    def add_lineup(self, match_id: int) -> QDialog:
        dialog = self._lineup_dialog(match_id, None, "")
        return self._open(
            dialog,
            lambda: self.undo.run(lambda: self.services.lineups.add(match_id, dialog.value())),
        )

    def edit_lineups(self, match_id: int) -> QDialog:
        """Both teams' line-ups as text; a save is one transaction and one undo step."""
        from matchnotes.ui.dialogs.lineup_editor import LineupEditorDialog

        dialog = LineupEditorDialog(self.services, match_id, parent=self.window)
        lineups = self.services.lineups

        def submit() -> None:  # each team against the entries its text was read with
            squads, seen = dialog.value(), dict(dialog.seen)
            self.undo.run(lambda: lineups.replace(match_id, squads, seen))

        def rearm() -> None:
            dialog.seen = {t: lineups.stored(match_id, t)[1] for t in dialog.seen}

        return self._open(dialog, submit, rearm)

    def edit_lineup(self, entry_id: int) -> QDialog:
        match_id, before, name = self.services.lineups.get_input(entry_id)
        dialog = self._lineup_dialog(match_id, before, name)
        seen = before.version

        def submit() -> None:
            data = replace(dialog.value(), version=seen)
            self.undo.run(lambda: self.services.lineups.update(entry_id, data))

        return self._open(dialog, submit)

    def delete_lineup(self, entry_id: int, seen: int | None = None) -> None:
        self._deleting(lambda: self.services.lineups.remove(entry_id, seen=seen))

    def _lineup_dialog(self, match_id: int, initial: Any, name: str) -> LineupDialog:
        s = self.services.matches.get_summary(match_id)
        dialog = LineupDialog(
            teams=[(s.home_id, s.home), (s.away_id, s.away)],
            initial=initial,
            initial_name=name,
            parent=self.window,
        )
        dialog.read_later(self.services.people.names, dialog.show_people)
        return dialog

    # --- people ---

    def new_person(self) -> QDialog:
        dialog = PersonDialog(parent=self.window)
        return self._open(
            dialog,
            lambda: self.undo.run(lambda: self.services.people.create(dialog.value())),
        )

    def edit_person(self, person_id: int) -> QDialog:
        before = self.services.people.get_input(person_id)
        dialog = PersonDialog(before, parent=self.window)
        seen = [before.version]  # the form's values are this version's (newer after a refusal)

        def submit() -> None:
            data = replace(dialog.value(), version=seen[0])
            self.undo.run(lambda: self.services.people.update(person_id, data))

        def rearm() -> None:
            seen[0] = self.services.people.get(person_id).version

        return self._open(dialog, submit, rearm)

    def delete_person(self, person_id: int) -> None:
        shown = self.services.people.get(person_id)
        self._confirm(
            f"Delete {shown.name}?",
            "You can undo this (Ctrl+Z).",
            lambda: self._deleting(
                lambda: self.services.people.delete(person_id, seen=shown.version)
            ),
        )

    # --- teams ---

    def edit_team(self, team_id: int) -> QDialog:
        before = self.services.catalog.team(team_id)
        dialog = TeamDialog(before, parent=self.window)
        seen = [before.version]  # the form's values are this version's (newer after a refusal)

        def submit() -> None:
            name, code, country = dialog.value()
            catalog = self.services.catalog
            self.undo.run(lambda: catalog.update_team(team_id, name, code, country, seen=seen[0]))

        def rearm() -> None:
            seen[0] = self.services.catalog.team(team_id).version

        return self._open(dialog, submit, rearm)

    # --- delete dispatch for the match page ---

    def delete(self, kind: str, ident: int, seen: int | None = None) -> None:
        """``seen``: the version the page showed (a newer one is not deleted)."""
        {
            "moment": self.delete_moment,
            "quote": self.delete_quote,
            "note": self.delete_note,
            "lineup": self.delete_lineup,
        }[kind](ident, seen)

    def edit(self, kind: str, ident: int) -> None:
        {
            "moment": self.edit_moment,
            "quote": self.edit_quote,
            "note": self.edit_note,
            "lineup": self.edit_lineup,
            "lineups": self.edit_lineups,  # ident: the match
        }[kind](ident)

    def _confirm(self, question: str, detail: str, on_yes: Callable[[], None]) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "MatchNotes",
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the question names user text
        box.setInformativeText(detail)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def done(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                try:
                    on_yes()
                except MatchNotesError as exc:
                    self.show_error(str(exc))

        box.finished.connect(done)
        self.dialog = box
        box.open()
        return box

    def show_error(self, message: str, over: QWidget | None = None) -> None:
        """``over``: an open form the message is about (it stays open under the box)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "MatchNotes",
            message,
            QMessageBox.StandardButton.Ok,
            over or self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote names as typed
        if over is None:
            self.dialog = box
        else:  # the form is what the user goes back to
            box.finished.connect(lambda _r: over.activateWindow())
        box.open()
