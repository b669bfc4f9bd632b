"""Exports of a match, a person or a season as PDF, Markdown, CSV or JSON, of a
match's moments as SportsCode XML, and of the whole database as JSON. JSON is always
MatchNotes JSON (docs/json-format.md): the file `import` reads back; `matchnotes show
--json` prints the report shape of a match.

The one entry point for the CLI and the app. A PDF is made in a process of its own
(pdf_child.py), so Qt's text layout never holds this process's interpreter lock (the
app's window stays answering) and `matchnotes export md ...` runs on a server without
Qt loaded. Every file is written to a temporary file in the target folder and renamed
over the target only when complete: a failure or a cancel leaves the previous file (or
none), never half of one.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Literal

from matchnotes.errors import MatchNotesError, ValidationError
from matchnotes.reports import content, csv_export, markdown, person_content, sportscode
from matchnotes.services import Services
from matchnotes.services.diary_figures import DiaryFigures
from matchnotes.services.views import MatchDetail, MatchSummary
from matchnotes.text import fold

Format = Literal["pdf", "md", "csv", "json", "sportscode"]
FORMATS: tuple[Format, ...] = ("pdf", "md", "csv", "json", "sportscode")
MATCH_ONLY: tuple[Format, ...] = ("sportscode",)  # a timeline of one match's moments
Progress = Callable[[int, int], None]  # (steps done, steps in all)
Cancel = Callable[[], bool]  # True: stop now


class ExportCancelled(MatchNotesError):
    """The user cancelled an export; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Export cancelled; no file was written.")


Verify = Callable[[Path], bool]  # True: the temporary file is complete


@contextmanager
def atomic_path(target: Path, complete: Verify | None = None) -> Iterator[Path]:
    """A temporary path next to `target`, renamed over it if the block succeeds.

    Before the rename the file is checked with ``complete`` (a writer that drops
    errors, as QPdfWriter does on a full disk, leaves a short file), then fsync'ed:
    on any failure the previous file stays and the message says why.
    """
    target = Path(target)
    if not target.parent.is_dir():
        raise ValidationError(f"The folder {target.parent} does not exist.")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise MatchNotesError(f"{target} cannot be written: {exc.strerror or exc}.") from exc
    os.close(fd)
    tmp = Path(name)
    try:
        # mkstemp makes 0600; the export gets what any new file of the user's gets,
        # or keeps the mode of the file it replaces.
        os.chmod(tmp, _mode_for(target))
        yield tmp
        if complete is not None and not complete(tmp):
            raise MatchNotesError(
                f"{target} could not be written completely: {_room_left(target.parent)} "
                "The previous file (if any) was kept; free some space and try again."
            )
        with open(tmp, "rb+") as written:  # on disk before the rename makes it visible
            os.fsync(written.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        raise MatchNotesError(f"{target} cannot be written: {exc.strerror or exc}.") from exc
    finally:
        with suppress(FileNotFoundError):
            tmp.unlink()


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux);
    elsewhere set and put back at once."""
    with suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _room_left(folder: Path) -> str:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return "the disk may be full."
    if free < 10_000_000:
        return f"the disk is full (only {free // 1024} KB free)."
    return "the disk may be full, or the file system refused to write more."


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible, nor needed, on Windows."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def pdf_is_complete(path: Path) -> bool:
    """Whether a PDF was written to its end: it ends in ``startxref N %%EOF`` and its
    cross-reference table stands at N (a cut-off file has neither)."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        handle.seek(max(0, size - 1024))
        found = _STARTXREF.search(handle.read())
        if found is None or int(found[1]) >= size:
            return False
        handle.seek(int(found[1]))
        return handle.read(4) == b"xref"


def write_text(target: Path, text: str) -> None:
    size = len(text.encode("utf-8"))
    with atomic_path(target, lambda tmp: tmp.stat().st_size == size) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="")


