"""Who the event coder hands to the actors contract, and the countries participants end up with:
pronouns, coordinated nationalities, the country an event happens in, weapons standing for their
users, participants inside non-participant phrases, and places an act is aimed at.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest


def _event(annotation, event_type):
    events = [e for e in annotation.events if e.event_type == event_type]
    assert events, f"no {event_type}: {[(e.event_type, e.trigger.text) for e in annotation.events]}"
    return events[0]


def _codes(refs) -> list:
    return [ref.code for ref in refs]


def _actor(annotation, ref):
    return next(a for a in annotation.actors if a.id == ref.actor)


# (sentence, type, actor codes, recipient codes): the codes of the event's references in order
CASES = [
    # a pronoun or possessive asked about as an argument
    ("Egypt said it had agreed to reopen the border crossing.", "AGREE", ["EGY"], None),
    ("Turkey launched its offensive against Kurdish fighters on Wednesday.", "ASSAULT", ["TUR"], None),
    # coordinated nationality words: one actor each
    ("French and Egyptian warships shelled rebel positions near the port.", "ASSAULT", ["FRA", "EGY"], None),
    # no country of their own: where the event happens (the PLOVER gold standard's convention)
    ("Hundreds of students demonstrated in Caracas against the new education law.", "PROTEST", ["VEN"], ["VEN"]),
    ("Hundreds of ethnic Hungarians rallied in Romania on Sunday.", "PROTEST", ["ROU"], ["ROU"]),
    ("Police in Kampala arrested dozens of opposition supporters.", "COERCE", ["UGA"], ["UGA"]),
    # a weapon stands for its unidentified user
    ("A roadside bomb near Kandahar killed three soldiers on Monday.", "ASSAULT", ["AFG"], ["AFG"]),
    ("A local journalist was killed in a car bomb explosion in Mogadishu.", "ASSAULT", ["SOM"], ["SOM"]),
    # a state acting on people the text gives no country
    ("The Peruvian government accepted demands from striking miners to raise wages.", "CONCEDE", ["PER"], ["PER"]),
    ("Colombian police prevented a march by students in Medellin.", "COERCE", ["COL"], ["COL"]),
    # the participant inside a phrase that names none
    ("The minister denounced Venezuela's treatment of its opposition.", "ACCUSE", None, ["VEN"]),
    ("The association demanded compensation from the Bolivian government.", "REQUEST", None, ["BOL"]),
    ("Ukraine mobilized reservists for a possible war against Russia.", "MOBILIZE", ["UKR"], ["RUS"]),
    # what a threat is aimed at, in the actor's own country
    ("The prime minister threatened to impose a curfew in Lagos after the riots.", "THREATEN", None, ["NGA"]),
]


@pytest.mark.parametrize("text, event_type, actors, recipients", CASES, ids=[c[0][:40] for c in CASES])
def test_participant_countries(annotate_text, text, event_type, actors, recipients):
    event = _event(annotate_text(text), event_type)
    if actors is not None:
        assert _codes(event.actor) == actors
    if recipients is not None:
        assert _codes(event.recipient) == recipients


def test_the_issuer_of_a_statement_demands(annotate_text):
    annotation = annotate_text("The union issued a statement demanding that the Greek government withdraw the "
                               "pension bill.")
    event = _event(annotation, "REQUEST")
    assert [_actor(annotation, r).text for r in event.actor] == ["union"]
    assert _codes(event.recipient) == ["GRC"]


def test_the_actor_record_keeps_what_the_text_says(annotate_text):
    """The country where the event happens goes on the event's reference, not on the actor record."""
    annotation = annotate_text("Hundreds of students demonstrated in Caracas against the new education law.")
    event = _event(annotation, "PROTEST")
    assert event.actor[0].code == "VEN" and _actor(annotation, event.actor[0]).code is None


def test_a_call_against_a_foreign_state_gives_no_country(annotate_text):
    """A participant does not take the country of a state it acts against."""
    event = _event(annotate_text("Activists called for sanctions against Iran."), "ACCUSE")
    assert _codes(event.actor) == [None] and _codes(event.recipient) == ["IRN"]


def test_a_place_is_no_actor_of_a_passive_act(annotate_text):
    annotation = annotate_text("Two soldiers were killed in Kandahar on Monday.")
    assert all(not e.actor for e in annotation.events)
