"""Progress of the CLI's long work, on stderr (stdout stays the command's own output).

- ``ProgressBar``: import, export, copy and backup. A bar drawn only when stderr is a
  terminal, only once the job has run for a second (quick jobs print nothing), and
  never with ``--quiet``; piped output stays clean for scripts.
- ``StepProgress``: an old database's upgrade (the search index's rebuild takes up to a
  minute on a big archive) and ``search --rebuild``, as lines.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

DELAY = 1.0  # seconds before a bar appears: shorter jobs show none
_REDRAW = 0.1  # at most ten redraws a second
_WIDTH = 30


class ProgressBar:
    """``bar(done, total)`` as a progress callback; ``bar.finish()`` clears the line."""

    def __init__(
        self,
        label: str,
        stream: TextIO | None = None,
        *,
        quiet: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.stream = sys.stderr if stream is None else stream
        self.clock = clock
        self.started = clock()
        self.enabled = not quiet and _is_terminal(self.stream)
        self.drawn = False
        self._last = float("-inf")

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < DELAY or (now - self._last < _REDRAW and done < total):
            return
        self._last = now
        share = min(max(done / total, 0.0), 1.0) if total > 0 else 0.0
        filled = round(share * _WIDTH)
        bar = "#" * filled + "-" * (_WIDTH - filled)
        self.stream.write(f"\r{self.label} [{bar}] {share:4.0%} {done:,}/{total:,}")
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        """Erase the bar so the command's own output starts on a clean line."""
        if self.drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.drawn = False


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream: no bar
        return False


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
