"""Creating, editing and deleting records from the command line, as a script does it."""

import json

import pytest

from matchnotes.cli import run

STORY_MATCH = [
    "match", "add", "--home", "England", "--away", "France", "--date", "2022-12-10",
    "--kickoff", "20:00", "--competition", "FIFA World Cup", "--stage", "Quarter-final",
    "--venue", "Al Bayt Stadium",
]  # fmt: skip
STORY_LINES = [
    '17 goal France "Aurélien Tchouaméni" assist France "Antoine Griezmann" '
    "low drive from 25 yards past Pickford",
    "43 yc Griezmann",
    '54 pen England "Harry Kane" won by England "Bukayo Saka"',
    '78 goal France "Olivier Giroud" (Griezmann) header from Griezmann\'s cross',
    '82 yc France "Theo Hernández" foul on England "Mason Mount" brings down Mount in the box',
    "84 pen miss Kane won by Mount over the bar",
]
KANE_SAID = "It was just the execution on the night."


def cli(db, *args, out=None):
    """Run a command on ``db``; return (exit code, stdout, stderr)."""
    code = run([*args, "--db", str(db)])
    captured = out.readouterr()
    return code, captured.out, captured.err


def test_the_sample_story_logged_into_an_empty_database_with_commands_only(db_target, capsys):
    db = db_target
    code, out, _ = cli(db, *STORY_MATCH, out=capsys)
    assert code == 0 and out.strip() == "1"  # the new id, for a script to use
    for line in STORY_LINES:
        assert cli(db, "log", "--match", "1", line, out=capsys)[0] == 0
    code, out, _ = cli(db, "show", "1", "--json", out=capsys)
    penalty_miss = next(m["id"] for m in json.loads(out)["moments"] if m["minute"] == "84'")
    quote = ["quote", "add", "--match", "1", "--speaker", "Harry Kane", KANE_SAID, "--json",
             "--context", "post-match-interview", "--moment", str(penalty_miss)]  # fmt: skip
    code, out, _ = cli(db, *quote, out=capsys)
    assert code == 0 and json.loads(out)["context"] == "post_match_interview"
    note = "Southgate went straight to console Kane at the final whistle."
    assert cli(db, "note", "add", "--match", "1", note, out=capsys)[0] == 0

    code, out, _ = cli(db, "show", "1", "--json", out=capsys)
    story = json.loads(out)
    assert (story["home"], story["away"], story["date"], story["kickoff_time"]) == (
        "England", "France", "2022-12-10", "20:00",
    )  # fmt: skip
    assert (story["competition"], story["stage"], story["venue"]) == (
        "FIFA World Cup", "Quarter-final", "Al Bayt Stadium",
    )  # fmt: skip
    assert story["score"] == {"home": 1, "away": 2} and story["half_time"] == {"home": 0, "away": 1}
    assert [(m["minute"], m["kind"], m["team"], m["player"]) for m in story["moments"]] == [
        ("17'", "goal", "France", "Aurélien Tchouaméni"),
        ("43'", "yellow", "France", "Antoine Griezmann"),
        ("54'", "penalty_goal", "England", "Harry Kane"),
        ("78'", "goal", "France", "Olivier Giroud"),
        ("82'", "yellow", "France", "Theo Hernández"),
        ("84'", "penalty_missed", "England", "Harry Kane"),
    ]
    miss = story["moments"][-1]
    assert miss["description"] == "over the bar" and miss["related_player"] == "Mason Mount"
    (said,) = story["quotes"]
    assert (said["speaker"], said["text"], said["context"], said["moment_id"]) == (
        "Harry Kane", KANE_SAID, "post_match_interview", penalty_miss,
    )  # fmt: skip
    assert story["notes"] == [note]
    assert {e["name"] for e in story["lineups"]["home"]} == {
        "Harry Kane", "Bukayo Saka", "Mason Mount",
    }  # fmt: skip


