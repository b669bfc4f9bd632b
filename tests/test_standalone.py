"""The repository stands alone: nothing in it reads a folder beside the clone.

(.ci/run also runs the whole suite in a copy of the repository with nothing beside it.)
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIPPED = {".git", ".venv", "__pycache__", "build", "dist", ".mypy_cache", ".ruff_cache"}
TEXT_SUFFIXES = {".py", ".md", ".toml", ".spec", ".cfg", ".sh", ".txt", ""}
# The design folder beside the clone, reached by a relative path, parents[N] / NAME or
# ROOT.parent / NAME. The name is spelled in pieces so this file does not match itself.
_NAME = "sha" + "red"
OUTSIDE = re.compile(rf"\.\./{_NAME}|parents\[\d\]\s*/\s*\"{_NAME}\"|parent\s*/\s*\"{_NAME}\"")


def test_no_file_reaches_for_a_folder_beside_the_clone():
    offenders = []
    for path in ROOT.rglob("*"):
        parts = set(path.relative_to(ROOT).parts)
        if parts & SKIPPED or not path.is_file() or path.suffix not in TEXT_SUFFIXES:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if OUTSIDE.search(text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
