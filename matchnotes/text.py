"""Text helpers shared by every layer: folding names for accent- and case-blind lookups."""

import unicodedata

# Letters that NFKD does not split into base + accent (and that FTS5 cannot fold either).
PLAIN_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
    }
)


# Characters nobody sees, dropped from single-line text: control characters (a NUL in a
# file's team name made a second "Qatar"), soft hyphen, zero-width space, word joiner,
# byte-order mark. Joiners (U+200C, U+200D) stay: Persian and Indic names need them.
# Control characters that are white space (tab, line breaks) become spaces.
_INVISIBLE = {
    code: " " if chr(code).isspace() else None
    for code in [*range(0x20), *range(0x7F, 0xA0), 0xAD, 0x200B, 0x2060, 0xFEFF]
}


def fold(text: str) -> str:
    """Return the lookup key of a name: no accents, no case, single spaces.

    >>> fold("  Aurélien  TCHOUAMÉNI ")
    'aurelien tchouameni'
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(PLAIN_LETTERS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def clean(text: str | None) -> str:
    """Trim a user's text and collapse inner runs of spaces (line breaks and tabs too),
    keeping accents and case; invisible characters (``_INVISIBLE``) go."""
    return " ".join((text or "").translate(_INVISIBLE).split())
