"""``tidings code``: PLOVER JSONL, one event per line."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..batch import BatchReport, annotate_inputs
from ..plover import plover_records
from .common import Actors, use_actors_files, Inputs, Model, Output, Processes, Published, check_date, open_output, write_jsonl


def code_cli(
    inputs: List[str] = Inputs,
    output: Optional[Path] = Output,
    published: Optional[str] = Published,
    model: Optional[str] = Model,
    processes: int = Processes,
    actors: Optional[List[Path]] = Actors,
) -> None:
    """Code articles as PLOVER events (JSONL, one event per line)."""
    use_actors_files(actors)
    report = BatchReport()
    with open_output(output) as handle:
        for annotation in annotate_inputs(inputs, report, published=check_date(published), model=model,
                                          n_process=processes):
            for record in plover_records(annotation):
                write_jsonl(handle, record)
    raise typer.Exit(report.exit_code)


def register(app: typer.Typer) -> None:
    app.command("code")(code_cli)
