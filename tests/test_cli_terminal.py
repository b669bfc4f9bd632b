"""User text printed by the CLI never drives the terminal (escape sequences shown, not run)."""

import json
import sqlite3

import pytest

from matchnotes.cli import run
from matchnotes.db.database import open_database
from matchnotes.services import Services
from matchnotes.terminal import printable

TITLE = "\x1b]0;pwned\x07"  # OSC: would set the terminal's title
CLEAR = "\x1b[2J\x9b31m"  # CSI (7-bit and the 8-bit C1 form): clear screen, red


@pytest.fixture
def hostile_db(tmp_path):
    path = tmp_path / "hostile.sqlite"
    assert run(["demo", "--db", str(path)]) == 0
    db = open_database(path)
    try:
        Services.create(db.engine).notes.add("placeholder", match_id=1)
    finally:
        db.close()
    # Written as another program (or an older version) might have: no cleaning on the way in.
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE note SET text = ?", (f"note {TITLE} and {CLEAR}\ttab\nsecond line",))
        conn.execute("UPDATE team SET name = ? WHERE name = 'England'", (f"Eng{TITLE}land",))
    conn.close()
    return path


def _raw_controls(text: str) -> set[str]:
    return {c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F}


def test_printable_shows_controls_and_keeps_lines_and_tabs():
    assert printable("a\x1b[2Jb\x07\x9bc\td\ne\x7f") == "a␛[2Jb␇\\x9bc\td\ne␡"
    assert printable("Mbappé ⚽ 😀") == "Mbappé ⚽ 😀"


def test_text_output_shows_escapes_harmlessly(hostile_db, capsys):
    capsys.readouterr()
    assert run(["show", "1", "--db", str(hostile_db)]) == 0
    assert run(["matches", "--db", str(hostile_db)]) == 0
    out = capsys.readouterr().out
    assert _raw_controls(out) == set()
    assert "note ␛]0;pwned␇ and ␛[2J\\x9b31m\ttab" in out and "Eng␛]0;pwned␇land" in out


def test_json_output_keeps_the_text_exactly(hostile_db, capsys):
    capsys.readouterr()
    assert run(["show", "1", "--json", "--db", str(hostile_db)]) == 0
    out = capsys.readouterr().out
    assert _raw_controls(out) == set()
    data = json.loads(out)
    assert data["home"] == f"Eng{TITLE}land"
    assert f"note {TITLE} and {CLEAR}\ttab\nsecond line" in data["notes"]


def test_error_messages_show_escapes_harmlessly(tmp_path, capsys):
    assert run(["backups", "--db", str(tmp_path / f"{TITLE}.sqlite")]) == 1
    err = capsys.readouterr().err
    assert _raw_controls(err) == set() and "␛]0;pwned␇" in err
