"""Regenerate the README screenshots from the demo database (offscreen, no display needed).

QT_QPA_PLATFORM=offscreen python docs/screenshots/make_screenshots.py
"""

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent


def wait_until(done: Callable[[], bool], timeout: float = 20.0) -> None:
    """Let the event loop run until ``done``: pages, tabs and forms fill in from workers."""
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the screen never filled in")
        QApplication.processEvents()
        time.sleep(0.01)


def main() -> int:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from matchnotes.app import create_application
    from matchnotes.cli import make_demo_database
    from matchnotes.db.database import open_database
    from matchnotes.services import Services
    from matchnotes.ui.main_window import MainWindow
    from matchnotes.ui.theme import apply_theme

    app = create_application()
    QSettings().clear()
    apply_theme(app, "light")
    db = open_database(make_demo_database())
    services = Services.create(db.engine)
    window = MainWindow(services, "demo.sqlite", demo=True)
    window.resize(1200, 720)
    window.show()

    def shot(name: str) -> None:
        app.processEvents()
        window.grab().save(str(HERE / f"{name}.png"))

    shot("matches")
    page = window.open_match(services.matches.list_matches()[0].id)
    assert page is not None
    wait_until(page.is_open)  # read on a worker
    shot("match-moments")
    page.tabs.setCurrentIndex(1)
    shot("match-lineups")
    kane = services.people.find("Harry Kane")[0]
    person = window.open_person(kane.id)
    wait_until(lambda: person.page is not None)
    shot("person")
    quotes = window.quotes_view
    window.tabs.setCurrentWidget(quotes)
    wait_until(lambda: quotes.table.model().rowCount() > 0 and not quotes.model.loading)
    shot("quotes")
    wait_for(window.diary_view.loaded, lambda: window.tabs.setCurrentWidget(window.diary_view))
    shot("diary")  # the demo match: marked watched in the sample
    add_seen(app, window, "add-seen-dialog")
    window.open_search()
    with_results = window.search_view.searched
    window.search_view.set_query("kane pen")
    loop = QEventLoop()
    with_results.connect(loop.quit)
    QTimer.singleShot(10_000, loop.quit)
    loop.exec()
    shot("search")
    forms(app, window, page.match_id, "")
    lineup_editor(app, window, page.match_id, "lineup-editor")
    draft_tab(app, window, page, "draft-tab")
    photos(app, window, services, page.match_id)
    fan_pages(app, window, services)
    apply_theme(app, "dark")
    window.tabs.setCurrentWidget(page)
    page.tabs.setCurrentIndex(0)
    shot("match-moments-dark")
    forms(app, window, page.match_id, "-dark")
    lineup_editor(app, window, page.match_id, "lineup-editor-dark")
    draft_tab(app, window, page, "draft-tab-dark")
    apply_theme(app, "light")
    window.close()
    db.close()
    return 0


def wait_for(signal, start) -> None:  # type: ignore[no-untyped-def]
    """Run ``start`` and wait (at most ten seconds) for ``signal``: work on a worker."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(10_000, loop.quit)
    start()
    loop.exec()


def add_seen(app, window, name: str) -> None:  # type: ignore[no-untyped-def]
    """Add a match I saw: the archive searched for the teams typed, the match found."""
    from PySide6.QtCore import QEventLoop, QTimer

    dialog = window.seen_actions.add_seen()
    app.processEvents()
    dialog.home.setText("France")
    dialog.away.setText("eng")
    dialog.date.setText("2022-12-09")
    dialog.home.completer().popup().hide()
    loop = QEventLoop()
    QTimer.singleShot(10_000, loop.quit)
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: dialog.results.count() and loop.quit())
    timer.start()
    loop.exec()
    timer.stop()
    app.processEvents()
    dialog.grab().save(str(HERE / f"{name}.png"))
    dialog.discard()


def forms(app, window, match_id: int, suffix: str) -> None:
    """The New match and Add quote forms as a user sees them half-way through typing."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    def grab(name: str) -> None:
        dialog = window.actions_.dialog
        app.processEvents()
        dialog.grab().save(str(HERE / f"{name}{suffix}.png"))
        dialog.discard()

    window.actions_.new_match()
    dialog = window.actions_.dialog
    wait_until(lambda: dialog.reads_pending == 0)  # the names it completes
    for field, text in ((dialog.home, "Argentina"), (dialog.away, "France"),
                        (dialog.kickoff, "18:00"), (dialog.competition, "FIFA World Cup"),
                        (dialog.venue, "Lusail Stadium")):  # fmt: skip
        field.setText(text)
    dialog.date.selectAll()
    QTest.keyClicks(dialog.date, "2022-12-18")
    dialog.stage.setCurrentText("Final")
    dialog.home.completer().popup().hide()
    dialog.date.setFocus(Qt.FocusReason.TabFocusReason)
    grab("match-dialog")
    window.actions_.add_quote(match_id)
    dialog = window.actions_.dialog
    wait_until(lambda: dialog.reads_pending == 0)
    dialog.speaker.setText("Gareth Southgate")
    dialog.speaker.completer().popup().hide()
    dialog.text.setPlainText(
        "I think we've been the better team over the 90 minutes, and it's a moment "
        "of fine margins that has decided it."
    )
    dialog.place.setText("Al Bayt Stadium, press room")
    dialog.text.setFocus()
    grab("quote-dialog")


