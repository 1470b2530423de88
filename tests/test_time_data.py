"""The time data files load and validate; a broken user rule names its file and line."""

from __future__ import annotations

import pytest

from tidings.errors import DataFileError
from tidings.timex.vocabulary import load_rules, vocabulary


def test_shipped_time_data_loads():
    vocab = vocabulary()
    assert vocab.lookup("month", "Sept.") == "9"
    assert vocab.lookup("weekday", "friday") == "5"
    assert vocab.references["the coming days"] == ("FUTURE_REF", "DATE")
    assert "ASSAULT" in vocab.anchors["attack"]
    assert len({rule.name for rule in vocab.rules}) == len(vocab.rules)


def test_a_user_rule_file_extends_detection(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text("- name: ramadan\n  pattern: '(?P<ref>the\\s+holy\\s+month)'\n  kind: reference\n  type: DATE\n")
    (rule,) = load_rules(path)
    assert rule.regex.search("during the holy month of fasting").group(0) == "the holy month"


@pytest.mark.parametrize(
    "content, message, line",
    [
        ("- name: x\n  pattern: '{NOPE}'\n  kind: calendar\n  type: DATE\n", "unknown macro {NOPE}", 1),
        ("- name: x\n  pattern: 'a'\n  kind: calendar\n  type: DATE\n- name: y\n  pattern: '(a'\n  kind: calendar\n"
         "  type: DATE\n", "bad pattern", 5),
        ("- name: x\n  pattern: 'a'\n  kind: lunar\n  type: DATE\n", "not one of", 1),
        ("- name: x\n  pattern: 'a'\n  kind: calendar\n  type: MOMENT\n", "not one of", 1),
    ],
)
def test_broken_rules_name_file_and_line(tmp_path, content, message, line):
    path = tmp_path / "rules.yaml"
    path.write_text(content)
    with pytest.raises(DataFileError) as info:
        load_rules(path)
    text = info.value.one_line()
    assert message in text and f"{path}:{line}:" in text
