"""The international results archive (martj42/international_results, CC0): its own CSVs.

``results.csv`` has one match a line; ``goalscorers.csv`` and ``shootouts.csv`` beside
it add the goals and the shoot-out winner by date and teams; ``former_names.csv`` says
which older names a team had. Each file may be plain or compressed with xz
(``results.csv.xz``): the app ships the archive compressed in resources/international
and reads it with lzma, offline. Pure: plain records out, the service writes them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import lzma
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from matchnotes.io.errors import ImportFileError
from matchnotes.text import clean

FORMAT = "international"
LABEL = "international results archive"
RESULTS_COLUMNS = ("date", "home_team", "away_team", "home_score", "away_score", "tournament")
_TRUE = {"true", "1", "yes"}


@dataclass(slots=True)
class ArchiveGoal:
    team: str  # the side the goal counted for (for an own goal: not the scorer's team)
    scorer: str
    minute: int | None  # None: the archive does not know it
    own_goal: bool
    penalty: bool


@dataclass(slots=True)
class ArchiveMatch:
    line: int
    date: dt.date
    home: str
    away: str
    score: tuple[int, int] | None  # None: not played yet ("NA")
    tournament: str
    city: str | None
    country: str | None
    neutral: bool
    goals: list[ArchiveGoal] = field(default_factory=list)
    shootout_winner: str | None = None

    @property
    def where(self) -> str:
        return f"line {self.line}"


@dataclass(frozen=True, slots=True)
class FormerName:
    current: str
    former: str
    start: dt.date | None
    end: dt.date | None


@dataclass
class Archive:
    source: str
    matches: list[ArchiveMatch]
    former_names: list[FormerName]
    unmatched_goals: int = 0  # goals (or shoot-outs) naming a match results.csv lacks


def shipped_folder() -> Path:
    from matchnotes.paths import resource

    return resource("international")


def shipped_results() -> Path:
    """The results file of the archive shipped with the app (compressed)."""
    folder = shipped_folder()
    packed = folder / "results.csv.xz"
    return packed if packed.is_file() else folder / "results.csv"


def is_archive(path: Path) -> bool:
    """Whether ``path`` is the archive's results.csv (by its header, compressed or not)."""
    if not path.name.endswith((".csv", ".csv.xz")) or not path.is_file():
        return False
    try:
        with _open_text(path) as stream:
            header = stream.readline()
    except (ImportFileError, OSError, UnicodeDecodeError, lzma.LZMAError, EOFError):
        return False
    columns = [c.strip().lstrip("\ufeff") for c in header.split(",")]
    return set(RESULTS_COLUMNS) <= set(columns)


def read_archive(results: Path) -> Archive:
    """Read ``results`` (results.csv or results.csv.xz) and the files beside it.
    Raises ImportFileError naming the file and line of the first bad row."""
    folder = results.parent
    suffix = ".csv.xz" if results.name.endswith(".xz") else ".csv"
    matches = list(_results(results))
    by_key: dict[tuple[dt.date, str, str], ArchiveMatch] = {}
    for m in matches:  # a line repeating date and teams is the same match: goals go to the first
        by_key.setdefault((m.date, m.home, m.away), m)
    unmatched = 0
    for row_line, row in _rows(_beside(folder, "goalscorers", suffix)):
        where = (row_line[0], f"line {row_line[1]}")
        match = by_key.get((_date(where, row.get("date")), _text(row, "home_team"),
                            _text(row, "away_team")))  # fmt: skip
        if match is None:
            unmatched += 1
            continue
        scorer = _text(row, "scorer")
        if not scorer:  # a goal without a name adds nothing a score does not say
            continue
        match.goals.append(
            ArchiveGoal(
                _text(row, "team"), scorer, _minute(where, row.get("minute")),
                _flag(row.get("own_goal")), _flag(row.get("penalty")),
            )
        )  # fmt: skip
    for row_line, row in _rows(_beside(folder, "shootouts", suffix)):
        where = (row_line[0], f"line {row_line[1]}")
        key = (_date(where, row.get("date")), _text(row, "home_team"), _text(row, "away_team"))
        if key in by_key:
            by_key[key].shootout_winner = _text(row, "winner") or None
        else:
            unmatched += 1
    former = [
        FormerName(_text(row, "current"), _text(row, "former"),
                   _maybe_date(row.get("start_date")), _maybe_date(row.get("end_date")))
        for _, row in _rows(_beside(folder, "former_names", suffix))
        if _text(row, "current") and _text(row, "former")
    ]  # fmt: skip
    return Archive(str(results), matches, former, unmatched)


