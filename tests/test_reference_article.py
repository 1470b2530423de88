"""The foundation's promise on the reference article, end to end through ``tidings annotate``:
the threat, the 15 November accusation and the 3 January 2020 drone strike, each with its
actors the right way round and its own date (not the publication date)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tidings.cli import app

from conftest import REFERENCE_ARTICLE, REFERENCE_PUBLISHED


@pytest.fixture(scope="module")
def record(shared_dir, nlp):
    result = CliRunner().invoke(app, ["annotate", str(REFERENCE_ARTICLE), "--published", REFERENCE_PUBLISHED])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


def _codes(refs):
    return {ref["code"] for ref in refs}


@pytest.mark.slow
@pytest.mark.parametrize(
    "event_type, trigger_word, actor, recipient, date",
    [
        ("THREATEN", "war", "IRQ", "USA", None),
        ("ACCUSE", "responsible", "IRQ", "USA", "2021-11-15"),
        ("ASSAULT", None, "USA", None, "2020-01-03"),
    ],
)
def test_required_events(record, event_type, trigger_word, actor, recipient, date):
    text = record["article"]["text"]
    candidates = [e for e in record["events"] if e["event_type"] == event_type
                  and (trigger_word is None or trigger_word in text[e["trigger"]["start"]:e["trigger"]["end"] + 60])]
    assert candidates, f"no {event_type} event"
    event = candidates[0]
    assert actor in _codes(event["actor"])
    if recipient:
        assert recipient in _codes(event["recipient"])
    if date:
        assert event["date"]["value"] == date and event["date"]["resolved_by"] != "publication"
        assert event["modality"]["historical"] is (date < "2021-10-01")


@pytest.mark.slow
def test_dateline_is_place_and_outlet_and_out_of_the_first_sentence(record):
    article = record["article"]
    assert (article["dateline"]["place"], article["dateline"]["outlet"]) == ("Tehran", "Tasnim")
    first = record["sentences"][0]
    assert first["start"] >= article["dateline"]["end"]
    assert article["text"][first["start"]:].startswith("Iraqi political groups urged")
