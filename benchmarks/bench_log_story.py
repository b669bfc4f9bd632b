"""Keystrokes and seconds to log the sample story from an empty database, by keys.

    python benchmarks/bench_log_story.py [--samples 100]

The story is tests/data/samples/kane-penalty-article.txt (England v France, 2022), as
the demo (resources/sample/england-france-2022.json) holds it. The real main window
runs offscreen on a new database file, and every key goes where Qt delivers a user's
keys (the name popup while it is up, else the focused widget), one key event a key:
Ctrl+N and the New match form, Ctrl+L and both line-ups typed into the line-up
editor, F2 and the story's lines in the quick-entry line, each ended by Enter.

Then, on that demo-sized database, the "Enter to shown in the list" latency: a line
is typed, and the time runs from the Enter key until its row is in the match page's
moments list and painted; Ctrl+Z takes it back, so the database stays the same size.
Figures go into BENCHMARKS.md by hand, with the date and the machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

DEMO = Path(__file__).resolve().parents[1] / "resources" / "sample" / "england-france-2022.json"
CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier

# The story as a reporter types it (the article's moments, the demo's details).
STORY = [
    "KO",
    "17 goal Tchouameni assist Griezmann low drive from 25 yards past Pickford",
    "43 yc Griezmann",
    "HT",
    "2H",
    "46 yc Dembele",
    "54 pen Kane won by Saka past his club team-mate Lloris; "
    "level with Wayne Rooney on 53 England goals",
    "78 goal Giroud (Griezmann) header from Griezmann's cross",
    "79 sub Mount for Henderson",
    "79 sub Sterling for Saka",
    "79 sub Coman for Dembele",
    "82 yc Hernandez foul on Mount brings down Mount in the box",
    "82 pen won by Mount second penalty for England after a VAR review",
    "84 pen miss Kane won by Mount over the bar",
    "85 sub Rashford for Foden",
    "90 yc Maguire",
    "90+8 sub Grealish for Stones",
    "FT",
]


def is_moment(line: str) -> bool:
    """Whether the line logs a moment (a row in the list): not a marker, not a quote."""
    return line not in ("KO", "HT", "2H", "FT") and not line.startswith("q ")


def quote_lines(demo: dict) -> list[str]:
    surname = {"Harry Kane": "Kane", "Gareth Southgate": "Southgate"}
    return [f"q {surname[q['speaker']]}: {q['text']}" for q in demo["quotes"]]


def team_sheet(team: dict) -> str:
    """A team's line-up as a team sheet gives it, one person a line."""

    def line(p: dict) -> str:
        return f"{p['number']} {p['name']}{' (c)' if p.get('captain') else ''} {p['position']}"

    starters = [line(p) for p in team["players"] if p.get("starter")]
    subs = [line(p) for p in team["players"] if not p.get("starter")]
    return "\n".join([*starters, "Substitutes:", *subs, f"Manager: {team['manager']['name']}"])


