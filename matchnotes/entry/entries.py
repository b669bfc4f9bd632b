"""What a parsed line will record: a moment, a quote or a period change.

Frozen dataclasses with a ``describe()`` that the quick-entry widget shows as a
preview and the CLI prints for ``--dry-run``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from matchnotes.entry.roster import RosterTeam
from matchnotes.enums import Decision, LineupRole, MatchStatus, MomentKind, Period, QuoteContext
from matchnotes.labels import CONTEXT_LABELS, KIND_LABELS
from matchnotes.minutes import Minute

# How the second player of a moment reads in a preview, by kind.
RELATED_WORDS: dict[MomentKind, str] = {
    MomentKind.GOAL: "assist",
    MomentKind.PENALTY_GOAL: "won by",
    MomentKind.PENALTY_MISSED: "won by",
    MomentKind.PENALTY_SAVED: "won by",
    MomentKind.YELLOW: "foul on",
    MomentKind.SECOND_YELLOW: "foul on",
    MomentKind.RED: "foul on",
}
SHOOTOUT_LABELS: dict[MomentKind, str] = {
    MomentKind.PENALTY_GOAL: "Shoot-out kick scored",
    MomentKind.PENALTY_MISSED: "Shoot-out kick missed",
    MomentKind.PENALTY_SAVED: "Shoot-out kick saved",
}


@dataclass(frozen=True)
class PersonRef:
    """A person named by the line: someone of the match, or a new name to create.

    ``person_id`` is None for a new person (typed in quotes); ``team_id`` is the team
    they play for in this match, when known; ``joins`` is the role a known person
    found outside the line-up (in a squad, say) takes in it when the line is saved.
    """

    name: str
    person_id: int | None = None
    team_id: int | None = None
    joins: LineupRole | None = None

    @property
    def is_new(self) -> bool:
        return self.person_id is None

    def __str__(self) -> str:
        if self.is_new:
            return f"{self.name} (new)"
        return f"{self.name} (joins the line-up)" if self.joins else self.name


@dataclass(frozen=True)
class MomentEntry:
    minute: Minute
    kind: MomentKind
    team: RosterTeam | None = None  # the player's own team (also for an own goal)
    player: PersonRef | None = None
    related: PersonRef | None = None  # assist, won by, foul on, or the player going off
    description: str = ""
    scores_for: RosterTeam | None = None  # the team the match score goes up for, if any
    clock_timed: bool = False  # the minute is the running clock's, not typed

    @property
    def is_shootout_kick(self) -> bool:
        return self.minute.period is Period.SHOOTOUT

    def describe(self) -> str:
        """84' · Penalty missed · England · Harry Kane — over the bar"""
        label = (SHOOTOUT_LABELS if self.is_shootout_kick else KIND_LABELS)[self.kind]
        parts = [str(self.minute), label]
        if self.team is not None:
            parts.append(self.team.name)
        if self.player is not None:
            who = str(self.player)
            if self.kind is MomentKind.SUBSTITUTION and self.related is not None:
                who = f"{who} for {self.related}"
            elif self.related is not None:
                who = f"{who} ({RELATED_WORDS.get(self.kind, 'with')} {self.related})"
            if self.kind is MomentKind.OWN_GOAL and self.scores_for is not None:
                who = f"{who}, counts for {self.scores_for.name}"
            parts.append(who)
        text = " · ".join(parts)
        return f"{text} — {self.description}" if self.description else text


@dataclass(frozen=True)
class QuoteEntry:
    speaker: PersonRef
    text: str
    context: QuoteContext | None = None  # "(press conference)" after the speaker
    place: str | None = None  # "(press conference, Lusail)"

    def describe(self) -> str:
        where = [CONTEXT_LABELS[self.context].lower()] if self.context else []
        where += [self.place] if self.place else []
        said = f" ({', '.join(where)})" if where else ""
        return f"Quote · {self.speaker}{said}: “{self.text}”"


@dataclass(frozen=True)
class PeriodEntry:
    """A period marker (KO, HT, 2H, FT, ET, AET, PSO) and what it changes on the match."""

    marker: str  # the canonical spelling: "FT"
    label: str  # "Full time"
    period: Period | None  # the match's period afterwards; None leaves it as it is
    status: MatchStatus
    decided_by: Decision | None = None  # ET and PSO say how the result will be reached
    minute: Minute | None = None  # "45+3 HT": shown in the preview, not stored
    kickoff: dt.time | None = None  # "2H 21:03": the whistle's time of day (a correction)

    def describe(self) -> str:
        if self.kickoff is not None:
            return f"{self.label} — whistle at {self.kickoff:%H:%M}"
        return f"{self.minute} · {self.label}" if self.minute else self.label


@dataclass(frozen=True)
class LoggedMoment:
    """A moment already saved for the match, as a warning names it: 54' Goal Harry Kane."""

    moment_id: int
    minute: Minute
    kind: MomentKind
    player: str | None = None

    @property
    def label(self) -> str:
        kind = (SHOOTOUT_LABELS if self.minute.period is Period.SHOOTOUT else KIND_LABELS)[
            self.kind
        ]
        return " ".join(part for part in (str(self.minute), kind, self.player) if part)


ParsedEntry = MomentEntry | QuoteEntry | PeriodEntry