def write_native_json(
    services: Services, target: Path, *, match_ids: list[int] | None = None,
    person_id: int | None = None, progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> None:  # fmt: skip
    """A MatchNotes JSON file written as its rows are read (a big archive is never
    whole in memory), atomically: a cancel or a failure leaves the previous file."""
    written = 0

    def report(done: int, total: int) -> None:
        check(cancel)
        if progress is not None:
            progress(done, total)

    def complete(tmp: Path) -> bool:
        return tmp.stat().st_size == written

    with atomic_path(target, complete) as tmp, open(tmp, "wb") as out:

        def write(chunk: str) -> None:
            nonlocal written
            written += out.write(chunk.encode("utf-8"))

        services.imports.write_export(
            write, match_ids=match_ids, person_id=person_id, progress=report
        )


def check(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ExportCancelled()


def _check_format(fmt: str) -> Format:
    if fmt not in FORMATS:
        raise ValidationError(
            f"“{fmt}” is not an export format; use pdf, md, csv, json or sportscode."
        )
    return fmt


def _not_match_only(fmt: Format, what: str) -> Format:
    if fmt in MATCH_ONLY:
        raise ValidationError(
            f"A SportsCode file holds one match's moments, not {what}; export a match."
        )
    return fmt


def export_match(
    services: Services, match_id: int, fmt: str, out_path: Path | str, *,
    page_size: str = "A4", progress: Progress | None = None, cancel: Cancel | None = None,
) -> Path:  # fmt: skip
    """Write one match; CSV is its moments. Returns the path written."""
    fmt, out = _check_format(fmt), Path(out_path)
    check(cancel)
    detail = services.matches.get_match(match_id)
    if fmt == "pdf":
        from matchnotes.reports import pdf_child

        draft = services.draft.current(match_id)
        pdf_child.run("write_match_pdf", (detail, out, page_size), {"draft": draft},
                      progress=progress, cancel=cancel)  # fmt: skip
        return out
    if fmt == "json":
        write_native_json(services, out, match_ids=[match_id], progress=progress, cancel=cancel)
        return out
    if fmt == "sportscode":
        text = sportscode.match_sportscode(detail)
    elif fmt == "csv":
        text = csv_export.match_moments_csv(detail)
    else:
        draft = services.draft.current(match_id)  # the saved one, edits kept, or a fresh one
        text = markdown.match_markdown(content.match_report(detail, draft))
    check(cancel)
    write_text(out, text)
    if progress:
        progress(1, 1)
    return out


def export_person(
    services: Services, person_id: int, fmt: str, out_path: Path | str, *,
    page_size: str = "A4", progress: Progress | None = None, cancel: Cancel | None = None,
) -> Path:  # fmt: skip
    """Write a person's report; CSV is their moments across matches."""
    fmt, out = _not_match_only(_check_format(fmt), "a person's matches"), Path(out_path)
    check(cancel)
    page = services.people.page(person_id)
    notes = [n.text for n in services.notes.for_person(person_id)]
    report = person_content.person_report(page, notes)
    if fmt == "pdf":
        from matchnotes.reports import pdf_child

        pdf_child.run("write_person_pdf", (page, out, page_size), {"notes": notes},
                      progress=progress, cancel=cancel)  # fmt: skip
        return out
    if fmt == "json":
        write_native_json(services, out, person_id=person_id, progress=progress, cancel=cancel)
        return out
    if fmt == "csv":
        text = csv_export.person_moments_csv(report)
    else:
        text = markdown.person_markdown(report)
    check(cancel)
    write_text(out, text)
    if progress:
        progress(1, 1)
    return out


def export_diary_pdf(
    figures: DiaryFigures, out_path: Path | str, *, page_size: str = "A4",
    progress: Progress | None = None, cancel: Cancel | None = None,
) -> Path:  # fmt: skip
    """Write the diary in figures (the Diary tab's Statistics) as a PDF."""
    from matchnotes.reports import pdf_child

    out = Path(out_path)
    pdf_child.run("write_diary_pdf", (figures, out, page_size), {}, progress=progress,
                  cancel=cancel)  # fmt: skip
    return out


def export_all(
    services: Services, out_path: Path | str, *, progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Path:  # fmt: skip
    """Write the whole database as MatchNotes JSON (the only format that holds it all)."""
    out = Path(out_path)
    check(cancel)
    write_native_json(services, out, progress=progress, cancel=cancel)
    return out


def select_matches(
    summaries: list[MatchSummary], competition: str | None, season: str | None, year: int | None
) -> list[MatchSummary]:
    """The matches of a competition (and season), or of a calendar year, or both."""
    chosen = [
        s
        for s in summaries
        if (competition is None or fold(s.competition or "") == fold(competition))
        and (season is None or fold(s.season or "") == fold(season))
        and (year is None or s.date.year == year)
    ]
    return sorted(chosen, key=lambda s: (s.date, s.kickoff_time or dt.time(), s.id))


def season_title(competition: str | None, season: str | None, year: int | None) -> str:
    parts = [x for x in (competition, season) if x]
    if year is not None and str(year) != season:
        parts.append(str(year))
    return " ".join(parts) or "All matches"


def export_season(
    services: Services, fmt: str, out_path: Path | str, *, competition: str | None = None,
    season: str | None = None, year: int | None = None, title: str | None = None,
    page_size: str = "A4", progress: Progress | None = None, cancel: Cancel | None = None,
    diary: bool = False,
) -> Path:  # fmt: skip
    """Write the season or diary report; CSV is the list of matches. ``diary``: only the
    matches the fan attended or watched (File ▸ Export diary year)."""
    fmt, out = _not_match_only(_check_format(fmt), "a season"), Path(out_path)
    listed = services.diary.entries() if diary else services.matches.list_matches()
    chosen = select_matches(listed, competition, season, year)
    if not chosen:
        raise ValidationError(
            "Your diary has no match in that year: mark the matches you saw (Ctrl+D)."
            if diary
            else "No match is in that competition, season or year."
        )
    title = title or ("My diary " if diary else "") + season_title(competition, season, year)
    if fmt == "csv":
        check(cancel)
        write_text(out, csv_export.matches_csv(chosen))
        return out
    steps = len(chosen) + 1  # loading each match, then writing

    def loaded() -> Iterator[MatchDetail]:
        for n, summary in enumerate(chosen):
            check(cancel)
            yield services.matches.get_match(summary.id)
            if progress:
                progress(n + 1, steps)

    if fmt == "pdf":
        from matchnotes.reports import pdf_child

        # Each match goes to the PDF's process as it is read, not all held here first.
        pdf_child.run("write_season_pdf", (loaded(), out, title, page_size), {}, cancel=cancel)
        if progress:
            progress(steps, steps)
        return out
    if fmt == "json":  # the writer reads the matches itself, and says how far it is
        check(cancel)
        write_native_json(services, out, match_ids=[s.id for s in chosen], progress=progress,
                          cancel=cancel)  # fmt: skip
        return out
    details = list(loaded())
    check(cancel)
    write_text(out, markdown.season_markdown(content.season_report(details, title)))
    if progress:
        progress(steps, steps)
    return out
