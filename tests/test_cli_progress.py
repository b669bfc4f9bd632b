"""Progress on stderr: a bar on a terminal (a real pty here), nothing when piped or with
--quiet. DELAY (how long a job runs before its bar shows) is set to 0 so that the test
jobs, which finish quickly, count as long ones."""

import io
import os
import pty
import select

import pytest

from matchnotes import cli_progress
from matchnotes.cli import make_demo_database, run
from matchnotes.cli_progress import ProgressBar
from tests.io import WORLDCUP_JSON


@pytest.fixture
def terminal():
    """(a text stream whose isatty() is true, a function reading what it showed)."""
    master, slave = pty.openpty()
    stream = os.fdopen(slave, "w", encoding="utf-8")

    def shown() -> str:
        stream.flush()
        data = b""
        while select.select([master], [], [], 0.2)[0]:
            data += os.read(master, 65536)
        return data.decode("utf-8")

    yield stream, shown
    stream.close()
    os.close(master)


def test_the_bar_waits_a_second_then_draws(terminal):
    stream, shown = terminal
    now = [100.0]
    bar = ProgressBar("Importing x.json", stream, clock=lambda: now[0])
    bar(1, 10)
    assert shown() == ""  # a job shorter than a second shows nothing
    now[0] = 101.5
    bar(5, 10)
    text = shown()
    assert text.startswith("\rImporting x.json [" + "#" * 15 + "-" * 15 + "]")
    assert "50%" in text and "5/10" in text
    bar.finish()
    assert shown() == "\r\x1b[2K"  # the line is cleared for what the command prints next


@pytest.fixture
def long_jobs(monkeypatch):
    monkeypatch.setattr(cli_progress, "DELAY", 0.0)


def test_import_and_export_draw_a_bar_on_a_terminal(terminal, long_jobs, monkeypatch, tmp_path):
    stream, shown = terminal
    monkeypatch.setattr("sys.stderr", stream)
    db = str(tmp_path / "wc.sqlite")
    assert run(["import", str(WORLDCUP_JSON), "--db", db]) == 0
    text = shown()
    assert "Importing worldcup-2022.json [" in text and "64/64" in text
    assert text.endswith("\r\x1b[2K")
    assert run(["export", "json", "--all", "-o", str(tmp_path / "all.json"), "--db", db]) == 0
    assert "Writing all.json [" in shown()
    assert run(["backup", "--db", db]) == 0
    assert "Backing up [" in shown()


def test_copy_draws_a_bar_and_quiet_draws_none(terminal, long_jobs, monkeypatch, tmp_path):
    stream, shown = terminal
    monkeypatch.setattr("sys.stderr", stream)
    demo = make_demo_database(tmp_path / "demo.sqlite")
    assert run(["copy", str(demo), str(tmp_path / "a.sqlite")]) == 0
    assert "Copying [" in shown()
    assert run(["copy", str(demo), str(tmp_path / "b.sqlite"), "--quiet"]) == 0
    assert run(["--quiet", "import", str(WORLDCUP_JSON), "--db", str(tmp_path / "c.sqlite")]) == 0
    assert shown() == ""


def test_nothing_is_drawn_when_stderr_is_not_a_terminal(long_jobs, monkeypatch, tmp_path):
    piped = io.StringIO()
    monkeypatch.setattr("sys.stderr", piped)
    db = str(tmp_path / "wc.sqlite")
    assert run(["import", str(WORLDCUP_JSON), "--db", db]) == 0
    assert run(["export", "json", "--all", "-o", str(tmp_path / "all.json"), "--db", db]) == 0
    assert run(["copy", db, str(tmp_path / "copy.sqlite")]) == 0
    assert piped.getvalue() == ""
