"""The facts a match report draft can state, read from the database in one Session.

Only what the notes hold: names, minutes, scores, line-ups, dates of birth, clubs,
career baselines, quotes; a moment's own words are read for how it came ("header",
"over the bar") and never copied into the draft.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from matchnotes.draft.facts import Goal, MatchFacts, Milestone, Miss, Player, QuoteFact, Source
from matchnotes.enums import Decision, LineupRole, MatchStatus, MomentKind, Period
from matchnotes.models import CareerBaseline, Match, Person, Venue
from matchnotes.scores import ScoreEvent
from matchnotes.scores import shootout_score as derive_shootout
from matchnotes.services.baselines import Until, goals_for_team, record_holder
from matchnotes.services.lineups import load_lineup_views
from matchnotes.services.matches import load_match_summaries
from matchnotes.services.moments import load_moment_views
from matchnotes.services.quotes import load_quote_views
from matchnotes.services.views import LineupView, MomentView
from matchnotes.text import fold

GOAL_KINDS = (MomentKind.GOAL, MomentKind.PENALTY_GOAL, MomentKind.OWN_GOAL)
MISS_KINDS = (MomentKind.PENALTY_MISSED, MomentKind.PENALTY_SAVED)
PENALTY_KINDS = (MomentKind.PENALTY_GOAL, *MISS_KINDS)
CARDS = (MomentKind.YELLOW, MomentKind.SECOND_YELLOW, MomentKind.RED)
FOUL_WINDOW = 5  # a booking for the foul on the penalty's winner comes minutes before


def gather(session: Session, match: Match) -> MatchFacts:
    assert match.id is not None
    s = load_match_summaries(session, [match.id])[0]
    moments = [
        m for m in load_moment_views(session, match) if m.minute.period is not Period.SHOOTOUT
    ]
    all_moments = load_moment_views(session, match)
    lineup = load_lineup_views(session, match.id)
    venue = session.get(Venue, match.venue_id) if match.venue_id else None
    shootout = derive_shootout(
        [ScoreEvent(m.minute.period, m.kind, m.team_id) for m in all_moments],
        match.home_team_id,
        match.away_team_id,
    )
    shootout_pair: tuple[int, int] | None = None
    if shootout is not None:
        shootout_pair = (shootout.home, shootout.away)
    elif match.home_penalties is not None:
        shootout_pair = (match.home_penalties, match.away_penalties or 0)
    people = _people(session, match, moments, lineup, s.home_id, s.away_id)
    score = (s.score.home, s.score.away)
    source = Source.of(
        "match", match.id, s.home, s.away, score, s.stage, s.venue, s.competition, s.season,
        s.date, s.status, shootout_pair,
    )  # fmt: skip
    facts = MatchFacts(
        match_id=match.id, source=source, home=s.home, away=s.away, score=score, date=s.date,
        competition=s.competition, season=s.season, stage=s.stage, venue=s.venue,
        city=venue.city if venue else None, finished=s.status is MatchStatus.FINISHED,
        shootout=shootout_pair if match.decided_by is Decision.PENALTIES or shootout else None,
        extra_time=match.decided_by is Decision.EXTRA_TIME,
    )  # fmt: skip
    facts.goals.extend(
        _goals(session, match, s.home_id, moments, people, lineup, score, (s.home, s.away))
    )
    facts.misses.extend(_misses(moments, people, s.home_id))
    for q in load_quote_views(session, match_id=match.id):
        speaker = people.get(q.speaker_id) or _player(session, q.speaker_id, match.date)
        qsource = Source.of("quote", q.id, q.text, q.speaker, q.context, q.moment_id is None)
        facts.quotes.append(QuoteFact(qsource, speaker, q.text.strip(), q.moment_id))
    return facts


def _people(
    session: Session, match: Match, moments: list[MomentView], lineup: list[LineupView],
    home_id: int, away_id: int,
) -> dict[int, Player]:  # fmt: skip
    """Everyone the draft may name, with team, club, age, captaincy and position."""
    ids = {e.person_id for e in lineup}
    ids |= {i for m in moments for i in (m.player_id, m.related_player_id) if i is not None}
    rows = session.exec(select(Person).where(col(Person.id).in_(ids))).all() if ids else []
    entries = {e.person_id: e for e in lineup}
    teams: dict[int, str] = {e.person_id: e.team for e in lineup}
    for m in moments:  # scorers of an imported match have no line-up entry
        if m.player_id is not None and m.team and m.player_id not in teams:
            teams[m.player_id] = m.team
    out: dict[int, Player] = {}
    for p in rows:
        assert p.id is not None
        e = entries.get(p.id)
        out[p.id] = Player(
            p.id, p.name, teams.get(p.id), p.club, _age(p.date_of_birth, match.date),
            bool(e and e.captain), (e.position if e and e.position else p.position),
            bool(e and e.role is LineupRole.MANAGER),
        )  # fmt: skip
    return out


def _player(session: Session, person_id: int, on: dt.date) -> Player:
    p = session.get(Person, person_id)
    assert p is not None
    return Player(person_id, p.name, None, p.club, _age(p.date_of_birth, on))


def _age(born: dt.date | None, on: dt.date) -> int | None:
    if born is None or born > on:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _goals(
    session: Session, match: Match, home_id: int, moments: list[MomentView],
    people: dict[int, Player], lineup: list[LineupView], final: tuple[int, int],
    names: tuple[str, str],
) -> list[Goal]:  # fmt: skip
    goals: list[Goal] = []
    before = (0, 0)
    scored: dict[int, int] = {}
    winner_side = None if final[0] == final[1] else (0 if final[0] > final[1] else 1)
    for m in moments:
        if m.kind not in GOAL_KINDS or m.player_id is None or m.team is None:
            continue
        after = (m.score_after.home, m.score_after.away)
        if after == before:
            continue  # a goal that did not count for either side (no team): not told
        side = 0 if after[0] > before[0] else 1
        own = m.kind is MomentKind.OWN_GOAL
        scorer = people[m.player_id]
        if not own:
            scored[m.player_id] = scored.get(m.player_id, 0) + 1
        helper = people.get(m.related_player_id) if m.related_player_id else None
        winner = (
            winner_side == side and after[side] == final[1 - side] + 1 and not own
        )  # the goal that took the winners past the losers' final tally
        credited = names[side]
        source = Source.of("moment", m.id, str(m.minute), m.kind, m.team, m.player,
                           m.related_player, m.description, after)  # fmt: skip
        goals.append(
            Goal(
                source=source, minute=str(m.minute), minute_number=m.minute.minute,
                stoppage=m.minute.stoppage, penalty=m.kind is MomentKind.PENALTY_GOAL,
                own_goal=own, team=credited, scorer=scorer, helper=helper,
                header=_says(m.description, "header", "headed", "heads in", "nodded"),
                score_before=before, score_after=after,
                nth_in_match=0 if own else scored[m.player_id],
                milestone=None if own else _milestone(session, match, m),
                club_mate_keeper=(
                    None if own else _club_mate_keeper(m, scorer, lineup, people, moments)
                ),
                winner=winner, order=m.minute.sort_key,
            )
        )  # fmt: skip
        before = after
    return goals


def _milestone(session: Session, match: Match, m: MomentView) -> Milestone | None:
    """The scorer's nth goal for the team, when a baseline says how many came before."""
    assert m.player_id is not None and m.team_id is not None and match.id is not None
    known = session.info.setdefault("draft_baselines", {})  # one query per draft, not per goal
    if match.id not in known:
        known[match.id] = set(
            session.exec(select(CareerBaseline.person_id, CareerBaseline.team_id)).all()
        )
    if (m.player_id, m.team_id) not in known[match.id]:
        return None
    until = Until(match.date, match.id, m.minute.sort_key)
    tally = goals_for_team(session, m.team_id, until, [m.player_id]).get(m.player_id)
    if tally is None:
        return None
    nth = tally[0] + 1
    holder = record_holder(session, m.team_id, until, excluding=m.player_id)
    return Milestone(
        nth=nth, team=m.team or "", tally=Source.of("tally", m.id, nth),
        holder=holder[1] if holder else None, holder_goals=holder[2] if holder else None,
        holder_source=Source.of("record", m.id, holder[1:]) if holder else None,
    )  # fmt: skip


