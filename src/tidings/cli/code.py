"""``tidings code``: PLOVER JSONL, one event per line."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..plover import plover_records
from .common import Actors, Inputs, Model, Output, Processes, Published, annotate_to_jsonl


def code_cli(
    inputs: List[str] = Inputs,
    output: Optional[Path] = Output,
    published: Optional[str] = Published,
    model: Optional[str] = Model,
    processes: int = Processes,
    actors: Optional[List[Path]] = Actors,
) -> None:
    """Code articles as PLOVER events (JSONL, one event per line)."""
    annotate_to_jsonl(inputs, output, plover_records, published=published, model=model, processes=processes,
                      actors=actors)


def register(app: typer.Typer) -> None:
    app.command("code")(code_cli)
