"""The command line's rules: exit codes, no database created by mistake, "-word" searches,
an example in every new command's help, and editing moments."""

import json
import subprocess
import sys

import pytest

from matchnotes.cli import run
from tests.test_cli_records import STORY_LINES, STORY_MATCH, cli


@pytest.fixture
def story(db_target, capsys):
    """The match and its moments, logged from the command line."""
    db = db_target
    cli(db, *STORY_MATCH, out=capsys)
    for line in STORY_LINES:
        assert cli(db, "log", "--match", "1", line, out=capsys)[0] == 0
    return db


def moments(db, capsys):
    return json.loads(cli(db, "show", "1", "--json", out=capsys)[1])["moments"]


def test_moment_edit_changes_only_what_is_given(story, capsys):
    giroud = next(m for m in moments(story, capsys) if m["player"] == "Olivier Giroud")
    code, out, _ = cli(story, "moment", "edit", str(giroud["id"]), "--minute", "45+2", out=capsys)
    assert code == 0 and out.startswith("Saved: 45+2'  Goal")
    edit = ["moment", "edit", str(giroud["id"]), "--player", "tchouameni", "--related", "",
            "--description", "a second", "--json"]  # fmt: skip
    code, out, _ = cli(story, *edit, out=capsys)
    saved = json.loads(out)
    assert code == 0 and saved["player"] == "Aurélien Tchouaméni" and saved["team"] == "France"
    assert saved["related_player"] is None and saved["description"] == "a second"
    assert saved["minute"] == "45+2'" and saved["score_after"] == {"home": 0, "away": 2}
    code, out, _ = cli(story, "moment", "edit", str(giroud["id"]), "--kind", "own-goal", out=capsys)
    assert code == 0 and "Own goal" in out


def test_moment_edit_refuses_with_the_forms_and_quick_entrys_words(story, capsys):
    kane = next(m for m in moments(story, capsys) if m["minute"] == "84'")
    first_id = str(kane["id"])
    code, _, err = cli(story, "moment", "edit", first_id, "--minute", "47x", out=capsys)
    assert code == 1 and "“47x” is not a minute; write it like 17, 45+2 or 90+8'." in err
    code, _, err = cli(story, "moment", "edit", first_id, "--player", "Nobody", out=capsys)
    assert code == 1 and "Nobody in the line-ups is called “Nobody”." in err
    code, _, err = cli(story, "moment", "edit", first_id, "--player", "Kane Saka", out=capsys)
    assert code == 1 and "“Kane Saka” does not name one person of this match's line-ups." in err
    code, _, err = cli(story, "moment", "edit", first_id, "--player", "", out=capsys)
    assert code == 1 and "A penalty missed needs a player." in err
    code, _, err = cli(story, "moment", "edit", first_id, "--player", 'England "Ben White"',
                       out=capsys)  # fmt: skip
    assert code == 1 and "Ben White is not in this match's line-ups" in err
    assert moments(story, capsys)[-1] == kane  # nothing changed


def test_moment_delete(story, capsys):
    first = moments(story, capsys)[0]
    code, out, _ = cli(story, "moment", "delete", str(first["id"]), out=capsys)
    assert code == 0 and out.startswith("Deleted: 17'  Goal")
    assert moments(story, capsys)[0]["minute"] == "43'"
    code, _, err = cli(story, "moment", "delete", str(first["id"]), out=capsys)
    assert code == 1 and f"There is no moment with id {first['id']}" in err


def test_search_takes_a_word_to_leave_out_without_double_dash(story, capsys):
    code, _, err = cli(story, "search", "-kane", "--kind", "moment", out=capsys)
    assert code == 1 and "add a word" in err  # the search's own message, not argparse's
    with_kane = json.loads(cli(story, "search", "mount", "--json", out=capsys)[1])
    code, out, _ = cli(story, "search", "mount", "-kane", "--json", out=capsys)
    without = json.loads(out)
    assert code == 0 and without and len(without) < len(with_kane)
    assert all("Kane" not in hit["title"] for hit in without)
    code, out, _ = cli(story, "search", "-hernandez", "--kind", "team", "england", out=capsys)
    assert code == 0 and out.startswith("team    England")  # words between options
    with pytest.raises(SystemExit) as usage:  # a mistyped option is still a usage error
        run(["search", "england", "--kinds", "team", "--db", str(story)])
    assert usage.value.code == 2 and "unrecognized arguments: --kinds" in capsys.readouterr().err


