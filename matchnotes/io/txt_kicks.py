"""Football.TXT shoot-outs: "Penalties: 0-1 Kylian MBAPPE, 1-1 Lionel MESSI,
Kingsley COMAN (missed), ..." in kicking order; the running score shows who scored."""

from __future__ import annotations

import re

from matchnotes.enums import MomentKind
from matchnotes.io.common import display_name, loose_key
from matchnotes.io.errors import RecordError
from matchnotes.io.records import KickRecord, Side, other
from matchnotes.io.txt_lineups import split_top

_KICK = re.compile(
    r"^(?:(?P<h>\d+)-(?P<a>\d+)\s+)?(?P<name>[^()]+?)\s*(?:\((?P<miss>missed|saved|post|bar)\))?$"
)


def parse_kicks(body: str, where: str, sides: dict[str, Side]) -> list[KickRecord]:
    """Kicks in order. A scored kick's side follows from the score; a missed one's from
    the line-ups, or else from the teams taking turns."""
    kicks: list[KickRecord] = []
    home = away = 0
    for item in split_top(" ".join(body.split()), ","):
        if not item:
            continue
        k = _KICK.match(item)
        if not k or (k.group("h") is None) == (k.group("miss") is None):
            raise RecordError(
                where, f"cannot read the kick “{item}”; write “1-0 Name” or “Name (missed)”."
            )
        name = display_name(k.group("name"))
        side: Side | None
        if k.group("h") is not None:
            h, a = int(k.group("h")), int(k.group("a"))
            if (h, a) not in ((home + 1, away), (home, away + 1)):
                raise RecordError(
                    where, f"the shoot-out score jumps from {home}-{away} to {h}-{a}."
                )
            side = "home" if h > home else "away"
            home, away = h, a
            kind = MomentKind.PENALTY_GOAL
        else:
            side = sides.get(loose_key(name))
            kind = (
                MomentKind.PENALTY_SAVED
                if k.group("miss") == "saved"
                else MomentKind.PENALTY_MISSED
            )
        kicks.append(KickRecord(side, name, kind))
    return _take_turns(kicks)


def _take_turns(kicks: list[KickRecord]) -> list[KickRecord]:
    """Fill in unknown sides: the teams kick alternately, so one known kick tells all."""
    known = next((i for i, k in enumerate(kicks) if k.side), None)
    if known is None:
        return kicks
    anchor = kicks[known].side
    assert anchor is not None
    return [
        k
        if k.side
        else KickRecord(anchor if (i - known) % 2 == 0 else other(anchor), k.name, k.kind)
        for i, k in enumerate(kicks)
    ]
