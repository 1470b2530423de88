"""The event coder on the reference article (read from ../shared through the fixtures).

Dates belong to the event-time component and are not asserted here.
"""

from __future__ import annotations

import pytest
from events_helpers import codes


def _matches(event, gold: dict, *, recipient: bool = True) -> bool:
    """A coded event answers a gold event: type allowed, actor country (and recipient country) agree."""
    if event.event_type not in gold["type"]:
        return False
    if gold.get("actor_country") and not codes(event.actor) & set(gold["actor_country"]):
        return False
    if recipient and gold.get("recipient_country") and not codes(event.recipient) & set(gold["recipient_country"]):
        return False
    return True


def _loose(event, gold: dict) -> bool:
    """Same type, and no country contradicts the gold (unresolved actors are tolerated)."""
    if event.event_type not in gold["type"]:
        return False
    for side, key in ((event.actor, "actor_country"), (event.recipient, "recipient_country")):
        found = codes(side)
        if found and gold.get(key) and not found & set(gold[key]):
            return False
    return True


# --- issue 2, item 5: the first three events ------------------------------------------------------

def test_threat_by_resistance_factions_against_us_forces(reference_annotation):
    threats = [e for e in reference_annotation.events if e.event_type == "THREATEN"]
    event = next(e for e in threats if "war" in e.trigger.text)
    assert codes(event.actor) == {"IRQ"}
    assert codes(event.recipient) == {"USA"}
    assert "MIL" in {s for ref in event.recipient for s in ref.sectors}
    assert event.modality.hypothetical
    assert event.mode == ["violence"]


def test_accusation_holding_us_forces_responsible(reference_annotation):
    event = next(e for e in reference_annotation.events
                 if e.event_type == "ACCUSE" and "responsible" in e.trigger.text)
    assert codes(event.actor) == {"IRQ"}
    assert codes(event.recipient) == {"USA"}
    assert "MIL" in {s for ref in event.recipient for s in ref.sectors}


def test_drone_strike_authorized_by_the_us(reference_annotation):
    event = next(e for e in reference_annotation.events if e.event_type == "ASSAULT")
    assert codes(event.actor) == {"USA"}
    assert "drone" in event.mode
    assert "IRQ" not in codes(event.actor)


# --- issue 3: every required gold event, few extras --------------------------------------------------

def test_every_required_event_found_the_right_way_round(reference_annotation, reference_gold):
    missing = []
    for gold in reference_gold["events"]:
        if not gold["required"]:
            continue
        if not any(_matches(e, gold, recipient=False) for e in reference_annotation.events):
            missing.append((gold["id"], gold["trigger"]))
    assert not missing


@pytest.mark.xfail(reason="'They were targeted ...': the recipient is a pronoun the actors component does not yet "
                          "resolve to al-Muhandis and Soleimani", strict=False)
def test_every_required_event_has_its_recipient(reference_annotation, reference_gold):
    missing = [gold["id"] for gold in reference_gold["events"] if gold["required"]
               and not any(_matches(e, gold) for e in reference_annotation.events)]
    assert not missing


def test_no_required_event_has_actor_and_recipient_swapped(reference_annotation, reference_gold):
    for gold in reference_gold["events"]:
        if not gold["required"] or not gold.get("recipient_country") or not gold.get("actor_country"):
            continue
        for event in reference_annotation.events:
            if event.event_type in gold["type"] and codes(event.actor) == set(gold["recipient_country"]) \
                    and codes(event.recipient) & set(gold["actor_country"]) \
                    and not set(gold["actor_country"]) & set(gold["recipient_country"]):
                pytest.fail(f"{gold['id']} coded the wrong way round: {event}")


def test_at_most_three_events_match_no_gold_event(reference_annotation, reference_gold):
    unmatched = [(e.event_type, e.trigger.text) for e in reference_annotation.events
                 if not any(_loose(e, gold) for gold in reference_gold["events"])]
    assert len(unmatched) <= 3, unmatched


def test_reference_events_are_well_formed(reference_annotation):
    text = reference_annotation.article.text
    actors = {a.id for a in reference_annotation.actors}
    ids = [e.id for e in reference_annotation.events]
    assert ids == [f"e{i}" for i in range(1, len(ids) + 1)]
    for event in reference_annotation.events:
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert event.cameo and event.quad_class and event.goldstein is not None
        for ref in event.actor + event.recipient:
            assert ref.actor in actors
        assert event.modality.historical is False or event.date is not None
