"""Report content: the facts every format prints, from the read models (no Qt)."""

from matchnotes.enums import Attendance, Decision, MomentKind
from matchnotes.reports.content import (
    Mark,
    match_report,
    result_lines,
    season_report,
)
from matchnotes.reports.person_content import person_report


def test_match_report_has_the_header_facts(services, demo_match_id):
    r = match_report(services.matches.get_match(demo_match_id))
    assert r.title == "England 1–2 France"
    assert r.competition_line == "FIFA World Cup · 2022 · Quarter-final"
    assert r.result_lines == ["Half-time 0–1"]
    facts = dict(r.facts)
    assert facts["Date"] == "Saturday 10 December 2022"
    assert facts["Kick-off"] == "22:00"
    assert facts["Venue"] == "Al Bayt Stadium, Al Khor"
    assert facts["Attendance"] == "68,895"
    assert facts["Referee"] == "Wilton Sampaio"
    assert facts["Seen"] == "Watched, The Crown, Islington"


def test_line_ups_carry_goals_cards_and_substitutions(services, demo_match_id):
    home, away = match_report(services.matches.get_match(demo_match_id)).sheets
    kane = next(p for p in home.starters if p.name == "Harry Kane")
    assert kane.captain and kane.number == "9"
    assert kane.marks == ((Mark.PEN_GOAL, "54'"), (Mark.PEN_MISSED, "84'"))
    henderson = next(p for p in home.starters if p.name == "Jordan Henderson")
    assert henderson.marks == ((Mark.OFF, "79'"),)
    grealish = next(p for p in home.substitutes if p.name == "Jack Grealish")
    assert grealish.marks == ((Mark.ON, "90+8'"),)
    griezmann = next(p for p in away.starters if p.name == "Antoine Griezmann")
    assert (Mark.ASSIST, "17'") in griezmann.marks and (Mark.YELLOW, "43'") in griezmann.marks
    assert home.managers == ["Gareth Southgate"] and len(home.starters) == 11


def test_moments_show_the_score_after_goals_only(services, demo_match_id):
    rows = match_report(services.matches.get_match(demo_match_id)).moments
    by_minute = {(m.minute, m.kind): m for m in rows}
    assert by_minute[("54'", MomentKind.PENALTY_GOAL)].score == "1–1"
    missed = by_minute[("84'", MomentKind.PENALTY_MISSED)]
    assert missed.what == "Penalty missed" and missed.score == ""
    assert missed.who == "Harry Kane (won by Mason Mount)"


def test_a_quote_names_its_moment_in_a_match_report(services, demo_match_id):
    quotes = match_report(services.matches.get_match(demo_match_id)).quotes
    assert quotes[0].about == "on the 84' penalty missed"
    assert quotes[1].about == ""  # not tied to a moment; the match is the report itself


def test_extra_time_and_penalties_are_stated(services, busy_match_id):
    detail = services.matches.get_match(busy_match_id)
    assert detail.decided_by is Decision.PENALTIES
    lines = result_lines(detail)
    assert lines[1:] == ["After extra time", "Wolverhampton win 4–3 on penalties"]
    shootout = [m for m in match_report(detail).moments if m.minute == "pens"]
    assert len(shootout) == 10 and all(m.what.startswith("Shoot-out: ") for m in shootout)


def test_person_report_for_kane(services, demo_match_id):
    kane = services.people.find("kane")[0]
    r = person_report(services.people.page(kane.id), ["Captain."])
    assert r.name == "Harry Kane" and r.subtitle == "Player · FW · #9"
    assert ("Born", "28 July 1993") in r.facts
    assert r.tallies[0].goals == 53 and r.tallies[0].penalties_missed == 1
    assert [(m.minute, m.what) for m in r.moments] == [
        ("54'", "Penalty goal"),
        ("84'", "Penalty missed"),
    ]
    assert r.matches == [
        ("10 Dec 2022", "FIFA World Cup · 2022 · Quarter-final", "England 1–2 France")
    ]
    assert all(q.about == "England v France, 10 Dec 2022" for q in r.quotes)
    mount = services.people.find("mount")[0]
    seen_from_mount = person_report(services.people.page(mount.id)).moments
    assert [m.what for m in seen_from_mount] == [
        "Came on",
        "Fouled",
        "Penalty awarded",
        "Won the penalty",
    ]


def test_season_report_counts_and_grounds(services, demo_match_id, busy_match_id):
    details = [services.matches.get_match(i) for i in (demo_match_id, busy_match_id)]
    r = season_report(details, "Everything")
    assert [row.date for row in r.rows] == ["9 Mar 2024", "10 Dec 2022"][::-1]
    assert r.rows[1].match == "Borussia Mönchengladbach 6–6 Wolverhampton aet, 3–4 pens"
    assert r.summary == "2 matches · 1 watched · average rating 8.0"
    assert r.grounds == []  # watched on television: no ground visited
    assert r.notes[0][0] == "10 Dec 2022 — England 1–2 France"


def test_season_report_says_one_ground_in_the_singular(services, demo_match_id):
    services.diary.set_seen(demo_match_id, Attendance.ATTENDED, None, None)
    r = season_report([services.matches.get_match(demo_match_id)], "One")
    assert r.summary == "1 match · 1 attended · 1 ground"
