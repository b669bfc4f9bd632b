"""Matches: create, edit, delete, list, and the full match page with derived scores."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy import BindParameter, bindparam, func, text
from sqlmodel import Session, col, select

from matchnotes.enums import Decision, MatchStatus, PersonRole
from matchnotes.errors import NotFoundError, ValidationError
from matchnotes.models import (
    LineupEntry,
    Match,
    MatchTag,
    Moment,
    Note,
    Person,
    Quote,
    Tag,
    Venue,
)
from matchnotes.scores import Score, ScoreEvent, half_time_score
from matchnotes.scores import shootout_score as derive_shootout
from matchnotes.services.base import Service, get_or_404
from matchnotes.services.conflicts import check_seen, get_seen
from matchnotes.services.inputs import MatchInput, check_match
from matchnotes.services.lineups import load_lineup_views
from matchnotes.services.lookup import (
    competition_by_name,
    person_by_name,
    season_of,
    team_by_name,
    venue_by_name,
)
from matchnotes.services.match_append import (
    MatchHeader,
    PageChanges,
    detail_with_moment,
)
from matchnotes.services.moments import load_moment_views
from matchnotes.services.name_locks import hold_name
from matchnotes.services.notes import load_note_views
from matchnotes.services.quotes import load_quote_views
from matchnotes.services.summaries import build_summaries, goals_sql, summaries_sql
from matchnotes.services.views import DeletionImpact, MatchDetail, MatchSummary, MomentView
from matchnotes.text import clean, fold


class MatchService(Service):
    def create_match(self, data: MatchInput) -> int:
        with self._write() as session:
            match = Match(date=data.date, home_team_id=0, away_team_id=0)
            self._apply(session, match, data)
            session.add(match)
            session.flush()
            self._set_tags(session, match, data.tags)
            assert match.id is not None
            return match.id

    def update_match(self, match_id: int, data: MatchInput) -> None:
        """Refused (ConflictError) when ``data.version`` is older than the match's."""
        with self._write() as session:
            match = get_seen(session, Match, match_id, "match", data.version)
            yours = f"{data.home} v {data.away}, {data.date:%Y-%m-%d} with your details"
            check_seen(session, match, data.version, yours)
            self._apply(session, match, data)
            match.updated_at = dt.datetime.now(dt.UTC)
            self._set_tags(session, match, data.tags)

    def set_status(self, match_id: int, status: MatchStatus) -> None:
        with self._write() as session:
            get_or_404(session, Match, match_id, "match").status = status

    def deletion_impact(self, match_id: int) -> DeletionImpact:
        with self._read() as session:
            match = get_or_404(session, Match, match_id, "match")
            summary = load_match_summaries(session, [match.id or 0])[0]

            def count(model: type, column: object) -> int:
                return session.exec(
                    select(func.count()).select_from(model).where(column == match_id)
                ).one()

            return DeletionImpact(
                title=f"{summary.home} v {summary.away}, {summary.date:%d %b %Y}",
                moments=count(Moment, Moment.match_id),
                quotes=count(Quote, Quote.match_id),
                notes=count(Note, Note.match_id),
                lineup_entries=count(LineupEntry, LineupEntry.match_id),
            )

    def delete_match(self, match_id: int, *, seen: int | None = None) -> None:
        """Delete a match with its line-ups, moments, quotes and notes (one transaction).
        ``seen``: the version the user saw; a match changed since is not deleted."""
        with self._write() as session:
            match = get_seen(session, Match, match_id, "match", seen)
            check_seen(session, match, seen, "delete the match")
            # Quotes point at moments; remove them first, then let CASCADE do the rest.
            for quote in session.exec(select(Quote).where(col(Quote.match_id) == match_id)):
                session.delete(quote)
            session.flush()
            session.delete(match)

    def list_matches(self) -> list[MatchSummary]:
        """Every match, newest first."""
        with self._read() as session:
            return load_match_summaries(session, None)

    def get_summary(self, match_id: int) -> MatchSummary:
        with self._read() as session:
            get_or_404(session, Match, match_id, "match")
            return load_match_summaries(session, [match_id])[0]

    def get_match(self, match_id: int) -> MatchDetail:
        with self._read() as session:
            match = get_or_404(session, Match, match_id, "match")
            header = _read_header(session, match)
            moments = load_moment_views(session, match)
            events = [ScoreEvent(m.minute.period, m.kind, m.team_id) for m in moments]
            shootout = derive_shootout(events, match.home_team_id, match.away_team_id)
            return MatchDetail(
                summary=header.summary,
                venue_city=header.venue_city,
                attendance=header.attendance,
                referee_id=header.referee_id,
                referee=header.referee,
                decided_by=header.decided_by,
                half_time=half_time_score(events, match.home_team_id, match.away_team_id),
                penalties=shootout if shootout is not None else header.stored_penalties,
                score_is_override=header.score_is_override,
                watched_where=header.watched_where,
                lineups=load_lineup_views(session, match_id),
                moments=moments,
                quotes=load_quote_views(session, match_id=match_id),
                notes=load_note_views(session, match_id=match_id),
                tags=header.tags,
            )

    def page_changes(
        self,
        match_id: int,
        *,
        moment_ids: Collection[int] = (),
        quote_ids: Collection[int] = (),
        lineups: bool = False,
        notes: bool = False,
        header: bool = False,
    ) -> PageChanges:
        """What another process changed on a match page, read alone (issue 18): these
        moments and quotes by id (those deleted are not read), and the line-ups, notes and
        header when asked. Small queries, whatever the size of the match; put in place by
        ``match_append.detail_with_changes``. NotFoundError if the match is gone."""
        with self._read() as session:
            match = get_or_404(session, Match, match_id, "match")
            moment_ids, quote_ids = sorted(moment_ids), sorted(quote_ids)
            return PageChanges(
                moment_ids=moment_ids,
                moments=load_moment_views(session, match, ids=moment_ids) if moment_ids else [],
                quote_ids=quote_ids,
                quotes=(
                    load_quote_views(session, match_id=match_id, ids=quote_ids) if quote_ids else []
                ),
                lineups=load_lineup_views(session, match_id) if lineups else None,
                notes=load_note_views(session, match_id=match_id) if notes else None,
                header=_read_header(session, match) if header else None,
            )

    def with_moment(self, detail: MatchDetail, moment: MomentView) -> MatchDetail | None:
        """The page ``detail`` showed plus a moment a quick-entry line just logged (its
        view from the line's own transaction), without reading the database; None when
        that is not enough (services/match_append.py)."""
        return detail_with_moment(detail, moment)

    def get_input(self, match_id: int) -> MatchInput:
        """The match as the edit form shows it (its row and names, not its moments)."""
        with self._read() as session:
            match = get_or_404(session, Match, match_id, "match")
            s = load_match_summaries(session, [match_id])[0]
            override = (
                (match.home_score_override, match.away_score_override or 0)
                if match.home_score_override is not None
                else None
            )
            penalties = (
                (match.home_penalties, match.away_penalties or 0)
                if match.home_penalties is not None
                else None
            )
            referee = session.get(Person, match.referee_id) if match.referee_id else None
            venue = session.get(Venue, match.venue_id) if match.venue_id else None
            tags = _tag_names(session, match_id)
            return MatchInput(
                home=s.home,
                away=s.away,
                date=s.date,
                kickoff_time=s.kickoff_time,
                competition=s.competition,
                season=s.season,
                stage=s.stage,
                venue=s.venue,
                venue_city=venue.city if venue else None,
                referee=referee.name if referee else None,
                attendance=match.attendance,
                status=s.status,
                score_override=override,
                decided_by=match.decided_by,
                penalties=penalties,
                fan_attendance=s.fan_attendance,
                watched_where=match.watched_where,
                rating=s.rating,
                tags=tuple(tags),
                version=match.version,
            )

    # --- internals ---

    def _apply(self, session: Session, match: Match, data: MatchInput) -> None:
        _validate(data)
        home = team_by_name(session, data.home)
        away = team_by_name(session, data.away)
        if home.id == away.id:
            raise ValidationError("A match needs two different teams.")
        match.home_team_id, match.away_team_id = home.id or 0, away.id or 0
        match.date = data.date
        match.kickoff_time = data.kickoff_time
        match.stage = clean(data.stage) or None
        match.season_id = None
        if clean(data.competition):
            competition = competition_by_name(session, data.competition or "")
            season_name = clean(data.season) or str(data.date.year)
            match.season_id = season_of(session, competition, season_name).id
        elif clean(data.season):
            raise ValidationError("A season belongs to a competition: fill in the competition.")
        match.venue_id = (
            venue_by_name(session, data.venue or "", data.venue_city).id
            if clean(data.venue)
            else None
        )
        match.referee_id = (
            person_by_name(session, data.referee or "", PersonRole.REFEREE).id
            if clean(data.referee)
            else None
        )
        match.attendance = data.attendance
        match.status = data.status
        match.home_score_override, match.away_score_override = data.score_override or (None, None)
        match.decided_by = data.decided_by
        match.home_penalties, match.away_penalties = data.penalties or (None, None)
        match.fan_attendance = data.fan_attendance
        match.watched_where = clean(data.watched_where) or None
        match.rating = data.rating

    def _set_tags(self, session: Session, match: Match, tags: tuple[str, ...]) -> None:
        for old in session.exec(select(MatchTag).where(col(MatchTag.match_id) == match.id)):
            session.delete(old)  # row by row, so the change history sees them
        session.flush()
        unique = {fold(t): clean(t) for t in reversed(tags) if clean(t)}  # first spelling wins
        for key, name in unique.items():
            query = select(Tag).where(Tag.name_key == key)
            tag = session.exec(query).first()
            if tag is None and hold_name(session, "tag", key):
                tag = session.exec(query).first()
            if tag is None:
                tag = Tag(name=name, name_key=key)
                session.add(tag)
                session.flush()
            session.add(MatchTag(match_id=match.id or 0, tag_id=tag.id or 0))


