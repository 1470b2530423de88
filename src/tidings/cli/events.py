"""``tidings events``: query the events stored by ``tidings ingest``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ..errors import StoreError, UsageError
from ..store import Store, event_type
from ..store.formats import EVENT_COLUMNS, Format, events_table, write_records
from ..store.periods import date_range
from .common import DB, fail, usage_error

FormatOption = typer.Option(Format.table, "--format", "-f", help="table (readable), json (JSON lines) or csv.")


def events_cli(
    db: Path = DB,
    type: Optional[str] = typer.Option(None, "--type", "-t", metavar="TYPE", help="PLOVER event type, e.g. ASSAULT."),
    actor_country: Optional[str] = typer.Option(None, "--actor-country", metavar="CODE",
                                                help="Actor's country code (ISO alpha-3, or IGO, UNO, ...)."),
    recipient_country: Optional[str] = typer.Option(None, "--recipient-country", metavar="CODE",
                                                    help="Recipient's country code."),
    since: Optional[str] = typer.Option(None, "--since", metavar="DATE",
                                        help="YYYY, YYYY-MM or YYYY-MM-DD: events wholly on or after it."),
    until: Optional[str] = typer.Option(None, "--until", metavar="DATE",
                                        help="YYYY, YYYY-MM or YYYY-MM-DD: events wholly on or before it."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=0, help="Show at most this many events."),
    format: Format = FormatOption,
) -> None:
    """List stored events, oldest first. Exit 1 when the database is missing or unreadable."""
    try:
        if type:
            event_type(type)
        date_range(since, until)
    except UsageError as err:
        usage_error(err.message)
    try:
        with Store(db, read_only=True) as store:
            records = store.events(type=type, actor_country=actor_country, since=since, until=until, limit=limit,
                                   recipient_country=recipient_country)
    except StoreError as err:
        fail(err)
    if not records and format is Format.table:
        typer.echo("no events match", err=True)
        return
    write_records(records, format, EVENT_COLUMNS, sys.stdout, events_table(records) if format is Format.table else None)


def register(app: typer.Typer) -> None:
    app.command("events")(events_cli)
