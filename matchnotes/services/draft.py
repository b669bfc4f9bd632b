"""A match's report draft: composed from the facts, stored with the reporter's edits,
read back with stale sentences marked. Every change is one transaction."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from matchnotes.draft.compose import compose
from matchnotes.draft.model import Draft
from matchnotes.errors import NotFoundError, ValidationError
from matchnotes.models import Match, MatchDraft
from matchnotes.services.base import Service, get_or_404
from matchnotes.services.draft_facts import gather


class DraftService(Service):
    def fresh(self, match_id: int) -> Draft:
        """The draft as the notes would write it now (nothing saved)."""
        with self._read() as session:
            return _fresh(session, match_id)

    def current(self, match_id: int) -> Draft:
        """The saved draft with stale sentences marked, or a fresh one if none is saved."""
        with self._read() as session:
            fresh = _fresh(session, match_id)
            row = session.get(MatchDraft, match_id)
            if row is None:
                return fresh
            return Draft.from_json(row.body).marked(fresh.stamps())

    def is_saved(self, match_id: int) -> bool:
        with self._read() as session:
            return session.get(MatchDraft, match_id) is not None

    def generate(self, match_id: int, *, keep_edited: bool = True) -> Draft:
        """Write the draft again from the notes; edited sentences stay unless asked."""
        with self._write() as session:
            fresh = _fresh(session, match_id)
            row = session.get(MatchDraft, match_id)
            draft = fresh
            if row is not None:
                draft = Draft.from_json(row.body).regenerated(fresh, keep_edited=keep_edited)
            _save(session, row, draft)
            return draft.marked(fresh.stamps())

    def edit(self, match_id: int, key: str, text: str) -> Draft:
        """Type over one sentence (saving the draft first if it was not yet)."""
        text = " ".join(text.split())
        with self._write() as session:
            fresh = _fresh(session, match_id)
            row = session.get(MatchDraft, match_id)
            draft = Draft.from_json(row.body) if row is not None else fresh
            try:
                draft = draft.with_edit(key, text)
            except KeyError:
                raise NotFoundError("That sentence is no longer in the draft; reload it.") from None
            if not text and draft.sentence(key) is not None and key == "headline":
                raise ValidationError("A draft needs a headline; type one.")
            _save(session, row, draft)
            return draft.marked(fresh.stamps())


def _fresh(session: Session, match_id: int) -> Draft:
    return compose(gather(session, get_or_404(session, Match, match_id, "match")))


def _save(session: Session, row: MatchDraft | None, draft: Draft) -> None:
    now = dt.datetime.now(dt.UTC)
    if row is None:
        session.add(MatchDraft(match_id=draft.match_id, body=draft.to_json(), updated_at=now))
    else:
        row.body, row.updated_at = draft.to_json(), now
    session.flush()
