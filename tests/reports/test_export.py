"""Exports through the coordinator: every format, progress, cancel, atomic files."""

import csv
import io
import json
import subprocess
import sys

import pytest

from matchnotes.errors import MatchNotesError, ValidationError
from matchnotes.reports.csv_export import safe_cell
from matchnotes.reports.export import (
    ExportCancelled,
    export_match,
    export_person,
    export_season,
    select_matches,
)
from matchnotes.reports.markdown import esc, esc_block

INJECTION = '<b>bold</b> <img src="file:///etc/passwd">'


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def test_match_markdown(services, demo_match_id, out):
    services.notes.add(INJECTION + "\n- not a list | not a cell", match_id=demo_match_id)
    text = export_match(services, demo_match_id, "md", out / "m.md").read_text(encoding="utf-8")
    assert text.startswith("# England 1–2 France\n")
    assert "**FIFA World Cup · 2022 · Quarter-final**" in text
    assert "- Venue: Al Bayt Stadium, Al Khor" in text
    assert "| 9 | Harry Kane (c) | FW | ⚽ 54' (pen), ✕ 84' (pen missed) |" in text
    assert (
        "| 84' | Penalty missed | England | Harry Kane (won by Mason Mount) — over the bar |"
        in text
    )
    assert "> — Harry Kane, post-match interview, on the 84' penalty missed" in text
    assert r"\<b\>bold\</b\> \<img src=\"file:///etc/passwd\"\>" not in text  # quotes stay
    assert r"\<b\>bold\</b\> \<img src=" in text and "\\\n\\- not a list \\| not a cell" in text


def test_markdown_escaping():
    assert esc("*a* _b_ [c](d) <e> | `f` & ~g~") == (
        r"\*a\* \_b\_ \[c\](d) \<e\> \| \`f\` \& \~g\~"
    )
    assert esc("two\nlines") == "two lines"
    assert esc_block("# not a heading\n1. not a list\n> nor a quote") == (
        "\\# not a heading\\\n1\\. not a list\\\n\\> nor a quote"
    )


