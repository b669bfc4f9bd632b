"""A match not played yet has no score: it reads "England v France" in the list, the
page's title, the reports and the exports, until a goal is logged or it is finished."""

import csv
import datetime as dt
import io

from matchnotes.enums import MatchStatus
from matchnotes.reports.csv_export import matches_csv
from matchnotes.reports.match_text import match_as_text, summary_as_dict
from matchnotes.services.inputs import MatchInput
from matchnotes.services.standings import is_played


def _scheduled(services):
    return services.matches.create_match(
        MatchInput(home="England", away="France", date=dt.date(2030, 6, 1))
    )


def test_a_scheduled_match_shows_v_not_nil_nil(services):
    summary = services.matches.get_summary(_scheduled(services))
    assert summary.status is MatchStatus.SCHEDULED
    assert (summary.title, summary.score_text, summary.has_result) == (
        "England v France", "v", False)  # fmt: skip
    assert not is_played(summary)
    (row,) = list(csv.reader(io.StringIO(matches_csv([summary]))))[1:]
    assert row[5:9] == ["England", "", "", "France"]
    assert summary_as_dict(summary)["score"] is None


def test_finished_nil_nil_and_a_goal_before_the_status_show_the_score(services, make_match):
    nil = services.matches.get_summary(make_match("Leeds", "Hull"))
    assert nil.title == "Leeds 0–0 Hull" and is_played(nil)
    ident = _scheduled(services)
    services.quick_entry.record(ident, '12 goal England "Harry Kane"')
    detail = services.matches.get_match(ident)
    assert detail.summary.title == "England 1–0 France"
    assert match_as_text(detail).splitlines()[0] == "England 1–0 France"
