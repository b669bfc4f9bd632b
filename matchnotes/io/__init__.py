"""Import and export formats, as pure parsers: bytes or text in, plain records out.

No database and no Qt here: ``matchnotes.services.imports`` writes what these parse,
in one transaction. Formats: MatchNotes JSON (``native``), openfootball football.json,
Football.TXT match reports and squads, and CSV of matches or people.
"""

from matchnotes.io.detect import FORMATS, decode_text, parse_bytes, read_source
from matchnotes.io.errors import ImportFileError, Problem
from matchnotes.io.native import NativeFile
from matchnotes.io.records import ParsedFile
from matchnotes.io.summary import ImportSummary, Tally

__all__ = [
    "FORMATS",
    "ImportFileError",
    "ImportSummary",
    "NativeFile",
    "ParsedFile",
    "Problem",
    "Tally",
    "decode_text",
    "parse_bytes",
    "read_source",
]
