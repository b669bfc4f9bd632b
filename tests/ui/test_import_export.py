"""File ▸ Import and Export from the window: off the GUI thread, progress, summary."""

from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox

from tests.io import WORLDCUP_JSON


def test_import_runs_in_the_background_and_sums_up(qtbot, window):
    op = window.data_actions.import_path(WORLDCUP_JSON)
    qtbot.waitUntil(lambda: op.done, timeout=30_000)
    message = window.data_actions.message
    assert message is not None and message.icon() == QMessageBox.Icon.Information
    assert "64 matches added" in message.text()
    qtbot.waitUntil(lambda: bool(window.matches_view.table.source.rows()), timeout=5_000)
    assert len(window.matches_view.table.source.rows()) == 64


def test_a_bad_file_is_reported_and_nothing_changes(qtbot, window, tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"name": "World Cup", "matches": [', encoding="utf-8")
    op = window.data_actions.import_path(bad)
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    message = window.data_actions.message
    assert message.icon() == QMessageBox.Icon.Warning and "broken.json" in message.text()
    assert window.services.matches.list_matches() == []


def test_export_match_pdf_from_the_window(qtbot, window, demo_match_id, tmp_path):
    out = tmp_path / "match.pdf"
    op = window.data_actions.export_to("match", demo_match_id, "pdf", out)
    qtbot.waitUntil(lambda: op.done, timeout=30_000)
    assert "Wrote" in window.data_actions.message.text()
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "Al Bayt Stadium" in text and "Kane" in text


def test_any_list_exports_as_csv_as_shown(qtbot, window, demo_match_id, tmp_path):
    import csv

    window.refresh()
    window.tabs.setCurrentWidget(window.people_view)
    qtbot.keyClicks(window.people_view.filter_edit, "harry")
    table = window.current_table()
    out = window.data_actions.export_table(table, tmp_path / "people.csv")
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))
    assert rows[0][:2] == ["Name", "Role"]
    assert sorted(r[0] for r in rows[1:]) == ["Harry Kane", "Harry Maguire"]
