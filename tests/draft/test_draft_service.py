"""The saved draft: edits kept, regenerating keeps them unless asked, changed sources
make sentences stale, the draft goes with its match."""

import datetime as dt

import pytest

from matchnotes.enums import MomentKind
from matchnotes.errors import NotFoundError
from matchnotes.minutes import make_minute
from matchnotes.services.inputs import MatchInput, MomentInput, QuoteInput


def _miss_key(services, match_id):
    miss = next(
        m for m in services.matches.get_match(match_id).moments if m.kind == "penalty_missed"
    )
    return f"miss:{miss.id}", miss.id


def test_an_edit_is_saved_and_survives_regenerating(services, demo_match_id):
    key, _ = _miss_key(services, demo_match_id)
    assert not services.draft.is_saved(demo_match_id)
    services.draft.edit(demo_match_id, key, "  Kane  blazed it over. ")
    assert services.draft.is_saved(demo_match_id)
    draft = services.draft.current(demo_match_id)
    assert draft.sentence(key).text == "Kane blazed it over." and draft.sentence(key).edited
    kept = services.draft.generate(demo_match_id)
    assert kept.sentence(key).text == "Kane blazed it over."
    fresh = services.draft.generate(demo_match_id, keep_edited=False)
    assert fresh.sentence(key).text != "Kane blazed it over." and not fresh.sentence(key).edited
    assert services.draft.current(demo_match_id) == fresh


def test_a_changed_moment_makes_its_sentences_stale_and_only_those(services, demo_match_id):
    key, moment_id = _miss_key(services, demo_match_id)
    services.draft.generate(demo_match_id)
    assert not any(s.stale for s in services.draft.current(demo_match_id).sentences)
    _, data = services.moments.get_input(moment_id)
    data.description = "saved by Lloris"
    services.moments.update(moment_id, data)
    draft = services.draft.current(demo_match_id)
    stale = {s.key for s in draft.sentences if s.stale}
    assert key in stale and "headline" in stale  # the headline told the miss too
    assert not any(k.startswith(("goal:", "quote:")) for k in stale)
    regenerated = services.draft.generate(demo_match_id)
    assert not any(s.stale for s in regenerated.sentences)


def test_an_edited_sentence_whose_moment_is_gone_stays_at_the_end_and_stale(
    services, demo_match_id
):
    key, moment_id = _miss_key(services, demo_match_id)
    services.draft.edit(demo_match_id, key, "My own words on the miss.")
    services.moments.delete(moment_id)
    draft = services.draft.generate(demo_match_id)
    kept = draft.sentence(key)
    assert kept.text == "My own words on the miss." and kept.stale
    assert [s.key for s in draft.sentences][-1] == key  # after the result line


def test_a_sentence_no_longer_there_cannot_be_edited(services, demo_match_id):
    with pytest.raises(NotFoundError, match="no longer in the draft"):
        services.draft.edit(demo_match_id, "goal:99999", "x")


def test_the_draft_goes_with_its_match(services, demo_match_id):
    services.draft.generate(demo_match_id)
    services.matches.delete_match(demo_match_id)
    with pytest.raises(NotFoundError):
        services.draft.current(demo_match_id)
    assert not services.draft.is_saved(demo_match_id)


def test_undoing_a_match_delete_brings_its_draft_back(services, demo_match_id):
    key, _ = _miss_key(services, demo_match_id)
    services.draft.edit(demo_match_id, key, "Kept through undo.")
    services.matches.delete_match(demo_match_id)
    services.history.undo()
    assert services.draft.current(demo_match_id).sentence(key).text == "Kept through undo."


def test_the_draft_and_baselines_travel_in_the_own_json(services, demo_match_id, tmp_path):
    from matchnotes.db.database import open_database
    from matchnotes.services import Services

    key, _ = _miss_key(services, demo_match_id)
    services.draft.edit(demo_match_id, key, "Edited before the export.")
    path = tmp_path / "all.json"
    services.imports.export_file(path)
    other = open_database(tmp_path / "other.sqlite")
    try:
        there = Services.create(other.engine)
        # Rows already there: the file's moments and quotes get other ids on import.
        first = there.matches.create_match(MatchInput("Wales", "Iran", dt.date(2022, 11, 25)))
        there.moments.log(first, MomentInput(make_minute(5, 0), MomentKind.NOTE, None, None))
        there.quotes.add(first, QuoteInput("Rob Page", "A hard day."))
        there.imports.import_file(path)
        match = next(m for m in there.matches.list_matches() if m.id != first)
        miss = next(
            m for m in there.matches.get_match(match.id).moments if m.kind == "penalty_missed"
        )
        draft = there.draft.current(match.id)
        kept = draft.sentence(f"miss:{miss.id}")
        assert miss.id != int(key.split(":")[1])  # the moment has another id here
        assert kept.text == "Edited before the export." and not kept.stale
        assert not any(s.stale for s in draft.sentences)
        assert "53rd" in draft.plain_text()  # Kane's and Rooney's baselines came too
    finally:
        other.close()


def test_a_damaged_draft_in_a_file_is_refused_with_where(services, demo_match_id, tmp_path):
    import json

    from matchnotes.io.errors import ImportFileError

    services.draft.generate(demo_match_id)
    path = tmp_path / "all.json"
    services.imports.export_file(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["tables"]["match_draft"][0]["body"] = "{not a draft"
    path.write_text(json.dumps(data), encoding="utf-8")
    services.matches.delete_match(demo_match_id)
    with pytest.raises(ImportFileError, match=r"tables\.match_draft\[0\]\.body"):
        services.imports.import_file(path)
    assert services.matches.list_matches() == []  # nothing of the file was written
