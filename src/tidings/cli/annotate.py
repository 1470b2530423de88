"""``tidings annotate``: one JSON record per article (the annotation contract)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..batch import BatchReport, annotate_inputs
from .common import Actors, use_actors_files, Inputs, Model, Output, Processes, Published, check_date, open_output, write_jsonl


def annotate_cli(
    inputs: List[str] = Inputs,
    output: Optional[Path] = Output,
    published: Optional[str] = Published,
    model: Optional[str] = Model,
    processes: int = Processes,
    actors: Optional[List[Path]] = Actors,
) -> None:
    """Annotate articles: actors, events, quotes, time expressions and places, as JSONL."""
    use_actors_files(actors)
    report = BatchReport()
    with open_output(output) as handle:
        for annotation in annotate_inputs(inputs, report, published=check_date(published), model=model,
                                          n_process=processes):
            write_jsonl(handle, annotation.to_dict())
    raise typer.Exit(report.exit_code)


def register(app: typer.Typer) -> None:
    app.command("annotate")(annotate_cli)
