"""How a long step of a command goes, on stderr: an old database's upgrade (the search
index's rebuild takes up to a minute on a big archive), ``search --rebuild``.

stdout stays the command's own output (JSON, lists), so progress never mixes into it.
"""

from __future__ import annotations

import sys
from typing import TextIO


class StepProgress:
    """``progress(done, total)`` for one step: a line when it starts, then one at each
    tenth of the way, and one when it is done."""

    def __init__(self, what: str, stream: TextIO | None = None) -> None:
        self.what = what
        self.stream = stream
        self._shown = -1  # the last tenth shown

    def __call__(self, done: int, total: int) -> None:
        tenth = 10 if total <= 0 else done * 10 // total
        if tenth <= self._shown:
            return
        if self._shown < 0:
            self._print(f"{self.what} ({total:,} documents)…")
        self._shown = tenth
        if tenth > 0:
            self._print(f"{self.what}: {tenth * 10}% ({done:,} of {total:,})")

    def _print(self, line: str) -> None:
        print(line, file=self.stream or sys.stderr, flush=True)


def upgrade_progress() -> StepProgress:
    return StepProgress("Upgrading the database: rebuilding the search index")
