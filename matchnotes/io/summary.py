"""What an import did, for the GUI's summary dialog, the CLI and its ``--json``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from matchnotes.io.errors import Problem


@dataclass
class Tally:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    def __bool__(self) -> bool:
        return any(asdict(self).values())


@dataclass
class ImportSummary:
    """Counts per kind of record; ``subject`` ("matches" or "people") is what the
    headline added / updated / skipped numbers count."""

    source: str
    format: str
    subject: str = "matches"
    tallies: dict[str, Tally] = field(default_factory=dict)
    skipped: list[Problem] = field(default_factory=list)

    def tally(self, what: str) -> Tally:
        return self.tallies.setdefault(what, Tally())

    @property
    def added(self) -> int:
        return self.tally(self.subject).added

    @property
    def updated(self) -> int:
        return self.tally(self.subject).updated

    @property
    def unchanged(self) -> int:
        return self.tally(self.subject).unchanged

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "subject": self.subject,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": len(self.skipped),
            "details": {what: asdict(t) for what, t in sorted(self.tallies.items()) if t},
            "skipped_records": [{"where": p.where, "message": p.message} for p in self.skipped],
        }

    def lines(self) -> list[str]:
        """The summary as short lines of text: a headline, details, then each skipped record."""
        lines = [
            f"{self.source} ({self.format}): {self.added} {self.subject} added, "
            f"{self.updated} updated, {self.unchanged} unchanged, {len(self.skipped)} skipped."
        ]
        for what, t in sorted(self.tallies.items()):
            if what != self.subject and t:
                parts = [f"{n} {label}" for label, n in asdict(t).items() if n]
                lines.append(f"  {what}: {', '.join(parts)}")
        lines += [f"  skipped {problem}" for problem in self.skipped]
        return lines

    def __str__(self) -> str:
        return "\n".join(self.lines())
