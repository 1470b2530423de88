"""The README's Quick start stays true: two commands, the second being what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```bash\n(.*?)\n```", section, re.S)]


def test_quick_start_is_two_single_line_commands():
    commands = quick_start()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)


def test_first_command_runs_the_main_job_on_the_bundled_example():
    first = quick_start()[0]
    assert "pip install" in first and "tidings ingest examples/articles" in first
    assert (ROOT / "examples" / "articles").is_dir()


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "blocks[1]" in ci  # .ci/run executes the README's second command itself
    assert "pytest" in quick_start()[1]
