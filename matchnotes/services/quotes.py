"""Quotes: exact words, who said them, when and where, linked to a match (and a moment)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from matchnotes.enums import PersonRole
from matchnotes.errors import ValidationError
from matchnotes.models import Match, Moment, Person, Quote, Team
from matchnotes.services.base import Service, get_or_404
from matchnotes.services.conflicts import check_seen, get_seen
from matchnotes.services.inputs import QuoteInput, checked_quote
from matchnotes.services.lookup import person_by_name
from matchnotes.services.views import QuoteView
from matchnotes.text import clean, fold

# Made once: an alias made per query is a web of cycles that only a full garbage
# collection frees (issue 16).
HOME, AWAY = aliased(Team, name="home"), aliased(Team, name="away")

QUOTE_ORDERS = ("speaker", "text", "context", "match", "author")  # what ordered_ids sorts by


class QuoteService(Service):
    def add(self, match_id: int, data: QuoteInput) -> int:
        with self._write() as session:
            get_or_404(session, Match, match_id, "match")
            quote = Quote(match_id=match_id, speaker_id=0, text="x")
            apply_quote_input(session, quote, data)
            session.add(quote)
            session.flush()
            assert quote.id is not None
            return quote.id

    def update(self, quote_id: int, data: QuoteInput) -> None:
        """Refused (ConflictError) when ``data.version`` is older than the quote's."""
        with self._write() as session:
            quote = get_seen(session, Quote, quote_id, "quote", data.version)
            check_seen(session, quote, data.version, _in_words(session, data))
            apply_quote_input(session, quote, data)

    def delete(self, quote_id: int, *, seen: int | None = None) -> None:
        """``seen``: the version the user saw; a newer one is not deleted."""
        with self._write() as session:
            quote = get_seen(session, Quote, quote_id, "quote", seen)
            check_seen(session, quote, seen, "delete it")
            session.delete(quote)

    def get_input(self, quote_id: int) -> tuple[int, QuoteInput, str]:
        """(match id, the quote as the edit form shows it, the speaker's name)."""
        with self._read() as session:
            q = get_or_404(session, Quote, quote_id, "quote")
            speaker = get_or_404(session, Person, q.speaker_id, "person")
            data = QuoteInput(q.speaker_id, q.text, q.context, q.place, q.said_at, q.source,
                              q.moment_id, q.version)  # fmt: skip
            return q.match_id, data, speaker.name

    def moment_choices(self, match_id: int) -> list[tuple[int, str]]:
        """(id, "17' Goal Kane") for each of the match's moments, in match order: what a
        quote can be about (the form's list; no scores, no whole-match read)."""
        from matchnotes.labels import KIND_LABELS
        from matchnotes.minutes import Minute

        m = Moment.__table__.c  # type: ignore[attr-defined]
        query = (
            sa_select(m.id, m.period, m.minute, m.stoppage, m.kind, Person.name)  # type: ignore[call-overload]
            .outerjoin(Person, col(Person.id) == m.player_id)
            .where(m.match_id == match_id)
            .order_by(m.sort_key, m.id)
        )
        with self._read() as session:
            return [
                (i, f"{Minute(period, minute, stoppage)} {KIND_LABELS[kind]} {name or ''}")
                for i, period, minute, stoppage, kind, name in session.execute(query)
            ]

    def for_match(self, match_id: int) -> list[QuoteView]:
        with self._read() as session:
            return load_quote_views(session, match_id=match_id)

    def all(self) -> list[QuoteView]:
        """The quotes library: every quote, newest match first."""
        with self._read() as session:
            return load_quote_views(session)

    def ordered_ids(
        self, order: str = "match", descending: bool = True, text: str = ""
    ) -> list[int]:
        """The library as ids only (50,000 quotes: 0.4 MB, not 50 MB of views), sorted by
        ``order`` (one of QUOTE_ORDERS) in SQL; with ``text``, only the quotes whose words,
        speaker, teams or author (who logged it) hold every word typed. Names (speaker,
        teams, author) are matched accent- and case-blind, as everywhere ("jose" finds
        José); the quote's own words as typed or folded ("été", "Ete" find "été"; "ete"
        does not: a text has no folded copy to search). Screens fetch the rows they show
        by id."""
        query = sa_select(col(Quote.id)).join(Match, col(Match.id) == Quote.match_id)
        words = _words(text)
        if words or order == "speaker":  # joined only when needed: 50,000 look-ups
            query = query.join(Person, col(Person.id) == Quote.speaker_id)
        first: Any = {"speaker": col(Person.name_key), "text": col(Quote.text),
                      "context": col(Quote.context), "match": col(Match.date),
                      # no author (imported) first, as an empty text, on both backends
                      "author": func.coalesce(col(Quote.author), "")}[order]  # fmt: skip
        keys: list[Any] = [first, col(Quote.id)]
        with self._read() as session:
            if words:
                home, away = HOME, AWAY
                query = query.join(home, col(home.id) == Match.home_team_id).join(
                    away, col(away.id) == Match.away_team_id
                )
                authors = _folded_authors(session)
                for word, as_typed in words:
                    in_text = [col(Quote.text).icontains(w, autoescape=True)
                               for w in dict.fromkeys((word, as_typed))]  # fmt: skip
                    by = [a for a, key in authors.items() if word in key]
                    query = query.where(
                        or_(
                            *in_text,
                            col(Person.name_key).contains(word, autoescape=True),
                            col(home.name_key).contains(word, autoescape=True),
                            col(away.name_key).contains(word, autoescape=True),
                            col(Quote.author).in_(by),
                        )
                    )
            query = query.order_by(*[k.desc() if descending else k for k in keys])
            return list(session.execute(query).scalars())

    def by_ids(self, ids: Sequence[int]) -> list[QuoteView]:
        """These quotes, in the order given (a screenful of the ids above)."""
        with self._read() as session:
            views = {v.id: v for v in load_quote_views(session, ids=list(ids))}
        return [views[i] for i in ids if i in views]


