"""``tidings events``: query the events stored by ``tidings ingest``."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import UsageError
from ..store import event_type
from ..store.formats import EVENT_COLUMNS, Format, events_table
from ..store.periods import date_range
from .common import DB, FormatOption, print_stored, usage_error


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
    print_stored(db, lambda store: store.events(type=type, actor_country=actor_country, since=since, until=until,
                                                limit=limit, recipient_country=recipient_country),
                 EVENT_COLUMNS, events_table, format, "no events match")

def register(app: typer.Typer) -> None:
    app.command("events")(events_cli)
