"""The diary PDF: the figures, both charts (as images) and the lists, readable text."""

import datetime as dt
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from matchnotes.reports.diary_html import diary_html
from matchnotes.reports.pdf_render import write_diary_pdf
from tests.reports.test_pdf import pdf_text
from tests.services.test_diary_stats import _diary


def test_the_diary_pdf_has_the_figures_the_charts_and_the_grounds(services, tmp_path):
    teams = _diary(services)
    figures = services.diary_stats.figures(None, teams["Arsenal"], today=dt.date(2026, 1, 1))
    path = tmp_path / "diary.pdf"
    write_diary_pdf(figures, path)
    text = pdf_text(path)
    assert "My football diary — All time" in text
    assert "6 matches seen: 5 in the ground, 1 watched" in text
    assert "Arsenal when I was there: 5 played, 3 won, 1 drawn, 1 lost" in text
    assert "Biggest win seen: Arsenal 5–0 Wigan" in text
    assert "Highbury" in text and "Stamford Bridge" in text
    page = PdfReader(path).pages[0]
    assert len(page.images) == 2  # matches per year, Arsenal's results


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_an_empty_diary_still_makes_a_page(services, tmp_path):
    path = tmp_path / "empty.pdf"
    write_diary_pdf(services.diary_stats.figures(2020), path)
    assert "No matches marked attended or watched" in pdf_text(path)
    subprocess.run(["pdftoppm", "-png", "-r", "40", path, tmp_path / "page"], check=True)
    assert list(tmp_path.glob("page-*.png"))


def test_one_match_seen_is_said_in_the_singular(services, demo_match_id):
    figures = services.diary_stats.figures(None)  # the demo: one match, watched
    text = re.sub(r"<[^>]+>", "", diary_html(figures, "My football diary", {}))
    assert "1 match seen: 0 in the ground, 1 watched; 3 goals; 0 grounds (0 first visits);" in text
    assert "0 countries; 2 teams; 37 players." in text
