"""The quotes library as ids (sorted and filtered in SQL) and rows fetched by id."""

import datetime as dt

from matchnotes.services.inputs import QuoteInput


def test_ids_in_each_order_and_filtered_by_every_word(services, make_match):
    old = make_match("Leeds", "Hull", date=dt.date(2001, 1, 1))
    new = make_match("Derby", "Hull", date=dt.date(2020, 1, 1))
    a = services.quotes.add(old, QuoteInput("Zoë Müller", "What a goal"))
    b = services.quotes.add(new, QuoteInput("Ann Berg", "Poor defending"))
    c = services.quotes.add(new, QuoteInput("Zoë Müller", "A great goal"))
    quotes = services.quotes
    assert quotes.ordered_ids("match", True) == [c, b, a]  # newest match first
    assert quotes.ordered_ids("match", False) == [a, b, c]
    assert quotes.ordered_ids("speaker", False) == [b, a, c]  # by folded name, then id
    assert quotes.ordered_ids("text", False) == [c, b, a]
    assert quotes.ordered_ids("match", True, "GOAL") == [c, a]
    assert quotes.ordered_ids("match", True, "zoe goal derby") == [c]  # speaker accent-blind
    assert quotes.ordered_ids("match", True, "leeds") == [a]  # a team of the match
    assert quotes.ordered_ids("match", True, "100%") == []  # typed text is not a pattern
    views = quotes.by_ids([b, a, 999])
    assert [(v.id, v.speaker) for v in views] == [(b, "Ann Berg"), (a, "Zoë Müller")]
