"""Test helpers for the safety net: child processes, damage, read-only files."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKER = [sys.executable, "-m", "tests.safety.worker"]


class Zygote:
    """Drives tests/safety/worker.py in zygote mode: one forked process per job."""

    def __init__(self, stderr: IO[str]) -> None:
        self.proc = subprocess.Popen(
            WORKER, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
            text=True, bufsize=1,
        )  # fmt: skip
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def start(self, **job: Any) -> int:
        """Fork a process running ``job``; return its pid."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()
        (pid_record,) = self.until("pid")
        return int(pid_record.split()[1])

    def until(self, prefix: str, timeout: float = 60) -> list[str]:
        """Complete records up to and including the first that starts with ``prefix``."""
        seen = []
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no {prefix!r} from the worker; got {seen}") from None
            if line is None:
                raise AssertionError(f"the worker zygote ended; got {seen}")
            if line.endswith(";\n"):  # a record cut short by SIGKILL has no ";"
                seen.append(line[:-2])
                if line.startswith(prefix):
                    return seen
                if line.startswith("crash"):
                    raise AssertionError(line)

    def kill(self, pid: int) -> list[str]:
        """SIGKILL the job's process; its complete records, up to its death."""
        with contextlib.suppress(ProcessLookupError):  # it may have finished already
            os.kill(pid, 9)
        return self.until("dead")

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.reader.join(timeout=30)
        assert self.proc.stdout is not None
        self.proc.stdout.close()


def run_worker(job: dict[str, Any]) -> subprocess.Popen[str]:
    """A separate app process (its own interpreter) running one job."""
    return subprocess.Popen(
        [*WORKER, json.dumps(job)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def records(output: str) -> list[str]:
    return [line[:-1] for line in output.splitlines() if line.endswith(";")]


def ids(found: list[str], kind: str) -> set[int]:
    return {int(r.split()[1]) for r in found if r.startswith(kind + " ")}


def integrity(path: Path) -> list[str]:
    """Full check through a plain connection (which also replays a left-over -wal)."""
    conn = sqlite3.connect(path)
    try:
        found = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        found += [str(r) for r in conn.execute("PRAGMA foreign_key_check")]
        return found
    finally:
        conn.close()


def damage_table(path: Path, table: str) -> None:
    """Overwrite the b-tree page header of ``table``'s root page, as a bad disk sector might.

    The file must be checkpointed (no -wal), so the page is in the main file.
    """
    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    assert not path.with_name(path.name + "-wal").exists()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x07\xff\xff\xff\xff\xff\xff\xff")


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a file or folder read-only for real, even for root (who ignores chmod).

    As root, ``chattr +i`` (immutable) is used where the file system allows it;
    otherwise the test is skipped rather than faked.
    """
    mode = path.stat().st_mode
    path.chmod(mode & ~0o222)
    immutable = False
    try:
        if getattr(os, "geteuid", lambda: -1)() == 0:
            try:
                result = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
            except FileNotFoundError:
                result = None
            if result is None or result.returncode != 0:
                pytest.skip("running as root without chattr +i: cannot make a file read-only")
            immutable = True
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(mode)


def file_state(path: Path) -> bytes:
    """The database's bytes (callers make sure there is no -wal, so this is all of it)."""
    return path.read_bytes()