def _beside(folder: Path, name: str, suffix: str) -> Path | None:
    for candidate in (
        folder / f"{name}{suffix}",
        folder / f"{name}.csv",
        folder / f"{name}.csv.xz",
    ):
        if candidate.is_file():
            return candidate
    return None


def _open_text(path: Path) -> io.TextIOBase:
    try:
        if path.name.endswith(".xz"):
            return io.TextIOWrapper(lzma.open(path, "rb"), encoding="utf-8", newline="")
        return open(path, encoding="utf-8", newline="")
    except OSError as exc:
        raise ImportFileError(str(path), None, f"cannot be read: {exc.strerror}.") from exc


def _rows(path: Path | None) -> Iterator[tuple[tuple[str, int], dict[str, str]]]:
    """((file, line), row) for each data row; nothing when the file is not there."""
    if path is None:
        return
    with _open_text(path) as stream:
        reader = csv.DictReader(stream)
        try:
            for row in reader:
                yield (path.name, reader.line_num), row
        except (UnicodeDecodeError, lzma.LZMAError, EOFError, csv.Error) as exc:
            raise ImportFileError(
                path.name, f"line {reader.line_num + 1}", f"cannot be read ({exc})."
            ) from exc


def _results(path: Path) -> Iterator[ArchiveMatch]:
    if not path.is_file():
        raise ImportFileError(str(path), None, "is not there; choose the archive's results.csv.")
    first = True
    for (name, line), row in _rows(path):
        if first and not set(RESULTS_COLUMNS) <= set(row):
            missing = ", ".join(c for c in RESULTS_COLUMNS if c not in row)
            raise ImportFileError(
                name,
                "line 1",
                f"lacks the columns {missing}; this is not the archive's results.csv.",
            )
        first = False
        where = (name, f"line {line}")
        home, away = _text(row, "home_team"), _text(row, "away_team")
        if not home or not away:
            raise ImportFileError(name, where[1], "names no home or away team.")
        if home.casefold() == away.casefold():
            raise ImportFileError(name, where[1], f"{home} cannot play against itself.")
        yield ArchiveMatch(
            line, _date(where, row.get("date")), home, away, _score(where, row),
            _text(row, "tournament") or "Friendly", _text(row, "city") or None,
            _text(row, "country") or None, _flag(row.get("neutral")),
        )  # fmt: skip


_clean = lru_cache(maxsize=1 << 17)(clean)  # names and places repeat thousands of times
_iso = lru_cache(maxsize=1 << 16)(dt.date.fromisoformat)


def _text(row: dict[str, str], column: str) -> str:
    return _clean(row.get(column) or "")


def _flag(value: str | None) -> bool:
    return (value or "").strip().casefold() in _TRUE


def _date(where: tuple[str, str], value: str | None) -> dt.date:
    try:
        return _iso((value or "").strip())
    except ValueError:
        raise ImportFileError(*where, f"has the date “{value}”; write it as 2022-12-10.") from None


def _maybe_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "").strip())
    except ValueError:
        return None


def _score(where: tuple[str, str], row: dict[str, str]) -> tuple[int, int] | None:
    home, away = (row.get(c, "").strip() for c in ("home_score", "away_score"))
    if home.upper() in ("", "NA") or away.upper() in ("", "NA"):
        return None
    try:
        score = int(home), int(away)
    except ValueError:
        raise ImportFileError(*where, f"has the score “{home}–{away}”; write numbers.") from None
    if min(score) < 0 or max(score) > 99:
        raise ImportFileError(*where, f"has the score {home}–{away}, which is not possible.")
    return score


def _minute(where: tuple[str, str], value: str | None) -> int | None:
    text = (value or "").strip()
    if text.upper() in ("", "NA"):
        return None
    try:
        minute = int(float(text))
    except ValueError:
        raise ImportFileError(*where, f"has the minute “{text}”; write a number.") from None
    return minute if 0 <= minute <= 200 else None
