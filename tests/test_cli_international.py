"""`matchnotes import PATH/results.csv` and `import --international` from the command line."""

import json
from pathlib import Path

from matchnotes.cli import run

SLICE = Path(__file__).resolve().parent / "data" / "international" / "results.csv"


def test_a_copy_of_the_archive_imports_with_the_files_beside_it(db_target, capsys):
    assert run(["demo", "--db", db_target]) == 0
    capsys.readouterr()
    assert run(["import", str(SLICE), "--db", db_target, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["format"] == "international results archive"
    assert (summary["added"], summary["unchanged"]) == (105, 2)  # the demo match is merged
    assert summary["details"]["moments"]["added"] > 150  # goalscorers.csv was read too
    assert run(["import", str(SLICE), "--db", db_target]) == 0
    assert "0 matches added, 0 updated, 107 unchanged" in capsys.readouterr().out
    assert run(["matches", "--db", db_target, "--json"]) == 0
    matches = json.loads(capsys.readouterr().out)["matches"]
    quarter = [m for m in matches if m["date"] == "2022-12-10" and m["home"] == "England"]
    assert len(quarter) == 1 and quarter[0]["stage"] == "Quarter-final"


def test_import_needs_a_file_or_international_not_both(tmp_path, capsys):
    db = str(tmp_path / "x.sqlite")
    assert run(["import", "--db", db]) == 1
    assert "--international" in capsys.readouterr().err
    assert run(["import", str(SLICE), "--international", "--db", db]) == 1
    assert "Name one file to import" in capsys.readouterr().err
    assert not Path(db).exists()  # refused before a file was made
