"""The data model round-trips through JSON and keeps the contract's names."""

from __future__ import annotations

import json

import pytest

from tidings.model import (
    Actor, ActorRef, Annotation, Article, Dateline, Event, EventDate, EventLocation, Modality, Place, Quote,
    Sentence, Speaker, TextSpan, TimeExpression,
)


def sample_annotation() -> Annotation:
    text = "BAGHDAD (Wire) - Iraqi lawmakers urged US forces to leave, an MP said."
    return Annotation(
        article=Article(id="x1", text=text, title="T", published="2021-11-20", outlet="Wire",
                        dateline=Dateline(place="Baghdad", outlet="Wire", start=0, end=16)),
        sentences=[Sentence(start=17, end=len(text))],
        actors=[Actor(id="a1", text="Iraqi lawmakers", start=17, end=32, code="IRQ", sectors=["LEG"],
                      resolved_by="agent-noun")],
        events=[Event(id="e1", event_type="REQUEST", trigger=TextSpan("urged", 33, 38), sentence=0,
                      modality=Modality(future=True),
                      actor=[ActorRef(actor="a1", code="IRQ", sectors=["LEG"])],
                      date=EventDate(value="2021-11-20", granularity="day"),
                      location=EventLocation(place="p1", reason="dateline"), claimed_by="q1")],
        quotes=[Quote(id="q1", kind="indirect", speaker=Speaker("an MP", 60, 65, actor=None),
                      cue=TextSpan("said", 66, 70), content=TextSpan("Iraqi lawmakers urged US forces to leave", 17, 57))],
        timexes=[TimeExpression(id="t1", text="now", start=0, end=3, value="PRESENT_REF")],
        places=[Place(id="p1", text="BAGHDAD", start=0, end=7, name="Baghdad", country="IRQ", lat=33.34,
                      lon=44.4, role="dateline")],
    )


def test_round_trip_through_json():
    annotation = sample_annotation()
    again = Annotation.from_dict(json.loads(json.dumps(annotation.to_dict())))
    assert again == annotation


@pytest.mark.parametrize("key", ["article", "sentences", "actors", "events", "quotes", "timexes", "places"])
def test_top_level_keys(key):
    assert key in sample_annotation().to_dict()


def test_lookups_by_id():
    annotation = sample_annotation()
    assert annotation.actor("a1").code == "IRQ"
    assert annotation.place("p1").name == "Baghdad"
    assert annotation.quote("q1").kind == "indirect"
    assert annotation.actor("a9") is None
