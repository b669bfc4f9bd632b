"""Use cases, one module per subject. No Qt here; each call owns its own Session.

``Services`` bundles them for the composition root (app.py, cli.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from matchnotes.services.catalog import CatalogService
    from matchnotes.services.clock import ClockService
    from matchnotes.services.competitions import CompetitionService
    from matchnotes.services.diary import DiaryService
    from matchnotes.services.diary_stats import DiaryStatsService
    from matchnotes.services.draft import DraftService
    from matchnotes.services.history import HistoryService
    from matchnotes.services.imports import ImportService
    from matchnotes.services.lineups import LineupService
    from matchnotes.services.matches import MatchService
    from matchnotes.services.moments import MomentService
    from matchnotes.services.notes import NoteService
    from matchnotes.services.people import PeopleService
    from matchnotes.services.photos import PhotoService
    from matchnotes.services.quick_entry import QuickEntryService
    from matchnotes.services.quotes import QuoteService
    from matchnotes.services.search import SearchService


@dataclass(frozen=True)
class Services:
    engine: Engine
    catalog: CatalogService
    competitions: CompetitionService
    matches: MatchService
    people: PeopleService
    lineups: LineupService
    moments: MomentService
    quotes: QuoteService
    notes: NoteService
    photos: PhotoService
    history: HistoryService
    clock: ClockService
    quick_entry: QuickEntryService
    imports: ImportService
    search: SearchService
    draft: DraftService
    diary: DiaryService
    diary_stats: DiaryStatsService

    def release_connections(self) -> None:
        """Close every pooled connection (before a restore replaces the file); the next
        call opens fresh ones."""
        self.engine.dispose()

    @classmethod
    def create(cls, engine: Engine) -> Services:
        # Imported here, not at the top: the window imports this package for the type
        # and paints before SQLAlchemy and the service modules have loaded.

        from matchnotes.services.catalog import CatalogService
        from matchnotes.services.clock import ClockService
        from matchnotes.services.competitions import CompetitionService
        from matchnotes.services.diary import DiaryService
        from matchnotes.services.diary_stats import DiaryStatsService
        from matchnotes.services.draft import DraftService
        from matchnotes.services.history import HistoryService
        from matchnotes.services.imports import ImportService
        from matchnotes.services.lineups import LineupService
        from matchnotes.services.matches import MatchService
        from matchnotes.services.moments import MomentService
        from matchnotes.services.notes import NoteService
        from matchnotes.services.people import PeopleService
        from matchnotes.services.photos import PhotoService
        from matchnotes.services.quick_entry import QuickEntryService
        from matchnotes.services.quotes import QuoteService
        from matchnotes.services.search import SearchService

        return cls(
            engine=engine,
            catalog=CatalogService(engine),
            competitions=CompetitionService(engine),
            matches=MatchService(engine),
            people=PeopleService(engine),
            lineups=LineupService(engine),
            moments=MomentService(engine),
            quotes=QuoteService(engine),
            notes=NoteService(engine),
            photos=PhotoService(engine),
            history=HistoryService(engine),
            clock=ClockService(engine),
            quick_entry=QuickEntryService(engine),
            imports=ImportService(engine),
            search=SearchService(engine),
            draft=DraftService(engine),
            diary=DiaryService(engine),
            diary_stats=DiaryStatsService(engine),
        )
