"""Regenerate the README screenshots from the demo database (offscreen, no display needed).

QT_QPA_PLATFORM=offscreen python docs/screenshots/make_screenshots.py
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent


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
    shot("match-moments")
    page.tabs.setCurrentIndex(1)
    shot("match-lineups")
    kane = services.people.find("Harry Kane")[0]
    window.open_person(kane.id)
    shot("person")
    window.tabs.setCurrentWidget(window.quotes_view)
    shot("quotes")
    window.tabs.setCurrentWidget(window.diary_view)
    shot("diary")
    window.open_search()
    with_results = window.search_view.searched
    window.search_view.set_query("kane pen")
    loop = QEventLoop()
    with_results.connect(loop.quit)
    QTimer.singleShot(10_000, loop.quit)
    loop.exec()
    shot("search")
    dialog = window.actions_.edit_match(page.match_id)
    app.processEvents()
    dialog.grab().save(str(HERE / "match-dialog.png"))
    dialog.reject()
    apply_theme(app, "dark")
    window.tabs.setCurrentWidget(page)
    page.tabs.setCurrentIndex(0)
    shot("match-moments-dark")
    apply_theme(app, "light")
    window.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
