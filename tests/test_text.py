"""Counting in words: one match, two matches, however the screens and reports say it."""

import pytest

from matchnotes.text import counted


@pytest.mark.parametrize(
    ("n", "noun", "nouns", "said"),
    [
        (1, "goal", None, "1 goal"),
        (0, "goal", None, "0 goals"),
        (3, "goal", None, "3 goals"),
        (1, "match", None, "1 match"),
        (2, "match", None, "2 matches"),
        (2, "country", "countries", "2 countries"),
        (1, "country", "countries", "1 country"),
    ],
)
def test_counted(n, noun, nouns, said):
    assert counted(n, noun, nouns) == said
