"""The event coder's data files: validated on load, errors naming file and line, extensible by users."""

from __future__ import annotations

import pytest

from tidings.errors import DataFileError
from tidings.events.lexicon import (CAMEO_FILE, CUES_FILE, TYPES_FILE, event_lexicon, load_cameo,
                                    load_triggers)
from tidings.lexicon import data_path
from tidings.model import EVENT_TYPES


def test_shipped_lexicon_covers_every_type():
    lexicon = event_lexicon()
    assert set(lexicon.types) == set(EVENT_TYPES)
    trigger_types = {entry.type for entries in lexicon.triggers.values() for entry in entries}
    assert trigger_types == set(EVENT_TYPES)
    assert any(pos == "NOUN" for _, pos in lexicon.triggers) and any(pos == "VERB" for _, pos in lexicon.triggers)


def test_cameo_table_is_derived_from_the_plover_table():
    table = load_cameo()
    assert table["138"].event == "THREATEN" and table["138"].goldstein == -7.0
    assert table["173"].event == "COERCE" and table["173"].mode == "arrest"
    assert table["057"].event == "SUPPORT"
    assert {row.event for row in table.values()} == set(EVENT_TYPES)


def test_unknown_type_is_reported_with_file_and_line(tmp_path):
    path = tmp_path / "triggers.yaml"
    path.write_text("entries:\n  - {lemma: [agree], pos: VERB, type: AGREE}\n  - {lemma: [zap], pos: VERB, type: ZAP}\n")
    with pytest.raises(DataFileError) as error:
        load_triggers(path)
    assert f"{path}:3" in str(error.value) and "type" in str(error.value)


def test_malformed_path_is_reported(tmp_path):
    path = tmp_path / "triggers.yaml"
    path.write_text("entries:\n  - {lemma: [agree], pos: VERB, type: AGREE, requires: ['dobj:@nothing']}\n")
    with pytest.raises(DataFileError) as error:
        load_triggers(path)
    assert f"{path}:2" in str(error.value)


def test_a_users_trigger_file_is_used(nlp, tmp_path):
    from tidings.events import code_doc

    path = tmp_path / "triggers.yaml"
    path.write_text("entries:\n"
                    "  - {lemma: [snub], pos: VERB, type: REJECT, recipient: ['dobj'], cameo: '120'}\n")
    lexicon = event_lexicon(str(path), str(data_path(TYPES_FILE)), str(data_path(CUES_FILE)),
                            str(data_path(CAMEO_FILE)))
    doc = nlp("Brazil snubbed Argentina at the summit in Lima.")
    events = code_doc(doc, lexicon)
    assert [e.event_type for e in events] == ["REJECT"]
    assert events[0].rule.startswith("triggers.yaml:2")