def _club_mate_keeper(
    m: MomentView, scorer: Player, lineup: list[LineupView], people: dict[int, Player],
    moments: list[MomentView],
) -> Player | None:  # fmt: skip
    """The other side's goalkeeper, still on, when scorer and keeper share a club."""
    if not scorer.club or m.team_id is None:
        return None
    for e in lineup:
        keeper = people.get(e.person_id)
        if (
            keeper is None or e.team_id == m.team_id or e.role is not LineupRole.STARTER
            or keeper.position != "GK" or fold(keeper.club or "") != fold(scorer.club)
        ):  # fmt: skip
            continue
        off = any(
            x.kind is MomentKind.SUBSTITUTION and x.related_player_id == e.person_id
            and x.minute.sort_key < m.minute.sort_key
            for x in moments
        )  # fmt: skip
        return None if off else keeper
    return None


def _misses(moments: list[MomentView], people: dict[int, Player], home_id: int) -> list[Miss]:
    misses = []
    for i, m in enumerate(moments):
        if m.kind not in MISS_KINDS or m.player_id is None or not m.team:
            continue
        won_by = people.get(m.related_player_id) if m.related_player_id else None
        foul = next(
            (
                x for x in reversed(moments[:i])
                if x.kind in CARDS and won_by and x.related_player_id == won_by.id
                and x.team_id != m.team_id and x.player_id is not None
                and m.minute.minute - x.minute.minute <= FOUL_WINDOW
            ),
            None,
        )  # fmt: skip
        earlier = any(x.kind in PENALTY_KINDS and x.team_id == m.team_id for x in moments[:i])
        how = (
            "over the bar" if _says(m.description, "over the bar", "over the crossbar")
            else "post" if _says(m.description, "post", "woodwork", "hit the bar")
            else None
        )  # fmt: skip
        source = Source.of("moment", m.id, str(m.minute), m.kind, m.team, m.player,
                           m.related_player, m.description)  # fmt: skip
        misses.append(
            Miss(
                source=source, minute=str(m.minute), minute_number=m.minute.minute,
                saved=m.kind is MomentKind.PENALTY_SAVED, team=m.team,
                taker=people[m.player_id], won_by=won_by,
                fouled_by=people.get(foul.player_id) if foul and foul.player_id else None,
                foul_source=Source.of("moment", foul.id, str(foul.minute), foul.kind,
                                      foul.player, foul.related_player) if foul else None,
                how=how, score_at=(m.score_after.home, m.score_after.away),
                taker_side=0 if m.team_id == home_id else 1, second_penalty=earlier,
                order=m.minute.sort_key,
            )
        )  # fmt: skip
    return misses


def _says(description: str, *words: str) -> bool:
    text = fold(description)
    return any(fold(w) in text for w in words)
