"""Quick entry: one typed line -> a moment, a quote or a period change (pure Python).

    entry = parse_line("84 pen miss Kane over the bar", roster)
    entry.describe()  # "84' · Penalty missed · England · Harry Kane — over the bar"

The grammar is docs/quick-entry.md; services/quick_entry.py records entries.
"""

from matchnotes.entry.entries import (
    LoggedMoment,
    MomentEntry,
    ParsedEntry,
    PeriodEntry,
    PersonRef,
    QuoteEntry,
)
from matchnotes.entry.errors import EntryError, PossibleDuplicate
from matchnotes.entry.parser import parse_line
from matchnotes.entry.roster import Roster, RosterPerson, RosterTeam

__all__ = [
    "EntryError",
    "LoggedMoment",
    "MomentEntry",
    "ParsedEntry",
    "PeriodEntry",
    "PersonRef",
    "PossibleDuplicate",
    "QuoteEntry",
    "Roster",
    "RosterPerson",
    "RosterTeam",
    "parse_line",
]
