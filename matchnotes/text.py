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


def fold(text: str) -> str:
    """Return the lookup key of a name: no accents, no case, single spaces.

    >>> fold("  Aurélien  TCHOUAMÉNI ")
    'aurelien tchouameni'
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(PLAIN_LETTERS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def clean(text: str | None) -> str:
    """Trim a user's text and collapse inner runs of spaces, keeping accents and case."""
    return " ".join((text or "").split())
