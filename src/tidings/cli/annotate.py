"""``tidings annotate``: one JSON record per article (the annotation contract)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .common import Actors, Inputs, Model, Output, Processes, Published, annotate_to_jsonl


def annotate_cli(
    inputs: List[str] = Inputs,
    output: Optional[Path] = Output,
    published: Optional[str] = Published,
    model: Optional[str] = Model,
    processes: int = Processes,
    actors: Optional[List[Path]] = Actors,
) -> None:
    """Annotate articles: actors, events, quotes, time expressions and places, as JSONL."""
    annotate_to_jsonl(inputs, output, lambda annotation: [annotation.to_dict()], published=published, model=model, processes=processes,
                      actors=actors)


def register(app: typer.Typer) -> None:
    app.command("annotate")(annotate_cli)
