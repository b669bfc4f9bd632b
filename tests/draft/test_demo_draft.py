"""The demo's draft states every fact of the sample story that the notes hold."""

from pathlib import Path

from tests.draft.grounding import ungrounded

ARTICLE = Path(__file__).parents[1] / "data" / "samples" / "kane-penalty-article.txt"


def _moment(services, match_id, minute, kind):
    return next(
        m for m in services.matches.get_match(match_id).moments
        if m.minute_text == minute and m.kind == kind
    )  # fmt: skip


def _key(services, match_id, prefix, minute, kind):
    return f"{prefix}:{_moment(services, match_id, minute + chr(39), kind).id}"


def _said(text, *any_of):
    return any(words in text for words in any_of)


def test_the_story_of_the_sample_article(services, demo_match_id):
    draft = services.draft.fresh(demo_match_id)
    text = draft.plain_text()
    headline, standfirst = draft.sentences[0], draft.sentences[1]
    assert (headline.section, standfirst.section) == ("headline", "standfirst")
    # Teams, stage, venue, result; the stand-first names the decisive moment: the late miss.
    for fact in ("England", "France", "quarter-final", "Al Bayt Stadium", "England 1–2 France"):
        assert fact in text, fact
    assert "Kane" in headline.text and "penalty" in headline.text
    assert "Harry Kane" in standfirst.text and "84" in standfirst.text
    assert "over the bar" in standfirst.text

    opener = draft.sentence(_key(services, demo_match_id, "goal", "17", "goal"))
    assert "Aurélien Tchouaméni" in opener.text and "17" in opener.text
    assert _said(opener.text, "opened the scoring", "took the lead", "put France ahead")

    penalty = _moment(services, demo_match_id, "54'", "penalty_goal")
    equaliser = draft.sentence(f"goal:{penalty.id}")
    assert "Harry Kane" in equaliser.text and "54" in equaliser.text
    assert _said(equaliser.text, "equalised", "drew level", "levelled")
    assert "spot" in equaliser.text and "Hugo Lloris" in equaliser.text  # his club team-mate
    milestone = draft.sentence(f"goal:{penalty.id}:milestone")
    assert "53rd goal for England" in milestone.text or "53rd for England" in milestone.text
    assert "Wayne Rooney" in milestone.text and "record of 53" in milestone.text
    assert {s.kind for s in milestone.sources} >= {"moment", "tally", "record"}

    header = draft.sentence(_key(services, demo_match_id, "goal", "78", "goal"))
    assert "Olivier Giroud" in header.text and "78" in header.text and "head" in header.text

    miss = draft.sentence(_key(services, demo_match_id, "miss", "84", "penalty_missed"))
    assert "Theo Hernández" in miss.text and "Mason Mount" in miss.text  # the foul on Mount
    assert "second penalty" in miss.text and "84" in miss.text and "over the bar" in miss.text
    assert "Harry Kane, 29," in miss.text and "England captain" in miss.text

    # Every quote, verbatim, with its speaker; Southgate with his role.
    for quote in services.quotes.for_match(demo_match_id):
        sentence = draft.sentence(f"quote:{quote.id}")
        assert quote.text.rstrip(".") in sentence.text
        assert quote.speaker.split()[-1] in sentence.text
    southgate = next(
        s for s in draft.sentences if s.key.startswith("quote:") and "Southgate" in s.text
    )
    assert "England manager Gareth Southgate" in southgate.text
    # The quote about the miss follows the miss.
    keys = [s.key for s in draft.sentences]
    (about_miss,) = [q for q in services.quotes.for_match(demo_match_id) if q.moment_id]
    assert keys.index(f"quote:{about_miss.id}") == keys.index(miss.key) + 1


def test_nothing_the_notes_do_not_hold(services, demo_match_id):
    draft = services.draft.fresh(demo_match_id)
    assert ungrounded(draft.plain_text(), services, demo_match_id) == []
    article = ARTICLE.read_text(encoding="utf-8")
    for quote in services.quotes.for_match(demo_match_id):
        for part in quote.text.split(". "):
            assert part.rstrip(".") in article  # the quotes are the article's own words


def test_every_sentence_names_its_sources(services, demo_match_id):
    draft = services.draft.fresh(demo_match_id)
    assert all(s.sources for s in draft.sentences)
    moment_ids = {m.id for m in services.matches.get_match(demo_match_id).moments}
    for s in draft.sentences:
        for source in s.sources:
            if source.kind == "moment":
                assert source.ident in moment_ids
    assert draft == services.draft.fresh(demo_match_id)  # reproducible
