"""The quotes library as ids (sorted and filtered in SQL) and rows fetched by id."""

import datetime as dt

from matchnotes.services.inputs import QuoteInput


def _logged_by(services, match_id, *quotes):
    """Ann Berg's quotes, each logged by the author given beside it (None: imported)."""
    from matchnotes.services.change_log import set_author, unsigned

    ids = []
    try:
        for author, text in quotes:
            if author is None:
                with unsigned():  # imported: nobody logged it
                    ids.append(services.quotes.add(match_id, QuoteInput("Ann Berg", text)))
            else:
                set_author(author)
                ids.append(services.quotes.add(match_id, QuoteInput("Ann Berg", text)))
    finally:
        set_author(None)
    return ids


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


def test_ids_by_who_logged_them_and_found_by_that_name(services, make_match):
    match_id = make_match("Leeds", "Hull")
    nobody, sam, alex = _logged_by(
        services, match_id, (None, "Imported"), ("Sam Reporter", "Logged by Sam"),
        ("Alex Desk", "Logged by Alex"),
    )  # fmt: skip
    quotes = services.quotes
    assert quotes.ordered_ids("author", False) == [nobody, alex, sam]  # none first, both
    assert quotes.ordered_ids("author", True) == [sam, alex, nobody]
    assert quotes.ordered_ids("match", True, "sam") == [sam]
    assert [v.author for v in quotes.by_ids([sam, nobody])] == ["Sam Reporter", None]


def test_who_logged_it_is_found_accent_and_case_blind_like_the_other_names(services, make_match):
    match_id = make_match("Leeds", "Hull")
    jose, joaquin = _logged_by(
        services, match_id, ("José Peñalver", "Un été magnifique"), ("Joaquín Ruiz", "A long day")
    )
    quotes = services.quotes
    for typed in ("jose", "José", "JOSE", "jose penalver", "Peñalver"):
        assert quotes.ordered_ids("match", True, typed) == [jose], typed
    assert quotes.ordered_ids("match", False, "jo") == [jose, joaquin]
    assert quotes.ordered_ids("match", False, "joaquin") == [joaquin]
    # The quote's own words are found as typed, accents and all.
    assert quotes.ordered_ids("match", True, "été") == [jose]
    assert quotes.ordered_ids("match", True, "magnifique") == [jose]
