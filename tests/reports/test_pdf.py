"""PDF reports, read back with pypdf: the facts are there as text, user text stays text."""

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from matchnotes.enums import Attendance
from matchnotes.errors import ValidationError
from matchnotes.reports import pdf_render
from matchnotes.reports.export import ExportCancelled
from matchnotes.reports.pdf_render import write_match_pdf, write_person_pdf, write_season_pdf

INJECTION = '<b>bold</b> <img src="file:///etc/passwd">'


def norm(text: str) -> str:
    """Compare text as a reader sees it: no ligatures, line breaks or hyphenation splits."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"-\s+", "-", text)
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return norm(" ".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.fixture
def demo_pdf(services, demo_match_id, tmp_path) -> Path:
    services.notes.add(INJECTION, match_id=demo_match_id)
    path = tmp_path / "match.pdf"
    write_match_pdf(services.matches.get_match(demo_match_id), path)
    return path


def test_the_demo_match_facts_are_in_the_text(demo_pdf, services, demo_match_id):
    text = pdf_text(demo_pdf)
    for fact in ("England", "France", "1–2", "Al Bayt Stadium", "Quarter-final", "Kane",
                 "54'", "84'", "Penalty missed", "Half-time 0–1", "Wilton Sampaio",
                 "22:00", "68,895", "Gareth Southgate", "Line-ups", "Key moments"):  # fmt: skip
        assert fact in text, fact
    for quote in services.quotes.for_match(demo_match_id):
        assert norm(quote.text) in text
        assert quote.speaker in text


def test_the_timeline_labels_are_text_too(demo_pdf):
    text = pdf_text(demo_pdf)
    assert "54' Kane (pen)" in text and "84' Kane (missed)" in text and "HT" in text


def test_user_markup_prints_literally_and_loads_nothing(demo_pdf):
    assert INJECTION in pdf_text(demo_pdf)
    for page in PdfReader(demo_pdf).pages:
        objects = page.get("/Resources", {}).get("/XObject", {})
        assert all(objects[name].get_object().get("/Subtype") != "/Image" for name in objects)


def test_documents_refuse_every_resource(monkeypatch, services, demo_match_id, tmp_path):
    doc = pdf_render._SafeDocument()
    doc.setHtml('<img src="file:///etc/passwd"><img src="https://example.com/x.png">')
    url = QUrl("file:///etc/passwd")
    assert doc.loadResource(QTextDocument.ResourceType.ImageResource.value, url) is None
    requested = []

    class Spy(pdf_render._SafeDocument):
        def loadResource(self, type, name):
            requested.append(name)
            return None

    monkeypatch.setattr(pdf_render, "_SafeDocument", Spy)
    services.notes.add(INJECTION, match_id=demo_match_id)
    write_match_pdf(services.matches.get_match(demo_match_id), tmp_path / "m.pdf")
    assert requested == []  # escaped markup never even asks


@pytest.mark.parametrize(("size", "points"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_page_sizes(services, demo_match_id, tmp_path, size, points):
    path = tmp_path / f"{size}.pdf"
    write_match_pdf(services.matches.get_match(demo_match_id), path, size)
    for page in PdfReader(path).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == points


def test_unknown_page_size_is_refused(services, demo_match_id, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValidationError, match="A4 or Letter"):
        write_match_pdf(services.matches.get_match(demo_match_id), out / "x.pdf", "A3")
    assert list(out.iterdir()) == []


def test_pages_are_numbered_and_titled(demo_pdf):
    reader = PdfReader(demo_pdf)
    pages = len(reader.pages)
    assert pages >= 2
    for n, page in enumerate(reader.pages, 1):
        assert f"Page {n} of {pages}" in norm(page.extract_text())
    assert reader.metadata is not None and reader.metadata.title == "England 1–2 France"


def test_player_report_for_kane(services, demo_match_id, tmp_path):
    kane = services.people.find("kane")[0]
    path = tmp_path / "kane.pdf"
    write_person_pdf(services.people.page(kane.id), path, notes=["Record scorer <3"])
    text = pdf_text(path)
    facts = ["Harry Kane", "Tottenham Hotspur", "Player · FW · #9", "Penalty goal"]
    facts += ["Penalty missed", "England 1–2 France", "Record scorer <3", "Page 1 of 1"]
    for fact in facts:
        assert fact in text, fact
    assert norm("it was just the execution on the night") in text


def test_extra_time_and_shootout_in_the_pdf(services, busy_match_id, tmp_path):
    path = tmp_path / "busy.pdf"
    write_match_pdf(services.matches.get_match(busy_match_id), path, "Letter")
    text = pdf_text(path)
    assert "After extra time" in text and "Wolverhampton win 4–3 on penalties" in text
    assert "Pens 3–4" in text and "AET" in text and "120+2'" in text


def test_season_report(services, demo_match_id, busy_match_id, tmp_path):
    details = [services.matches.get_match(i) for i in (demo_match_id, busy_match_id)]
    path = tmp_path / "season.pdf"
    write_season_pdf(details, path, "My diary")
    text = pdf_text(path)
    assert "My diary" in text and "England 1–2 France" in text and "Big Ground" in text
    assert "2 matches · 1 watched · average rating 8.0" in text


def test_season_report_seen_column_keeps_its_words_whole(services, demo_match_id, tmp_path):
    services.diary.set_seen(demo_match_id, Attendance.ATTENDED, None, 8)
    path = tmp_path / "season.pdf"
    write_season_pdf([services.matches.get_match(demo_match_id)], path, "My diary")
    assert "Attended" in pdf_text(path)  # not "Attende d", broken in a narrow column


def test_a_cancelled_pdf_leaves_the_old_file_alone(services, demo_match_id, tmp_path):
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "match.pdf"
    path.write_bytes(b"the previous export")
    pages = []
    with pytest.raises(ExportCancelled):
        write_match_pdf(
            services.matches.get_match(demo_match_id), path,
            progress=lambda done, total: pages.append((done, total)), cancel=lambda: bool(pages),
        )  # fmt: skip
    assert pages == [(1, 2)]
    assert path.read_bytes() == b"the previous export"
    assert [p.name for p in path.parent.iterdir()] == ["match.pdf"]  # no temporary file left


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_poppler_renders_the_pages(demo_pdf, tmp_path):
    subprocess.run(["pdftoppm", "-png", "-r", "30", demo_pdf, tmp_path / "page"], check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == len(PdfReader(demo_pdf).pages)
    assert all(p.stat().st_size > 2000 for p in pngs)


def test_a_bare_match_still_makes_a_report(services, make_match, tmp_path):
    match_id = make_match("Leeds", "Hull")
    path = tmp_path / "bare.pdf"
    write_match_pdf(services.matches.get_match(match_id), path)
    text = pdf_text(path)
    assert "Leeds 0–0 Hull" in text
    assert "Line-ups" not in text and "Key moments" not in text and "Page 1 of 1" in text
