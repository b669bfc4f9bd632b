"""A person: profile, tallies per team, and every match, moment and quote of theirs."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from matchnotes.labels import ROLE_LABELS
from matchnotes.services.views import MatchSummary, MomentView, PersonPage, TeamTally
from matchnotes.ui.models.columns import MATCH_COLUMNS, MOMENT_COLUMNS, QUOTE_COLUMNS
from matchnotes.ui.models.table_model import Column, ReadModelTable
from matchnotes.ui.widgets.table import ReadModelTableView

TALLY_COLUMNS: list[Column[TeamTally]] = [
    Column("Team", lambda t: t.team, stretch=True),
    # Caps before the database not known: the logged ones are a floor, not the total.
    Column("Apps", lambda t: f"{t.appearances}" if t.caps_known else f"{t.appearances}+?"),
    Column("Starts", lambda t: str(t.starts)),
    Column("Goals", lambda t: str(t.goals)),
    Column("Pens scored", lambda t: str(t.penalties_scored)),
    Column("Pens missed", lambda t: str(t.penalties_missed)),
    Column("Assists", lambda t: str(t.assists)),
    Column("Yellow", lambda t: str(t.yellow_cards)),
    Column("Red", lambda t: str(t.red_cards)),
    Column(
        "Counts",
        lambda t: (
            f"baseline to {t.baseline_as_of:%Y-%m-%d} + logged" if t.baseline_as_of else "logged"
        ),
    ),
]


def person_moment_columns(matches: dict[int, MatchSummary]) -> list[Column[MomentView]]:
    """On a person's page, the career timeline: each moment says which match it was in."""

    def match_text(m: MomentView) -> str:
        s = matches.get(m.match_id)
        return f"{s.date:%Y-%m-%d} {s.title}" if s else ""

    def date_key(m: MomentView) -> tuple[str, int]:
        s = matches.get(m.match_id)
        return (s.date.isoformat() if s else "", m.minute.sort_key)

    return [Column("Match", match_text, sort=date_key), *MOMENT_COLUMNS]


class PersonPageView(QWidget):
    page_kind = "person"  # see MatchPage.page_kind
    match_activated = Signal(int)

    def __init__(self, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person_id = person_id
        self.page: PersonPage | None = None
        self.header = QLabel("<p>Reading their matches…</p>")  # until show_page
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.tallies = ReadModelTableView(ReadModelTable(TALLY_COLUMNS), sortable=False)
        self.matches = ReadModelTableView(ReadModelTable(MATCH_COLUMNS))
        self._matches: dict[int, MatchSummary] = {}
        self.moments = ReadModelTableView(
            ReadModelTable(person_moment_columns(self._matches)), sortable=False
        )
        self.quotes = ReadModelTableView(ReadModelTable(QUOTE_COLUMNS))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.matches, "Matches")
        self.tabs.addTab(self.moments, "Moments")
        self.tabs.addTab(self.quotes, "Quotes")
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tallies)
        layout.addWidget(self.tabs, 1)
        self.matches.activated.connect(self._on_matches_activated)
        self.moments.activated.connect(self._on_moments_activated)
        self.quotes.activated.connect(self._on_quotes_activated)

    def show_page(self, page: PersonPage) -> None:
        self.page = page
        p = page.person
        facts = [ROLE_LABELS[p.role]]
        facts += [x for x in (p.position, p.nationality, p.club) if x]
        if p.shirt_number is not None:
            facts.append(f"#{p.shirt_number}")
        if p.date_of_birth:
            facts.append(f"born {p.date_of_birth:%d %B %Y}")
        self.header.setText(
            f"<h2 style='margin:0'>{escape(p.name)}</h2><p>{escape(' · '.join(facts))}</p>"
        )
        self._matches.clear()
        self._matches.update({s.id: s for s in page.matches})
        self.tallies.source.set_rows(page.tallies)
        self.matches.source.set_rows(page.matches)
        self.moments.source.set_rows(page.moments)
        self.quotes.source.set_rows(page.quotes)
        for table in (self.tallies, self.matches, self.moments):
            table.fit_columns()
        rows = max(1, len(page.tallies))  # the tallies table is as tall as its rows
        self.tallies.setFixedHeight(
            self.tallies.horizontalHeader().height()
            + rows * self.tallies.verticalHeader().defaultSectionSize()
            + 4
        )

    def title(self) -> str:
        return self.page.person.name if self.page else "Person"

    def _on_matches_activated(self, index: object) -> None:
        ident = self.matches.id_at(index)  # type: ignore[arg-type]
        if ident is not None:
            self.match_activated.emit(ident)

    def _on_moments_activated(self, index: object) -> None:
        moment = self.moments.row_at_index(index)  # type: ignore[arg-type]
        if moment is not None:
            self.match_activated.emit(moment.match_id)

    def _on_quotes_activated(self, index: object) -> None:
        quote = self.quotes.row_at_index(index)  # type: ignore[arg-type]
        if quote is not None:
            self.match_activated.emit(quote.match_id)
