"""Who logged a moment or quote is in the reports (Markdown, the PDF's HTML, CSV) and
in a MatchNotes JSON export, which carries it back in on import."""

import json

import pytest

from matchnotes.reports.content import match_report
from matchnotes.reports.csv_export import match_moments_csv
from matchnotes.reports.markdown import match_markdown
from matchnotes.reports.report_html import match_html
from matchnotes.services.change_log import set_author


@pytest.fixture
def sams_lines(services, demo_match_id):
    set_author("Sam Reporter")
    try:
        services.quick_entry.record(demo_match_id, "60 yellow Kane")
        services.quick_entry.record(demo_match_id, "q Southgate: We kept going")
    finally:
        set_author(None)
    return demo_match_id


def test_reports_say_who_logged_a_moment_and_a_quote(services, sams_lines):
    detail = services.matches.get_match(sams_lines)
    report = match_report(detail)
    assert [m.author for m in report.moments if m.minute == "60'"] == ["Sam Reporter"]
    markdown = match_markdown(report)
    assert "Harry Kane _(logged by Sam Reporter)_" in markdown
    assert "_(logged by Sam Reporter)_" in markdown.split("## Quotes")[1]
    assert "logged by Sam Reporter" in match_html(report)
    header, *rows = match_moments_csv(detail).splitlines()
    assert header.endswith(",logged_by")
    assert next(r for r in rows if r.startswith("60'")).endswith(",Sam Reporter")


def test_a_json_export_carries_the_author_and_an_import_keeps_it(services, sams_lines, tmp_path):
    path = tmp_path / "match.json"
    services.imports.export_file(path, sams_lines)
    doc = json.loads(path.read_text())
    assert "Sam Reporter" in {m.get("author") for m in doc["tables"]["moment"]}
    assert all("version" not in m for m in doc["tables"]["moment"])  # stays in its database
    services.matches.delete_match(sams_lines)
    services.imports.import_file(path)
    (match,) = services.matches.list_matches()
    moments = services.moments.moments(match.id)
    assert {m.author for m in moments if str(m.minute) == "60'"} == {"Sam Reporter"}
    quotes = services.quotes.for_match(match.id)
    assert {q.author for q in quotes if q.text == "We kept going"} == {"Sam Reporter"}
