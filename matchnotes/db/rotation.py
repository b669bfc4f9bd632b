"""Which backups to keep: the last 10, one per day for a week, one per week for two months.

The policy, exactly (all times local, from the backup's file name):

1. the 10 newest backups, however old;
2. for each of the last 7 calendar days (today and the 6 before it), the newest
   backup made that day;
3. for each calendar week (Monday to Sunday) that has backups made in the last
   61 days ("two months"), the newest of those backups.

Everything else in the backup folder that is named like a backup is deleted. Keeping
the *newest* of a day or a week makes the choice stable: once the day is over, its
survivor never changes, so a backup kept yesterday is not swapped for another today.

A backup is only rotated in after it was verified (db/backup.py), so a damaged
database can never push the last good backups out. Files not named like a backup are
never touched; a ``.partial`` left by a crash is removed once it is a day old (a
younger one may be another MatchNotes window writing its backup right now).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from matchnotes.db.backup import backup_dir_for, parse_backup_name

KEEP_LAST = 10
DAILY_FOR_DAYS = 7
WEEKLY_FOR_DAYS = 61
STALE_PARTIAL = dt.timedelta(days=1)


def backups_to_keep(made: Iterable[dt.datetime], now: dt.datetime) -> set[dt.datetime]:
    """The backup times the policy keeps, out of ``made`` (pure; for tests and the UI)."""
    newest_first = sorted(set(made), reverse=True)
    keep = set(newest_first[:KEEP_LAST])
    first_day = now.date() - dt.timedelta(days=DAILY_FOR_DAYS - 1)
    weekly_since = now - dt.timedelta(days=WEEKLY_FOR_DAYS)
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    for made_at in newest_first:  # newest first: the first seen of a day/week is its newest
        day = made_at.date()
        if first_day <= day <= now.date() and day not in days:
            days.add(day)
            keep.add(made_at)
        week = made_at.isocalendar()[:2]
        if made_at >= weekly_since and week not in weeks:
            weeks.add(week)
            keep.add(made_at)
    return keep


def rotate_backups(db_path: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups of ``db_path`` the policy does not keep; return what was deleted."""
    now = now or dt.datetime.now()
    folder = backup_dir_for(db_path)
    if not folder.is_dir():
        return []
    named = {}
    for path in folder.glob("*.sqlite"):
        name = parse_backup_name(path)
        if name is not None:
            named[path] = name.made_at
    keep = backups_to_keep(named.values(), now)
    deleted = [path for path, made_at in named.items() if made_at not in keep]
    for path in folder.glob("*.partial"):
        with contextlib.suppress(OSError):
            age = now - dt.datetime.fromtimestamp(path.stat().st_mtime)
            if age > STALE_PARTIAL:
                deleted.append(path)
    removed = []
    for path in sorted(deleted):
        with contextlib.suppress(OSError):  # another window may have rotated it already
            path.unlink()
            removed.append(path)
    return removed
