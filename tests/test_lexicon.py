"""The data-file loader validates rows and names the file and line of every problem."""

from __future__ import annotations

import pytest

from tidings.errors import DataFileError
from tidings.lexicon import Column, Schema, load, read_rows, shipped_files

SCHEMA = Schema(
    name="triggers",
    columns=(
        Column("lemma"),
        Column("type", choices=frozenset({"AGREE", "ACCUSE"})),
        Column("weight", type=float, required=False),
        Column("modes", many=True, required=False),
    ),
    unique=("lemma", "type"),
)


def test_yaml_rows_are_validated_and_converted(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("- lemma: agree\n  type: AGREE\n  weight: '0.5'\n  modes: [a, b]\n- lemma: blame\n  type: ACCUSE\n")
    rows = load(path, SCHEMA)
    assert rows[0]["weight"] == 0.5 and rows[0]["modes"] == ["a", "b"]
    assert rows[1]["weight"] is None and rows[1]["modes"] == []
    assert [r["_line"] for r in rows] == [1, 5]


def test_tsv_splits_list_columns_and_skips_comments(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("# a comment\nlemma\ttype\tmodes\nagree\tAGREE\tx|y\n\nblame\tACCUSE\t\n")
    rows = load(path, SCHEMA)
    assert rows[0]["modes"] == ["x", "y"]
    assert rows[1]["_line"] == 5


@pytest.mark.parametrize(
    "content, suffix, message, line",
    [
        ("- lemma: agree\n  type: AGREED\n", ".yaml", "not one of", 1),
        ("- lemma: agree\n", ".yaml", "missing required field 'type'", 1),
        ("- lemma: agree\n  type: AGREE\n- lemma: agree\n  type: AGREE\n", ".yaml", "duplicate entry", 3),
        ("- lemma: agree\n  type: AGREE\n  colour: red\n", ".yaml", "unknown field", 1),
        ("- lemma: [unclosed\n", ".yaml", "not valid YAML", 2),
        ("lemma,type,weight\nagree,AGREE,heavy\n", ".csv", "is not a float", 2),
        ("lemma,type\nagree,AGREE,extra\n", ".csv", "more fields", 2),
    ],
)
def test_errors_name_file_and_line(tmp_path, content, suffix, message, line):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content)
    with pytest.raises(DataFileError) as info:
        load(path, SCHEMA)
    text = info.value.one_line()
    assert message in text
    assert f"{path}:{line}:" in text
    assert "\n" not in text


def test_unknown_file_type(tmp_path):
    path = tmp_path / "rows.json"
    path.write_text("[]")
    with pytest.raises(DataFileError, match="unknown data file type"):
        read_rows(path)


def test_every_shipped_data_file_parses():
    # each area's own tests validate its files against their schemas; here: every file is readable
    for path in shipped_files():
        read_rows(path)
