"""``tidings quotes``: query the quotes stored by ``tidings ingest``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ..errors import StoreError
from ..store import Store
from ..store.formats import QUOTE_COLUMNS, Format, quotes_table, write_records
from .common import DB, fail
from .events import FormatOption


def quotes_cli(
    db: Path = DB,
    speaker: Optional[str] = typer.Option(None, "--speaker", metavar="NAME",
                                          help="Part of the speaker's words or resolved name (any case)."),
    actor_country: Optional[str] = typer.Option(None, "--actor-country", metavar="CODE",
                                                help="Speaker's country code (ISO alpha-3, or IGO, UNO, ...)."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=0, help="Show at most this many quotes."),
    format: Format = FormatOption,
) -> None:
    """List stored quotes: who said what, through which medium. Exit 1 when the database is missing."""
    try:
        with Store(db, read_only=True) as store:
            records = store.quotes(speaker=speaker, actor_country=actor_country, limit=limit)
    except StoreError as err:
        fail(err)
    if not records and format is Format.table:
        typer.echo("no quotes match", err=True)
        return
    write_records(records, format, QUOTE_COLUMNS, sys.stdout, quotes_table(records) if format is Format.table else None)


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes_cli)
