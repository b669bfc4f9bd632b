"""Text bound for a terminal, made harmless: control characters are shown, never run.

A note or a name may hold escape sequences (pasted, imported, written by another
program). Printed raw, ``ESC ] 0 ; … BEL`` sets the terminal's title and ``ESC [ 2 J``
clears the screen. The CLI passes everything it prints through `printable`; newlines
and tabs stay as they are.
"""

from __future__ import annotations

import re
from typing import TextIO

_C0_AND_DEL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_C1 = re.compile(r"[\x80-\x9f]")


def _picture(found: re.Match[str]) -> str:
    code = ord(found.group())
    return "␡" if code == 0x7F else chr(0x2400 + code)  # U+2400…: the Control Pictures


def printable(text: str) -> str:
    """``text`` with C0 controls (but \\n and \\t) as control pictures (ESC -> ␛), DEL
    as ␡, and C1 controls (8-bit CSI, OSC…, which have no picture) as ``\\x9b``."""
    text = _C0_AND_DEL.sub(_picture, text)
    return _C1.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


def json_safe(text: str) -> str:
    """JSON text (``ensure_ascii=False``) with C1 controls escaped as ``\\u009b``: json
    escapes C0 itself; C1 can only stand inside strings, where the escape is exact."""
    return _C1.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


class PrintableWriter:
    """A text stream wrapper that passes every write through `printable`."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(printable(text))

    def flush(self) -> None:
        self.stream.flush()
