"""User text in PDFs as a reader sees it: emoji drawn (a bundled fallback font), and
bidi controls in a name unable to reorder the line around them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from matchnotes.reports.pdf_render import write_match_pdf
from matchnotes.reports.report_html import esc
from tests.reports.test_pdf import pdf_text


def _fonts(path: Path) -> set[str]:
    names = set()
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def test_emoji_are_drawn_with_the_bundled_font(services, demo_match_id, tmp_path):
    services.notes.add("What a night 😀🏆🔥", match_id=demo_match_id)
    path = tmp_path / "match.pdf"
    write_match_pdf(services.matches.get_match(demo_match_id), path)
    assert any("NotoEmoji" in name for name in _fonts(path)), _fonts(path)
    # Drawn (checked by eye on pdftoppm's page); Qt maps no text back for glyphs beyond
    # the BMP, so a copy of the line gives the words without the emoji.
    assert "What a night" in pdf_text(path)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_a_right_to_left_override_cannot_reorder_the_line(services, demo_match_id, tmp_path):
    services.notes.add("Kane scored \u202ethen missed the second penalty", match_id=demo_match_id)
    path = tmp_path / "match.pdf"
    write_match_pdf(services.matches.get_match(demo_match_id), path)
    # poppler reads glyphs in the order they stand on the page, as a reader does
    seen = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "Kane scored then missed the second penalty" in " ".join(seen.split())


def test_bidi_controls_are_dropped_and_markup_escaped():
    assert esc("a\u202eb\u202ac\u2066d\u2069 <e>") == "abcd &lt;e&gt;"
