"""The MatchNotes JSON file is written as its rows are read, in the bytes json.dumps
gives for the whole document (the in-memory writer it replaced wrote exactly those: the
first version of this test compared the two on the demo and the World Cup)."""

import json

import pytest

from matchnotes.reports import export
from matchnotes.services import Services
from matchnotes.services.photos import ScaledImage
from tests.io import WORLDCUP_JSON, WORLDCUP_TXT, importer


def _dumped(document) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def test_the_demo_streams_the_bytes_of_the_whole_document(database, demo_match_id, tmp_path):
    services = Services.create(database.engine)
    services.moments.delete(services.matches.get_match(demo_match_id).moments[3].id)  # a gap
    services.notes.add("Pénalty — “Kane” ⚽\nsecond line\t\\", match_id=demo_match_id)
    picture = ScaledImage(b"\xff\xd8 bytes", b"\xff\xd8", 4, 3)  # base64 text in the file
    services.photos.add(demo_match_id, picture, caption="Block “112” ⚽")
    seen = []
    path = export.export_all(services, tmp_path / "all.json", progress=lambda *a: seen.append(a))
    assert path.read_bytes() == _dumped(services.imports.export_data())
    assert seen[-1][0] == seen[-1][1] > 0
    one = export.export_match(services, demo_match_id, "json", tmp_path / "one.json")
    assert one.read_bytes() == _dumped(services.imports.export_data(demo_match_id))


def test_the_world_cup_streams_the_bytes_of_the_whole_document(database, tmp_path):
    importer(database).import_file(WORLDCUP_TXT)
    importer(database).import_file(WORLDCUP_JSON)
    services = Services.create(database.engine)
    path = export.export_all(services, tmp_path / "all.json")
    assert path.read_bytes() == _dumped(services.imports.export_data())


def test_a_cancelled_export_leaves_the_previous_file(database, demo_match_id, tmp_path):
    services = Services.create(database.engine)
    target = tmp_path / "out" / "all.json"
    target.parent.mkdir()
    target.write_text("the previous export\n", encoding="utf-8")
    calls = []

    def cancel_after_the_start() -> bool:
        calls.append(1)
        return len(calls) > 1  # the first check passes: the writing has begun

    with pytest.raises(export.ExportCancelled):
        export.export_all(services, target, cancel=cancel_after_the_start)
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in target.parent.iterdir()] == ["all.json"]  # no partial file left
