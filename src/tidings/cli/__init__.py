"""The ``tidings`` command line: one subcommand per module, each a thin wrapper over the library."""

from __future__ import annotations

import importlib

import typer

#: subcommand modules in the order ``tidings --help`` lists them
COMMAND_MODULES = ("annotate", "code", "ingest", "events", "quotes", "resolve_actor")

app = typer.Typer(
    name="tidings",
    help="Turn news articles into traceable PLOVER political event data, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_module}").register(app)


def main() -> None:
    app()
