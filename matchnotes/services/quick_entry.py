"""Quick entry: preview a typed line, or record it in one transaction.

The parser (matchnotes/entry) knows nothing of the database; this service hands it
the match's roster and clock period, then saves what it read: a moment (creating a
new person typed in quotes and adding them to their team's line-up), a quote, or a
period change. A refused line saves nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import func
from sqlmodel import Session, select

from matchnotes import clock
from matchnotes.clock import ClockState
from matchnotes.entry import (
    EntryError,
    MomentEntry,
    ParsedEntry,
    PeriodEntry,
    PersonRef,
    QuoteEntry,
    Roster,
    parse_line,
)
from matchnotes.entry.names import find_speaker
from matchnotes.enums import Decision, LineupRole, MatchStatus, MomentKind, Period, PersonRole
from matchnotes.minutes import Minute
from matchnotes.models import LineupEntry, Match, Moment, Person, Quote, Team
from matchnotes.services.base import Service, changes_committed, get_or_404
from matchnotes.services.change_log import say

# The moments and quotes services own the validation of what is saved; recording a
# line reuses it inside this service's own transaction.
from matchnotes.services.clock import (
    Now,
    finished_message,
    retime,
    stamp,
    state_of,
    store,
    utc_now,
)
from matchnotes.services.inputs import MomentInput, QuoteInput, checked_quote
from matchnotes.services.match_append import stored_moment_view
from matchnotes.services.moments import apply_moment_input as apply_moment
from matchnotes.services.name_locks import hold_name
from matchnotes.services.quick_entry_checks import check_moment, went_to_extra_time
from matchnotes.services.quotes import apply_quote_input as apply_quote
from matchnotes.services.roster import directory_of, load_roster
from matchnotes.services.views import MomentView
from matchnotes.text import fold

# ET then PSO: a later marker may say more about how the result was reached, never less.
_DECISION_RANK = {Decision.REGULAR: 0, Decision.EXTRA_TIME: 1, Decision.PENALTIES: 2}


@dataclass(frozen=True)
class RecordResult:
    """What a recorded line created or changed."""

    entry: ParsedEntry
    moment_id: int | None = None
    quote_id: int | None = None
    period: Period | None = None  # the match's period after a period marker
    status: MatchStatus | None = None  # the match's status after a period marker
    created_person_ids: tuple[int, ...] = ()
    joined_lineup_ids: tuple[int, ...] = ()  # line-up entries added for people it named
    moment: MomentView | None = None  # the moment as stored (services/match_append.py)

    def describe(self) -> str:
        return self.entry.describe()

    @property
    def appendable(self) -> MomentView | None:
        """The moment, when adding it is all a match page needs to show this line (it
        added nobody to the line-up); None: the page reads the match again."""
        return None if self.joined_lineup_ids else self.moment


class QuickEntryService(Service):
    def __init__(self, engine: object, now: Now = utc_now, tz: dt.tzinfo | None = None) -> None:
        super().__init__(engine)  # type: ignore[arg-type]
        self.now = now  # injectable, so tests can move time
        self.tz = tz  # the reporter's time zone for "2H 21:03"; None: this computer's
        self._rosters: dict[int, tuple[int, Roster]] = {}  # match: (changes seen, roster)

    def roster(self, match_id: int) -> Roster:
        """Who a line can name, nearest first (services/roster.py)."""
        cached = self._rosters.get(match_id)
        if cached is not None and cached[0] == changes_committed(self._engine):
            return cached[1]
        with self._read() as session:
            return self._roster(session, get_or_404(session, Match, match_id, "match"))

    def _roster(self, session: Session, match: Match) -> Roster:
        """The match's roster, read again only after a change was committed (reading it
        is most of what a line costs on a big archive); without its directory, which
        needs a Session."""
        cached = self._rosters.get(match.id or 0)
        if cached is not None and cached[0] == changes_committed(self._engine):
            return cached[1]
        seen = changes_committed(self._engine)  # before reading: a change meanwhile voids it
        roster = replace(load_roster(session, match), directory=None)
        self._rosters = {match.id or 0: (seen, roster)}
        return roster

    def _parse(
        self, session: Session, match: Match, line: str, clock: Minute | None, duplicate: bool
    ) -> ParsedEntry:
        roster = replace(self._roster(session, match), directory=directory_of(session))
        entry = parse_line(
            line,
            roster,
            clock,
            shootout=match.clock_period is Period.SHOOTOUT,
            extra_time=went_to_extra_time(match),
        )
        if isinstance(entry, MomentEntry):
            check_moment(session, match, entry, allow_duplicate=duplicate)
        return entry

    def add_quote(self, match_id: int, speaker: str, data: QuoteInput) -> RecordResult:
        """A quote whose speaker is named as in a quick-entry line (``- Kane: ...``):
        surname, initials, a near miss, anyone in the database; a new person's name is
        typed in quotes. The rest of ``data`` (context, place, source, moment) as given.
        Used by `matchnotes quote add --speaker`."""
        checked_quote(data.text)  # the words first, as the quote form checks them
        with self._write() as session:
            match = get_or_404(session, Match, match_id, "match")
            ref = find_speaker(speaker, load_roster(session, match))
            entry = QuoteEntry(ref, data.text, data.context, data.place)
            return _add_quote(session, match, entry, data)

    def preview(
        self,
        match_id: int,
        line: str,
        clock_minute: Minute | None = None,
        reopen: bool = False,
        *,
        allow_duplicate: bool = False,
    ) -> ParsedEntry:
        """What ``record`` would save for this line (or its refusal); saves nothing."""
        with self._read() as session:
            match = get_or_404(session, Match, match_id, "match")
            entry = self._parse(session, match, line, clock_minute, allow_duplicate)
            if isinstance(entry, PeriodEntry):
                self._period_change(match, entry, reopen)  # refusals show before Enter
            return entry

    def record(
        self,
        match_id: int,
        line: str,
        clock_minute: Minute | None = None,
        reopen: bool = False,
        *,
        allow_duplicate: bool = False,
    ) -> RecordResult:
        """Parse the line and save it, committed before this returns (or nothing at all).

        A period marker that would set a finished match going again is refused unless
        ``reopen`` says the user means it. A moment that repeats one logged already
        raises PossibleDuplicate (nothing saved) unless ``allow_duplicate``: the user has
        been asked and wants it twice.
        """
        with self._write() as session:
            match = get_or_404(session, Match, match_id, "match")
            entry = self._parse(session, match, line, clock_minute, allow_duplicate)
            if isinstance(entry, PeriodEntry):
                say(session, f"Logged {entry.describe()}")  # the rows: only the match's clock
                result = self._change_period(session, match, entry, reopen)
            elif isinstance(entry, QuoteEntry):
                result = _add_quote(session, match, entry)
            else:
                result = _add_moment(session, match, entry, self.now())
            roster = self._rosters.get(match_id)
        if roster is not None and _names_unchanged(roster[1], result):
            # Only line-up people were named and nobody was added: the names still hold.
            self._rosters[match_id] = (changes_committed(self._engine), roster[1])
        return result

    def _period_change(
        self, match: Match, entry: PeriodEntry, reopen: bool
    ) -> tuple[ClockState, MatchStatus, dt.datetime | None]:
        """(the clock, the status) after a marker, and the UTC kick-off of a timed one."""
        now, before = self.now(), state_of(match)
        if entry.kickoff is not None and entry.period is not None:
            tz = self.tz or now.astimezone().tzinfo or dt.UTC
            kickoff = clock.kickoff_from_local(entry.kickoff, now, tz)
            after = clock.correct_kickoff(before, entry.period, kickoff, now)
            goes_live = clock.starts_period(before, after)
            status = MatchStatus.LIVE if goes_live else match.status
        else:
            kickoff, after, status = None, _marked_clock(before, entry, now), entry.status
            # AET finishes a match that a PSO line may still take to a shoot-out.
            after_aet = match.clock_period is Period.EXTRA_SECOND and entry.marker == "PSO"
            goes_live = status is MatchStatus.LIVE and not after_aet
        if match.status is MatchStatus.FINISHED and goes_live and not reopen:
            raise EntryError(finished_message(f"type “{entry.marker}”"))
        return after, status, kickoff

    def _change_period(
        self, session: Session, match: Match, entry: PeriodEntry, reopen: bool
    ) -> RecordResult:
        state, status, kickoff = self._period_change(match, entry, reopen)
        store(match, state)
        match.status = status
        if kickoff is not None and entry.period is not None:
            retime(session, match.id or 0, entry.period, kickoff)
        if entry.decided_by and _DECISION_RANK[entry.decided_by] > _DECISION_RANK[match.decided_by]:
            match.decided_by = entry.decided_by
        match.updated_at = self.now()
        return RecordResult(entry, period=match.clock_period, status=match.status)


def _names_unchanged(roster: Roster, result: RecordResult) -> bool:
    """Whether a saved line left the match's roster as it was: it created nobody and
    named only people of the line-up (anyone else joins it, or becomes a speaker)."""
    entry = result.entry
    if result.created_person_ids or result.joined_lineup_ids:
        return False
    if isinstance(entry, MomentEntry):
        refs = [r for r in (entry.player, entry.related) if r is not None]
    elif isinstance(entry, QuoteEntry):
        refs = [entry.speaker]
    else:
        return True  # a period marker names nobody
    lineup = {p.person_id for p in roster.lineup}
    return all(r.person_id in lineup and r.joins is None for r in refs)


# Markers that blow the whistle: the clock stops between periods.
_WHISTLES = {"HT", "FT", "AET"}


def _marked_clock(state: ClockState, entry: PeriodEntry, now: dt.datetime) -> ClockState:
    """KO, 2H, ET, ET2 and PSO start their period's clock now; HT, FT and AET stop it."""
    if entry.marker in _WHISTLES:
        if state.period is not None:
            state = clock.end_period(state, now)
        if entry.period is not None:
            state = replace(state, period=entry.period)
    elif entry.period is not None:
        state = clock.start_period(state, entry.period, now)
    return state


