"""Quotes in a quick-entry line: “words” - Speaker, or q Speaker: words."""

from __future__ import annotations

import re

from matchnotes.entry.entries import QuoteEntry
from matchnotes.entry.errors import EntryError
from matchnotes.entry.names import QUOTES, find_speaker, words
from matchnotes.entry.roster import Roster

MAX_QUOTE = 10_000  # as the quotes service allows
_SAYING = re.compile(r"([\"“„«])(.*)([\"”“»])\s*[-–—]+\s*(.*)", re.S)  # "words" - Speaker
_Q_FORM = re.compile(r"q(?:uote)?\s+([^:]*):(.*)", re.S | re.I)  # q Speaker: words
_QUOTE_HELP = "write a quote as “words” - Speaker, or q Speaker: words"
_WHO_SAID = f"Who said it? W{_QUOTE_HELP[1:]}."


def is_quote(text: str) -> bool:
    """A line that opens with a quotation mark, or with q / quote, is a quote."""
    return text[:1] in QUOTES or words(text)[:1] in (("q",), ("quote",))


def parse_quote(text: str, roster: Roster) -> QuoteEntry:
    """The speaker is found like a player (managers included) or is a new person."""
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
    if not words(speaker):
        raise EntryError(_WHO_SAID)
    return QuoteEntry(find_speaker(speaker, roster), words_said)


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] in QUOTES and text[-1] in QUOTES[text[0]]:
        return text[1:-1]
    return text
