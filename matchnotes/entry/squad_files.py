"""Squads files (openfootball ``== Team`` sections) as line-up text (pure, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from matchnotes.entry.squad_text import SquadLine, format_squad, line_from_record
from matchnotes.enums import LineupRole
from matchnotes.io.squads_txt import parse_squads


@dataclass(frozen=True)
class SquadSection:
    team: str
    lines: tuple[SquadLine, ...]


def squad_file_sections(text: str, source: str) -> list[SquadSection]:
    """The teams of an openfootball squads file, each as line-up lines (all substitutes:
    a squad does not say who starts)."""
    parsed = parse_squads(text, source, skip_errors=True)
    teams: dict[str, list[SquadLine]] = {}
    for record in parsed.people:
        team = teams.setdefault(record.team or "", [])
        team.append(line_from_record(record, len(team) + 1, LineupRole.SUBSTITUTE))
    return [SquadSection(team, tuple(lines)) for team, lines in teams.items() if team]


def squad_section_text(section: SquadSection, source: str) -> str:
    note = (f"# {section.team} squad from {source}: move the starting XI above "
            "“Substitutes:”\n")  # fmt: skip
    return note + format_squad(section.lines)
