"""The ten gold quotes of the reference article, with the right speaker, cue, medium and date."""

from __future__ import annotations

import pytest

GOLD_IDS = [f"Q{i}" for i in range(1, 11)]


def norm(text: str | None) -> str:
    return " ".join((text or "").replace("’", "'").replace("‘", "'").lower().split())


def gold_quote(reference_gold, gold_id: str) -> dict:
    return next(q for q in reference_gold["quotes"] if q["id"] == gold_id)


def found(annotation, item: dict):
    matches = [q for q in annotation.quotes if norm(q.content.text).startswith(norm(item["content_starts"]))]
    assert matches, f"{item['id']} not found: {item['content_starts']!r}"
    return matches[0]


def resolved(annotation, actor_id):
    """The actor a mention denotes, following coreference to the mention it refers to."""
    actor = annotation.actor(actor_id)
    seen = set()
    while actor is not None and actor.refers_to and actor.refers_to not in seen:
        seen.add(actor.id)
        actor = annotation.actor(actor.refers_to) or actor
    return actor


def test_every_gold_quote_is_found_once(reference_annotation, reference_gold):
    for item in reference_gold["quotes"]:
        matches = [q for q in reference_annotation.quotes
                   if norm(q.content.text).startswith(norm(item["content_starts"]))]
        assert len(matches) == 1, item["id"]


@pytest.mark.parametrize("gold_id", GOLD_IDS)
def test_kind_and_cue(reference_annotation, reference_gold, gold_id):
    item = gold_quote(reference_gold, gold_id)
    quote = found(reference_annotation, item)
    assert quote.kind == item["kind"]
    assert norm(quote.cue.text) == norm(item["cue"])


@pytest.mark.parametrize("gold_id", GOLD_IDS)
def test_speaker_mention(reference_annotation, reference_gold, gold_id):
    """The speaker phrase is the gold mention: the name, the pronoun or the description written there."""
    item = gold_quote(reference_gold, gold_id)
    quote = found(reference_annotation, item)
    got = norm(quote.speaker.text)
    if item.get("speaker_text"):
        assert got == norm(item["speaker_text"])
    elif got in ("he", "she", "they"):
        pass  # a pronoun: judged by the actor it resolves to (next test)
    else:
        assert norm(item["speaker"]) in got


@pytest.mark.parametrize("gold_id", GOLD_IDS)
def test_speaker_actor(reference_annotation, reference_gold, gold_id):
    """The speaker resolves to the gold speaker's actor (pronouns through the actor coreference)."""
    item = gold_quote(reference_gold, gold_id)
    quote = found(reference_annotation, item)
    speaker = quote.speaker
    assert speaker.actor is not None
    if item.get("speaker_codes"):
        codes = {reference_annotation.actor(a).code for a in speaker.actors}
        assert set(item["speaker_codes"]) <= codes
        return
    actor = resolved(reference_annotation, speaker.actor)
    assert norm(item["speaker"]) in norm(actor.name or actor.text)


def test_media_of_the_reference_quotes(reference_annotation, reference_gold):
    for gold_id, medium in (("Q3", "twitter"), ("Q4", "joint statement"), ("Q5", "al-maalomah news agency")):
        quote = found(reference_annotation, gold_quote(reference_gold, gold_id))
        assert norm(quote.medium) == medium, gold_id


def test_joint_statement_date(reference_annotation, reference_gold):
    quote = found(reference_annotation, gold_quote(reference_gold, "Q4"))
    timex = next((t for t in reference_annotation.timexes if "July 26" in t.text), None)
    assert quote.date == (timex.value if timex is not None and timex.value else "July 26")
    if timex is not None and timex.value:
        assert quote.date == gold_quote(reference_gold, "Q4")["date"]


def test_scare_quoted_word_is_no_quote(reference_annotation):
    assert not any(norm(q.content.text) == "advisory" for q in reference_annotation.quotes)
