"""Read a file to import, refuse what is not text, recognise its format, and parse it."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any, BinaryIO

from matchnotes.io.csv_files import CSV_MATCHES, CSV_PEOPLE, csv_kind, parse_csv
from matchnotes.io.errors import ImportFileError, not_utf8
from matchnotes.io.football_json import FORMAT as OPENFOOTBALL_JSON
from matchnotes.io.football_json import parse_football_json
from matchnotes.io.football_txt import FORMAT as FOOTBALL_TXT
from matchnotes.io.football_txt import parse_football_txt
from matchnotes.io.json_checks import check_strings, may_hold_surrogates, too_deep
from matchnotes.io.native import FORMAT as NATIVE
from matchnotes.io.native import NativeFile, parse_native
from matchnotes.io.records import ParsedFile
from matchnotes.io.squads_txt import FORMAT as SQUADS_TXT
from matchnotes.io.squads_txt import parse_squads

FORMATS: dict[str, str] = {
    NATIVE: "MatchNotes JSON",
    OPENFOOTBALL_JSON: "openfootball football.json",
    FOOTBALL_TXT: "openfootball Football.TXT match reports",
    SQUADS_TXT: "openfootball squads",
    CSV_MATCHES: "CSV of fixtures and results",
    CSV_PEOPLE: "CSV of people",
}
_JSON_FORMATS = {NATIVE, OPENFOOTBALL_JSON}
_SQLITE_MAGIC = b"SQLite format 3\x00"
_TXT_MATCH_HEADER = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d", re.M)


HEAD = 65536  # what is read first: enough to tell binary data and the format


def read_source(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportFileError(path.name, None, f"cannot be read ({exc.strerror}).") from exc


def parse_path(
    path: Path, format: str | None = None, skip_errors: bool = False
) -> ParsedFile | NativeFile:
    """Parse a file from disk as a stream: a CSV is read row by row, never whole."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise ImportFileError(path.name, None, f"cannot be read ({exc.strerror}).") from exc
    with stream:
        try:
            return parse_stream(stream, path.name, format, skip_errors)
        except OSError as exc:
            raise ImportFileError(path.name, None, f"cannot be read ({exc.strerror}).") from exc


def parse_bytes(
    data: bytes, source: str, format: str | None = None, skip_errors: bool = False
) -> ParsedFile | NativeFile:
    """Parse a whole file before anything is written; raises ImportFileError."""
    return parse_stream(io.BytesIO(data), source, format, skip_errors)


def parse_stream(
    stream: BinaryIO, source: str, format: str | None = None, skip_errors: bool = False
) -> ParsedFile | NativeFile:
    if format is not None and format not in FORMATS:
        raise ImportFileError(source, None, f"unknown format “{format}”; use one of {_known()}.")
    head_bytes = stream.read(HEAD)
    head = decode_text(head_bytes, source, partial=True)
    if format in _JSON_FORMATS or (format is None and _looks_like_json(head, source)):
        del head_bytes
        stream.seek(0)
        text = decode_text(stream.read(), source)  # the bytes go before the parsing
        doc = load_json(text, source)
        del text
        format = format or _json_kind(doc, source)
        if format == NATIVE:
            return parse_native(doc, source)
        return parse_football_json(doc, source, skip_errors)
    format = format or sniff_text(head, source)
    if format in (CSV_MATCHES, CSV_PEOPLE):
        stream.seek(0)
        lines = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        try:
            return parse_csv(lines, source, format, skip_errors)
        finally:
            lines.detach()  # the caller closes the file
    stream.seek(0)
    text = decode_text(stream.read(), source)
    if format == FOOTBALL_TXT:
        return parse_football_txt(text, source, skip_errors)
    return parse_squads(text, source, skip_errors)


def decode_text(data: bytes, source: str, partial: bool = False) -> str:
    """The file's text; ``partial``: its first bytes, maybe cut inside a character."""
    if data.startswith(_SQLITE_MAGIC):
        raise ImportFileError(
            source, None, "is a database file, not a file to import; open it as a database."
        )
    if b"\x00" in data[:HEAD]:
        raise ImportFileError(source, None, "is not a text file (it holds binary data).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if partial and exc.reason == "unexpected end of data":  # cut inside a character
            return data[: exc.start].decode("utf-8-sig")
        raise not_utf8(source, data[: exc.start].count(b"\n") + 1) from exc


def load_json(text: str, source: str) -> Any:
    """The document, with every string checked: a lone surrogate (``"\\ud800"``) is
    valid JSON but no character, and the database could not store it."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = f"not valid JSON ({exc.msg}, column {exc.colno})"
        if exc.pos >= len(text.rstrip()):
            problem = f"the JSON ends too early: the file looks truncated ({exc.msg})"
        raise ImportFileError(source, f"line {exc.lineno}", problem + ".") from exc
    except RecursionError:
        raise ImportFileError(
            source, too_deep(text), "the JSON is nested too deeply to be a file to import."
        ) from None
    except ValueError as exc:  # a number of more than 4300 digits
        line = text.count("\n", 0, _long_number(text)) + 1
        raise ImportFileError(
            source, f"line {line}", f"a number is too long to be read ({exc})."
        ) from None
    if may_hold_surrogates(text):
        check_strings(doc, source)
    return doc


def sniff_text(text: str, source: str) -> str:
    """Football.TXT, squads or CSV, from the content (and the extension for CSV)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    first = lines[0] if lines else ""
    if first.startswith("=") and any(line.startswith("== ") for line in lines):
        return SQUADS_TXT
    if _TXT_MATCH_HEADER.search(text):
        return FOOTBALL_TXT
    kind = csv_kind(first) if (source.lower().endswith(".csv") or "," in first) else None
    if kind:
        return kind
    raise ImportFileError(
        source, None, f"is not in a format MatchNotes can import; it reads {_known()}."
    )


def _long_number(text: str) -> int:
    found = re.search(r"\d{4000}", text)
    return found.start() if found else 0


def _looks_like_json(text: str, source: str) -> bool:
    return source.lower().endswith(".json") or text.lstrip()[:1] in ("{", "[")


def _json_kind(doc: Any, source: str) -> str:
    if isinstance(doc, dict) and "format" in doc:
        if doc["format"] == NATIVE:
            return NATIVE
        raise ImportFileError(
            source, "format", f"unknown format “{doc['format']}”; it reads {_known()}."
        )
    if isinstance(doc, dict) and isinstance(doc.get("matches"), list):
        return OPENFOOTBALL_JSON
    raise ImportFileError(
        source, None, f"is JSON but not in a format MatchNotes can import; it reads {_known()}."
    )


def _known() -> str:
    return ", ".join(f"{name} ({label})" for name, label in FORMATS.items())
