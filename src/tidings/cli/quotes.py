"""``tidings quotes``: query the quotes stored by ``tidings ingest``."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..store.formats import QUOTE_COLUMNS, Format, quotes_table
from .common import DB, FormatOption, print_stored


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
    print_stored(db, lambda store: store.quotes(speaker=speaker, actor_country=actor_country, limit=limit),
                 QUOTE_COLUMNS, quotes_table, format, "no quotes match")


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes_cli)
