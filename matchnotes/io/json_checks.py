"""What ``json.loads`` lets through but an import cannot use, found with its place.

A lone surrogate escape (``"\\ud800"``) is valid JSON and becomes a Python string no
database can store; a document nested thousands deep exhausts the parser's recursion.
"""

from __future__ import annotations

import re
from typing import Any

from matchnotes.io.errors import ImportFileError

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
DEPTH = 500  # deeper than any file MatchNotes reads; json.loads gives up near 1000


def check_strings(doc: Any, source: str) -> None:
    """Raise ImportFileError at the first key or text holding half a surrogate pair."""
    stack: list[tuple[Any, str]] = [([doc], "")]  # the document as the item of a list
    while stack:
        value, path = stack.pop()
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if not path:  # the document itself
                where = ""
            elif isinstance(key, str):
                where = f"{path}.{_shown(key)}".removeprefix("$.")
            else:
                where = f"{path}[{key}]".removeprefix("$")
            for text in (key, item) if isinstance(key, str) else (item,):
                if isinstance(text, str) and _SURROGATE.search(text):
                    code = _shown(_SURROGATE.findall(text)[0])
                    raise ImportFileError(
                        source, where or None, f"“{code}” is half of a character pair, "
                        "not a character: the file was cut or damaged by another program.",
                    )  # fmt: skip
            if isinstance(item, (dict, list)):
                stack.append((item, where or "$"))


def _shown(text: str) -> str:
    """``text`` with any surrogate written as its escape, so a message can be printed."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def may_hold_surrogates(text: str) -> bool:
    """Whether the JSON text escapes a surrogate at all (then ``check_strings``)."""
    return _SURROGATE_ESCAPE.search(text) is not None


def too_deep(text: str) -> str:
    """Where in ``text`` the nesting first goes deeper than DEPTH: "line 1, column 501"."""
    depth = 0
    for token in _TOKEN.finditer(text):
        char = token.group()[0]
        if char in "[{":
            depth += 1
            if depth > DEPTH:
                line = text.count("\n", 0, token.start()) + 1
                column = token.start() - text.rfind("\n", 0, token.start())
                return f"line {line}, column {column}"
        elif char in "]}":
            depth -= 1
    return "line 1"
