"""event_claims: an event whose trigger lies in a quote's words is claimed by that quote."""

from __future__ import annotations

import pytest
import spacy

from tidings.components.event_claims import ClaimLinker, claiming_quote, link_claims
from tidings.extensions import register_extensions
from tidings.model import Event, Quote, Speaker, TextSpan

TEXT = ("Officials said the army shelled the town. “We will strike again,” the commander warned, "
        "“and nobody will stop us.” The talks collapsed on Monday.")


def span(words: str, occurrence: int = 0) -> TextSpan:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(words, start + 1)
    return TextSpan(words, start, start + len(words))


def event(event_id: str, trigger: str) -> Event:
    return Event(id=event_id, event_type="ASSAULT", trigger=span(trigger), sentence=0)


def quotes() -> list[Quote]:
    outer = span("the army shelled the town")
    split = TextSpan(TEXT[TEXT.index("We will"):TEXT.index("stop us.") + len("stop us.")],
                     TEXT.index("We will"), TEXT.index("stop us.") + len("stop us."))
    return [
        Quote("q1", "indirect", Speaker("Officials", 0, 9), span("said"), outer),
        Quote("q2", "direct", Speaker("the commander", TEXT.index("the commander"), TEXT.index("the commander") + 13),
              span("warned"), split),
    ]


@pytest.mark.parametrize("trigger, claimed", [
    ("shelled", "q1"),          # inside an indirect quote
    ("strike", "q2"),           # inside a direct quote
    ("stop", "q2"),             # in the second part of a split quote
    ("warned", None),           # the cue in the frame of a split quote is the speaker's own act
    ("collapsed", None),        # the outlet's own assertion
])
def test_claimed_by_the_quote_holding_the_trigger(trigger, claimed):
    found = claiming_quote(event("e1", trigger), quotes())
    assert (found.id if found else None) == claimed


def test_the_innermost_quote_claims_a_nested_event():
    inner = Quote("q9", "indirect", None, None, span("army shelled"))
    found = claiming_quote(event("e1", "shelled"), quotes() + [inner])
    assert found.id == "q9"


def test_link_claims_sets_and_clears_claimed_by():
    events = [event("e1", "shelled"), event("e2", "collapsed")]
    events[1].claimed_by = "q7"  # stale: no quote holds it
    link_claims(events, quotes())
    assert [e.claimed_by for e in events] == ["q1", None]


def test_component_on_a_hand_built_doc():
    register_extensions()
    doc = spacy.blank("en")(TEXT)
    doc._.quotes = quotes()
    doc._.events = [event("e1", "strike"), event("e2", "collapsed")]
    ClaimLinker(None, "tidings_event_claims")(doc)
    assert [e.claimed_by for e in doc._.events] == ["q2", None]


def test_component_with_no_events_or_quotes():
    register_extensions()
    doc = spacy.blank("en")("Nothing happened.")
    ClaimLinker(None, "tidings_event_claims")(doc)
    assert doc._.events is None or doc._.events == []


def test_pipeline_claims_agree_with_quote_contents(reference_annotation):
    """Whatever events the pipeline finds, each is claimed exactly by the innermost quote holding it."""
    annotation = reference_annotation
    for ev in annotation.events:
        expected = claiming_quote(ev, annotation.quotes)
        assert ev.claimed_by == (expected.id if expected else None)
