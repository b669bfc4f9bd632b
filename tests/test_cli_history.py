"""`matchnotes history`, `undo`, `redo`: the sample story typed with a mistake, taken back."""

import json

from matchnotes.cli import run
from tests.test_cli_records import STORY_LINES, STORY_MATCH, cli


def test_the_sample_story_with_one_mistake_corrected_by_undo(tmp_path, capsys):
    db = tmp_path / "story.sqlite"
    assert cli(db, *STORY_MATCH, "--author", "Sam Reporter", out=capsys)[0] == 0
    for line in STORY_LINES[:3]:
        assert cli(db, "log", "--match", "1", line, out=capsys)[0] == 0
    # The mistake: Giroud's goal typed for the wrong team (he joins England's line-up).
    assert cli(db, "log", "--match", "1", '78 goal England "Olivier Giroud"', out=capsys)[0] == 0
    code, out, _ = cli(db, "show", "1", "--json", out=capsys)
    assert json.loads(out)["score"] == {"home": 2, "away": 1}  # the wrong final score

    code, out, err = cli(db, "undo", out=capsys)
    assert (code, err) == (0, "")
    assert out == "Undone: Logged 78' Goal Olivier Giroud\n"
    for line in STORY_LINES[3:]:
        assert cli(db, "log", "--match", "1", line, out=capsys)[0] == 0
    code, out, _ = cli(db, "show", "1", "--json", out=capsys)
    story = json.loads(out)
    assert story["score"] == {"home": 1, "away": 2}
    giroud = [m for m in story["moments"] if m["player"] == "Olivier Giroud"]
    assert [(m["minute"], m["kind"], m["team"]) for m in giroud] == [("78'", "goal", "France")]
    # The person the mistaken line created went with it: the right line made him again.
    assert {e["name"] for e in story["lineups"]["home"]} == {
        "Harry Kane", "Bukayo Saka", "Mason Mount",
    }  # fmt: skip

    code, out, _ = cli(db, "history", "--match", "1", "--json", "--limit", "100", out=capsys)
    entries = json.loads(out)
    assert entries[-1]["summary"] == "Created match England v France, 2022-12-10"
    assert entries[-1]["author"] == "Sam Reporter"
    undid = next(e for e in entries if e["kind"] == "undo")
    assert undid["summary"] == "Undid: Logged 78' Goal Olivier Giroud"
    mistake = next(e for e in entries if e["id"] == undid["target_id"])
    assert mistake["undone"] is True
    code, out, _ = cli(db, "history", "--limit", "2", out=capsys)
    assert code == 0 and out.splitlines()[0].endswith("[match 1]")
    assert len(out.splitlines()) == 2


def test_undo_and_redo_refuse_with_exit_code_1_and_a_message(tmp_path, capsys):
    db = tmp_path / "story.sqlite"
    assert cli(db, *STORY_MATCH, out=capsys)[0] == 0
    code, _, err = cli(db, "redo", out=capsys)
    assert code == 1 and "Nothing to redo" in err
    assert cli(db, "undo", out=capsys)[:2] == (0, "Undone: Created match England v France, "
                                                  "2022-12-10\n")  # fmt: skip
    code, _, err = cli(db, "undo", out=capsys)
    assert (
        code == 1
        and err == "matchnotes: Nothing to undo: the history has no change left to undo.\n"
    )
    code, out, _ = cli(db, "redo", "--json", out=capsys)
    assert code == 0 and json.loads(out)["summary"].startswith("Created match")
    assert run(["history", "--db", str(tmp_path / "missing.sqlite")]) == 1
    assert not (tmp_path / "missing.sqlite").exists()  # read-only: no file made
