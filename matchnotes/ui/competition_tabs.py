"""Competition pages in the main window's tabs: one tab a competition, read on a worker
(a season of a long league is hundreds of matches), refreshed after a change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matchnotes.ui.main_window import MainWindow
    from matchnotes.ui.views.competition_page import CompetitionPageView


def competition_page(widget: Any) -> CompetitionPageView | None:
    return widget if getattr(widget, "page_kind", None) == "competition" else None


def open_competition(window: MainWindow, competition_id: int) -> CompetitionPageView | None:
    """Bring the competition's tab forward, or open one and read its newest season."""
    tabs = window.tabs
    for index in range(tabs.count()):
        page = competition_page(tabs.widget(index))
        if page is not None and page.competition_id == competition_id:
            tabs.setCurrentIndex(index)
            return page
    if window.services is None:
        return None
    from matchnotes.ui.views.competition_page import CompetitionPageView

    page = CompetitionPageView(competition_id)
    page.match_activated.connect(window.open_match)
    page.person_activated.connect(window.open_person)
    page.season_requested.connect(lambda season: load_competition(window, page, season))
    page.show_matches_requested.connect(window.show_competition_matches)
    tabs.setCurrentIndex(tabs.addTab(page, page.title()))
    load_competition(window, page)
    return page


def load_competition(
    window: MainWindow, page: CompetitionPageView, season: str | None = None
) -> None:
    """Read the page (the season shown, unless another is asked for) on a worker; the tab
    keeps what it shows until the new page arrives."""
    from matchnotes.ui.workers import BackgroundOp

    if window.services is None:
        return
    competitions, ident = window.services.competitions, page.competition_id
    wanted = season if season is not None else (page.page.season if page.page else None)

    def arrived(result: object) -> None:
        index = window.tabs.indexOf(page)
        if index >= 0:  # not closed meanwhile
            page.show_page(result)  # type: ignore[arg-type]
            window.tabs.setTabText(index, page.title())

    def failed(message: str) -> None:  # deleted meanwhile (e.g. by an undo)
        window.statusBar().showMessage(message, 8000)
        index = window.tabs.indexOf(page)
        if index >= 0:
            window.tabs.removeTab(index)
            page.deleteLater()

    BackgroundOp(page, lambda _progress: competitions.page(ident, wanted)).on_success(
        arrived
    ).on_failure(failed).run()
