"""The words of the quick-entry grammar: kinds with their aliases, and period markers.

Keys are folded word sequences (see ``names.words``), so "Pen Miss", "pen-miss" and
"PEN  MISS" are the same alias.
"""

from __future__ import annotations

from matchnotes.entry.entries import PeriodEntry
from matchnotes.enums import Decision, MatchStatus, MomentKind, Period

K = MomentKind
KIND_ALIASES: dict[str, MomentKind] = {
    "goal": K.GOAL,
    "g": K.GOAL,
    "pen": K.PENALTY_GOAL,
    "p": K.PENALTY_GOAL,
    "pen goal": K.PENALTY_GOAL,
    "pen scored": K.PENALTY_GOAL,
    "penalty": K.PENALTY_GOAL,
    "penalty goal": K.PENALTY_GOAL,
    "pen miss": K.PENALTY_MISSED,
    "pen missed": K.PENALTY_MISSED,
    "penalty miss": K.PENALTY_MISSED,
    "penalty missed": K.PENALTY_MISSED,
    "missed pen": K.PENALTY_MISSED,
    "missed penalty": K.PENALTY_MISSED,
    "miss pen": K.PENALTY_MISSED,
    "pm": K.PENALTY_MISSED,
    "pen saved": K.PENALTY_SAVED,
    "pen save": K.PENALTY_SAVED,
    "penalty saved": K.PENALTY_SAVED,
    "penalty save": K.PENALTY_SAVED,
    "saved pen": K.PENALTY_SAVED,
    "saved penalty": K.PENALTY_SAVED,
    "ps": K.PENALTY_SAVED,
    "pen won": K.PENALTY_AWARDED,
    "pen awarded": K.PENALTY_AWARDED,
    "penalty won": K.PENALTY_AWARDED,
    "penalty awarded": K.PENALTY_AWARDED,
    "og": K.OWN_GOAL,
    "o g": K.OWN_GOAL,
    "own goal": K.OWN_GOAL,
    "yc": K.YELLOW,
    "yellow": K.YELLOW,
    "yellow card": K.YELLOW,
    "2yc": K.SECOND_YELLOW,
    "second yellow": K.SECOND_YELLOW,
    "2nd yellow": K.SECOND_YELLOW,
    "rc": K.RED,
    "red": K.RED,
    "red card": K.RED,
    "sub": K.SUBSTITUTION,
    "substitution": K.SUBSTITUTION,
    "var": K.VAR,
    "chance": K.CHANCE,
    "big chance": K.CHANCE,
    "save": K.SAVE,
    "inj": K.INJURY,
    "injury": K.INJURY,
    "note": K.NOTE,
}
LONGEST_ALIAS = max(len(alias.split()) for alias in KIND_ALIASES)

# Kinds that cannot be logged without a player.
NEEDS_PLAYER = frozenset(
    {K.GOAL, K.PENALTY_GOAL, K.PENALTY_MISSED, K.PENALTY_SAVED, K.OWN_GOAL}
    | {K.YELLOW, K.SECOND_YELLOW, K.RED, K.SUBSTITUTION}
)
PENALTY_KICKS = frozenset({K.PENALTY_GOAL, K.PENALTY_MISSED, K.PENALTY_SAVED})
KIND_HELP = (
    "goal, pen, pen miss, pen saved, pen won, og, yc, 2yc, rc, sub, var, chance, save, inj, note"
)

# A goal's scorer followed by one of these is a penalty or an own goal, as match
# reports write it: "54 goal Kane pen", "Kane (p)", "Varane og". Not before "area",
# "box" or "spot", which start a description ("goal Kane penalty area scramble").
GOAL_MARKS: dict[str, MomentKind] = {
    "pen": K.PENALTY_GOAL,
    "p": K.PENALTY_GOAL,
    "penalty": K.PENALTY_GOAL,
    "og": K.OWN_GOAL,
    "o g": K.OWN_GOAL,
    "own goal": K.OWN_GOAL,
}
NOT_A_MARK_BEFORE = frozenset({"area", "box", "spot"})

# Links: the words that introduce a moment's second person, by kind.
ASSIST_WORDS = ("assist", "assisted by", "ast")
WON_BY_WORDS = ("won by", "foul on")
FOUL_ON_WORDS = ("foul on",)
SUB_OFF_WORDS = ("for", ">")


def _marker(
    marker: str,
    label: str,
    period: Period | None,
    status: MatchStatus = MatchStatus.LIVE,
    decided_by: Decision | None = None,
) -> PeriodEntry:
    return PeriodEntry(marker, label, period, status, decided_by)


_KO = _marker("KO", "Kick-off", Period.FIRST_HALF)
# Half-time keeps the first half as the match's period: the break belongs to it,
# and the clock (not this marker) knows whether time is running.
_HT = _marker("HT", "Half-time", Period.FIRST_HALF)
_2H = _marker("2H", "Second half", Period.SECOND_HALF)
_FT = _marker("FT", "Full time", None, MatchStatus.FINISHED)
_ET = _marker("ET", "Extra time", Period.EXTRA_FIRST, decided_by=Decision.EXTRA_TIME)
_ET2 = _marker(
    "ET2", "Second half of extra time", Period.EXTRA_SECOND, decided_by=Decision.EXTRA_TIME
)
# AET ends the match after extra time; a PSO line after it opens the shoot-out.
_AET = _marker(
    "AET", "After extra time", Period.EXTRA_SECOND, MatchStatus.FINISHED, Decision.EXTRA_TIME
)
_PSO = _marker("PSO", "Penalty shoot-out", Period.SHOOTOUT, decided_by=Decision.PENALTIES)
PERIOD_MARKERS: dict[str, PeriodEntry] = {
    "ko": _KO,
    "kick off": _KO,
    "kickoff": _KO,
    "ht": _HT,
    "half time": _HT,
    "halftime": _HT,
    "2h": _2H,
    "second half": _2H,
    "ft": _FT,
    "full time": _FT,
    "fulltime": _FT,
    "et": _ET,
    "et1": _ET,
    "extra time": _ET,
    "et2": _ET2,
    "2et": _ET2,
    "aet": _AET,
    "pso": _PSO,
    "shootout": _PSO,
    "shoot out": _PSO,
    "penalties": _PSO,
}