READ_COMMANDS = [
    ["matches"], ["show", "1"], ["search", "kane"], ["backups"], ["check"], ["backup"],
    ["export", "md", "--match", "1", "-o", "out.md"], ["log", "--match", "1", "17 g Kane"],
    ["match", "edit", "1", "--stage", "Final"], ["match", "delete", "1"],
    ["moment", "edit", "1", "--minute", "3"], ["moment", "delete", "1"],
    ["quote", "add", "--match", "1", "--speaker", "Kane", "Hi"],
    ["note", "add", "--match", "1", "Hi"],
]  # fmt: skip


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_commands_that_do_not_create_on_purpose_refuse_a_missing_file(tmp_path, capsys, command):
    missing = tmp_path / "missing" / "dir" / "x.sqlite"
    code, out, err = cli(missing, *command, out=capsys)
    assert code == 1 and out == ""
    assert f"There is no database at {missing}." in err
    assert "matchnotes demo --db PATH" in err and "matchnotes import FILE --db PATH" in err
    assert not (tmp_path / "missing").exists()  # no folder made either


def test_demo_import_and_match_add_create_a_database(tmp_path, capsys):
    from tests.io import WORLDCUP_JSON

    assert cli(tmp_path / "a" / "demo.sqlite", "demo", out=capsys)[0] == 0
    assert cli(tmp_path / "b" / "wc.sqlite", "import", str(WORLDCUP_JSON), out=capsys)[0] == 0
    assert cli(tmp_path / "c" / "new.sqlite", *STORY_MATCH, out=capsys)[0] == 0
    for made in ("a/demo.sqlite", "b/wc.sqlite", "c/new.sqlite"):
        assert (tmp_path / made).is_file()


def test_an_unexpected_error_exits_3_with_one_line(story, capsys, monkeypatch):
    from matchnotes.services.matches import MatchService

    def broken(self):
        raise RuntimeError("a bug")

    monkeypatch.setattr(MatchService, "list_matches", broken)
    code, out, err = cli(story, "matches", out=capsys)
    assert code == 3 and out == ""
    assert err.startswith("matchnotes: unexpected error: RuntimeError('a bug')")
    assert "MATCHNOTES_DEBUG=1" in err and "Traceback" not in err


NEW_COMMANDS = [
    ["match", "add"], ["match", "edit"], ["match", "delete"], ["quote", "add"],
    ["note", "add"], ["moment", "edit"], ["moment", "delete"],
]  # fmt: skip


@pytest.mark.parametrize("command", NEW_COMMANDS, ids=" ".join)
def test_every_new_command_has_an_example_in_its_help(capsys, command):
    with pytest.raises(SystemExit) as done:
        run([*command, "--help"])
    assert done.value.code == 0
    assert f"example:\n  matchnotes {' '.join(command)} " in capsys.readouterr().out


@pytest.mark.slow
def test_exit_codes_of_the_real_entry_point(story, tmp_path):
    def matchnotes(*args, code=""):
        script = code + "from matchnotes.__main__ import main; raise SystemExit(main())"
        return subprocess.run(
            [sys.executable, "-c", script, *args, "--db", str(story)],
            capture_output=True, text=True,
        )  # fmt: skip

    assert matchnotes("search", "bar", "-kane").returncode == 0
    refused = matchnotes("match", "delete", "1")
    assert refused.returncode == 1 and "--yes" in refused.stderr
    usage = matchnotes("match", "add", "--home", "England")
    assert usage.returncode == 2 and "the following arguments are required" in usage.stderr
    bug = "import matchnotes.services.matches as m; m.MatchService.list_matches = None; "
    crashed = matchnotes("matches", code=bug)
    assert crashed.returncode == 3 and "unexpected error" in crashed.stderr
    gone = matchnotes("match", "delete", "1", "--yes")
    assert gone.returncode == 0 and gone.stdout.startswith("Deleted England v France")
