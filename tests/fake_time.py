"""A clock that stands still until a test moves it, and the services that read it."""

import dataclasses
import datetime as dt

from matchnotes.services import Services
from matchnotes.services.clock import ClockService
from matchnotes.services.quick_entry import QuickEntryService

T0 = dt.datetime(2022, 12, 10, 19, 0, tzinfo=dt.UTC)


class FakeTime:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now

    def at(self, minutes: float) -> dt.datetime:
        """Move to ``minutes`` after T0 (19:00 UTC)."""
        self.now = T0 + dt.timedelta(seconds=minutes * 60)
        return self.now


def on_time(services: Services, time: FakeTime, tz: dt.tzinfo | None = None) -> Services:
    """The same services, with the clock and the quick entry reading ``time``."""
    engine = services.engine
    return dataclasses.replace(
        services,
        clock=ClockService(engine, now=time),
        quick_entry=QuickEntryService(engine, now=time, tz=tz),
    )
