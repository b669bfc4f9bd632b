"""A match page plus the moment a quick-entry line logged, without reading the match
again (services/match_append.py): the same as the match read afresh, or None."""

from dataclasses import replace

from matchnotes.services.inputs import MatchInput


def _match(services, make_player, home="Argentina", away="France"):
    import datetime as dt

    match_id = services.matches.create_match(
        MatchInput(home=home, away=away, date=dt.date(2022, 12, 18))
    )
    make_player(match_id, home, "Lionel Messi", 10)
    make_player(match_id, away, "Kylian Mbappé", 10)
    return match_id


def test_each_line_added_to_the_page_gives_the_match_as_read_afresh(services, make_player):
    match_id = _match(services, make_player)
    detail = services.matches.get_match(match_id)
    for line in ("80 goal Mbappe", "23 pen Messi", "36 og Mbappe", "90+3 yc Messi", "2 note rain"):
        result = services.quick_entry.record(match_id, line)
        assert result.appendable == result.moment is not None
        detail = services.matches.with_moment(detail, result.appendable)
        assert detail == services.matches.get_match(match_id)
    assert str(detail.summary.score) == "2–1" and str(detail.half_time) == "2–0"


def test_a_stated_score_stays_as_stated(services, make_player):
    match_id = _match(services, make_player)
    services.matches.update_match(
        match_id, replace(services.matches.get_input(match_id), score_override=(3, 0))
    )
    detail = services.matches.get_match(match_id)
    moment = services.quick_entry.record(match_id, "10 goal Mbappe").moment
    after = services.matches.with_moment(detail, moment)
    assert after == services.matches.get_match(match_id)
    assert str(after.summary.score) == "3–0" and after.moments[0].score_after.away == 1


def test_what_the_page_cannot_tell_alone_is_read_again(services, make_player):
    match_id = _match(services, make_player)
    other = _match(services, make_player, "Spain", "Portugal")
    detail = services.matches.get_match(match_id)
    # A new player typed in quotes joins the line-up: the page reads the match again.
    joined = services.quick_entry.record(match_id, '81 goal France "Randal Kolo Muani"')
    assert joined.moment is not None and joined.appendable is None
    elsewhere = services.quick_entry.record(other, "5 note kick-off").moment
    assert services.matches.with_moment(detail, elsewhere) is None
    logged = services.quick_entry.record(match_id, "85 note late").moment
    shown = services.matches.with_moment(detail, logged)
    assert services.matches.with_moment(shown, logged) is None  # already on the page
