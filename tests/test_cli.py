"""The annotate and code commands: output shape, exit codes, errors on one line, docs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli import COMMAND_MODULES, app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
PLOVER_FIELDS = {"id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "event_text",
                 "text", "text_info", "article_id", "evidence", "modality"}

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.mark.slow
def test_annotate_prints_one_record_per_article_of_every_format(tmp_path):
    out = tmp_path / "out.jsonl"
    result = _run("annotate", str(EXAMPLES), "--published", "2024-06-30", "-o", str(out))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    # one .txt, one .html and three JSONL lines
    assert len(records) == 5
    for record in records:
        text = record["article"]["text"]
        for sentence in record["sentences"]:
            assert text[sentence["start"]:sentence["end"]].strip()
        for actor in record["actors"]:
            assert text[actor["start"]:actor["end"]] == actor["text"]


@pytest.mark.slow
def test_code_prints_plover_records_with_evidence(tmp_path):
    out = tmp_path / "events.jsonl"
    result = _run("code", str(EXAMPLES / "wire-briefs.jsonl"), "-o", str(out))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records, "the wire briefs report sanctions, threats and attacks"
    for record in records:
        assert PLOVER_FIELDS <= set(record)
        evidence = record["evidence"]
        assert evidence["text"] in record["text"]


@pytest.mark.slow
def test_bad_input_fails_alone_with_one_line(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text("Protesters blocked a road in Lagos on Monday, police said.\n")
    (inputs / "empty.txt").write_text("")
    (inputs / "notes.docx").write_bytes(b"PK\x03\x04")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["annotate", str(inputs), "-o", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("empty.txt" in line for line in errors) and any("notes.docx" in line for line in errors)
    assert "Traceback" not in result.output
    assert len(out.read_text().splitlines()) == 1


@pytest.mark.parametrize("value", ["20-11-2021", "2021-13-01", "yesterday"])
def test_bad_published_date_is_a_usage_error(value):
    result = runner.invoke(app, ["annotate", "-", "--published", value], input="text")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize("module", COMMAND_MODULES)
def test_every_command_has_help_and_is_documented(module):
    command = module.replace("_", "-")
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert len(result.output.strip()) > 80
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"tidings {command}\b", readme), f"README does not document `tidings {command}`"


@pytest.mark.slow
def test_annotate_reads_a_user_actors_file(tmp_path, monkeypatch):
    monkeypatch.delenv("TIDINGS_ACTORS", raising=False)
    kb = tmp_path / "mine.yaml"
    kb.write_text("entries:\n- id: tamar-qassis\n  name: Tamar Qassis\n  type: person\n  code: JOR\n"
                  "  sectors: [LEG]\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Tamar Qassis condemned the raid on Tuesday.\n", encoding="utf-8")
    result = runner.invoke(app, ["annotate", str(article), "--actors", str(kb)])
    assert result.exit_code == 0, result.output
    actors = json.loads(result.stdout)["actors"]
    qassis = next(a for a in actors if a["text"] == "Tamar Qassis")
    assert (qassis["code"], qassis["sectors"], qassis["kb_id"]) == ("JOR", ["LEG"], "tamar-qassis")
    monkeypatch.delenv("TIDINGS_ACTORS", raising=False)


def test_missing_actors_file_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["annotate", str(tmp_path), "--actors", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "nope.yaml" in result.stderr
