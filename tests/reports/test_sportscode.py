"""SportsCode XML exports, read back by kloppy as an analyst would load them."""

from dataclasses import replace

import pytest
from kloppy import sportscode

from matchnotes.enums import Period
from matchnotes.errors import ValidationError
from matchnotes.labels import KIND_LABELS
from matchnotes.reports.export import export_match, export_person, export_season
from matchnotes.services.imports import ImportService
from matchnotes.services.inputs import MomentInput
from tests.io import WORLDCUP_TXT


def load(path):
    """kloppy's own reader; codes by our moment id. (An open file: given a path, kloppy
    leaves a temporary file unclosed.)"""
    with open(path, "rb") as data:
        dataset = sportscode.load(data)
    return {int(code.code_id): code for code in dataset.records}


def check_every_moment(detail, codes):
    assert set(codes) == {m.id for m in detail.moments}
    for m in detail.moments:
        code = codes[m.id]
        assert code.code == KIND_LABELS[m.kind]
        assert code.labels.get("Team") == m.team
        assert code.labels.get("Player") == m.player
        assert code.labels["Minute"] == m.minute_text
        assert code.labels["Period"] == m.minute.period.value
        assert code.end_timestamp.total_seconds() - code.timestamp.total_seconds() == 60


def test_demo_match_loads_in_kloppy_with_every_moment(services, demo_match_id, tmp_path):
    out = export_match(services, demo_match_id, "sportscode", tmp_path / "demo.xml")
    detail = services.matches.get_match(demo_match_id)
    codes = load(out)
    check_every_moment(detail, codes)
    seconds = {m.minute_text: codes[m.id].timestamp.total_seconds() for m in detail.moments}
    assert seconds["17'"] == 16 * 60  # minute 17 is 16:00-17:00 of the first half
    kane_miss = next(m for m in detail.moments if m.minute_text == "84'")
    assert codes[kane_miss.id].labels["Won by"] == "Mason Mount"
    assert codes[kane_miss.id].labels["Description"] == "over the bar"


def test_stoppage_extra_time_and_shootout_keep_match_order(services, database, tmp_path):
    ImportService(database.engine).import_file(WORLDCUP_TXT)
    final = next(
        s for s in services.matches.list_matches() if s.stage and s.stage.lower() == "final"
    )
    detail = services.matches.get_match(final.id)
    codes = load(export_match(services, final.id, "sportscode", tmp_path / "final.xml"))
    check_every_moment(detail, codes)
    ordered = sorted(detail.moments, key=lambda m: (m.minute.sort_key, m.id))
    times = [codes[m.id].timestamp.total_seconds() for m in ordered]
    assert times == sorted(times)  # the timeline never runs backwards
    periods = {m.minute.period for m in detail.moments}
    assert {Period.EXTRA_FIRST, Period.EXTRA_SECOND, Period.SHOOTOUT} <= periods
    kicks = [
        codes[m.id].timestamp.total_seconds() for m in ordered if m.minute.period is Period.SHOOTOUT
    ]
    assert len(set(kicks)) == len(kicks)  # one kick a minute, none on top of another


def test_hostile_text_still_makes_xml_kloppy_reads(services, demo_match_id, tmp_path):
    detail = services.matches.get_match(demo_match_id)
    moment = detail.moments[0]
    data = MomentInput(moment.minute, moment.kind, moment.player_id, team_id=moment.team_id)
    services.moments.update(moment.id, replace(data, description='<b>&"over"</b> ]]> \x07bell'))
    codes = load(export_match(services, demo_match_id, "sportscode", tmp_path / "x.xml"))
    assert codes[moment.id].labels["Description"] == '<b>&"over"</b> ]]> bell'


def test_only_a_match_exports_as_sportscode(services, demo_match_id, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    person = services.matches.get_match(demo_match_id).moments[0].player_id
    with pytest.raises(ValidationError, match="one match's moments"):
        export_person(services, person, "sportscode", tmp_path / "p.xml")
    with pytest.raises(ValidationError, match="one match's moments"):
        export_season(services, "sportscode", tmp_path / "s.xml", year=2022)
    assert list(tmp_path.iterdir()) == []


def test_cli_writes_sportscode_and_refuses_it_for_a_person(db_path, demo_match_id, tmp_path,
                                                          capsys):  # fmt: skip
    from matchnotes.cli import run

    out = tmp_path / "cli.xml"
    assert run(["export", "sportscode", "--match", "1", "-o", str(out), "--db", str(db_path)]) == 0
    assert len(load(out)) == 14  # the demo's moments
    person = tmp_path / "p.xml"
    assert (
        run(["export", "sportscode", "--person", "1", "-o", str(person), "--db", str(db_path)]) == 1
    )
    assert "export a match" in capsys.readouterr().err and not person.exists()
