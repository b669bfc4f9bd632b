"""A match's moments as SportsCode XML: the timeline format of Hudl SportsCode, which
analysts' tools (kloppy among them) read, so a reporter's log can sit beside event data.

Pure: returns text. Each moment is an ``instance`` whose ``code`` is its kind and whose
labels carry the team, player, minute and period. Times are seconds on one continuous
match timeline, as a video of the match would have them: each period starts where the
previous one ended, and a period lasts its regular length plus the longest stoppage
time logged in it. A moment spans the minute it happened in (17' is 16:00–17:00 on the
first half's clock); shoot-out kicks follow each other a minute apart.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from matchnotes.enums import Period
from matchnotes.labels import KIND_LABELS
from matchnotes.minutes import PERIOD_RANGES, Minute
from matchnotes.services.inputs import RELATED_ROLE
from matchnotes.services.views import MatchDetail, MomentView

# The first minute of each timed period: minute 1 is 0:00-1:00 on the first half's clock.
_FIRST_MINUTE = {
    Period.FIRST_HALF: 1,
    Period.SECOND_HALF: 46,
    Period.EXTRA_FIRST: 91,
    Period.EXTRA_SECOND: 106,
}
_PERIODS = [*_FIRST_MINUTE, Period.SHOOTOUT]
# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def period_starts(moments: Iterable[MomentView]) -> dict[Period, int]:
    """Seconds from kick-off at which each period starts on the match timeline."""
    longest_stoppage = {period: 0 for period in _PERIODS}
    for m in moments:
        longest_stoppage[m.minute.period] = max(
            longest_stoppage[m.minute.period], m.minute.stoppage
        )
    starts, clock = {}, 0
    for period in _PERIODS:
        starts[period] = clock
        if period is not Period.SHOOTOUT:
            last = PERIOD_RANGES[period][1]
            clock += (last - _FIRST_MINUTE[period] + 1 + longest_stoppage[period]) * 60
    return starts


def seconds_into_period(minute: Minute) -> int:
    """Where a minute starts within its period: 17' → 960 s, 45+2' → 2,760 s."""
    into = minute.minute - _FIRST_MINUTE[minute.period] + minute.stoppage
    return max(into, 0) * 60  # an imported minute 0 is the kick-off itself


def match_sportscode(detail: MatchDetail) -> str:
    """The SportsCode XML of a match's moments, in match order."""
    starts = period_starts(detail.moments)
    root = ET.Element("file")
    instances = ET.SubElement(root, "ALL_INSTANCES")
    kicks = 0
    for m in sorted(detail.moments, key=lambda m: (m.minute.sort_key, m.id)):
        if m.minute.period is Period.SHOOTOUT:
            start = starts[Period.SHOOTOUT] + kicks * 60
            kicks += 1
        else:
            start = starts[m.minute.period] + seconds_into_period(m.minute)
        _instance(instances, m, start)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _instance(parent: ET.Element, m: MomentView, start: int) -> None:
    instance = ET.SubElement(parent, "instance")
    _text(instance, "ID", str(m.id))
    _text(instance, "start", f"{start:.1f}")
    _text(instance, "end", f"{start + 60:.1f}")
    _text(instance, "code", KIND_LABELS[m.kind])
    labels = {
        "Team": m.team,
        "Player": m.player,
        "Minute": m.minute_text,
        "Period": m.minute.period.value,
    }
    if m.related_player:
        labels[RELATED_ROLE.get(m.kind, "with").capitalize()] = m.related_player
    if m.description:
        labels["Description"] = m.description
    for group, text in labels.items():
        if text:
            label = ET.SubElement(instance, "label")
            _text(label, "group", group)
            _text(label, "text", text)


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = _NOT_XML.sub("", text)
