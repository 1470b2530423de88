"""``tidings ingest``: annotate articles and store them in DuckDB."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..batch import BatchReport
from ..errors import StoreError
from ..store import Store
from ..store.load import ingest_inputs, summary
from .common import Actors, use_actors_files, DB, Inputs, Model, Processes, Published, check_date, fail


def ingest_cli(
    inputs: List[str] = Inputs,
    db: Path = DB,
    published: Optional[str] = Published,
    model: Optional[str] = Model,
    processes: int = Processes,
    actors: Optional[List[Path]] = Actors,
) -> None:
    """Annotate articles and store them in DuckDB (an article ingested again replaces its rows).

    Exit 0 when every input was stored, 1 when some failed (the rest are stored), 2 on a usage error.
    """
    use_actors_files(actors)
    published = check_date(published)
    try:
        store = Store(db)
    except StoreError as err:
        fail(err)
    report = BatchReport()
    with store:
        written = ingest_inputs(store, inputs, report, published=published, model=model, n_process=processes)
    typer.echo(summary(written, report, str(db)), err=True)
    raise typer.Exit(report.exit_code)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cli)
