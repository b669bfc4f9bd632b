"""Read a file to import, refuse what is not text, recognise its format, and parse it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from matchnotes.io.csv_files import CSV_MATCHES, CSV_PEOPLE, csv_kind, parse_csv
from matchnotes.io.errors import ImportFileError
from matchnotes.io.football_json import FORMAT as OPENFOOTBALL_JSON
from matchnotes.io.football_json import parse_football_json
from matchnotes.io.football_txt import FORMAT as FOOTBALL_TXT
from matchnotes.io.football_txt import parse_football_txt
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


def read_source(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportFileError(path.name, None, f"cannot be read ({exc.strerror}).") from exc


def parse_bytes(
    data: bytes, source: str, format: str | None = None, skip_errors: bool = False
) -> ParsedFile | NativeFile:
    """Parse a whole file before anything is written; raises ImportFileError."""
    if format is not None and format not in FORMATS:
        raise ImportFileError(source, None, f"unknown format “{format}”; use one of {_known()}.")
    text = decode_text(data, source)
    doc: Any = None
    if format in _JSON_FORMATS or (format is None and _looks_like_json(text, source)):
        doc = load_json(text, source)
        format = format or _json_kind(doc, source)
    format = format or sniff_text(text, source)
    if format == NATIVE:
        return parse_native(doc, source)
    if format == OPENFOOTBALL_JSON:
        return parse_football_json(doc, source, skip_errors)
    if format == FOOTBALL_TXT:
        return parse_football_txt(text, source, skip_errors)
    if format == SQUADS_TXT:
        return parse_squads(text, source, skip_errors)
    return parse_csv(text, source, format, skip_errors)


def decode_text(data: bytes, source: str) -> str:
    if data.startswith(_SQLITE_MAGIC):
        raise ImportFileError(
            source, None, "is a database file, not a file to import; open it as a database."
        )
    if b"\x00" in data[:65536]:
        raise ImportFileError(source, None, "is not a text file (it holds binary data).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFileError(
            source, f"line {line}", "is not UTF-8 text; save the file as UTF-8 and try again."
        ) from exc


def load_json(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        problem = f"not valid JSON ({exc.msg}, column {exc.colno})"
        if exc.pos >= len(text.rstrip()):
            problem = f"the JSON ends too early: the file looks truncated ({exc.msg})"
        raise ImportFileError(source, f"line {exc.lineno}", problem + ".") from exc


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
