"""``tidings resolve-actor``: actor phrases to PLOVER codes, one JSON line each."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..errors import TidingsError
from .common import check_date, fail, write_jsonl

Texts = typer.Argument(..., help="Actor phrases, e.g. \"four Saudi men\" \"US President Joe Biden\".")
Date = typer.Option(None, "--date", help="Resolve roles as of this date (YYYY-MM-DD; default today).")
Actors = typer.Option(None, "--actors", help="Extra knowledge-base YAML file(s) in the format of "
                                             "tidings/data/actors/knowledge_base.yaml (repeatable).")


def resolve_actor_cli(texts: List[str] = Texts, date: Optional[str] = Date,
                      actors: Optional[List[Path]] = Actors) -> None:
    """Resolve actor phrases to a PLOVER country code, sectors and identity, with the reason."""
    import sys

    from ..actors import actor_record, resolve_actor

    date = check_date(date, "--date")
    try:
        for text in texts:
            actor = resolve_actor(text, date, actors_file=[str(p) for p in actors] if actors else None)
            write_jsonl(sys.stdout, actor_record(actor))
    except TidingsError as err:
        fail(err)


def register(app: typer.Typer) -> None:
    app.command("resolve-actor")(resolve_actor_cli)
