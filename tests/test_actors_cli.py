"""``tidings resolve-actor``: one JSON line per phrase, usage errors exit 2, file errors exit 1."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tidings.cli import app

runner = CliRunner()


def test_resolve_actor_prints_one_json_line_per_text():
    result = runner.invoke(app, ["resolve-actor", "four Saudi men", "Donald Trump", "--date", "2020-01-03"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["code"], r["sectors"], r["resolved_by"]) for r in lines] == [
        ("SAU", ["CVL"], "agent-noun"), ("USA", ["GOV"], "kb")]
    assert lines[1]["name"] == "Donald Trump" and lines[0]["evidence"] == "Saudi men"


def test_bad_date_is_a_usage_error():
    result = runner.invoke(app, ["resolve-actor", "Iraqi lawmakers", "--date", "2020-13-01"])
    assert result.exit_code == 2 and "--date" in result.output


def test_user_actors_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("entries:\n- id: kobani-council\n  name: Kobani Civil Council\n  type: organisation\n"
                    "  code: SYR\n  sectors: [GOV, PRE]\n", encoding="utf-8")
    result = runner.invoke(app, ["resolve-actor", "the Kobani Civil Council", "--actors", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sectors"] == ["GOV", "PRE"]


def test_broken_actors_file_is_a_one_line_error(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("entries:\n- id: x\n  name: X\n  type: planet\n", encoding="utf-8")
    result = runner.invoke(app, ["resolve-actor", "X", "--actors", str(path)])
    assert result.exit_code == 1
    assert "broken.yaml:2" in result.output and "Traceback" not in result.output