def _words(text: str) -> list[tuple[str, str]]:
    """Each word typed, folded and as typed (lower case)."""
    words = []
    for typed in text.lower().split():
        folded = fold(typed).split()
        words += [(folded[0], typed)] if len(folded) == 1 else [(w, w) for w in folded]
    return words


def _folded_authors(session: Session) -> dict[str, str]:
    """Who logged quotes (a newsroom's few names) -> each name folded: an author is found
    accent- and case-blind like the other names, without a folded column to search."""
    names = session.execute(
        sa_select(col(Quote.author)).where(col(Quote.author).is_not(None)).distinct()
    ).scalars()
    return {name: fold(name) for name in names}


def _in_words(session: Session, data: QuoteInput) -> str:
    speaker = data.speaker
    if isinstance(speaker, int):
        person = session.get(Person, speaker)
        speaker = person.name if person else f"person {speaker}"
    return f"quote by {clean(speaker)} — “{' '.join(data.text.split())[:120]}”"


def apply_quote_input(session: Session, quote: Quote, data: QuoteInput) -> None:
    text = checked_quote(data.text)
    if isinstance(data.speaker, int):
        speaker = get_or_404(session, Person, data.speaker, "person")
    else:
        speaker = person_by_name(session, data.speaker, PersonRole.OTHER)
    if data.moment_id is not None:
        moment = get_or_404(session, Moment, data.moment_id, "moment")
        if moment.match_id != quote.match_id:
            raise ValidationError("A quote can only be linked to a moment of its own match.")
    if data.said_at is not None and data.said_at.tzinfo is None:
        raise ValidationError("The time a quote was said needs a time zone.")
    quote.speaker_id = speaker.id or 0
    quote.text = text
    quote.context = data.context
    quote.place = clean(data.place) or None
    quote.said_at = data.said_at
    quote.source = clean(data.source) or None
    quote.moment_id = data.moment_id


def load_quote_views(
    session: Session,
    *,
    match_id: int | None = None,
    speaker_id: int | None = None,
    ids: list[int] | None = None,
) -> list[QuoteView]:
    home, away = HOME, AWAY
    query = (
        sa_select(Quote, col(Person.name), col(home.name), col(away.name), col(Match.date))
        .join(Person, col(Person.id) == Quote.speaker_id)
        .join(Match, col(Match.id) == Quote.match_id)
        .join(home, col(home.id) == Match.home_team_id)
        .join(away, col(away.id) == Match.away_team_id)
    )
    if match_id is not None:
        query = query.where(col(Quote.match_id) == match_id).order_by(col(Quote.id))
    else:
        query = query.order_by(col(Match.date).desc(), col(Quote.id))
    if speaker_id is not None:
        query = query.where(col(Quote.speaker_id) == speaker_id)
    if ids is not None:
        query = query.where(col(Quote.id).in_(ids))
    return [
        QuoteView(
            id=q.id or 0,
            match_id=q.match_id,
            speaker_id=q.speaker_id,
            speaker=speaker,
            text=q.text,
            context=q.context,
            place=q.place,
            said_at=q.said_at,
            source=q.source,
            moment_id=q.moment_id,
            match_title=f"{home_name} v {away_name}, {date:%d %b %Y}",
            author=q.author,
            version=q.version,
        )
        for q, speaker, home_name, away_name, date in session.execute(query).all()
    ]
