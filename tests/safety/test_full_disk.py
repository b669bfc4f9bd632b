"""A nearly full disk, for real: the CLI runs in a child process whose files cannot grow
past a limit (RLIMIT_FSIZE, with SIGXFSZ ignored: every write past it fails with EFBIG,
as a full disk fails with ENOSPC). No root, no tmpfs, no mock of the code under test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from matchnotes.cli import run
from tests.safety.helpers import ROOT

resource = pytest.importorskip("resource", reason="RLIMIT_FSIZE is POSIX")

# The disk's free space is reported as the room left, as on a real nearly full disk.
_LIMITED_CLI = """
import resource, shutil, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
room = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))
shutil.disk_usage = lambda path: shutil._ntuple_diskusage(10**12, 10**12 - room, room)
from matchnotes.cli import run
sys.exit(run(sys.argv[2:]))
"""


def run_with_room(room: int, *argv: str) -> subprocess.CompletedProcess[str]:
    """`matchnotes ARGV` where no file may grow past ``room`` bytes."""
    return subprocess.run(
        [sys.executable, "-c", _LIMITED_CLI, str(room), *argv], cwd=ROOT, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    assert run(["demo", "--db", str(path)]) == 0
    return path


def test_a_pdf_that_does_not_fit_is_refused_and_the_old_one_kept(
    demo_db: Path, tmp_path: Path, qapp: object
) -> None:
    # qapp: pytest-qt's QApplication first, or the renderer's QGuiApplication would be the
    # process's app and later widget tests could not build widgets (tests/reports/conftest).
    out = tmp_path / "out"
    out.mkdir()
    target = out / "match.pdf"
    assert run(["export", "pdf", "--match", "1", "-o", str(target), "--db", str(demo_db)]) == 0
    good = target.read_bytes()
    assert len(good) > 40_960, "the PDF must be bigger than the room left"
    done = run_with_room(
        40_960, "export", "pdf", "--match", "1", "-o", str(target), "--db", str(demo_db)
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Wrote" not in done.stdout
    assert "could not be written completely" in done.stderr and "disk" in done.stderr
    assert target.read_bytes() == good, "the previous PDF is kept"
    assert [p.name for p in out.iterdir()] == ["match.pdf"], "no temporary file is left"


@pytest.mark.parametrize("room", [16 * 1024, 32 * 1024])
@pytest.mark.parametrize(
    "argv", [["backup"], ["log", "--match", "1", "12 goal Kane"], ["import", "{json}"]]
)
def test_a_nearly_full_disk_is_called_a_full_disk(
    demo_db: Path, tmp_path: Path, room: int, argv: list[str]
) -> None:
    exported = tmp_path / "export.json"
    assert run(["export", "json", "--season", "-o", str(exported), "--db", str(demo_db)]) == 0
    before = demo_db.read_bytes()
    argv = [a.replace("{json}", str(exported)) for a in argv]
    done = run_with_room(room, *argv, "--db", str(demo_db))
    assert done.returncode == 1, done.stdout
    assert "The disk is full" in done.stderr and "another program" not in done.stderr
    assert demo_db.read_bytes() == before
