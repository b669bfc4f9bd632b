"""Small helpers the parsers share: names in capitals, minutes, kick-off times, seasons."""

from __future__ import annotations

import datetime as dt
import re

from matchnotes.errors import ValidationError
from matchnotes.io.errors import RecordError
from matchnotes.minutes import Minute, make_minute, written_minute
from matchnotes.text import clean, fold

_CAPS_WORD = re.compile(r"^(M[a]?c)?([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'-]+)$")
_TIME = re.compile(
    r"^(\d{1,2})[:.](\d{2})(?:\s*(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?|\s*(?:UTC|GMT))?$"
)
_SEASON = re.compile(r"^(?P<name>.*?)[\s,]+(?P<season>\d{4}(?:[/-]\d{2}(?:\d{2})?)?)$")


def display_name(raw: str) -> str:
    """Soften the capitals openfootball uses for surnames: "Aurelien TCHOUAMENI" ->
    "Aurelien Tchouameni", "Weston McKENNIE" -> "Weston McKennie"; mixed case stays."""
    words = []
    for word in clean(raw).split(" "):
        m = _CAPS_WORD.match(word)
        if m:
            rest = "-".join(part.capitalize() for part in m.group(2).split("-"))
            word = (m.group(1) or "") + rest
        words.append(word)
    return " ".join(words)


_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def loose_keys(name: str) -> set[str]:
    """Looser keys: "Hwang Hee-chan" and "HWANG Heechan", "Vinícius Jr." and "VINICIUS JR",
    "Gündogan" and "GUENDOGAN" are the same person in two openfootball files."""
    return {loose_key(name), loose_key(name.translate(_GERMAN))}


def loose_key(name: str) -> str:
    return "".join(ch for ch in fold(name) if ch.isalnum())


def accent_score(name: str) -> int:
    """How much a spelling tells: accented letters are kept over plain ones."""
    return sum(1 for ch in name if not ch.isascii())


def game_minute(
    where: str, minute: int, stoppage: int = 0, *, extra_time: bool = True, shootout: bool = False
) -> Minute:
    """A minute as files write it, made valid: 125' (after extra time) is 120+5,
    and 95' in a match without extra time is 90+5 (``written_minute``, which quick
    entry shares, so a typed line and an imported file read a minute alike)."""
    try:
        if shootout:
            return make_minute(minute, stoppage)
        return written_minute(minute, stoppage, extra_time=extra_time)
    except ValidationError as exc:
        raise RecordError(where, str(exc)) from exc


def kickoff(where: str, text: str) -> dt.time:
    """ "22:00" or "22:00 UTC+3": the local kick-off time; the zone is the venue's own."""
    m = _TIME.match(text.strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise RecordError(where, f"“{text}” is not a kick-off time; write it like 18:00.")
    return dt.time(int(m.group(1)), int(m.group(2)))


def split_season(title: str) -> tuple[str, str | None]:
    """ "World Cup 2022" -> ("World Cup", "2022"): the competition spans many seasons."""
    title = clean(title)
    m = _SEASON.match(title)
    if m and m.group("name"):
        return m.group("name"), m.group("season")
    return title, None


def split_ground(text: str) -> tuple[str, str | None]:
    """ "Al Bayt Stadium, Al Khor" -> (venue, city)."""
    name, _, city = clean(text).partition(",")
    return name.strip(), clean(city) or None
