"""Every PDF is made in a process of its own (reports/pdf_child.py, issue 16): Qt's text
layout there never holds this process's interpreter lock. What the user gets is the same
file, progress and cancel, and a clear message when that process fails or is refused."""

import datetime as dt
import os
import subprocess
import sys

import pytest
from pypdf import PdfReader

from matchnotes.errors import MatchNotesError, ValidationError
from matchnotes.reports import export, pdf_child, pdf_render
from matchnotes.reports.export import ExportCancelled


def _text(path):
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_a_match_pdf_is_written_by_another_process(services, demo_match_id, tmp_path, monkeypatch):
    def here(*_args, **_kwargs):
        raise AssertionError("the PDF was laid out in the app's own process")

    monkeypatch.setattr(pdf_render, "write_match_pdf", here)  # this process's, not the child's
    steps = []
    out = export.export_match(services, demo_match_id, "pdf", tmp_path / "m.pdf",
                              progress=lambda done, total: steps.append((done, total)))  # fmt: skip
    text = _text(out)
    assert "England" in text and "Al Bayt Stadium" in text and "Report draft" in text
    assert steps == [(1, 3), (2, 3), (3, 3)]  # a page at a time, told from the child


def test_a_season_of_matches_reaches_the_child_whole(services, make_match, tmp_path):
    teams = [("Arsenal", "Chelsea"), ("Everton", "Fulham"), ("Leeds", "Millwall")]
    for n, (home, away) in enumerate(teams):
        make_match(home, away, dt.date(2024, 5, n + 1))
    text = _text(export.export_season(services, "pdf", tmp_path / "s.pdf", year=2024))
    for home, away in teams:  # the matches go to the child one message each
        assert f"{home} – {away}" in text or (home in text and away in text)


def test_a_season_cancelled_while_its_matches_are_read(services, make_match, tmp_path):
    for day in range(1, 4):
        make_match(f"Home {day}", f"Away {day}", dt.date(2024, 5, day))
    folder = tmp_path / "out"
    folder.mkdir()
    steps = []
    with pytest.raises(ExportCancelled):
        export.export_season(services, "pdf", folder / "s.pdf", year=2024,
                             progress=lambda done, total: steps.append(done),
                             cancel=lambda: bool(steps))  # fmt: skip
    assert steps == [1]  # stopped after the first match read
    assert list(folder.iterdir()) == []


def test_a_cancelled_pdf_writes_nothing(services, demo_match_id, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ExportCancelled, match=r"Export cancelled; no file was written\."):
        pdf_child.run("write_match_pdf", (services.matches.get_match(demo_match_id),
                      folder / "m.pdf"), {}, cancel=lambda: True)  # fmt: skip
    assert list(folder.iterdir()) == []  # not even the temporary file


def test_the_childs_refusal_is_told_as_it_said_it(services, demo_match_id, tmp_path):
    detail = services.matches.get_match(demo_match_id)
    with pytest.raises(ValidationError, match=r"“B5” is not a page size; use A4 or Letter\."):
        pdf_child.run("write_match_pdf", (detail, tmp_path / "m.pdf", "B5"), {})
    with pytest.raises(ValidationError, match="does not exist"):
        pdf_child.run("write_match_pdf", (detail, tmp_path / "gone" / "m.pdf"), {})


class _Dies:
    """An argument whose arrival ends the child at once, as a crash in Qt would."""

    def __reduce__(self):
        return (os._exit, (3,))


def test_a_child_that_dies_is_told_not_waited_for(tmp_path):
    with pytest.raises(MatchNotesError, match=r"its process stopped \(exit code 3\)"):
        pdf_child.run("write_match_pdf", (_Dies(), tmp_path / "m.pdf"), {})
    assert list(tmp_path.iterdir()) == []


def test_a_failure_in_the_child_is_a_message_and_a_log(tmp_path, caplog):
    with pytest.raises(MatchNotesError, match=r"The PDF could not be made: .*Nothing was written"):
        pdf_child.run("write_person_pdf", (None, tmp_path / "p.pdf"), {})
    assert "Traceback" in caplog.text  # the child's own, for a bug report
    with pytest.raises(ValueError, match="not a PDF job"):
        pdf_child.run("remove", (), {})


def test_the_cli_exports_a_pdf_without_loading_qt_itself(db_target, demo_match_id, tmp_path):
    out = tmp_path / "m.pdf"
    code = (
        "import sys; from matchnotes.__main__ import main; "
        f"assert main(['export', 'pdf', '--match', '{demo_match_id}', '-o', {str(out)!r}, "
        f"'--db', {db_target!r}]) == 0; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt loaded'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "England" in _text(out)


def test_a_child_that_cannot_start_is_told(tmp_path, monkeypatch):
    import multiprocessing.context

    def refused(_self):
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.context.SpawnProcess, "start", refused)
    with pytest.raises(MatchNotesError, match="its process did not start"):
        pdf_child.run("write_match_pdf", (None, tmp_path / "m.pdf"), {})
    assert list(tmp_path.iterdir()) == []
