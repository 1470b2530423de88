"""Refusals to tolerate or allow someone's act: a threat when said of now or the future and the
refused act is dissent or violence ("will no longer tolerate rallies by X" warns X), a refusal or
no event otherwise. Sentences written for these tests."""

from __future__ import annotations

import pytest
from events_helpers import summary

from tidings.errors import DataFileError
from tidings.events.lexicon import load_triggers


def _text(annotation, ref) -> str:
    return next(actor.text for actor in annotation.actors if actor.id == ref.actor)


# (sentence, trigger, word of the actor phrase, word of the recipient phrase or None, mode)
THREATS = [
    ("The army said it would no longer tolerate protests by the students' union.",
     "tolerate", "army", "union", "restrict"),
    ("Police will not allow marches by the opposition.", "allow", "Police", "opposition", "restrict"),
    ("Egypt's interior minister warned that police will no longer tolerate demonstrations by the Muslim Brotherhood.",
     "tolerate", "minister", "Brotherhood", "restrict"),
    ("Pakistan warned that it would not tolerate attacks by militants on its soil.",
     "tolerate", "Pakistan", "militants", "violence"),
    ("The ministry warned it would not accept attacks on its soldiers.", "accept", "ministry", None, "violence"),
]


@pytest.mark.parametrize("text,trigger,actor,recipient,mode", THREATS, ids=[c[0][:45] for c in THREATS])
def test_refusing_someones_protest_or_attack_is_a_threat(annotate_text, text, trigger, actor, recipient, mode):
    annotation = annotate_text(text)
    threats = [e for e in annotation.events if e.event_type == "THREATEN"]
    assert threats, summary(annotation)
    threat = threats[0]
    assert trigger in threat.trigger.text
    assert not threat.modality.negated  # the threat is made, not denied
    assert mode in threat.mode
    assert any(actor in _text(annotation, ref) for ref in threat.actor)
    if recipient is None:
        # the soldiers are whom the attacks would hit; the threat is aimed at unnamed attackers
        assert not any("soldiers" in _text(annotation, ref) for ref in threat.recipient)
    else:
        assert any(recipient in _text(annotation, ref) for ref in threat.recipient)
    # the rallies or attacks are what is threatened against, not events of their own
    assert not [e for e in annotation.events if e.event_type in {"PROTEST", "ASSAULT"}], summary(annotation)


def test_the_warner_is_the_actor_and_the_group_the_recipient(annotate_text):
    annotation = annotate_text("Egypt's interior minister warned that police will no longer tolerate "
                               "demonstrations by the Muslim Brotherhood.")
    threat = next(e for e in annotation.events if e.event_type == "THREATEN")
    assert [(r.code, "GOV" in r.sectors) for r in threat.actor] == [("EGY", True)]
    assert [r.code for r in threat.recipient] == ["EGY"]


# (sentence, the type it is, or None for no event)
NOT_THREATS = [
    ("The government has tolerated rallies by the opposition for years.", "CONCEDE"),
    ("Police did not tolerate the march by the opposition last year.", "REJECT"),
    ("Police did not allow marches by the opposition in 2019.", "REJECT"),
    ("She said she could no longer tolerate the noise from the construction site.", None),
    ("The minister said he would not accept the proposal from the opposition.", "REJECT"),
]


@pytest.mark.parametrize("text,event_type", NOT_THREATS, ids=[c[0][:45] for c in NOT_THREATS])
def test_tolerance_that_is_no_threat(annotate_text, text, event_type):
    annotation = annotate_text(text)
    types = [e.event_type for e in annotation.events]
    assert "THREATEN" not in types, summary(annotation)
    if event_type is None:
        assert not annotation.events, summary(annotation)
    else:
        assert event_type in types, summary(annotation)


def test_no_longer_negates_an_event(annotate_text):
    annotation = annotate_text("Germany will no longer support the Malian government.")
    assert annotation.events, summary(annotation)
    assert annotation.events[0].modality.negated


def test_a_malformed_negated_content_rule_is_reported(tmp_path):
    path = tmp_path / "triggers.yaml"
    path.write_text("entries:\n  - {lemma: [allow], pos: VERB, type: CONCEDE, negated_content_as: [RALLY=THREATEN]}\n")
    with pytest.raises(DataFileError) as error:
        load_triggers(path)
    assert f"{path}:2" in str(error.value) and "negated_content_as" in str(error.value)
