"""Quotes in a quick-entry line: “words” - Speaker, or q Speaker: words.

The speaker may be followed by where it was said: ``- Kane (press conference)`` or
``q Scaloni (press conference, Lusail): words``.
"""

from __future__ import annotations

import re

from matchnotes.entry.entries import QuoteEntry
from matchnotes.entry.errors import EntryError
from matchnotes.entry.names import QUOTES, find_speaker, words
from matchnotes.entry.roster import Roster
from matchnotes.enums import QuoteContext
from matchnotes.text import clean

MAX_QUOTE = 10_000  # as the quotes service allows
MAX_PLACE = 200
_SAYING = re.compile(r"([\"“„«])(.*)([\"”“»])\s*[-–—]+\s*(.*)", re.S)  # "words" - Speaker
_Q_FORM = re.compile(r"q(?:uote)?\s+([^:]*):(.*)", re.S | re.I)  # q Speaker: words
_WHERE = re.compile(r"(.*?)\s*\(([^()]*)\)\s*", re.S)  # Speaker (press conference, place)
_QUOTE_HELP = "write a quote as “words” - Speaker, or q Speaker: words"
_WHO_SAID = f"Who said it? W{_QUOTE_HELP[1:]}."
_CONTEXTS = {
    "press conference": QuoteContext.PRESS_CONFERENCE,
    "press": QuoteContext.PRESS_CONFERENCE,
    "presser": QuoteContext.PRESS_CONFERENCE,
    "post match": QuoteContext.POST_MATCH_INTERVIEW,
    "post match interview": QuoteContext.POST_MATCH_INTERVIEW,
    "interview": QuoteContext.POST_MATCH_INTERVIEW,
    "after the match": QuoteContext.POST_MATCH_INTERVIEW,
    "mixed zone": QuoteContext.MIXED_ZONE,
    "pre match": QuoteContext.PRE_MATCH,
    "before the match": QuoteContext.PRE_MATCH,
    "other": QuoteContext.OTHER,
}
_CONTEXT_HELP = (
    "write (press conference), (post-match), (mixed zone) or (pre-match) after the speaker, "
    "with the place after a comma if you like: (press conference, Lusail)"
)


def is_quote(text: str) -> bool:
    """A line that opens with a quotation mark, or with q / quote, is a quote."""
    return text[:1] in QUOTES or words(text)[:1] in (("q",), ("quote",))


def parse_quote(text: str, roster: Roster) -> QuoteEntry:
    """The speaker is found like a player (managers included); a new one is typed in quotes."""
    saying = _SAYING.fullmatch(text)
    if text[0] in QUOTES:
        if not saying:
            raise EntryError(_WHO_SAID)
        words_said, speaker = saying.group(2), saying.group(4)
    else:
        q_form = _Q_FORM.fullmatch(text)
        if not q_form:
            raise EntryError(f"Put a colon after the speaker: {_QUOTE_HELP}.")
        speaker, words_said = q_form.group(1), _unquote(q_form.group(2).strip())
    words_said = words_said.strip()
    if not words_said:
        raise EntryError(f"The quote has no words: {_QUOTE_HELP}.")
    if len(words_said) > MAX_QUOTE:
        raise EntryError(f"A quote is at most {MAX_QUOTE:,} characters.")
    speaker, context, place = _where_said(speaker)
    if not words(speaker):
        raise EntryError(_WHO_SAID)
    return QuoteEntry(find_speaker(speaker, roster), words_said, context, place)


def _where_said(speaker: str) -> tuple[str, QuoteContext | None, str | None]:
    """“Kane (press conference, Lusail)” -> (“Kane”, press conference, “Lusail”)."""
    found = _WHERE.fullmatch(speaker)
    if found is None:
        return speaker, None, None
    said, _, place = found.group(2).partition(",")
    context = _CONTEXTS.get(" ".join(words(said)))
    if context is None:
        raise EntryError(f"“({clean(found.group(2))})” is not where it was said: {_CONTEXT_HELP}.")
    place = clean(place)
    if len(place) > MAX_PLACE:
        raise EntryError(f"A place is at most {MAX_PLACE} characters.")
    return found.group(1), context, place or None


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] in QUOTES and text[-1] in QUOTES[text[0]]:
        return text[1:-1]
    return text