def lineup_editor(app, window, match_id: int, name: str) -> None:  # type: ignore[no-untyped-def]
    """The line-up editor on the demo match, with a new player and a line to fix typed in."""
    dialog = window.actions_.edit_lineups(match_id)
    dialog.resize(1200, 760)
    wait_until(lambda: dialog.ready)  # the stored line-ups, read on a worker
    dialog.away.editor.appendPlainText("25 Eduardo Camavinga MF\n10 Randal Kolo Muani")
    dialog.recheck()
    for _ in range(3):  # layout, then the preview scrolls to the line to fix
        app.processEvents()
    dialog.grab().save(str(HERE / f"{name}.png"))
    dialog.done(0)  # close without the "discard changes?" question: nothing was saved


def draft_tab(app, window, page, name: str) -> None:  # type: ignore[no-untyped-def]
    """The Draft tab, the milestone sentence clicked (its penalty selected on the timeline)."""
    window.resize(1200, 900)
    window.tabs.setCurrentWidget(page)
    page.tabs.setCurrentWidget(page.draft)
    page.draft.reload()
    row = next(
        i for i in range(page.draft.sentences.count())
        if page.draft.sentences.item(i).text().startswith("It was Kane")
    )  # fmt: skip
    page.draft.sentences.setCurrentRow(row)
    for _ in range(3):
        app.processEvents()
    window.grab().save(str(HERE / f"{name}.png"))
    window.resize(1200, 720)


def photos(app, window, services, match_id: int) -> None:  # type: ignore[no-untyped-def]
    """Match ▸ Photos and tickets: two drawn "photos" and a ticket, downscaled and kept."""
    import tempfile

    from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter

    from matchnotes.enums import PhotoKind
    from matchnotes.ui.dialogs.photos_dialog import PhotosDialog
    from matchnotes.ui.photo_scaling import scale_picture

    folder = Path(tempfile.mkdtemp())
    pictures = (
        ("#1f4e8c", "#c0392b", "Al Bayt Stadium", PhotoKind.PHOTO, "Our view from block 112"),
        ("#2e8b57", "#e8e8e8", "Kick-off", PhotoKind.PHOTO, None),
        ("#fafafa", "#cfcfcf", "TICKET  Cat 1  Block 112  Row F", PhotoKind.TICKET, None),
    )
    for n, (top, bottom, words, kind, caption) in enumerate(pictures):
        image = QImage(3000, 2000 if kind is PhotoKind.PHOTO else 1100, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        gradient = QLinearGradient(0, 0, image.width(), image.height())
        gradient.setColorAt(0, QColor(top))
        gradient.setColorAt(1, QColor(bottom))
        painter.fillRect(image.rect(), gradient)
        font = QFont()
        font.setPixelSize(170)
        painter.setFont(font)
        painter.drawText(150, image.height() // 2, words)
        painter.end()
        path = folder / f"picture-{n}.jpg"
        image.save(str(path))
        services.photos.add(match_id, scale_picture(path), kind=kind, caption=caption,
                            original_path=str(path))  # fmt: skip
    dialog = PhotosDialog(services, match_id, "England 1–2 France", window)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(HERE / "photos.png"))
    dialog.close()


def fan_pages(app, window, services) -> None:  # type: ignore[no-untyped-def]
    """The World Cup imported beside the demo: its competition page (tables, bracket), and
    the diary's statistics with a few of its matches marked seen."""
    import datetime as dt

    from matchnotes.enums import Attendance
    from matchnotes.ui.competition_tabs import open_competition

    services.imports.import_file(HERE.parent.parent / "tests/data/openfootball/worldcup-2022.json")
    summaries = services.matches.list_matches()
    seen = [
        s for s in summaries if s.date <= dt.date(2022, 12, 18) and "England" in (s.home, s.away)
    ]
    for s in seen[:4]:
        services.diary.set_seen(s.id, Attendance.ATTENDED, None, 8)
    window.refresh()
    competition = next(c for c in services.catalog.competitions() if c.name == "FIFA World Cup")
    page = open_competition(window, competition.id)
    wait_until(lambda: page.page is not None)
    for _ in range(3):  # the tables just added are laid out
        app.processEvents()
    window.grab().save(str(HERE / "competition-tables.png"))
    page.tabs.setCurrentIndex(1)
    app.processEvents()
    window.grab().save(str(HERE / "competition-bracket.png"))
    window.tabs.setCurrentWidget(window.diary_view)
    window.diary_view.sections.setCurrentIndex(1)
    stats = window.diary_view.stats
    wait_until(lambda: stats.figures is not None)
    stats.team.setCurrentIndex(max(0, stats.team.findText("England")))
    before = stats.figures
    stats.reload()
    wait_until(lambda: stats.figures is not before)
    app.processEvents()
    window.grab().save(str(HERE / "diary-stats.png"))
    window.diary_view.sections.setCurrentIndex(0)


if __name__ == "__main__":
    sys.exit(main())