def _validate(data: MatchInput) -> None:
    check_match(data.date, data.attendance, data.rating, data.score_override, data.penalties)
    if data.penalties is not None and data.decided_by is not Decision.PENALTIES:
        raise ValidationError("A shoot-out score needs the result to be decided on penalties.")


def load_match_summaries(session: Session, ids: list[int] | None) -> list[MatchSummary]:
    """Summaries in two queries (matches with names; goal counts), whatever the count.

    The SQL is shared with the start-up peek (services/summaries.py).
    """
    if ids is None:
        rows = session.execute(text(summaries_sql()))
        goals = session.execute(text(goals_sql()))
    else:
        chosen: BindParameter[list[int]] = bindparam("ids", ids, expanding=True)
        rows = session.execute(text(summaries_sql("m.id IN :ids")).bindparams(chosen))
        goals = session.execute(text(goals_sql("match_id IN :ids")).bindparams(chosen))
    return build_summaries(rows, goals)


def _read_header(session: Session, match: Match) -> MatchHeader:
    """The match row as the page's header shows it (its score counted from the goals)."""
    assert match.id is not None
    referee = session.get(Person, match.referee_id) if match.referee_id else None
    venue = session.get(Venue, match.venue_id) if match.venue_id else None
    stored = None
    if match.home_penalties is not None:
        stored = Score(match.home_penalties, match.away_penalties or 0)
    summaries = load_match_summaries(session, [match.id])
    if not summaries:  # deleted since the row was read (a server reads each statement anew)
        raise NotFoundError(f"There is no match with id {match.id} (it may have been deleted).")
    return MatchHeader(
        summary=summaries[0],
        venue_city=venue.city if venue else None,
        attendance=match.attendance,
        referee_id=match.referee_id,
        referee=referee.name if referee else None,
        decided_by=match.decided_by,
        score_is_override=match.home_score_override is not None,
        watched_where=match.watched_where,
        tags=_tag_names(session, match.id),
        stored_penalties=stored,
    )


def _tag_names(session: Session, match_id: int) -> list[str]:
    """A match's tags, in their folded order (the page and the edit form both show them)."""
    return list(
        session.exec(
            select(Tag.name)
            .join(MatchTag, col(MatchTag.tag_id) == Tag.id)
            .where(MatchTag.match_id == match_id)
            .order_by(Tag.name_key)
        ).all()
    )
