"""The print preview's pages (recorded by ``record_match_pages`` in the PDF process, replayed by
``replay_pages``) are the PDF export's pages: same count, same text in the same places."""

import subprocess

import pytest
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

from matchnotes.reports import pdf_render
from tests.reports.conftest import add_busy_match


def _layout() -> QPageLayout:
    a4 = QPageSize(QPageSize.PageSizeId.A4)
    millimetres = QPageLayout.Unit.Millimeter
    return QPageLayout(a4, QPageLayout.Orientation.Portrait, pdf_render.MARGINS_MM, millimetres)


def _pages_text(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    return text.split("\f")


@pytest.mark.parametrize("which", ["demo", "busy"])
def test_replayed_pages_are_the_exported_pages(services, demo_match_id, tmp_path, which):
    match_id = demo_match_id if which == "demo" else add_busy_match(services, moments=150)
    detail, draft = services.matches.get_match(match_id), services.draft.current(match_id)
    exported = tmp_path / "export.pdf"
    pdf_render.write_match_pdf(detail, exported, draft=draft)
    pictures = pdf_render.record_match_pages(_layout(), pdf_render.DPI, detail, draft)
    replayed = tmp_path / "replayed.pdf"
    writer = QPdfWriter(str(replayed))
    writer.setResolution(pdf_render.DPI)
    writer.setPageLayout(_layout())
    pdf_render.replay_pages(writer, pictures)
    del writer  # finishes the file
    pages = _pages_text(exported)
    assert len(pictures) == len(pages) - 1 > (0 if which == "demo" else 2)
    assert _pages_text(replayed) == pages
    assert "Report draft" in "".join(pages)


_CARD = QPageSize(
    QSizeF(100, 150), QPageSize.Unit.Millimeter, "card", QPageSize.SizeMatchPolicy.ExactMatch
)


@pytest.mark.parametrize(
    ("size", "orientation"),
    [
        (QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait),
        (QPageSize(QPageSize.PageSizeId.Letter), QPageLayout.Orientation.Landscape),
        (_CARD, QPageLayout.Orientation.Portrait),
    ],
)
def test_a_printers_page_reaches_the_pdf_process_unchanged(qapp, size, orientation):
    margins = QMarginsF(12.5, 10, 8, 20)
    layout = QPageLayout(size, orientation, margins, QPageLayout.Unit.Millimeter)
    again = pdf_render.layout_of(pdf_render.page_spec(layout))
    assert again.isEquivalentTo(layout)
    assert again.fullRect(QPageLayout.Unit.Point) == layout.fullRect(QPageLayout.Unit.Point)
    assert again.margins(QPageLayout.Unit.Millimeter) == margins
