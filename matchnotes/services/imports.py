"""Import files into the database (one transaction each) and export MatchNotes JSON / CSV.

The parsers in ``matchnotes.io`` read a whole file first; only then is anything
written, in one ``_write()`` transaction, so a bad file leaves the database as it was.
Re-importing finds what exists instead of duplicating it: matches by date and teams,
teams and people by folded name (accents and case ignored). With ``skip_errors`` a
record that fails is left out and the import is run again without it.

This module is the facade the UI and CLI call (``ImportService``). The work lives in
``import_records`` (openfootball/CSV records -> rows, with ``import_people`` and
``import_moments``) and ``import_native`` (the own JSON format, both ways).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from matchnotes.errors import MatchNotesError, ValidationError
from matchnotes.io import international
from matchnotes.io.csv_files import MATCH_COLUMNS, PEOPLE_COLUMNS, write_csv
from matchnotes.io.detect import FORMATS, parse_bytes, parse_path
from matchnotes.io.errors import ImportFileError, Problem
from matchnotes.io.international import FORMAT as ARCHIVE_FORMAT
from matchnotes.io.international import is_archive, read_archive
from matchnotes.io.native import NativeFile
from matchnotes.io.native_writer import native_chunks, native_document
from matchnotes.io.records import MatchRecord, ParsedFile, PersonRecord
from matchnotes.io.summary import ImportSummary
from matchnotes.models import Match, Person, Venue
from matchnotes.services.base import Service, explain_integrity_error
from matchnotes.services.import_international import ImportCancelled, import_archive
from matchnotes.services.import_native import NATURAL_KEYS, Progress, import_native
from matchnotes.services.import_records import RecordWriter
from matchnotes.services.matches import load_match_summaries
from matchnotes.services.name_locks import hold_import
from matchnotes.services.native_export import native_rows

__all__ = ["NATURAL_KEYS", "ImportService", "Progress", "RecordWriter"]


class _Failed(Exception):
    def __init__(self, index: int, where: str, problem: str) -> None:
        super().__init__(problem)
        self.index, self.where, self.problem = index, where, problem


class _NothingNew(Exception):
    def __init__(self, summary: ImportSummary) -> None:
        super().__init__("nothing new")
        self.summary = summary


class ImportService(Service):
    # --- import ---------------------------------------------------------------------

    def import_file(
        self,
        path: str | Path,
        format: str | None = None,
        skip_errors: bool = False,
        progress: Progress | None = None,
    ) -> ImportSummary:
        """Import a file; the format is recognised from its content unless given
        (one of ``matchnotes.io.FORMATS``). Raises ImportFileError, saving nothing."""
        if format == ARCHIVE_FORMAT or (format is None and is_archive(Path(path))):
            return self.import_international(Path(path), progress)
        parsed = parse_path(Path(path), format, skip_errors)  # a CSV is read as a stream
        return self._import_parsed(parsed, skip_errors, progress)

    def import_bytes(
        self,
        data: bytes,
        source: str,
        format: str | None = None,
        skip_errors: bool = False,
        progress: Progress | None = None,
    ) -> ImportSummary:
        parsed = parse_bytes(data, source, format, skip_errors)
        return self._import_parsed(parsed, skip_errors, progress)

    def _import_parsed(
        self, parsed: ParsedFile | NativeFile, skip_errors: bool, progress: Progress | None
    ) -> ImportSummary:
        source = parsed.source
        if isinstance(parsed, NativeFile):
            return self._import_native(parsed, progress)
        excluded: dict[int, Problem] = {}
        while True:  # each failing record found in the write phase is left out, then retry
            try:
                summary = self._import_records(parsed, excluded, progress)
            except _Failed as failed:
                if not skip_errors:
                    raise ImportFileError(source, failed.where, failed.problem) from failed
                excluded[failed.index] = Problem(failed.where, failed.problem)
                continue
            summary.skipped = parsed.skipped + [excluded[i] for i in sorted(excluded)]
            return summary

    def _import_records(
        self, parsed: ParsedFile, excluded: dict[int, Problem], progress: Progress | None
    ) -> ImportSummary:
        records: list[MatchRecord | PersonRecord] = [*parsed.matches, *parsed.people]
        subject = "people" if parsed.people and not parsed.matches else "matches"
        summary = ImportSummary(parsed.source, FORMATS[parsed.format], subject)
        with self._write(bulk=_imported(parsed.source)) as session:
            hold_import(session)  # before reading what exists: see name_locks
            writer = RecordWriter(session, summary)
            writer.learn_aliases([r for i, r in enumerate(parsed.matches) if i not in excluded])
            for i, record in enumerate(records):
                if i in excluded:
                    continue
                try:
                    if isinstance(record, MatchRecord):
                        writer.match(record)
                    else:
                        writer.person(record)
                    session.flush()
                except ValidationError as exc:
                    raise _Failed(i, record.where, str(exc)) from exc
                except IntegrityError as exc:
                    raise _Failed(i, record.where, explain_integrity_error(exc)) from exc
                if progress:
                    progress(i + 1, len(records))
            writer.finish()
        return summary

    def import_international(
        self,
        results: Path | None = None,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> ImportSummary:
        """The international results archive: the copy shipped with the app, or a newer
        ``results.csv`` (with goalscorers.csv and shootouts.csv beside it). Merged with
        what is there in one transaction; a second import changes nothing (and leaves
        no history entry)."""
        archive = read_archive(results or international.shipped_results())

        def report(done: int, total: int) -> None:
            if cancel is not None and cancel():  # raised inside the transaction: rolled back
                raise ImportCancelled()
            if progress is not None:
                progress(done, total)

        try:
            with self._write(bulk=_imported(archive.source)) as session:
                hold_import(session)
                summary = import_archive(session, archive, report)
                report(len(archive.matches), len(archive.matches))
                if not (summary.added or summary.updated or summary.tally("aliases")):
                    raise _NothingNew(summary)
        except _NothingNew as same:
            return same.summary  # rolled back: not even a history entry
        return summary

    def import_native_file(
        self, native: NativeFile, progress: Progress | None = None
    ) -> ImportSummary:
        """Write a parsed MatchNotes JSON document (``io.native.parse_native``)."""
        return self._import_native(native, progress)

    def _import_native(self, native: NativeFile, progress: Progress | None) -> ImportSummary:
        with self._write(bulk=_imported(native.source)) as session:
            hold_import(session)
            return import_native(session, native, progress)

    # --- export ---------------------------------------------------------------------

    def export_data(
        self,
        match_id: int | None = None,
        *,
        match_ids: Collection[int] | None = None,
        person_id: int | None = None,
        progress: Progress | None = None,
    ) -> dict[str, Any]:
        """The whole database (nothing given), one match or several with everything
        they point at, or a person with their matches and notes, as a MatchNotes JSON
        document (see docs/json-format.md)."""
        if match_id is not None:
            match_ids = [match_id, *(match_ids or ())]
        with self._read() as session:
            return native_document(native_rows(session, match_ids, person_id, progress))

    def write_export(
        self,
        write: Callable[[str], object],
        *,
        match_ids: Collection[int] | None = None,
        person_id: int | None = None,
        progress: Progress | None = None,
    ) -> None:
        """The MatchNotes JSON file of ``export_data`` handed to ``write`` a row at a
        time, read as it is written (the whole of a big archive is never in memory);
        ``progress`` may raise to stop."""
        with self._read() as session:
            for chunk in native_chunks(native_rows(session, match_ids, person_id, progress)):
                write(chunk)

    def export_file(self, path: str | Path, match_id: int | None = None) -> None:
        try:
            with Path(path).open("w", encoding="utf-8", newline="") as out:
                self.write_export(out.write, match_ids=None if match_id is None else [match_id])
        except OSError as exc:
            raise MatchNotesError(f"Cannot write {path}: {exc.strerror}.") from exc

    def matches_csv(self) -> str:
        """Every match as a CSV of fixtures and results (columns: io.csv_files)."""
        with self._read() as session:
            matches = {m.id: m for m in session.exec(select(Match)).all()}
            venues = {v.id: v for v in session.exec(select(Venue)).all()}
            referees = dict(session.exec(select(Person.id, Person.name)).all())
            rows = []
            for s in reversed(load_match_summaries(session, None)):
                m = matches[s.id]
                venue = venues.get(m.venue_id)
                played = s.status.value != "scheduled"
                rows.append(
                    {
                        "date": s.date.isoformat(),
                        "time": s.kickoff_time.strftime("%H:%M") if s.kickoff_time else None,
                        "home": s.home,
                        "away": s.away,
                        "home_score": s.score.home if played else None,
                        "away_score": s.score.away if played else None,
                        "decided_by": m.decided_by.value,
                        "home_penalties": m.home_penalties,
                        "away_penalties": m.away_penalties,
                        "status": s.status.value,
                        "competition": s.competition,
                        "season": s.season,
                        "stage": s.stage,
                        "venue": venue.name if venue else None,
                        "city": venue.city if venue else None,
                        "referee": referees.get(m.referee_id),
                        "attendance": m.attendance,
                    }
                )
            return write_csv(MATCH_COLUMNS, rows)

    def people_csv(self) -> str:
        with self._read() as session:
            people = session.exec(select(Person).order_by(col(Person.name_key))).all()
            rows = [
                {
                    "name": p.name,
                    "role": p.role.value,
                    "shirt_number": p.shirt_number,
                    "position": p.position,
                    "nationality": p.nationality,
                    "club": p.club,
                    "date_of_birth": p.date_of_birth.isoformat() if p.date_of_birth else None,
                }
                for p in people
            ]
            return write_csv(PEOPLE_COLUMNS, rows)

    def export_csv(self, path: str | Path, what: str = "matches") -> None:
        """Write ``what`` ("matches" or "people") as CSV."""
        if what not in ("matches", "people"):
            raise ValidationError(f"Cannot export “{what}” as CSV; choose matches or people.")
        _write_text(Path(path), self.matches_csv() if what == "matches" else self.people_csv())


def _imported(source: str) -> str:
    """The history's line for an import (one entry, not undoable row by row)."""
    return f"Imported {Path(source).name or source}"


def _write_text(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise MatchNotesError(f"Cannot write {path}: {exc.strerror}.") from exc
