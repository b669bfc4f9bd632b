"""The rotation policy with fake timestamps: the last 10, one a day for a week, one a
week for two months; and the files it deletes (only backups, never the rest)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from matchnotes.db.backup import backup_dir_for
from matchnotes.db.rotation import backups_to_keep, rotate_backups

NOW = dt.datetime(2025, 6, 30, 12, 0)  # a Monday
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


def test_up_to_ten_backups_are_all_kept() -> None:
    made = [NOW - n * 300 * DAY for n in range(10)]
    assert backups_to_keep(made, NOW) == set(made)


def test_a_busy_day_keeps_its_ten_newest() -> None:
    made = [NOW - n * dt.timedelta(minutes=10) for n in range(30)]
    assert backups_to_keep(made, NOW) == set(made[:10])


def test_one_backup_a_day_for_a_hundred_days() -> None:
    made = [NOW - n * DAY for n in range(101)]
    sundays = [(5, 4), (5, 11), (5, 18), (5, 25), (6, 1), (6, 8), (6, 15)]  # back to 30 April
    weekly = {dt.datetime(2025, month, day, 12) for month, day in sundays}
    last_ten = set(made[:10])  # 21 to 30 June, with the week's newest of 22 and 29 June
    assert backups_to_keep(made, NOW) == last_ten | weekly


def test_hourly_backups_keep_each_days_last_of_the_week() -> None:
    made = [NOW - n * HOUR for n in range(20 * 24)]
    kept = backups_to_keep(made, NOW)
    last_of_day = {dt.datetime(2025, 6, d, 23) for d in range(24, 30)}  # 24–29 June
    sunday_before = {dt.datetime(2025, 6, 22, 23), dt.datetime(2025, 6, 15, 23)}
    assert kept == set(made[:10]) | last_of_day | sunday_before


times = st.datetimes(min_value=dt.datetime(2024, 12, 1), max_value=NOW)


@given(st.lists(times, max_size=60), st.lists(st.integers(1, 600 * 60), max_size=20))
def test_policy_properties(old: list[dt.datetime], new: list[int]) -> None:
    kept = backups_to_keep(old, NOW)
    assert kept <= set(old)
    assert set(sorted(set(old), reverse=True)[:10]) <= kept
    for made_at in old:
        same_day = {k for k in kept if k.date() == made_at.date()}
        same_week = {k for k in kept if k.isocalendar()[:2] == made_at.isocalendar()[:2]}
        if (NOW.date() - made_at.date()).days < 7:
            assert same_day, "each of the last 7 days keeps one"
        if NOW - made_at <= dt.timedelta(days=61):
            assert same_week, "each week of the last two months keeps one"
    assert backups_to_keep(kept, NOW) == kept, "rotating again deletes nothing more"
    # Later, with newer backups: nothing already deleted would have been needed.
    newer = [NOW + minutes * dt.timedelta(minutes=1) for minutes in new]
    later = max(newer, default=NOW)
    assert backups_to_keep(kept | set(newer), later) == backups_to_keep(
        set(old) | set(newer), later
    )


def _touch(folder: Path, name: str, age: dt.timedelta = dt.timedelta()) -> Path:
    path = folder / name
    path.write_bytes(b"")
    stamp = (NOW - age).timestamp()
    os.utime(path, (stamp, stamp))
    return path


def test_rotation_deletes_only_backups_and_stale_partials(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite"
    folder = backup_dir_for(db)
    folder.mkdir()
    made = [NOW - n * 7 * DAY for n in range(15)]  # one a week for 15 weeks
    backups = [_touch(folder, f"notes-{t:%Y%m%d-%H%M%S-%f}-auto.sqlite") for t in made]
    others = [
        _touch(folder, "notes-not-a-date-auto.sqlite"),
        _touch(folder, "readme.txt"),
        _touch(folder, "notes-20250630-115900-000000-auto.sqlite.partial", 2 * HOUR),
    ]
    stale = _touch(folder, "notes-20250601-000000-000000-auto.sqlite.partial", 2 * DAY)
    deleted = rotate_backups(db, NOW)
    expected = backups[10:]  # the 10 newest stay; older ones are 70+ days old
    assert sorted(deleted) == sorted([*expected, stale])
    assert all(p.exists() for p in others)
    assert rotate_backups(tmp_path / "no-backups-yet.sqlite", NOW) == []
