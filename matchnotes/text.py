"""Text helpers shared by every layer: folding names for accent- and case-blind lookups,
counting things in words."""

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


def counted(n: int, noun: str, nouns: str | None = None) -> str:
    """The number and its noun, singular for one; ``nouns`` when the plural is not the
    noun and "s" (or "es" after ch, sh, s, x).

    >>> counted(1, "goal"), counted(3, "goal"), counted(2, "match")
    ('1 goal', '3 goals', '2 matches')
    >>> counted(2, "country", "countries")
    '2 countries'
    """
    if n == 1:
        return f"{n} {noun}"
    return f"{n} {nouns or noun + ('es' if noun.endswith(('ch', 'sh', 's', 'x')) else 's')}"