def _add_quote(
    session: Session, match: Match, entry: QuoteEntry, given: QuoteInput | None = None
) -> RecordResult:
    created: list[int] = []
    joined: list[int] = []
    joins = entry.speaker.joins  # a manager found outside the line-up joins it
    speaker_id = _person_id(session, match, entry.speaker, PersonRole.OTHER, joins, created, joined)
    quote = Quote(match_id=match.id or 0, speaker_id=speaker_id, text="x")
    context = entry.context or QuoteInput.context
    data = QuoteInput(speaker=speaker_id, text=entry.text, context=context, place=entry.place)
    if given is not None:  # the form's other fields (source, moment) as typed
        data = replace(given, speaker=speaker_id)
    apply_quote(session, quote, data)
    session.add(quote)
    session.flush()
    return RecordResult(
        entry, quote_id=quote.id, created_person_ids=tuple(created), joined_lineup_ids=tuple(joined)
    )


def _add_moment(
    session: Session, match: Match, entry: MomentEntry, now: dt.datetime
) -> RecordResult:
    created: list[int] = []
    joined: list[int] = []
    coming_on = LineupRole.SUBSTITUTE if entry.kind is MomentKind.SUBSTITUTION else None
    player_id = related_id = None
    if entry.player is not None:
        role = coming_on or LineupRole.STARTER
        player_id = _person_id(
            session, match, entry.player, PersonRole.PLAYER, role, created, joined
        )
    if entry.related is not None:
        related_id = _person_id(
            session, match, entry.related, PersonRole.PLAYER, LineupRole.STARTER, created, joined
        )
    data = MomentInput(
        minute=entry.minute,
        kind=entry.kind,
        player_id=player_id,
        related_player_id=related_id,
        team_id=entry.team.id if entry.team else None,
        description=entry.description,
    )
    moment = Moment(
        match_id=match.id or 0, period=entry.minute.period, minute=0, sort_key=0, kind=entry.kind
    )
    apply_moment(session, match, moment, data)
    stamp(match, moment, entry.clock_timed, now)
    session.add(moment)
    session.flush()
    return RecordResult(
        entry,
        moment_id=moment.id,
        moment=stored_moment_view(session, match, moment),
        created_person_ids=tuple(created),
        joined_lineup_ids=tuple(joined),
    )