def test_match_csv_is_its_moments(services, demo_match_id, out):
    path = export_match(services, demo_match_id, "csv", out / "m.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(rows) == 14
    kane = rows[3]
    assert (kane["minute"], kane["kind"], kane["player"]) == ("54'", "penalty_goal", "Harry Kane")
    assert (kane["related_role"], kane["score_home"], kane["score_away"]) == ("won by", "1", "1")
    missed = next(r for r in rows if r["kind"] == "penalty_missed")
    assert missed["minute"] == "84'" and missed["score_home"] == ""


def test_csv_cells_never_run_as_formulas():
    assert [safe_cell(v) for v in ("=1+1", "+44", "-x", "@a", "plain", None, 3)] == [
        "'=1+1", "'+44", "'-x", "'@a", "plain", "", "3",
    ]  # fmt: skip


def test_match_json_is_matchnotes_json(services, demo_match_id, out):
    """The file `import` reads back (docs/json-format.md), not the `show --json` shape."""
    data = json.loads(export_match(services, demo_match_id, "json", out / "m.json").read_text())
    assert (data["format"], data["version"]) == ("matchnotes", 1)
    tables = data["tables"]
    assert [v["name"] for v in tables["venue"]] == ["Al Bayt Stadium"]
    assert len(tables["moment"]) == 14 and len(tables["quote"]) == 4


def test_person_exports(services, demo_match_id, out):
    kane = services.people.find("kane")[0].id
    services.notes.add("Record scorer", person_id=kane)
    md = export_person(services, kane, "md", out / "k.md").read_text(encoding="utf-8")
    assert (
        md.startswith("# Harry Kane\n") and "| England | 1+? | 1 | 53 | 1 | 1 | 0 | 0 | 0 |" in md
    )
    assert "| 10 Dec 2022 | England 1–2 France | 84' | Penalty missed |" in md
    assert "## Notes\n\nRecord scorer" in md
    written = export_person(services, kane, "csv", out / "k.csv")
    rows = list(csv.reader(io.StringIO(written.read_text(encoding="utf-8"))))
    assert rows[0] == ["date", "match", "minute", "moment", "detail"] and len(rows) == 3
    tables = json.loads(export_person(services, kane, "json", out / "k.json").read_text())["tables"]
    assert "Harry Kane" in [p["name"] for p in tables["person"]] and len(tables["match"]) == 1
    assert "Record scorer" in [n["text"] for n in tables["note"]]
    assert export_person(services, kane, "pdf", out / "k.pdf").stat().st_size > 5000


def test_season_exports_filter_by_competition_and_year(services, demo_match_id, out, make_match):
    make_match("Leeds", "Hull", competition="Championship", season="2023-24", rating=6)
    md = export_season(services, "md", out / "s.md", competition="fifa world cup")
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# fifa world cup\n") and "England 1–2 France" in text
    assert "Leeds" not in text
    written = export_season(services, "csv", out / "s.csv", year=2024)
    rows = list(csv.DictReader(io.StringIO(written.read_text(encoding="utf-8"))))
    assert [(r["home"], r["away"], r["rating"]) for r in rows] == [("Leeds", "Hull", "6")]
    steps = []
    season = export_season(services, "json", out / "s.json", season="2022",
                           progress=lambda done, total: steps.append((done, total)))  # fmt: skip
    assert steps and steps[-1][0] == steps[-1][1]  # the writer's own progress, ending full
    data = json.loads(season.read_text())
    teams = {t["id"]: t["name"] for t in data["tables"]["team"]}
    assert [teams[m["home_team_id"]] for m in data["tables"]["match"]] == ["England"]
    with pytest.raises(ValidationError, match="No match"):
        export_season(services, "md", out / "none.md", year=1990)


def test_a_diary_year_exports_only_the_matches_the_fan_saw(services, demo_match_id, out,
                                                           make_match):  # fmt: skip
    import datetime as dt

    make_match("Leeds", "Hull", date=dt.date(2022, 8, 6))  # imported, not seen
    md = export_season(services, "md", out / "d.md", year=2022, diary=True)
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# My diary 2022\n") and "England 1–2 France" in text
    assert "Leeds" not in text
    with pytest.raises(ValidationError, match="Your diary has no match in that year"):
        export_season(services, "md", out / "none.md", year=2023, diary=True)


def test_progress_is_reported(services, demo_match_id, make_match, out):
    make_match("Leeds", "Hull")
    steps = []
    export_season(services, "pdf", out / "s.pdf", progress=lambda d, t: steps.append((d, t)))
    assert steps == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize("fmt", ["pdf", "md", "csv", "json"])
def test_a_cancelled_export_leaves_no_file(services, demo_match_id, out, fmt):
    with pytest.raises(ExportCancelled):
        export_match(services, demo_match_id, fmt, out / f"m.{fmt}", cancel=lambda: True)
    with pytest.raises(ExportCancelled):
        export_season(services, fmt, out / f"s.{fmt}", cancel=lambda: True)
    assert list(out.iterdir()) == []


def test_a_failed_write_leaves_no_temporary_file(services, demo_match_id, out, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("matchnotes.reports.export.os.replace", broken)
    with pytest.raises(MatchNotesError, match=r"m\.md cannot be written: disk full\."):
        export_match(services, demo_match_id, "md", out / "m.md")
    assert list(out.iterdir()) == []


def test_an_unwritable_folder_is_a_user_error(services, demo_match_id, out, monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("matchnotes.reports.export.tempfile.mkstemp", refused)
    with pytest.raises(MatchNotesError, match=r"m\.md cannot be written: Permission denied"):
        export_match(services, demo_match_id, "md", out / "m.md")


def test_refusals(services, demo_match_id, out):
    with pytest.raises(ValidationError, match="not an export format"):
        export_match(services, demo_match_id, "docx", out / "m.docx")
    with pytest.raises(ValidationError, match="does not exist"):
        export_match(services, demo_match_id, "md", out / "missing" / "m.md")


def test_select_matches_sorts_by_date(services, demo_match_id, make_match):
    make_match("Leeds", "Hull")
    chosen = select_matches(services.matches.list_matches(), None, None, None)
    assert [s.home for s in chosen] == ["England", "Leeds"]


def test_text_exports_do_not_load_qt():
    code = (
        "import sys, matchnotes.reports.export, matchnotes.reports.markdown, "
        "matchnotes.reports.csv_export, matchnotes.reports.report_html; "
        "assert 'PySide6' not in sys.modules"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_exports_get_the_users_umask_or_keep_the_mode_they_replace(services, demo_match_id, out):
    import os

    old = os.umask(0o022)
    try:
        new = out / "match.md"
        export_match(services, demo_match_id, "md", new)
        assert new.stat().st_mode & 0o777 == 0o644
        os.umask(0o077)
        kept = out / "shared.md"
        kept.write_text("old", encoding="utf-8")
        kept.chmod(0o664)
        export_match(services, demo_match_id, "md", kept)
        assert kept.stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(old)