class Keys:
    """Key events where a user's keys go, counted: one key (with its modifiers) is one."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.count = 0

    @staticmethod
    def target():
        popup = QApplication.activePopupWidget()
        if popup is not None:
            return popup.focusWidget() or popup
        return QApplication.focusWidget()

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
        QTest.keyClick(self.target(), key, modifiers)
        self.count += 1

    def type(self, text: str) -> None:
        for char in text:
            if char == "\n":
                self.press(Qt.Key.Key_Return)
            elif char.isascii():
                QTest.keyClicks(self.target(), char)
                self.count += 1
            else:  # QTest.keyClicks takes ASCII only: an accented key is its own event
                try:
                    code = Qt.Key(ord(char.upper()))
                except ValueError:
                    code = Qt.Key.Key_unknown
                QTest.sendKeyEvent(QTest.KeyAction.Click, self.target(), code, char, NONE)
                self.count += 1

    def wait(self, done: Callable[[], bool], what: str, seconds: float = 10) -> None:
        end = time.monotonic() + seconds
        while not done():
            if time.monotonic() > end:
                raise SystemExit(f"gave up waiting for {what}")
            self.app.processEvents()


def new_match(keys: Keys, window, demo: dict) -> None:
    from matchnotes.ui.dialogs.form import FormDialog

    keys.wait(window.isActiveWindow, "the window")
    keys.press(Qt.Key.Key_N, CTRL)
    keys.wait(lambda: isinstance(QApplication.activeModalWidget(), FormDialog), "New match")
    form = QApplication.activeModalWidget()
    keys.wait(form.isActiveWindow, "the form's keys")
    m = demo["match"]
    for text in ("England", "France", m["date"], m["kickoff_time"], m["competition"]):
        keys.type(text)
        keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Return, CTRL)
    keys.wait(lambda: not form.isVisible(), "the form to close")
    keys.wait(window.isActiveWindow, "the window again")


def lineups(keys: Keys, window, demo: dict) -> None:
    from matchnotes.ui.dialogs.lineup_editor import LineupEditorDialog

    keys.press(Qt.Key.Key_L, CTRL)
    keys.wait(lambda: isinstance(QApplication.activeModalWidget(), LineupEditorDialog), "Ctrl+L")
    editor = QApplication.activeModalWidget()
    keys.wait(lambda: QApplication.focusWidget() is editor.home.editor, "the home pane")
    keys.type(team_sheet(demo["teams"][0]))
    keys.press(Qt.Key.Key_Tab)
    keys.type(team_sheet(demo["teams"][1]))
    keys.wait(editor.save_button.isEnabled, "a line-up fit to save")
    keys.press(Qt.Key.Key_Return, CTRL)
    keys.wait(lambda: not editor.isVisible(), "the editor to close")
    keys.wait(window.isActiveWindow, "the window again")


def log_line(keys: Keys, page, text: str) -> float:
    """Type a line and Enter; the milliseconds from Enter to its row on screen."""
    keys.type(text)
    moments = page.moments.model()
    before = moments.rowCount()
    began = time.perf_counter()
    keys.press(Qt.Key.Key_Return)
    if page.quick_entry.line.text():
        raise SystemExit(f"refused: {text!r}: {page.quick_entry.preview.text()}")
    keys.wait(lambda: moments.rowCount() != before or not is_moment(text), "the row")
    keys.app.processEvents()  # the paint of the new row
    return (time.perf_counter() - began) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=100)
    args = parser.parse_args()
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bench-story-cfg-")

    from matchnotes.app import create_application
    from matchnotes.db.database import open_database
    from matchnotes.services import Services
    from matchnotes.ui.main_window import MainWindow

    demo = json.loads(DEMO.read_text(encoding="utf-8"))
    app = create_application()
    path = Path(tempfile.mkdtemp(prefix="bench-story-")) / "story.sqlite"
    database = open_database(path)  # a new, empty file
    services = Services.create(database.engine)
    window = MainWindow(services, str(path))
    window.resize(1280, 800)
    window.show()
    keys = Keys(app)

    began = time.perf_counter()
    new_match(keys, window, demo)
    form_keys, form_seconds = keys.count, time.perf_counter() - began
    lineups(keys, window, demo)
    lineup_keys = keys.count - form_keys
    lineup_seconds = time.perf_counter() - began - form_seconds
    page = window.tabs.currentWidget()
    lines = STORY + quote_lines(demo)
    story_began, story_keys = time.perf_counter(), keys.count
    keys.press(Qt.Key.Key_F2)
    story_latency = []
    for text in lines:
        ms = log_line(keys, page, text)
        if is_moment(text):  # a new row in the list (markers and quotes make none)
            story_latency.append(ms)
    story_seconds = time.perf_counter() - story_began
    story_keys = keys.count - story_keys
    total_seconds = time.perf_counter() - began
    total_keys = keys.count

    detail = services.matches.get_match(page.match_id)
    assert str(detail.summary.score) == "1–2", detail.summary.score
    kinds = [(str(m.minute), m.kind.value, m.player) for m in detail.moments]
    assert kinds == [(f"{m['minute']}'", m["kind"], m["player"]) for m in demo["moments"]], kinds
    assert len(detail.quotes) == len(demo["quotes"]) and len(detail.lineups) == 39

    # Enter to shown, on the demo-sized database: each line taken back by Ctrl+Z.
    players = ["Rice", "Bellingham", "Shaw", "Walker", "Rabiot", "Upamecano", "Kounde"]
    latency = []
    for i in range(args.samples):
        latency.append(log_line(keys, page, f"{1 + i % 90} chance {players[i % len(players)]}"))
        keys.press(Qt.Key.Key_Z, CTRL)
    assert len(services.matches.get_match(page.match_id).moments) == len(demo["moments"])
    database.close()

    def p95(values: list[float]) -> float:
        return sorted(values)[int(len(values) * 0.95)]

    per_key = story_seconds / story_keys * 1000
    print(f"Sample story from an empty database ({len(lines)} quick-entry lines), offscreen:")
    print(f"  keystrokes: {total_keys} in all: New match form {form_keys}, "
          f"line-ups typed {lineup_keys}, story lines {story_keys}")  # fmt: skip
    print(f"  seconds: {total_seconds:.1f} wall in all: form {form_seconds:.1f}, "
          f"line-ups {lineup_seconds:.1f}, story lines {story_seconds:.1f} "
          f"({story_seconds / len(lines):.2f} s a line, {per_key:.0f} ms a key, "
          "typing at machine speed)")  # fmt: skip
    print(
        f"  Enter to shown, the story's moment lines (n={len(story_latency)}): median "
        f"{statistics.median(story_latency):.0f} ms, p95 {p95(story_latency):.0f} ms"
    )
    print(f"  Enter to shown, demo-sized database (n={len(latency)}, each undone by Ctrl+Z): "
          f"median {statistics.median(latency):.0f} ms, p95 {p95(latency):.0f} ms, "
          f"worst {max(latency):.0f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
