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
    """Entry point: never a traceback for the user (set TIDINGS_DEBUG=1 to see one)."""
    import os
    import sys

    from ..errors import TidingsError

    try:
        app()
    except TidingsError as err:
        print(f"error: {err.one_line()}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as err:  # noqa: BLE001 - last resort for the command line
        if os.environ.get("TIDINGS_DEBUG"):
            raise
        text = " ".join(str(err).split())
        print(f"error: internal error: {type(err).__name__}: {text} (TIDINGS_DEBUG=1 shows the traceback)",
              file=sys.stderr)
        sys.exit(1)
