"""The saved draft: edits kept, regenerating keeps them unless asked, changed sources
make sentences stale, the draft goes with its match."""

import pytest

from matchnotes.errors import NotFoundError


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
    snapshot = services.history.snapshot_match(demo_match_id)
    services.matches.delete_match(demo_match_id)
    services.history.restore(snapshot)
    assert services.draft.current(demo_match_id).sentence(key).text == "Kept through undo."
