"""The sample story from an empty database with commands only, line-ups and quotes
included, two mistakes put right (one by `undo`, one by `moment edit`), then the PDF
for the desk holds every fact."""

import json

from pypdf import PdfReader

from matchnotes.cli import run

ENGLAND = """\
1 Jordan Pickford GK
2 Kyle Walker DF
5 John Stones DF
6 Harry Maguire DF
3 Luke Shaw DF
4 Declan Rice MF
8 Jordan Henderson MF
22 Jude Bellingham MF
17 Bukayo Saka FW
9 Harry Kane (c) FW
20 Phil Foden FW
Substitutes:
19 Mason Mount MF
10 Raheem Sterling FW
11 Marcus Rashford FW
Manager: Gareth Southgate
"""
FRANCE = """\
1 Hugo Lloris (c) GK
5 Jules Koundé DF
4 Raphaël Varane DF
18 Dayot Upamecano DF
22 Theo Hernández DF
8 Aurélien Tchouaméni MF
7 Antoine Griezmann MF
14 Adrien Rabiot MF
11 Ousmane Dembélé FW
9 Olivier Giroud FW
10 Kylian Mbappé FW
Substitutes:
13 Youssouf Fofana MF
Manager: Didier Deschamps
"""
LINES = [
    "17 goal Tchouameni assist Griezmann low drive from 25 yards past Pickford",
    "43 yc Griezmann",
    "54 pen goal Kane won by Saka",
    "78 goal Kane header",  # mistake 1: it was Giroud's goal (undone below)
    "78 goal Giroud (Griezmann) header",
    "79 sub Mount for Henderson",
    "79 sub Sterling for Saka",
    "82 yc Hernandez foul on Mount",
    "48 pen miss Kane won by Mount over the bar",  # mistake 2: the minute was 84
    "85 sub Rashford for Foden",
]
KANE = "It was just the execution on the night."
SOUTHGATE = "He's been incredible for us and is so reliable in those situations."


def cli(db, capsys, *args, stdin=None, monkeypatch=None):
    if stdin is not None:
        import io

        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run([*args, "--db", str(db)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def test_the_sample_story_by_commands_then_the_pdf_holds_every_fact(tmp_path, capsys, monkeypatch):
    db = tmp_path / "story.sqlite"
    match = cli(db, capsys, "match", "add", "--home", "England", "--away", "France",
                "--date", "2022-12-10", "--kickoff", "20:00", "--competition",
                "FIFA World Cup", "--stage", "Quarter-final",
                "--venue", "Al Bayt Stadium")  # fmt: skip
    match_id = match.strip()
    for team, squad in (("England", ENGLAND), ("France", FRANCE)):
        cli(db, capsys, "lineup", match_id, "--team", team, stdin=squad, monkeypatch=monkeypatch)
    for line in LINES:
        cli(db, capsys, "log", "--match", match_id, line)
        if line.startswith("78 goal Kane"):
            cli(db, capsys, "undo")  # the wrong scorer goes, and nothing else
    story = json.loads(cli(db, capsys, "show", match_id, "--json"))
    miss = next(m for m in story["moments"] if m["kind"] == "penalty_missed")
    assert miss["minute"] == "48'"
    cli(db, capsys, "moment", "edit", str(miss["id"]), "--minute", "84")
    cli(db, capsys, "quote", "add", "--match", match_id, "--speaker", "Kane", KANE,
        "--context", "post-match-interview", "--moment", str(miss["id"]))  # fmt: skip
    cli(db, capsys, "quote", "add", "--match", match_id, "--speaker", "Southgate", SOUTHGATE,
        "--context", "press-conference", "--place", "Al Bayt Stadium")  # fmt: skip
    note = "Southgate went straight to console Kane at the final whistle."
    cli(db, capsys, "note", "add", "--match", match_id, note)

    story = json.loads(cli(db, capsys, "show", match_id, "--json"))
    assert story["score"] == {"home": 1, "away": 2}
    assert story["half_time"] == {"home": 0, "away": 1}
    assert [(m["minute"], m["kind"], m["player"], m["related_player"]) for m in story["moments"]
            if m["kind"] != "substitution"] == [
        ("17'", "goal", "Aurélien Tchouaméni", "Antoine Griezmann"),
        ("43'", "yellow", "Antoine Griezmann", None),
        ("54'", "penalty_goal", "Harry Kane", "Bukayo Saka"),
        ("78'", "goal", "Olivier Giroud", "Antoine Griezmann"),
        ("82'", "yellow", "Theo Hernández", "Mason Mount"),
        ("84'", "penalty_missed", "Harry Kane", "Mason Mount"),
    ]  # fmt: skip
    subs = [(m["minute"], m["player"], m["related_player"]) for m in story["moments"]
            if m["kind"] == "substitution"]  # fmt: skip
    assert subs == [("79'", "Mason Mount", "Jordan Henderson"),
                    ("79'", "Raheem Sterling", "Bukayo Saka"),
                    ("85'", "Marcus Rashford", "Phil Foden")]  # fmt: skip
    home = {e["name"]: e for e in story["lineups"]["home"]}
    away = {e["name"]: e for e in story["lineups"]["away"]}
    assert (home["Harry Kane"]["shirt_number"], home["Harry Kane"]["captain"]) == (9, True)
    assert home["Mason Mount"]["role"] == "substitute"
    assert home["Gareth Southgate"]["role"] == "manager"
    assert away["Didier Deschamps"]["role"] == "manager" and away["Hugo Lloris"]["captain"]
    assert len(home) == 15 and len(away) == 13  # nobody added by a mistyped name
    quotes = {(q["speaker"], q["context"]) for q in story["quotes"]}
    assert quotes == {("Harry Kane", "post_match_interview"),
                      ("Gareth Southgate", "press_conference")}  # fmt: skip
    assert story["notes"] == [note]

    pdf = tmp_path / "desk.pdf"
    cli(db, capsys, "export", "pdf", "--match", match_id, "-o", str(pdf))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    for fact in ("England", "France", "1–2", "Quarter-final", "Al Bayt Stadium",
                 "Aurélien Tchouaméni", "Harry Kane", "Olivier Giroud", "Theo Hernández",
                 "Mason Mount", "Gareth Southgate", "Didier Deschamps", "over the bar",
                 "84'", "54'", "78'", "17'", KANE, note):  # fmt: skip
        assert fact in text, fact
    assert "48'" not in text
