"""The report draft goes out with the match's Markdown and PDF, in a section of its own:
the saved draft with the reporter's edits, or the one the notes write now."""

from matchnotes.reports.export import export_match
from tests.reports.test_pdf import pdf_text


def test_markdown_has_the_draft_with_the_reporters_edits(services, demo_match_id, tmp_path):
    draft = services.draft.fresh(demo_match_id)
    standfirst = draft.sentence("standfirst").text
    md = export_match(services, demo_match_id, "md", tmp_path / "m.md").read_text(encoding="utf-8")
    section = md.split("## Report draft\n\n", 1)[1]
    assert section.startswith(f"### {draft.sentence('headline').text}\n\n**{standfirst}**\n\n")
    assert "53rd goal for England" in section
    key = next(s.key for s in draft.sentences if s.key.startswith("miss:"))
    services.draft.edit(demo_match_id, key, "Kane: <over> the bar.")
    md = export_match(services, demo_match_id, "md", tmp_path / "m.md").read_text(encoding="utf-8")
    assert r"Kane: \<over\> the bar." in md.split("## Report draft", 1)[1]


def test_the_pdf_has_the_draft_section(services, demo_match_id, tmp_path):
    path = export_match(services, demo_match_id, "pdf", tmp_path / "m.pdf")
    text = " ".join(pdf_text(path).split())
    assert "Report draft" in text
    assert "level with Wayne Rooney" in text and "53rd" in text
