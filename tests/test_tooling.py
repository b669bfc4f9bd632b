"""Lint, format and type checks run with the suite, so CI keeps them (house style)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.slow
def test_ruff_lint():
    result = _run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_ruff_format():
    result = _run("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_below_ui():
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_file_holds_a_merge_conflict():
    """A merge's conflict markers left in a file (ARCHITECTURE.md once had them)."""
    files = [p for p in ROOT.glob("*") if p.suffix in {".md", ".toml", ".spec"}]
    for folder in ("matchnotes", "tests", "docs", "scripts", "benchmarks", ".ci"):
        files += [p for p in (ROOT / folder).rglob("*") if p.suffix in {".py", ".md", ".sh"}]
    marker = re.compile(r"^(<{7} |>{7} |={7}$)", re.MULTILINE)
    marked = [
        str(p.relative_to(ROOT)) for p in files
        if p.is_file() and marker.search(p.read_text(encoding="utf-8", errors="replace"))
    ]  # fmt: skip
    assert marked == []