def test_match_add_json_is_the_show_shape_and_edit_changes_only_what_is_given(db_target, capsys):
    db = db_target
    code, out, _ = cli(db, *STORY_MATCH, "--attendance", "68,895", "--json", out=capsys)
    added = json.loads(out)
    assert code == 0 and added["attendance"] == 68895 and added["moments"] == []
    assert cli(db, "show", "1", "--json", out=capsys)[1] == out
    edit = ["match", "edit", "1", "--referee", "Wilton Sampaio", "--venue", "", "--json"]
    code, out, _ = cli(db, *edit, out=capsys)
    edited = json.loads(out)
    assert code == 0 and edited["referee"] == "Wilton Sampaio" and edited["venue"] is None
    unchanged = {k: v for k, v in added.items() if k not in ("referee", "venue")}
    assert {k: edited[k] for k in unchanged} == unchanged
    code, out, _ = cli(db, "match", "edit", "1", "--status", "finished", out=capsys)
    assert code == 0 and out == "Saved: England 0–0 France\n"  # finished: with the score


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2022-13-40"], "2022-13-40 is not a day of the calendar"),
        (["--date", "10/12/2022"], "Write the match date as YYYY-MM-DD, e.g. 2022-12-18"),
        (["--date", "1822-12-10"], "1822-12-10 is not plausible for the match date"),
        (["--kickoff", "8pm"], "Write the kick-off as HH:MM."),
        (["--attendance", "lots"], "Attendance must be a whole number."),
        (["--attendance", "600000"], "Attendance must be between 0 and 500,000."),
        (["--away", "england"], "A match needs two different teams."),
        (["--competition", "", "--season", "2022"], "A season belongs to a competition"),
    ],
)
def test_match_add_refuses_what_the_form_refuses_with_its_words(db_target, capsys, args, message):
    db = db_target
    code, out, err = cli(db, *STORY_MATCH, *args, out=capsys)
    assert code == 1 and out == "" and err.startswith("matchnotes: ") and message in err
    assert "Traceback" not in err


def test_match_delete_says_what_goes_and_wants_yes_when_moments_or_quotes_go(db_target, capsys):
    db = db_target
    cli(db, *STORY_MATCH, out=capsys)
    assert cli(db, "log", "--match", "1", STORY_LINES[0], out=capsys)[0] == 0
    assert cli(db, "note", "add", "--match", "1", "A cold night.", out=capsys)[0] == 0
    code, out, err = cli(db, "match", "delete", "1", out=capsys)
    assert code == 1 and out == ""
    assert "Not deleted: England v France, 10 Dec 2022. Its 1 moments" in err and "--yes" in err
    assert cli(db, "show", "1", out=capsys)[0] == 0  # still there
    code, out, _ = cli(db, "match", "delete", "1", "--yes", out=capsys)
    assert code == 0 and out.startswith("Deleted England v France, 10 Dec 2022. Its 1 moments")
    assert cli(db, "show", "1", out=capsys)[0] == 1
    # Only notes and line-ups go: no --yes needed, and the output says so.
    new_id = cli(db, *STORY_MATCH, out=capsys)[1].strip()
    cli(db, "note", "add", "--match", new_id, "Postponed.", out=capsys)
    code, out, _ = cli(db, "match", "delete", new_id, "--json", out=capsys)
    assert code == 0 and json.loads(out) == {
        "deleted": "match", "id": int(new_id), "title": "England v France, 10 Dec 2022",
        "moments": 0, "quotes": 0, "notes": 1, "lineup_entries": 0,
    }  # fmt: skip


