"""Errors of an import: which file, where in it (line or JSON path), and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass

from matchnotes.errors import ValidationError


class ImportFileError(ValidationError):
    """A file that cannot be imported; nothing from it was saved.

    ``where`` is "line 34" or a JSON path such as "matches[12].goals1[0].minute",
    or None when the whole file is at fault (not text, unknown format...).
    """

    def __init__(self, source: str, where: str | None, problem: str) -> None:
        self.source, self.where, self.problem = source, where, problem
        place = f"{source}, {where}" if where else source
        super().__init__(f"{place}: {problem}")


def not_utf8(source: str, line: int) -> ImportFileError:
    return ImportFileError(
        source, f"line {line}", "is not UTF-8 text; save the file as UTF-8 and try again."
    )


class RecordError(Exception):
    """Raised inside a parser for one bad record; the caller adds the file name
    (or, when bad rows may be skipped, reports it and moves on)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where, self.problem = where, problem


@dataclass(frozen=True)
class Problem:
    """A record that was skipped, and why (skip-bad-rows mode)."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"
