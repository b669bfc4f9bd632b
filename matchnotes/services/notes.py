"""Free notes on a match (the fan's diary entry, the reporter's scraps) or on a person."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from matchnotes.errors import ValidationError
from matchnotes.models import Match, Note, Person
from matchnotes.services.base import Service, get_or_404
from matchnotes.services.conflicts import check_seen, get_seen
from matchnotes.services.inputs import checked_note
from matchnotes.services.views import NoteView


class NoteService(Service):
    def add(self, text: str, *, match_id: int | None = None, person_id: int | None = None) -> int:
        if (match_id is None) == (person_id is None):
            raise ValidationError("A note belongs to a match or to a person.")
        with self._write() as session:
            if match_id is not None:
                get_or_404(session, Match, match_id, "match")
            if person_id is not None:
                get_or_404(session, Person, person_id, "person")
            note = Note(match_id=match_id, person_id=person_id, text=_checked(text))
            session.add(note)
            session.flush()
            assert note.id is not None
            return note.id

    def update(self, note_id: int, text: str, *, seen: int | None = None) -> None:
        """``seen``: the version the form was filled from; a newer note is not overwritten."""
        with self._write() as session:
            note = get_seen(session, Note, note_id, "note", seen)
            check_seen(session, note, seen, f"note — “{' '.join(text.split())[:120]}”")
            note.text = _checked(text)
            note.updated_at = dt.datetime.now(dt.UTC)

    def delete(self, note_id: int, *, seen: int | None = None) -> None:
        with self._write() as session:
            note = get_seen(session, Note, note_id, "note", seen)
            check_seen(session, note, seen, "delete it")
            session.delete(note)

    def get(self, note_id: int) -> NoteView:
        with self._read() as session:
            n = get_or_404(session, Note, note_id, "note")
            return _view(n)

    def for_match(self, match_id: int) -> list[NoteView]:
        with self._read() as session:
            return load_note_views(session, match_id=match_id)

    def for_person(self, person_id: int) -> list[NoteView]:
        with self._read() as session:
            return load_note_views(session, person_id=person_id)


def _checked(text: str) -> str:
    return checked_note(text)


def load_note_views(
    session: Session, *, match_id: int | None = None, person_id: int | None = None
) -> list[NoteView]:
    query = select(Note).order_by(col(Note.created_at), col(Note.id))
    if match_id is not None:
        query = query.where(Note.match_id == match_id)
    if person_id is not None:
        query = query.where(Note.person_id == person_id)
    return [_view(n) for n in session.exec(query).all()]


def _view(n: Note) -> NoteView:
    return NoteView(n.id or 0, n.match_id, n.person_id, n.text, n.created_at, n.updated_at,
                    n.author, n.version)  # fmt: skip