def _person_id(
    session: Session,
    match: Match,
    ref: PersonRef,
    role: PersonRole,
    lineup_role: LineupRole | None,
    created: list[int],
    joined: list[int],
) -> int:
    """The id of a person the line named; a new name is found by name or created.

    A new player, or one found outside the line-up (a squad, this match's scorers),
    also joins their team's line-up (``lineup_role``; a manager as manager), so the
    match keeps who took part and the next line finds them first. New people go to
    ``created``, new line-up entries to ``joined``: undoing the line removes them too.
    """
    if ref.person_id is not None:
        if ref.joins is not None and lineup_role is not None and ref.team_id is not None:
            manager = ref.joins is LineupRole.MANAGER
            person = get_or_404(session, Person, ref.person_id, "person")
            role_in_match = LineupRole.MANAGER if manager else lineup_role
            joined += _join_lineup(session, match, person, ref.team_id, role_in_match)
        return ref.person_id
    query = select(Person).where(Person.name_key == fold(ref.name))
    same_name = session.exec(query).all()
    if not same_name and hold_name(session, "person", fold(ref.name)):
        same_name = session.exec(query).all()  # another reporter's line may have added them
    if len(same_name) > 1:
        raise EntryError(
            f"{len(same_name)} people are called “{ref.name}”: add the right one to the "
            "line-up first, then name them without quotes."
        )
    if same_name:
        person = same_name[0]
    else:
        person = Person(name=ref.name, name_key=fold(ref.name), role=role)
        session.add(person)
        session.flush()
        created.append(person.id or 0)
    person_id = person.id or 0
    if lineup_role is not None and ref.team_id is not None:
        joined += _join_lineup(session, match, person, ref.team_id, lineup_role)
    return person_id


def _join_lineup(
    session: Session, match: Match, person: Person, team_id: int, role: LineupRole
) -> list[int]:
    """The id of the line-up entry added for ``person`` (none if they are in it)."""
    in_team = session.exec(
        select(LineupEntry.team_id).where(
            LineupEntry.match_id == match.id, LineupEntry.person_id == person.id
        )
    ).first()
    if in_team == team_id:
        return []
    if in_team is not None:
        team = session.get(Team, in_team)
        raise EntryError(
            f"{person.name} is in {team.name if team else 'the other'}'s line-up already; "
            "name them without quotes."
        )
    last = session.exec(
        select(func.coalesce(func.max(LineupEntry.sort_order), 0)).where(
            LineupEntry.match_id == match.id, LineupEntry.team_id == team_id
        )
    ).one()
    entry = LineupEntry(
        match_id=match.id or 0, team_id=team_id, person_id=person.id or 0, role=role
    )
    entry.sort_order = last + 1
    session.add(entry)
    session.flush()
    return [entry.id or 0]
