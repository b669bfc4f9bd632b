"""The summary the GUI, the CLI and --json show, and progress reports."""

import json

from matchnotes.io import FORMATS
from tests.io import WORLDCUP_JSON, importer


def test_progress_is_reported_per_match(database):
    calls = []
    importer(database).import_file(
        WORLDCUP_JSON, progress=lambda done, total: calls.append((done, total))
    )
    assert calls[0] == (1, 64) and calls[-1] == (64, 64)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_the_summary_prints_and_converts_to_json(database):
    summary = importer(database).import_file(WORLDCUP_JSON, format="openfootball-json")
    lines = str(summary).splitlines()
    assert lines[0] == (
        "worldcup-2022.json (openfootball football.json): "
        "64 matches added, 0 updated, 0 unchanged, 0 skipped."
    )
    assert "  moments: 172 added" in lines
    data = json.loads(json.dumps(summary.to_dict()))
    assert data["added"] == 64 and data["skipped"] == 0 and data["skipped_records"] == []
    assert data["details"]["people"]["added"] == 119
    assert data["format"] == FORMATS["openfootball-json"]