def test_quote_and_note_add_refuse_with_the_services_messages(db_target, capsys):
    db = db_target
    cli(db, *STORY_MATCH, out=capsys)
    cli(db, *STORY_MATCH, "--date", "2022-12-14", out=capsys)
    cli(db, "log", "--match", "2", STORY_LINES[0], out=capsys)
    code, _, err = cli(db, "quote", "add", "--match", "1", "--speaker", "Kane", "  ", out=capsys)
    assert code == 1 and "A quote needs the words that were said." in err
    other = ["quote", "add", "--match", "1", "--speaker", '"Kane"', "Hi", "--moment", "1"]
    code, _, err = cli(db, *other, out=capsys)
    assert code == 1 and "A quote can only be linked to a moment of its own match." in err
    code, _, err = cli(db, "note", "add", "--match", "9", "Hello", out=capsys)
    assert code == 1 and "There is no match with id 9" in err
    code, _, err = cli(db, "note", "add", "--match", "1", " ", out=capsys)
    assert code == 1 and "A note cannot be empty." in err
    with pytest.raises(SystemExit) as usage:  # not a context: a usage error (exit 2)
        run(["quote", "add", "--match", "1", "--speaker", "K", "Hi", "--context", "bar"])
    assert usage.value.code == 2 and "invalid choice: 'bar'" in capsys.readouterr().err


def test_a_note_on_a_person(db_target, capsys):
    db = db_target
    cli(db, *STORY_MATCH, out=capsys)
    code, out, _ = cli(db, "log", "--match", "1", STORY_LINES[0], "--json", out=capsys)
    (person_id, _) = json.loads(out)["created_person_ids"]
    add = ["note", "add", "--person", str(person_id), "Scored from 25 yards.", "--json"]
    code, out, _ = cli(db, *add, out=capsys)
    assert code == 0 and json.loads(out) == {
        "id": 1, "match_id": None, "person_id": person_id, "text": "Scored from 25 yards.",
    }  # fmt: skip


def test_draft_prints_the_report_draft_and_its_sources(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    assert run(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    code, text, _ = cli(db, "draft", "--match", "1", out=capsys)
    assert code == 0 and text.startswith("France beat England") and "53rd" in text
    code, text, _ = cli(db, "draft", "--match", "1", "--json", out=capsys)
    data = json.loads(text)
    assert data["sentences"][0]["key"] == "headline"
    assert all(s["sources"] and s["stale"] is False for s in data["sentences"])
    code, _, err = cli(db, "draft", "--match", "7", out=capsys)
    assert code == 1 and "There is no match with id 7" in err


def test_a_match_marked_seen_from_the_shell_joins_the_diary(db_path, capsys):
    from matchnotes.db.database import open_database
    from matchnotes.services import Services

    assert cli(db_path, *STORY_MATCH, out=capsys)[0] == 0
    seen = ["match", "edit", "1", "--seen", "watched", "--where", "The Crown", "--rating", "8"]
    code, out, _ = cli(db_path, *seen, out=capsys)
    assert code == 0 and out.strip() == "Saved: England v France"
    code, _, err = cli(db_path, "match", "edit", "1", "--rating", "11", out=capsys)
    assert code == 1 and "The rating must be between 0 and 10." in err
    db = open_database(str(db_path))
    try:
        diary = Services.create(db.engine).diary
        (entry,) = diary.entries()
        assert (entry.fan_attendance.value, entry.rating) == ("watched", 8)
        assert diary.entry(1)[1] == "The Crown"
    finally:
        db.close()
    code, out, _ = cli(db_path, "history", out=capsys)
    assert code == 0 and "Marked England v France as watched [match 1]" in out


def test_moment_edit_with_an_older_expected_version_is_refused(db_path, capsys):
    """`--expect-version`: a script's edit from what it read is refused once someone else
    has changed the moment, with both sides; theirs is kept."""
    assert run(["demo", "--db", str(db_path)]) == 0
    base = ["--db", str(db_path), "--json"]
    capsys.readouterr()
    assert run(["moment", "edit", "1", "--description", "first", *base]) == 0
    seen = json.loads(capsys.readouterr().out)["version"]
    assert run(["moment", "edit", "1", "--description", "theirs", "--author", "Sam", *base]) == 0
    capsys.readouterr()
    edit = ["moment", "edit", "1", "--description", "mine", "--expect-version", str(seen)]
    assert run([*edit, "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "Sam changed this moment" in err and "theirs" in err and "mine" in err
    assert run(["moment", "delete", "1", "--expect-version", str(seen), "--db", str(db_path)]) == 1
    assert run(["show", "1", *base]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [m["description"] for m in shown["moments"] if m["id"] == 1] == ["theirs"]
